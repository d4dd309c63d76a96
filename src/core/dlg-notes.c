/* dlg-notes.c: the delegate's notes in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-notes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-notes.h"
#include "dlg-store-private.h"

static gboolean
sqlite_error (sqlite3  *db,
              GError  **error)
{
  g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
               _("Your notes could not be saved: %s"),
               dlg_store_sqlite_reason (db, sqlite3_extended_errcode (db)));
  return FALSE;
}

/* A column of the version modified later, in an upsert (every SET reads the row before). */
#define NEWER(column) \
  "CASE WHEN excluded.modified > notes.modified THEN excluded." column " ELSE notes." column " END"

static gboolean
write_notes (sqlite3    *db,
             GPtrArray  *notes,
             GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_error (db, error);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO notes "
                          "(id, event_id, kind, key, title, body, created, modified, deleted, "
                          " item_title) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                          /* The text of the later version; the item's name as last seen
                           * whatever the version (it changes no "modified"), unless unknown. */
                          "ON CONFLICT (id) DO UPDATE SET "
                          "title = " NEWER ("title") ", body = " NEWER ("body") ", "
                          "deleted = " NEWER ("deleted") ", "
                          "modified = max (excluded.modified, notes.modified), "
                          "item_title = coalesce (excluded.item_title, notes.item_title) "
                          "WHERE excluded.modified > notes.modified "
                          "OR (excluded.item_title IS NOT NULL AND excluded.item_title IS NOT notes.item_title)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;

  for (guint i = 0; i < notes->len; i++)
    {
      DlgNote *note = g_ptr_array_index (notes, i);

      sqlite3_reset (stmt);
      dlg_store_bind_text (stmt, 1, dlg_note_get_id (note));
      dlg_store_bind_text (stmt, 2, dlg_note_get_event_id (note));
      dlg_store_bind_text (stmt, 3, dlg_note_kind_to_string (dlg_note_get_kind (note)));
      dlg_store_bind_text (stmt, 4, dlg_note_get_key (note));
      dlg_store_bind_text (stmt, 5, dlg_note_get_title (note));
      dlg_store_bind_text (stmt, 6, dlg_note_get_body (note));
      sqlite3_bind_int64 (stmt, 7, dlg_note_get_created (note));
      sqlite3_bind_int64 (stmt, 8, dlg_note_get_modified (note));
      sqlite3_bind_int (stmt, 9, dlg_note_get_deleted (note) ? 1 : 0);
      dlg_store_bind_text (stmt, 10, dlg_note_get_item_title (note));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;
  return TRUE;

failed:
  sqlite_error (db, error);
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
dlg_notes_save (DlgStore   *self,
                GPtrArray  *notes,
                GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (notes != NULL, FALSE);

  if (notes->len == 0)
    return TRUE;

  /* A store in memory, the file not opened at start: the notes go to the file first, or
   * stay unsaved, the delegate told why. */
  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(DlgStore) keeper = dlg_store_dup_keeper (self, &local_error);

    if (local_error != NULL)
      {
        g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
                     _("Your notes could not be saved: %s"), local_error->message);
        return FALSE;
      }
    if (keeper != NULL && !dlg_notes_save (keeper, notes, error))
      return FALSE;
  }

  ok = write_notes (dlg_store_lock (self), notes, error);
  dlg_store_unlock (self);
  return ok;
}

static DlgNote *
read_note (sqlite3_stmt *stmt)
{
  DlgNoteKind kind = DLG_NOTE_FREE;
  DlgNote *note;

  if (!dlg_note_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind))
    kind = DLG_NOTE_FREE;
  note = dlg_note_new_full ((const char *) sqlite3_column_text (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1),
                            kind,
                            (const char *) sqlite3_column_text (stmt, 3),
                            (const char *) sqlite3_column_text (stmt, 4),
                            (const char *) sqlite3_column_text (stmt, 5),
                            sqlite3_column_int64 (stmt, 6),
                            sqlite3_column_int64 (stmt, 7),
                            sqlite3_column_int (stmt, 8) != 0);
  dlg_note_set_item_title (note, (const char *) sqlite3_column_text (stmt, 9));
  return note;
}

#define NOTE_COLUMNS "id, event_id, kind, key, title, body, created, modified, deleted, " \
                     "item_title"

