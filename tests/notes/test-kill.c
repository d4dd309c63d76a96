/* test-kill.c: kill -9 right after an autosave loses no saved character
 *
 * A child (note-writer) types a note through the app's save path; once it
 * reported its third save, it is killed with SIGKILL in the middle of
 * typing.  The store, reopened, must hold at least every character of
 * the last reported save, exactly as typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-kill"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

#include "dlg-notes.h"

static char *
expected_text (guint words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < words; i++)
    g_string_append_printf (text, "word%u ", i);
  return g_string_free (text, FALSE);
}

static void
test_kill (void)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "notes", "note-writer", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("delegate-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *id = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(DlgNote) note = NULL;
  g_autofree char *all = expected_text (1000);
  gsize saved = 0;
  guint n_saved = 0;

  g_assert_no_error (error);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, writer, path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  while (n_saved < 3)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "id "))
        id = g_strdup (line + 3);
      else if (g_str_has_prefix (line, "saved "))
        {
          saved = g_ascii_strtoull (line + 6, NULL, 10);
          n_saved++;
        }
    }

  /* The writer is typing the next words now. */
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  g_assert_nonnull (id);
  store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  note = dlg_notes_lookup (store, id);
  g_assert_nonnull (note);
  g_test_message ("reported %zu characters saved; the store has %zu",
                  saved, strlen (dlg_note_get_body (note)));
  g_assert_cmpuint (saved, >, 0);
  g_assert_cmpuint (strlen (dlg_note_get_body (note)), >=, saved);
  g_assert_true (g_str_has_prefix (all, dlg_note_get_body (note)));

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/kill", test_kill);

  return g_test_run ();
}
