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

/* A row was opened (Enter, a click on a narrow window, a link from another
 * pane): the keyboard follows it into the detail.  Narrow, that is the back
 * button.  Wide, it is the detail's @title, a selectable label, which a
 * screen reader reads out first: GTK 4.8's lists take Tab row by row, so a
 * keyboard user otherwise went through every session or case to reach it.
 * (Not gtk_widget_child_focus (content): it orders controls by where they
 * were last drawn, and a detail just filled in or just shown had not been
 * drawn yet, so it chose the Note button or the subtitle.) */
void
dlg_split_open (AdwLeaflet *leaflet,
                GtkWidget  *content,
                GtkWidget  *back_button,
                GtkWidget  *title)
{
  g_return_if_fail (ADW_IS_LEAFLET (leaflet));
  g_return_if_fail (GTK_IS_LABEL (title));

  if (adw_leaflet_get_folded (leaflet))
    {
      adw_leaflet_set_visible_child (leaflet, content);
      gtk_widget_grab_focus (back_button);
    }
  else if (gtk_widget_grab_focus (title))
    {
      /* GTK selects all of a label's text when it takes the keyboard,
       * which looks like a mistake. */
      gtk_label_select_region (GTK_LABEL (title), 0, 0);
    }
  else
    gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
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
