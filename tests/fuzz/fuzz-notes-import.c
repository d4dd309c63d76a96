/* fuzz-notes-import.c: the personal-data import (stars and notes)
 *
 * Into a real store: one SQLite file in a temporary directory made once
 * per process, emptied before each input.  Any bytes: success and no
 * error, or an error and nothing wrong with the store.  What an import
 * brought exports as valid UTF-8; importing the same file again, or that
 * export, changes nothing (the header's promise: "importing twice
 * changes nothing").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "dlg-notes-export.h"
#include "dlg-store-private.h"
#include "fuzz-common.h"

static char *tmp_dir;
static char *db_path;
static DlgStore *store;

static void
remove_store (void)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);

  g_clear_object (&store);
  g_remove (wal);
  g_remove (shm);
  g_remove (journal);
  g_remove (db_path);
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  tmp_dir = g_dir_make_tmp ("delegate-fuzz-XXXXXX", &error);
  if (tmp_dir == NULL)
    fuzz_fail ("no temporary directory: %s", error->message);
  db_path = g_build_filename (tmp_dir, "delegate.db", NULL);
  store = dlg_store_open (db_path, NULL, &error);
  if (store == NULL)
    fuzz_fail ("cannot open the store: %s", error->message);
  atexit (remove_store);
  return 0;
}

static void
empty_store (void)
{
  sqlite3 *db = dlg_store_lock (store);
  char *message = NULL;

  if (sqlite3_exec (db, "DELETE FROM notes; DELETE FROM stars;", NULL, NULL, &message) != SQLITE_OK)
    fuzz_fail ("cannot empty the store: %s", message);
  dlg_store_unlock (store);
}

static char *
export (void)
{
  g_autoptr(GError) error = NULL;
  char *json = dlg_notes_export_json (store, NULL, &error);

  fuzz_check_outcome ("dlg_notes_export_json", json != NULL, error);
  fuzz_check_utf8 ("export", json, FALSE);
  return json;
}

static void
import_again (const char *what,
              const char *data,
              gssize      length,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gboolean ok = dlg_notes_import_json (store, data, length, NULL, NULL, &error);

  if (!ok)
    fuzz_fail ("%s: failed: %s", what, error != NULL ? error->message : "(no error)");
  json = export ();
  if (!g_str_equal (json, expected))
    fuzz_fail ("%s: changed the store\nbefore: %s\nafter:  %s", what, expected, json);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  guint n_stars = G_MAXUINT, n_notes = G_MAXUINT;
  gboolean ok;

  empty_store ();
  ok = dlg_notes_import_json (store, (const char *) data, size, &n_stars, &n_notes, &error);
  fuzz_check_outcome ("dlg_notes_import_json", ok, error);
  if (!ok)
    return 0;
  if (n_stars == G_MAXUINT || n_notes == G_MAXUINT)
    fuzz_fail ("dlg_notes_import_json: succeeded without counts");

  first = export ();
  import_again ("importing the same file again", (const char *) data, size, first);
  import_again ("importing the export", first, -1, first);
  return 0;
}
