/* test-member-query.c: search, filter and sort of the members directory, on the models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-member-query"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "directory-fixture.h"
#include "dlg-feed.h"
#include "dlg-member-query.h"

static DlgFeed *
load_complete (void)
{
  static const char * const english[] = { "en", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "members", "fixtures",
                                                 "complete.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_file (file, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* The ids of the members matching, in feed order, joined by spaces. */
static char *
matching_ids (DlgMemberQuery *query,
              DlgFeed        *feed)
{
  g_autoptr(GListStore) found = dlg_member_query_filter (query, dlg_feed_get_members (feed));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (found)); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (G_LIST_MODEL (found), i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", dlg_member_get_id (member));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_search (DlgMemberQuery *query,
               DlgFeed        *feed,
               const char     *text,
               const char     *expected)
{
  g_autofree char *ids = NULL;

  dlg_member_query_set_text (query, text);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_search (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();

  g_assert_true (dlg_member_query_is_empty (query));
  assert_search (query, feed, NULL, "kota-contoh kabupaten-ujung kota-pesisir");
  assert_search (query, feed, "", "kota-contoh kabupaten-ujung kota-pesisir");
  assert_search (query, feed, "   ", "kota-contoh kabupaten-ujung kota-pesisir");
  /* name, any case */
  assert_search (query, feed, "CONTOH", "kota-contoh");
  assert_search (query, feed, "pesi", "kota-pesisir");
  /* province and region */
  assert_search (query, feed, "nusa tenggara timur", "kabupaten-ujung");
  assert_search (query, feed, "jawa", "kota-contoh kota-pesisir");
  /* head of region, delegates, accents ignored both ways */
  assert_search (query, feed, "pratiwi", "kota-contoh");
  assert_search (query, feed, "siti", "kota-contoh");
  assert_search (query, feed, "wisniewski", "kota-contoh");
  assert_search (query, feed, "Wiśniewski", "kota-contoh");
  assert_search (query, feed, "yohanes", "kabupaten-ujung");
  /* every word must match, in any field */
  assert_search (query, feed, "ujung yohanes", "kabupaten-ujung");
  assert_search (query, feed, "ujung siti", "");
  /* a word does not span two fields */
  assert_search (query, feed, "ujungnusa", "");
  /* a person's names are one person's: "siti wisniewski" is no one at Contoh City, where Siti
   * Nurhaliza and Bambang Wiśniewski are two delegates and Ayu Pratiwi its head; with the
   * member's own fields (name, kind, province, region), any word goes */
  assert_search (query, feed, "siti nurhaliza", "kota-contoh");
  assert_search (query, feed, "nurhaliza siti", "kota-contoh");
  assert_search (query, feed, "bambang wisniewski", "kota-contoh");
  assert_search (query, feed, "siti wisniewski", "");
  assert_search (query, feed, "ayu nurhaliza", "");
  assert_search (query, feed, "ayu pratiwi", "kota-contoh");
  assert_search (query, feed, "contoh java siti nurhaliza", "kota-contoh");
  /* the head's title is the head's: Ayu is the mayor, Siti is not */
  assert_search (query, feed, "mayor ayu", "kota-contoh");
  assert_search (query, feed, "mayor", "kota-contoh");
  assert_search (query, feed, "mayor siti", "");
  assert_search (query, feed, "mayor contoh", "kota-contoh");
  /* a delegate's role and e-mail address, with that delegate's name, not another's */
  assert_search (query, feed, "head of the ict office", "kota-contoh");
  assert_search (query, feed, "coordinator siti", "kota-contoh");
  assert_search (query, feed, "coordinator bambang", "");
  assert_search (query, feed, "staf ahli bambang", "kota-contoh");
  assert_search (query, feed, "staf ahli siti", "");
  assert_search (query, feed, "@contoh.example", "kota-contoh");
  assert_search (query, feed, "siti@contoh", "kota-contoh");
  assert_search (query, feed, "siti contoh.example.go.id", "kota-contoh");
  assert_search (query, feed, "bambang example", "");
  /* what is not searched: description, the member's own e-mail address */
  assert_search (query, feed, "humas", "");
  g_assert_false (dlg_member_query_is_empty (query));
}

/* What a delegate types: the abbreviations and titles of names written without their dots and
 * commas, or with them where the feed has none. */
static void
test_search_as_typed (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();

  /* "Kabupaten Ujung", as Indonesians abbreviate it */
  assert_search (query, feed, "kab. ujung", "kabupaten-ujung");
  assert_search (query, feed, "Kab.Ujung", "kabupaten-ujung");
  assert_search (query, feed, "kab ujung", "kabupaten-ujung");
  /* "Dr. Ayu Pratiwi, M.Si" and "Siti Nurhaliza, S.T., M.T." */
  assert_search (query, feed, "ayu pratiwi msi", "kota-contoh");
  assert_search (query, feed, "dr ayu", "kota-contoh");
  assert_search (query, feed, "nurhaliza st mt", "kota-contoh");
  assert_search (query, feed, "Nurhaliza, S.T.", "kota-contoh");
  /* the kind as Indonesians and English speakers say it, whatever the feed's language:
   * "Contoh City" is Kota Contoh, "Kabupaten Ujung" Ujung Regency */
  assert_search (query, feed, "kota contoh", "kota-contoh");
  assert_search (query, feed, "ujung regency", "kabupaten-ujung");
  assert_search (query, feed, "city", "kota-contoh kota-pesisir");
  assert_search (query, feed, "kota", "kota-contoh kota-pesisir");
  /* punctuation alone is no search; a word still does not span two fields */
  assert_search (query, feed, " . , ", "kota-contoh kabupaten-ujung kota-pesisir");
  g_assert_true (dlg_member_query_is_empty (query));
  assert_search (query, feed, "ujung.nusa", "kabupaten-ujung");
  assert_search (query, feed, "ujungnusa", "");
}

static void
test_filters (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();
  g_autofree char *ids = NULL;

  dlg_member_query_set_place (query, "Nusa Tenggara");
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "kabupaten-ujung");

  dlg_member_query_set_place (query, "Java");
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "kota-contoh");

  dlg_member_query_set_place (query, "Jawa Timur");
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "kota-pesisir");

  dlg_member_query_set_place (query, "");
  g_assert_null (dlg_member_query_get_place (query));
  dlg_member_query_set_kind (query, DLG_MEMBER_KIND_KOTA);
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "kota-contoh kota-pesisir");

  /* Filters and search together. */
  dlg_member_query_set_text (query, "jawa");
  dlg_member_query_set_place (query, "Jawa Timur");
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "kota-pesisir");

  dlg_member_query_set_kind (query, DLG_MEMBER_KIND_KABUPATEN);
  g_clear_pointer (&ids, g_free);
  ids = matching_ids (query, feed);
  g_assert_cmpstr (ids, ==, "");

  dlg_member_query_set_kind (query, DLG_MEMBER_QUERY_ANY_KIND);
  dlg_member_query_set_place (query, NULL);
  dlg_member_query_set_text (query, NULL);
  g_assert_true (dlg_member_query_is_empty (query));
}

