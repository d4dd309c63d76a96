/* test-report-pdf.c: the trip report printed to a PDF, read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-report-pdf"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>

#include "dlg-notes.h"
#include "dlg-report-print.h"
#include "fixture-notes.h"
#include "runtime-folder.h"

typedef struct
{
  char     *dir;
  char     *db;
  char     *pdf;
  DlgStore *store;
  DlgFeed  *feed;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const english[] = { "en", NULL };
  /* The feed named by @data, else before.json. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "notes", "fixtures",
                                                 data != NULL ? data : "before.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("delegate-report-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  fixture->store = dlg_store_open (fixture->db, NULL, &error);
  g_assert_no_error (error);
  fixture->feed = dlg_feed_new_from_file (file, english, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffix[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->feed);
  for (guint i = 0; i < G_N_ELEMENTS (suffix); i++)
    {
      g_autofree char *file = g_strconcat (fixture->db, suffix[i], NULL);
      g_unlink (file);
    }
  g_unlink (fixture->pdf);
  g_rmdir (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->pdf);
  g_free (fixture->dir);
}


static char *
run (const char *program,
     const char *path)
{
  const char *argv[] = { program, path, g_str_equal (program, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  /* "pdftotext FILE -" prints the text; "pdfinfo FILE" the page count,
   * "pdffonts FILE" the fonts. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
n_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* Each of @expected is in @text, in this order. */
static void
assert_in_order (const char        *text,
                 const char * const expected[])
{
  const char *from = text;

  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (from, expected[i]);

      if (found == NULL)
        g_test_message ("“%s” is not in the PDF after position %d", expected[i],
                        (int) (from - text));
      g_assert_nonnull (found);
      from = found + strlen (expected[i]);
    }
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  /* Feed and note text that would be markup if Pango read it as such. */
  const char * const expected[] = {
    "Trip report",
    "Notes fixture",
    "16 October 2024",
    "All times are local times at the event: WITA (UTC+08:00).",
    "Sessions",
    "Opening",
    "Waste banks",
    "Waste <b>&amp;</b> money",
    "Banks pay cash & <i>more</i>.",
    "Best practices",
    "Copy this in our city.",
    "Members and delegates",
    "Meet the mayor's office.",
    "Other notes",
    "Travel",
    "Flight home on Friday.",
    "Page 1 of 1",
    NULL
  };

  g_assert_true (dlg_store_set_starred (fixture->store, "notes-fixture", "s1", TRUE, &error));
  add_note (notes, DLG_NOTE_SESSION, "s2", "Waste <b>&amp;</b> money",
            "Banks pay cash & <i>more</i>.");
  add_note (notes, DLG_NOTE_PRACTICE, "p1", "", "Copy this in our city.");
  add_note (notes, DLG_NOTE_MEMBER, "kupang", "Contact", "Meet the mayor's office.");
  add_note (notes, DLG_NOTE_FREE, NULL, "Travel", "Flight home on Friday.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->pdf, G_FILE_TEST_IS_REGULAR));

  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
  g_assert_cmpint (n_pages (fixture->pdf), ==, 1);
}

/* A note on a session that a feed update removed (after.json has no "Waste banks") names the
 * session on paper too, as no longer in the programme. */
static void
test_gone_item (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DlgNote *note = add_note (notes, DLG_NOTE_SESSION, "s2", "Waste", "Banks pay cash.");
  const char * const expected[] = {
    "Other notes",
    "Waste",
    "Session: Waste banks (no longer in the programme)",
    "Banks pay cash.",
    NULL
  };

  dlg_note_set_item_title (note, "Waste banks");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
}

/* The document says what it is, as the .odt does: a PDF viewer's window and a file
 * manager's properties show the report's title, not "report.pdf"; and who made it. */
