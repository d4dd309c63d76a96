/* test-feed-valid.c: feeds that must load, and what they load as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-feed-valid"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "dlg-feed.h"
#include "dlg-markdown.h"
#include "through-pack.h"

static const char * const languages_en[] = { "en_US.UTF-8", "en", NULL };
static const char * const languages_id[] = { "id_ID.UTF-8", "id", NULL };

static DlgFeed *
load_fixture (const char         *name,
              const char * const *languages)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlgFeed) from_bytes = NULL;
  DlgFeed *feed;

  feed = dlg_feed_new_from_file (file, languages, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (DLG_IS_FEED (feed));

  /* The same bytes parse the same way when the sections are inline. */
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  from_bytes = dlg_feed_new_from_bytes (bytes, languages, &error);
  if (error != NULL && g_error_matches (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION))
    return through_pack (feed);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (from_bytes)), ==,
                    g_list_model_get_n_items (dlg_feed_get_sessions (feed)));

  return through_pack (feed);
}

static gpointer
item (GListModel *model,
      guint       position)
{
  /* The feed holds a reference: borrowed items keep the asserts short. */
  gpointer object = g_list_model_get_item (model, position);

  g_assert_nonnull (object);
  g_object_unref (object);
  return object;
}

static void
test_minimal (void)
{
  g_autoptr(DlgFeed) feed = load_fixture ("minimal.json", languages_en);
  DlgEvent *event = dlg_feed_get_event (feed);

  g_assert_cmpstr (dlg_event_get_id (event), ==, "minimal");
  g_assert_cmpstr (dlg_event_get_title (event), ==, "A minimal feed");
  g_assert_null (dlg_event_get_subtitle (event));
  g_assert_null (dlg_event_get_venue (event));
  g_assert_null (dlg_event_get_notice (event));
  g_assert_null (dlg_event_get_host_member (event));
  g_assert_null (dlg_event_get_president_name (event));
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Asia/Jakarta");
  g_assert_cmpstr (dlg_event_get_start_date (event), ==, "2024-03-05");
  /* A one-day event. */
  g_assert_cmpstr (dlg_event_get_end_date (event), ==, "2024-03-05");
  g_assert_nonnull (dlg_event_get_languages (event));
  g_assert_null (dlg_event_get_languages (event)[0]);

  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (feed)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_days (feed)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_members (feed)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_practices (feed)), ==, 0);
  g_assert_null (dlg_feed_find_session (feed, "anything"));
  g_assert_null (dlg_feed_find_member (feed, "anything"));
  g_assert_null (dlg_feed_find_practice (feed, "anything"));
}

