/* test-vcard.c: the pieces of vCard 3.0 output: escaping, folding, names, UIDs, line ends
 *
 * (The whole output is parsed back with a real vCard parser by test-vcf.py.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-vcard"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "directory-fixture.h"
#include "dlg-feed.h"
#include "dlg-vcard.h"

static void
test_escape (void)
{
  g_autofree char *a = dlg_vcard_escape_text ("H. Saiful Ilah, SH; M.Hum\\x\nline\r\nend");
  g_autofree char *b = dlg_vcard_escape_text (NULL);
  /* Control characters other than the tab may not stand in a value. */
  g_autofree char *c = dlg_vcard_escape_text ("Kota\vKupang\x1b[1m\x01\x7f\tend\rx");

  g_assert_cmpstr (a, ==, "H. Saiful Ilah\\, SH\\; M.Hum\\\\x\\nline\\nend");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "Kota Kupang [1m  \tend\\nx");
}

/* Every physical line of @text: at most 75 octets, valid UTF-8 on its
 * own, ended by CRLF; unfolding gives back @logical. */
static void
assert_folded (const char *text,
               const char *logical)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, ""); /* after the last CRLF */

  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0)
        {
          g_assert_cmpint (lines[i][0], ==, ' ');
          g_string_append (unfolded, lines[i] + 1);
        }
      else
        g_string_append (unfolded, lines[i]);
    }

  g_assert_cmpstr (unfolded->str, ==, logical);
}

static void
test_fold (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("NOTE:");
  g_autoptr(GString) exact = g_string_new ("NOTE:");

  /* Short lines stay whole. */
  dlg_vcard_append_line (out, "FN:Kota Kupang");
  g_assert_cmpstr (out->str, ==, "FN:Kota Kupang\r\n");

  /* 75 octets exactly: no fold. */
  while (exact->len < 75)
    g_string_append_c (exact, 'x');
  g_string_truncate (out, 0);
  dlg_vcard_append_line (out, exact->str);
  g_assert_cmpuint (out->len, ==, 77);

  /* Two- and three-byte characters at every offset across the folds. */
  for (guint i = 0; i < 60; i++)
    g_string_append (line, i % 3 == 0 ? "é" : i % 3 == 1 ? "–" : "a");
  for (guint shift = 0; shift < 4; shift++)
    {
      g_string_truncate (out, 0);
      g_string_prepend_c (line, 'N');
      dlg_vcard_append_line (out, line->str);
      assert_folded (out->str, line->str);
    }
}

/* N, which vCard 3.0 requires: the degrees after the comma, the titles before the name, and
 * no family name made up for a single name. */
static void
test_name (void)
{
  static const struct { const char *name; const char *n; } cases[] = {
    { "Dr. Ayu Pratiwi, M.Si", "Pratiwi;Ayu;;Dr.;M.Si" },
    { "Siti Nurhaliza, S.T., M.T.", "Nurhaliza;Siti;;;S.T.,M.T." },
    { "H. Saiful Ilah, SH, M.Hum", "Ilah;Saiful;;H.;SH,M.Hum" },
    { "Jefri Riwu Kore", "Kore;Jefri Riwu;;;" },
    { "Sari", ";Sari;;;" },
    { "Dr.", ";Dr.;;;" },
    { "A. Rahman", "Rahman;A.;;;" },
    { "Yohanes; Ndun\\", "Ndun\\\\;Yohanes\\;;;;" },
    { "", ";;;;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *n = dlg_vcard_name (cases[i].name);

      g_assert_cmpstr (n, ==, cases[i].n);
    }
}

static void
test_uid (void)
{
  g_autofree char *a = dlg_vcard_uid ("member/kota-kupang");
  g_autofree char *b = dlg_vcard_uid ("member/kota-kupang");
  g_autofree char *c = dlg_vcard_uid ("member/kabupaten-sidoarjo");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_str_has_prefix (a, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (a + strlen ("urn:uuid:")));
  g_assert_cmpint (a[strlen ("urn:uuid:") + 14], ==, '5'); /* version 5, name-based */
}

static void
test_directory (void)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GBytes) bytes = directory_feed_new (DIRECTORY_N_MEMBERS, DIRECTORY_N_DELEGATES);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autofree char *cards = NULL;
  g_auto(GStrv) lines = NULL;
  guint begins = 0, ends = 0;
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));

  /* Every line ends in CRLF, never in a bare LF. */
  for (const char *p = cards; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_assert_cmpint (p > cards ? p[-1] : 0, ==, '\r');
    }

  lines = g_strsplit (cards, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      begins += g_str_equal (lines[i], "BEGIN:VCARD");
      ends += g_str_equal (lines[i], "END:VCARD");
      if (g_str_has_prefix (lines[i], "UID:"))
        g_assert_true (g_hash_table_add (uids, lines[i] + 4));
    }

  /* A card for each member and each delegate, each with its own UID. */
  g_assert_cmpuint (begins, ==, DIRECTORY_N_MEMBERS * (1 + DIRECTORY_N_DELEGATES));
  g_assert_cmpuint (ends, ==, begins);
  g_assert_cmpuint (g_hash_table_size (uids), ==, begins);
}

