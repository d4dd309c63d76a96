/* test-feed-default.c: the built-in Kupang 2019 feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-feed-default"

#include "config.h"

#include <string.h>

#include "dlg-feed.h"
#include "through-pack.h"

static const char * const languages_id[] = { "id_ID.UTF-8", "id_ID", "id", "C", NULL };
static const char * const languages_en[] = { "en_GB.UTF-8", "en_GB", "en", "C", NULL };

static DlgFeed *
load_default (const char * const *languages)
{
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_default (languages, &error);

  g_assert_no_error (error);
  g_assert_true (DLG_IS_FEED (feed));
  return through_pack (feed);
}

static DlgSession *
find_session (DlgFeed    *feed,
              const char *key)
{
  DlgSession *session = dlg_feed_find_session (feed, key);

  if (session == NULL)
    g_error ("no session “%s” in the default feed", key);
  return session;
}

static void
test_event (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_id);
  DlgEvent *event = dlg_feed_get_event (feed);
  const char * const *languages = dlg_event_get_languages (event);
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *zone_name = NULL;

  g_assert_cmpstr (dlg_event_get_id (event), ==, "citynet-2019-kupang");
  g_assert_cmpstr (dlg_event_get_title (event), ==,
                   "Seminar dan Sharing Best Practice Citynet 2019");
  g_assert_cmpstr (dlg_event_get_venue (event), ==, "Sumba Suka Paradise");
  g_assert_cmpstr (dlg_event_get_city (event), ==, "Kota Kupang");
  g_assert_cmpstr (dlg_event_get_start_date (event), ==, "2019-10-16");
  g_assert_cmpstr (dlg_event_get_end_date (event), ==, "2019-10-18");
  g_assert_cmpstr (dlg_event_get_time_zone_name (event), ==, "Asia/Makassar");
  g_assert_cmpstr (g_time_zone_get_identifier (dlg_event_get_time_zone (event)), ==,
                   "Asia/Makassar");
  g_assert_nonnull (languages);
  g_assert_cmpstr (languages[0], ==, "id");
  g_assert_cmpstr (languages[1], ==, "en");
  g_assert_null (languages[2]);
  /* The article gives no times: the feed must say so itself. */
  g_assert_nonnull (dlg_event_get_notice (event));
  g_assert_nonnull (strstr (dlg_event_get_notice (event), "ilustrasi"));

  g_assert_cmpstr (dlg_event_get_host_member (event), ==, "kota-kupang");
  g_assert_nonnull (dlg_feed_find_member (feed, dlg_event_get_host_member (event)));
  g_assert_cmpstr (dlg_event_get_president_name (event), ==, "H. Saiful Ilah, SH, M.Hum");
  g_assert_cmpstr (dlg_event_get_president_member (event), ==, "kabupaten-sidoarjo");
  g_assert_nonnull (strstr (dlg_event_get_president_role (event), "Presiden Citynet Indonesia"));

  /* Properties carry the same values as the getters. */
  g_object_get (event, "time-zone", &zone, "time-zone-name", &zone_name, NULL);
  g_assert_cmpstr (zone_name, ==, "Asia/Makassar");
  g_assert_true (zone == dlg_event_get_time_zone (event));
}

static void
test_days (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_id);
  GListModel *days = dlg_feed_get_days (feed);
  static const char *dates[] = { "2019-10-16", "2019-10-17", "2019-10-18" };
  guint total = 0;

  g_assert_true (g_list_model_get_item_type (days) == DLG_TYPE_DAY);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (days, i);

      g_assert_cmpuint (dlg_day_get_index (day), ==, i + 1);
      g_assert_cmpstr (dlg_day_get_date (day), ==, dates[i]);
      g_assert_cmpuint (dlg_day_get_n_sessions (day), >, 0);
      total += dlg_day_get_n_sessions (day);
    }

  g_assert_cmpuint (total, ==, g_list_model_get_n_items (dlg_feed_get_sessions (feed)));
}

