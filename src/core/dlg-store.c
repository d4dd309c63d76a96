/* dlg-store.c: the offline store, one SQLite database in the user data directory
 *
 * One connection, opened serialized, guarded by a mutex: every public call
 * is one short critical section (a whole transaction at most), so the sync
 * worker threads and the main loop can share it.  Sync writes run in
 * worker threads; a star is a single small write and may run on the main
 * loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dlg-store-internal.h"

/* Bump with a new entry in migrations[] below. */
#define SCHEMA_VERSION 5

G_DEFINE_FINAL_TYPE (DlgStore, dlg_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dlg-store-error-quark, dlg_store_error)

enum {
  STARS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_STARS_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* migrations[i] takes user_version i to i + 1.  A column added to notes, stars or
 * subscriptions is also one that salvage() copies from a damaged file: list it there. */
static const char * const migrations[] = {
  /* 0 -> 1 */
  "CREATE TABLE subscriptions ("
  "  url TEXT PRIMARY KEY,"
  "  event_id TEXT,"
  "  title TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  current INTEGER NOT NULL DEFAULT 0,"
  "  ended INTEGER NOT NULL DEFAULT 0,"
  "  sections TEXT,"
  "  added_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE resources ("
  "  url TEXT PRIMARY KEY,"
  "  body BLOB NOT NULL,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  fetched_at INTEGER NOT NULL,"
  "  max_age INTEGER NOT NULL DEFAULT -1"
  ");"
  "CREATE TABLE stars ("
  "  event_id TEXT NOT NULL,"
  "  session_key TEXT NOT NULL,"
  "  starred_at INTEGER NOT NULL,"
  "  PRIMARY KEY (event_id, session_key)"
  ");",
  /* 1 -> 2: the delegate's notes (issue 6; dlg-notes.c).  Deleted notes
   * stay as tombstones so that an import cannot bring them back. */
  "CREATE TABLE notes ("
  "  id TEXT PRIMARY KEY,"
  "  event_id TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'free',"
  "  key TEXT,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX notes_by_event ON notes (event_id, modified);",
  /* 2 -> 3: what the delegate last saw of a starred session, so that a
   * sync that moves it, changes its room or drops it can be pointed out
   * (issue 4; dlg-stars.c). */
  "ALTER TABLE stars ADD COLUMN seen_start INTEGER;"
  "ALTER TABLE stars ADD COLUMN seen_room TEXT;"
  "ALTER TABLE stars ADD COLUMN seen_title TEXT;",
  /* 3 -> 4: each feed's parsed form (dlg-feed-pack.c), so that a start reads the saved event
   * without parsing it again; @digest names the copies it was made from (dlg-sync-stored.c). */
  "CREATE TABLE packed_feeds ("
  "  url TEXT PRIMARY KEY,"
  "  digest TEXT NOT NULL,"
  "  data BLOB NOT NULL"
  ");",
  /* 4 -> 5: what a note is attached to, by the name last seen in a feed, so that the report
   * still names a session, case or member that a feed update removed (dlg-notes.c). */
  "ALTER TABLE notes ADD COLUMN item_title TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SCHEMA_VERSION);

/* --- opening ------------------------------------------------------------- */

#define CONNECTION_PRAGMAS \
  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;" \
  "PRAGMA foreign_keys = ON;" \
  /* The rows are few and small; the feeds' bodies are read once per start.  The default \
   * 2 MiB page cache only kept a copy of the last body read. */ \
  "PRAGMA cache_size = -256;"

/* Which file the connection has open, to find it deleted or moved away later
 * (dlg_store_keep_file_locked()). */
static void
remember_file (DlgStore *self)
{
  GStatBuf buf;

  self->file_known = self->keep_path == NULL && g_stat (self->path, &buf) == 0;
  if (self->file_known)
    {
      self->file_dev = buf.st_dev;
      self->file_ino = buf.st_ino;
    }
}

static gboolean
migrate (DlgStore  *self,
         GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int version;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return dlg_store_set_sqlite_error (self, error);
    }
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
                   _("The saved data at “%s” was written by a newer version of Delegate"),
                   self->path);
      return FALSE;
    }

  for (; version < SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!dlg_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!dlg_store_exec (self, migrations[version], error) || !dlg_store_exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!dlg_store_exec (self, "COMMIT", error))
        return FALSE;
    }

  return TRUE;
}

