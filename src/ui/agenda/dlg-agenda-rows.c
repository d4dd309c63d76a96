/* dlg-agenda-rows.c: what the agenda's session rows show
 *
 * Each row (DlgSessionRow) asks its page for its times, the group header above it, its place
 * and its flags (dlg-agenda-page-private.h); the answers depend on the feed, the clock, the
 * delegate's stars and the zone the delegate chose (GSettings "agenda-local-time").  The
 * detail's times come from here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-agenda-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-agenda-page-internal.h"
#include "dlg-agenda-text.h"
#include "dlg-stars.h"

static gboolean
use_local_time (DlgAgendaPage *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "agenda-local-time");
}

GDateTime *
dlg_agenda_page_now (DlgAgendaPage *self)
{
  return dlg_event_now (self->feed != NULL ? dlg_feed_get_event (self->feed) : NULL);
}

/* The zone times are shown in: the event's (from the feed), or the
 * laptop's when the delegate asked for it.  Floating times stay as given. */
static GDateTime *
shown_time (DlgAgendaPage *self,
            GDateTime     *time)
{
  return dlg_agenda_shown_time (self->feed, time, use_local_time (self));
}

/* "(WITA)" after a time; nothing for floating times. */
static const char *
zone_label (DlgAgendaPage *self,
            GDateTime     *shown)
{
  return dlg_agenda_zone_label (self->feed, shown);
}

char *
dlg_agenda_page_format_time (DlgAgendaPage *self,
                             DlgSession    *session)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  DlgDay *day;

  if (dlg_session_get_time_tba (session) || dlg_session_get_start (session) == NULL)
    return g_strdup (_("Time to be announced"));

  day = self->feed != NULL ? dlg_feed_find_day (self->feed, dlg_session_get_day (session)) : NULL;
  start = shown_time (self, dlg_session_get_start (session));
  start_text = dlg_agenda_clock_on (start, day != NULL ? dlg_day_get_date (day) : NULL);
  if (dlg_session_get_end (session) == NULL ||
      g_date_time_compare (dlg_session_get_end (session), dlg_session_get_start (session)) <= 0)
    return g_steal_pointer (&start_text);

  end = shown_time (self, dlg_session_get_end (session));
  start_date = g_date_time_format (start, "%Y-%m-%d");
  {
    /* A session ending at midnight ends on its own day: "23:00–00:00", no date after it. */
    g_autoptr(GDateTime) last_moment = g_date_time_add (end, -1);
    g_autofree char *last_date = g_date_time_format (last_moment, "%Y-%m-%d");

    end_text = g_strcmp0 (last_date, start_date) == 0 ? g_date_time_format (end, "%H:%M")
                                                      : dlg_agenda_clock_on (end, start_date);
  }
  /* Translators: a session's start and end, "09:00–10:30" */
  return g_strdup_printf (_("%s–%s"), start_text, end_text);
}

/* "09:00–10:30 WITA", for the detail. */
char *
dlg_agenda_page_format_time_with_zone (DlgAgendaPage *self,
                                       DlgSession    *session)
{
  g_autofree char *times = dlg_agenda_page_format_time (self, session);
  g_autoptr(GDateTime) start = NULL;
  const char *zone;

  if (dlg_session_get_time_tba (session) || dlg_session_get_start (session) == NULL)
    return g_steal_pointer (&times);

  start = shown_time (self, dlg_session_get_start (session));
  zone = zone_label (self, start);
  if (zone[0] == '\0')
    return g_steal_pointer (&times);

  /* Translators: a session's times and time zone, "09:00–10:30 WITA" */
  return g_strdup_printf (_("%s %s"), times, zone);
}

char *
dlg_agenda_page_describe_group (DlgAgendaPage *self,
                                guint          position)
{
  g_autoptr(DlgSession) session = NULL;
  g_autoptr(DlgSession) previous = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *day_text = NULL;

  if (self->visible == NULL)
    return NULL;

  session = g_list_model_get_item (G_LIST_MODEL (self->visible), position);
  if (session == NULL)
    return NULL;
  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->visible), position - 1);
  if (previous != NULL && dlg_agenda_same_group (previous, session))
    return NULL;

  if (dlg_session_get_time_tba (session))
    time_text = g_strdup (_("Time to be announced"));
  else
    {
      DlgDay *day = self->feed != NULL ? dlg_feed_find_day (self->feed,
                                                            dlg_session_get_day (session))
                                       : NULL;

      /* With its date when that is not its day's: in New York, day 1's 09:00 WITA is
       * "21:00 (Tue 15 Oct) EDT", never "Day 1, Wednesday 16 October · 21:00 EDT". */
      time_text = dlg_agenda_format_clock (self->feed, dlg_session_get_start (session),
                                           use_local_time (self),
                                           day != NULL ? dlg_day_get_date (day) : NULL);
    }

  if (!dlg_agenda_page_spans_days (self))
    return g_steal_pointer (&time_text);

  day_text = dlg_agenda_day_name (self->feed, dlg_session_get_day (session));
  if (day_text == NULL)
    return g_steal_pointer (&time_text);

  /* Translators: a day and a start time, "Day 1, Wednesday 16 October · 09:00 WITA" */
  return g_strdup_printf (_("%s · %s"), day_text, time_text);
}

char *
dlg_agenda_page_describe_place (DlgSession *session)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *persons = dlg_session_dup_persons_text (session);

  if (dlg_session_get_room (session) != NULL)
    g_ptr_array_add (parts, g_strdup (dlg_session_get_room (session)));
  if (dlg_session_get_track (session) != NULL)
    g_ptr_array_add (parts, g_strdup (dlg_session_get_track (session)));
  if (persons != NULL)
    g_ptr_array_add (parts, persons);

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* The separator between a session's room, track and speakers */
  return g_strjoinv (C_("session place separator", " · "), (char **) parts->pdata);
}

static gboolean
is_running (DlgSession *session,
            GDateTime  *now)
{
  return !dlg_session_get_time_tba (session) &&
         g_date_time_compare (dlg_session_get_start (session), now) <= 0 &&
         g_date_time_compare (now, dlg_session_get_end (session)) < 0;
}

char *
dlg_agenda_page_describe_flags (DlgAgendaPage *self,
                                DlgSession    *session)
{
  g_autoptr(GDateTime) now = dlg_agenda_page_now (self);
  g_autoptr(GPtrArray) flags = g_ptr_array_new ();
  guint change;

  if (is_running (session, now))
    g_ptr_array_add (flags, _("Now"));
  else if (self->next_start != NULL && !dlg_session_get_time_tba (session) &&
           g_date_time_equal (dlg_session_get_start (session), self->next_start))
    g_ptr_array_add (flags, _("Next"));

  if (g_hash_table_contains (self->overlapping, dlg_session_get_key (session)))
    g_ptr_array_add (flags, _("Overlaps another starred session"));

  change = GPOINTER_TO_UINT (g_hash_table_lookup (self->changes, dlg_session_get_key (session)));
  if (change & DLG_STAR_CHANGE_MOVED)
    g_ptr_array_add (flags, _("Time changed"));
  if (change & DLG_STAR_CHANGE_ROOM)
    g_ptr_array_add (flags, _("Room changed"));

  if (flags->len == 0)
    return NULL;

  g_ptr_array_add (flags, NULL);
  return g_strjoinv (C_("session flags separator", " · "), (char **) flags->pdata);
}
