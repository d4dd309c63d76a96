/* test-source.c: reading schedules as they are found in the wild
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-feed.h"
#include "dlg-feed-pack.h"
#include "dlg-link.h"
#include "dlg-session-search.h"
#include "dlg-source.h"
#include "dlg-text.h"

static const char * const english[] = { "en", NULL };

static DlgFeed *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_load (path, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static char *
load_error (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_load (path, english, NULL, &error);

  g_assert_null (feed);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static DlgSession *
find (DlgFeed    *feed,
      const char *title)
{
  GListModel *sessions = dlg_feed_get_sessions (feed);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      if (g_str_equal (dlg_session_get_title (session), title))
        return session; /* the feed holds it */
    }

  g_error ("no session titled “%s”", title);
  return NULL;
}

static gint
hour_in (DlgSession *session,
         const char *zone_name)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (dlg_session_get_start (session), zone);

  return g_date_time_get_hour (there);
}

static void
assert_no_secret (const char *text)
{
  g_assert_true (text == NULL || strstr (text, "SECRET") == NULL);
}

static void
test_detect (void)
{
  static const struct { const char *data; DlgSourceFormat format; } cases[] = {
    { "{\"delegate_feed\": 1}", DLG_SOURCE_FORMAT_DELEGATE_FEED },
    { "\xEF\xBB\xBF  {\"schedule\": {}}", DLG_SOURCE_FORMAT_SCHEDULE_JSON },
    { "\n<?xml version=\"1.0\"?><schedule/>", DLG_SOURCE_FORMAT_SCHEDULE_XML },
    { "", DLG_SOURCE_FORMAT_UNKNOWN },
    { "[1, 2]", DLG_SOURCE_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, strlen (cases[i].data));

      g_assert_cmpint (dlg_source_detect (bytes), ==, cases[i].format);
    }
}

static void
test_quirks (void)
{
  g_autoptr(DlgFeed) feed = load ("quirks.json");
  DlgEvent *event = dlg_feed_get_event (feed);
  GListModel *sessions = dlg_feed_get_sessions (feed);
  GListModel *days = dlg_feed_get_days (feed);
  DlgSession *opening, *hackathon, *midnight, *utc, *repeated, *no_room, *day_two;
  const char * const *persons;

  /* The event comes from the conference. */
  g_assert_cmpstr (dlg_event_get_id (event), ==, "wild24");
  g_assert_cmpstr (dlg_event_get_title (event), ==, "Wild Schedule 2024");
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Asia/Makassar");
  g_assert_false (dlg_event_get_floating_time (event));
  g_assert_cmpstr (dlg_event_get_start_date (event), ==, "2024-10-16");
  g_assert_cmpstr (dlg_event_get_end_date (event), ==, "2024-10-17");
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 7);

  opening = find (feed, "Opening 🎉 𝔘nicode"); /* trimmed, non-BMP intact */
  g_assert_cmpstr (dlg_session_get_key (opening), ==, "aaaaaaaa-0000-4000-8000-000000000001");
  g_assert_cmpuint (dlg_session_get_duration (opening), ==, 45);
  g_assert_cmpstr (dlg_session_get_room (opening), ==, "Aula/Ruang 2 — Bärensaal");
  g_assert_null (dlg_session_get_subtitle (opening));
  g_assert_null (dlg_session_get_track (opening));
  g_assert_cmpstr (dlg_session_get_language (opening), ==, "de, en");
  persons = dlg_session_get_persons (opening);
  g_assert_cmpuint (g_strv_length ((char **) persons), ==, 2); /* the nameless one is skipped */
  g_assert_cmpstr (persons[0], ==, "Ana Public");
  g_assert_cmpstr (persons[1], ==, "Only Name");
  /* HTML with CRLF: readable text, tags gone, entities decoded, list items
   * and paragraphs kept, safe links kept, unsafe ones reduced to their text. */
  g_assert_cmpstr (dlg_session_get_abstract (opening), ==,
                   "First paragraph with bold & an entity 😀.\n\n"
                   "• Item one\n"
                   "• Item two (https://example.org/two)\n\n"
                   "Bye evil <3");
  /* Markdown with CRLF. */
  g_assert_cmpstr (dlg_session_get_description (opening), ==,
                   "Heading\n\n"
                   "Some emphasis and strong text with a link (https://example.org/md).\n\n"
                   "• first\n"
                   "• second");
  /* "answers" are never read. */
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      assert_no_secret (dlg_session_get_abstract (session));
      assert_no_secret (dlg_session_get_description (session));
      for (guint j = 0; dlg_session_get_persons (session)[j] != NULL; j++)
        assert_no_secret (dlg_session_get_persons (session)[j]);
    }

  hackathon = find (feed, "Hackathon all day");
  g_assert_cmpuint (dlg_session_get_duration (hackathon), ==, 600);
  g_assert_null (dlg_session_get_track (hackathon));
  g_assert_null (dlg_session_get_language (hackathon));
  g_assert_null (dlg_session_get_abstract (hackathon));
  g_assert_null (dlg_session_get_description (hackathon));
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_end (hackathon)), ==, 20);

  /* Listed under day 1, starts after midnight on the 17th. */
  midnight = find (feed, "After midnight");
  g_assert_cmpuint (dlg_session_get_day (midnight), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (dlg_session_get_start (midnight)), ==, 17);
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (midnight)), ==, 0);
  g_assert_cmpuint (dlg_session_get_duration (midnight), ==, 90);

  /* A different offset: the date is the truth ("start" says 09:00). */
  utc = find (feed, "UTC offset, no guid");
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (utc)), ==, 9);
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (dlg_session_get_start (utc)), ==,
                   "WITA");
  g_assert_true (g_str_has_prefix (dlg_session_get_key (utc), "derived-"));
  {
    g_autoptr(DlgFeed) again = load ("quirks.json");

    g_assert_nonnull (dlg_feed_find_session (again, dlg_session_get_key (utc)));
  }

  /* A repeated guid does not lose the session: it gets a key of its own. */
  repeated = find (feed, "Repeated guid");
  g_assert_cmpstr (dlg_session_get_key (repeated), ==, "aaaaaaaa-0000-4000-8000-000000000003-2");
  g_assert_true (dlg_feed_find_session (feed, "aaaaaaaa-0000-4000-8000-000000000003") == midnight);
  g_assert_cmpuint (g_strv_length ((char **) dlg_session_get_persons (repeated)), ==, 0);

  no_room = find (feed, "Room unknown");
  g_assert_null (dlg_session_get_room (no_room));

  day_two = find (feed, "Day two");
  g_assert_cmpuint (dlg_session_get_day (day_two), ==, 2);
  g_assert_cmpstr (dlg_session_get_persons (day_two)[0], ==, "String Person");

  /* Sorted by start: the UTC one (09:00 WITA, Hall B) comes before the opening (Aula). */
  {
    g_autoptr(DlgSession) first = g_list_model_get_item (sessions, 0);

    g_assert_true (first == opening || first == utc);
  }
}

static void
test_zone_from_offsets (void)
{
  g_autoptr(DlgFeed) feed = load ("no-zone-name.json");
  DlgEvent *event = dlg_feed_get_event (feed);

  /* No time_zone_name: the offsets decide (two of three say +08:00). */
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "+08:00");
  g_assert_false (dlg_event_get_floating_time (event));
  g_assert_cmpint (hour_in (find (feed, "Session 2"), "UTC"), ==, 2);
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (find (feed, "Session 2"))), ==,
                   10);
}