static void
test_sparse_members (void)
{
  g_autoptr(DlgFeed) feed = load_fixture ("sparse-members.json", languages_en);
  GListModel *members = dlg_feed_get_members (feed);
  DlgMember *bare = dlg_feed_find_member (feed, "kota-jayapura");
  DlgMember *full = dlg_feed_find_member (feed, "kabupaten-contoh");
  DlgMember *unsafe = dlg_feed_find_member (feed, "unsafe-links");
  DlgPerson *second;
  double lat = 0, lon = 0;
  gboolean has_coordinates = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 5);
  /* Feed order. */
  g_assert_true (item (members, 0) == (gpointer) bare);
  g_assert_true (item (members, 1) == (gpointer) full);

  g_assert_cmpstr (dlg_member_get_name (bare), ==, "Kota Jayapura");
  g_assert_cmpint (dlg_member_get_kind (bare), ==, DLG_MEMBER_KIND_OTHER);
  g_assert_cmpuint (dlg_member_get_joined (bare), ==, 0);
  g_assert_null (dlg_member_get_province (bare));
  g_assert_null (dlg_member_get_head_title (bare));
  g_assert_null (dlg_member_get_website (bare));
  g_assert_false (dlg_member_get_coordinates (bare, &lat, &lon));
  g_assert_cmpuint (g_list_model_get_n_items (dlg_member_get_delegates (bare)), ==, 0);

  g_assert_cmpint (dlg_member_get_kind (full), ==, DLG_MEMBER_KIND_KABUPATEN);
  g_assert_null (dlg_member_get_province (full));
  g_assert_cmpuint (dlg_member_get_joined (full), ==, 0);
  g_assert_cmpstr (dlg_member_get_head_title (full), ==, "Bupati");
  g_assert_null (dlg_member_get_head_name (full));
  g_assert_cmpstr (dlg_member_get_website (full), ==, "https://contoh.example.org/");
  g_assert_cmpstr (dlg_member_get_email (full), ==, "humas@contoh.example.org");
  g_assert_cmpstr (dlg_member_get_phone (full), ==, "+62 21 0000 0000 / 0001");
  g_assert_true (dlg_member_get_coordinates (full, &lat, &lon));
  g_assert_cmpfloat (lat, ==, -2.5);
  g_assert_cmpfloat (lon, ==, 140.7);
  g_object_get (full, "has-coordinates", &has_coordinates, "latitude", &lat, NULL);
  g_assert_true (has_coordinates);
  g_assert_cmpfloat (lat, ==, -2.5);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_member_get_delegates (full)), ==, 2);
  second = item (dlg_member_get_delegates (full), 1);
  g_assert_cmpstr (dlg_person_get_name (second), ==, "Delegasi Dua");
  g_assert_cmpstr (dlg_person_get_role (second), ==, "Regional Secretary");
  g_assert_null (dlg_person_get_email (second));
  /* The country code in brackets, as it is often written in Indonesia. */
  g_assert_cmpstr (dlg_person_get_phone (second), ==, "(+62) 967 123456");

  /* Unknown kinds read as other; unsafe addresses are dropped, not fatal. */
  g_assert_cmpint (dlg_member_get_kind (unsafe), ==, DLG_MEMBER_KIND_OTHER);
  g_assert_null (dlg_member_get_website (unsafe));
  g_assert_null (dlg_member_get_website (dlg_feed_find_member (feed, "an-ngo")));
  g_assert_cmpint (dlg_member_get_kind (dlg_feed_find_member (feed, "a-province")), ==,
                   DLG_MEMBER_KIND_PROVINCE);
  g_assert_cmpint (dlg_member_get_kind (dlg_feed_find_member (feed, "an-ngo")), ==,
                   DLG_MEMBER_KIND_ORGANISATION);
  g_assert_cmpuint (dlg_member_get_joined (dlg_feed_find_member (feed, "a-province")), ==, 2012);

  g_assert_cmpstr (dlg_event_get_host_member (dlg_feed_get_event (feed)), ==, "kota-jayapura");
}

static void
test_plain_text (void)
{
  g_autoptr(DlgFeed) feed_en = load_fixture ("plain-text.json", languages_en);
  g_autoptr(DlgFeed) feed_id = load_fixture ("plain-text.json", languages_id);
  DlgEvent *event = dlg_feed_get_event (feed_en);
  DlgSession *session = dlg_feed_find_session (feed_en, "plain-1");
  DlgPractice *practice = dlg_feed_find_practice (feed_en, "case-1");
  DlgLink *link;

  /* Trimmed, and the same whatever the language. */
  g_assert_cmpstr (dlg_event_get_title (event), ==, "Plain strings everywhere");
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed_id)), ==,
                   "Plain strings everywhere");
  g_assert_cmpstr (dlg_event_get_url (event), ==, "https://forum.example.org/2024");
  g_assert_cmpstr (dlg_event_get_notice (event), ==, "Times are to be announced.");
  g_assert_cmpstr (dlg_event_get_president_name (event), ==, "A. President");
  g_assert_null (dlg_event_get_president_member (event));

  g_assert_nonnull (session);
  g_assert_cmpstr (dlg_session_get_room (session), ==, "Hall");
  g_assert_cmpstr (dlg_session_get_track (session), ==, "Plenary");
  g_assert_cmpstr (dlg_session_get_kind (session), ==, "talk");
  g_assert_cmpstr (dlg_session_get_language (session), ==, "en");
  g_assert_cmpstr (dlg_session_get_abstract (session), ==, "Plain abstract");
  g_assert_cmpstr (dlg_session_get_url (session), ==, "http://forum.example.org/opening");
  g_assert_cmpstr (dlg_session_get_persons (session)[0], ==, "Speaker One");
  g_assert_null (dlg_session_get_members (session)[0]);
  g_assert_false (dlg_session_get_time_tba (session));
  g_assert_cmpuint (dlg_session_get_duration (session), ==, 90);
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_end (session)), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (dlg_session_get_end (session)), ==, 30);
  /* The file: link is dropped. */
  g_assert_cmpuint (g_list_model_get_n_items (dlg_session_get_links (session)), ==, 1);
  link = item (dlg_session_get_links (session), 0);
  g_assert_cmpstr (dlg_link_get_url (link), ==, "https://forum.example.org/slides.pdf");
  g_assert_cmpstr (dlg_link_get_title (link), ==, "Slides");

  g_assert_nonnull (practice);
  g_assert_null (dlg_practice_get_member (practice));
  g_assert_cmpstr (dlg_practice_get_session (practice), ==, "plain-1");
  g_assert_cmpstr (dlg_practice_get_body (practice), ==, "# Heading\n\nA *paragraph*.");
  g_assert_cmpstr (dlg_practice_get_tags (practice)[1], ==, "two");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_practice_get_links (practice)), ==, 1);
  g_assert_null (dlg_link_get_title (item (dlg_practice_get_links (practice), 0)));
}

