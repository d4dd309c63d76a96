/* dlg-detail-title.h: a detail's title, with its Note button beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DLG_TYPE_DETAIL_TITLE (dlg_detail_title_get_type ())
G_DECLARE_FINAL_TYPE (DlgDetailTitle, dlg_detail_title, DLG, DETAIL_TITLE, GtkWidget)

void       dlg_detail_title_set       (DlgDetailTitle *self,
                                       const char     *title,
                                       const char     *note_target);
GtkWidget *dlg_detail_title_get_label (DlgDetailTitle *self);

G_END_DECLS