static void
changed_cb (DlgMemberQuery *query,
            int             change,
            int            *last)
{
  *last = change;
}

static void
test_change_hints (void)
{
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();
  int last = -1;

  g_signal_connect (query, "changed", G_CALLBACK (changed_cb), &last);

  dlg_member_query_set_text (query, "ko");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_text (query, "kot");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_text (query, "kota sem");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_text (query, "kota");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_LESS_STRICT);
  dlg_member_query_set_text (query, "bupati");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_DIFFERENT);

  last = -1;
  dlg_member_query_set_text (query, "bupati"); /* no change, no signal */
  g_assert_cmpint (last, ==, -1);

  dlg_member_query_set_place (query, "Jawa");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_place (query, "Bali");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_DIFFERENT);
  dlg_member_query_set_place (query, NULL);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_LESS_STRICT);

  dlg_member_query_set_kind (query, DLG_MEMBER_KIND_KOTA);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_kind (query, DLG_MEMBER_KIND_KABUPATEN);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_DIFFERENT);
  dlg_member_query_set_kind (query, DLG_MEMBER_QUERY_ANY_KIND);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_LESS_STRICT);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return dlg_member_compare ((DlgMember *) a, (DlgMember *) b, GPOINTER_TO_INT (user_data));
}

static char *
sorted_ids (GListModel    *members,
            DlgMemberSort  sort)
{
  g_autoptr(GListStore) store = g_list_store_new (DLG_TYPE_MEMBER);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

      g_list_store_append (store, member);
    }
  g_list_store_sort (store, compare_cb, GINT_TO_POINTER (sort));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", dlg_member_get_id (member));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_sort (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  GListModel *members = dlg_feed_get_members (feed);
  g_autofree char *by_name = sorted_ids (members, DLG_MEMBER_SORT_NAME);
  g_autofree char *by_province = sorted_ids (members, DLG_MEMBER_SORT_PROVINCE);
  g_autofree char *by_joined = sorted_ids (members, DLG_MEMBER_SORT_JOINED);

  /* "Contoh City", "Kota Pesisir", "Kabupaten Ujung": by Contoh, Pesisir, Ujung */
  g_assert_cmpstr (by_name, ==, "kota-contoh kota-pesisir kabupaten-ujung");
  /* Jawa Barat, Jawa Timur, Nusa Tenggara Timur */
  g_assert_cmpstr (by_province, ==, "kota-contoh kota-pesisir kabupaten-ujung");
  /* 2009, 2011, not given */
  g_assert_cmpstr (by_joined, ==, "kabupaten-ujung kota-contoh kota-pesisir");
}