static void
test_sessions (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_id);
  GListModel *sessions = dlg_feed_get_sessions (feed);
  static const struct { const char *key; const char *title; guint day; } expected[] = {
    { "citynet2019-jumpa-pers", "Jumpa pers", 1 },
    { "citynet2019-pembukaan", "Pembukaan", 1 },
    { "citynet2019-strategi-smart-city", "Strategi pengembangan Smart City", 1 },
    { "citynet2019-best-practice-banyuwangi", "Sharing Best Practice Kabupaten Banyuwangi", 2 },
    { "citynet2019-best-practice-semarang", "Sharing Best Practice Kota Semarang", 2 },
    { "citynet2019-best-practice-luar-negeri", "Best Practice Luar Negeri", 2 },
    { "citynet2019-sosialisasi-program", "Sosialisasi Program Citynet Indonesia", 3 },
    { "citynet2019-city-tour", "City Tour", 3 },
  };
  DlgSession *keynote;
  DlgSession *opening;
  GDateTime *start;
  g_autoptr(GDateTime) start_property = NULL;
  g_auto(GStrv) persons = NULL;
  g_autofree char *press_speakers = NULL;
  g_autofree char *keynote_speakers = NULL;
  gboolean time_tba = FALSE;

  g_assert_true (g_list_model_get_item_type (sessions) == DLG_TYPE_SESSION);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DlgSession *session = find_session (feed, expected[i].key);
      g_autoptr(DlgSession) listed = g_list_model_get_item (sessions, i);

      g_assert_cmpstr (dlg_session_get_key (session), ==, expected[i].key);
      g_assert_cmpstr (dlg_session_get_title (session), ==, expected[i].title);
      g_assert_cmpuint (dlg_session_get_day (session), ==, expected[i].day);
      /* No time is published for any session. */
      g_assert_true (dlg_session_get_time_tba (session));
      /* Times are in WITA, whatever the machine's zone. */
      g_assert_cmpstr (g_date_time_get_timezone_abbreviation (dlg_session_get_start (session)),
                       ==, "WITA");
      g_assert_cmpint (g_date_time_get_utc_offset (dlg_session_get_start (session)), ==,
                       8 * G_TIME_SPAN_HOUR);
      g_assert_cmpint (g_date_time_get_day_of_month (dlg_session_get_start (session)), ==,
                       15 + expected[i].day);
      /* The list is sorted by start, which the feed made the illustrative order. */
      g_assert_cmpstr (dlg_session_get_key (listed), ==, expected[i].key);
    }

  opening = find_session (feed, "citynet2019-pembukaan");
  start = dlg_session_get_start (opening);
  g_assert_cmpint (g_date_time_get_year (start), ==, 2019);
  g_assert_cmpint (g_date_time_get_month (start), ==, 10);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 16);
  g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 3); /* Rabu, Wednesday */
  g_assert_cmpstr (dlg_session_get_room (opening), ==, "Sumba Suka Paradise");

  keynote = find_session (feed, "citynet2019-strategi-smart-city");
  g_assert_cmpstr (dlg_session_get_persons (keynote)[0], ==,
                   "Menteri Komunikasi dan Informatika RI");
  g_assert_cmpstr (dlg_session_get_members (keynote)[0], ==, "kominfo");

  g_object_get (keynote, "start", &start_property, "persons", &persons, "time-tba", &time_tba,
                NULL);
  g_assert_true (g_date_time_equal (start_property, dlg_session_get_start (keynote)));
  g_assert_cmpstr (persons[0], ==, "Menteri Komunikasi dan Informatika RI");
  g_assert_true (time_tba);

  /* The press conference's speakers: the Regent's name holds commas, so the line keeps the
   * two people apart with a semicolon (not "…, M.Hum, Wali Kota Kupang", as if one). */
  press_speakers = dlg_session_dup_persons_text (find_session (feed, "citynet2019-jumpa-pers"));
  g_assert_cmpstr (press_speakers, ==, "H. Saiful Ilah, SH, M.Hum; Wali Kota Kupang");
  keynote_speakers = dlg_session_dup_persons_text (keynote);
  g_assert_cmpstr (keynote_speakers, ==, "Menteri Komunikasi dan Informatika RI");
  g_assert_null (dlg_session_dup_persons_text (find_session (feed, "citynet2019-pembukaan")));

  g_assert_cmpstr (dlg_session_get_subtitle (find_session (feed,
                                                           "citynet2019-best-practice-semarang")),
                   ==,
                   "Strategi pembiayaan infrastruktur dan reformasi administrasi untuk "
                   "mendorong pengembangan Smart City");
  g_assert_cmpstr (dlg_session_get_members (find_session (feed,
                                                          "citynet2019-best-practice-banyuwangi"))[0],
                   ==, "kabupaten-banyuwangi");

  /* Every member a session names exists. */
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      const char * const *members = dlg_session_get_members (session);

      g_assert_nonnull (dlg_session_get_persons (session));
      for (guint j = 0; members[j] != NULL; j++)
        g_assert_nonnull (dlg_feed_find_member (feed, members[j]));
    }
}