static void
test_zone_disagrees (void)
{
  g_autoptr(DlgFeed) feed = load ("zone-disagrees.json");
  DlgEvent *event = dlg_feed_get_event (feed);

  /* Europe/Berlin named, but every session says +08:00: the offsets win. */
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "+08:00");
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (find (feed, "Session 0"))), ==,
                   9);
  g_assert_cmpint (hour_in (find (feed, "Session 0"), "UTC"), ==, 1);
}

/* The clocks change between the two days: the feed gives Saturday's sessions +01:00 and
 * Sunday's +02:00, and names no zone.  Each is on the clock the feed gives it (until
 * 4 December all were put on the offset most sessions had: Saturday's keynote at 10:00, an hour
 * after it began), and so is a session given only its clock, after the change; the event's
 * clock changes overnight, and "Now" and the days go by it.  Kept so in the saved copy. */
static void
test_zone_across_clock_change (void)
{
  g_autoptr(DlgFeed) feed = load ("clock-change.json");
  DlgEvent *event = dlg_feed_get_event (feed);
  static const struct { const char *title; int hour; int offset; } expected[] = {
    { "Saturday keynote", 9, 1 }, { "Saturday closing", 17, 1 }, { "Sunday keynote", 9, 2 },
    { "Sunday closing", 16, 2 }, { "Sunday drinks", 18, 2 },
  };
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(DlgFeed) unpacked = NULL;
  g_autoptr(GDateTime) saturday_night = g_date_time_new_utc (2024, 3, 30, 23, 30, 0);
  g_autoptr(GDateTime) sunday_morning = g_date_time_new_utc (2024, 3, 31, 6, 30, 0);
  g_autoptr(GDateTime) night_there = NULL;
  g_autoptr(GDateTime) morning_there = NULL;

  g_assert_false (dlg_event_get_floating_time (event));
  /* The zone found is one of many with that clock: no name the feed did not give. */
  g_assert_null (dlg_event_get_time_zone_name (event));

  pack = dlg_feed_pack (feed);
  unpacked = dlg_feed_unpack (pack, NULL);
  g_assert_nonnull (unpacked);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    for (guint copy = 0; copy < 2; copy++)
      {
        DlgSession *session = find (copy == 0 ? feed : unpacked, expected[i].title);
        GDateTime *start = dlg_session_get_start (session);

        g_assert_cmpint (g_date_time_get_hour (start), ==, expected[i].hour);
        g_assert_cmpint (g_date_time_get_utc_offset (start), ==,
                         expected[i].offset * G_TIME_SPAN_HOUR);
      }

  night_there = g_date_time_to_timezone (saturday_night, dlg_event_get_time_zone (event));
  g_assert_cmpint (g_date_time_get_hour (night_there), ==, 0);
  morning_there = g_date_time_to_timezone (sunday_morning, dlg_event_get_time_zone (event));
  g_assert_cmpint (g_date_time_get_hour (morning_there), ==, 8);
}

static void
test_floating (void)
{
  g_autoptr(DlgFeed) feed = load ("floating.json");
  DlgEvent *event = dlg_feed_get_event (feed);
  DlgSession *second = find (feed, "Session 1");

  /* Neither a zone nor an offset: wall-clock times, kept as they are. */
  g_assert_true (dlg_event_get_floating_time (event));
  g_assert_null (dlg_event_get_time_zone_name (event));
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (second)), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (dlg_session_get_start (second)), ==, 30);
}

/* A start clock with no date, earlier than the day change (frab's day_change), is on the
 * next calendar date: the day runs into the night.  The session stays under its day. */
static void
test_day_change (void)
{
  g_autoptr(DlgFeed) xml = load ("day-change.xml");
  g_autoptr(DlgFeed) json = load ("day-change.json");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  static const struct { const char *title; guint day; int date, hour, minute; } xml_cases[] = {
    { "Evening", 1, 1, 22, 0 },
    { "After midnight", 1, 2, 1, 0 },
    { "At the day change", 1, 1, 4, 0 },
    { "Last of the night", 2, 3, 3, 59 },
  };
  /* Europe/Berlin: the clocks go from 02:00 to 03:00 on 29 March 2020, so the
   * night's 03:30 is 01:30 UTC, not 24 hours after the 28th's 03:30 (02:30 UTC). */
  static const struct { const char *title; int date, hour, minute; } json_cases[] = {
    { "Morning", 28, 9, 0 },
    { "After midnight", 29, 0, 0 },
    { "After the clocks go forward", 29, 1, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (xml_cases); i++)
    {
      DlgSession *session = find (xml, xml_cases[i].title);
      GDateTime *start = dlg_session_get_start (session);

      g_test_message ("%s", xml_cases[i].title);
      g_assert_cmpuint (dlg_session_get_day (session), ==, xml_cases[i].day);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, xml_cases[i].date);
      g_assert_cmpint (g_date_time_get_hour (start), ==, xml_cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (start), ==, xml_cases[i].minute);
    }

  for (guint i = 0; i < G_N_ELEMENTS (json_cases); i++)
    {
      DlgSession *session = find (json, json_cases[i].title);
      g_autoptr(GDateTime) start = g_date_time_to_timezone (dlg_session_get_start (session), utc);

      g_test_message ("%s", json_cases[i].title);
      g_assert_cmpuint (dlg_session_get_day (session), ==, 1);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, json_cases[i].date);
      g_assert_cmpint (g_date_time_get_hour (start), ==, json_cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (start), ==, json_cases[i].minute);
    }
  g_assert_cmpint (hour_in (find (json, "After the clocks go forward"), "Europe/Berlin"), ==, 3);

  /* An export's odd day change ("04:00:00.000") does not keep its schedule from loading. */
  {
    static const char odd[] =
      "{\"schedule\": {\"conference\": {\"acronym\": \"odd\", \"day_change\": \"04:00:00.000\", "
      "\"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"date\": \"2024-10-16\", "
      "\"rooms\": {\"Aula\": [{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", "
      "\"title\": \"Opening\"}]}}]}}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (odd, strlen (odd));
    g_autoptr(GError) error = NULL;
    g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (dlg_feed_find_session (feed, "a"));
  }
}

/* @session's links are the pairs of URL and title given, NULL-terminated. */
static void
assert_links (DlgSession *session,
              ...)
{
  GListModel *links = dlg_session_get_links (session);
  const char *url;
  guint i = 0;
  va_list args;

  va_start (args, session);
  for (; (url = va_arg (args, const char *)) != NULL; i++)
    {
      const char *title = va_arg (args, const char *);
      g_autoptr(DlgLink) link = g_list_model_get_item (links, i);

      g_assert_nonnull (link);
      g_assert_cmpstr (dlg_link_get_url (link), ==, url);
      g_assert_cmpstr (dlg_link_get_title (link), ==, title);
    }
  va_end (args);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, i);
}

/* A frab schedule.xml: the room's guid beside its name, the day's start and end, slides
 * attached on frab's site, and a link that is no web address. */
