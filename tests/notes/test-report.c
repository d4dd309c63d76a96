/* test-report.c: the trip report for a fixture event, section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dlg-markdown.h"
#include "dlg-note-report.h"
#include "dlg-notes.h"
#include "fixture-notes.h"
#include "fixture-store.h"

static DlgFeed *
load_fixture (const char *name)
{
  static const char * const english[] = { "en", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "notes", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_file (file, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* The report split at "## " headings: the part before, then each section. */
static GStrv
sections (const char *report)
{
  return g_strsplit (report, "\n## ", -1);
}

static void
test_report (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_no_error (error);
  g_assert_true (dlg_store_set_starred (f->store, "notes-fixture", "s1", TRUE, &error));
  add_note (notes, DLG_NOTE_SESSION, "s2", "Waste", "Banks pay **cash**.\n\n- ask Kupang");
  add_note (notes, DLG_NOTE_PRACTICE, "p1", "", "Copy this in our city.");
  add_note (notes, DLG_NOTE_MEMBER, "kupang", "Contact", "Meet the mayor's office.");
  add_note (notes, DLG_NOTE_FREE, NULL, "Travel", "Flight home on Friday.");
  add_note (notes, DLG_NOTE_SESSION, "gone", "Cancelled talk", "It was dropped.");
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  parts = sections (report);
  g_assert_cmpuint (g_strv_length (parts), ==, 5);

  g_assert_cmpstr (parts[0], ==,
                   "# Trip report: Notes fixture\n"
                   "\n"
                   "16 October 2024  \n"
                   "\n"
                   "All times are local times at the event: WITA (UTC+08:00).\n");
  /* Said once only. */
  g_assert_null (strstr (strstr (report, "All times") + 1, "All times"));

  /* s1 starred without notes, s2 noted without a star; time order. */
  g_assert_cmpstr (parts[1], ==,
                   "Sessions\n"
                   "\n"
                   "### Opening\n"
                   "\n"
                   "16 October 2024, 09:00, Aula\n"
                   "\n"
                   "### Waste banks\n"
                   "\n"
                   "16 October 2024, 11:00, Aula\n"
                   "\n"
                   "#### Waste\n"
                   "\n"
                   "Banks pay **cash**.\n"
                   "\n"
                   "- ask Kupang\n");

  g_assert_cmpstr (parts[2], ==,
                   "Best practices\n"
                   "\n"
                   "### Waste banks in every village\n"
                   "\n"
                   "Presented by Kota Kupang\n"
                   "\n"
                   "Copy this in our city.\n");

  g_assert_cmpstr (parts[3], ==,
                   "Members and delegates\n"
                   "\n"
                   "### Kota Kupang\n"
                   "\n"
                   "#### Contact\n"
                   "\n"
                   "Meet the mayor's office.\n");

  /* Free notes, and the one whose session is gone, oldest first: that one says so, though
   * no copy of the feed ever told its name. */
  g_assert_cmpstr (parts[4], ==,
                   "Other notes\n"
                   "\n"
                   "### Travel\n"
                   "\n"
                   "Flight home on Friday.\n"
                   "\n"
                   "### Cancelled talk\n"
                   "\n"
                   "*A session no longer in the programme*\n"
                   "\n"
                   "It was dropped.\n");
}

/* Notes on a session and a case that a feed update removed: the report names each, as the
 * note kept it when a copy of the feed had it, and says it is no longer in the programme.
 * A note written before its item's name was kept (an older Delegate) takes it when saved
 * again without a change of its own, as the Notes pane saves it on each copy of the feed. */