static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *info = NULL;

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  output = run ("pdfinfo", fixture->pdf);
  /* Every line after a line break, the first too. */
  info = g_strconcat ("\n", output, NULL);
  g_test_message ("%s", info);
  g_assert_nonnull (strstr (info, "\nTitle:           Trip report: Notes fixture\n"));
  g_assert_nonnull (strstr (info, "\nCreator:         Delegate\n"));
}

/* A note longer than a page goes on over the next ones, every line of it. */
static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const expected[] = {
    "Trip report",
    "Other notes",
    "Long day",
    "Line 1 of the long note",
    "Page 1 of",
    "Line 150 of the long note",
    "END OF THE LONG NOTE",
    NULL
  };
  g_autofree char *last = NULL;
  int pages;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (body, "Line %u of the long note, with enough words in it that "
                            "it has to wrap on an A4 page at this size of type, twice "
                            "perhaps.\n\n", i);
  g_string_append (body, "END OF THE LONG NOTE");
  add_note (notes, DLG_NOTE_FREE, NULL, "Long day", body->str);
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
  pages = n_pages (fixture->pdf);
  g_assert_cmpint (pages, >, 1);
  /* The footer of the last page comes after the note's end. */
  last = g_strdup_printf ("Page %d of %d", pages, pages);
  g_assert_nonnull (strstr (strstr (text, "END OF THE LONG NOTE"), last));
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("Line %u of the long note", i);
      g_assert_nonnull (strstr (text, line));
    }
}

/* A session whose time is not announced shows its day, not the placeholder
 * time; a quoted line (a best practice's
 * summary, a "> " in a note) is printed without its ">" marker. */