static void
test_members (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_id);
  GListModel *members = dlg_feed_get_members (feed);
  DlgMember *sidoarjo = dlg_feed_find_member (feed, "kabupaten-sidoarjo");
  DlgMember *kupang = dlg_feed_find_member (feed, "kota-kupang");
  DlgMember *kominfo = dlg_feed_find_member (feed, "kominfo");
  g_autoptr(DlgPerson) delegate = NULL;
  DlgMemberKind kind = DLG_MEMBER_KIND_OTHER;
  guint joined = 0;

  g_assert_true (g_list_model_get_item_type (members) == DLG_TYPE_MEMBER);
  g_assert_cmpuint (g_list_model_get_n_items (members), >=, 5);

  g_assert_nonnull (sidoarjo);
  g_assert_cmpstr (dlg_member_get_name (sidoarjo), ==, "Kabupaten Sidoarjo");
  g_assert_cmpint (dlg_member_get_kind (sidoarjo), ==, DLG_MEMBER_KIND_KABUPATEN);
  g_assert_cmpstr (dlg_member_get_province (sidoarjo), ==, "Jawa Timur");
  g_assert_cmpuint (dlg_member_get_joined (sidoarjo), ==, 2009);
  g_assert_cmpstr (dlg_member_get_head_title (sidoarjo), ==, "Bupati");
  g_assert_cmpstr (dlg_member_get_head_name (sidoarjo), ==, "H. Saiful Ilah, SH, M.Hum");
  g_assert_nonnull (strstr (dlg_member_get_smart_city (sidoarjo), "100 Smart City"));
  g_assert_cmpuint (g_list_model_get_n_items (dlg_member_get_delegates (sidoarjo)), ==, 1);
  delegate = g_list_model_get_item (dlg_member_get_delegates (sidoarjo), 0);
  g_assert_cmpstr (dlg_person_get_name (delegate), ==, "H. Saiful Ilah, SH, M.Hum");
  g_assert_nonnull (strstr (dlg_person_get_role (delegate), "Bupati Sidoarjo"));
  /* Nothing invented: the article gives no contact details. */
  g_assert_null (dlg_person_get_email (delegate));
  g_assert_null (dlg_person_get_phone (delegate));
  g_assert_null (dlg_member_get_website (sidoarjo));
  g_assert_false (dlg_member_get_coordinates (sidoarjo, NULL, NULL));

  g_object_get (sidoarjo, "kind", &kind, "joined", &joined, NULL);
  g_assert_cmpint (kind, ==, DLG_MEMBER_KIND_KABUPATEN);
  g_assert_cmpuint (joined, ==, 2009);

  g_assert_nonnull (kupang);
  g_assert_cmpint (dlg_member_get_kind (kupang), ==, DLG_MEMBER_KIND_KOTA);
  g_assert_cmpstr (dlg_member_get_province (kupang), ==, "Nusa Tenggara Timur");
  g_assert_cmpstr (dlg_member_get_head_title (kupang), ==, "Wali Kota");
  g_assert_null (dlg_member_get_head_name (kupang));

  g_assert_nonnull (dlg_feed_find_member (feed, "kabupaten-banyuwangi"));
  g_assert_nonnull (dlg_feed_find_member (feed, "kota-semarang"));
  g_assert_nonnull (kominfo);
  g_assert_cmpint (dlg_member_get_kind (kominfo), ==, DLG_MEMBER_KIND_ORGANISATION);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);
      GListModel *delegates = dlg_member_get_delegates (member);

      g_assert_null (dlg_member_get_email (member));
      g_assert_null (dlg_member_get_phone (member));
      for (guint j = 0; j < g_list_model_get_n_items (delegates); j++)
        {
          g_autoptr(DlgPerson) person = g_list_model_get_item (delegates, j);

          g_assert_null (dlg_person_get_email (person));
          g_assert_null (dlg_person_get_phone (person));
        }
    }
}

