/* test-feed-invalid.c: feeds that must be rejected, each with an error
 * that names the place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-feed-invalid"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlg-feed.h"

#define AGENDA_DAYS "agenda.schedule.conference.days"

typedef struct
{
  const char  *fixture;       /* in tests/fixtures/invalid/ */
  DlgFeedError code;
  const char  *message;       /* exact, or the start of it when prefix is set */
  gboolean     prefix;
  gboolean     from_bytes;    /* load with dlg_feed_new_from_bytes, not from the file */
} InvalidCase;

static const InvalidCase cases[] = {
  { "not-json", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 3, column ", TRUE },
  /* An upload that stopped: json-glib blamed the last comma ("unexpected character `,'") or
   * the last text ("invalid string constant"), both right; the place is where it stops. */
  { "cut-short", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 45, column 23: the document ends before every “{” and "
    "“[” in it is closed: is the file cut short, or a closing bracket missing?" },
  { "cut-short-in-string", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 50, column 23: the document ends inside a string: "
    "is the file cut short, or a closing quote missing?" },
  /* A member's last field with a comma after it, as hand-edited feeds have: json-glib
   * said "expected character `]'" inside an object. */
  { "trailing-comma", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 90, column 15: a comma with no value after it: JSON has "
    "no comma after the last value of an object or list" },
  { "empty", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON: the document is empty" },
  /* json-glib reads both; JSON has neither. */
  { "comment", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 2, column 2: a “/” outside a string: "
    "JSON has no comments (or a string before it lacks its closing quote)" },
  { "single-quotes", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 2, column 2: a single quote outside a string: "
    "JSON strings are in double quotes (or a string before it lacks its closing quote)" },
  /* Other tools keep the first "title", or refuse the file: it must mean
   * the same to all of them. */
  { "duplicate-key", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 10, column 3: “title” is given twice in one object: "
    "give each name once" },
  /* The same with a byte-order mark (Notepad's), which json-glib reads. */
  { "duplicate-key-bom", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 10, column 3: “title” is given twice in one object: "
    "give each name once" },
  /* The same name written with an escape ("ti\u0074le"), where the app reads it (json-glib
   * after a byte-order mark) and where it is read without one. */
  { "duplicate-key-escaped", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 10, column 3: “title” is given twice in one object: "
    "give each name once" },
  { "duplicate-key-escaped-bom", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 10, column 3: “title” is given twice in one object: "
    "give each name once" },
  /* json-glib reads "C:\Users" as "C:Users", and a raw tab as a tab. */
  { "bad-escape", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 13, column 15: a backslash that starts no JSON escape: "
    "write \\\\ for a backslash" },
  { "raw-tab", DLG_FEED_ERROR_INVALID_JSON,
    "the feed: not valid JSON at line 13, column 17: a tab or line break inside a string: "
    "write it as \\t or \\n" },
  { "not-an-object", DLG_FEED_ERROR_INVALID,
    "The feed is not a JSON object with a “delegate_feed” version" },
  { "no-version", DLG_FEED_ERROR_INVALID,
    "delegate_feed: missing: this is not a Delegate feed" },
  { "version-2", DLG_FEED_ERROR_UNSUPPORTED,
    "delegate_feed: version 2 is newer than this app reads (1)" },
  { "version-string", DLG_FEED_ERROR_INVALID,
    "delegate_feed: expected a version number" },
  { "no-event", DLG_FEED_ERROR_INVALID,
    "event: required, but missing" },
  { "no-event-title", DLG_FEED_ERROR_INVALID,
    "event.title: required, but missing" },
  { "event-title-number", DLG_FEED_ERROR_INVALID,
    "event.title: expected text, or an object of languages and texts" },
  { "event-title-language-number", DLG_FEED_ERROR_INVALID,
    "event.title.en: expected text" },
  { "unknown-zone", DLG_FEED_ERROR_INVALID,
    "event.time_zone: unknown time zone “Mars/Olympus”" },
  /* A POSIX rule, whose sign reads the other way from an offset's ("WITA-8" is +08:00):
   * no zone's name.  ("UTC+8" is read as it is meant: test_zone_names().) */
  { "zone-posix-rule", DLG_FEED_ERROR_INVALID,
    "event.time_zone: “WITA-8” is not the name of a time zone: give its name, such as "
    "“Asia/Makassar”, or its offset from UTC, such as “+08:00”" },
  /* A path is no zone name: GLib opened the file (and warned that it is no zone file). */
  { "zone-path", DLG_FEED_ERROR_INVALID,
    "event.time_zone: unknown time zone “/etc/passwd”" },
  { "no-zone", DLG_FEED_ERROR_INVALID,
    "event.time_zone: required, but missing" },
  { "unknown-conference-zone", DLG_FEED_ERROR_INVALID,
    "agenda.schedule.conference.time_zone_name: unknown time zone “Mars/Olympus”" },
  { "bad-start-date", DLG_FEED_ERROR_INVALID,
    "event.start: expected a date such as “2019-10-16”" },
  { "end-before-start", DLG_FEED_ERROR_INVALID,
    "event.end: the event ends before it starts" },
  { "joined-not-a-year", DLG_FEED_ERROR_INVALID,
    "members[3].joined: expected a year" },
  { "duplicate-member", DLG_FEED_ERROR_INVALID,
    "members[1].id: the id “a” is used twice" },
  { "members-not-a-list", DLG_FEED_ERROR_INVALID,
    "members: expected a list" },
  { "member-no-name", DLG_FEED_ERROR_INVALID,
    "members[2].name: required, but missing" },
  { "latitude-out-of-range", DLG_FEED_ERROR_INVALID,
    "members[0].coordinates.lat: expected a latitude between -90 and 90" },
  { "unknown-host", DLG_FEED_ERROR_INVALID,
    "event.host: no member has the id “nobody”" },
  { "unknown-president-member", DLG_FEED_ERROR_INVALID,
    "event.president.member: no member has the id “nobody”" },
  { "bad-session-date", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[2].rooms[\"Aula\"][0].date: expected an ISO 8601 date and time" },
  /* 9999-12-31 there, but the year 10000 in the event's zone. */
  { "session-date-after-9999-in-zone", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].date: expected an ISO 8601 date and time" },
  { "bad-duration", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].duration: expected a duration such as “1:30”" },
  /* The end would fall after the year 9999, where GDateTime stops. */
  { "session-ends-after-9999", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].duration: the session would end after the year 9999" },
  { "duplicate-guid", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[1].rooms[\"Aula\"][0].guid: the guid “s1” is used twice" },
  /* Two days of one number would each list the other's sessions. */
  { "duplicate-day-index", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[1].index: day 1 is numbered twice: give each day its own index" },
  { "session-unknown-member", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[2].rooms[\"Aula\"][0].members[0]: no member has the id “nobody”" },
  { "session-no-title", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].title: required, but missing" },
  { "person-without-name", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].persons[0]: a person needs a “public_name” or a “name”" },
  { "time-tba-not-boolean", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"][0].time_tba: expected true or false" },
  { "room-not-a-list", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].rooms[\"Aula\"]: expected a list" },
  { "day-without-date", DLG_FEED_ERROR_INVALID,
    AGENDA_DAYS "[0].date: required, but missing" },
  { "agenda-without-schedule", DLG_FEED_ERROR_INVALID,
    "agenda.schedule: required, but missing" },
  { "practice-unknown-session", DLG_FEED_ERROR_INVALID,
    "best_practices[0].session: no session has the key “nowhere”" },
  { "practice-unknown-member", DLG_FEED_ERROR_INVALID,
    "best_practices[0].member: no member has the id “nobody”" },
  { "duplicate-practice", DLG_FEED_ERROR_INVALID,
    "best_practices[1].id: the id “p” is used twice" },
  { "tag-not-a-string", DLG_FEED_ERROR_INVALID,
    "best_practices[0].tags[1]: expected text, or an object of languages and texts" },
  { "external-agenda", DLG_FEED_ERROR_EXTERNAL_SECTION,
    "agenda: published separately at “agenda.json”, which was not loaded", FALSE, TRUE },
  { "external-missing-file", DLG_FEED_ERROR_EXTERNAL_SECTION,
    "agenda: cannot read “missing/agenda.json”: ", TRUE },
  /* Read whole, a device would take all the laptop's memory. */
  { "external-device", DLG_FEED_ERROR_EXTERNAL_SECTION,
    "agenda: cannot read “/dev/zero”: not a regular file" },
  { "external-not-json", DLG_FEED_ERROR_INVALID_JSON,
    "agenda: not valid JSON at line 1, column 15: the document ends before every “{” and “[” "
    "in it is closed: is the file cut short, or a closing bracket missing?" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *test = data;
  g_autofree char *name = g_strconcat (test->fixture, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = NULL;

  if (test->from_bytes)
    {
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

      g_assert_no_error (error);
      feed = dlg_feed_new_from_bytes (bytes, NULL, &error);
    }
  else
    {
      feed = dlg_feed_new_from_file (file, NULL, NULL, &error);
    }

  g_assert_null (feed);
  g_assert_error (error, DLG_FEED_ERROR, (int) test->code);
  if (test->prefix)
    {
      if (!g_str_has_prefix (error->message, test->message))
        g_error ("“%s” does not start with “%s”", error->message, test->message);
    }
  else
    {
      g_assert_cmpstr (error->message, ==, test->message);
    }
}

/* Every fixture the table names is different from the valid base only in
 * the one place the error names: the base itself must load. */
static void
test_base_is_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "full.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_members (feed)), ==, 4);
}

static void
test_garbage_bytes (void)
{
  static const char *inputs[] = {
    "\xff\xfe{", "null", "1", "\"text\"", "{\"delegate_feed\": 1, \"event\": []}",
    "{\"delegate_feed\": 1e3}", "{\"delegate_feed\": -1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, NULL, &error);

      g_assert_null (feed);
      g_assert_nonnull (error);
      g_assert_true (error->domain == DLG_FEED_ERROR);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* A feed file, or a section beside it, larger than a download may be is
 * refused before it is read (the files are sparse: they take no room), and
 * so is a FIFO. */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("delegate-large-XXXXXX", &error);
  g_autofree char *feed_path = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *section_path = g_build_filename (dir, "members.json", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) feed_file = g_file_new_for_path (feed_path);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(DlgFeed) feed = NULL;
  FILE *big;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (feed_path,
                                      "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
                                      "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, "
                                      "\"members\": \"big.json\"}", -1, NULL));
  big = fopen (big_path, "w");
  g_assert_nonnull (big);
  g_assert_cmpint (ftruncate (fileno (big), 40 * 1024 * 1024), ==, 0);
  fclose (big);

  feed = dlg_feed_new_from_file (feed_file, NULL, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION);
  g_assert_cmpstr (error->message, ==,
                   "members: cannot read “big.json”: larger than 33.6\u00a0MB, the most Delegate accepts");
  g_clear_error (&error);

  feed = dlg_feed_new_from_file (big_file, NULL, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  /* A FIFO would wait for a writer for ever: refused before it is opened. */
  g_unlink (big_path);
  g_assert_cmpint (mkfifo (big_path, 0600), ==, 0);
  feed = dlg_feed_new_from_file (feed_file, NULL, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION);
  g_assert_cmpstr (error->message, ==, "members: cannot read “big.json”: not a regular file");
  g_clear_error (&error);

  g_unlink (feed_path);
  g_unlink (section_path);
  g_unlink (big_path);
  g_rmdir (dir);
}

/* A feed the size of a few pages that would take the app's memory, its stack or hours of its
 * time is refused in words, quickly: values nested 100,000 deep (json-glib's recursion took
 * the app down), more values than any feed has (32 MiB of "{}," took 3 GB), and an abstract of
 * a million "\n" (read in minutes, each escape looking for the string's end again). */
static void
test_hostile_shapes (void)
{
  static const char head[] = "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
                             "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\", "
                             "\"_note\": ";
  struct { const char *open, *repeat, *close; guint n; const char *message; } shapes[] = {
    { "", "[", "", 100000,
      "the feed: not valid JSON at line 1, column 629: values nested more than 512 deep, "
      "the most Delegate reads" },
    { "[", "{},", "{}]", 1100000,
      "the feed: not valid JSON at line 1, column 3000098: more than a million values, "
      "the most Delegate reads" },
    { "\"", "\\n", "\"", 1000000, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(GString) text = g_string_new (head);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DlgFeed) feed = NULL;
      gint64 start;

      g_string_append (text, shapes[i].open);
      for (guint j = 0; j < shapes[i].n; j++)
        g_string_append (text, shapes[i].repeat);
      g_string_append (text, shapes[i].close);
      if (shapes[i].repeat[0] == '[')
        for (guint j = 0; j < shapes[i].n; j++)
          g_string_append_c (text, ']');
      g_string_append (text, "}}");
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));

      start = g_get_monotonic_time ();
      feed = dlg_feed_new_from_bytes (bytes, NULL, &error);
      /* Not a benchmark: seconds where it took minutes (under sanitizers too). */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      if (shapes[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (feed);
          continue;
        }
      g_assert_null (feed);
      g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON);
      g_assert_cmpstr (error->message, ==, shapes[i].message);
    }
}

typedef struct
{
  char *fifo;
  gint  parsed;  /* atomic */
} Fifo;

static gpointer
unblock_fifo_cb (gpointer data)
{
  Fifo *fifo = data;
  int fd;

  for (guint i = 0; i < 200 && !g_atomic_int_get (&fifo->parsed); i++)
    g_usleep (10 * 1000);
  if (g_atomic_int_get (&fifo->parsed))
    return GINT_TO_POINTER (FALSE);
  /* Succeeds only while a reader waits in open(): the parse it unblocks then ends. */
  fd = open (fifo->fifo, O_WRONLY | O_NONBLOCK);
  if (fd >= 0)
    close (fd);
  return GINT_TO_POINTER (fd >= 0);
}

/* A feed from the web names a named pipe as its zone: the parse waited for good, for a
 * writer (here a thread plays one), and the app never showed the event or said why. */
static void
test_zone_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("delegate-zone-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "zone", NULL);
  Fifo fifo = { path, 0 };
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  GThread *writer;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  text = g_strdup_printf ("{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
                          "\"time_zone\": \"%s\", \"start\": \"2024-10-16\"}}", path);
  bytes = g_bytes_new (text, strlen (text));

  writer = g_thread_new ("writer", unblock_fifo_cb, &fifo);
  feed = dlg_feed_new_from_bytes (bytes, NULL, &error);
  g_atomic_int_set (&fifo.parsed, TRUE);
  g_assert_false (GPOINTER_TO_INT (g_thread_join (writer)));
  g_assert_null (feed);
  g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);

  g_unlink (path);
  g_rmdir (dir);
}

/* What the refusals above must not catch: an IANA name with an offset in it, and offsets;
 * and "UTC+8", as people write WITA: +08:00, as they mean (read as a POSIX rule, a Kupang
 * session at 09:00 was at 17:00 UTC, not 01:00, in every calendar it was exported to). */
static void
test_zone_names (void)
{
  static const struct { const char *zone; const char *shown; } zones[] = {
    { "Etc/GMT-8", "+08" },
    { "+08:00", "+08:00" },
    { "Asia/Makassar", "WITA" },
    { "UTC+8", "+08:00" },
    { "GMT+08:00", "+08:00" },
    { "utc+0800", "+08:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
        "\"time_zone\": \"%s\", \"start\": \"2024-10-16\"}}", zones[i].zone);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, NULL, &error);
      g_autoptr(GDateTime) nine = NULL;

      g_assert_no_error (error);
      nine = g_date_time_new (dlg_event_get_time_zone (dlg_feed_get_event (feed)),
                              2024, 10, 16, 9, 0, 0);
      /* 09:00 there is 01:00 UTC, with the zone's own label. */
      g_assert_cmpint (g_date_time_get_utc_offset (nine), ==, 8 * G_TIME_SPAN_HOUR);
      g_assert_cmpstr (g_date_time_get_timezone_abbreviation (nine), ==, zones[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The messages are checked in their English source form. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/invalid/base-is-valid", test_base_is_valid);
  g_test_add_func ("/feed/invalid/garbage", test_garbage_bytes);
  g_test_add_func ("/feed/invalid/too-large", test_too_large);
  g_test_add_func ("/feed/invalid/hostile-shapes", test_hostile_shapes);
  g_test_add_func ("/feed/invalid/zone-fifo", test_zone_fifo);
  g_test_add_func ("/feed/invalid/zone-names", test_zone_names);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/feed/invalid/%s", cases[i].fixture);

      g_test_add_data_func (test_path, &cases[i], test_invalid);
    }

  return g_test_run ();
}
