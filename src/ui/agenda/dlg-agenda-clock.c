/* dlg-agenda-clock.c: the agenda and the time of day
 *
 * "Now" shows the running session (or the next, or the last day once the event is over); a
 * link to a session reveals it whatever the filters; once a minute the page learns when the
 * next sessions start (the rows flag what runs now) and the delegate is reminded of the
 * starred sessions about to start (dlg_stars_due() decides which).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-agenda-clock"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dlg-agenda-page-internal.h"
#include "dlg-agenda-text.h"
#include "dlg-lazy-slice.h"
#include "dlg-stars.h"
#include "dlg-toast.h"

static guint
find_visible (DlgAgendaPage *self,
              DlgSession    *session)
{
  GListModel *model = G_LIST_MODEL (self->visible);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlgSession) item = g_list_model_get_item (model, i);

      if (item == session)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
dlg_agenda_page_select_day (DlgAgendaPage *self,
                            guint          index)
{
  GListModel *days = gtk_drop_down_get_model (self->day_dropdown);

  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (days, i);

      if (dlg_day_get_index (day) == index)
        {
          gtk_drop_down_set_selected (self->day_dropdown, i);
          return;
        }
    }
}

/* Selects (or opens) the session a reveal waits for, once the filter has been through the
 * whole list: a long one (over 2,000 sessions) is filtered bit by bit, between frames.  The
 * wait is the main loop's own: running it from here, a sync arriving meanwhile replaced the
 * feed under the reveal. */
void
dlg_agenda_page_finish_reveal (DlgAgendaPage *self)
{
  g_autofree char *key = NULL;
  DlgSession *session;
  guint position;

  if (self->reveal_key == NULL || self->revealing ||
      (self->visible != NULL && gtk_filter_list_model_get_pending (self->visible) > 0))
    return;

  session = self->feed != NULL ? dlg_feed_find_session (self->feed, self->reveal_key) : NULL;
  position = session != NULL ? find_visible (self, session) : GTK_INVALID_LIST_POSITION;
  if (session != NULL && position == GTK_INVALID_LIST_POSITION && !self->reveal_cleared)
    {
      /* Something hides it: clear the search and the filters, and wait for them. */
      self->reveal_cleared = TRUE;
      self->revealing = TRUE;  /* each change below tells the list, which calls back here */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->room_dropdown, 0);
      gtk_drop_down_set_selected (self->track_dropdown, 0);
      gtk_toggle_button_set_active (self->mine_button, FALSE);
      dlg_agenda_page_select_day (self, dlg_session_get_day (session));
      self->revealing = FALSE;
      if (self->visible != NULL && gtk_filter_list_model_get_pending (self->visible) > 0)
        return;
      position = find_visible (self, session);
    }

  key = g_steal_pointer (&self->reveal_key);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  dlg_lazy_slice_cover (self->shown, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (self->reveal_open)
    dlg_agenda_page_open (self, position);
  else
    gtk_single_selection_set_selected (self->selection, position);
}

void
dlg_agenda_page_reveal (DlgAgendaPage *self,
                        DlgSession    *session,
                        gboolean       open)
{
  if (!dlg_agenda_page_spans_days (self))
    dlg_agenda_page_select_day (self, dlg_session_get_day (session));

  g_free (self->reveal_key);
  self->reveal_key = g_strdup (dlg_session_get_key (session));
  self->reveal_open = open;
  self->reveal_cleared = FALSE;
  dlg_agenda_page_finish_reveal (self);
}

/* The event's date at @now ("2019-10-16"), in the event's zone. */
static char *
event_date (DlgAgendaPage *self,
            GDateTime     *now)
{
  g_autoptr(GDateTime) here = dlg_agenda_shown_time (self->feed, now, FALSE);

  return g_date_time_format (here, "%Y-%m-%d");
}

DlgDay *
dlg_agenda_page_today (DlgAgendaPage *self,
                       GDateTime     *now)
{
  g_autofree char *today = NULL;

  if (self->feed == NULL)
    return NULL;
  today = event_date (self, now);
  return dlg_feed_find_day_on (self->feed, today, FALSE);
}

/* The first session of day @index, dated @date, with a time that has not ended at @now: the
 * running one, or else the next to start; with @filtered, among those the delegate's choices
 * show ("My schedule", a room...).  A session listed on the day before but starting on @date
 * (after midnight, as congresses list their late sessions) counts as the day's; one that
 * started a day before (an exhibition over three days) does not. */
static DlgSession *
find_now (DlgAgendaPage *self,
          GDateTime     *now,
          guint          index,
          const char    *date,
          gboolean       filtered)
{
  GListModel *sessions = dlg_feed_get_sessions (self->feed);

  /* Sessions are sorted by start. */
  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      guint day = dlg_session_get_day (session);

      if (dlg_session_get_time_tba (session) || day > index ||
          g_date_time_compare (now, dlg_session_get_end (session)) >= 0 ||
          (filtered && !dlg_agenda_page_filters_show (self, session)))
        continue;
      if (day < index)
        {
          g_autofree char *started = event_date (self, dlg_session_get_start (session));

          if (g_strcmp0 (started, date) != 0)
            continue;
        }
      return session; /* the feed holds it */
    }

  return NULL;
}