static void
test_practices (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_id);
  GListModel *practices = dlg_feed_get_practices (feed);
  DlgPractice *banyuwangi;

  g_assert_true (g_list_model_get_item_type (practices) == DLG_TYPE_PRACTICE);
  g_assert_cmpuint (g_list_model_get_n_items (practices), >=, 2);

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);

      g_assert_nonnull (dlg_practice_get_title (practice));
      g_assert_nonnull (dlg_practice_get_summary (practice));
      g_assert_nonnull (dlg_practice_get_tags (practice));
      g_assert_true (dlg_feed_find_practice (feed, dlg_practice_get_id (practice)) == practice);
      g_assert_nonnull (dlg_feed_find_member (feed, dlg_practice_get_member (practice)));
      g_assert_nonnull (dlg_feed_find_session (feed, dlg_practice_get_session (practice)));
    }

  banyuwangi = dlg_feed_find_practice (feed, "banyuwangi-tik-terintegrasi");
  g_assert_nonnull (banyuwangi);
  g_assert_cmpstr (dlg_practice_get_member (banyuwangi), ==, "kabupaten-banyuwangi");
  g_assert_cmpstr (dlg_practice_get_session (banyuwangi), ==,
                   "citynet2019-best-practice-banyuwangi");
  g_assert_nonnull (dlg_feed_find_practice (feed, "semarang-pembiayaan-reformasi"));
}

/* A case's tags are in the delegate's language, as the rest of the case is (the tag filter
 * lists them). */
static void
test_practice_tags (void)
{
  g_autoptr(DlgFeed) feed_id = load_default (languages_id);
  g_autoptr(DlgFeed) feed_en = load_default (languages_en);
  const char * const *tags_id =
    dlg_practice_get_tags (dlg_feed_find_practice (feed_id, "semarang-pembiayaan-reformasi"));
  const char * const *tags_en =
    dlg_practice_get_tags (dlg_feed_find_practice (feed_en, "semarang-pembiayaan-reformasi"));

  g_assert_cmpuint (g_strv_length ((char **) tags_id), ==, 3);
  g_assert_cmpstr (tags_id[0], ==, "smart city");
  g_assert_cmpstr (tags_id[1], ==, "pembiayaan infrastruktur");
  g_assert_cmpstr (tags_id[2], ==, "reformasi administrasi");
  g_assert_cmpuint (g_strv_length ((char **) tags_en), ==, 3);
  g_assert_cmpstr (tags_en[1], ==, "infrastructure financing");
  g_assert_cmpstr (tags_en[2], ==, "administrative reform");
}

static void
test_languages (void)
{
  g_autoptr(DlgFeed) feed_id = load_default (languages_id);
  g_autoptr(DlgFeed) feed_en = load_default (languages_en);
  static const char * const languages_fr[] = { "fr_FR.UTF-8", "fr", NULL };
  g_autoptr(DlgFeed) feed_fr = load_default (languages_fr);

  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed_id)), ==,
                   "Seminar dan Sharing Best Practice Citynet 2019");
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed_en)), ==,
                   "Citynet 2019 Best Practice Seminar and Sharing");
  /* No French: English is the fallback. */
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed_fr)), ==,
                   "Citynet 2019 Best Practice Seminar and Sharing");

  g_assert_cmpstr (dlg_session_get_title (dlg_feed_find_session (feed_id, "citynet2019-pembukaan")),
                   ==, "Pembukaan");
  g_assert_cmpstr (dlg_session_get_title (dlg_feed_find_session (feed_en, "citynet2019-pembukaan")),
                   ==, "Opening");
  g_assert_nonnull (strstr (dlg_event_get_notice (dlg_feed_get_event (feed_en)), "illustrative"));
  /* Names that are not translated stay the same in both. */
  g_assert_cmpstr (dlg_member_get_name (dlg_feed_find_member (feed_en, "kabupaten-sidoarjo")), ==,
                   "Kabupaten Sidoarjo");
}

/* With no languages given, the user's LANGUAGE decides (GLib rereads it
 * whenever it changes). */