/* A delegate looks for Kupang under K and Banyuwangi under B, not for every city under K. */
static void
test_sort_without_prefix (void)
{
  static const char * const english[] = { "en", NULL };
  static const char json[] =
    "{ \"delegate_feed\": 1,"
    "  \"event\": { \"id\": \"e\", \"title\": \"E\", \"time_zone\": \"Asia/Jakarta\","
    "             \"start\": \"2024-05-14\" },"
    "  \"members\": ["
    "    { \"id\": \"kota-kupang\", \"name\": \"Kota Kupang\", \"kind\": \"kota\" },"
    "    { \"id\": \"semarang\", \"name\": \"Semarang City\", \"kind\": \"kota\" },"
    "    { \"id\": \"banyuwangi\", \"name\": \"KAB. Banyuwangi\", \"kind\": \"kabupaten\" },"
    "    { \"id\": \"kab-kupang\", \"name\": \"Kabupaten Kupang\", \"kind\": \"kabupaten\" },"
    "    { \"id\": \"bandung\", \"name\": \"City of Bandung\" },"
    "    { \"id\": \"jakpus\", \"name\": \"Kota Administrasi Jakarta Pusat\", \"kind\": \"kota\" },"
    "    { \"id\": \"ntt\", \"name\": \"Provinsi Nusa Tenggara Timur\", \"kind\": \"provinsi\" },"
    "    { \"id\": \"sidoarjo\", \"name\": \"Sidoarjo Regency\", \"kind\": \"kabupaten\" },"
    "    { \"id\": \"citynet\", \"name\": \"Citynet Indonesia\", \"kind\": \"organisation\" },"
    "    { \"id\": \"tua\", \"name\": \"Kota Tua Foundation\", \"kind\": \"organisation\" },"
    "    { \"id\": \"madiun\", \"name\": \"Kotamadya Madiun\" }"
    "  ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autofree char *by_name = NULL;
  g_autofree char *by_province = NULL;

  g_assert_no_error (error);
  by_name = sorted_ids (dlg_feed_get_members (feed), DLG_MEMBER_SORT_NAME);
  /* Bandung, Banyuwangi, Citynet, Jakarta Pusat, Kota Tua Foundation (an organisation keeps
   * its whole name), Kupang twice (Kabupaten before Kota), Madiun, Nusa Tenggara Timur,
   * Semarang, Sidoarjo */
  g_assert_cmpstr (by_name, ==,
                   "bandung banyuwangi citynet jakpus tua kab-kupang kota-kupang "
                   "madiun ntt semarang sidoarjo");
  /* None has a province: the same order, by name. */
  by_province = sorted_ids (dlg_feed_get_members (feed), DLG_MEMBER_SORT_PROVINCE);
  g_assert_cmpstr (by_province, ==, by_name);
}

