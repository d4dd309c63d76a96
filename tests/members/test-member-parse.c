/* test-member-parse.c: the members section, complete, sparse and invalid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-member-parse"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dlg-feed.h"

static DlgFeed *
load (const char         *name,
      const char * const *languages,
      GError            **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "members", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dlg_feed_new_from_file (file, languages, NULL, error);
}

static DlgMember *
member_at (DlgFeed *feed,
           guint    position)
{
  g_autoptr(DlgMember) member = g_list_model_get_item (dlg_feed_get_members (feed), position);

  g_assert_nonnull (member);
  return member; /* the feed keeps it alive */
}

static void
test_complete (void)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load ("complete.json", english, &error);
  DlgMember *member;
  GListModel *delegates;
  g_autoptr(DlgPerson) first = NULL;
  g_autoptr(DlgPerson) second = NULL;
  double latitude = 0, longitude = 0;
  gboolean known = FALSE;
  g_autofree char *programme = NULL;
  DlgMemberKind kind;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_members (feed)), ==, 3);

  member = member_at (feed, 0);
  g_assert_cmpstr (dlg_member_get_id (member), ==, "kota-contoh");
  g_assert_cmpstr (dlg_member_get_name (member), ==, "Contoh City");
  g_assert_cmpint (dlg_member_get_kind (member), ==, DLG_MEMBER_KIND_KOTA);
  g_assert_cmpstr (dlg_member_get_province (member), ==, "Jawa Barat");
  g_assert_cmpstr (dlg_member_get_region (member), ==, "Java");
  g_assert_cmpuint (dlg_member_get_joined (member), ==, 2011);
  g_assert_cmpstr (dlg_member_get_head_title (member), ==, "Mayor");
  g_assert_cmpstr (dlg_member_get_head_name (member), ==, "Dr. Ayu Pratiwi, M.Si");
  g_assert_cmpstr (dlg_member_get_website (member), ==, "https://contoh.example.go.id/");
  g_assert_cmpstr (dlg_member_get_email (member), ==, "humas@contoh.example.go.id");
  g_assert_cmpstr (dlg_member_get_phone (member), ==, "+62 22 555 0100");
  g_assert_cmpstr (dlg_member_get_address (member), ==, "Jl. Merdeka No. 1; Gedung Sate, Bandung");
  g_assert_true (dlg_member_get_coordinates (member, &latitude, &longitude));
  g_assert_cmpfloat_with_epsilon (latitude, -6.9025, 1e-9);
  g_assert_cmpfloat_with_epsilon (longitude, 107.6188, 1e-9);
  g_assert_cmpstr (dlg_member_get_smart_city_programme (member), ==,
                   "Movement Towards 100 Smart Cities");
  g_assert_true (dlg_member_get_smart_city_masterplan (member, &known));
  g_assert_true (known);
  g_assert_cmpstr (dlg_member_get_smart_city (member), ==, "Masterplan finished in 2018.");
  g_assert_cmpstr (dlg_member_get_description (member), ==, "An example city for tests.");

  /* The same through the read-only properties. */
  g_object_get (member, "smart-city-programme", &programme, "kind", &kind, NULL);
  g_assert_cmpstr (programme, ==, "Movement Towards 100 Smart Cities");
  g_assert_cmpint (kind, ==, DLG_MEMBER_KIND_KOTA);

  delegates = dlg_member_get_delegates (member);
  g_assert_cmpuint (g_list_model_get_n_items (delegates), ==, 2);
  first = g_list_model_get_item (delegates, 0);
  g_assert_cmpstr (dlg_person_get_name (first), ==, "Siti Nurhaliza, S.T., M.T.");
  g_assert_cmpstr (dlg_person_get_role (first), ==, "Head of the ICT office; coordinator");
  g_assert_cmpstr (dlg_person_get_email (first), ==, "siti@contoh.example.go.id");
  g_assert_cmpstr (dlg_person_get_phone (first), ==, "+62 812 0000 0001");
  second = g_list_model_get_item (delegates, 1);
  g_assert_cmpstr (dlg_person_get_name (second), ==, "Bambang Wiśniewski");
  g_assert_cmpstr (dlg_person_get_role (second), ==, "Staf ahli");
  g_assert_null (dlg_person_get_email (second));
  g_assert_null (dlg_person_get_phone (second));

  /* masterplan alone: known, and false; a local phone number is fine. */
  member = member_at (feed, 1);
  g_assert_cmpstr (dlg_member_get_phone (member), ==, "(0380) 821-1234");
  g_assert_null (dlg_member_get_smart_city_programme (member));
  g_assert_null (dlg_member_get_smart_city (member));
  g_assert_false (dlg_member_get_smart_city_masterplan (member, &known));
  g_assert_true (known);

  /* The plain text form of smart_city: the status, nothing known of a masterplan. */
  member = member_at (feed, 2);
  g_assert_cmpstr (dlg_member_get_smart_city (member), ==, "Plain text status.");
  g_assert_null (dlg_member_get_smart_city_programme (member));
  g_assert_false (dlg_member_get_smart_city_masterplan (member, &known));
  g_assert_false (known);
}

