/* dlg-ics.c: sessions as an iCalendar (RFC 5545) document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-ics"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-ics.h"

#define MAX_OCTETS 75

char *
dlg_ics_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default:
          /* Other control characters, DEL among them (RFC 5545 3.1's
           * CONTROL), are not allowed in TEXT. */
          if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7F)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

void
dlg_ics_append_line (GString    *out,
                     const char *line)
{
  gsize len = strlen (line);
  gsize done = 0;
  gsize limit = MAX_OCTETS;

  while (len - done > limit)
    {
      gsize cut = done + limit;

      /* Back up to the start of a UTF-8 character. */
      while (cut > done && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (out, line + done, cut - done);
      g_string_append (out, "\r\n ");
      done = cut;
      limit = MAX_OCTETS - 1; /* the leading space counts */
    }

  g_string_append (out, line + done);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  escaped = dlg_ics_escape_text (text);
  line = g_strconcat (name, ":", escaped, NULL);
  dlg_ics_append_line (out, line);
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/* A UTC instant, or the wall-clock time the feed gave when its times are floating. */
static char *
format_time (GDateTime *time,
             gboolean   floating)
{
  if (floating)
    return g_date_time_format (time, "%Y%m%dT%H%M%S");

  return format_utc (time);
}

/* A display alarm @minutes before the session, named by its title (RFC 5545 3.6.6). */
static void
append_alarm (GString    *out,
              DlgSession *session,
              guint       minutes)
{
  g_string_append (out, "BEGIN:VALARM\r\n");
  g_string_append (out, "ACTION:DISPLAY\r\n");
  g_string_append_printf (out, "TRIGGER:-PT%uM\r\n", minutes);
  append_property (out, "DESCRIPTION", dlg_session_get_title (session));
  g_string_append (out, "END:VALARM\r\n");
}

static void
append_session (GString    *out,
                DlgFeed    *feed,
                DlgSession *session,
                const char *stamp,
                guint       alarm_minutes)
{
  DlgEvent *event = dlg_feed_get_event (feed);
  const char * const *persons = dlg_session_get_persons (session);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) location = g_string_new (NULL);
  g_autofree char *uid = NULL;
  g_autofree char *escaped_uid = NULL;
  g_autofree char *line = NULL;

  g_string_append (out, "BEGIN:VEVENT\r\n");

  uid = g_strdup_printf ("%s@%s.delegate", dlg_session_get_key (session),
                         dlg_event_get_id (event));
  escaped_uid = dlg_ics_escape_text (uid);
  line = g_strconcat ("UID:", escaped_uid, NULL);
  dlg_ics_append_line (out, line);
  g_clear_pointer (&line, g_free);

  line = g_strconcat ("DTSTAMP:", stamp, NULL);
  dlg_ics_append_line (out, line);
  g_clear_pointer (&line, g_free);

  if (dlg_session_get_time_tba (session))
    {
      DlgDay *day = dlg_feed_find_day (feed, dlg_session_get_day (session));
      GDate date;

      if (day != NULL)
        g_date_set_parse (&date, dlg_day_get_date (day));
      if (day == NULL || !g_date_valid (&date))
        g_date_set_dmy (&date,
                        g_date_time_get_day_of_month (dlg_session_get_start (session)),
                        g_date_time_get_month (dlg_session_get_start (session)),
                        g_date_time_get_year (dlg_session_get_start (session)));

      g_string_append_printf (out, "DTSTART;VALUE=DATE:%04u%02u%02u\r\n",
                              g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      g_date_add_days (&date, 1);
      /* A date has four digits of year: without DTEND, a date's event lasts its day
       * (RFC 5545, 3.6.1), which is all one on 9999-12-31 can say. */
      if (g_date_get_year (&date) <= 9999)
        g_string_append_printf (out, "DTEND;VALUE=DATE:%04u%02u%02u\r\n",
                                g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date));
    }
  else
    {
      gboolean floating = dlg_event_get_floating_time (event);
      g_autofree char *start = format_time (dlg_session_get_start (session), floating);

      g_string_append_printf (out, "DTSTART:%s\r\n", start);
      /* DTEND must be later than DTSTART (RFC 5545, 3.8.2.2); without it, an event at
       * a time lasts no time (3.6.1), as a session with no duration does. */
      if (dlg_session_get_duration (session) > 0)
        {
          g_autofree char *end = format_time (dlg_session_get_end (session), floating);

          g_string_append_printf (out, "DTEND:%s\r\n", end);
        }
    }

  if (dlg_session_get_subtitle (session) != NULL)
    {
      /* Translators: a calendar entry's title: a session's title and subtitle */
      g_autofree char *summary = g_strdup_printf (_("%s: %s"), dlg_session_get_title (session),
                                                  dlg_session_get_subtitle (session));
      append_property (out, "SUMMARY", summary);
    }
  else
    append_property (out, "SUMMARY", dlg_session_get_title (session));

  if (dlg_session_get_room (session) != NULL)
    g_string_append (location, dlg_session_get_room (session));
  if (dlg_event_get_venue (event) != NULL &&
      g_strcmp0 (dlg_event_get_venue (event), dlg_session_get_room (session)) != 0)
    g_string_append_printf (location, "%s%s", location->len > 0 ? ", " : "",
                            dlg_event_get_venue (event));
  append_property (out, "LOCATION", location->str);

  if (persons[0] != NULL)
    {
      g_autofree char *names = dlg_session_dup_persons_text (session);

      /* Translators: the speakers line of a calendar entry */
      g_string_append_printf (description, _("Speakers: %s"), names);
    }
  if (dlg_session_get_abstract (session) != NULL)
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            dlg_session_get_abstract (session));
  if (dlg_session_get_description (session) != NULL)
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            dlg_session_get_description (session));
  append_property (out, "DESCRIPTION", description->str);

  append_property (out, "CATEGORIES", dlg_session_get_track (session));

  if (dlg_session_get_url (session) != NULL)
    {
      /* A URI value, not TEXT: not escaped (it holds no CR or LF). */
      line = g_strconcat ("URL:", dlg_session_get_url (session), NULL);
      dlg_ics_append_line (out, line);
    }

  /* A day's event has no time to remind before: its alarm would ring the evening before. */
  if (alarm_minutes > 0 && !dlg_session_get_time_tba (session))
    append_alarm (out, session, alarm_minutes);

  g_string_append (out, "END:VEVENT\r\n");
}