static void
test_gone_item (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) before = load_fixture ("before.json");
  g_autoptr(DlgFeed) after = load_fixture ("after.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *report = NULL;
  g_auto(GStrv) parts = NULL;
  DlgNote *on_session = add_note (notes, DLG_NOTE_SESSION, "s2", "", "Banks pay cash.");
  DlgNote *on_case = add_note (notes, DLG_NOTE_PRACTICE, "p1", "Copy it", "In our city.");

  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);
  g_assert_true (dlg_note_remember_item (on_session, before));
  g_assert_true (dlg_note_remember_item (on_case, before));
  g_assert_false (dlg_note_remember_item (on_case, before));
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  /* The feed update: nothing of the two in it, their names in the store only. */
  g_assert_null (dlg_note_get_item_name (on_session, after));
  listed = dlg_notes_list (f->store, "notes-fixture", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  report = dlg_note_report_markdown (after, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  parts = sections (report);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_str_has_prefix (parts[1], "Other notes\n\n### Note, "));
  g_assert_nonnull (strstr (parts[1],
                            "\n\n*Session: Waste banks (no longer in the programme)*\n"
                            "\n"
                            "Banks pay cash.\n"
                            "\n"
                            "### Copy it\n"
                            "\n"
                            "*Best practice: Waste banks in every village "
                            "(no longer in the programme)*\n"
                            "\n"
                            "In our city.\n"));
}

/* A session whose time the organiser has not announced shows its day (a
 * report is written after the event: no "to be announced"), never the
 * placeholder clock time the feed orders it by; a session with a time
 * still shows it.  A best practice's summary stays a Markdown quote.  No
 * section is printed empty: no members, no other notes here. */
static void
test_time_tba (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("tba.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_no_error (error);
  g_assert_true (dlg_store_set_starred (f->store, "notes-fixture", "press", TRUE, &error));
  g_assert_true (dlg_store_set_starred (f->store, "notes-fixture", "lunch", TRUE, &error));
  add_note (notes, DLG_NOTE_SESSION, "semarang", "Questions", "Ask about bonds.");
  add_note (notes, DLG_NOTE_PRACTICE, "financing", "", "> Bonds, not loans.\n\nCopy this.");
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  parts = sections (report);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);

  g_assert_cmpstr (parts[1], ==,
                   "Sessions\n"
                   "\n"
                   "### Press conference\n"
                   "\n"
                   "16 October 2019, Sumba Suka Paradise\n"
                   "\n"
                   "### Lunch talk\n"
                   "\n"
                   "16 October 2019, 12:30, Sumba Suka Paradise\n"
                   "\n"
                   "### Best practice sharing: Semarang\n"
                   "\n"
                   "17 October 2019, Sumba Suka Paradise\n"
                   "\n"
                   "#### Questions\n"
                   "\n"
                   "Ask about bonds.\n");
  /* The placeholder times the feed orders the unannounced sessions by, as a session's time
   * would read ("16 October 2019, 08:00"); the zone's offset, "UTC+08:00", is no time. */
  g_assert_true (strstr (report, "(UTC+08:00)") != NULL);
  g_assert_null (strstr (report, "2019, 08:00"));
  g_assert_null (strstr (report, "2019, 09:00"));
  g_assert_false (g_regex_match_simple ("(?<!UTC\\+)0[89]:00", report, 0, 0));

  g_assert_cmpstr (parts[2], ==,
                   "Best practices\n"
                   "\n"
                   "### Infrastructure financing\n"
                   "\n"
                   "Presented by Kota Semarang\n"
                   "\n"
                   "> Strategi pembiayaan infrastruktur dan reformasi administrasi.\n"
                   "\n"
                   "> Bonds, not loans.\n"
                   "\n"
                   "Copy this.\n");
}

/* Feed text is text in the report too: a title made of Markdown or HTML
 * reads, in any Markdown viewer, as the organiser wrote it, with no link
 * and no heading or list made of it. */
