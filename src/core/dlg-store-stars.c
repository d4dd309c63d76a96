/* dlg-store-stars.c: the delegate's stars in the store, and those it could not write
 *
 * A star is one small write on the main loop.  When the file refuses it (a full disk, a file
 * that may not be written), the star still takes: the store keeps the change in memory, where
 * every reader of the stars (the agenda, "My schedule", the reminders, the report, the
 * personal-data export) finds it, says why in "stars-error", and tries again every few
 * seconds and at the next star.  A kill or a crash before the disk has room again would take
 * what memory holds: each failure also writes the unsaved stars to a file in the user's
 * runtime folder (a tmpfs, which a full disk does not fill, readable by the user alone), and
 * the next start writes them into the store, as the notes' saver does (dlg-note-saver.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dlg-store-internal.h"

/* Between two tries of the stars the file refused. */
#define STARS_RETRY_SECONDS 5

typedef struct
{
  char     *event_id;
  char     *session_key;
  gboolean  starred;
} UnsavedStar;

static void
unsaved_star_free (gpointer data)
{
  UnsavedStar *star = data;

  g_free (star->event_id);
  g_free (star->session_key);
  g_free (star);
}

GPtrArray *
dlg_store_new_unsaved_stars (void)
{
  return g_ptr_array_new_with_free_func (unsaved_star_free);
}

static UnsavedStar *
find_unsaved (DlgStore   *self,
              const char *event_id,
              const char *session_key,
              guint      *index)
{
  for (guint i = 0; i < self->unsaved_stars->len; i++)
    {
      UnsavedStar *star = g_ptr_array_index (self->unsaved_stars, i);

      if (g_str_equal (star->event_id, event_id) && g_str_equal (star->session_key, session_key))
        {
          if (index != NULL)
            *index = i;
          return star;
        }
    }
  return NULL;
}

static void
keep_unsaved (DlgStore   *self,
              const char *event_id,
              const char *session_key,
              gboolean    starred)
{
  UnsavedStar *star = find_unsaved (self, event_id, session_key, NULL);

  if (star == NULL)
    {
      star = g_new0 (UnsavedStar, 1);
      star->event_id = g_strdup (event_id);
      star->session_key = g_strdup (session_key);
      g_ptr_array_add (self->unsaved_stars, star);
    }
  star->starred = starred;
}

/* Whether the file has the star (FALSE too when it cannot be read: the agenda shows it
 * unstarred, as it did before this store kept stars it could not write). */
static gboolean
stored_locked (DlgStore   *self,
               const char *event_id,
               const char *session_key)
{
  sqlite3_stmt *stmt;
  gboolean starred = FALSE;

  stmt = dlg_store_prepare (self, "SELECT 1 FROM stars WHERE event_id = ?1 AND session_key = ?2",
                            NULL);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, event_id);
      dlg_store_bind_text (stmt, 2, session_key);
      starred = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
    }
  return starred;
}

static gboolean
starred_locked (DlgStore   *self,
                const char *event_id,
                const char *session_key)
{
  UnsavedStar *star = find_unsaved (self, event_id, session_key, NULL);

  return star != NULL ? star->starred : stored_locked (self, event_id, session_key);
}

