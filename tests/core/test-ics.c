/* test-ics.c: a delegate's own schedule, as a calendar file, reminds as the app does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ics"

#include "config.h"

#include <string.h>

#include "dlg-ics.h"

static const char * const languages_en[] = { "en", "C", NULL };

/* A day with a session at a time and one whose time is not yet announced. */
static const char feed_json[] =
  "{\"delegate_feed\": 1,"
  " \"event\": {\"id\": \"forum\", \"title\": \"Forum\", \"time_zone\": \"Asia/Makassar\","
  "            \"start\": \"2024-10-16\", \"end\": \"2024-10-16\"},"
  " \"agenda\": {\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2024-10-16\","
  "   \"rooms\": {\"Aula\": ["
  "     {\"guid\": \"s1\", \"date\": \"2024-10-16T09:00:00\", \"duration\": \"1:00\","
  "      \"title\": \"Opening; welcome\"},"
  "     {\"guid\": \"s2\", \"date\": \"2024-10-16T14:00:00\", \"duration\": \"1:00\","
  "      \"title\": \"City tour\", \"time_tba\": true}]}}]}}}}";

static DlgFeed *
load_feed (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (feed_json, strlen (feed_json));
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_bytes (bytes, languages_en, &error);

  g_assert_no_error (error);
  return feed;
}

/* The text of the VEVENT whose SUMMARY line is @summary in @ics. */
static char *
event_of (const char *ics,
          const char *summary)
{
  g_autofree char *line = g_strdup_printf ("SUMMARY:%s\r\n", summary);
  const char *at = strstr (ics, line);
  const char *begin, *end;

  g_assert_nonnull (at);
  begin = g_strrstr_len (ics, at - ics, "BEGIN:VEVENT\r\n");
  end = strstr (at, "END:VEVENT\r\n");
  g_assert_nonnull (begin);
  g_assert_nonnull (end);
  return g_strndup (begin, end - begin);
}

static void
test_alarm (void)
{
  g_autoptr(DlgFeed) feed = load_feed ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2024, 10, 1, 0, 0, 0);
  g_autofree char *ics = dlg_ics_export (feed, NULL, stamp, 15);
  g_autofree char *opening = event_of (ics, "Opening\\; welcome");
  g_autofree char *tour = event_of (ics, "City tour");
  g_auto(GStrv) alarms = g_strsplit (ics, "BEGIN:VALARM", -1);

  /* Fifteen minutes before the opening, named as the session, its text escaped. */
  g_assert_nonnull (strstr (opening, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
                                     "DESCRIPTION:Opening\\; welcome\r\nEND:VALARM\r\n"));
  /* A session without a time yet is a day's event: no alarm the evening before. */
  g_assert_null (strstr (tour, "VALARM"));
  g_assert_cmpuint (g_strv_length (alarms), ==, 2);
}

static void
test_no_alarm (void)
{
  g_autoptr(DlgFeed) feed = load_feed ();
  g_autofree char *ics = dlg_ics_export (feed, NULL, NULL, 0);

  /* The whole programme, or reminders turned off: no alarm at all. */
  g_assert_nonnull (strstr (ics, "SUMMARY:Opening\\; welcome\r\n"));
  g_assert_null (strstr (ics, "VALARM"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ics/alarm", test_alarm);
  g_test_add_func ("/ics/no-alarm", test_no_alarm);
  return g_test_run ();
}