static void
test_languages_from_environment (void)
{
  static const struct { const char *language; const char *title; } cases[] = {
    { "id", "Pembukaan" },
    { "id_ID", "Pembukaan" },
    { "en", "Opening" },
    { "fr:id", "Pembukaan" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DlgFeed) feed = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      feed = load_default (NULL);
      g_assert_cmpstr (dlg_session_get_title (dlg_feed_find_session (feed, "citynet2019-pembukaan")),
                       ==, cases[i].title);
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* Every model object's properties read without a warning (the test runs
 * with fatal warnings), and every property is read-only. */
static void
read_all_properties (gpointer object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

static void
read_all_items (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      read_all_properties (object);
      if (DLG_IS_MEMBER (object))
        read_all_items (dlg_member_get_delegates (DLG_MEMBER (object)));
      else if (DLG_IS_SESSION (object))
        read_all_items (dlg_session_get_links (DLG_SESSION (object)));
      else if (DLG_IS_PRACTICE (object))
        read_all_items (dlg_practice_get_links (DLG_PRACTICE (object)));
    }
}

static void
test_properties (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_en);
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (DLG_TYPE_MEMBER_KIND);

  read_all_properties (feed);
  read_all_properties (dlg_feed_get_event (feed));
  read_all_items (dlg_feed_get_days (feed));
  read_all_items (dlg_feed_get_sessions (feed));
  read_all_items (dlg_feed_get_members (feed));
  read_all_items (dlg_feed_get_practices (feed));

  g_object_get (feed, "members", &members, NULL);
  g_assert_true (members == dlg_feed_get_members (feed));
  g_assert_cmpstr (g_enum_get_value (kinds, DLG_MEMBER_KIND_KABUPATEN)->value_nick, ==,
                   "kabupaten");
}

/* A packed form that is damaged, or from another version, is refused (the app then parses
 * the saved copy again, see dlg-sync-stored.c) or reads as a feed the parser could have given:
 * never a crash, nor an agenda out of order or a session ending before it starts. */
static void
test_packed_damaged (void)
{
  g_autoptr(DlgFeed) feed = load_default (languages_en);
  g_autoptr(GBytes) packed = dlg_feed_pack (feed);
  gsize size = g_bytes_get_size (packed);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (packed, NULL), size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20191016);
  g_autoptr(GError) error = NULL;
  guint8 *tag;

  /* Another version's: it says so first. */
  for (tag = copy; tag + 9 <= copy + size && memcmp (tag, "feed pack", 9) != 0; tag++)
    ;
  g_assert_true (tag + 9 <= copy + size);
  tag[0] = 'F';
  {
    g_autoptr(GBytes) other = g_bytes_new (copy, size);
    g_autoptr(DlgFeed) refused = dlg_feed_unpack (other, &error);

    g_assert_null (refused);
    g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);
    g_clear_error (&error);
  }
  tag[0] = 'f';

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(DlgFeed) read = NULL;
      gsize length = size;
      gsize at = g_rand_int_range (rand, 0, size);
      guint8 was = copy[at];

      if (i % 3 == 0)
        length = g_rand_int_range (rand, 0, size);  /* cut short */
      else
        copy[at] ^= 1 << g_rand_int_range (rand, 0, 8);  /* one bit flipped */

      damaged = g_bytes_new (copy, length);
      read = dlg_feed_unpack (damaged, &error);
      if (read == NULL)
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      else
        {
          GListModel *sessions = dlg_feed_get_sessions (read);

          g_assert_no_error (error);
          g_assert_true (DLG_IS_EVENT (dlg_feed_get_event (read)));
          for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
            {
              g_autoptr(DlgSession) s = g_list_model_get_item (sessions, j);
              g_autoptr(DlgSession) before = j > 0 ? g_list_model_get_item (sessions, j - 1) : NULL;

              g_assert_nonnull (dlg_session_get_title (s));
              g_assert_cmpint (g_date_time_compare (dlg_session_get_end (s),
                                                    dlg_session_get_start (s)), >=, 0);
              if (before != NULL)
                g_assert_cmpint (g_date_time_compare (dlg_session_get_start (s),
                                                      dlg_session_get_start (before)), >=, 0);
            }
        }
      copy[at] = was;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_with_packed ("/feed/default/event", test_event);
  add_with_packed ("/feed/default/days", test_days);
  add_with_packed ("/feed/default/sessions", test_sessions);
  add_with_packed ("/feed/default/members", test_members);
  add_with_packed ("/feed/default/practices", test_practices);
  add_with_packed ("/feed/default/practice-tags", test_practice_tags);
  add_with_packed ("/feed/default/languages", test_languages);
  add_with_packed ("/feed/default/properties", test_properties);
  add_with_packed ("/feed/default/languages-from-environment", test_languages_from_environment);
  g_test_add_func ("/feed/packed/damaged", test_packed_damaged);

  return g_test_run ();
}
