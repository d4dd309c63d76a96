/* report-odt-writer.c: writes the trip report of the notes fixture as an .odt file, for
 * check-report-odt.py to read with independent readers
 *
 * report-odt-writer FIXTURE-DIR OUTPUT.odt: the store is made in a temporary folder, with a
 * star, notes like test-report's, one whose list item has paragraphs of its own, and one
 * note holding what a word processor must show as typed: markup, an unsafe link, indents,
 * tabs, line breaks and control characters (C0, DEL and C1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "report-odt-writer"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "dlg-notes.h"
#include "dlg-report-odt.h"
#include "fixture-notes.h"


int
main (int    argc,
      char **argv)
{
  static const char * const english[] = { "en", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *fixture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) odt = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  if (argc != 3)
    {
      g_printerr ("usage: report-odt-writer FIXTURE-DIR OUTPUT.odt\n");
      return 2;
    }

  dir = g_dir_make_tmp ("delegate-report-odt-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "delegate.db", NULL);
  store = dlg_store_open (db, NULL, &error);
  g_assert_no_error (error);
  fixture = g_build_filename (argv[1], "before.json", NULL);
  file = g_file_new_for_path (fixture);
  feed = dlg_feed_new_from_file (file, english, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (dlg_store_set_starred (store, "notes-fixture", "s1", TRUE, &error));
  add_note (notes, DLG_NOTE_SESSION, "s2", "Waste",
            "Banks pay **cash**, *weekly*, see [the guide](https://example.org/guide?a=1&b=2).\n"
            "\n"
            "- ask Kupang\n"
            "- visit the bank\n"
            "\n"
            "3. budget\n"
            "4. staff\n"
            "\n"
            "> Every village has one.\n"
            "\n"
            "## Follow-up\n"
            "\n"
            "7. call the bank\n"
            "9. visit again\n"
            "\n"
            "Write to <mailto:bank@example.org> or see <https://example.org/bank>.\n"
            "\n"
            "Ask [the bank](https://example.org/bank/ask \"Bank Sampah\").\n"
            "\n"
            "Read _<https://example.org/Bank_(sampah)>_, [the rules](https://example.org/rules "
            "\"Rules (2019\") and mail <bank.sampah@example.org>.");
  add_note (notes, DLG_NOTE_PRACTICE, "p1", "",
            "Copy this in our city.\n"
            "\n"
            "- Perlu SDM\n"
            "  - pelatihan ASN\n"
            "    1. kontrak 1 tahun\n"
            "    2. evaluasi\n"
            "  - anggaran\n"
            "- Perlu regulasi");
  /* An item's later paragraphs, around a list nested in it, and the list going on. */
  add_note (notes, DLG_NOTE_MEMBER, "kupang", "Parking",
            "1. Smart parking\n"
            "\n"
            "   It cut queues by half.\n"
            "   - fines\n"
            "\n"
            "   The city kept the fines.\n"
            "2. Bike lanes\n"
            "\n"
            "After the list.");
  add_note (notes, DLG_NOTE_FREE, NULL, "Typed <as is> & \"quoted\"",
            "<b>not bold</b> &amp; [run](javascript:alert(1)) `code`\n"
            "line two\n"
            "   indented\tafter a tab  two spaces\n"
            "bell\a here\x01 and\x1f there\x7f, \xc2\x85" "and no more");
  g_assert_true (dlg_notes_save (store, notes, &error));
  g_assert_no_error (error);

  odt = dlg_report_odt (feed, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (argv[2], g_bytes_get_data (odt, NULL),
                                      g_bytes_get_size (odt), &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (db, suffix[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
