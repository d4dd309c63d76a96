/* dlg-pane-search.h: Ctrl+F in the pane shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline gboolean
dlg_pane_search_focus_cb (GtkWidget *pane,
                          GVariant  *args,
                          gpointer   entry)
{
  return gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* Ctrl+F, from anywhere in the window while @pane is shown, takes the keyboard to @entry (its
 * search, which @pane holds: its text is selected, so what is typed replaces it).  A managed
 * shortcut: the window runs it only for a pane that is mapped, so each pane answers Ctrl+F
 * when it is the one on screen and the others keep out of the way. */
static inline void
dlg_pane_add_search_shortcut (GtkWidget *pane,
                              GtkWidget *entry)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_callback_action_new (dlg_pane_search_focus_cb,
                                                                                   entry, NULL)));
  gtk_widget_add_controller (pane, shortcuts);
}

G_END_DECLS
