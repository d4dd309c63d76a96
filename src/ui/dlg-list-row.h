/* dlg-list-row.h: a list's row that names the list item it sits in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DLG_TYPE_LIST_ROW (dlg_list_row_get_type ())
G_DECLARE_FINAL_TYPE (DlgListRow, dlg_list_row, DLG, LIST_ROW, GtkWidget)

/* Names the list item @row is the child of (GTK 4.8 names none). */
void dlg_list_item_set_label (GtkWidget  *row,
                              const char *label);

/* What a row shows, in its order: the parts that are not empty, joined with
 * ", "; NULL when all are. */
char *dlg_list_row_join (const char * const *parts,
                         gsize               n_parts);

/* For row templates: "first, second", or whichever is not empty. */
char *dlg_list_row_join_cb (GtkListItem *item,
                            const char  *first,
                            const char  *second,
                            gpointer     data);

G_END_DECLS