static void
test_tba_and_quotes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = {
    "Trip report",
    "Times fixture",
    "Sessions",
    "Press conference",
    "16 October 2019, Sumba Suka Paradise",
    "Lunch talk",
    "16 October 2019, 12:30, Sumba Suka Paradise",
    "Best practice sharing: Semarang",
    "17 October 2019, Sumba Suka Paradise",
    "Best practices",
    "Infrastructure financing",
    "Presented by Kota Semarang",
    "Strategi pembiayaan infrastruktur dan reformasi administrasi.",
    "Bonds, not loans.",
    "Copy this.",
    "Other notes",
    "Quote of the day",
    "Said the mayor:",
    "First quoted line",
    "second quoted line",
    "After the quote, 3 > 2 stays.",
    NULL
  };

  g_assert_true (dlg_store_set_starred (fixture->store, "notes-fixture", "press", TRUE, &error));
  g_assert_true (dlg_store_set_starred (fixture->store, "notes-fixture", "lunch", TRUE, &error));
  add_note (notes, DLG_NOTE_SESSION, "semarang", "Questions", "Ask about bonds.");
  add_note (notes, DLG_NOTE_PRACTICE, "financing", "", "> Bonds, not loans.\n\nCopy this.");
  add_note (notes, DLG_NOTE_FREE, NULL, "Quote of the day",
            "Said the mayor:\n\n> First quoted line\n>second quoted line\n\n"
            "After the quote, 3 > 2 stays.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
  /* The placeholder times of the unannounced sessions, as a time would print; the zone's
   * offset near the top, "UTC+08:00", is no time. */
  g_assert_nonnull (strstr (text, "All times are local times at the event: WITA (UTC+08:00)."));
  g_assert_null (strstr (text, "2019, 08:00"));
  g_assert_null (strstr (text, "2019, 09:00"));
  g_assert_false (g_regex_match_simple ("(?<!UTC\\+)0[89]:00", text, 0, 0));
  /* No line of the PDF starts with a Markdown quote marker. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_strstrip (lines[i])[0] == '>')
        g_test_message ("A quote marker is printed: “%s”", lines[i]);
      g_assert_cmpint (lines[i][0], !=, '>');
    }
}

/* The delegate's Markdown prints as it reads: bold, lists and code
 * without their marks, a bullet for each item, every line break kept,
 * a link's address after its text (without its title, whatever parentheses it holds), and
 * an address in angle brackets (a mail address too, without "mailto:") as the address
 * alone, in emphasis too. */
static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  const char * const expected[] = {
    "Other notes",
    "Follow-up",
    "Three things to copy:",
    "• Waste bank for every kelurahan",
    "• Cash for plastic, paid weekly by the city",
    "1. Ask Semarang for the bond prospectus",
    "2. Visit the command centre",
    "100. Read the hundredth recommendation",
    "Budget line",
    "Rp 2 M for 2020",
    "Contact: city hall (https://semarangkota.go.id/),",
    "mayor@example.org",
    "deputy@example.org, https://semarangkota.go.id/en.",
    "Plan: the master plan (https://semarangkota.go.id/plan).",
    "See https://id.wikipedia.org/wiki/Semarang_(kota), the map (https://semarangkota.go.id/",
    "bappeda@semarangkota.go.id.",
    NULL
  };
  g_auto(GStrv) lines = NULL;

  add_note (notes, DLG_NOTE_FREE, NULL, "Follow-up",
            "**Three things** to copy:\n\n"
            "- Waste bank for *every* kelurahan\n"
            "- Cash for plastic, paid weekly by the city\n\n"
            "1. Ask Semarang for the bond prospectus\n"
            "2. Visit the command centre\n"
            "100. Read the hundredth recommendation of the report, which is long enough to wrap "
            "onto a second line of the page\n\n"
            "Budget line `APBD-2020`\n"
            "Rp 2 M for 2020\n\n"
            "Contact: [city hall](https://semarangkota.go.id/), "
            "[mayor@example.org](mailto:mayor@example.org),\n"
            "<mailto:deputy@example.org>, <https://semarangkota.go.id/en>.\n\n"
            "Plan: [the master plan](https://semarangkota.go.id/plan 'Rencana induk').\n\n"
            "See _<https://id.wikipedia.org/wiki/Semarang_(kota)>_, [the map]"
            "(https://semarangkota.go.id/map \"Peta :)\"),\n<bappeda@semarangkota.go.id>.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
  /* No Markdown marks on paper (an autolink's angle brackets neither), and no mailto: */
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "<"));
  g_assert_null (strstr (text, "`"));
  g_assert_null (strstr (text, "*every*"));
  g_assert_null (strstr (text, "]("));
  /* A link's title has nowhere to go on paper. */
  g_assert_null (strstr (text, "Rencana induk"));
  g_assert_null (strstr (text, "Peta"));
  g_assert_null (strstr (text, "mailto:"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (g_strstrip (lines[i]), "- "));
  /* The line break typed after the code stays one. */
  g_assert_nonnull (strstr (text, "APBD-2020\nRp 2 M"));
  /* The code is set in a monospaced font. */
  fonts = run ("pdffonts", fixture->pdf);
  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "Mono"));
}

/* Bold italics as a word processor's user types them in Markdown ("**_Penting_**", or
 * "***Segera***" as Markdown's guides have it) print bold and italic, without stars (until 4
 * December the report wrote "***Penting***", and the PDF printed both as "*Penting*" in
 * bold). */
static void
test_bold_italics (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;

  add_note (notes, DLG_NOTE_FREE, NULL, "Formulir",
            "**_Penting_**: **bawa _tiga_** formulir, _tanya **Pak Budi**_. ***Segera***.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Penting: bawa tiga formulir, tanya Pak Budi. Segera."));
  g_assert_null (strchr (text, '*'));
  g_assert_null (strchr (text, '_'));
  fonts = run ("pdffonts", fixture->pdf);
  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "BoldOblique"));
}

/* The line of `pdftohtml -xml` that holds @text, with its <b> and <i>: how it is set. */
static char *
xml_line (const char *path,
          const char *text)
{
  const char *argv[] = { "pdftohtml", "-xml", "-i", "-stdout", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &xml, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (xml, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "<text ") && strstr (lines[i], text) != NULL)
      return g_strdup (lines[i]);
  g_test_message ("“%s” is not in:\n%s", text, xml);
  g_assert_not_reached ();
}

