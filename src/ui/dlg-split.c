/* dlg-split.c: a list beside the detail of its chosen row
 *
 * The agenda, the members and the best practices show a list in a sidebar
 * and the chosen row's detail beside it, or, on a narrow window (a folded
 * leaflet), one of the two with a back button on the detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-split.h"

/* A row was opened (Enter, or a click on a narrow window): the keyboard
 * follows it into the detail.  Narrow, that is the back button.  Wide, it
 * is the detail's first control: GTK 4.8's lists take Tab row by row, so a
 * keyboard user otherwise went through every session or case to reach it. */
void
dlg_split_open (AdwLeaflet *leaflet,
                GtkWidget  *content,
                GtkWidget  *back_button)
{
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));

  if (adw_leaflet_get_folded (leaflet))
    {
      adw_leaflet_set_visible_child (leaflet, content);
      gtk_widget_grab_focus (back_button);
    }
  else if (gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD))
    {
      /* The first control is the Note button or the title.  The title is
       * a selectable label: a screen reader reads it out, but GTK selects
       * all of it on focus, which looks like a mistake. */
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (content));

      if (GTK_IS_LABEL (focus))
        gtk_label_select_region (GTK_LABEL (focus), 0, 0);
    }
}

/* Back to the list, with the keyboard in it. */
void
dlg_split_back (AdwLeaflet *leaflet,
                GtkWidget  *sidebar,
                GtkWidget  *list)
{
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));

  adw_leaflet_set_visible_child (leaflet, sidebar);
  gtk_widget_grab_focus (list);
}