/* Opens and checks the file; on failure, *@corrupt says whether the file
 * itself is bad (as opposed to, say, a read-only directory). */
static gboolean
try_open (DlgStore  *self,
          gboolean  *corrupt,
          GError   **error)
{
  int rc;

  *corrupt = FALSE;
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, 5000);
      /* Reading the schema is what finds a file that is not a database. */
      rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, CONNECTION_PRAGMAS, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          g_autoptr(GError) local_error = NULL;
          sqlite3_stmt *stmt = NULL;

          /* A damaged page may only show in an integrity check. */
          if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
              sqlite3_step (stmt) == SQLITE_ROW &&
              g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
            rc = SQLITE_CORRUPT;
          sqlite3_finalize (stmt);

          if (rc == SQLITE_OK && !migrate (self, &local_error))
            {
              rc = sqlite3_errcode (self->db);
              if (rc != SQLITE_CORRUPT && rc != SQLITE_NOTADB)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
            }
        }
    }

  if (rc == SQLITE_OK)
    return TRUE;

  *corrupt = (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB);
  g_set_error (error, DLG_STORE_ERROR,
               *corrupt ? DLG_STORE_ERROR_CORRUPT : DLG_STORE_ERROR_FAILED,
               _("Could not open the saved data at “%s”: %s"),
               self->path, dlg_store_sqlite_reason (self->db, rc));
  g_clear_pointer (&self->db, sqlite3_close);
  return FALSE;
}

/* Copies the rows of @table from the attached "old" file into the store, one by one, as far
 * as they can be read (a scan stops at a damaged page), under the first of @columns
 * (NULL-terminated) that the old file's version of the table has.  The number copied. */
static guint
salvage_table (DlgStore           *self,
               const char         *table,
               const char * const *columns)
{
  guint copied = 0;

  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT %s FROM old.%s", columns[c], table);
      g_autoptr(GString) insert = g_string_new (NULL);
      sqlite3_stmt *from = NULL;
      sqlite3_stmt *into = NULL;
      int n;

      if (sqlite3_prepare_v2 (self->db, select, -1, &from, NULL) != SQLITE_OK)
        {
          /* An older version of the table: its older columns. */
          sqlite3_finalize (from);
          continue;
        }
      n = sqlite3_column_count (from);
      g_string_printf (insert, "INSERT OR IGNORE INTO main.%s (%s) VALUES (?", table, columns[c]);
      for (int i = 1; i < n; i++)
        g_string_append (insert, ", ?");
      g_string_append (insert, ")");
      if (sqlite3_prepare_v2 (self->db, insert->str, -1, &into, NULL) == SQLITE_OK)
        while (sqlite3_step (from) == SQLITE_ROW)
          {
            for (int i = 0; i < n; i++)
              sqlite3_bind_value (into, i + 1, sqlite3_column_value (from, i));
            if (sqlite3_step (into) == SQLITE_DONE)
              copied++;
            sqlite3_reset (into);
          }
      sqlite3_finalize (into);
      sqlite3_finalize (from);
      break;
    }
  return copied;
}

/* What only the delegate has (notes, stars, the events they added) from the damaged file
 * moved aside to @aside, as far as it can be read: a damaged page among the feeds' saved
 * copies must not take the notes with it.  The copies themselves are not trusted (a damaged
 * page may still read): the next sync downloads them again.  What cannot be read stays in the
 * file moved aside. */