static void
test_frab_xml (void)
{
  g_autoptr(DlgFeed) feed = load ("frab.xml");
  DlgEvent *event = dlg_feed_get_event (feed);
  DlgSession *opening, *night, *closing;

  g_assert_cmpstr (dlg_event_get_url (event), ==, "https://frab.example.org/en/ctn24/public/");
  g_assert_cmpstr (dlg_event_get_start_date (event), ==, "2024-10-16");
  g_assert_cmpstr (dlg_event_get_end_date (event), ==, "2024-10-17");

  opening = find (feed, "Pembukaan");
  g_assert_cmpstr (dlg_session_get_room (opening), ==, "Aula");
  g_assert_cmpstr (dlg_session_get_subtitle (opening), ==, "Sambutan");
  g_assert_cmpstr (dlg_session_get_track (opening), ==, "Waste");
  g_assert_cmpuint (dlg_session_get_duration (opening), ==, 90);
  g_assert_cmpstr (dlg_session_get_persons (opening)[0], ==, "Jefri Riwu Kore");
  g_assert_null (dlg_session_get_persons (opening)[1]);
  assert_links (opening,
                "https://example.org/a", "Programme",
                "https://frab.example.org/system/event_attachments/attachments/000/001/slides.pdf",
                "Slides",
                NULL);

  night = find (feed, "Malam budaya");
  g_assert_cmpuint (dlg_session_get_day (night), ==, 1);
  g_assert_cmpint (hour_in (night, "Asia/Makassar"), ==, 23);
  g_assert_cmpuint (dlg_session_get_duration (night), ==, 90);

  closing = find (feed, "Penutupan");
  g_assert_cmpuint (dlg_session_get_day (closing), ==, 2);
  g_assert_cmpuint (dlg_session_get_duration (closing), ==, 45); /* "00:45:00" */
  assert_links (closing, NULL);
}

/* A pretalx export as pretalx writes it: its schedule page is beside the conference, not in
 * it, and a session crossing the night the clocks go back keeps its hours. */
static void
test_pretalx (void)
{
  g_autoptr(DlgFeed) feed = load ("pretalx.json");
  DlgEvent *event = dlg_feed_get_event (feed);
  DlgSession *opening, *late, *first, *second;

  g_assert_cmpstr (dlg_event_get_url (event), ==,
                   "https://pretalx.example.org/citynet-eu-2024/schedule/");
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Europe/Brussels");

  opening = find (feed, "Opening: **cities** & <people>");
  g_assert_cmpstr (dlg_session_get_persons (opening)[0], ==, "Ayu Lestari");
  g_assert_cmpstr (dlg_session_get_persons (opening)[1], ==, "Jan de Vries");
  g_assert_null (dlg_session_get_persons (opening)[2]);
  g_assert_cmpstr (dlg_session_get_url (opening), ==,
                   "https://pretalx.example.org/citynet-eu-2024/talk/ABCDEF/");
  assert_no_secret (dlg_session_get_abstract (opening));
  assert_no_secret (dlg_session_get_description (opening));
  /* The slides uploaded to pretalx are an "attachment", at an address on its site. */
  assert_links (opening,
                "https://slides.example.org/opening", "Slides on the web",
                "https://pretalx.example.org/media/citynet-eu-2024/submissions/ABCDEF/resources/"
                "slides.pdf", "Slides (PDF)",
                NULL);

  /* 23:30 for 90 minutes, and both 02:30s of the night the clocks go back: all under the
   * day they are listed under, in the order they happen. */
  late = find (feed, "Late night networking");
  first = find (feed, "The first 02:30");
  second = find (feed, "The second 02:30");
  g_assert_cmpuint (dlg_session_get_day (late), ==, 1);
  g_assert_cmpuint (dlg_session_get_day (first), ==, 1);
  g_assert_cmpuint (dlg_session_get_day (second), ==, 1);
  g_assert_cmpint (hour_in (late, "Europe/Brussels"), ==, 23);
  g_assert_cmpint (g_date_time_difference (dlg_session_get_end (late),
                                           dlg_session_get_start (late)), ==,
                   90 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (hour_in (first, "Europe/Brussels"), ==, 2);
  g_assert_cmpint (hour_in (second, "Europe/Brussels"), ==, 2);
  g_assert_cmpint (g_date_time_difference (dlg_session_get_start (second),
                                           dlg_session_get_start (first)), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpuint (dlg_session_get_duration (first), ==, 90);  /* "1:30:00" */
  g_assert_cmpuint (dlg_session_get_duration (second), ==, 45); /* "0:45" */
}

/* The newer form the C3 hub publishes (c3voc's schema2): the sessions listed beside the
 * days, each with its start and end instants and its room, track and speakers as objects.
 * It loaded as a programme of no sessions. */
static void
test_schedule2 (void)
{
  g_autoptr(DlgFeed) feed = load ("schedule2.json");
  DlgEvent *event = dlg_feed_get_event (feed);
  DlgSession *opening, *night, *workshop;

  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (feed)), ==, 3);
  g_assert_cmpstr (dlg_event_get_url (event), ==, "https://events.example.org/2024/");
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Europe/Berlin");

  opening = dlg_feed_find_session (feed, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
  g_assert_nonnull (opening);
  g_assert_cmpstr (dlg_session_get_title (opening), ==, "Opening Ceremony");
  g_assert_cmpuint (dlg_session_get_day (opening), ==, 1);
  g_assert_cmpint (hour_in (opening, "Europe/Berlin"), ==, 10);
  g_assert_cmpuint (dlg_session_get_duration (opening), ==, 30);
  g_assert_cmpstr (dlg_session_get_room (opening), ==, "Saal 1");
  g_assert_cmpstr (dlg_session_get_track (opening), ==, "CCC");
  g_assert_cmpstr (dlg_session_get_kind (opening), ==, "other");
  g_assert_cmpstr (dlg_session_get_persons (opening)[0], ==, "Gabriela");
  g_assert_cmpstr (dlg_session_get_persons (opening)[1], ==, "Senficon");
  g_assert_null (dlg_session_get_persons (opening)[2]);
  g_assert_cmpstr (dlg_session_get_description (opening), ==, "This ceremony will prepare you.");
  g_assert_cmpstr (dlg_session_get_url (opening), ==,
                   "https://hub.example.org/2024/event/opening-ceremony/");
  assert_links (opening,
                "https://example.net/", "foo bar",
                "https://example.net/@handle", NULL,
                "https://example.net/foo/bar/1235.pdf", NULL,
                NULL);
  assert_no_secret (dlg_session_get_abstract (opening));

  /* After midnight, but within the first day's end (06:00): under day 1. */
  night = dlg_feed_find_session (feed, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8");
  g_assert_nonnull (night);
  g_assert_cmpuint (dlg_session_get_day (night), ==, 1);
  g_assert_cmpint (hour_in (night, "Europe/Berlin"), ==, 0);
  g_assert_cmpuint (dlg_session_get_duration (night), ==, 40);
  g_assert_cmpstr (dlg_session_get_room (night), ==, "Saal ZIGZAG");
  g_assert_cmpstr (dlg_session_get_track (night), ==, "Security");
  g_assert_cmpstr (dlg_session_get_subtitle (night), ==, "Deep Reinforcement Learning");

  /* A room given by its guid alone is named from the conference's rooms. */
  workshop = dlg_feed_find_session (feed, "c2740c2f-0c44-5f1b-89ed-456a9eecf0b9");
  g_assert_nonnull (workshop);
  g_assert_cmpuint (dlg_session_get_day (workshop), ==, 2);
  g_assert_cmpuint (dlg_session_get_duration (workshop), ==, 120);
  g_assert_cmpstr (dlg_session_get_room (workshop), ==, "Saal ZIGZAG");
  g_assert_cmpstr (dlg_session_get_track (workshop), ==, "Hands-on");

  g_assert_cmpuint (dlg_day_get_n_sessions (dlg_feed_find_day (feed, 1)), ==, 2);
  g_assert_cmpuint (dlg_day_get_n_sessions (dlg_feed_find_day (feed, 2)), ==, 1);
}

/* A schedule.xml in the encoding its declaration names, not UTF-8: read in it, as every XML
 * reader does (it was refused as "not valid UTF-8").  An encoding nothing here can read is
 * refused, naming it; text that reads as UTF-8 is UTF-8, whatever the declaration says. */
static void
test_xml_encoding (void)
{
  g_autoptr(DlgFeed) feed = load ("latin-1.xml");
  DlgSession *session = dlg_feed_find_session (feed, "a");
  static const char unknown[] =
    "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>\n<schedule><conference><title>Caf\xe9"
    "</title></conference></schedule>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (unknown, strlen (unknown));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) none = NULL;

  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed)), ==, "Café Forum 2024");
  g_assert_cmpstr (dlg_session_get_title (session), ==, "Abertura · Pembukaan");
  g_assert_cmpstr (dlg_session_get_room (session), ==, "Salão Nobre");
  g_assert_cmpstr (dlg_session_get_persons (session)[0], ==, "José Sá");

  none = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==,
                   "not valid XML: it says it is in “x-no-such-charset”, which this computer "
                   "cannot read: save it as UTF-8");

  /* Said to be Latin-1, but in UTF-8, as many templates write it: read as UTF-8. */
  {
    static const char mislabelled[] =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<schedule><conference>"
      "<acronym>utf8</acronym><title>Café</title></conference><day index=\"1\" "
      "date=\"2024-10-16\"><room name=\"Aula\"><event guid=\"a\">"
      "<date>2024-10-16T09:00:00+08:00</date><title>José</title></event></room></day>"
      "</schedule>";
    g_autoptr(GBytes) mislabelled_bytes = g_bytes_new_static (mislabelled, strlen (mislabelled));
    g_autoptr(GError) mislabelled_error = NULL;
    g_autoptr(DlgFeed) mislabelled_feed = dlg_source_parse (mislabelled_bytes, NULL, english,
                                                            NULL, &mislabelled_error);

    g_assert_no_error (mislabelled_error);
    g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (mislabelled_feed)), ==, "Café");
    g_assert_cmpstr (dlg_session_get_title (dlg_feed_find_session (mislabelled_feed, "a")), ==,
                     "José");
  }

  /* Said to be ASCII, with a Latin-1 "é" in it. */
  {
    static const char lying[] =
      "<?xml version='1.0' encoding='US-ASCII'?>\n<schedule><conference><title>Caf\xe9"
      "</title></conference></schedule>";
    g_autoptr(GBytes) lying_bytes = g_bytes_new_static (lying, strlen (lying));
    g_autoptr(GError) lying_error = NULL;
    g_autoptr(DlgFeed) lying_feed = dlg_source_parse (lying_bytes, NULL, english, NULL,
                                                      &lying_error);

    g_assert_null (lying_feed);
    g_assert_nonnull (lying_error);
    g_assert_cmpstr (lying_error->message, ==,
                     "not valid XML: the text is not in “US-ASCII”, as it says it is: "
                     "save it as UTF-8");
  }
}