static gboolean
write_locked (DlgStore    *self,
              const char  *event_id,
              const char  *session_key,
              gboolean     starred,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (starred)
    stmt = dlg_store_prepare (self,
                              "INSERT OR IGNORE INTO stars (event_id, session_key, starred_at) "
                              "VALUES (?1, ?2, ?3)", error);
  else
    stmt = dlg_store_prepare (self, "DELETE FROM stars WHERE event_id = ?1 AND session_key = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  dlg_store_bind_text (stmt, 1, event_id);
  dlg_store_bind_text (stmt, 2, session_key);
  if (starred)
    sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return dlg_store_step_done (self, stmt, error);
}

/* The stars kept in memory written to the file, as far as it takes them, oldest first. */
static gboolean
write_unsaved_locked (DlgStore  *self,
                      GError   **error)
{
  while (self->unsaved_stars->len > 0)
    {
      UnsavedStar *star = g_ptr_array_index (self->unsaved_stars, 0);

      if (!write_locked (self, star->event_id, star->session_key, star->starred, error))
        return FALSE;
      g_ptr_array_remove_index (self->unsaved_stars, 0);
    }
  return TRUE;
}

/* --- the unsaved stars' file in the runtime folder ------------------------ */

/* One file per data file, named by a digest of its path: a store in memory for a file that
 * could not be opened (dlg_store_open_in_memory_for()) keeps the stars in that file's, for the
 * start that opens it to write them in; none for a mere store in memory. */
static char *
rescue_path (DlgStore *self)
{
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  gboolean in_memory;
  const char *path = dlg_store_get_file_path (self, &in_memory);

  if (g_str_equal (path, ":memory:"))
    return NULL;
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  name = g_strdup_printf ("unsaved-stars-%.16s.json", digest);
  return g_build_filename (g_get_user_runtime_dir (), "delegate", name, NULL);
}

/* Called with the lock held: the unsaved stars read as they are now. */
static void
write_rescue_locked (DlgStore *self)
{
  g_autofree char *path = rescue_path (self);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  if (self->unsaved_stars->len == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
      self->stars_rescue_failed = FALSE;
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stars");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->unsaved_stars->len; i++)
    {
      UnsavedStar *star = g_ptr_array_index (self->unsaved_stars, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "event_id");
      json_builder_add_string_value (builder, star->event_id);
      json_builder_set_member_name (builder, "session_key");
      json_builder_add_string_value (builder, star->session_key);
      json_builder_set_member_name (builder, "starred");
      json_builder_add_boolean_value (builder, star->starred);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Could not keep the unsaved stars in %s: %s", path,
                 error != NULL ? error->message : g_strerror (errno));
      self->stars_rescue_failed = TRUE;
    }
  else
    self->stars_rescue_failed = FALSE;
}

static gboolean retry_cb (gpointer user_data);

/* After a write of the stars, with the lock held: the error, the file in the runtime folder
 * and the next try follow what is still unsaved.  Whether "stars-error" changed. */
static gboolean
settle_locked (DlgStore     *self,
               const GError *error)
{
  const char *message = self->unsaved_stars->len > 0 && error != NULL ? error->message : NULL;
  gboolean changed = g_strcmp0 (message, self->stars_error) != 0;

  if (changed)
    {
      /* Once per problem: the tries would repeat it every few seconds. */
      if (message != NULL)
        g_warning ("%s", message);
      g_free (self->stars_error);
      self->stars_error = g_strdup (message);
    }
  if (self->unsaved_stars->len > 0 || self->stars_rescued)
    {
      write_rescue_locked (self);
      self->stars_rescued = self->unsaved_stars->len > 0;
    }
  /* A store in memory tries its file at quit and when a note's save opens it, not on a
   * timer: opening it may wait 5 s for another program, on the main loop. */
  if (self->unsaved_stars->len == 0 || self->keep_path != NULL)
    g_clear_handle_id (&self->stars_retry_id, g_source_remove);
  else if (self->stars_retry_id == 0)
    self->stars_retry_id = g_timeout_add_seconds (STARS_RETRY_SECONDS, retry_cb, self);
  return changed;
}

/* With the lock held, right after the write that failed. */
static void
set_error_locked (DlgStore  *self,
                  GError   **error)
{
  if (self->keep_path != NULL)
    {
      g_set_error_literal (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
                           _("Your stars are not saved yet: the file of your saved data could "
                             "not be opened"));
      return;
    }
  g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
               /* Translators: %s says why, e.g. "the disk is full" */
               _("Your stars could not be saved: %s"),
               dlg_store_sqlite_reason (self->db, sqlite3_extended_errcode (self->db)));
}

/* --- a store in memory for a file that could not be opened ---------------- */

/* The stars of a store in memory for a file that could not be opened at start are never
 * written into memory's tables, gone at the next start: they stay unsaved, in the runtime
 * folder's file too, until that file opens (at quit, or when a note's save opens it).  From then on the file's own store (the keeper) keeps them, and the functions below
 * hand every call on to it. */

/* The keeper, opened now if @open and it can be, with the stars kept meanwhile written into
 * it; NULL while the file stays closed, or for any other store.  A reference. */