static void
test_feed_text_escaped (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const english[] = { "en", NULL };
  static const char *title = "[click](javascript:alert(1)) <img src=x onerror=alert(1)> "
                             "*not* __bold__ `code` & \\ ~~gone~~ more #";
  static const char *venue = "1. Aula";
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  gboolean found_title = FALSE, found_venue = FALSE;

  g_assert_no_error (error);
  json = g_strdup_printf ("{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
                          "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\", "
                          "\"venue\": \"- Gedung\"}, \"agenda\": {\"schedule\": {\"conference\": {"
                          "\"title\": \"E\", \"days\": [{\"index\": 1, \"date\": \"2024-10-16\", "
                          "\"rooms\": {\"%s\": [{\"guid\": \"s\", \"date\": \"2024-10-16T09:00:00+08:00\", "
                          "\"duration\": \"1:00\", \"title\": \"%s\"}]}}]}}}}",
                          venue, "[click](javascript:alert(1)) <img src=x onerror=alert(1)> "
                          "*not* __bold__ `code` & \\\\ ~~gone~~ more #");
  bytes = g_bytes_new (json, strlen (json));
  feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_assert_no_error (error);
  g_assert_true (dlg_store_set_starred (f->store, "e", "s", TRUE, &error));

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);

  blocks = dlg_markdown_parse (report);
  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *plain = dlg_md_block_to_plain (block);

      for (guint j = 0; j < block->spans->len; j++)
        {
          const DlgMdSpan *span = g_ptr_array_index (block->spans, j);

          g_assert_null (span->url);
          g_assert_cmpint (span->style, ==, DLG_MD_STYLE_NONE);
        }
      g_assert_true (block->kind != DLG_MD_LIST_ITEM);
      if (g_str_equal (plain, title))
        found_title = block->kind == DLG_MD_HEADING;
      if (g_str_has_prefix (plain, "16 October 2024, 09:00, 1. Aula"))
        found_venue = TRUE;
    }
  g_assert_true (found_title);
  g_assert_true (found_venue);
  /* GitHub's strikethrough, which our reader does not have, is escaped too. */
  g_assert_nonnull (strstr (report, "\\~\\~gone\\~\\~"));
  /* The event's venue starts a line: no list item. */
  g_assert_nonnull (strstr (report, "\n\\- Gedung"));
}

/* Notes stay apart and in their place: two untitled notes on one session are each headed by
 * when they were written, in the order they were written even after the first was edited
 * last; a note's own "# Summary" stays below its title; and a title starting with "#" or
 * ">" reads as typed, without a backslash. */
static void
test_notes_apart (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  /* 16 October 2024, 10:00 and 10:05 at the event, in its time zone. */
  g_autoptr(GTimeZone) makassar = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) first = g_date_time_new (makassar, 2024, 10, 16, 10, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_add_minutes (first, 5);
  gint64 t1 = g_date_time_to_unix (first) * G_USEC_PER_SEC;
  gint64 t2 = g_date_time_to_unix (second) * G_USEC_PER_SEC;
  g_autofree char *report = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  /* The first written, but edited after the second. */
  g_ptr_array_add (notes, dlg_note_new_full ("n1", "notes-fixture", DLG_NOTE_SESSION, "s2", "",
                                             "Banks pay cash.", t1, t2 + 60 * G_USEC_PER_SEC,
                                             FALSE));
  g_ptr_array_add (notes, dlg_note_new_full ("n2", "notes-fixture", DLG_NOTE_SESSION, "s2", "",
                                             "# Summary\nCopy it.\n\n> # Quoted\n\n"
                                             "    # Four\n\n\t# Tab", t2, t2, FALSE));
  /* Empty: left out, and not counted (the note above would need no heading then). */
  g_ptr_array_add (notes, dlg_note_new_full ("n0", "notes-fixture", DLG_NOTE_PRACTICE, "p1", " ",
                                             "\n", t1, t1, FALSE));
  g_ptr_array_add (notes, dlg_note_new_full ("n4", "notes-fixture", DLG_NOTE_PRACTICE, "p1", "",
                                             "Copy this.", t2, t2, FALSE));
  g_ptr_array_add (notes, dlg_note_new_full ("n3", "notes-fixture", DLG_NOTE_FREE, NULL,
                                             "# Plan > 2", "Budget.", t2, t2, FALSE));
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);

  blocks = dlg_markdown_parse (report);
  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *plain = dlg_md_block_to_plain (block);

      if (block->kind == DLG_MD_HEADING)
        g_ptr_array_add (headings, g_strdup_printf ("%u %s", block->level, plain));
    }
  g_ptr_array_add (headings, NULL);
  g_assert_cmpstrv ((const char * const *) headings->pdata, ((const char * const []) {
                      "1 Trip report: Notes fixture",
                      "2 Sessions",
                      "3 Waste banks",
                      "4 Note, 16 October, 10:00",
                      "4 Note, 16 October, 10:05",
                      "5 Summary",
                      "5 Quoted",
                      "5 Four",
                      "5 Tab",
                      "2 Best practices",
                      "3 Waste banks in every village",
                      "2 Other notes",
                      "3 # Plan > 2",
                      NULL }));
  g_assert_nonnull (strstr (report, "#### Note, 16 October, 10:00\n\nBanks pay cash.\n\n"
                                    "#### Note, 16 October, 10:05\n\n##### Summary\n\nCopy it."));
}

