/* agenda-page-now.c: "Now" and the day the agenda opens on, which follow the calendar and
 * the clock
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

/* An event whose feed gives no zone (floating times): a session is "Now" when this laptop's
 * clock is within its printed times, whatever the laptop's zone (the suite runs in several). */
static void
test_floating_now (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_minutes (local, -30);
  g_autoptr(GDateTime) later = g_date_time_add_hours (local, 3);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *json = g_strdup_printf (
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"f\", "
    "\"title\": \"F\", \"days\": [{\"index\": 1, \"date\": \"%s\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"now\", \"date\": \"%s\", \"start\": \"00:00\", \"duration\": \"1:00\", "
    "\"title\": \"Running\"}, "
    "{\"guid\": \"later\", \"date\": \"%s\", \"start\": \"00:00\", \"duration\": \"1:00\", "
    "\"title\": \"Later\"}]}}]}}}", day, start_text, later_text);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *running = NULL;
  g_autofree char *next = NULL;

  g_assert_no_error (error);
  g_assert_true (dlg_event_get_floating_time (dlg_feed_get_event (feed)));
  dlg_agenda_page_set_feed (f->page, feed);

  running = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (feed, "now"));
  g_assert_cmpstr (running, ==, "Now");
  next = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (feed, "later"));
  g_assert_cmpstr (next, ==, "Next");
}

/* Days around today in Asia/Makassar: "YYYY-MM-DD" of today plus @offset days. */
static char *
makassar_date (int offset)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The test's days are worked out from the clock, a few times over: not across Makassar's
 * midnight (16:00 UTC), which would move "today" between two of them. */
static void
away_from_midnight (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");

  for (;;)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      if (g_date_time_get_hour (now) != 23 || g_date_time_get_minute (now) != 59 ||
          g_date_time_get_second (now) < 50)
        return;
      g_usleep (G_USEC_PER_SEC);
    }
}

/* A three-day forum of the Kupang kind: the days @first, @first+1 and @first+2 days from
 * today, numbered from @index, a session a day whose time is not announced yet; with
 * @exhibition, also one that runs from the first morning over all three days, and today's
 * talks running all day. */
static DlgFeed *
forum_around_today (int      first,
                    guint    index,
                    gboolean exhibition)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  /* Each its own event. */
  g_string_append_printf (json, "{\"schedule\": {\"version\": \"1\", \"conference\": {"
                                "\"acronym\": \"forum%d-%u%s\", \"title\": \"Forum\", "
                                "\"time_zone_name\": \"Asia/Makassar\", \"days\": [",
                          first, index, exhibition ? "x" : "");
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *date = makassar_date (first + i);

      g_string_append_printf (json, "%s{\"index\": %d, \"date\": \"%s\", \"rooms\": {\"Aula\": ["
                                    "{\"guid\": \"tba-%d\", \"date\": \"%sT08:00:00+08:00\", "
                                    "\"start\": \"08:00\", \"duration\": \"0:00\", "
                                    "\"time_tba\": true, \"title\": \"Day %d\"}",
                              i > 0 ? ", " : "", index + i, date, i + 1, date, i + 1);
      if (exhibition && i == 0)
        g_string_append_printf (json, ", {\"guid\": \"exhibition\", \"date\": \"%sT00:00:00+08:00\", "
                                      "\"start\": \"00:00\", \"duration\": \"72:00\", "
                                      "\"title\": \"Exhibition\"}", date);
      if (exhibition && first + i == 0)
        g_string_append_printf (json, ", {\"guid\": \"talks\", \"date\": \"%sT00:00:00+08:00\", "
                                      "\"start\": \"00:00\", \"duration\": \"24:00\", "
                                      "\"title\": \"Talks\"}", date);
      g_string_append (json, "]}}");
    }
  g_string_append (json, "]}}}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static const char *
selected_title (Fixture *f)
{
  DlgSession *session = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown (f)));

  return session != NULL ? dlg_session_get_title (session) : NULL;
}

/* "Now" and the day an event opens on follow the calendar: the programme's times may all be
 * still to be announced (as in the Kupang forum's feed), and a session may run for days. */
