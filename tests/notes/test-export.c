/* test-export.c: personal data (stars and notes) moved to another laptop:
 * the round trip, importing twice, and a newer edit winning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "dlg-file.h"
#include "dlg-notes.h"
#include "dlg-notes-export.h"

typedef struct
{
  char     *dir;
  DlgStore *store;
} Laptop;

static void
laptop_open (Laptop *laptop)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  laptop->dir = g_dir_make_tmp ("delegate-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (laptop->dir, "delegate.db", NULL);
  laptop->store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
}

static void
laptop_close (Laptop *laptop)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&laptop->store);
  dir = g_dir_open (laptop->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (laptop->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (laptop->dir);
  g_free (laptop->dir);
}

static void
save (DlgStore *store,
      DlgNote  *note)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (store, notes, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  Laptop a = { NULL, }, b = { NULL, };
  g_autoptr(DlgNote) n1 = dlg_note_new ("e1", DLG_NOTE_SESSION, "s1");
  g_autoptr(DlgNote) n2 = dlg_note_new ("e2", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) gone = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) newer = NULL;
  g_autoptr(DlgNote) found = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_auto(GStrv) stars = NULL;
  guint n_stars = 0, n_notes = 0;

  laptop_open (&a);
  laptop_open (&b);

  dlg_note_set_title (n1, "Opening");
  dlg_note_set_item_title (n1, "Opening ceremony");
  dlg_note_set_body (n1, "Línea 1\n\"quoted\" <b>not markup</b> ✓");
  dlg_note_set_body (n2, "another event");
  dlg_note_set_body (gone, "deleted");
  dlg_note_set_deleted (gone, TRUE);
  save (a.store, n1);
  save (a.store, n2);
  save (a.store, gone);
  g_assert_true (dlg_store_set_starred (a.store, "e1", "s1", TRUE, &error));
  g_assert_true (dlg_store_set_starred (a.store, "e2", "x", TRUE, &error));

  json = dlg_notes_export_json (a.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json);

  /* Round trip: everything arrives, deleted notes as deleted. */
  g_assert_true (dlg_notes_import_json (b.store, json, -1, &n_stars, &n_notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_stars, ==, 2);
  g_assert_cmpuint (n_notes, ==, 3);
  found = dlg_notes_lookup (b.store, dlg_note_get_id (n1));
  g_assert_cmpstr (dlg_note_get_body (found), ==, dlg_note_get_body (n1));
  g_assert_cmpstr (dlg_note_get_title (found), ==, "Opening");
  g_assert_cmpstr (dlg_note_get_key (found), ==, "s1");
  /* The session's name moves with the note: the report names it even once it is gone. */
  g_assert_cmpstr (dlg_note_get_item_title (found), ==, "Opening ceremony");
  g_assert_cmpint (dlg_note_get_modified (found), ==, dlg_note_get_modified (n1));
  g_assert_cmpint (dlg_note_get_created (found), ==, dlg_note_get_created (n1));
  g_clear_object (&found);
  listed = dlg_notes_list (b.store, "e1", FALSE, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  stars = dlg_store_list_starred (b.store, "e1");
  g_assert_cmpuint (g_strv_length (stars), ==, 1);
  g_clear_pointer (&stars, g_strfreev);

  /* Twice: nothing duplicated, the export of B equals that of A. */
  g_assert_true (dlg_notes_import_json (b.store, json, -1, NULL, NULL, &error));
  listed = dlg_notes_list (b.store, NULL, TRUE, &error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_clear_pointer (&listed, g_ptr_array_unref);
  stars = dlg_store_list_starred (b.store, "e2");
  g_assert_cmpuint (g_strv_length (stars), ==, 1);
  again = dlg_notes_export_json (b.store, NULL, &error);
  g_assert_cmpstr (again, ==, json);

  /* A newer edit on B wins over the older file; the newer file wins on A. */
  newer = dlg_notes_lookup (b.store, dlg_note_get_id (n1));
  dlg_note_set_body (newer, "edited on the second laptop");
  save (b.store, newer);
  g_assert_true (dlg_notes_import_json (b.store, json, -1, NULL, NULL, &error));
  found = dlg_notes_lookup (b.store, dlg_note_get_id (n1));
  g_assert_cmpstr (dlg_note_get_body (found), ==, "edited on the second laptop");
  g_clear_object (&found);
  g_clear_pointer (&again, g_free);
  again = dlg_notes_export_json (b.store, NULL, &error);
  g_assert_true (dlg_notes_import_json (a.store, again, -1, NULL, NULL, &error));
  found = dlg_notes_lookup (a.store, dlg_note_get_id (n1));
  g_assert_cmpstr (dlg_note_get_body (found), ==, "edited on the second laptop");

  laptop_close (&a);
  laptop_close (&b);
}

static void
test_invalid (void)
{
  Laptop a = { NULL, };
  const char *bad[] = {
    "not json",
    "[]",
    "{\"delegate_feed\": 1}",
    "{\"delegate_personal_data\": 2}",
    "{\"delegate_personal_data\": 1, \"notes\": [{\"id\": \"x\"}]}",
    "{\"delegate_personal_data\": 1, \"stars\": [{\"event_id\": \"e\"}]}",
  };

  laptop_open (&a);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) listed = NULL;

      g_assert_false (dlg_notes_import_json (a.store, bad[i], -1, NULL, NULL, &error));
      g_assert_nonnull (error);
      listed = dlg_notes_list (a.store, NULL, TRUE, NULL);
      g_assert_cmpuint (listed->len, ==, 0);
    }
  laptop_close (&a);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  guint      n_stars;
  guint      n_notes;
  GError    *error;
} Imported;

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Imported *imported = user_data;

  imported->ok = dlg_notes_import_file_finish (DLG_STORE (object), result, &imported->n_stars,
                                               &imported->n_notes, &imported->error);
  g_main_loop_quit (imported->loop);
}