/* The blocks of @text as the app reads a note, one line each ("P|text", "L0.|text" for a
 * list item at depth 0, "Q" for a quote's), its styles and links marked: what the Notes
 * pane, the PDF and the .odt show. */
static char *
shown (const char *text)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (text, DLG_MD_PARSE_LINE_BREAKS);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);

      g_string_append_printf (out, "%s%c%u%s%u|", block->quote ? "Q" : "",
                              block->kind == DLG_MD_HEADING ? 'H'
                              : block->kind == DLG_MD_LIST_ITEM ? 'L' : 'P',
                              block->kind == DLG_MD_HEADING ? block->level : block->depth,
                              block->continues_item ? "+" : block->ordered ? "." : "",
                              block->number);
      for (guint j = 0; j < block->spans->len; j++)
        {
          const DlgMdSpan *span = g_ptr_array_index (block->spans, j);

          g_string_append_printf (out, "{%d %s}%s", span->style,
                                  span->url != NULL ? span->url : "", span->text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A note reads in a Markdown viewer (CommonMark) as it does in the app, the PDF and the
 * .odt: its lines stay lines, a line of dashes under a line does not make it a heading that
 * outranks the report's own, "===" and "2." after a line, HTML and entities are text as
 * the app shows them, an indented line is no code block; its own Markdown (bold, lists,
 * links, quotes) stays Markdown.  And the app reads the report's copy of the note as it
 * read the note, so the PDF and the .odt made from the report show it as typed. */
static void
test_note_markdown (Fixture       *f,
                    gconstpointer  data)
{
  static const char *body =
    "Pak Budi\n"
    "Kadis DLH Kota Kupang\n"
    "0812-3456-7890\n"
    "\n"
    "Kesimpulan\n"
    "---\n"
    "Harga naik\n"
    "===\n"
    "Catatan:\n"
    "2. poin kedua\n"
    "\n"
    "<b>tebal?</b> &amp; &copy; a_b_c 2 * 3 * 4 | x | ~~y~~ R&D\n"
    "\n"
    "    kode?\n"
    "\n"
    "Bank **sampah *desa* ini**, `kode_x*`, [panduan](https://example.org/a_(b)) dan "
    "<https://example.org/x?a=1&b=2> atau <budi@kupang.go.id>. "
    "Lihat ![foto](https://example.org/f).\n"
    "\n"
    "**Penting: lihat [panduan](https://example.org/p) ini**, _harga 2 * 3_\n"
    "\n"
    "- satu\n"
    "  lanjut\n"
    "  1. dalam\n"
    "\n"
    "     paragraf dalam\n"
    "- dua\n"
    "\n"
    "> kutipan\n"
    "> baris dua\n"
    "> - butir\n"
    "\n"
    "# Ringkasan\n"
    "- = tanda\n"
    "+ 3) tiga";
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  const char *start, *end;

  add_note (notes, DLG_NOTE_MEMBER, "kupang", "Kontak", body);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);

  /* Line breaks a Markdown viewer keeps: two spaces at the line's end. */
  g_assert_nonnull (strstr (report, "\nPak Budi  \nKadis DLH Kota Kupang  \n0812-3456-7890\n\n"));
  /* Not a heading over the rest of the report, nor a rule under a line. */
  g_assert_nonnull (strstr (report, "\nKesimpulan\n\n"));
  g_assert_null (strstr (report, "\n---\n"));
  g_assert_nonnull (strstr (report, "\nHarga naik  \n\\===  \nCatatan:\n\n2. poin kedua\n"));
  g_assert_nonnull (strstr (report, "\n\nkode?\n\n"));
  g_assert_nonnull (strstr (report, "\n\\<b>tebal?\\</b> \\&amp; \\&copy; a_b_c 2 \\* 3 \\* 4 "
                                    "\\| x \\| \\~\\~y\\~\\~ R&D\n"));
  g_assert_nonnull (strstr (report, "\nBank **sampah *desa* ini**, `kode_x*`, "
                                    "[panduan](https://example.org/a_\\(b\\)) dan "
                                    "<https://example.org/x?a=1&b=2> atau "
                                    "[budi@kupang.go.id](mailto:budi@kupang.go.id). "
                                    "Lihat \\![foto](https://example.org/f).\n"));
  g_assert_nonnull (strstr (report, "\n**Penting: lihat [panduan](https://example.org/p) ini**, "
                                    "*harga 2 \\* 3*\n"));
  g_assert_nonnull (strstr (report, "\n- satu  \n  lanjut\n  1. dalam\n\n     paragraf dalam\n"
                                    "\n- dua\n"));
  g_assert_nonnull (strstr (report, "\n> kutipan  \n> baris dua\n>\n> - butir\n"));
  g_assert_nonnull (strstr (report, "\n##### Ringkasan\n\n- \\= tanda\n- 3\\) tiga\n"));

  /* The note's copy, from below its title to the end, read as the app reads notes. */
  start = strstr (report, "#### Kontak\n\n");
  g_assert_nonnull (start);
  start += strlen ("#### Kontak\n\n");
  end = start + strlen (start);
  copy = g_strndup (start, end - start);
  expected = shown (body);
  got = shown (copy);
  /* The note's heading, one level under its title's. */
  g_assert_nonnull (strstr (expected, "\nH10|{0 }Ringkasan\n"));
  g_assert_nonnull (strstr (got, "\nH50|{0 }Ringkasan\n"));
  {
    g_autoptr(GString) moved = g_string_new (expected);

    g_string_replace (moved, "\nH10|", "\nH50|", 0);
    g_assert_cmpstr (got, ==, moved->str);
  }
}

/* Bold and italics one inside the other, that open or close together ("**_Penting_**",
 * bold italics as word processors' users type it), are bold and italic in the report, and
 * in the PDF and the .odt made from it: until 4 December the report wrote them as runs of
 * three stars ("***Penting***", "**bawa *tiga***"), which the app's reader, the PDF's and
 * the document's, read as stars, the italics lost. */
static void
test_bold_italics (Fixture       *f,
                   gconstpointer  data)
{
  static const char *body =
    "**_Penting_**: **bawa _tiga_** formulir, _tanya **Pak Budi**_, *__lalu__* "
    "*__[lapor](https://example.org/lapor_kota)__* dan *__snake_case__ ini*";
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  const char *copy;

  add_note (notes, DLG_NOTE_FREE, NULL, "Formulir", body);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  /* As CommonMark viewers read it too; a "_" inside "_…_" escaped, so that it ends
   * nothing. */
  g_assert_nonnull (strstr (report, "\n**_Penting_**: **bawa _tiga_** formulir, "
                                    "_tanya **Pak Budi**_, **_lalu_** "
                                    "**_[lapor](https://example.org/lapor\\_kota)_** dan "
                                    "_**snake\\_case** ini_\n"));
  g_assert_null (strstr (report, "***"));

  copy = strstr (report, "### Formulir\n\n");
  g_assert_nonnull (copy);
  expected = shown (body);
  got = shown (copy + strlen ("### Formulir\n\n"));
  g_assert_null (strchr (expected, '*'));
  g_assert_cmpstr (got, ==, expected);
}

/* A note's time is given in the event's time zone, as its sessions' are: notes taken five
 * and thirty minutes into the 11:00 session read 11:05 and 11:30, though the laptop stayed
 * on Jakarta's time (main() sets it), an hour behind the event's. */
static void
test_note_time_zone (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) makassar = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) first = g_date_time_new (makassar, 2024, 10, 16, 11, 5, 0);
  gint64 t1 = g_date_time_to_unix (first) * G_USEC_PER_SEC;
  gint64 t2 = t1 + 25 * 60 * G_USEC_PER_SEC;
  g_autofree char *report = NULL;

  g_ptr_array_add (notes, dlg_note_new_full ("n1", "notes-fixture", DLG_NOTE_SESSION, "s2", "",
                                             "Banks pay cash.", t1, t1, FALSE));
  g_ptr_array_add (notes, dlg_note_new_full ("n2", "notes-fixture", DLG_NOTE_SESSION, "s2", "",
                                             "Every village.", t2, t2, FALSE));
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "### Waste banks\n\n16 October 2024, 11:00, Aula\n\n"
                                    "#### Note, 16 October, 11:05\n\nBanks pay cash.\n\n"
                                    "#### Note, 16 October, 11:30\n\nEvery village.\n"));
}

