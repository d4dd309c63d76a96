/* dlg-link.h: a link of a session or a best-practice case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DLG_TYPE_LINK (dlg_link_get_type ())
G_DECLARE_FINAL_TYPE (DlgLink, dlg_link, DLG, LINK, GObject)

/* Only http(s) links survive parsing. */
const char *dlg_link_get_url   (DlgLink *self);
const char *dlg_link_get_title (DlgLink *self); /* nullable */

G_END_DECLS