static void
test_name_for_sorting (void)
{
  static const struct { const char *name; const char *expected; } cases[] = {
    { "Kota Kupang", "Kupang" },
    { "kota  kupang", "kupang" },
    { "Kabupaten Sidoarjo", "Sidoarjo" },
    { "Kab. Sidoarjo", "Sidoarjo" },
    { "Kab.Sidoarjo", "Sidoarjo" },
    { "Kab Sidoarjo", "Sidoarjo" },
    { "Kotamadya Madiun", "Madiun" },
    { "Provinsi Bali", "Bali" },
    { "Kota Administrasi Jakarta Pusat", "Jakarta Pusat" },
    { "City of Kupang", "Kupang" },
    { "Kupang City", "Kupang" },
    { "Banyuwangi Regency", "Banyuwangi" },
    { "  Kota Semarang  ", "Semarang" },
    /* not an administrative word */
    { "Kotabaru", "Kotabaru" },
    { "Kabupaten Kotabaru", "Kotabaru" },
    { "Citynet Indonesia", "Citynet Indonesia" },
    { "Kabanjahe", "Kabanjahe" },
    /* nothing but one */
    { "Kota", "Kota" },
    { "Kab.", "Kab." },
    { "City", "City" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sort_name = dlg_member_name_for_sorting (cases[i].name);

      g_assert_cmpstr (sort_name, ==, cases[i].expected);
    }
}

/* The built-in forum, as the members pane lists it. */
static void
test_sort_built_in (void)
{
  static const char * const english[] = { "en", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "feeds",
                                                 "kupang-2019.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_file (file, english, NULL, &error);
  g_autofree char *by_name = NULL;

  g_assert_no_error (error);
  by_name = sorted_ids (dlg_feed_get_members (feed), DLG_MEMBER_SORT_NAME);
  g_assert_cmpstr (by_name, ==,
                   "kabupaten-banyuwangi citynet-indonesia kominfo kota-kupang kota-semarang "
                   "kabupaten-sidoarjo");
}

static void
test_places_and_kinds (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  g_auto(GStrv) places = dlg_member_list_places (dlg_feed_get_members (feed));
  g_autofree char *joined = g_strjoinv ("|", places);
  g_autofree DlgMemberKind *kinds = NULL;
  guint n_kinds = 0;

  g_assert_cmpstr (joined, ==, "Java|Jawa|Jawa Barat|Jawa Timur|Nusa Tenggara|Nusa Tenggara Timur");

  kinds = dlg_member_list_kinds (dlg_feed_get_members (feed), &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 2);
  g_assert_cmpint (kinds[0], ==, DLG_MEMBER_KIND_KOTA);
  g_assert_cmpint (kinds[1], ==, DLG_MEMBER_KIND_KABUPATEN);
}

static void
test_cross_links (void)
{
  g_autoptr(DlgFeed) feed = load_complete ();
  DlgMember *contoh = dlg_feed_find_member (feed, "kota-contoh");
  DlgMember *ujung = dlg_feed_find_member (feed, "kabupaten-ujung");
  DlgMember *pesisir = dlg_feed_find_member (feed, "kota-pesisir");
  g_autoptr(GListStore) sessions = dlg_member_find_sessions (contoh, feed);
  g_autoptr(GListStore) practices = dlg_member_find_practices (contoh, feed);
  g_autoptr(GListStore) ujung_sessions = dlg_member_find_sessions (ujung, feed);
  g_autoptr(GListStore) ujung_practices = dlg_member_find_practices (ujung, feed);
  g_autoptr(GListStore) pesisir_sessions = dlg_member_find_sessions (pesisir, feed);
  g_autoptr(DlgSession) first = NULL;
  g_autoptr(DlgSession) second = NULL;
  g_autoptr(DlgPractice) practice = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (sessions), 0);
  second = g_list_model_get_item (G_LIST_MODEL (sessions), 1);
  g_assert_cmpstr (dlg_session_get_key (first), ==, "session-opening");
  g_assert_cmpstr (dlg_session_get_key (second), ==, "session-sharing");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (practices)), ==, 1);
  practice = g_list_model_get_item (G_LIST_MODEL (practices), 0);
  g_assert_cmpstr (dlg_practice_get_id (practice), ==, "practice-contoh");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ujung_sessions)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ujung_practices)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pesisir_sessions)), ==, 0);
}