static DlgStore *
hand_over (DlgStore *self,
           gboolean  open)
{
  g_autoptr(GPtrArray) unsaved = NULL;
  DlgStore *keeper;

  if (self->keep_path == NULL)
    return NULL;
  keeper = open ? dlg_store_dup_keeper (self, NULL) : dlg_store_peek_keeper (self);
  if (keeper == NULL)
    return NULL;

  g_mutex_lock (&self->mutex);
  unsaved = g_steal_pointer (&self->unsaved_stars);
  self->unsaved_stars = dlg_store_new_unsaved_stars ();
  g_clear_pointer (&self->stars_error, g_free);
  /* The runtime folder's file is the keeper's now (the same path): it opened by reading it
   * (dlg_store_recover_stars()), and rewrites or removes it as it saves. */
  self->stars_rescued = FALSE;
  g_clear_handle_id (&self->stars_retry_id, g_source_remove);
  g_mutex_unlock (&self->mutex);

  for (guint i = 0; i < unsaved->len; i++)
    {
      UnsavedStar *star = g_ptr_array_index (unsaved, i);

      /* Refused (a full disk), the keeper keeps it the same way. */
      dlg_store_set_starred (keeper, star->event_id, star->session_key, star->starred, NULL);
    }
  return keeper;
}

/* On the main thread, once the keeper is there: the panes hear of the stars the file already
 * held (written in a start before), of every event, and of why any are unsaved, once. */
static void
announce_keeper (DlgStore *self,
                 DlgStore *keeper)
{
  g_autoptr(GPtrArray) stars = NULL;
  g_autoptr(GHashTable) events = NULL;
  GHashTableIter iter;
  gpointer event_id;

  if (self->stars_keeper_announced)
    return;
  self->stars_keeper_announced = TRUE;

  stars = dlg_store_list_all_starred (keeper);
  events = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i + 1 < stars->len; i += 2)
    g_hash_table_add (events, g_ptr_array_index (stars, i));
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, &event_id, NULL))
    dlg_store_emit_stars_changed (self, event_id);
  dlg_store_notify_stars_error (self);
}

/* In a reader: the keeper's answer, once the file of a store in memory opened. */
#define FORWARD(call) \
  G_STMT_START { \
    g_autoptr(DlgStore) keeper = hand_over (self, FALSE); \
    if (keeper != NULL) \
      return call; \
  } G_STMT_END

void
dlg_store_stars_file_opened (DlgStore *self)
{
  g_autoptr(DlgStore) keeper = hand_over (self, FALSE);

  if (keeper != NULL)
    announce_keeper (self, keeper);
}

/* A change of the keeper's stars error, told by @self, whose "notify" the panes follow. */
static void
keeper_error_changed (DlgStore   *self,
                      DlgStore   *keeper,
                      const char *before)
{
  if (g_strcmp0 (before, dlg_store_get_stars_error (keeper)) != 0)
    dlg_store_notify_stars_error (self);
}

gboolean
dlg_store_save_stars (DlgStore  *self,
                      GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok, changed;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);

  if (self->keep_path != NULL)
    {
      g_autoptr(DlgStore) keeper = NULL;

      /* Opening may wait 5 s for another program: only for stars that need it. */
      g_mutex_lock (&self->mutex);
      ok = self->unsaved_stars->len == 0;
      g_mutex_unlock (&self->mutex);
      keeper = hand_over (self, !ok);
      if (keeper == NULL && ok)
        return TRUE;
      if (keeper != NULL)
        {
          ok = dlg_store_save_stars (keeper, error);
          announce_keeper (self, keeper);
          return ok;
        }
    }

  g_mutex_lock (&self->mutex);
  dlg_store_keep_file_locked (self);
  /* Nothing is written into a store in memory's tables (see hand_over()). */
  ok = self->keep_path == NULL ? write_unsaved_locked (self, NULL)
                               : self->unsaved_stars->len == 0;
  if (!ok)
    set_error_locked (self, &local_error);
  changed = settle_locked (self, local_error);
  g_mutex_unlock (&self->mutex);

  if (changed)
    dlg_store_notify_stars_error (self);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static gboolean
retry_cb (gpointer user_data)
{
  DlgStore *self = user_data;

  self->stars_retry_id = 0;
  dlg_store_save_stars (self, NULL);
  return G_SOURCE_REMOVE;
}

gboolean
dlg_store_has_file (DlgStore *self)
{
  g_autoptr(DlgStore) keeper = NULL;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);

  if (self->keep_path == NULL)
    return TRUE;
  keeper = dlg_store_peek_keeper (self);
  return keeper != NULL;
}