GPtrArray *
dlg_notes_list (DlgStore    *self,
                const char  *event_id,
                gboolean     with_deleted,
                GError     **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DlgStore) keeper = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  /* A store in memory whose file opened since: the file has every note, those written
   * before this start too (for the report), and every note saved since. */
  keeper = dlg_store_peek_keeper (self);
  if (keeper != NULL)
    return dlg_notes_list (keeper, event_id, with_deleted, error);

  db = dlg_store_lock (self);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT " NOTE_COLUMNS " FROM notes "
                           "WHERE (?1 IS NULL OR event_id = ?1) AND (?2 OR NOT deleted) "
                           "ORDER BY modified DESC, rowid DESC",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      dlg_store_bind_text (stmt, 1, event_id);
      sqlite3_bind_int (stmt, 2, with_deleted ? 1 : 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (notes, read_note (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
                   _("Your notes could not be read: %s"),
                   dlg_store_sqlite_reason (db, sqlite3_extended_errcode (db)));
      g_clear_pointer (&notes, g_ptr_array_unref);
    }
  sqlite3_finalize (stmt);
  dlg_store_unlock (self);

  return g_steal_pointer (&notes);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 ma = dlg_note_get_modified (*(DlgNote * const *) a);
  gint64 mb = dlg_note_get_modified (*(DlgNote * const *) b);

  return ma < mb ? 1 : ma > mb ? -1 : 0;
}

GPtrArray *
dlg_notes_list_with_unsaved (DlgStore    *self,
                             const char  *event_id,
                             gboolean     with_deleted,
                             GPtrArray   *unsaved,
                             GError     **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) newer = NULL;
  GPtrArray *notes;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  /* The store's deleted copies too: an unsaved edit may bring one back (Undo). */
  stored = dlg_notes_list (self, event_id, TRUE, error);
  if (stored == NULL)
    return NULL;
  if (unsaved == NULL || unsaved->len == 0)
    {
      notes = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < stored->len; i++)
        if (with_deleted || !dlg_note_get_deleted (g_ptr_array_index (stored, i)))
          g_ptr_array_add (notes, g_object_ref (g_ptr_array_index (stored, i)));
      return notes;
    }

  newer = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < unsaved->len; i++)
    {
      DlgNote *note = g_ptr_array_index (unsaved, i);

      /* Of two versions of a note, the later one, as dlg_notes_save() keeps it. */
      DlgNote *other = g_hash_table_lookup (newer, dlg_note_get_id (note));

      if (other == NULL || dlg_note_get_modified (note) > dlg_note_get_modified (other))
        g_hash_table_insert (newer, (gpointer) dlg_note_get_id (note), note);
    }

  notes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stored->len; i++)
    {
      DlgNote *note = g_ptr_array_index (stored, i);
      DlgNote *live = g_hash_table_lookup (newer, dlg_note_get_id (note));

      if (live != NULL)
        {
          g_hash_table_remove (newer, dlg_note_get_id (note));
          if (dlg_note_get_modified (live) >= dlg_note_get_modified (note))
            note = live;
        }
      if ((with_deleted || !dlg_note_get_deleted (note)) &&
          (event_id == NULL || g_strcmp0 (dlg_note_get_event_id (note), event_id) == 0))
        g_ptr_array_add (notes, g_object_ref (note));
    }

  g_hash_table_iter_init (&iter, newer);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if ((with_deleted || !dlg_note_get_deleted (value)) &&
        (event_id == NULL || g_strcmp0 (dlg_note_get_event_id (value), event_id) == 0))
      g_ptr_array_add (notes, g_object_ref (value));

  g_ptr_array_sort (notes, newest_first);
  return notes;
}

DlgNote *
dlg_notes_lookup (DlgStore   *self,
                  const char *id)
{
  DlgNote *note = NULL;
  g_autoptr(DlgStore) keeper = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* As dlg_notes_list() reads them. */
  keeper = dlg_store_peek_keeper (self);
  if (keeper != NULL)
    return dlg_notes_lookup (keeper, id);

  db = dlg_store_lock (self);
  if (sqlite3_prepare_v2 (db, "SELECT " NOTE_COLUMNS " FROM notes WHERE id = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      dlg_store_bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        note = read_note (stmt);
    }
  sqlite3_finalize (stmt);
  dlg_store_unlock (self);

  return note;
}

char *
dlg_notes_pending_event_id (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_strconcat ("pending:", url, NULL);
}

gboolean
dlg_notes_adopt_locked (sqlite3     *db,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "UPDATE notes SET event_id = ?2 WHERE event_id = ?1",
                           -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      dlg_store_bind_text (stmt, 1, from);
      dlg_store_bind_text (stmt, 2, to);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  if (!ok)
    sqlite_error (db, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
dlg_notes_adopt (DlgStore    *self,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  ok = dlg_notes_adopt_locked (dlg_store_lock (self), from, to, error);
  dlg_store_unlock (self);
  return ok;
}