static void
salvage (DlgStore   *self,
         const char *aside)
{
  static const char * const notes[] = {
    "id, event_id, kind, key, title, body, created, modified, deleted, item_title",
    "id, event_id, kind, key, title, body, created, modified, deleted",
    NULL
  };
  static const char * const stars[] = {
    "event_id, session_key, starred_at, seen_start, seen_room, seen_title",
    "event_id, session_key, starred_at",
    NULL
  };
  static const char * const subscriptions[] = {
    "url, event_id, title, position, current, ended, sections, added_at", NULL
  };
  sqlite3_stmt *stmt = NULL;
  guint n_notes, n_stars;

  if (sqlite3_prepare_v2 (self->db, "ATTACH DATABASE ?1 AS old", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return;
    }
  sqlite3_bind_text (stmt, 1, aside, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return;
    }
  sqlite3_finalize (stmt);

  /* Each row in a transaction of its own (a few milliseconds in all): a damaged page met in
   * a table may roll back a transaction, and the rows read before it with it. */
  n_notes = salvage_table (self, "notes", notes);
  n_stars = salvage_table (self, "stars", stars);
  salvage_table (self, "subscriptions", subscriptions);
  sqlite3_exec (self->db, "DETACH DATABASE old", NULL, NULL, NULL);
  g_message ("Recovered %u notes and %u stars from %s", n_notes, n_stars, aside);
}

DlgStore *
dlg_store_open (const char  *path,
                char       **moved_aside,
                GError     **error)
{
  g_autoptr(DlgStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  gboolean corrupt;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (moved_aside != NULL)
    *moved_aside = NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s” for the saved data: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (DLG_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (try_open (self, &corrupt, &local_error))
    {
      remember_file (self);
      dlg_store_recover_stars (self);
      return g_steal_pointer (&self);
    }

  if (!corrupt)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Keep the damaged file (someone may recover it) and start afresh. */
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  /* Expected after a crash or a bad disk, and the caller tells the
   * delegate: a message, not a warning. */
  g_message ("%s; moving it to %s", local_error->message, aside);

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_CORRUPT,
                   _("The saved data at “%s” is damaged and could not be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  g_clear_error (&local_error);
  if (!try_open (self, &corrupt, error))
    return NULL;
  salvage (self, aside);
  remember_file (self);
  dlg_store_recover_stars (self);

  if (moved_aside != NULL)
    *moved_aside = g_steal_pointer (&aside);
  return g_steal_pointer (&self);
}

DlgStore *
dlg_store_open_in_memory_for (const char *path)
{
  g_autoptr(GError) error = NULL;
  DlgStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = dlg_store_open (":memory:", NULL, &error);
  /* An in-memory database needs no disk. */
  g_assert_no_error (error);
  self->keep_path = g_strdup (path);
  return self;
}

const char *
dlg_store_get_file_path (DlgStore *self,
                         gboolean *in_memory)
{
  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  *in_memory = self->keep_path != NULL;
  return self->keep_path != NULL ? self->keep_path : self->path;
}

static gboolean
keeper_opened_cb (gpointer user_data)
{
  dlg_store_stars_file_opened (user_data);
  return G_SOURCE_REMOVE;
}

DlgStore *
dlg_store_dup_keeper (DlgStore  *self,
                      GError   **error)
{
  DlgStore *keeper;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  if (self->keep_path == NULL)
    return NULL;
  g_mutex_lock (&self->keeper_mutex);
  if (self->keeper == NULL)
    {
      self->keeper = dlg_store_open (self->keep_path, NULL, error);
      /* Perhaps in a note's save, in a worker thread: the stars follow on the main loop. */
      if (self->keeper != NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT, keeper_opened_cb, g_object_ref (self),
                         g_object_unref);
    }
  keeper = self->keeper != NULL ? g_object_ref (self->keeper) : NULL;
  g_mutex_unlock (&self->keeper_mutex);
  return keeper;
}

DlgStore *
dlg_store_peek_keeper (DlgStore *self)
{
  DlgStore *keeper;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  if (self->keep_path == NULL)
    return NULL;
  g_mutex_lock (&self->keeper_mutex);
  keeper = self->keeper != NULL ? g_object_ref (self->keeper) : NULL;
  g_mutex_unlock (&self->keeper_mutex);
  return keeper;
}

char *
dlg_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "delegate.db", NULL);
}

const char *
dlg_store_get_path (DlgStore *self)
{
  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  return self->path;
}

/* --- the file deleted or moved away while the app runs ------------------- */

/* Everything the connection holds, written to a new file at @path: a copy made with SQLite's
 * backup, which reads the open file (and its write-ahead log) as the connection sees it. */
static gboolean
copy_to (sqlite3    *from,
         const char *path)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (to);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (sqlite3_close (to) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;
  if (rc != SQLITE_OK)
    {
      g_warning ("Could not write the saved data again at %s: %s", path,
                 dlg_store_sqlite_reason (NULL, rc));
      g_unlink (path);
    }
  return rc == SQLITE_OK;
}

void
dlg_store_keep_file_locked (DlgStore *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  sqlite3 *db = NULL;
  GStatBuf buf;

  /* A file put in its place (a backup brought back) is the delegate's: left alone. */
  if (!self->file_known || g_stat (self->path, &buf) == 0 || errno != ENOENT)
    return;

  /* Deleted, or moved away (its folder too, perhaps): SQLite would go on writing to the file
   * no longer there, and all of it, notes typed since included, be gone at the next start.
   * Written again where it belongs, from what the connection holds, whole: first as a copy
   * beside it, then put in place once the connection let go of the old file's log. */
  g_message ("The saved data at %s was deleted or moved away; writing it there again",
             self->path);
  dir = g_path_get_dirname (self->path);
  copy = g_strconcat (self->path, ".new", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !copy_to (self->db, copy))
    /* Tried again at the next write; meanwhile the connection keeps everything. */
    return;

  /* Closing checkpoints the log into the old file and removes the log, which is the old
   * file's: a log left at the path would be read into the new one. */
  if (sqlite3_close (self->db) != SQLITE_OK)
    {
      /* A statement still open (none should be, between two calls): the next write tries. */
      g_unlink (copy);
      return;
    }
  self->db = NULL;
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *stale = g_strconcat (self->path, i == 0 ? "-wal" : "-shm", NULL);

      g_unlink (stale);
    }
  if (g_rename (copy, self->path) != 0 ||
      sqlite3_open_v2 (self->path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      /* The copy, wherever it is, has it all: read from it for the rest of this run. */
      g_warning ("Could not open the saved data written again at %s", self->path);
      g_clear_pointer (&db, sqlite3_close);
      sqlite3_open_v2 (g_file_test (copy, G_FILE_TEST_EXISTS) ? copy : self->path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
    }
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, CONNECTION_PRAGMAS, NULL, NULL, NULL);
  self->db = db;
  remember_file (self);
}

void
dlg_store_keep_file (DlgStore *self)
{
  g_return_if_fail (DLG_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  dlg_store_keep_file_locked (self);
  g_mutex_unlock (&self->mutex);
}

/* --- for the notes (dlg-store-private.h) --------------------------------- */

sqlite3 *
dlg_store_lock (DlgStore *self)
{
  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  dlg_store_keep_file_locked (self);
  return self->db;
}

void
dlg_store_unlock (DlgStore *self)
{
  g_return_if_fail (DLG_IS_STORE (self));

  g_mutex_unlock (&self->mutex);
}

void
dlg_store_emit_stars_changed (DlgStore   *self,
                              const char *event_id)
{
  g_signal_emit (self, signals[STARS_CHANGED], 0, event_id);
}

void
dlg_store_notify_stars_error (DlgStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARS_ERROR]);
}

/* --- GObject ------------------------------------------------------------- */

static void
dlg_store_dispose (GObject *object)
{
  DlgStore *self = DLG_STORE (object);

  g_clear_handle_id (&self->stars_retry_id, g_source_remove);

  G_OBJECT_CLASS (dlg_store_parent_class)->dispose (object);
}

static void
dlg_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DlgStore *self = DLG_STORE (object);

  switch (prop_id)
    {
    case PROP_STARS_ERROR:
      g_value_set_string (value, self->stars_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_store_finalize (GObject *object)
{
  DlgStore *self = DLG_STORE (object);

  g_clear_pointer (&self->unsaved_stars, g_ptr_array_unref);
  g_clear_pointer (&self->stars_error, g_free);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->keep_path, g_free);
  g_clear_object (&self->keeper);
  g_mutex_clear (&self->mutex);
  g_mutex_clear (&self->keeper_mutex);

  G_OBJECT_CLASS (dlg_store_parent_class)->finalize (object);
}

static void
dlg_store_class_init (DlgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_store_dispose;
  object_class->finalize = dlg_store_finalize;
  object_class->get_property = dlg_store_get_property;

  properties[PROP_STARS_ERROR] =
    g_param_spec_string ("stars-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlgStore::stars-changed:
   * @event_id: the event whose stars changed
   */
  signals[STARS_CHANGED] =
    g_signal_new ("stars-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dlg_store_init (DlgStore *self)
{
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->keeper_mutex);
  self->unsaved_stars = dlg_store_new_unsaved_stars ();
}