/* Imports @path as the Import menu item does, the main loop turning meanwhile. */
static gboolean
import_file (DlgStore    *store,
             const char  *path,
             guint       *n_notes,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Imported imported = { g_main_loop_new (NULL, FALSE), };

  dlg_notes_import_file_async (store, file, NULL, imported_cb, &imported);
  g_main_loop_run (imported.loop);
  g_main_loop_unref (imported.loop);
  if (n_notes != NULL)
    *n_notes = imported.n_notes;
  if (imported.error != NULL)
    g_propagate_error (error, imported.error);
  return imported.ok;
}

static void
stars_changed_cb (DlgStore   *store,
                  const char *event_id,
                  gpointer    user_data)
{
  GThread **thread = user_data;

  *thread = g_thread_self ();
}

/* The file chooser hands over whatever the delegate picked. A file exported on another laptop
 * arrives whole; a device, a pipe (which would never end: the window waited on it) or a huge
 * file chosen by mistake is refused in plain words, and nothing is imported. */
static void
test_import_file (void)
{
  Laptop a = { NULL, }, b = { NULL, };
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *huge = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(DlgNote) found = NULL;
  guint n_notes = 0;
  FILE *out;

  GThread *signalled = NULL;

  laptop_open (&a);
  laptop_open (&b);
  dlg_note_set_body (note, "Banyuwangi: one-stop service in every village");
  save (a.store, note);
  g_assert_true (dlg_store_set_starred (a.store, "e1", "s1", TRUE, &error));
  json = dlg_notes_export_json (a.store, NULL, &error);
  g_assert_no_error (error);
  exported = g_build_filename (b.dir, "personal-data.json", NULL);
  g_assert_true (g_file_set_contents (exported, json, -1, &error));

  fifo = g_build_filename (b.dir, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  huge = g_build_filename (b.dir, "disk-image.json", NULL);
  out = g_fopen (huge, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, DLG_FILE_MAX_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', out), ==, '}');
  fclose (out);

  g_assert_false (import_file (b.store, "/dev/zero", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);
  g_assert_false (import_file (b.store, fifo, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (import_file (b.store, huge, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);
  listed = dlg_notes_list (b.store, NULL, TRUE, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* The panes hear of the new stars on the main thread, where GTK is: the file is read in a
   * worker, the store written where the import was asked for. */
  g_signal_connect (b.store, "stars-changed", G_CALLBACK (stars_changed_cb), &signalled);
  g_assert_true (import_file (b.store, exported, &n_notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_true (signalled == g_thread_self ());
  g_assert_true (dlg_store_is_starred (b.store, "e1", "s1"));
  found = dlg_notes_lookup (b.store, dlg_note_get_id (note));
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_body (found), ==, "Banyuwangi: one-stop service in every village");

  laptop_close (&a);
  laptop_close (&b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/export/round-trip", test_round_trip);
  g_test_add_func ("/notes/export/invalid", test_invalid);
  g_test_add_func ("/notes/export/import-file", test_import_file);

  return g_test_run ();
}
