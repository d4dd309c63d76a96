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
  GtkWidget *window;

  g_return_if_fail (ADW_IS_LEAFLET (leaflet));
  g_return_if_fail (GTK_IS_LABEL (title));

  window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (leaflet)));

  /* A pane hidden while the window was narrowed (a session followed from a member's page) is
   * still as wide as when last shown, and folds only once laid out again: it then showed its
   * list, the row merely selected in it.  The detail is made the child to show beforehand.
   * (Not for a pane on screen and wide: narrowed later, it goes on showing the list.) */
  if (adw_leaflet_get_folded (leaflet) ||
      (window != NULL && gtk_widget_get_width (GTK_WIDGET (leaflet)) > gtk_widget_get_width (window)))
    adw_leaflet_set_visible_child (leaflet, content);
  if (adw_leaflet_get_folded (leaflet))
    gtk_widget_grab_focus (back_button);
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

static gboolean
escape_pressed_cb (GtkEventControllerKey *keys,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkWidget             *back_button)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      !gtk_widget_get_mapped (back_button))
    return FALSE;

  return gtk_widget_activate (back_button);
}

/* On a narrow window, Escape in the detail goes back to the list, as its back button (shown
 * only then) and Alt+Left do.  Keys the detail's own controls take (a search's Escape) are
 * theirs. */
void
dlg_split_escape_goes_back (GtkWidget *content,
                            GtkWidget *back_button)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (content));
  g_return_if_fail (GTK_IS_WIDGET (back_button));

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (escape_pressed_cb), back_button, 0);
  gtk_widget_add_controller (content, keys);
}