/* A heading in a note ("# Summary") is set apart from the note's title, which is in
 * italics: until 4 December both were set alike, and a note's "Summary" read as another
 * note. */
static void
test_note_headings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  add_note (notes, DLG_NOTE_SESSION, "s2", "Waste banks visit",
            "Banks pay cash.\n\n# Summary of the visit\n\nCopy it.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  title = xml_line (fixture->pdf, "Waste banks visit");
  heading = xml_line (fixture->pdf, "Summary of the visit");
  g_test_message ("%s\n%s", title, heading);
  g_assert_nonnull (strstr (title, "<i>"));
  g_assert_nonnull (strstr (heading, "<b>"));
  g_assert_null (strstr (heading, "<i>"));
}

/* The text of `pdftotext -layout`: each line where it is on the page. */
static char *
run_layout (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* The column, in the text of `pdftotext -layout`, of the bullet on the line that holds
 * @item. */
static long
bullet_column (const char *layout,
               const char *item)
{
  const char *found = strstr (layout, item);
  const char *line, *bullet;

  if (found == NULL)
    g_test_message ("“%s” is not in the PDF", item);
  g_assert_nonnull (found);
  for (line = found; line > layout && line[-1] != '\n'; line--)
    ;
  bullet = strstr (line, "•");
  g_assert_true (bullet != NULL && bullet < found);
  return g_utf8_pointer_to_offset (line, bullet);
}

/* A nested list prints nested: each item set in under the one it belongs to, back out
 * again after it, in a quote too. */
static void
test_nested_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  long top, nested, deeper;

  add_note (notes, DLG_NOTE_FREE, NULL, "Rekomendasi",
            "- Perlu SDM\n"
            "  - pelatihan ASN\n"
            "    - kontrak 1 tahun\n"
            "  - rekrutmen daerah\n"
            "- Anggaran 2020\n\n"
            "> - Kutipan atas\n"
            ">   - kutipan dalam");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  text = run_layout (fixture->pdf);
  g_test_message ("%s", text);

  top = bullet_column (text, "Perlu SDM");
  nested = bullet_column (text, "pelatihan ASN");
  deeper = bullet_column (text, "kontrak 1 tahun");
  g_assert_cmpint (nested, >, top);
  g_assert_cmpint (deeper, >, nested);
  g_assert_cmpint (bullet_column (text, "rekrutmen daerah"), ==, nested);
  g_assert_cmpint (bullet_column (text, "Anggaran 2020"), ==, top);
  g_assert_cmpint (bullet_column (text, "kutipan dalam"), >, bullet_column (text, "Kutipan atas"));
}

/* How far from the left @word (its first time) starts, in points, and how far down, from
 * the words and their boxes that `pdftotext -bbox` gives; -layout only says which column,
 * which runs a list item's text into its marker. */