/* --- a country's worth of members ------------------------------------- */

static DlgFeed *
load_directory (void)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GBytes) bytes = directory_feed_new (DIRECTORY_N_MEMBERS, DIRECTORY_N_DELEGATES);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_bytes (bytes, english, &error);

  g_assert_no_error (error);
  return feed;
}

/* The search, written the slow and obvious way: lower-cased words, each a substring of one of
 * the member's own fields or, all those that are in none of them, of one field of one person
 * (the head's title or name; a delegate's name, role or e-mail address without its dots). */
static gboolean
naive_found (GPtrArray  *fields,
             const char *word)
{
  for (guint f = 0; f < fields->len; f++)
    {
      if (strstr (g_ptr_array_index (fields, f), word) != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
naive_field (const char *text)
{
  char *field = g_ascii_strdown (text != NULL ? text : "", -1);
  char *out = field;

  for (const char *p = field; *p != '\0'; p++)
    {
      if (!g_ascii_ispunct (*p))
        *out++ = *p;
    }
  *out = '\0';
  return field;
}

static GPtrArray *
naive_person (const char *a,
              const char *b,
              const char *c)
{
  GPtrArray *person = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (person, naive_field (a));
  g_ptr_array_add (person, naive_field (b));
  g_ptr_array_add (person, naive_field (c));
  return person;
}

static gboolean
naive_matches (DlgMember  *member,
               const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GListModel *delegates = dlg_member_get_delegates (member);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_add (own, g_ascii_strdown (dlg_member_get_name (member), -1));
  /* the kind in both languages */
  g_ptr_array_add (own, g_strdup (dlg_member_get_kind (member) == DLG_MEMBER_KIND_KOTA
                                  ? "kota city" : "kabupaten regency"));
  g_ptr_array_add (own, g_ascii_strdown (dlg_member_get_province (member), -1));
  g_ptr_array_add (own, g_ascii_strdown (dlg_member_get_region (member), -1));

  g_ptr_array_add (people, naive_person (dlg_member_get_head_title (member),
                                         dlg_member_get_head_name (member), NULL));
  for (guint d = 0; d < g_list_model_get_n_items (delegates); d++)
    {
      g_autoptr(DlgPerson) person = g_list_model_get_item (delegates, d);

      g_ptr_array_add (people, naive_person (dlg_person_get_name (person),
                                             dlg_person_get_role (person),
                                             dlg_person_get_email (person)));
    }

  for (guint p = 0; p < people->len; p++)
    {
      gboolean all = TRUE;

      for (guint w = 0; all && words[w] != NULL; w++)
        {
          g_autofree char *word = g_ascii_strdown (words[w], -1);

          all = word[0] == '\0' || naive_found (own, word) ||
                naive_found (g_ptr_array_index (people, p), word);
        }

      if (all)
        return TRUE;
    }

  return FALSE;
}

static void
test_directory (void)
{
  g_autoptr(DlgFeed) feed = load_directory ();
  GListModel *members = dlg_feed_get_members (feed);
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();
  g_autoptr(DlgMember) member_300 = NULL;
  g_autoptr(DlgPerson) delegate = NULL;
  g_auto(GStrv) places = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  const char *searches[] = { "kabupaten", "kota", "jawa", "ba", "ri", "kota ma", "bupati lu",
                             "sulawesi selatan", "zzz", "an", "wali kota",
                             /* two names: one person's or two people's */
                             "a ba", "ra ma", "ba ri lu", "kota an ma",
                             /* roles and e-mail addresses: one person's or two people's */
                             "kepala bappeda", "sekretaris", "bupati kepala", "wali kota ba",
                             "bappeda ba", "kominfo ri", "member007", "sekda member01",
                             "kepala sekda" };
  guint n_items;

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, DIRECTORY_N_MEMBERS);

  /* Every search agrees with the obvious one, member by member. */
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      guint expected = 0;
      g_autoptr(GListStore) found = NULL;

      dlg_member_query_set_text (query, searches[s]);
      for (guint i = 0; i < DIRECTORY_N_MEMBERS; i++)
        {
          g_autoptr(DlgMember) member = g_list_model_get_item (members, i);
          gboolean naive = naive_matches (member, searches[s]);

          g_assert_cmpint (dlg_member_query_matches (query, member), ==, naive);
          expected += naive;
        }
      found = dlg_member_query_filter (query, members);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, expected);
    }

  dlg_member_query_set_text (query, "kabupaten");
  {
    g_autoptr(GListStore) found = dlg_member_query_filter (query, members);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 257);
  }

  /* A delegate's full name, typed letter by letter, keeps its member. */
  member_300 = g_list_model_get_item (members, 300);
  delegate = g_list_model_get_item (dlg_member_get_delegates (member_300), 4);
  for (const char *p = dlg_person_get_name (delegate); *p != '\0'; p++)
    {
      g_string_append_c (typed, *p);
      dlg_member_query_set_text (query, typed->str);
      g_assert_true (dlg_member_query_matches (query, member_300));
    }
  {
    g_autoptr(GListStore) found = dlg_member_query_filter (query, members);
    n_items = g_list_model_get_n_items (G_LIST_MODEL (found));
    g_assert_cmpuint (n_items, >=, 1);
    g_assert_cmpuint (n_items, <, 5);
  }

  /* 34 provinces and 7 regions, of which Maluku and Papua name a province too. */
  places = dlg_member_list_places (members);
  g_assert_cmpuint (g_strv_length (places), ==, 34 + 7 - 2);

  /* Each place filter keeps exactly the members in that place. */
  dlg_member_query_set_text (query, NULL);
  for (guint p = 0; places[p] != NULL; p++)
    {
      g_autoptr(GListStore) found = NULL;
      guint expected = 0;

      dlg_member_query_set_place (query, places[p]);
      for (guint i = 0; i < DIRECTORY_N_MEMBERS; i++)
        {
          g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

          expected += g_strcmp0 (dlg_member_get_province (member), places[p]) == 0 ||
                      g_strcmp0 (dlg_member_get_region (member), places[p]) == 0;
        }
      found = dlg_member_query_filter (query, members);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, expected);
      g_assert_cmpuint (expected, >, 0);
    }
}

