/* dlg-window-events.c: the window's header about the event on screen, and its buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-add-feed-dialog.h"
#include "dlg-toast.h"
#include "dlg-window-private.h"

static char *
format_saved_at (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  /* Translators: when the saved copy was fetched, e.g. "30 November, 14:05" */
  return time != NULL ? g_date_time_format (time, _("%-d %B, %H:%M")) : g_strdup ("");
}

/* A sync that ends within a moment (an unchanged feed takes a few milliseconds) shows
 * nothing: a spinner and an "Updating…" that flash by only distract.  (It also spares the
 * start-up drawing the spinner, whose icon is an SVG: librsvg is 6 MiB to load.) */
#define SYNC_SHOWN_AFTER_MS 800

static void update_status (DlgWindow *self);

static gboolean
sync_shown_cb (gpointer user_data)
{
  DlgWindow *self = user_data;

  self->sync_shown_id = 0;
  self->sync_shown = TRUE;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
update_status (DlgWindow *self)
{
  DlgSubscription *current = self->watched;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *error = current != NULL ? dlg_subscription_get_error (current) : NULL;
  gboolean syncing = current != NULL && dlg_subscription_get_syncing (current);
  GAction *action;

  /* The header speaks of the event on screen until the next one is. */
  if (self->switch_id != 0)
    return;

  if (!syncing)
    {
      g_clear_handle_id (&self->sync_shown_id, g_source_remove);
      self->sync_shown = FALSE;
    }
  else if (!self->sync_shown && self->sync_shown_id == 0)
    self->sync_shown_id = g_timeout_add (SYNC_SHOWN_AFTER_MS, sync_shown_cb, self);

  if (current == NULL)
    subtitle = g_strdup (_("No event"));
  else if (syncing && self->sync_shown)
    subtitle = g_strdup (_("Updating…"));
  else
    subtitle = dlg_format_updated_ago (dlg_subscription_get_updated_at (current),
                                       g_get_real_time () / G_USEC_PER_SEC);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->refresh_stack), subtitle);

  gtk_stack_set_visible_child_name (self->refresh_stack,
                                    syncing && self->sync_shown ? "spinner" : "button");
  /* A hidden spinner that spins still asks for a frame 60 times a second: 5% of a CPU on an
   * idle laptop, for nothing. */
  gtk_spinner_set_spinning (self->sync_spinner, syncing && self->sync_shown);
  /* Through a quick sync the button stays as it is, like the header: greyed for a moment, it
   * would only flicker at every start.  Pressed meanwhile, it joins the sync on its way
   * (dlg_library_refresh).  A slow sync puts the spinner in its place. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "refresh");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               current != NULL && !(syncing && self->sync_shown));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "remove-event");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), current != NULL);

  /* A failed sync says why, and the data stays on screen. */
  if (error == NULL)
    {
      gtk_info_bar_set_revealed (self->banner, FALSE);
      return;
    }

  if (dlg_subscription_get_updated_at (current) > 0)
    {
      g_autofree char *when = format_saved_at (dlg_subscription_get_updated_at (current));

      if (dlg_subscription_get_offline (current))
        title = g_strdup_printf (_("Offline: showing the saved copy from %s"), when);
      else
        title = g_strdup_printf (_("Could not update: showing the saved copy from %s"), when);
    }
  else
    title = g_strdup (dlg_subscription_get_offline (current)
                      ? _("Offline: nothing is saved for this event yet")
                      : _("Could not load this event"));

  gtk_label_set_text (self->banner_title, title);
  gtk_label_set_text (self->banner_detail, error);
  gtk_info_bar_set_message_type (self->banner,
                                 dlg_subscription_get_offline (current)
                                 ? GTK_MESSAGE_INFO : GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (self->banner, TRUE);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_status (user_data);
  return G_SOURCE_CONTINUE;
}

static void
subscription_changed_cb (DlgWindow *self)
{
  update_status (self);
}

static gboolean
switch_slow_cb (gpointer user_data)
{
  DlgWindow *self = user_data;

  self->switch_id = 0;
  /* The switch has waited as long as a sync may go unseen: a new event still being fetched
   * says so now, not after waiting as long again (update_status() drops this if it is not). */
  g_clear_handle_id (&self->sync_shown_id, g_source_remove);
  self->sync_shown = TRUE;
  update_status (self);
  return G_SOURCE_REMOVE;
}