static void
test_pretalx_agenda (void)
{
  static const char * const languages_de[] = { "de_DE.UTF-8", "de", NULL };
  g_autoptr(DlgFeed) feed = load_fixture ("pretalx-agenda.json", languages_de);
  DlgEvent *event = dlg_feed_get_event (feed);
  GListModel *sessions = dlg_feed_get_sessions (feed);
  GListModel *days = dlg_feed_get_days (feed);
  DlgSession *late = dlg_feed_find_session (feed, "0c8a7ad6-f1c8-5e36-9b43-7b3d1b2c3a01");
  DlgSession *morning = dlg_feed_find_session (feed, "0c8a7ad6-f1c8-5e36-9b43-7b3d1b2c3a02");
  DlgSession *utc, *no_date;
  GDateTime *start;

  g_assert_cmpstr (dlg_event_get_title (event), ==, "Ein pretalx-Export");
  /* The zone comes from the conference when the event gives none. */
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Europe/Berlin");

  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 2);
  g_assert_cmpuint (dlg_day_get_n_sessions (item (days, 0)), ==, 3);
  g_assert_cmpuint (dlg_day_get_n_sessions (item (days, 1)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);

  g_assert_nonnull (late);
  g_assert_cmpstr (dlg_session_get_title (late), ==, "A late talk");
  g_assert_null (dlg_session_get_subtitle (late));
  g_assert_null (dlg_session_get_track (late));
  g_assert_null (dlg_session_get_description (late));
  g_assert_cmpstr (dlg_session_get_persons (late)[0], ==, "Name Only");
  g_assert_cmpstr (dlg_session_get_persons (late)[1], ==, "Public Name");
  g_assert_null (dlg_session_get_persons (late)[2]);
  g_assert_cmpuint (dlg_session_get_duration (late), ==, 120);
  /* Listed under day 1, ends on the next day. */
  g_assert_cmpuint (dlg_session_get_day (late), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (dlg_session_get_end (late)), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (dlg_session_get_end (late)), ==, 1);

  g_assert_nonnull (morning);
  g_assert_cmpuint (dlg_session_get_duration (morning), ==, 45);
  g_assert_cmpstr (dlg_session_get_language (morning), ==, "de, en");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_session_get_links (morning)), ==, 0);

  /* Sorted by start, then room: 10:00 Raum/ü... no: 10:00 Saal 1, 11:00 (10:00Z) Raum/ü. */
  g_assert_true (item (sessions, 0) == (gpointer) morning);
  utc = item (sessions, 1);
  g_assert_cmpstr (dlg_session_get_title (utc), ==, "No guid, UTC offset");
  g_assert_cmpstr (dlg_session_get_room (utc), ==, "Raum/ü");
  /* The date's offset is the truth, shown in the event's zone. */
  start = dlg_session_get_start (utc);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 11);
  g_assert_cmpint (g_date_time_get_utc_offset (start), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (start), ==, "CET");
  /* A derived key, stable across loads. */
  g_assert_true (g_str_has_prefix (dlg_session_get_key (utc), "derived-"));
  {
    g_autoptr(DlgFeed) again = load_fixture ("pretalx-agenda.json", languages_de);

    g_assert_nonnull (dlg_feed_find_session (again, dlg_session_get_key (utc)));
  }
  g_assert_true (item (sessions, 2) == (gpointer) late);

  /* No date: the day's date and start, in the event's zone. */
  no_date = item (sessions, 3);
  g_assert_cmpstr (dlg_session_get_title (no_date), ==, "No date, only start");
  g_assert_cmpstr (dlg_session_get_room (no_date), ==, "Saal 1");
  g_assert_cmpuint (dlg_session_get_day (no_date), ==, 2);
  start = dlg_session_get_start (no_date);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (start), ==, 15);
  g_assert_cmpint (g_date_time_get_utc_offset (start), ==, G_TIME_SPAN_HOUR);
}