/* FOSDEM's exports, and those that copy their header, give a day change of 09:00:00 for
 * every programme: the 08:30 registration is on its day's morning, where a delegate looks
 * for it, not on the next day's.  Only the small hours are the night before's. */
static void
test_day_change_morning (void)
{
  g_autoptr(DlgFeed) feed = load ("day-change-morning.xml");
  static const struct { const char *title; guint day; int date, hour, minute; } cases[] = {
    { "Registration", 1, 1, 8, 30 },
    { "Welcome", 1, 1, 9, 30 },
    { "Night owls", 1, 2, 2, 0 },
    { "Coffee", 2, 2, 8, 45 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DlgSession *session = find (feed, cases[i].title);
      GDateTime *start = dlg_session_get_start (session);

      g_test_message ("%s", cases[i].title);
      g_assert_cmpuint (dlg_session_get_day (session), ==, cases[i].day);
      g_assert_cmpint (g_date_time_get_month (start), ==, 2);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, cases[i].date);
      g_assert_cmpint (g_date_time_get_hour (start), ==, cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (start), ==, cases[i].minute);
    }
}

/* Abstracts written as XHTML inside a schedule.xml, not escaped, are read as the HTML they
 * are: they were left out, with no word. */
static void
test_xhtml_abstract (void)
{
  g_autoptr(DlgFeed) feed = load ("xhtml-abstract.xml");
  DlgSession *session = find (feed, "Waste banks");

  g_assert_cmpstr (dlg_session_get_abstract (session), ==,
                   "Before\n\nHow Kupang runs 40 < 60 banks (https://example.org/bank)\n\nSecond");
  g_assert_cmpstr (dlg_session_get_description (session), ==, "• one\n• two");
}

/* A hand-made schedule names its zone as people say it ("WITA"), but every session gives
 * its offset: the offsets place them, as when a zone's name contradicts them.  With no
 * offset to go by, the name is still refused. */