void
dlg_window_end_switch (DlgWindow *self)
{
  if (self->switch_id == 0)
    return;
  g_clear_handle_id (&self->switch_id, g_source_remove);
  update_status (self);
}

/* Another event chosen while one is on screen: the window goes on showing the last one, and
 * its header (updated when, the Update button) goes on describing it, until the new event is
 * read (dlg_window_set_feed) or for as long as a sync may take unseen.  A switch that ends
 * within a moment, as reading a saved event or a schedule file does, then changes the window
 * once instead of twice: every frame of this window is drawn whole (on a laptop without a GL
 * driver, some 50 ms), and the frame for the state in between held the new event back. */
static void
current_changed_cb (DlgWindow *self)
{
  DlgSubscription *current = dlg_library_get_current (self->library);

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, subscription_changed_cb, self);
  g_set_object (&self->watched, current);
  if (current != NULL)
    g_signal_connect_object (current, "notify", G_CALLBACK (subscription_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* Every event removed: one page says so and offers to add one, where the panes would speak
   * of an event there is not. */
  gtk_stack_set_visible_child_name (self->content_stack, current != NULL ? "panes" : "no-events");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, current != NULL);
  gtk_widget_set_visible (self->switcher_bar, current != NULL);

  g_clear_handle_id (&self->switch_id, g_source_remove);
  if (self->feed != NULL && current != NULL)
    self->switch_id = g_timeout_add (SYNC_SHOWN_AFTER_MS, switch_slow_cb, self);
  update_status (self);
  /* From one event not downloaded to another, the feed stays none: the notes must follow. */
  if (self->feed == NULL)
    dlg_window_feed_notes_page (self);
}

/* Follows the library's current event from now on. */
void
dlg_window_watch_events (DlgWindow *self)
{
  g_signal_connect_object (self->library, "notify::current",
                           G_CALLBACK (current_changed_cb), self, G_CONNECT_SWAPPED);
  current_changed_cb (self);
  /* "Updated 5 minutes ago" must age while the window is open. */
  self->tick_id = g_timeout_add_seconds (30, tick_cb, self);
}

static void
dlg_window_refresh_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DlgWindow *self = user_data;

  if (self->library != NULL)
    dlg_library_refresh (self->library);
}

static void
dlg_window_add_event_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  DlgWindow *self = user_data;

  if (self->library != NULL)
    gtk_window_present (GTK_WINDOW (dlg_add_feed_dialog_new (GTK_WINDOW (self), self->library)));
}

static void
undo_remove_cb (AdwToast        *toast,
                DlgSubscription *removed)
{
  DlgLibrary *library = g_object_get_data (G_OBJECT (toast), "library");

  dlg_library_restore_removed (library, removed);
}

static void
remove_dismissed_cb (AdwToast        *toast,
                     DlgSubscription *removed)
{
  DlgLibrary *library = g_object_get_data (G_OBJECT (toast), "library");

  /* After Undo this finds nothing to forget. */
  dlg_library_forget_removed (library, removed);
}

/* Removing an event is one click on a red button, and at a venue without a network its saved
 * copy could not be fetched again: the toast's Undo brings it back as it was.  The store
 * forgets it when the toast goes (dlg_library_forget_removed). */
static void
dlg_window_remove_event_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  DlgWindow *self = user_data;
  DlgSubscription *current = self->library != NULL ? dlg_library_get_current (self->library) : NULL;
  g_autoptr(DlgSubscription) removed = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (current == NULL)
    return;

  removed = g_object_ref (current);
  dlg_library_remove (self->library, removed);

  /* Translators: a toast; %s is the event's title */
  text = g_strdup_printf (_("“%s” removed"), dlg_subscription_get_title (removed));
  toast = dlg_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "library", g_object_ref (self->library),
                          g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb),
                         g_object_ref (removed), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (remove_dismissed_cb),
                         g_object_ref (removed), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const GActionEntry event_actions[] = {
  { "refresh", dlg_window_refresh_action },
  { "add-event", dlg_window_add_event_action },
  { "remove-event", dlg_window_remove_event_action },
};

void
dlg_window_add_event_actions (DlgWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), event_actions,
                                   G_N_ELEMENTS (event_actions), self);
}
