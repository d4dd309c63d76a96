/* dlg-agenda-page.c: the agenda pane, the delegate's day
 *
 * Sessions of the feed -> one GtkCustomFilter (day, room, track, "My
 * schedule", search) in a GtkFilterListModel -> selection -> GtkListView.
 * Rows (DlgSessionRow) ask the page for their group header, time, flags
 * and star (dlg-agenda-rows.c, dlg-agenda-stars.c), and listen to
 * "rows-changed".  Times are shown in the event's zone (from the feed,
 * never the machine's), or in the laptop's when the delegate chose so
 * (GSettings "agenda-local-time").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-agenda-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dlg-agenda-page-internal.h"
#include "dlg-agenda-text.h"
#include "dlg-ics.h"
#include "dlg-settings.h"
#include "dlg-feed-label.h"
#include "dlg-save-file.h"
#include "dlg-choice-rows.h"
#include "dlg-split.h"
#include "dlg-lazy-choices.h"
#include "dlg-lazy-slice.h"
#include "dlg-empty-page.h"
#include "dlg-pane-search.h"
#include "dlg-session-row.h"
#include "dlg-session-view.h"
#include "dlg-session-search.h"
#include "dlg-stars.h"
#include "dlg-toast.h"

/* Above this many sessions the filter runs in steps, so typing never waits. */
#define INCREMENTAL_THRESHOLD 2000


G_DEFINE_FINAL_TYPE (DlgAgendaPage, dlg_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  PROP_STORE,
  N_PROPS
};

enum {
  ROWS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
dlg_agenda_page_rows_changed (DlgAgendaPage *self)
{
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static void update_list_state (DlgAgendaPage *self);

/* "Day 1, Wednesday 16 October" */
static char *
day_label_cb (DlgDay        *day,
              DlgAgendaPage *self)
{
  return dlg_agenda_format_day (day, dlg_agenda_feed_time_zone (self->feed));
}

/* The chosen day on the drop-down's button ellipsizes, so that a long
 * localised date ("Hari ke-1, Rabu, 16 Oktober") never widens the pane past
 * a 360 px window; the popup list shows each day whole. */
static void
day_button_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_list_item_set_child (item, label);
}

static void
day_item_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DlgAgendaPage            *self)
{
  g_autofree char *text = dlg_agenda_format_day (gtk_list_item_get_item (item),
                                                 dlg_agenda_feed_time_zone (self->feed));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

gboolean
dlg_agenda_page_spans_days (DlgAgendaPage *self)
{
  return (self->terms != NULL && self->terms[0] != NULL) ||
         gtk_toggle_button_get_active (self->mine_button);
}

void
dlg_agenda_page_refilter (DlgAgendaPage   *self,
                          GtkFilterChange  change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_list_state (self);
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

/* --- filtering ------------------------------------------------------------- */

gboolean
dlg_agenda_page_filters_show (DlgAgendaPage *self,
                              DlgSession    *session)
{
  if (gtk_toggle_button_get_active (self->mine_button) &&
      !g_hash_table_contains (self->starred, dlg_session_get_key (session)))
    return FALSE;

  if (self->room != NULL && g_strcmp0 (dlg_session_get_room (session), self->room) != 0)
    return FALSE;
  if (self->track != NULL && g_strcmp0 (dlg_session_get_track (session), self->track) != 0)
    return FALSE;

  if (self->terms != NULL && self->terms[0] != NULL)
    {
      const char *key = g_hash_table_lookup (self->search_keys, session);

      if (key == NULL)
        {
          char *made = dlg_session_search_key (session, self->feed);

          g_hash_table_insert (self->search_keys, session, made);
          key = made;
        }
      return dlg_search_matches (key, (const char * const *) self->terms);
    }

  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DlgAgendaPage *self = user_data;
  DlgSession *session = item;
  DlgDay *day;

  /* A search and "My schedule" look at every day. */
  if (!dlg_agenda_page_spans_days (self) &&
      (day = gtk_drop_down_get_selected_item (self->day_dropdown)) != NULL &&
      dlg_session_get_day (session) != dlg_day_get_index (day))
    return FALSE;

  return dlg_agenda_page_filters_show (self, session);
}

/* Whether any starred session is in this copy of the event: a star on one the organiser has
 * since dropped is listed in the card above the list, not in it. */
static gboolean
stars_shown (DlgAgendaPage *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->starred);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (self->feed != NULL && dlg_feed_find_session (self->feed, key) != NULL)
      return TRUE;
  return FALSE;
}

/* The description of a status page is markup, and it may hold what the delegate typed. */
static void
say_list_empty (DlgAgendaPage *self,
                const char    *icon_name,
                const char    *title,
                const char    *description)
{
  g_autofree char *escaped = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->list_empty_page, icon_name);
  adw_status_page_set_title (self->list_empty_page, title);
  adw_status_page_set_description (self->list_empty_page, escaped);
}