/* The place filter names regions apart from provinces: "Papua" the province is not the region
 * Papua, which holds Papua Barat too (one "Papua" showed the region's members under the
 * province's name), and each province is matched whole, never as the start of another. */
static void
test_region_filter (void)
{
  g_autoptr(DlgFeed) feed = load_directory ();
  GListModel *members = dlg_feed_get_members (feed);
  g_autoptr(DlgMemberQuery) query = dlg_member_query_new ();
  g_auto(GStrv) regions = dlg_member_list_regions (members);
  g_auto(GStrv) provinces = dlg_member_list_provinces (members);
  guint in_papua = 0, in_papua_barat = 0;
  int last = -1;

  g_assert_cmpuint (g_strv_length (regions), ==, 7);
  g_assert_cmpuint (g_strv_length (provinces), ==, 34);
  g_assert_true (g_strv_contains ((const char * const *) regions, "Papua"));
  g_assert_true (g_strv_contains ((const char * const *) provinces, "Papua"));
  g_assert_false (g_strv_contains ((const char * const *) regions, "Papua Barat"));

  for (guint i = 0; i < DIRECTORY_N_MEMBERS; i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

      in_papua += g_strcmp0 (dlg_member_get_province (member), "Papua") == 0;
      in_papua_barat += g_strcmp0 (dlg_member_get_province (member), "Papua Barat") == 0;
    }
  g_assert_cmpuint (in_papua, >, 0);
  g_assert_cmpuint (in_papua_barat, >, 0);

  g_signal_connect (query, "changed", G_CALLBACK (changed_cb), &last);

  dlg_member_query_set_place_in (query, "Papua", DLG_MEMBER_PLACE_PROVINCE);
  g_assert_cmpint (dlg_member_query_get_place_scope (query), ==, DLG_MEMBER_PLACE_PROVINCE);
  {
    g_autoptr(GListStore) found = dlg_member_query_filter (query, members);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, in_papua);
    for (guint i = 0; i < in_papua; i++)
      {
        g_autoptr(DlgMember) member = g_list_model_get_item (G_LIST_MODEL (found), i);

        g_assert_cmpstr (dlg_member_get_province (member), ==, "Papua");
      }
  }

  dlg_member_query_set_place_in (query, "Papua", DLG_MEMBER_PLACE_REGION);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_DIFFERENT);
  {
    g_autoptr(GListStore) found = dlg_member_query_filter (query, members);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==,
                      in_papua + in_papua_barat);
  }

  /* A province's name that begins another's is that province alone. */
  dlg_member_query_set_place_in (query, "Papua Barat", DLG_MEMBER_PLACE_PROVINCE);
  {
    g_autoptr(GListStore) found = dlg_member_query_filter (query, members);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, in_papua_barat);
  }

  /* Each region and each province keeps exactly its members. */
  for (guint r = 0; r < 2; r++)
    {
      GStrv places = r == 0 ? regions : provinces;

      for (guint p = 0; places[p] != NULL; p++)
        {
          g_autoptr(GListStore) found = NULL;
          guint expected = 0;

          dlg_member_query_set_place_in (query, places[p], r == 0 ? DLG_MEMBER_PLACE_REGION
                                                                  : DLG_MEMBER_PLACE_PROVINCE);
          for (guint i = 0; i < DIRECTORY_N_MEMBERS; i++)
            {
              g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

              expected += g_strcmp0 (r == 0 ? dlg_member_get_region (member)
                                            : dlg_member_get_province (member), places[p]) == 0;
            }
          found = dlg_member_query_filter (query, members);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, expected);
          g_assert_cmpuint (expected, >, 0);
        }
    }

  /* Any place of the name, then the province alone: stricter; and back. */
  dlg_member_query_set_place (query, "Maluku");
  g_assert_cmpint (dlg_member_query_get_place_scope (query), ==, DLG_MEMBER_PLACE_ANY);
  dlg_member_query_set_place_in (query, "Maluku", DLG_MEMBER_PLACE_PROVINCE);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_MORE_STRICT);
  dlg_member_query_set_place (query, "Maluku");
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_LESS_STRICT);
  dlg_member_query_set_place_in (query, NULL, DLG_MEMBER_PLACE_REGION);
  g_assert_cmpint (last, ==, DLG_MEMBER_QUERY_CHANGE_LESS_STRICT);
  g_assert_cmpint (dlg_member_query_get_place_scope (query), ==, DLG_MEMBER_PLACE_ANY);
  g_assert_true (dlg_member_query_is_empty (query));
}