/* Decided by the event's days, not only by its sessions' times: a programme whose times are
 * still to be announced has days all the same, and a session running over several days must
 * not keep "Now" on the first. */
void
dlg_agenda_page_show_now (DlgAgendaPage *self)
{
  g_autoptr(GDateTime) now = dlg_agenda_page_now (self);
  g_autofree char *date = NULL;
  DlgSession *session;
  DlgDay *today;

  if (self->feed == NULL)
    return;

  /* Today, or between days and before the first: the next day, at its first session with
   * a time. */
  date = event_date (self, now);
  today = dlg_feed_find_day_on (self->feed, date, TRUE);
  if (today != NULL)
    {
      /* The delegate's own next session in "My schedule", the room's in a room; when these
       * have none left today, the programme's, the choices let go. */
      session = find_now (self, now, dlg_day_get_index (today), date, TRUE);
      if (session == NULL)
        session = find_now (self, now, dlg_day_get_index (today), date, FALSE);
      if (session != NULL)
        dlg_agenda_page_reveal (self, session, FALSE);
      else
        dlg_agenda_page_select_day (self, dlg_day_get_index (today));
      return;
    }

  /* The event is over: show its last day, and say why the list is not on today. */
  {
    GListModel *days = dlg_feed_get_days (self->feed);
    guint n = days != NULL ? g_list_model_get_n_items (days) : 0;
    g_autoptr(DlgDay) last = n > 0 ? g_list_model_get_item (days, n - 1) : NULL;

    if (last != NULL)
      {
        dlg_agenda_page_select_day (self, dlg_day_get_index (last));
        dlg_toast (GTK_WIDGET (self), _("This event is over: its last day is shown"));
      }
  }
}

/* Feed text for a notification's body, which desktops that read it as markup (the
 * freedesktop.org server of KDE, Xfce, dunst, mako…) would style, blank on a stray "&", or
 * turn into a link past the agenda's own checks; GNOME shows it as text.  Each of the three
 * characters becomes one that looks the same and means nothing to either. */
static char *
notification_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append (out, "\xEF\xBC\x86");  /* U+FF06 FULLWIDTH AMPERSAND */
      else if (*p == '<')
        g_string_append (out, "\xE2\x80\xB9");  /* U+2039 SINGLE LEFT-POINTING ANGLE QUOTATION MARK */
      else if (*p == '>')
        g_string_append (out, "\xE2\x80\xBA");  /* U+203A */
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* How long before a starred session the delegate is reminded of it; 0: not at all. */
guint
dlg_agenda_page_reminder_minutes (DlgAgendaPage *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "reminder-minutes") : 10;
}

static void
remind (DlgAgendaPage *self,
        GDateTime     *now)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  guint minutes = dlg_agenda_page_reminder_minutes (self);
  g_autofree const char **starred = NULL;
  g_autoptr(GPtrArray) due = NULL;

  if (app == NULL || self->feed == NULL)
    return;

  starred = (const char **) g_hash_table_get_keys_as_array (self->starred, NULL);
  due = dlg_stars_due (self->feed, starred, now, minutes);
  for (guint i = 0; i < due->len; i++)
    {
      DlgSession *session = g_ptr_array_index (due, i);
      const char *key = dlg_session_get_key (session);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *when = NULL;
      /* Once per session and start, across new copies of the feed (a sync in the minutes
       * before it): a session moved later is reminded of again. */
      g_autofree char *reminder = g_strdup_printf ("%s %s %" G_GINT64_FORMAT,
                                                   dlg_agenda_page_event_id (self), key,
                                                   g_date_time_to_unix (dlg_session_get_start (session)));

      if (g_hash_table_contains (self->reminded, reminder))
        continue;

      g_hash_table_add (self->reminded, g_steal_pointer (&reminder));

      when = dlg_agenda_page_format_time_with_zone (self, session);
      /* Translators: a reminder's title, the session's title */
      title = g_strdup_printf (_("Soon: %s"), dlg_session_get_title (session));
      if (dlg_session_get_room (session) != NULL)
        {
          g_autofree char *room = notification_text (dlg_session_get_room (session));

          /* Translators: a reminder's text: time, then room */
          body = g_strdup_printf (_("%s · %s"), when, room);
        }
      else
        body = g_steal_pointer (&when);

      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      /* Clicking it brings the window back (the app's default action). */
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      id = g_strdup_printf ("session-%s", key);
      g_application_send_notification (G_APPLICATION (app), id, notification);
    }
}

void
dlg_agenda_page_find_next_start (DlgAgendaPage *self,
                                 GDateTime     *now)
{
  GListModel *sessions = self->feed != NULL ? dlg_feed_get_sessions (self->feed) : NULL;

  g_clear_pointer (&self->next_start, g_date_time_unref);
  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      if (!dlg_session_get_time_tba (session) &&
          g_date_time_compare (dlg_session_get_start (session), now) > 0)
        {
          self->next_start = g_date_time_ref (dlg_session_get_start (session));
          return;
        }
    }
}

gboolean
dlg_agenda_page_tick (gpointer user_data)
{
  DlgAgendaPage *self = user_data;
  g_autoptr(GDateTime) now = dlg_agenda_page_now (self);

  dlg_agenda_page_find_next_start (self, now);
  remind (self, now);
  dlg_agenda_page_rows_changed (self);
  return G_SOURCE_CONTINUE;
}