static void
update_list_state (DlgAgendaPage *self)
{
  gboolean empty = self->visible == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->visible)) == 0;
  gboolean pending = self->visible != NULL && gtk_filter_list_model_get_pending (self->visible) > 0;

  if (empty && !pending)
    {
      /* As the other panes say it: what is empty, and what to do about it. */
      if (gtk_toggle_button_get_active (self->mine_button) && !stars_shown (self))
        say_list_empty (self, "starred-symbolic", _("No Starred Sessions"),
                    _("Star the sessions you will attend."));
      else if (self->terms != NULL && self->terms[0] != NULL)
        {
          /* What was searched for, as typed, so that a typo shows. */
          g_autofree char *typed =
            g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
          /* TRANSLATORS: the agenda's list when a search finds nothing; %s is what the
           * delegate typed in the search. */
          g_autofree char *text =
            g_strdup_printf (_("Nothing matches “%s”. Try other words, or another room or track."),
                             typed);

          say_list_empty (self, "edit-find-symbolic", _("No Matching Sessions"), text);
        }
      else
        say_list_empty (self, "edit-find-symbolic", _("No Matching Sessions"),
                    _("Try another room or track."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  gtk_widget_set_sensitive (GTK_WIDGET (self->day_dropdown), !dlg_agenda_page_spans_days (self));
}

static gboolean
terms_extend (const char * const *longer,
              const char * const *shorter)
{
  /* Each old term is a prefix of the new term at its place: more strict. */
  guint n_shorter = shorter != NULL ? g_strv_length ((char **) shorter) : 0;

  if (longer == NULL || g_strv_length ((char **) longer) < n_shorter)
    return FALSE;

  for (guint i = 0; i < n_shorter; i++)
    if (strstr (longer[i], shorter[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
search_changed_cb (DlgAgendaPage *self)
{
  g_auto(GStrv) old_terms = g_steal_pointer (&self->terms);
  gboolean was_spanning = old_terms != NULL && old_terms[0] != NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->terms = dlg_search_terms (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if ((old_terms == NULL && self->terms[0] == NULL) ||
      (old_terms != NULL &&
       g_strv_equal ((const char * const *) old_terms, (const char * const *) self->terms)))
    {
      /* The same words, spelt otherwise ("Zebra", "zebra "): the list is as it was, but an
       * empty list names the search as it now reads. */
      update_list_state (self);
      return;
    }

  /* Typing more narrows what is shown: GTK then only looks at what is
   * already shown.  Starting or clearing a search changes the days shown. */
  if (was_spanning && self->terms[0] != NULL)
    {
      if (terms_extend ((const char * const *) self->terms, (const char * const *) old_terms))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (terms_extend ((const char * const *) old_terms,
                             (const char * const *) self->terms))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  dlg_agenda_page_refilter (self, change);
}

static void
stop_search_cb (DlgAgendaPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static char *
filter_choice (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first entry is "All rooms" / "All tracks". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;

  return g_strdup (gtk_string_object_get_string (item));
}

static void
room_changed_cb (DlgAgendaPage *self)
{
  g_free (self->room);
  self->room = filter_choice (self->room_dropdown);
  dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
track_changed_cb (DlgAgendaPage *self)
{
  g_free (self->track);
  self->track = filter_choice (self->track_dropdown);
  dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
mine_toggled_cb (DlgAgendaPage *self)
{
  dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* --- detail --------------------------------------------------------------- */

/* The delegate has seen the new time or room: no need to flag it more. */
static void
acknowledge_change (DlgAgendaPage *self,
                    DlgSession    *session)
{
  g_autoptr(GError) error = NULL;

  if (!g_hash_table_contains (self->changes, dlg_session_get_key (session)))
    return;

  if (!dlg_stars_acknowledge (self->store, self->feed, session, &error))
    g_warning ("Could not remember the session as seen: %s", error->message);
  g_hash_table_remove (self->changes, dlg_session_get_key (session));
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static DlgSession *
kept_session (DlgAgendaPage *self)
{
  return self->kept_key != NULL && self->feed != NULL
         ? dlg_feed_find_session (self->feed, self->kept_key) : NULL;
}

DlgSession *
dlg_agenda_page_detail_session (DlgAgendaPage *self)
{
  DlgSession *session = self->selection != NULL
                        ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return session != NULL ? session : kept_session (self);
}

static void
show_session (DlgAgendaPage *self,
              DlgSession    *session)
{
  g_autofree char *time_text = NULL;

  /* Unstarred in "My schedule", the open session leaves the list but stays in sight, its
   * star there to undo it, rather than the page giving way under the keyboard (on a narrow
   * window, all the delegate sees). */
  if (session == NULL)
    session = kept_session (self);
  else
    g_clear_pointer (&self->kept_key, g_free);

  if (session == NULL)
    {
      g_clear_pointer (&self->reopened_key, g_free);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  time_text = dlg_agenda_page_format_time_with_zone (self, session);
  dlg_session_view_show (self->session_view, self->feed, session, time_text);
  dlg_agenda_page_show_detail_star (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");

  /* Opened again by the page after a sync, the session's new time shows beside the list
   * while the delegate may not be looking: its row keeps the flag until they open it. */
  if (g_strcmp0 (dlg_session_get_key (session), self->reopened_key) == 0)
    return;
  g_clear_pointer (&self->reopened_key, g_free);
  acknowledge_change (self, session);
}

static void
selection_changed_cb (DlgAgendaPage *self)
{
  show_session (self, gtk_single_selection_get_selected_item (self->selection));
}

void
dlg_agenda_page_open (DlgAgendaPage *self,
                      guint          position)
{
  DlgSession *was = gtk_single_selection_get_selected_item (self->selection);

  gtk_single_selection_set_selected (self->selection, position);
  /* Opening the session already shown (Enter, or a click on its row) is looking at it. */
  if (was != NULL && was == gtk_single_selection_get_selected_item (self->selection))
    {
      g_clear_pointer (&self->reopened_key, g_free);
      acknowledge_change (self, was);
    }

  dlg_agenda_page_focus_detail (self);
}

static void
back_clicked_cb (DlgAgendaPage *self)
{
  dlg_split_back (self->leaflet, self->sidebar, GTK_WIDGET (self->list_view));
}

static void
day_changed_cb (DlgAgendaPage *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->day_dropdown));
  g_autofree char *day_text = NULL;

  /* GTK 4.8 leaves the drop-down's own button unnamed, and that button is
   * what takes focus: name it after the day it shows. */
  day_text = dlg_agenda_format_day (gtk_drop_down_get_selected_item (self->day_dropdown),
                                    dlg_agenda_feed_time_zone (self->feed));
  if (GTK_IS_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    day_text != NULL ? day_text : _("Day"),
                                    -1);

  dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The notice can be long: two lines until the delegate asks for more. */
static void
notice_more_cb (DlgAgendaPage *self)
{
  gboolean more = gtk_toggle_button_get_active (self->notice_more_button);

  gtk_label_set_lines (self->notice_label, more ? -1 : 2);
  gtk_label_set_ellipsize (self->notice_label, more ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_button_set_label (GTK_BUTTON (self->notice_more_button), more ? _("Show Less") : _("Show More"));
}

/* --- export --------------------------------------------------------------- */

/* The agenda as an iCalendar file: "My schedule" exports the starred sessions, otherwise
 * all of them. */
static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) chosen = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  guint alarm_minutes = 0;
  char *ics;

  if (self->feed == NULL)
    return;

  if (gtk_toggle_button_get_active (self->mine_button))
    {
      GHashTableIter iter;
      gpointer key;

      chosen = g_list_store_new (DLG_TYPE_SESSION);
      g_hash_table_iter_init (&iter, self->starred);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          DlgSession *session = dlg_feed_find_session (self->feed, key);

          if (session != NULL)
            g_list_store_append (chosen, session);
        }

      /* A calendar with no event in it is refused by some calendars, imported as nothing by
       * the others: say why there is nothing to save instead. */
      if (g_list_model_get_n_items (G_LIST_MODEL (chosen)) == 0)
        {
          dlg_toast (widget, _("No starred sessions to export"));
          return;
        }
    }
  /* The delegate's own schedule reminds in their calendar as it does here; the whole
   * programme would ring for every session. */
  if (chosen != NULL)
    alarm_minutes = dlg_agenda_page_reminder_minutes (self);
  ics = dlg_ics_export (self->feed, chosen != NULL ? G_LIST_MODEL (chosen) : NULL, NULL,
                        alarm_minutes);
  bytes = g_bytes_new_take (ics, strlen (ics));

  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  name = g_strdup_printf ("%s.ics", dlg_agenda_page_event_id (self));
  dlg_save_file (widget, _("Export to Calendar"), name, filter, bytes,
                 _("Calendar exported"), _("Could not export the calendar"));
}

/* --- the feed ------------------------------------------------------------- */

static gboolean
finish_reveal_cb (gpointer data)
{
  DlgAgendaPage *self = data;

  self->reveal_idle_id = 0;
  dlg_agenda_page_finish_reveal (self);
  return G_SOURCE_REMOVE;
}

static void
visible_changed_cb (DlgAgendaPage *self)
{
  update_list_state (self);

  /* A reveal waiting for the filter goes on once the models below have heard of the change
   * too: selecting from inside the filter's "items-changed" left GTK 4.8's list view with
   * rows it no longer knew of. */
  if (self->reveal_key != NULL && self->reveal_idle_id == 0 &&
      gtk_filter_list_model_get_pending (self->visible) == 0)
    self->reveal_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, finish_reveal_cb, self, NULL);
}

static void
show_empty (DlgAgendaPage *self)
{
  dlg_empty_page_explain (self->empty_page, self->feed != NULL, _("No Sessions"),
                          _("This event has not published its agenda yet."),
                          _("The agenda will show here once Delegate has downloaded this event."));
  gtk_stack_set_visible_child_name (self->page_stack, "empty");
}

static void
dlg_agenda_page_reload (DlgAgendaPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkStringList) rooms = NULL;
  g_autoptr(GtkStringList) tracks = NULL;
  g_autoptr(GDateTime) now = dlg_agenda_page_now (self);
  GListModel *sessions;
  GListModel *days;
  DlgEvent *event;
  /* What the delegate was looking at, kept when this is a new copy of the same event (a
   * sync): the day, the room and track chosen, the session open. */
  g_autofree char *was_event = g_steal_pointer (&self->shown_event_id);
  g_autofree char *was_room = g_steal_pointer (&self->room);
  g_autofree char *was_track = g_steal_pointer (&self->track);
  g_autofree char *was_open = NULL;
  g_autofree char *was_kept = NULL;  /* open, out of the list (kept_key) */
  DlgDay *day = gtk_drop_down_get_selected_item (self->day_dropdown);
  gboolean have_day = day != NULL;
  guint day_index = day != NULL ? dlg_day_get_index (day) : 0;  /* a feed may count from 0 */
  gboolean same_event;

  if (self->selection != NULL && gtk_single_selection_get_selected_item (self->selection) != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "detail") == 0)
    was_open = g_strdup (dlg_session_get_key (gtk_single_selection_get_selected_item (self->selection)));
  else if (kept_session (self) != NULL)
    was_kept = g_strdup (self->kept_key);

  /* A session a link asked for in the copy before is looked for again below, if open. */
  g_clear_pointer (&self->reveal_key, g_free);
  g_clear_pointer (&self->kept_key, g_free);
  g_clear_handle_id (&self->reveal_idle_id, g_source_remove);
  g_hash_table_remove_all (self->search_keys);
  dlg_agenda_page_load_stars (self);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  if (self->visible != NULL)
    g_signal_handlers_disconnect_by_func (self->visible, visible_changed_cb, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->visible);

  if (self->feed == NULL ||
      (sessions = dlg_feed_get_sessions (self->feed)) == NULL ||
      g_list_model_get_n_items (sessions) == 0)
    {
      gtk_drop_down_set_model (self->day_dropdown, NULL);
      show_empty (self);
      return;
    }

  event = dlg_feed_get_event (self->feed);
  self->shown_event_id = g_strdup (event != NULL ? dlg_event_get_id (event) : NULL);
  same_event = was_event != NULL && g_strcmp0 (was_event, self->shown_event_id) == 0;
  dlg_feed_label_set_text (self->notice_label, self->notice_box,
            event != NULL ? dlg_event_get_notice (event) : NULL);
  dlg_event_view_set_event (self->event_view, event);

  /* Filters first, with their handlers blocked: the list is built once. */
  g_signal_handlers_block_by_func (self->room_dropdown, room_changed_cb, self);
  g_signal_handlers_block_by_func (self->track_dropdown, track_changed_cb, self);
  g_signal_handlers_block_by_func (self->day_dropdown, day_changed_cb, self);
  rooms = dlg_agenda_choices (sessions, _("All rooms"), dlg_session_get_room);
  tracks = dlg_agenda_choices (sessions, _("All tracks"), dlg_session_get_track);
  dlg_lazy_choices_set (self->room_dropdown, G_LIST_MODEL (rooms));
  dlg_lazy_choices_set (self->track_dropdown, G_LIST_MODEL (tracks));
  gtk_widget_set_visible (GTK_WIDGET (self->room_dropdown),
                          g_list_model_get_n_items (G_LIST_MODEL (rooms)) > 2);
  gtk_widget_set_visible (GTK_WIDGET (self->track_dropdown),
                          g_list_model_get_n_items (G_LIST_MODEL (tracks)) > 2);
  if (same_event && was_room != NULL && dlg_lazy_choices_select (self->room_dropdown, was_room))
    self->room = g_steal_pointer (&was_room);
  if (same_event && was_track != NULL && dlg_lazy_choices_select (self->track_dropdown, was_track))
    self->track = g_steal_pointer (&was_track);

  days = dlg_feed_get_days (self->feed);
  gtk_drop_down_set_model (self->day_dropdown, days);
  /* A new event opens on its day today, if it is one of them. */
  if (!same_event)
    {
      day = dlg_agenda_page_today (self, now);
      have_day = day != NULL;
      day_index = day != NULL ? dlg_day_get_index (day) : 0;
    }
  if (have_day)
    dlg_agenda_page_select_day (self, day_index);
  gtk_widget_set_visible (GTK_WIDGET (self->day_dropdown),
                          days != NULL && g_list_model_get_n_items (days) > 1);
  g_signal_handlers_unblock_by_func (self->room_dropdown, room_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->track_dropdown, track_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->day_dropdown, day_changed_cb, self);

  gtk_widget_set_visible (GTK_WIDGET (self->mine_button), dlg_agenda_page_can_star (self));

  factory = gtk_builder_list_item_factory_new_from_resource (NULL,
                                                             RESOURCE_PATH "/ui/dlg-session-item.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->visible = gtk_filter_list_model_new (g_object_ref (sessions),
                                             GTK_FILTER (g_object_ref (self->filter)));
  gtk_filter_list_model_set_incremental (self->visible,
                                         g_list_model_get_n_items (sessions) >
                                         INCREMENTAL_THRESHOLD);
  g_signal_connect_object (self->visible, "items-changed",
                           G_CALLBACK (visible_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visible, "notify::pending",
                           G_CALLBACK (visible_changed_cb), self, G_CONNECT_SWAPPED);

  self->shown = dlg_lazy_slice_new (g_object_ref (G_LIST_MODEL (self->visible)), self->list_view);
  self->selection = gtk_single_selection_new (g_object_ref (self->shown));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  dlg_agenda_page_find_next_start (self, now);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  day_changed_cb (self);
  show_session (self, NULL);
  if (same_event && (was_open != NULL || was_kept != NULL))
    {
      char *key = was_open != NULL ? was_open : was_kept;
      DlgSession *session = dlg_feed_find_session (self->feed, key);

      g_free (self->reopened_key);
      self->reopened_key = g_strdup (key);
      /* Still there and still shown by the filters: open again, where it is now. */
      if (session != NULL && filter_func (session, self))
        dlg_agenda_page_reveal (self, session, FALSE);
      /* Kept open out of "My schedule": still so. */
      else if (session != NULL && was_kept != NULL)
        {
          self->kept_key = g_strdup (key);
          show_session (self, NULL);
        }
      else
        g_clear_pointer (&self->reopened_key, g_free);
    }

  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

DlgFeed *
dlg_agenda_page_get_feed (DlgAgendaPage *self)
{
  g_return_val_if_fail (DLG_IS_AGENDA_PAGE (self), NULL);

  return self->feed;
}

void
dlg_agenda_page_set_feed (DlgAgendaPage *self,
                          DlgFeed       *feed)
{
  g_return_if_fail (DLG_IS_AGENDA_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  /* The first call always counts: until then the page shows nothing, not "No Sessions". */
  if (!g_set_object (&self->feed, feed) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "loading") != 0)
    return;

  dlg_agenda_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

DlgStore *
dlg_agenda_page_get_store (DlgAgendaPage *self)
{
  g_return_val_if_fail (DLG_IS_AGENDA_PAGE (self), NULL);

  return self->store;
}

void
dlg_agenda_page_set_store (DlgAgendaPage *self,
                           DlgStore      *store)
{
  g_return_if_fail (DLG_IS_AGENDA_PAGE (self));
  g_return_if_fail (store == NULL || DLG_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, dlg_agenda_page_stars_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, dlg_agenda_page_stars_error_cb, self);
    }
  g_set_object (&self->store, store);
  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "stars-changed", G_CALLBACK (dlg_agenda_page_stars_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "notify::stars-error",
                               G_CALLBACK (dlg_agenda_page_stars_error_cb), self,
                               G_CONNECT_SWAPPED);
    }

  dlg_agenda_page_load_stars (self);
  gtk_widget_set_visible (GTK_WIDGET (self->mine_button), dlg_agenda_page_can_star (self));
  if (gtk_toggle_button_get_active (self->mine_button))
    dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  else
    g_signal_emit (self, signals[ROWS_CHANGED], 0);
  dlg_agenda_page_show_detail_star (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
dlg_agenda_page_show_session (DlgAgendaPage *self,
                              const char    *key)
{
  DlgSession *session;

  g_return_val_if_fail (DLG_IS_AGENDA_PAGE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  session = self->feed != NULL ? dlg_feed_find_session (self->feed, key) : NULL;
  if (session == NULL)
    return FALSE;

  dlg_agenda_page_reveal (self, session, TRUE);
  return TRUE;
}

void
dlg_agenda_page_focus_detail (DlgAgendaPage *self)
{
  g_return_if_fail (DLG_IS_AGENDA_PAGE (self));

  dlg_split_open (self->leaflet, self->content, self->back_button,
                  dlg_session_view_get_title (self->session_view));
}

static void
local_time_changed_cb (DlgAgendaPage *self)
{
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
  selection_changed_cb (self);
}

static void
dlg_agenda_page_dispose (GObject *object)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->reveal_idle_id, g_source_remove);

  /* AdwBin unparents its child itself; let it go before the template
   * drops its references, or both tear it down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_AGENDA_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->feed);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dlg_agenda_page_parent_class)->dispose (object);
}

static void
dlg_agenda_page_finalize (GObject *object)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  g_clear_pointer (&self->search_keys, g_hash_table_unref);
  g_clear_pointer (&self->starred, g_hash_table_unref);
  g_clear_pointer (&self->overlapping, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->shown_event_id, g_free);
  g_clear_pointer (&self->reveal_key, g_free);
  g_clear_pointer (&self->reopened_key, g_free);
  g_clear_pointer (&self->kept_key, g_free);
  g_clear_pointer (&self->next_start, g_date_time_unref);

  G_OBJECT_CLASS (dlg_agenda_page_parent_class)->finalize (object);
}

static void
dlg_agenda_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_agenda_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      dlg_agenda_page_set_feed (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      dlg_agenda_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_agenda_page_class_init (DlgAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_agenda_page_dispose;
  object_class->finalize = dlg_agenda_page_finalize;
  object_class->get_property = dlg_agenda_page_get_property;
  object_class->set_property = dlg_agenda_page_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DLG_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Rows ask again for what depends on their neighbours, the clock or
   * the delegate's stars. */
  signals[ROWS_CHANGED] =
    g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DLG_TYPE_SESSION_ROW);
  g_type_ensure (DLG_TYPE_EVENT_VIEW);
  g_type_ensure (DLG_TYPE_SESSION_VIEW);

  gtk_widget_class_install_action (widget_class, "agenda.export", NULL, export_action_cb);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, day_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, now_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, gone_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, gone_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_more_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, event_view);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, session_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "list_activate_cb",
                                                G_CALLBACK (dlg_agenda_page_open));
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_more_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, mine_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "now_clicked_cb",
                                                G_CALLBACK (dlg_agenda_page_show_now));
  gtk_widget_class_bind_template_callback_full (widget_class, "remove_gone_cb",
                                                G_CALLBACK (dlg_agenda_page_remove_gone_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "detail_star_cb",
                                                G_CALLBACK (dlg_agenda_page_detail_star_cb));
}

static void
dlg_agenda_page_init (DlgAgendaPage *self)
{
  g_autoptr(GtkExpression) day_expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  dlg_split_escape_goes_back (GTK_WIDGET (self->content), self->back_button);

  self->search_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->starred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overlapping = g_hash_table_new (g_str_hash, g_str_equal);
  self->changes = g_hash_table_new (g_str_hash, g_str_equal);
  self->reminded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Models are set after the template: GTK 4.8 builds rows before _init ends. */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  day_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (day_label_cb), self, NULL);
  gtk_drop_down_set_expression (self->day_dropdown, day_expression);
  {
    g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (button_factory, "setup", G_CALLBACK (day_button_setup_cb), NULL);
    g_signal_connect_object (button_factory, "bind", G_CALLBACK (day_item_bind_cb), self, 0);
    gtk_drop_down_set_factory (self->day_dropdown, button_factory);
    dlg_choice_rows_set (self->day_dropdown, _("Day"));
  }
  g_signal_connect_object (self->day_dropdown, "notify::selected",
                           G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < 2; i++)
    {
      GtkDropDown *dropdown = i == 0 ? self->room_dropdown : self->track_dropdown;

      dlg_choice_rows_set_searchable (dropdown, i == 0 ? _("Room filter") : _("Track filter"));
    }
  g_signal_connect_object (self->room_dropdown, "notify::selected",
                           G_CALLBACK (room_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->track_dropdown, "notify::selected",
                           G_CALLBACK (track_changed_cb), self, G_CONNECT_SWAPPED);

  dlg_pane_add_search_shortcut (GTK_WIDGET (self), GTK_WIDGET (self->search_entry));
  dlg_pane_search_leads_to (GTK_WIDGET (self->search_entry), GTK_WIDGET (self->list_view));

  /* Without the installed schema (a test), times follow the event's zone. */
  self->settings = dlg_settings_new ("agenda-local-time");
  if (self->settings != NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GAction) local_time = NULL;
      g_autoptr(GAction) reminders = NULL;

      g_signal_connect_object (self->settings, "changed::agenda-local-time",
                               G_CALLBACK (local_time_changed_cb), self, G_CONNECT_SWAPPED);
      local_time = g_settings_create_action (self->settings, "agenda-local-time");
      g_action_map_add_action (G_ACTION_MAP (group), local_time);
      /* How long before a starred session it is reminded of, or not at all: a choice of the
       * agenda's menu, read at each reminder and export. */
      reminders = g_settings_create_action (self->settings, "reminder-minutes");
      g_action_map_add_action (G_ACTION_MAP (group), reminders);
      gtk_widget_insert_action_group (GTK_WIDGET (self), "agenda-settings", G_ACTION_GROUP (group));
    }

  self->tick_id = g_timeout_add_seconds (60, dlg_agenda_page_tick, self);
}