static double
word_x (const char *bbox,
        const char *word,
        double     *y)
{
  g_autofree char *element = g_strdup_printf (">%s</word>", word);
  const char *found = strstr (bbox, element);
  const char *start;

  if (found == NULL)
    g_test_message ("“%s” is not a word of the PDF", word);
  g_assert_nonnull (found);
  for (start = found; start > bbox && !g_str_has_prefix (start, "<word "); start--)
    ;
  g_assert_nonnull (strstr (start, "xMin=\""));
  if (y != NULL)
    *y = g_ascii_strtod (strstr (start, "yMin=\"") + strlen ("yMin=\""), NULL);
  return g_ascii_strtod (strstr (start, "xMin=\"") + strlen ("xMin=\""), NULL);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* An item's later paragraph prints under the item's text, without a bullet or number of
 * its own, and the list goes on after it; one at the left ends the list. */
static void
test_list_paragraphs (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *bbox = NULL;
  const char *argv[] = { "pdftotext", "-bbox", fixture->pdf, "-", NULL };
  int status = 0;
  /* The first word of an item's text, and of a paragraph of the item. */
  const char *under[][2] = {
    { "Smart", "Queues" },
    { "Waste", "Every" },
    { "Kupang", "Since" },
    { "Kupang", "Semarang" },  /* the paragraph's second line */
    { "Waste", "Paid" },
  };
  double y_number, y_words;

  add_note (notes, DLG_NOTE_FREE, NULL, "Rekomendasi",
            "1. Smart parking\n\n"
            "   Queues halved.\n"
            "2. Bike lanes\n\n"
            "- Waste banks\n\n"
            "  Every village has one.\n"
            "  - Kupang first\n\n"
            "    Since 2019,\n"
            "    Semarang next.\n\n"
            "  Paid weekly.\n\n"
            "After the list.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_no_error (error);

  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &bbox, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", bbox);

  for (guint i = 0; i < G_N_ELEMENTS (under); i++)
    {
      g_test_message ("“%s” under “%s”", under[i][1], under[i][0]);
      g_assert_cmpfloat_with_epsilon (word_x (bbox, under[i][1], NULL),
                                      word_x (bbox, under[i][0], NULL), 0.5);
    }
  g_assert_cmpfloat (word_x (bbox, "Kupang", NULL), >, word_x (bbox, "Waste", NULL));
  /* A bullet or a number for each item, none for a paragraph. */
  g_assert_cmpuint (count (bbox, ">•</word>"), ==, 2);
  g_assert_cmpuint (count (bbox, ">1.</word>"), ==, 1);
  /* "2." as typed, on the second item's line. */
  word_x (bbox, "2.", &y_number);
  word_x (bbox, "Bike", &y_words);
  g_assert_cmpfloat_with_epsilon (y_number, y_words, 1);
  /* A paragraph at the left ends the list. */
  g_assert_cmpfloat (word_x (bbox, "After", NULL), <, word_x (bbox, "Waste", NULL));
}

/* The disk fills while the PDF is written (here the kernel's own limit on a file's size:
 * writes past it fail as on a full disk, and need no root to set).  The export says it
 * failed, and the report exported before is still there, whole (until 4 December it said
 * "Trip report saved" over an empty or cut-short file, the old report gone). */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *text = NULL;
  struct rlimit before, small;
  GStatBuf st;
  gboolean ok;
  const char * const first[] = { "Trip report", "Travel", "Flight home on Friday.", NULL };

  add_note (notes, DLG_NOTE_FREE, NULL, "Travel", "Flight home on Friday.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->pdf, &st), ==, 0);

  /* More notes, the next report larger than what the disk takes now. */
  while (body->len < 20000)
    g_string_append (body, "The ring road bonds are paid back from the toll. ");
  g_ptr_array_set_size (notes, 0);
  add_note (notes, DLG_NOTE_FREE, NULL, "Financing", body->str);
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &before), ==, 0);
  small = before;
  small.rlim_cur = st.st_size / 2;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL, fixture->pdf, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &before), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  text = run ("pdftotext", fixture->pdf);
  assert_in_order (text, first);
  g_assert_null (strstr (text, "Financing"));
}

/* Control characters a paste brought (C0, DEL, C1) are not printed as boxes of hex digits
 * (until 4 December "01 02 1B" stood in the delegate's text). */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const expected[] = { "Pasted log", "[31mred end", NULL };

  add_note (notes, DLG_NOTE_FREE, NULL, "Pasted\x07 log",
            "\x01\x02\x1b[31mred\x7f\xc2\x85\xc2\x9f end");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", fixture->pdf);
  g_test_message ("%s", text);
  assert_in_order (text, expected);
}

/* No copy of the report (the delegate's notes) is left behind where it was printed before
 * being put in place, whether the export worked or not; while it is printed, it is in the
 * app's own folder of the user's runtime folder, readable by them alone, not in /tmp (until 4
 * December a crash while printing left it there, on the disk, until a reboot). */