static void
test_zone_unknown_offsets (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"wita\", "
    "\"time_zone_name\": \"WITA\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\"}]}}]}}}";
  static const char xml[] =
    "<schedule><conference><acronym>wita</acronym>"
    "<time_zone_name>WITA</time_zone_name></conference>"
    "<day index=\"1\" date=\"2024-10-16\"><room name=\"Aula\"><event guid=\"a\">"
    "<date>2024-10-16T09:00:00+08:00</date><title>Opening</title></event></room></day>"
    "</schedule>";
  static const char clocks[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"wita\", "
    "\"time_zone_name\": \"WITA\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"start\": \"09:00\", \"title\": \"Opening\"}]}}]}}}";
  const char *sources[] = { json, xml };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (sources[i], strlen (sources[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (dlg_event_get_time_zone_name (dlg_feed_get_event (feed)), ==, "+08:00");
      g_assert_cmpint (hour_in (dlg_feed_find_session (feed, "a"), "Asia/Makassar"), ==, 9);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (clocks, strlen (clocks));
    g_autoptr(GError) error = NULL;
    g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

    g_assert_null (feed);
    g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "schedule.conference.time_zone_name: unknown time zone “WITA”");
  }
}

/* In a bare export, a field Delegate only shows, given in a form it cannot read, is left out
 * rather than refusing the whole programme: the session keeps its time, room and title.
 * When and what a session is (its title, date, start, duration) must still be readable. */
static void
test_odd_fields (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"odd\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"duration\": \"1:00\", "
    "\"title\": \"Opening\", \"subtitle\": 5, \"language\": [\"en\", \"id\"], "
    "\"url\": {\"href\": \"https://example.org\"}, \"abstract\": [\"one\"], "
    "\"track\": 3, \"type\": true, \"room\": {\"guid\": \"r1\"}, "
    "\"persons\": [42, {\"public_name\": \"Ayu\"}, [\"x\"]], "
    "\"links\": [\"https://example.org/x\"]}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  DlgSession *session;

  g_assert_no_error (error);
  session = dlg_feed_find_session (feed, "a");
  g_assert_cmpstr (dlg_session_get_title (session), ==, "Opening");
  g_assert_cmpint (hour_in (session, "Asia/Makassar"), ==, 9);
  g_assert_cmpuint (dlg_session_get_duration (session), ==, 60);
  g_assert_cmpstr (dlg_session_get_room (session), ==, "Aula");
  g_assert_null (dlg_session_get_subtitle (session));
  g_assert_null (dlg_session_get_language (session));
  g_assert_null (dlg_session_get_url (session));
  g_assert_null (dlg_session_get_track (session));
  g_assert_cmpstr (dlg_session_get_persons (session)[0], ==, "Ayu");
  g_assert_null (dlg_session_get_persons (session)[1]);

  /* What a session is and when must be readable still. */
  {
    static const char untitled[] =
      "{\"schedule\": {\"conference\": {\"acronym\": \"odd\", "
      "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
      "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
      "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"title\": 5, "
      "\"persons\": \"Ayu\"}]}}]}}}";
    g_autoptr(GBytes) untitled_bytes = g_bytes_new_static (untitled, strlen (untitled));
    g_autoptr(GError) untitled_error = NULL;
    g_autoptr(DlgFeed) untitled_feed = dlg_source_parse (untitled_bytes, NULL, english, NULL,
                                                         &untitled_error);

    g_assert_null (untitled_feed);
    g_assert_error (untitled_error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (untitled_error->message,
                                     "schedule.conference.days[0].rooms[\"Aula\"][0].title: "));
  }
}

/* A duration given as a number of minutes is refused with what is expected, not "expected a
 * string": 90 could be minutes or seconds, "1:30" cannot. */
static void
test_duration_number (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"minutes\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\", "
    "\"duration\": 90}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_null (feed);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==,
                   "schedule.conference.days[0].rooms[\"Aula\"][0].duration: "
                   "expected a duration such as “1:30”");
}

/* A day with no sessions, as PHP's json_encode() writes an empty object: "rooms": []. */
static void
test_rooms_empty_list (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"php\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\"}]}}, "
    "{\"index\": 2, \"date\": \"2024-10-17\", \"rooms\": []}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_days (feed)), ==, 2);
  g_assert_cmpuint (dlg_day_get_n_sessions (dlg_feed_find_day (feed, 2)), ==, 0);
  g_assert_nonnull (dlg_feed_find_session (feed, "a"));
}

/* A track given as frab's list of tracks has it, an object with its name and colour: the
 * session shows the name, and the agenda's track filter offers it. */
static void
test_track_object (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"tracks\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"a\", \"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\", "
    "\"track\": {\"name\": \"Culture\", \"slug\": \"culture\", \"color\": \"#ff0000\"}, "
    "\"type\": {\"name\": {\"id\": \"Lokakarya\", \"en\": \"Workshop\"}}}, "
    "{\"guid\": \"b\", \"date\": \"2024-10-16T10:00:00+08:00\", \"title\": \"Talk\", "
    "\"track\": {\"en\": \"Waste\", \"id\": \"Sampah\"}}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dlg_session_get_track (dlg_feed_find_session (feed, "a")), ==, "Culture");
  g_assert_cmpstr (dlg_session_get_kind (dlg_feed_find_session (feed, "a")), ==, "Workshop");
  g_assert_cmpstr (dlg_session_get_track (dlg_feed_find_session (feed, "b")), ==, "Waste");
}

/* A day copied from the one before, its index left as it was: each day lists its own
 * sessions (the agenda showed both days' on both), numbered by their place. */
static void
test_repeated_day_index (void)
{
  static const char json[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"copied\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": 1, \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": [{\"guid\": \"a\", "
    "\"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\"}]}}, "
    "{\"index\": 1, \"date\": \"2024-10-17\", \"rooms\": {\"Aula\": [{\"guid\": \"b\", "
    "\"date\": \"2024-10-17T09:00:00+08:00\", \"title\": \"Closing\"}]}}]}}}";
  static const char xml[] =
    "<schedule><conference><acronym>copied</acronym>"
    "<time_zone_name>Asia/Makassar</time_zone_name></conference>"
    "<day index=\"1\" date=\"2024-10-16\"><room name=\"Aula\"><event guid=\"a\">"
    "<date>2024-10-16T09:00:00+08:00</date><title>Opening</title></event></room></day>"
    "<day index=\"1\" date=\"2024-10-17\"><room name=\"Aula\"><event guid=\"b\">"
    "<date>2024-10-17T09:00:00+08:00</date><title>Closing</title></event></room></day>"
    "</schedule>";
  /* Numbers written as strings, as some exports write every number. */
  static const char strings[] =
    "{\"schedule\": {\"conference\": {\"acronym\": \"copied\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"index\": \"1\", \"date\": \"2024-10-16\", \"rooms\": {\"Aula\": [{\"guid\": \"a\", "
    "\"date\": \"2024-10-16T09:00:00+08:00\", \"title\": \"Opening\"}]}}, "
    "{\"index\": \"2\", \"date\": \"2024-10-17\", \"rooms\": {\"Aula\": [{\"guid\": \"b\", "
    "\"date\": \"2024-10-17T09:00:00+08:00\", \"title\": \"Closing\"}]}}]}}}";
  const char *sources[] = { json, xml, strings };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (sources[i], strlen (sources[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
      DlgSession *opening, *closing;
      DlgDay *first, *second;

      g_assert_no_error (error);
      opening = dlg_feed_find_session (feed, "a");
      closing = dlg_feed_find_session (feed, "b");
      g_assert_cmpuint (dlg_session_get_day (opening), !=, dlg_session_get_day (closing));
      first = dlg_feed_find_day (feed, dlg_session_get_day (opening));
      second = dlg_feed_find_day (feed, dlg_session_get_day (closing));
      g_assert_cmpstr (dlg_day_get_date (first), ==, "2024-10-16");
      g_assert_cmpstr (dlg_day_get_date (second), ==, "2024-10-17");
      g_assert_cmpuint (dlg_day_get_index (first), ==, 1);
      g_assert_cmpuint (dlg_day_get_index (second), ==, 2);
      g_assert_cmpuint (dlg_day_get_n_sessions (first), ==, 1);
      g_assert_cmpuint (dlg_day_get_n_sessions (second), ==, 1);
    }
}

/* A schedule.json of two days with a coffee break at 10:00 in the Aula each (no guid, only
 * a start clock), the first left out when @with_day_one is FALSE; and a lunch with a full
 * date and no guid on day one. */
static DlgFeed *
parse_coffee_breaks (gboolean with_day_one)
{
  g_autofree char *json = g_strdup_printf (
    "{\"schedule\": {\"conference\": {\"acronym\": \"coffee\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
    "{\"date\": \"2024-10-16\", \"rooms\": {"
    "\"Aula\": [%s], "
    "\"Hall\": [{\"date\": \"2024-10-16T12:00:00+08:00\", \"title\": \"Lunch\"}]}}, "
    "{\"date\": \"2024-10-17\", \"rooms\": {"
    "\"Aula\": [{\"start\": \"10:00\", \"title\": \"Coffee break\"}]}}]}}}",
    with_day_one ? "{\"start\": \"10:00\", \"title\": \"Coffee break\"}" : "");
  gsize length = strlen (json);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static const char *
key_on_day (DlgFeed    *feed,
            const char *title,
            guint       day)
{
  GListModel *sessions = dlg_feed_get_sessions (feed);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      if (g_str_equal (dlg_session_get_title (session), title) &&
          dlg_session_get_day (session) == day)
        return dlg_session_get_key (session); /* the feed holds it */
    }

  return NULL;
}

/* Keys derived for sessions without a guid hold a star or a note: the same session keeps
 * its key when the organiser drops its twin on another day. */
static void
test_derived_keys (void)
{
  g_autoptr(DlgFeed) both = parse_coffee_breaks (TRUE);
  g_autoptr(DlgFeed) day_two_only = parse_coffee_breaks (FALSE);
  const char *first = key_on_day (both, "Coffee break", 1);
  const char *second = key_on_day (both, "Coffee break", 2);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpstr (key_on_day (day_two_only, "Coffee break", 2), ==, second);
  g_assert_null (dlg_feed_find_session (day_two_only, first));

  /* A session with a full date keeps the key it always had: stars saved on it stay. */
  g_assert_cmpstr (key_on_day (both, "Lunch", 1), ==, "derived-24838ac5af7f0572");
}

/* Many sessions of one key (no guid, the same time, room and title; or one guid repeated, as
 * exports do) each get a key of their own, the same as ever ("…-2", "…-3"), in a moment: 20,000
 * of them took two minutes when each counted its suffix from 2 again. */
static void
test_repeated_keys (void)
{
  const guint n = 20000;
  g_autoptr(GString) json = g_string_new ("{\"schedule\": {\"version\": \"1\", \"conference\": {"
                                          "\"acronym\": \"r\", \"title\": \"R\", "
                                          "\"time_zone_name\": \"Asia/Makassar\", \"days\": ["
                                          "{\"index\": 1, \"date\": \"2019-10-16\", "
                                          "\"rooms\": {\"Aula\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(DlgSession) first = NULL;
  g_autoptr(DlgSession) last = NULL;
  g_autofree char *last_key = NULL;
  GListModel *sessions;
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"start\": \"10:00\", \"duration\": \"0:15\", "
                                  "\"title\": \"Coffee break\"}, "
                                  "{\"guid\": \"same\", \"start\": \"11:00\", "
                                  "\"duration\": \"0:15\", \"title\": \"Talk %u\"}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "]}}]}}}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  start = g_get_monotonic_time ();
  feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  /* Not a benchmark: seconds where it took minutes (under sanitizers too). */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
  g_assert_no_error (error);

  sessions = dlg_feed_get_sessions (feed);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2 * n);
  first = g_list_model_get_item (sessions, 0);
  last = g_list_model_get_item (sessions, n - 1);
  g_assert_cmpstr (dlg_session_get_title (first), ==, "Coffee break");
  last_key = g_strdup_printf ("%s-%u", dlg_session_get_key (first), n);
  g_assert_cmpstr (dlg_session_get_key (last), ==, last_key);
  g_assert_nonnull (dlg_feed_find_session (feed, "same"));
  g_assert_nonnull (dlg_feed_find_session (feed, "same-2"));
  g_clear_pointer (&last_key, g_free);
  last_key = g_strdup_printf ("same-%u", n);
  g_assert_nonnull (dlg_feed_find_session (feed, last_key));
}

