/* dlg-choice-rows.h: a drop-down's popup rows, named for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       dlg_choice_rows_set     (GtkDropDown *dropdown,
                                    const char  *list_name);
void       dlg_choice_rows_set_searchable (GtkDropDown *dropdown,
                                           const char  *list_name);
GtkWidget *dlg_drop_down_find_part (GtkDropDown *dropdown,
                                    GType        type);

G_END_DECLS