/* A note opened and left empty (the app keeps a new note at once) is no note: the session,
 * case or member it is on is not listed for it, no "Other notes" heading stands over
 * nothing, and the report says that nothing is noted yet. */
static void
test_empty_notes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;

  add_note (notes, DLG_NOTE_FREE, NULL, "", "");
  add_note (notes, DLG_NOTE_SESSION, "s1", " ", "\n\t\n");
  add_note (notes, DLG_NOTE_PRACTICE, "p1", "", "  ");
  add_note (notes, DLG_NOTE_MEMBER, "kupang", "", "");
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_cmpstr (report, ==,
                   "# Trip report: Notes fixture\n"
                   "\n"
                   "16 October 2024  \n"
                   "\n"
                   "All times are local times at the event: WITA (UTC+08:00).\n"
                   "\n"
                   "No session starred and no note written yet.\n");
}

/* Before anything is starred or noted, the report says so once, under the event's title,
 * instead of four empty sections. */
static void
test_empty (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("tba.json");
  g_autofree char *report = NULL;

  g_assert_no_error (error);
  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (report, "## "));
  g_assert_true (g_str_has_suffix (report, "\n\nNo session starred and no note written yet.\n"));
}

/* Text pasted from a terminal or a PDF brings invisible control characters (C0, DEL, C1):
 * the report leaves them out, as its document does, so that the Markdown file shown in a
 * terminal cannot colour or move anything there, and the PDF draws no boxes of hex digits
 * (until 4 December the Markdown and the PDF kept them). */