static void
assert_same_sessions (DlgFeed *a,
                      DlgFeed *b)
{
  GListModel *sa = dlg_feed_get_sessions (a);
  GListModel *sb = dlg_feed_get_sessions (b);

  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (a)), ==,
                   dlg_event_get_id (dlg_feed_get_event (b)));
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (a)), ==,
                   dlg_event_get_title (dlg_feed_get_event (b)));
  g_assert_cmpstr (dlg_event_get_time_zone_name (dlg_feed_get_event (a)), ==,
                   dlg_event_get_time_zone_name (dlg_feed_get_event (b)));
  g_assert_cmpstr (dlg_event_get_url (dlg_feed_get_event (a)), ==,
                   dlg_event_get_url (dlg_feed_get_event (b)));
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_days (a)), ==,
                    g_list_model_get_n_items (dlg_feed_get_days (b)));
  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));

  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(DlgSession) x = g_list_model_get_item (sa, i);
      g_autoptr(DlgSession) y = g_list_model_get_item (sb, i);
      GListModel *lx = dlg_session_get_links (x);
      GListModel *ly = dlg_session_get_links (y);

      g_assert_cmpstr (dlg_session_get_key (x), ==, dlg_session_get_key (y));
      g_assert_cmpstr (dlg_session_get_title (x), ==, dlg_session_get_title (y));
      g_assert_cmpstr (dlg_session_get_subtitle (x), ==, dlg_session_get_subtitle (y));
      g_assert_cmpstr (dlg_session_get_abstract (x), ==, dlg_session_get_abstract (y));
      g_assert_cmpstr (dlg_session_get_description (x), ==, dlg_session_get_description (y));
      g_assert_cmpstr (dlg_session_get_room (x), ==, dlg_session_get_room (y));
      g_assert_cmpstr (dlg_session_get_track (x), ==, dlg_session_get_track (y));
      g_assert_cmpstr (dlg_session_get_kind (x), ==, dlg_session_get_kind (y));
      g_assert_cmpstr (dlg_session_get_language (x), ==, dlg_session_get_language (y));
      g_assert_cmpstr (dlg_session_get_url (x), ==, dlg_session_get_url (y));
      g_assert_true (g_strv_equal (dlg_session_get_persons (x), dlg_session_get_persons (y)));
      g_assert_true (g_date_time_equal (dlg_session_get_start (x), dlg_session_get_start (y)));
      g_assert_true (g_date_time_equal (dlg_session_get_end (x), dlg_session_get_end (y)));
      g_assert_cmpuint (dlg_session_get_day (x), ==, dlg_session_get_day (y));
      g_assert_cmpuint (g_list_model_get_n_items (lx), ==, g_list_model_get_n_items (ly));
      for (guint j = 0; j < g_list_model_get_n_items (lx); j++)
        {
          g_autoptr(DlgLink) kx = g_list_model_get_item (lx, j);
          g_autoptr(DlgLink) ky = g_list_model_get_item (ly, j);

          g_assert_cmpstr (dlg_link_get_url (kx), ==, dlg_link_get_url (ky));
          g_assert_cmpstr (dlg_link_get_title (kx), ==, dlg_link_get_title (ky));
        }
    }
}

static void
test_json_xml_same (void)
{
  g_autoptr(DlgFeed) json = load ("same.json");
  g_autoptr(DlgFeed) xml = load ("same.xml");
  DlgSession *opening = dlg_feed_find_session (xml, "b0000000-0000-4000-8000-000000000001");
  DlgSession *late = find (xml, "Late networking");

  assert_same_sessions (json, xml);

  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (xml)), ==, 4);
  g_assert_nonnull (opening);
  g_assert_cmpstr (dlg_session_get_title (opening), ==, "Pembukaan — Opening 🌏");
  g_assert_cmpstr (dlg_session_get_abstract (opening), ==,
                   "Welcome & opening.\n\n• Mayor\n• Forum");
  g_assert_cmpstr (dlg_session_get_description (opening), ==,
                   "See the forum (https://example.org/forum).");
  g_assert_cmpstr (dlg_session_get_persons (opening)[1], ==, "Ketua Forum");
  g_assert_cmpuint (dlg_session_get_duration (opening), ==, 90);
  /* Only the web link is kept. */
  g_assert_cmpuint (g_list_model_get_n_items (dlg_session_get_links (opening)), ==, 1);
  g_assert_cmpuint (dlg_session_get_day (late), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (dlg_session_get_start (late)), ==, 17);
  g_assert_true (g_str_has_prefix (dlg_session_get_key (late), "derived-"));
}