const char *
dlg_store_get_stars_error (DlgStore *self)
{
  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  if (self->keep_path != NULL && self->stars_error == NULL)
    {
      g_autoptr(DlgStore) keeper = dlg_store_peek_keeper (self);

      /* The keeper lives as long as @self, which holds it. */
      if (keeper != NULL)
        return dlg_store_get_stars_error (keeper);
    }
  return self->stars_error;
}

char *
dlg_store_dup_stars_rescue_path (DlgStore *self,
                                 gboolean *kept)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (self->unsaved_stars->len > 0)
    {
      path = rescue_path (self);
      if (kept != NULL)
        *kept = path != NULL && self->stars_rescued && !self->stars_rescue_failed;
    }
  g_mutex_unlock (&self->mutex);
  return g_steal_pointer (&path);
}

void
dlg_store_recover_stars (DlgStore *self)
{
  g_autofree char *path = rescue_path (self);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *stars;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_warning ("Could not read the unsaved stars in %s: %s", path, error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "stars") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "stars")))
    {
      g_warning ("Could not read the unsaved stars in %s: not a list of stars", path);
      return;
    }
  stars = json_object_get_array_member (json_node_get_object (root), "stars");

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < json_array_get_length (stars); i++)
    {
      JsonNode *node = json_array_get_element (stars, i);
      JsonObject *star = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *event_id, *session_key;

      if (star == NULL)
        continue;
      event_id = json_object_get_string_member_with_default (star, "event_id", NULL);
      session_key = json_object_get_string_member_with_default (star, "session_key", NULL);
      if (event_id != NULL && session_key != NULL)
        keep_unsaved (self, event_id, session_key,
                      json_object_get_boolean_member_with_default (star, "starred", TRUE));
    }
  self->stars_rescued = TRUE;
  g_mutex_unlock (&self->mutex);

  /* Written now if the disk has room again; else kept, in memory and in the file, and told. */
  if (dlg_store_save_stars (self, NULL))
    g_message ("Saved the stars that a previous run could not save");
}

/* --- stars --------------------------------------------------------------- */

gboolean
dlg_store_set_starred (DlgStore    *self,
                       const char  *event_id,
                       const char  *session_key,
                       gboolean     starred,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean was, ok, changed;
  guint index;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  if (self->keep_path != NULL)
    {
      /* Not opened here: with another program holding the file, each star would wait 5 s
       * on the main loop.  Quit and a note's save open it (in a worker thread). */
      g_autoptr(DlgStore) keeper = hand_over (self, FALSE);

      if (keeper != NULL)
        {
          g_autofree char *before = g_strdup (dlg_store_get_stars_error (keeper));

          was = dlg_store_is_starred (keeper, event_id, session_key);
          ok = dlg_store_set_starred (keeper, event_id, session_key, starred, error);
          announce_keeper (self, keeper);
          keeper_error_changed (self, keeper, before);
          if (was != starred)
            dlg_store_emit_stars_changed (self, event_id);
          return ok;
        }
    }

  g_mutex_lock (&self->mutex);
  dlg_store_keep_file_locked (self);
  was = starred_locked (self, event_id, session_key);
  /* The stars the file refused before go first, so that they keep their order; a store in
   * memory writes none into its tables (see hand_over()). */
  ok = self->keep_path == NULL && write_unsaved_locked (self, NULL);
  if (ok)
    ok = write_locked (self, event_id, session_key, starred, NULL);
  if (ok)
    {
      if (find_unsaved (self, event_id, session_key, &index) != NULL)
        g_ptr_array_remove_index (self->unsaved_stars, index);
    }
  else
    {
      set_error_locked (self, &local_error);
      keep_unsaved (self, event_id, session_key, starred);
    }
  changed = settle_locked (self, local_error);
  g_mutex_unlock (&self->mutex);

  if (changed)
    dlg_store_notify_stars_error (self);
  if (was != starred)
    dlg_store_emit_stars_changed (self, event_id);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
dlg_store_is_starred (DlgStore   *self,
                      const char *event_id,
                      const char *session_key)
{
  gboolean starred;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  FORWARD (dlg_store_is_starred (keeper, event_id, session_key));

  g_mutex_lock (&self->mutex);
  starred = starred_locked (self, event_id, session_key);
  g_mutex_unlock (&self->mutex);

  return starred;
}

GStrv
dlg_store_list_starred (DlgStore   *self,
                        const char *event_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  FORWARD (dlg_store_list_starred (keeper, event_id));

  g_mutex_lock (&self->mutex);
  /* rowid breaks ties between stars made within one microsecond. */
  stmt = dlg_store_prepare (self,
                            "SELECT session_key FROM stars WHERE event_id = ?1 "
                            "ORDER BY starred_at, rowid", NULL);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, event_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          UnsavedStar *star = find_unsaved (self, event_id, key, NULL);

          g_hash_table_add (listed, g_strdup (key));
          if (star == NULL || star->starred)
            g_strv_builder_add (builder, key);
        }
      sqlite3_finalize (stmt);
    }
  /* The newest stars, which the file refused, last. */
  for (guint i = 0; i < self->unsaved_stars->len; i++)
    {
      UnsavedStar *star = g_ptr_array_index (self->unsaved_stars, i);

      if (star->starred && g_str_equal (star->event_id, event_id) &&
          !g_hash_table_contains (listed, star->session_key))
        g_strv_builder_add (builder, star->session_key);
    }
  g_mutex_unlock (&self->mutex);

  return g_strv_builder_end (builder);
}

