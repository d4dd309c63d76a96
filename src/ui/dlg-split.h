/* dlg-split.h: a list beside the detail of its chosen row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void dlg_split_open (AdwLeaflet *leaflet,
                     GtkWidget  *content,
                     GtkWidget  *back_button,
                     GtkWidget  *title);
void dlg_split_back (AdwLeaflet *leaflet,
                     GtkWidget  *sidebar,
                     GtkWidget  *list);
void dlg_split_escape_goes_back (GtkWidget *content,
                                 GtkWidget *back_button);

G_END_DECLS