char *
dlg_ics_export (DlgFeed    *feed,
                GListModel *sessions,
                GDateTime  *stamp,
                guint       alarm_minutes)
{
  DlgEvent *event;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp_text = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (DLG_IS_FEED (feed), NULL);

  event = dlg_feed_get_event (feed);
  if (sessions == NULL)
    sessions = dlg_feed_get_sessions (feed);
  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  stamp_text = format_utc (stamp);

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  g_string_append (out, "VERSION:2.0\r\n");
  g_string_append (out, "PRODID:-//Delegate//Delegate " PACKAGE_VERSION "//EN\r\n");
  g_string_append (out, "CALSCALE:GREGORIAN\r\n");
  g_string_append (out, "METHOD:PUBLISH\r\n");
  append_property (out, "X-WR-CALNAME", dlg_event_get_title (event));
  /* Calendars understand IANA names only, not "+08:00". */
  if (dlg_event_get_time_zone_name (event) != NULL &&
      strchr (dlg_event_get_time_zone_name (event), '/') != NULL)
    {
      line = g_strconcat ("X-WR-TIMEZONE:", dlg_event_get_time_zone_name (event), NULL);
      dlg_ics_append_line (out, line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      append_session (out, feed, session, stamp_text, alarm_minutes);
    }

  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
