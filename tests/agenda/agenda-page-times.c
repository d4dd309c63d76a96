/* agenda-page-times.c: the agenda's times and their groups, in the event's zone or the
 * laptop's: the dates of sessions after midnight, zones known only by their offset
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

static void
test_groups_and_times (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  g_autofree char *first = dlg_agenda_page_describe_group (f->page, 0);
  g_autofree char *second = dlg_agenda_page_describe_group (f->page, 1);
  g_autofree char *third = dlg_agenda_page_describe_group (f->page, 2);
  g_autofree char *time_text = dlg_agenda_page_format_time (f->page, opening);
  g_autofree char *place = dlg_agenda_page_describe_place (opening);
  g_autofree char *local = NULL;

  /* Two sessions start at 09:00 WITA (one given in UTC): one header for both. */
  g_assert_cmpstr (first, ==, "09:00 WITA");
  g_assert_null (second);
  g_assert_cmpstr (third, ==, "10:00 WITA");
  g_assert_cmpstr (time_text, ==, "09:00–09:45");
  /* Listed under day 1, but after its midnight; ending the next morning. */
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, find (f, "After midnight"));
  g_assert_cmpstr (time_text, ==, "00:30 (Thu 17 Oct)–02:00");
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, find (f, "Hackathon all day"));
  g_assert_cmpstr (time_text, ==, "10:00–20:00");
  g_assert_cmpstr (place, ==, "Aula/Ruang 2 — Bärensaal · Ana Public, Only Name");

  /* While a search spans days, headers say the day. */
  search (f, "opening");
  g_clear_pointer (&first, g_free);
  first = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_true (g_str_has_suffix (first, " · 09:00 WITA"));
  g_assert_true (g_str_has_prefix (first, "Day 1, "));
  search (f, "");

  /* The laptop's zone, when the delegate asks for it (TZ is set by meson). */
  g_settings_set_boolean (settings, "agenda-local-time", TRUE);
  local = dlg_agenda_page_format_time (f->page, opening);
  /* In New York the forum's Wednesday morning is Tuesday evening: said, not left to guess. */
  if (g_strcmp0 (g_getenv ("TZ"), "America/New_York") == 0)
    g_assert_cmpstr (local, ==, "21:00 (Tue 15 Oct)–21:45");
  else if (g_strcmp0 (g_getenv ("TZ"), "UTC") == 0)
    g_assert_cmpstr (local, ==, "01:00–01:45");
  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
}

/* A group's header says the date of its time when that is not its day's, as its rows do: a
 * session listed under day 1 but after its midnight, and, in the laptop's zone, a morning in
 * Kupang that is the evening before in New York. */
static void
test_group_dates (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *late = NULL;
  g_autofree char *local = NULL;

  search (f, "after midnight");
  late = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_cmpstr (late, ==, "Day 1, Wednesday 16 October · 00:30 (Thu 17 Oct) WITA");

  g_settings_set_boolean (settings, "agenda-local-time", TRUE);
  search (f, "opening");
  local = dlg_agenda_page_describe_group (f->page, 0);
  if (g_strcmp0 (g_getenv ("TZ"), "America/New_York") == 0)
    g_assert_cmpstr (local, ==, "Day 1, Wednesday 16 October · 21:00 (Tue 15 Oct) EDT");
  else if (g_strcmp0 (g_getenv ("TZ"), "UTC") == 0)
    g_assert_cmpstr (local, ==, "Day 1, Wednesday 16 October · 01:00 UTC");
  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
  search (f, "");
}

/* A schedule that gives only offsets ("+02:00", no zone name) is labelled as it was written,
 * and an exhibition over three days says the date it ends. */
static void
test_offsets_and_long_sessions (Fixture       *f,
                                gconstpointer  data)
{
  static const char json[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"o\", \"title\": \"O\", "
    "\"days\": [{\"index\": 1, \"date\": \"2019-10-16\", \"rooms\": {\"Hall\": ["
    "{\"guid\": \"fair\", \"date\": \"2019-10-16T08:00:00+02:00\", \"start\": \"08:00\", "
    "\"duration\": \"57:00\", \"title\": \"Exhibition\"}, "
    "{\"guid\": \"late\", \"date\": \"2019-10-16T23:00:00+02:00\", \"start\": \"23:00\", "
    "\"duration\": \"1:00\", \"title\": \"Late\"}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *group = NULL;
  g_autofree char *time_text = NULL;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, feed);
  group = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_cmpstr (group, ==, "08:00 +02:00");
  time_text = dlg_agenda_page_format_time (f->page, dlg_feed_find_session (feed, "fair"));
  g_assert_cmpstr (time_text, ==, "08:00–17:00 (Fri 18 Oct)");
  /* One ending at midnight ends on its day. */
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, dlg_feed_find_session (feed, "late"));
  g_assert_cmpstr (time_text, ==, "23:00–00:00");
}

/* Offsets that change overnight, as the clocks do in spring, with no zone named: each header
 * says the offset its sessions were given, not the abbreviation of a zone the feed never
 * named. */
static void
test_offsets_across_clock_change (Fixture       *f,
                                  gconstpointer  data)
{
  static const char json[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"c\", \"title\": \"C\", "
    "\"days\": [{\"index\": 1, \"date\": \"2024-03-30\", \"rooms\": {\"Hall\": ["
    "{\"guid\": \"sat\", \"date\": \"2024-03-30T09:00:00+01:00\", \"start\": \"09:00\", "
    "\"duration\": \"1:00\", \"title\": \"Keynote Saturday\"}]}}, "
    "{\"index\": 2, \"date\": \"2024-03-31\", \"rooms\": {\"Hall\": ["
    "{\"guid\": \"sun\", \"date\": \"2024-03-31T09:00:00+02:00\", \"start\": \"09:00\", "
    "\"duration\": \"1:00\", \"title\": \"Keynote Sunday\"}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *saturday = NULL;
  g_autofree char *sunday = NULL;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, feed);
  search (f, "keynote");
  saturday = dlg_agenda_page_describe_group (f->page, 0);
  sunday = dlg_agenda_page_describe_group (f->page, 1);
  g_assert_true (g_str_has_prefix (saturday, "Day 1, "));
  g_assert_true (g_str_has_suffix (saturday, " · 09:00 +01:00"));
  g_assert_true (g_str_has_prefix (sunday, "Day 2, "));
  g_assert_true (g_str_has_suffix (sunday, " · 09:00 +02:00"));
  search (f, "");
}

void
agenda_page_add_times_tests (void)
{
  g_test_add ("/agenda-page/groups-and-times", Fixture, NULL, fixture_set_up,
              test_groups_and_times, fixture_tear_down);
  g_test_add ("/agenda-page/group-dates", Fixture, NULL, fixture_set_up, test_group_dates,
              fixture_tear_down);
  g_test_add ("/agenda-page/offsets-and-long-sessions", Fixture, NULL, fixture_set_up,
              test_offsets_and_long_sessions, fixture_tear_down);
  g_test_add ("/agenda-page/offsets-across-clock-change", Fixture, NULL, fixture_set_up,
              test_offsets_across_clock_change, fixture_tear_down);
}