GPtrArray *
dlg_store_list_all_starred (DlgStore *self)
{
  GPtrArray *stars = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DLG_IS_STORE (self), stars);

  {
    g_autoptr(DlgStore) keeper = hand_over (self, FALSE);

    if (keeper != NULL)
      {
        g_ptr_array_unref (stars);
        return dlg_store_list_all_starred (keeper);
      }
  }

  g_mutex_lock (&self->mutex);
  stmt = dlg_store_prepare (self, "SELECT event_id, session_key FROM stars "
                                  "ORDER BY starred_at, rowid", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *event_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      UnsavedStar *star = find_unsaved (self, event_id, key, NULL);

      if (star == NULL || star->starred)
        {
          g_ptr_array_add (stars, g_strdup (event_id));
          g_ptr_array_add (stars, g_strdup (key));
        }
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < self->unsaved_stars->len; i++)
    {
      UnsavedStar *star = g_ptr_array_index (self->unsaved_stars, i);

      if (star->starred && !stored_locked (self, star->event_id, star->session_key))
        {
          g_ptr_array_add (stars, g_strdup (star->event_id));
          g_ptr_array_add (stars, g_strdup (star->session_key));
        }
    }
  g_mutex_unlock (&self->mutex);
  return stars;
}

gboolean
dlg_store_set_starred_seen (DlgStore    *self,
                            const char  *event_id,
                            const char  *session_key,
                            gint64       start,
                            const char  *room,
                            const char  *title,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  FORWARD (dlg_store_set_starred_seen (keeper, event_id, session_key, start, room, title, error));

  g_mutex_lock (&self->mutex);
  stmt = dlg_store_prepare (self,
                            "UPDATE stars SET seen_start = ?3, seen_room = ?4, seen_title = ?5 "
                            "WHERE event_id = ?1 AND session_key = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      dlg_store_bind_text (stmt, 1, event_id);
      dlg_store_bind_text (stmt, 2, session_key);
      sqlite3_bind_int64 (stmt, 3, start);
      dlg_store_bind_text (stmt, 4, room);
      dlg_store_bind_text (stmt, 5, title);
      ok = dlg_store_step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

gboolean
dlg_store_get_starred_seen (DlgStore    *self,
                            const char  *event_id,
                            const char  *session_key,
                            gint64      *start,
                            char       **room,
                            char       **title)
{
  sqlite3_stmt *stmt;
  gboolean seen = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  FORWARD (dlg_store_get_starred_seen (keeper, event_id, session_key, start, room, title));

  g_mutex_lock (&self->mutex);
  stmt = dlg_store_prepare (self,
                            "SELECT seen_start, seen_room, seen_title FROM stars "
                            "WHERE event_id = ?1 AND session_key = ?2 AND seen_start IS NOT NULL",
                            NULL);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, event_id);
      dlg_store_bind_text (stmt, 2, session_key);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          seen = TRUE;
          *start = sqlite3_column_int64 (stmt, 0);
          *room = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          *title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return seen;
}