static void
assert_no_copy_left (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    g_assert_false (g_str_has_suffix (name, ".pdf") &&
                    (g_str_has_prefix (name, "report-") || g_str_has_prefix (name, "delegate-")));
}

/* At each page printed: the file it goes to, in the runtime folder, for the user alone. */
static gboolean
printing_cb (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint *found = user_data;
  GStatBuf st;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *file = g_build_filename (folder, name, NULL);

      g_assert_true (g_str_has_prefix (name, "report-"));
      g_assert_cmpint (g_stat (file, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      (*found)++;
    }
  return TRUE;
}

static void
test_no_copy_left (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);
  gpointer klass = g_type_class_ref (GTK_TYPE_PRINT_OPERATION);
  guint signal_id = g_signal_lookup ("draw-page", GTK_TYPE_PRINT_OPERATION);
  guint found = 0;
  gulong hook;

  add_note (notes, DLG_NOTE_FREE, NULL, "Travel", "Flight home on Friday.");
  g_assert_true (dlg_notes_save (fixture->store, notes, &error));

  hook = g_signal_add_emission_hook (signal_id, 0, printing_cb, &found, NULL);
  g_assert_true (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                          fixture->pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found, >, 0);
  assert_no_copy_left (folder);
  assert_no_copy_left (g_get_tmp_dir ());

  g_assert_false (dlg_report_print_export (fixture->feed, fixture->store, NULL, NULL,
                                           unwritable, &error));
  g_assert_nonnull (error);
  assert_no_copy_left (folder);
  assert_no_copy_left (g_get_tmp_dir ());

  g_signal_remove_emission_hook (signal_id, hook);
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime = NULL;
  g_autofree char *tmp = NULL;
  int status;

  /* English month names and headings whatever the machine's locale. */
  setlocale (LC_ALL, "C.UTF-8");
  gtk_disable_setlocale ();
  /* A runtime folder and a temporary folder of this run's own, to look into. */
  tmp = g_strdup ("/tmp/delegate-report-pdf-tmp-XXXXXX");
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  runtime = g_dir_make_tmp ("runtime-XXXXXX", NULL);
  g_assert_nonnull (runtime);
  runtime_folder_use (runtime);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add ("/notes/report-pdf/no-copy-left", Fixture, NULL,
              fixture_set_up, test_no_copy_left, fixture_tear_down);
  g_test_add ("/notes/report-pdf/disk-full", Fixture, NULL,
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/notes/report-pdf/control-characters", Fixture, NULL,
              fixture_set_up, test_control_characters, fixture_tear_down);
  g_test_add ("/notes/report-pdf/sections", Fixture, NULL,
              fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/notes/report-pdf/gone-item", Fixture, "after.json",
              fixture_set_up, test_gone_item, fixture_tear_down);
  g_test_add ("/notes/report-pdf/metadata", Fixture, NULL,
              fixture_set_up, test_metadata, fixture_tear_down);
  g_test_add ("/notes/report-pdf/long-note", Fixture, NULL,
              fixture_set_up, test_long_note, fixture_tear_down);
  g_test_add ("/notes/report-pdf/bold-italics", Fixture, NULL,
              fixture_set_up, test_bold_italics, fixture_tear_down);
  g_test_add ("/notes/report-pdf/note-headings", Fixture, NULL,
              fixture_set_up, test_note_headings, fixture_tear_down);
  g_test_add ("/notes/report-pdf/markdown", Fixture, NULL,
              fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/notes/report-pdf/nested-list", Fixture, NULL,
              fixture_set_up, test_nested_list, fixture_tear_down);
  g_test_add ("/notes/report-pdf/list-paragraphs", Fixture, NULL,
              fixture_set_up, test_list_paragraphs, fixture_tear_down);
  g_test_add ("/notes/report-pdf/tba-and-quotes", Fixture, "tba.json",
              fixture_set_up, test_tba_and_quotes, fixture_tear_down);

  status = g_test_run ();
  runtime_folder_remove (tmp);
  return status;
}