static void
test_pentabarf (void)
{
  g_autoptr(DlgFeed) feed = load ("pentabarf.xml");
  DlgEvent *event = dlg_feed_get_event (feed);
  DlgSession *welcome = find (feed, "Welcome");
  DlgSession *again = find (feed, "Same id again");
  DlgSession *closing = find (feed, "Closing");

  g_assert_cmpstr (dlg_event_get_id (event), ==, "Old Congress");
  g_assert_true (dlg_event_get_floating_time (event));
  g_assert_cmpstr (dlg_event_get_start_date (event), ==, "2007-02-24");
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_start (welcome)), ==, 10);
  g_assert_cmpuint (dlg_session_get_duration (again), ==, 60);
  g_assert_cmpstr (dlg_session_get_abstract (welcome), ==, "Hello & welcome");
  /* Repeated ids, no guids: distinct, stable keys. */
  g_assert_cmpstr (dlg_session_get_key (welcome), !=, dlg_session_get_key (again));
  g_assert_true (g_str_has_prefix (dlg_session_get_key (welcome), "derived-"));
  g_assert_cmpuint (dlg_session_get_day (closing), ==, 2);
  g_assert_cmpstr (dlg_session_get_room (closing), ==, "Janson");
  g_assert_cmpint (g_date_time_get_day_of_month (dlg_session_get_start (closing)), ==, 25);
}

static void
test_errors (void)
{
  static const struct { const char *fixture; const char *message; } cases[] = {
    { "bad-date.json",
      "schedule.conference.days[0].rooms[\"Aula\"][1].date: expected an ISO 8601 date and time" },
    { "bad-date.xml", "schedule.day[0].room[\"A\"].event[0].date: expected an ISO 8601 date and time" },
    { "broken.xml", "not valid XML: Error on line 7 char 12:" },
    { "not-a-schedule.html", "line 1, column 7: the document is <html>" },
    /* Where, in plain words (json-glib says "<data>:15:18: Parse error: ..."). */
    { "cut-short.json", "not valid JSON: line " },
    /* A feed whose version is misspelt is no schedule either. */
    { "misspelt-version.json", "delegate_feed: missing: this is not a Delegate feed" },
    { "no-schedule.json", "neither a Delegate feed, nor a frab or pretalx schedule.json" },
    { "empty.json", "not valid JSON: the document is empty" },
    /* Saved by Windows PowerShell ("> feed.json"): UTF-16 with a byte-order mark. */
    { "utf-16.json", "the file is in UTF-16 or UTF-32, not UTF-8: save it as UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = load_error (cases[i].fixture);

      g_test_message ("%s: %s", cases[i].fixture, message);
      g_assert_true (g_str_has_prefix (message, cases[i].message));
      g_assert_null (strstr (message, "<data>"));
      g_assert_null (strstr (message, "Parse error"));
    }
}

static void
test_delegate_feed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "pretalx-agenda.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_load (path, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (feed)), ==, "pretalx-style");
}

static void
test_search (void)
{
  g_autoptr(DlgFeed) feed = load ("quirks.json");
  DlgSession *opening = find (feed, "Opening 🎉 𝔘nicode");
  g_autofree char *key = dlg_session_search_key (opening, feed);
  g_autofree char *folded = dlg_search_fold ("Ärger ÉTÉ ﬁx İ");
  static const struct { const char *query; gboolean matches; } cases[] = {
    { "", TRUE },
    { "OPENING", TRUE },
    { "barensaal", TRUE },          /* the room, accent-blind */
    { "bärensaal aula", TRUE },     /* every word, any order */
    { "ana public", TRUE },         /* a speaker */
    { "item two", TRUE },           /* the abstract */
    { "emphasis heading", TRUE },   /* the description */
    { "opening zzz", FALSE },
    { "secret", FALSE },            /* "answers" are not searched */
  };

  g_assert_cmpstr (folded, ==, "arger ete fix i");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) terms = dlg_search_terms (cases[i].query);

      g_test_message ("search “%s”", cases[i].query);
      g_assert_cmpint (dlg_search_matches (key, (const char * const *) terms), ==,
                       cases[i].matches);
    }
}

/* Whether a search for @query finds the session titled @title in @feed, as read in
 * @languages. */
static gboolean
finds (const char * const *languages,
       const char         *title,
       const char         *query)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "bilingual.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_load (path, languages, NULL, &error);
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(DlgFeed) unpacked = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_unpacked = NULL;
  g_auto(GStrv) terms = dlg_search_terms (query);

  g_assert_no_error (error);
  /* A start reads the feed from its packed form: it must search the same. */
  packed = dlg_feed_pack (feed);
  unpacked = dlg_feed_unpack (packed, &error);
  g_assert_no_error (error);
  key = dlg_session_search_key (find (feed, title), feed);
  key_unpacked = dlg_session_search_key (find (unpacked, title), unpacked);
  g_assert_cmpstr (key, ==, key_unpacked);
  return dlg_search_matches (key, (const char * const *) terms);
}

/* A bilingual feed is searched in all its languages: a delegate reading English who saw
 * "pengelolaan sampah" on a slide finds the session, and one reading Indonesian who heard
 * "waste management" in a talk; each language's text as the detail would show it (no HTML
 * tags, no Markdown marks), and never a key that is not a language. */
static void
test_search_languages (void)
{
  static const char * const indonesian[] = { "id", NULL };
  static const struct
  {
    const char * const *languages;
    const char         *title;
    const char         *query;
    gboolean            found;
  } cases[] = {
    { english, "City waste management", "waste management", TRUE },
    { english, "City waste management", "pengelolaan sampah", TRUE },
    { english, "City waste management", "bank sampah kupang", TRUE },  /* the abstract */
    { english, "City waste management", "daur ulang plastik di", TRUE }, /* the description */
    { english, "City waste management", "lingkungan", TRUE },          /* the track */
    { english, "City waste management", "strong", FALSE },             /* an HTML tag */
    { english, "City waste management", "*plastik*", FALSE },          /* Markdown marks */
    { english, "Opening", "pembukaan", TRUE },
    { english, "Opening", "sambutan wali kota", TRUE },                /* the subtitle */
    { english, "Opening", "secret rehearsal", FALSE },                 /* "draft" */
    { indonesian, "Pengelolaan sampah kota", "waste management", TRUE },
    { indonesian, "Pengelolaan sampah kota", "recycling plastic", TRUE },
    { indonesian, "Pengelolaan sampah kota", "environment", TRUE },
    { indonesian, "Pembukaan", "opening mayor", TRUE },
    { indonesian, "Pembukaan", "secret", FALSE },
    { indonesian, "Smart City", "sensors", TRUE },  /* no Indonesian: the English shown */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("in %s, “%s” for “%s”", cases[i].languages[0], cases[i].query,
                      cases[i].title);
      g_assert_cmpint (finds (cases[i].languages, cases[i].title, cases[i].query), ==,
                       cases[i].found);
    }
}

/* HTML whitespace, line ends included, reads as one space; paragraphs and
 * breaks as line ends; the words and their characters are kept as they are. */
