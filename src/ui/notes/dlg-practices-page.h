/* dlg-practices-page.h: the best-practices pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_PRACTICES_PAGE (dlg_practices_page_get_type ())
G_DECLARE_FINAL_TYPE (DlgPracticesPage, dlg_practices_page, DLG, PRACTICES_PAGE, AdwBin)

DlgFeed *dlg_practices_page_get_feed (DlgPracticesPage *self);
void     dlg_practices_page_set_feed (DlgPracticesPage *self,
                                      DlgFeed          *feed);
gboolean dlg_practices_page_show_practice (DlgPracticesPage *self,
                                           const char       *id);
/* Puts the keyboard on the shown case's title, as Enter on a row does;
 * call it once the page is shown. */
void     dlg_practices_page_focus_detail (DlgPracticesPage *self);

G_END_DECLS