static void
test_unknown_fields (void)
{
  g_autoptr(DlgFeed) feed = load_fixture ("unknown-fields.json", languages_id);
  DlgMember *member = dlg_feed_find_member (feed, "m1");

  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed)), ==, "Judul");
  g_assert_nonnull (member);
  g_assert_cmpstr (dlg_member_get_head_title (member), ==, "Wali Kota");
  g_assert_true (dlg_member_get_coordinates (member, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dlg_member_get_delegates (member)), ==, 1);
  g_assert_cmpstr (dlg_practice_get_member (dlg_feed_find_practice (feed, "p1")), ==, "m1");
}

/* A text's object holds languages: a blank one falls back to another, as
 * a blank plain string counts as missing, so that the feed reads the same
 * in every language; keys that are no language (a draft, an internal
 * note) are the organiser's own and never shown. */
static void
test_language_maps (void)
{
  const char * const *both[] = { languages_en, languages_id };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(DlgFeed) feed = load_fixture ("language-maps.json", both[i]);
      DlgEvent *event = dlg_feed_get_event (feed);
      DlgMember *m1 = dlg_feed_find_member (feed, "m1");
      DlgMember *m2 = dlg_feed_find_member (feed, "m2");

      g_assert_cmpstr (dlg_event_get_title (event), ==, "Opening forum");
      g_assert_cmpstr (dlg_event_get_subtitle (event), ==, "Public subtitle");
      /* Neither language given: the first one given, in the file's order. */
      g_assert_cmpstr (dlg_member_get_name (m1), ==, "Ville A");
      g_assert_null (dlg_member_get_smart_city (m1));
      g_assert_cmpstr (dlg_member_get_name (m2), ==, i == 0 ? "City B" : "Kota B");
      g_assert_cmpstr (dlg_member_get_smart_city (m2), ==, "Kota cerdas");
    }
}

static void
test_external_sections (void)
{
  g_autoptr(DlgFeed) feed = load_fixture ("external/feed.json", languages_en);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "external",
                                                 "feed.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) unloaded = NULL;
  gsize length;
  g_autofree char *contents = NULL;
  DlgSession *session;

  session = dlg_feed_find_session (feed, "ext-1");
  g_assert_nonnull (session);
  g_assert_cmpstr (dlg_session_get_room (session), ==, "Aula");
  g_assert_cmpstr (dlg_session_get_members (session)[0], ==, "host-city");
  g_assert_cmpint (dlg_member_get_kind (dlg_feed_find_member (feed, "host-city")), ==,
                   DLG_MEMBER_KIND_KOTA);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_practices (feed)), ==, 0);

  /* From bytes alone the sections cannot be found: a named error. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  unloaded = dlg_feed_new_from_bytes (bytes, languages_en, &error);
  g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION);
  g_assert_null (unloaded);
  g_assert_true (g_str_has_prefix (error->message, "members: "));
  g_assert_nonnull (strstr (error->message, "members/list.json"));
}

/* A feed of the zone Asia/Makassar whose one session has the date @date. */
static DlgFeed *
parse_session_date (const char  *date,
                    GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_assert_null (strpbrk (date, "\"\\"));
  json = g_strdup_printf ("{\"delegate_feed\": 1, \"event\": {\"id\": \"instants\", "
                          "\"title\": \"Instants\", \"time_zone\": \"Asia/Makassar\", "
                          "\"start\": \"2019-10-16\"}, \"agenda\": {\"schedule\": "
                          "{\"conference\": {\"days\": [{\"date\": \"2019-10-16\", "
                          "\"rooms\": {\"Aula\": [{\"guid\": \"s\", \"title\": \"Session\", "
                          "\"date\": \"%s\"}]}}]}}}}", date);
  length = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  return dlg_feed_new_from_bytes (bytes, languages_en, error);
}