static void
test_html_spaces (void)
{
  const struct { const char *html; const char *plain; } cases[] = {
    { "<p>  Two  spaces\tand a tab </p>", "Two spaces and a tab" },
    { "<p>One</p>\n  <p>  Two</p>", "One\n\nTwo" },
    { "<p>a &amp;  b</p>", "a & b" },
    { "<p>Line<br>  next</p>", "Line\nnext" },
    { "<p>Kota Kupang — Bärensaal 😀 ok</p>", "Kota Kupang — Bärensaal 😀 ok" },
    { "<ul><li> first </li><li>second</li></ul>", "• first\n• second" },
    { "<p> \t </p>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = dlg_text_to_plain (cases[i].html);

      g_test_message ("%s", cases[i].html);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* Markdown's strong marks and heading marks go; what only looks like them
 * stays as written. */
static void
test_markdown_marks (void)
{
  const struct { const char *markdown; const char *plain; } cases[] = {
    { "**Bold** and __bold__ words", "Bold and bold words" },
    { "**a **b** c**", "a **b c**" },
    { "** not bold**", "** not bold**" },
    { "**not bold **", "**not bold **" },
    { "**a\nb**", "**a\nb**" },
    { "***a**", "*a" },
    { "## Title ##", "Title" },
    { "# Title #x", "Title #x" },
    { "# Über **alles** #", "Über alles" },
    { "   ### Three spaces", "Three spaces" },
    { "    # Four spaces", "    # Four spaces" },
    { "####### Seven", "####### Seven" },
    { "#No space", "#No space" },
    { "# ", NULL },
    { "## Title ##   \r\nText", "Title\n\nText" },
    { "a\r\rb\r\n\r\nc", "a\n\nb\n\nc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = dlg_text_to_plain (cases[i].markdown);

      g_test_message ("%s", cases[i].markdown);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* A note to self in a pretalx abstract written in Markdown, as an HTML comment: pretalx's
 * page never shows it, and neither may Delegate (it did, when the text held no HTML tag). */
static void
test_markdown_comments (void)
{
  g_autoptr(DlgFeed) feed = load ("markdown-comments.json");
  DlgSession *panel = find (feed, "Smart city panel");

  g_assert_cmpstr (dlg_session_get_abstract (panel), ==,
                   "Three cities share their plans.\n\nQuestions from the floor.");
  /* One left open hides the rest, as in a browser. */
  g_assert_cmpstr (dlg_session_get_description (panel), ==, "Moderated by the secretariat.");
}

/* Text struck out is what the organiser took back: "Venue: Aula Hotel Aston" read as
 * current, in HTML and in Markdown alike, and sent delegates to the old venue. */
static void
test_struck_out (void)
{
  const struct { const char *text; const char *plain; } cases[] = {
    { "<p>Venue: <del>Aula Hotel Aston</del> Sumba Suka Paradise</p>",
      "Venue: Sumba Suka Paradise" },
    { "<p>Speakers: <S>Pak Budi</S> <strike class=\"x\">Bu Ani</strike> Bu Sari</p>",
      "Speakers: Bu Sari" },
    { "Venue: <del>Aula Hotel Aston</del> **Sumba Suka Paradise**",
      "Venue: Sumba Suka Paradise" },
    { "Moved to <s>day 1</s> day 2.\n\n<del datetime=\"2019-10-10\">Bring <del>a</del> "
      "passport.</del>\n\nLunch at noon.", "Moved to day 2.\n\nLunch at noon." },
    /* Left open, it strikes the rest, as in a browser. */
    { "Bring slides. <del>And a laptop.", "Bring slides." },
    /* What only looks like one is text. */
    { "<p>a <strong>b</strong> <sup>2</sup> <span>c</span></p>", "a b 2 c" },
    { "Keys: <ss> <s-x> and <sx>, a<s", "Keys: <ss> <s-x> and <sx>, a<s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = dlg_text_to_plain (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* Abstracts are read at each sync and each start: a hostile one of a
 * megabyte takes a moment.  Each of these once took from seconds (blank
 * lines between rules, carriage returns) to minutes (open "**"). */
static void
test_text_huge (void)
{
  const struct { const char *before, *unit, *after; } cases[] = {
    { "", "\n\n---", "" },
    { "", "\r", "" },
    { "", "\r\n", "" },
    { "# ", "#", "x" },
    { "", "**a ", "" },
    { "", "__a ", "" },
    { "", "<s ", "" },
    { "", "<del>", "" },
  };
  gsize size = 1 << 20;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_sized_new (size + 16);
      g_autofree char *unit = g_strescape (cases[i].unit, NULL);
      g_autofree char *plain = NULL;
      gint64 start;

      g_string_append (text, cases[i].before);
      while (text->len < size)
        g_string_append (text, cases[i].unit);
      g_string_append (text, cases[i].after);

      start = g_get_monotonic_time ();
      plain = dlg_text_to_plain (text->str);
      g_test_message ("\"%s\" x %zu: %" G_GINT64_FORMAT " ms", unit,
                      size / strlen (cases[i].unit), (g_get_monotonic_time () - start) / 1000);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source/detect", test_detect);
  g_test_add_func ("/source/quirks", test_quirks);
  g_test_add_func ("/source/zone-from-offsets", test_zone_from_offsets);
  g_test_add_func ("/source/zone-disagrees", test_zone_disagrees);
  g_test_add_func ("/source/zone-unknown-offsets", test_zone_unknown_offsets);
  g_test_add_func ("/source/zone-across-clock-change", test_zone_across_clock_change);
  g_test_add_func ("/source/floating", test_floating);
  g_test_add_func ("/source/pretalx", test_pretalx);
  g_test_add_func ("/source/frab-xml", test_frab_xml);
  g_test_add_func ("/source/xml-encoding", test_xml_encoding);
  g_test_add_func ("/source/schedule2", test_schedule2);
  g_test_add_func ("/source/day-change", test_day_change);
  g_test_add_func ("/source/day-change-morning", test_day_change_morning);
  g_test_add_func ("/source/xhtml-abstract", test_xhtml_abstract);
  g_test_add_func ("/source/rooms-empty-list", test_rooms_empty_list);
  g_test_add_func ("/source/duration-number", test_duration_number);
  g_test_add_func ("/source/odd-fields", test_odd_fields);
  g_test_add_func ("/source/track-object", test_track_object);
  g_test_add_func ("/source/repeated-day-index", test_repeated_day_index);
  g_test_add_func ("/source/derived-keys", test_derived_keys);
  g_test_add_func ("/source/repeated-keys", test_repeated_keys);
  g_test_add_func ("/source/json-xml-same", test_json_xml_same);
  g_test_add_func ("/source/pentabarf", test_pentabarf);
  g_test_add_func ("/source/errors", test_errors);
  g_test_add_func ("/source/delegate-feed", test_delegate_feed);
  g_test_add_func ("/source/search", test_search);
  g_test_add_func ("/source/search-languages", test_search_languages);
  g_test_add_func ("/source/html-spaces", test_html_spaces);
  g_test_add_func ("/source/markdown-marks", test_markdown_marks);
  g_test_add_func ("/source/markdown-comments", test_markdown_comments);
  g_test_add_func ("/source/struck-out", test_struck_out);
  g_test_add_func ("/source/text-huge", test_text_huge);

  return g_test_run ();
}
