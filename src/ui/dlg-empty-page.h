/* dlg-empty-page.h: why a pane has nothing to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

/* Words @page (a pane's empty page) for an event that has none of what the pane shows, or,
 * without a @downloaded copy of the event (one added offline, not reached since), says that
 * nothing is known yet: "has published none" would not be true. */
static inline void
dlg_empty_page_explain (AdwStatusPage *page,
                        gboolean       downloaded,
                        const char    *none_title,
                        const char    *none_description,
                        const char    *waiting_description)
{
  adw_status_page_set_title (page, downloaded ? none_title : _("Not Downloaded Yet"));
  adw_status_page_set_description (page, downloaded ? none_description : waiting_description);
}

G_END_DECLS