static void
test_complete_indonesian (void)
{
  static const char * const indonesian[] = { "id_ID.UTF-8", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load ("complete.json", indonesian, &error);
  DlgMember *member;
  g_autoptr(DlgPerson) first = NULL;

  g_assert_no_error (error);
  member = member_at (feed, 0);
  g_assert_cmpstr (dlg_member_get_name (member), ==, "Kota Contoh");
  g_assert_cmpstr (dlg_member_get_region (member), ==, "Jawa");
  g_assert_cmpstr (dlg_member_get_head_title (member), ==, "Wali Kota");
  g_assert_cmpstr (dlg_member_get_smart_city_programme (member), ==,
                   "Gerakan Menuju 100 Smart City");
  first = g_list_model_get_item (dlg_member_get_delegates (member), 0);
  g_assert_cmpstr (dlg_person_get_role (first), ==, "Kepala Dinas Kominfo; koordinator");
}

static void
test_sparse (void)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load ("sparse.json", english, &error);
  gboolean known = TRUE;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_members (feed)), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      DlgMember *member = member_at (feed, i);

      g_assert_cmpint (dlg_member_get_kind (member), ==, DLG_MEMBER_KIND_OTHER);
      g_assert_null (dlg_member_get_province (member));
      g_assert_null (dlg_member_get_region (member));
      g_assert_cmpuint (dlg_member_get_joined (member), ==, 0);
      g_assert_null (dlg_member_get_head_name (member));
      g_assert_null (dlg_member_get_website (member)); /* ftp: is dropped */
      g_assert_null (dlg_member_get_email (member));    /* blank is missing */
      g_assert_null (dlg_member_get_phone (member));
      g_assert_null (dlg_member_get_address (member));
      g_assert_false (dlg_member_get_coordinates (member, NULL, NULL));
      g_assert_null (dlg_member_get_smart_city (member));
      g_assert_null (dlg_member_get_smart_city_programme (member));
      g_assert_false (dlg_member_get_smart_city_masterplan (member, &known));
      g_assert_false (known);
      g_assert_null (dlg_member_get_description (member));
      g_assert_cmpuint (g_list_model_get_n_items (dlg_member_get_delegates (member)), ==, 0);
    }

  g_assert_cmpstr (dlg_member_get_head_title (member_at (feed, 1)), ==, "Bupati");
}

/* Two numbers in one field, as offices give a line and a mobile: each is one number, and
 * the field is read (two numbers given with "+" had more digits than one may have). */