static void
test_control_characters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *report = NULL;

  add_note (notes, DLG_NOTE_FREE, NULL, "Pasted\x07 log",
            "\x1b[31mred\x1b[0m\x7f and \xc2\x85\xc2\x9f gone,\ttab\r\nkept");
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  report = dlg_note_report_markdown (feed, f->store, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  for (const char *p = report; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f));
    }
  g_assert_nonnull (strstr (report, "### Pasted log\n"));
  /* (A tab reads as a space, as the app shows it.) */
  g_assert_nonnull (strstr (report, "\\[31mred\\[0m and  gone, tab  \nkept"));
}

int
main (int   argc,
      char *argv[])
{
  /* English month names whatever the machine's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  /* A delegate from Jakarta whose laptop keeps its time at an event an hour ahead of it. */
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notes/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/notes/report/gone-item", Fixture, NULL, fixture_set_up, test_gone_item, fixture_tear_down);
  g_test_add ("/notes/report/time-tba", Fixture, NULL, fixture_set_up, test_time_tba, fixture_tear_down);
  g_test_add ("/notes/report/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/notes/report/empty-notes", Fixture, NULL, fixture_set_up, test_empty_notes, fixture_tear_down);
  g_test_add ("/notes/report/feed-text-escaped", Fixture, NULL, fixture_set_up, test_feed_text_escaped, fixture_tear_down);
  g_test_add ("/notes/report/note-markdown", Fixture, NULL, fixture_set_up, test_note_markdown, fixture_tear_down);
  g_test_add ("/notes/report/note-time-zone", Fixture, NULL, fixture_set_up, test_note_time_zone, fixture_tear_down);
  g_test_add ("/notes/report/control-characters", Fixture, NULL, fixture_set_up, test_control_characters, fixture_tear_down);
  g_test_add ("/notes/report/bold-italics", Fixture, NULL, fixture_set_up, test_bold_italics, fixture_tear_down);
  g_test_add ("/notes/report/notes-apart", Fixture, NULL, fixture_set_up, test_notes_apart, fixture_tear_down);

  return g_test_run ();
}