static void
test_directory_sort (void)
{
  g_autoptr(DlgFeed) feed = load_directory ();
  GListModel *members = dlg_feed_get_members (feed);
  DlgMemberSort sorts[] = { DLG_MEMBER_SORT_NAME, DLG_MEMBER_SORT_PROVINCE, DLG_MEMBER_SORT_JOINED };

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(GListStore) store = g_list_store_new (DLG_TYPE_MEMBER);

      for (guint i = 0; i < DIRECTORY_N_MEMBERS; i++)
        {
          g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

          g_list_store_append (store, member);
        }
      g_list_store_sort (store, compare_cb, GINT_TO_POINTER (sorts[s]));

      for (guint i = 1; i < DIRECTORY_N_MEMBERS; i++)
        {
          g_autoptr(DlgMember) a = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
          g_autoptr(DlgMember) b = g_list_model_get_item (G_LIST_MODEL (store), i);

          g_assert_cmpint (dlg_member_compare (a, b, sorts[s]), <, 0);
          switch (sorts[s])
            {
            case DLG_MEMBER_SORT_NAME:
              {
                /* "Kabupaten Xyz" and "Kota Xyz": by Xyz, then by the whole name (made-up
                 * names repeat: then by id) */
                const char *name_a = strchr (dlg_member_get_name (a), ' ') + 1;
                const char *name_b = strchr (dlg_member_get_name (b), ' ') + 1;
                int by_place = g_utf8_collate (name_a, name_b);

                g_assert_cmpint (by_place, <=, 0);
                if (by_place == 0)
                  g_assert_cmpint (g_utf8_collate (dlg_member_get_name (a),
                                                   dlg_member_get_name (b)), <=, 0);
              }
              break;

            case DLG_MEMBER_SORT_PROVINCE:
              g_assert_cmpint (g_utf8_collate (dlg_member_get_province (a),
                                               dlg_member_get_province (b)), <=, 0);
              break;

            case DLG_MEMBER_SORT_JOINED:
              /* unknown years (0) last */
              if (dlg_member_get_joined (b) != 0)
                {
                  g_assert_cmpuint (dlg_member_get_joined (a), !=, 0);
                  g_assert_cmpuint (dlg_member_get_joined (a), <=, dlg_member_get_joined (b));
                }
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }
}

static void
test_fold (void)
{
  g_autofree char *a = dlg_member_fold_text ("Wiśniewski ÉCOLE Straße");
  g_autofree char *b = dlg_member_fold_text (NULL);

  g_assert_cmpstr (a, ==, "wisniewski ecole strasse");
  g_assert_cmpstr (b, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/members/query/fold", test_fold);
  g_test_add_func ("/members/query/search", test_search);
  g_test_add_func ("/members/query/search-as-typed", test_search_as_typed);
  g_test_add_func ("/members/query/filters", test_filters);
  g_test_add_func ("/members/query/change-hints", test_change_hints);
  g_test_add_func ("/members/query/sort", test_sort);
  g_test_add_func ("/members/query/sort-without-prefix", test_sort_without_prefix);
  g_test_add_func ("/members/query/name-for-sorting", test_name_for_sorting);
  g_test_add_func ("/members/query/sort-built-in", test_sort_built_in);
  g_test_add_func ("/members/query/places-and-kinds", test_places_and_kinds);
  g_test_add_func ("/members/query/cross-links", test_cross_links);
  g_test_add_func ("/members/query/directory", test_directory);
  g_test_add_func ("/members/query/directory-sort", test_directory_sort);
  g_test_add_func ("/members/query/region-filter", test_region_filter);

  return g_test_run ();
}