static void
test_two_numbers (void)
{
  static const char * const english[] = { "en", NULL };
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, \"members\": ["
    "{\"id\": \"kota-kupang\", \"name\": \"Kota Kupang\", "
    "\"phone\": \"+62 380 821 000 / +62 812 3456 7890\", "
    "\"delegates\": [{\"name\": \"Sari\", \"phone\": \"(0380) 821000, 081234567890\"}]}, "
    "{\"id\": \"kabupaten-kupang\", \"name\": \"Kabupaten Kupang\", "
    "\"phone\": \"+62 380 821234 / 821235\", "
    "\"delegates\": [{\"name\": \"Yohanes\", \"phone\": \"(0380) 821000, 821001\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autoptr(DlgPerson) sari = NULL;
  g_auto(GStrv) numbers = NULL;
  g_auto(GStrv) delegate_numbers = NULL;
  DlgMember *member;

  g_assert_no_error (error);
  member = member_at (feed, 0);
  g_assert_cmpstr (dlg_member_get_phone (member), ==, "+62 380 821 000 / +62 812 3456 7890");
  numbers = dlg_member_phone_numbers (dlg_member_get_phone (member));
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[0], ==, "+62 380 821 000");
  g_assert_cmpstr (numbers[1], ==, "+62 812 3456 7890");

  sari = g_list_model_get_item (dlg_member_get_delegates (member), 0);
  delegate_numbers = dlg_member_phone_numbers (dlg_person_get_phone (sari));
  g_assert_cmpuint (g_strv_length (delegate_numbers), ==, 2);
  g_assert_cmpstr (delegate_numbers[0], ==, "(0380) 821000");
  g_assert_cmpstr (delegate_numbers[1], ==, "081234567890");

  /* The second number by its last digits, as offices list them, is read, and whole. */
  g_clear_pointer (&numbers, g_strfreev);
  g_clear_pointer (&delegate_numbers, g_strfreev);
  g_clear_object (&sari);
  member = member_at (feed, 1);
  numbers = dlg_member_phone_numbers (dlg_member_get_phone (member));
  g_assert_cmpuint (g_strv_length (numbers), ==, 2);
  g_assert_cmpstr (numbers[1], ==, "+62 380 821235");
  sari = g_list_model_get_item (dlg_member_get_delegates (member), 0);
  delegate_numbers = dlg_member_phone_numbers (dlg_person_get_phone (sari));
  g_assert_cmpuint (g_strv_length (delegate_numbers), ==, 2);
  g_assert_cmpstr (delegate_numbers[1], ==, "(0380) 821001");
}

typedef struct
{
  const char *fixture;
  const char *message;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "email-with-query",
    "members[1].email: expected an e-mail address such as humas@example.go.id" },
  { "email-without-at",
    "members[1].email: expected an e-mail address such as humas@example.go.id" },
  { "delegate-email-two-recipients",
    "members[1].delegates[1].email: expected an e-mail address such as humas@example.go.id" },
  { "phone-with-letters",
    "members[1].phone: expected a phone number such as +62 31 896 1234" },
  /* Seventeen digits after "+": no number has so many. */
  { "phone-too-long",
    "members[1].phone: more digits than one phone number has (15 at most after “+”, 16 without "
    "it): give one number, such as +62 31 896 1234" },
  /* Seventeen digits without "+": two numbers run together, the second not the first's last
   * digits, which would have changed its area code. */
  { "phone-too-long-national",
    "members[1].phone: more digits than one phone number has (15 at most after “+”, 16 without "
    "it): give one number, such as +62 31 896 1234" },
  /* After a comma, more digits than the number before, and no "0" or "+": neither its last
   * digits nor a number of its own. */
  { "phone-comma-part",
    "members[1].phone: expected a phone number such as +62 31 896 1234" },
  /* Eleven numbers: each a link and a copy button; ten are plenty. */
  { "phone-many-numbers",
    "members[1].phone: more than 10 phone numbers: give the main ones" },
  { "delegate-phone-javascript",
    "members[1].delegates[0].phone: expected a phone number such as +62 31 896 1234" },
  { "smart-city-masterplan-text",
    "members[1].smart_city.masterplan: expected true or false" },
  { "smart-city-number",
    "members[1].smart_city: expected an object" },
  { "head-not-object",
    "members[1].head: expected an object" },
  { "delegates-not-list",
    "members[1].delegates: expected a list" },
  { "kind-number",
    "members[1].kind: expected a string" },
  { "member-no-id",
    "members[1].id: required, but missing" },
  { "longitude-out-of-range",
    "members[1].coordinates.lon: expected a longitude between -180 and 180" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  static const char * const english[] = { "en", NULL };
  g_autofree char *name = g_strconcat ("invalid/", c->fixture, ".json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load (name, english, &error);

  g_assert_null (feed);
  g_assert_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, c->message);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/members/parse/complete", test_complete);
  g_test_add_func ("/members/parse/complete-indonesian", test_complete_indonesian);
  g_test_add_func ("/members/parse/sparse", test_sparse);
  g_test_add_func ("/members/parse/two-numbers", test_two_numbers);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/members/parse/invalid/", invalid_cases[i].fixture,
                                           NULL);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }

  return g_test_run ();
}