static void
test_now_by_days (Fixture       *f,
                  gconstpointer  data)
{
  GtkDropDown *days = child (f, "day_dropdown");
  GtkWidget *now = child (f, "now_button");
  g_autoptr(DlgFeed) running = NULL;
  g_autoptr(DlgFeed) coming = NULL;
  g_autoptr(DlgFeed) over = NULL;
  g_autoptr(DlgFeed) long_session = NULL;
  g_autoptr(DlgFeed) first_day = NULL;
  g_autoptr(DlgFeed) last_day = NULL;
  g_autoptr(DlgFeed) from_zero = NULL;
  g_autoptr(DlgFeed) coming_from_zero = NULL;

  away_from_midnight ();
  running = forum_around_today (-1, 1, FALSE);
  coming = forum_around_today (400, 1, FALSE);
  over = forum_around_today (-400, 1, FALSE);
  long_session = forum_around_today (-1, 1, TRUE);
  first_day = forum_around_today (0, 1, FALSE);
  last_day = forum_around_today (-2, 1, FALSE);
  from_zero = forum_around_today (-1, 0, FALSE);
  coming_from_zero = forum_around_today (400, 0, FALSE);

  /* Today is day 2: the agenda opens on it, and Now stays there. */
  dlg_agenda_page_set_feed (f->page, running);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);

  /* A forum next year opens on its first day; Now goes there, not to its last. */
  dlg_agenda_page_set_feed (f->page, coming);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);

  /* One that is over: its last day. */
  dlg_agenda_page_set_feed (f->page, over);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);

  /* An exhibition since yesterday morning does not keep Now on day 1: today's talks. */
  dlg_agenda_page_set_feed (f->page, long_session);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  g_assert_cmpstr (selected_title (f), ==, "Talks");

  /* On its first day and on its last. */
  dlg_agenda_page_set_feed (f->page, first_day);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  dlg_agenda_page_set_feed (f->page, last_day);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);
  gtk_drop_down_set_selected (days, 0);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);

  /* Days numbered from 0, as a feed may: day 0 is a day like any other. */
  dlg_agenda_page_set_feed (f->page, from_zero);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  dlg_agenda_page_set_feed (f->page, coming_from_zero);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
}

/* A day of talks in Makassar around now: "Keynote" in the Aula, begun half an hour ago and
 * running an hour more, and "Water" in Hall B, an hour from now. */
static DlgFeed *
talks_around_now (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) begun = g_date_time_add_minutes (now, -30);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 60);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *begun_text = g_date_time_format (begun, "%Y-%m-%dT%H:%M:00+08:00");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%dT%H:%M:00+08:00");
  g_autofree char *json = g_strdup_printf (
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"talks-now\", "
    "\"title\": \"Talks\", \"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, "
    "\"date\": \"%s\", \"rooms\": {"
    "\"Aula\": [{\"guid\": \"keynote\", \"date\": \"%s\", \"duration\": \"1:30\", "
    "\"title\": \"Keynote\"}], "
    "\"Hall B\": [{\"guid\": \"water\", \"date\": \"%s\", \"duration\": \"1:00\", "
    "\"title\": \"Water\"}]}}]}}}",
    today, begun_text, later_text);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* "Now" in "My schedule" goes to the delegate's own next session, and in a room to that
 * room's: not to whatever runs elsewhere, turning their choice off. */
static void
test_now_keeps_filters (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DlgFeed) feed = talks_around_now ();
  GtkToggleButton *mine = child (f, "mine_button");
  GtkDropDown *rooms = child (f, "room_dropdown");
  GtkWidget *now = child (f, "now_button");

  dlg_agenda_page_set_feed (f->page, feed);

  /* Nothing chosen: the keynote, running. */
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (selected_title (f), ==, "Keynote");

  dlg_agenda_page_toggle_star (f->page, dlg_feed_find_session (feed, "water"));
  gtk_toggle_button_set_active (mine, TRUE);
  g_signal_emit_by_name (now, "clicked");
  g_assert_true (gtk_toggle_button_get_active (mine));
  g_assert_cmpstr (selected_title (f), ==, "Water");
  gtk_toggle_button_set_active (mine, FALSE);

  choose (rooms, "Hall B");
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (rooms)), ==,
                   "Hall B");
  g_assert_cmpstr (selected_title (f), ==, "Water");

  /* Nothing of the room's today: the programme's, the room let go, as before. */
  choose (rooms, "Aula");
  dlg_agenda_page_toggle_star (f->page, dlg_feed_find_session (feed, "water"));
  gtk_toggle_button_set_active (mine, TRUE);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (selected_title (f), ==, "Keynote");
}

void
agenda_page_add_now_tests (void)
{
  g_test_add ("/agenda-page/now-keeps-filters", Fixture, NULL, fixture_set_up,
              test_now_keeps_filters, fixture_tear_down);
  g_test_add ("/agenda-page/now-by-days", Fixture, NULL, fixture_set_up, test_now_by_days,
              fixture_tear_down);
  g_test_add ("/agenda-page/floating-now", Fixture, NULL, fixture_set_up, test_floating_now,
              fixture_tear_down);
}
