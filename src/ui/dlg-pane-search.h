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
  /* Selected even when the search had the keyboard already (GTK selects it only on coming
   * in): what is typed next starts a new search. */
  if (!gtk_widget_grab_focus (GTK_WIDGET (entry)))
    return FALSE;
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  return TRUE;
}

static inline GtkEventController *
dlg_pane_search_shortcut_new (GtkShortcutScope  scope,
                              GtkWidget        *entry)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), scope);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_callback_action_new (dlg_pane_search_focus_cb,
                                                                                   entry, NULL)));
  return shortcuts;
}

/* Ctrl+F, from anywhere in the window while @pane is shown, takes the keyboard to @entry (its
 * search, which @pane holds: its text is selected, so what is typed replaces it).  A managed
 * shortcut: the window runs it only for a pane that is mapped, so each pane answers Ctrl+F
 * when it is the one on screen and the others keep out of the way.  The window runs managed
 * shortcuts only for keys the focused widget left alone, and a selectable label (the title a
 * detail opens on) keeps them all: inside the pane, the same shortcut also runs first, before
 * the key reaches the focused widget. */
static inline void
dlg_pane_add_search_shortcut (GtkWidget *pane,
                              GtkWidget *entry)
{
  GtkEventController *inside = dlg_pane_search_shortcut_new (GTK_SHORTCUT_SCOPE_LOCAL, entry);

  gtk_event_controller_set_propagation_phase (inside, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (pane, inside);
  gtk_widget_add_controller (pane, dlg_pane_search_shortcut_new (GTK_SHORTCUT_SCOPE_MANAGED,
                                                                 entry));
}

static inline gboolean
dlg_pane_search_key_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               list)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (list)) ||
      !gtk_widget_grab_focus (GTK_WIDGET (list)))
    return FALSE;

  /* A list view gives the keyboard to the row it last had it on; with none (or that row
   * filtered out), GTK 4.8 keeps it on the list itself, where no row shows it and Enter
   * does nothing: move on, as a second Down would, to the first row, selected.  The row
   * itself, where Enter opens it: moving focus into the list instead would stop on the
   * row's first control (a session's star), where Enter stars the session. */
  if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list))) == GTK_WIDGET (list))
    {
#if GTK_CHECK_VERSION (4, 12, 0)
      gtk_list_view_scroll_to (GTK_LIST_VIEW (list), 0,
                               GTK_LIST_SCROLL_FOCUS | GTK_LIST_SCROLL_SELECT, NULL);
#else
      gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", 0);
      gtk_widget_activate_action (GTK_WIDGET (list), "list.select-item", "(ubb)", 0, FALSE, FALSE);
      /* GTK 4.8 has no call to focus a row: the row just selected is the one marked so. */
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if ((gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0 &&
            gtk_widget_grab_focus (row))
          return TRUE;
      /* A list without selection: its first row, or the first control in it. */
      gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_DOWN);
#endif
    }
  return TRUE;
}

/* Down in @entry, a pane's search, takes the keyboard to @list, what the search narrows, as
 * the results of a search are reached elsewhere in GNOME, rather than to the filter below
 * the search. */
static inline void
dlg_pane_search_leads_to (GtkWidget *entry,
                          GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (dlg_pane_search_key_cb), list);
  gtk_widget_add_controller (entry, keys);
}

G_END_DECLS