/* A phone number written "(+62) 967 123456" is international: as a phone dials it.
 * "+62 21 0000 0000 / 0001", the second by its last digits, is two numbers, each whole. */
static void
test_phone (void)
{
  static const char * const english[] = { "en", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "sparse-members.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_autofree char *cards = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_assert_no_error (error);
  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:+62-21-0000-0000\r\n"));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:+62-21-0000-0001\r\n"));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:+62-967-123456\r\n"));
}

/* "+62 (0)380 …": the "(0)" is dialled only from inside Indonesia, so the card's number
 * leaves it out, as the members pane's Call link does.  A mobile (+62 8…) is a CELL. */
static void
test_phone_trunk_prefix (void)
{
  static const char * const english[] = { "en", NULL };
  static const char json[] =
    "{ \"delegate_feed\": 1,"
    "  \"event\": { \"id\": \"e\", \"title\": \"E\", \"time_zone\": \"Asia/Makassar\","
    "             \"start\": \"2019-10-16\" },"
    "  \"members\": [ { \"id\": \"kota-kupang\", \"name\": \"Kota Kupang\","
    "                   \"phone\": \"+62 (0)380 821234\","
    "                   \"delegates\": [ { \"name\": \"Jefri\", \"phone\": \"(+62) (0)812 0000 0001\" } ] } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autofree char *cards = NULL;

  g_assert_no_error (error);
  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:+62-380-821234\r\n"));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=CELL,VOICE:+62-812-0000-0001\r\n"));
}

/* A field with two numbers, an office line and a mobile: a TEL for each, which a phone
 * dials (one TEL of both dialled neither), the mobile a CELL, from abroad or at home. */
static void
test_two_numbers (void)
{
  static const char * const english[] = { "en", NULL };
  static const char json[] =
    "{ \"delegate_feed\": 1,"
    "  \"event\": { \"id\": \"e\", \"title\": \"E\", \"time_zone\": \"Asia/Makassar\","
    "             \"start\": \"2019-10-16\" },"
    "  \"members\": [ { \"id\": \"kota-kupang\", \"name\": \"Kota Kupang\","
    "                   \"phone\": \"+62 380 821000 / +62 812 3456 789\","
    "                   \"delegates\": [ { \"name\": \"Jefri\","
    "                                     \"phone\": \"(0380) 821000, 081234567890\" } ] } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autofree char *cards = NULL;
  guint n_tel = 0;

  g_assert_no_error (error);
  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));
  g_test_message ("%s", cards);
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:+62-380-821000\r\n"
                                   "TEL;TYPE=CELL,VOICE:+62-812-3456-789\r\n"));
  g_assert_nonnull (strstr (cards, "TEL;TYPE=WORK,VOICE:(0380) 821000\r\n"
                                   "TEL;TYPE=CELL,VOICE:081234567890\r\n"));
  for (const char *p = strstr (cards, "TEL;"); p != NULL; p = strstr (p + 1, "TEL;"))
    n_tel++;
  g_assert_cmpuint (n_tel, ==, 4);
}

/* Two delegates of one member with one name (single names are common) are two contacts: they
 * had one UID, and an address book importing the file kept only one of them.  The first keeps
 * the UID earlier exports gave it, so that importing again still updates it. */
static void
test_same_name (void)
{
  static const char * const english[] = { "en", NULL };
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, \"members\": ["
    "{\"id\": \"kota-kupang\", \"name\": \"Kota Kupang\", \"delegates\": ["
    "{\"name\": \"Sari\", \"role\": \"Kepala Dinas\"}, {\"name\": \"Budi\"}, "
    "{\"name\": \"Sari\", \"role\": \"Staf\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autofree char *first = dlg_vcard_uid ("member/kota-kupang/delegate/Sari");
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *cards = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cards = 0;

  g_assert_no_error (error);
  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));
  lines = g_strsplit (cards, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      n_cards += g_str_equal (lines[i], "BEGIN:VCARD");
      if (g_str_has_prefix (lines[i], "UID:"))
        g_assert_true (g_hash_table_add (uids, lines[i] + 4));
    }
  g_assert_cmpuint (n_cards, ==, 4);
  g_assert_cmpuint (g_hash_table_size (uids), ==, 4);
  g_assert_nonnull (strstr (cards, first));
  g_assert_true (strstr (cards, first) < strstr (cards, "TITLE:Kepala Dinas"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/members/vcard/escape", test_escape);
  g_test_add_func ("/members/vcard/fold", test_fold);
  g_test_add_func ("/members/vcard/name", test_name);
  g_test_add_func ("/members/vcard/uid", test_uid);
  g_test_add_func ("/members/vcard/directory", test_directory);
  g_test_add_func ("/members/vcard/phone", test_phone);
  g_test_add_func ("/members/vcard/phone-trunk-prefix", test_phone_trunk_prefix);
  g_test_add_func ("/members/vcard/two-numbers", test_two_numbers);
  g_test_add_func ("/members/vcard/same-name", test_same_name);

  return g_test_run ();
}