/* The session dates of tests/fixtures/instants.json: the accepted ones at their instant,
 * the others refused.  tests/core/check-instants.py holds the JSON Schema to the same list,
 * so that the two agree. */
static void
test_instants (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "instants.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  JsonObject *root;
  JsonArray *accepted, *refused;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  accepted = json_object_get_array_member (root, "accepted");
  refused = json_object_get_array_member (root, "refused");
  g_assert_cmpuint (json_array_get_length (accepted), >, 0);
  g_assert_cmpuint (json_array_get_length (refused), >, 0);

  for (guint i = 0; i < json_array_get_length (accepted); i++)
    {
      JsonArray *pair = json_array_get_array_element (accepted, i);
      const char *date = json_array_get_string_element (pair, 0);
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (
        json_array_get_string_element (pair, 1), utc);
      g_autoptr(DlgFeed) feed = NULL;
      DlgSession *session;

      g_test_message ("accepts “%s”", date);
      feed = parse_session_date (date, &error);
      g_assert_no_error (error);
      session = dlg_feed_find_session (feed, "s");
      g_assert_nonnull (expected);
      g_assert_true (g_date_time_equal (dlg_session_get_start (session), expected));
    }

  for (guint i = 0; i < json_array_get_length (refused); i++)
    {
      const char *date = json_array_get_string_element (refused, i);
      g_autoptr(DlgFeed) feed = NULL;

      g_test_message ("refuses “%s”", date);
      feed = parse_session_date (date, &error);
      g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "agenda.schedule.conference.days[0].rooms[\"Aula\"][0]"
                                           ".date: expected an ISO 8601 date and time");
      g_assert_null (feed);
      g_clear_error (&error);
    }
}

/* A best practice's body is Markdown: a note to self in an HTML comment, hidden in every
 * Markdown reader the organiser previews with, was shown to delegates word for word. */
static void
test_practice_comments (void)
{
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, \"best_practices\": ["
    "{\"id\": \"a\", \"title\": \"A\", \"body\": \"Kupang's **data centre**.\\n\\n"
    "<!-- Figures not yet confirmed\\nby the Bupati -->\\n\\n- one\\n- two <!-- or three? -->\"},"
    "{\"id\": \"b\", \"title\": \"B\", \"body\": \"<!-- to be written -->\"},"
    "{\"id\": \"c\", \"title\": \"C\", \"body\": \"Served <del>40</del> 60 villages.\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, languages_en, &error);
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  shown = dlg_markdown_to_plain (dlg_practice_get_body (dlg_feed_find_practice (feed, "a")));
  g_assert_cmpstr (shown, ==, "Kupang's data centre.\n• one\n• two");
  /* Nothing but a note: no body at all, rather than an empty one. */
  g_assert_null (dlg_practice_get_body (dlg_feed_find_practice (feed, "b")));
  /* Nor is a figure struck out: it was taken back. */
  g_assert_cmpstr (dlg_practice_get_body (dlg_feed_find_practice (feed, "c")), ==,
                   "Served 60 villages.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_with_packed ("/feed/valid/minimal", test_minimal);
  add_with_packed ("/feed/valid/sparse-members", test_sparse_members);
  add_with_packed ("/feed/valid/plain-text", test_plain_text);
  add_with_packed ("/feed/valid/pretalx-agenda", test_pretalx_agenda);
  add_with_packed ("/feed/valid/unknown-fields", test_unknown_fields);
  add_with_packed ("/feed/valid/language-maps", test_language_maps);
  add_with_packed ("/feed/valid/external-sections", test_external_sections);
  g_test_add_func ("/feed/valid/instants", test_instants);
  g_test_add_func ("/feed/valid/practice-comments", test_practice_comments);

  return g_test_run ();
}
