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
#include <string.h>

#include "dlg-notes.h"
#include "dlg-store-private.h"

/* Bump with a new entry in migrations[] below. */
#define SCHEMA_VERSION 4

struct _DlgStore
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  GMutex    mutex;
};

G_DEFINE_FINAL_TYPE (DlgStore, dlg_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dlg-store-error-quark, dlg_store_error)

enum {
  STARS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* migrations[i] takes user_version i to i + 1. */
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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SCHEMA_VERSION);

/* --- resources and rows -------------------------------------------------- */

DlgResource *
dlg_resource_new (const char *url)
{
  DlgResource *resource = g_new0 (DlgResource, 1);

  resource->url = g_strdup (url);
  resource->max_age = -1;
  return resource;
}

DlgResource *
dlg_resource_copy (const DlgResource *resource)
{
  DlgResource *copy = dlg_resource_new (resource->url);

  copy->body = resource->body != NULL ? g_bytes_ref (resource->body) : NULL;
  copy->etag = g_strdup (resource->etag);
  copy->last_modified = g_strdup (resource->last_modified);
  copy->fetched_at = resource->fetched_at;
  copy->max_age = resource->max_age;
  return copy;
}

void
dlg_resource_free (DlgResource *resource)
{
  if (resource == NULL)
    return;

  g_free (resource->url);
  g_clear_pointer (&resource->body, g_bytes_unref);
  g_free (resource->etag);
  g_free (resource->last_modified);
  g_free (resource);
}

void
dlg_subscription_row_free (DlgSubscriptionRow *row)
{
  if (row == NULL)
    return;

  g_free (row->url);
  g_free (row->event_id);
  g_free (row->title);
  g_strfreev (row->sections);
  g_free (row);
}

/* --- SQLite helpers ------------------------------------------------------ */

const char *
dlg_store_sqlite_reason (sqlite3 *db,
                         int      rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return _("the file may not be written");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("another program is using the file");
    case SQLITE_IOERR:
      return _("the disk could not be read or written");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return _("the file is damaged");
    case SQLITE_CANTOPEN:
      return _("the file could not be opened");
    default:
      return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
    }
}

static gboolean
set_sqlite_error (DlgStore  *self,
                  GError   **error)
{
  g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
               _("The saved data could not be written or read: %s"),
               dlg_store_sqlite_reason (self->db, sqlite3_extended_errcode (self->db)));
  return FALSE;
}

static gboolean
exec (DlgStore    *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (DlgStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (DlgStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error);
  return TRUE;
}

/* Runs a statement that returns no rows and takes one or two text
 * parameters (?1, and ?2 unless @second is NULL). */
static gboolean
run_text (DlgStore    *self,
          const char  *sql,
          const char  *first,
          const char  *second,
          GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, first);
  if (second != NULL)
    bind_text (stmt, 2, second);
  return step_done (self, stmt, error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* --- opening ------------------------------------------------------------- */

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
      return set_sqlite_error (self, error);
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

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec (self, migrations[version], error) || !exec (self, bump, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec (self, "COMMIT", error))
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
        rc = sqlite3_exec (self->db,
                           "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           /* The rows are few and small; the feeds' bodies are read once per
                            * start.  The default 2 MiB page cache only kept a copy of the
                            * last body read. */
                           "PRAGMA cache_size = -256;",
                           NULL, NULL, NULL);
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
    return g_steal_pointer (&self);

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

  if (moved_aside != NULL)
    *moved_aside = g_steal_pointer (&aside);
  return g_steal_pointer (&self);
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

/* --- stars --------------------------------------------------------------- */

gboolean
dlg_store_set_starred (DlgStore    *self,
                       const char  *event_id,
                       const char  *session_key,
                       gboolean     starred,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int changes = 0;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  if (starred)
    stmt = prepare (self,
                    "INSERT OR IGNORE INTO stars (event_id, session_key, starred_at) "
                    "VALUES (?1, ?2, ?3)", error);
  else
    stmt = prepare (self, "DELETE FROM stars WHERE event_id = ?1 AND session_key = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, event_id);
      bind_text (stmt, 2, session_key);
      if (starred)
        sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      ok = step_done (self, stmt, error);
      changes = sqlite3_changes (self->db);
    }
  g_mutex_unlock (&self->mutex);

  if (ok && changes > 0)
    g_signal_emit (self, signals[STARS_CHANGED], 0, event_id);
  return ok;
}

gboolean
dlg_store_is_starred (DlgStore   *self,
                      const char *event_id,
                      const char *session_key)
{
  sqlite3_stmt *stmt;
  gboolean starred = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (event_id != NULL, FALSE);
  g_return_val_if_fail (session_key != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  stmt = prepare (self, "SELECT 1 FROM stars WHERE event_id = ?1 AND session_key = ?2", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, event_id);
      bind_text (stmt, 2, session_key);
      starred = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return starred;
}

GStrv
dlg_store_list_starred (DlgStore   *self,
                        const char *event_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  g_mutex_lock (&self->mutex);
  /* rowid breaks ties between stars made within one microsecond. */
  stmt = prepare (self,
                  "SELECT session_key FROM stars WHERE event_id = ?1 "
                  "ORDER BY starred_at, rowid", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, event_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return g_strv_builder_end (builder);
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

  g_mutex_lock (&self->mutex);
  stmt = prepare (self,
                  "UPDATE stars SET seen_start = ?3, seen_room = ?4, seen_title = ?5 "
                  "WHERE event_id = ?1 AND session_key = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_text (stmt, 1, event_id);
      bind_text (stmt, 2, session_key);
      sqlite3_bind_int64 (stmt, 3, start);
      bind_text (stmt, 4, room);
      bind_text (stmt, 5, title);
      ok = step_done (self, stmt, error);
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

  g_mutex_lock (&self->mutex);
  stmt = prepare (self,
                  "SELECT seen_start, seen_room, seen_title FROM stars "
                  "WHERE event_id = ?1 AND session_key = ?2 AND seen_start IS NOT NULL", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, event_id);
      bind_text (stmt, 2, session_key);
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

/* --- resources ----------------------------------------------------------- */

DlgResource *
dlg_store_lookup_resource (DlgStore   *self,
                           const char *url)
{
  DlgResource *resource = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  g_mutex_lock (&self->mutex);
  stmt = prepare (self,
                  "SELECT body, etag, last_modified, fetched_at, max_age "
                  "FROM resources WHERE url = ?1", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          resource = dlg_resource_new (url);
          resource->body = g_bytes_new (sqlite3_column_blob (stmt, 0),
                                        sqlite3_column_bytes (stmt, 0));
          resource->etag = column_text (stmt, 1);
          resource->last_modified = column_text (stmt, 2);
          resource->fetched_at = sqlite3_column_int64 (stmt, 3);
          resource->max_age = sqlite3_column_int64 (stmt, 4);
        }
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return resource;
}

static gboolean
write_resource (DlgStore           *self,
                const DlgResource  *resource,
                GError            **error)
{
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (resource->body, &size);

  stmt = prepare (self,
                  "INSERT OR REPLACE INTO resources "
                  "(url, body, etag, last_modified, fetched_at, max_age) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, resource->url);
  /* A zero-length blob must still be a blob, not NULL. */
  sqlite3_bind_blob64 (stmt, 2, data != NULL ? data : "", size, SQLITE_TRANSIENT);
  bind_text (stmt, 3, resource->etag);
  bind_text (stmt, 4, resource->last_modified);
  sqlite3_bind_int64 (stmt, 5, resource->fetched_at);
  sqlite3_bind_int64 (stmt, 6, resource->max_age);
  return step_done (self, stmt, error);
}

gboolean
dlg_store_touch_resource (DlgStore    *self,
                          const char  *url,
                          const char  *etag,
                          const char  *last_modified,
                          gint64       fetched_at,
                          gint64       max_age,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  stmt = prepare (self,
                  "UPDATE resources SET etag = coalesce(?2, etag), "
                  "last_modified = coalesce(?3, last_modified), "
                  "fetched_at = ?4, max_age = ?5 WHERE url = ?1", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      bind_text (stmt, 2, etag);
      bind_text (stmt, 3, last_modified);
      sqlite3_bind_int64 (stmt, 4, fetched_at);
      sqlite3_bind_int64 (stmt, 5, max_age);
      ok = step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/* --- parsed feeds ------------------------------------------------------- */

GBytes *
dlg_store_lookup_packed (DlgStore   *self,
                         const char *url,
                         const char *digest)
{
  GBytes *data = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (digest != NULL, NULL);

  g_mutex_lock (&self->mutex);
  stmt = prepare (self, "SELECT data FROM packed_feeds WHERE url = ?1 AND digest = ?2", NULL);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      bind_text (stmt, 2, digest);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_mutex_unlock (&self->mutex);

  return data;
}

gboolean
dlg_store_save_packed (DlgStore    *self,
                       const char  *url,
                       const char  *digest,
                       GBytes      *data,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer bytes;
  gboolean ok = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  bytes = g_bytes_get_data (data, &size);
  g_mutex_lock (&self->mutex);
  /* Only beside its copy: a form written just after its event was removed is not kept. */
  stmt = prepare (self,
                  "INSERT OR REPLACE INTO packed_feeds (url, digest, data) "
                  "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM resources WHERE url = ?1)",
                  error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      bind_text (stmt, 2, digest);
      sqlite3_bind_blob64 (stmt, 3, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
      ok = step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

/* --- subscriptions ------------------------------------------------------- */

/* Reads every subscription; the caller holds the lock. */
static GPtrArray *
read_subscriptions (DlgStore  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT url, event_id, title, position, current, ended, sections "
                  "FROM subscriptions ORDER BY position, added_at", error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_subscription_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DlgSubscriptionRow *row = g_new0 (DlgSubscriptionRow, 1);
      const char *sections = (const char *) sqlite3_column_text (stmt, 6);

      row->url = column_text (stmt, 0);
      row->event_id = column_text (stmt, 1);
      row->title = column_text (stmt, 2);
      row->position = sqlite3_column_int (stmt, 3);
      row->current = sqlite3_column_int (stmt, 4) != 0;
      row->ended = sqlite3_column_int (stmt, 5) != 0;
      row->sections = sections != NULL && sections[0] != '\0'
                      ? g_strsplit (sections, "\n", -1)
                      : g_new0 (char *, 1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
dlg_store_list_subscriptions (DlgStore  *self,
                              GError   **error)
{
  GPtrArray *rows;

  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  rows = read_subscriptions (self, error);
  g_mutex_unlock (&self->mutex);

  return rows;
}

/* The address in a section entry, "agenda https://..." */
static const char *
section_url (const char *entry)
{
  const char *space = strchr (entry, ' ');

  return space != NULL ? space + 1 : entry;
}

gboolean
dlg_store_add_subscription (DlgStore    *self,
                            const char  *url,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      stmt = prepare (self,
                      "INSERT OR IGNORE INTO subscriptions (url, position, added_at) VALUES "
                      "(?1, (SELECT coalesce(max(position), -1) + 1 FROM subscriptions), ?2)",
                      error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      bind_text (stmt, 1, url);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      ok = step_done (self, stmt, error);
    }

  /* Followed from now on: whatever is kept under the address is no saved copy of the event
   * (a sync that ended after the event's removal left it, before dlg_store_commit_sync
   * checked), and the first sync must not find it unchanged.  A section another event
   * publishes at that address stays. */
  if (ok && sqlite3_changes (self->db) > 0)
    {
      ok = run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
      if (ok)
        ok = run_text (self,
                       "DELETE FROM resources WHERE url = ?1 AND NOT EXISTS "
                       "(SELECT 1 FROM subscriptions WHERE "
                       "instr(char(10) || sections || char(10), ' ' || ?1 || char(10)) > 0)",
                       url, NULL, error);
    }

  if (ok)
    ok = exec (self, "COMMIT", error);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_unlock (&self->mutex);

  return ok;
}

gboolean
dlg_store_remove_subscription (DlgStore    *self,
                               const char  *url,
                               GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) in_use = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) copies = g_ptr_array_new ();
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      rows = read_subscriptions (self, error);
      ok = rows != NULL;
    }

  /* Its feed and sections go with it, but a section another event publishes too (a shared
   * list of members) stays for that one. */
  g_ptr_array_add (copies, (gpointer) url);
  for (guint i = 0; ok && i < rows->len; i++)
    {
      DlgSubscriptionRow *row = g_ptr_array_index (rows, i);
      gboolean removed = g_strcmp0 (row->url, url) == 0;

      if (!removed)
        g_hash_table_add (in_use, row->url);
      for (guint j = 0; row->sections[j] != NULL; j++)
        {
          if (removed)
            g_ptr_array_add (copies, (gpointer) section_url (row->sections[j]));
          else
            g_hash_table_add (in_use, (gpointer) section_url (row->sections[j]));
        }
    }
  for (guint i = 0; ok && i < copies->len; i++)
    {
      const char *copy = g_ptr_array_index (copies, i);

      if (!g_hash_table_contains (in_use, copy))
        ok = run_text (self, "DELETE FROM resources WHERE url = ?1", copy, NULL, error);
    }
  if (ok)
    ok = run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
  if (ok)
    ok = run_text (self, "DELETE FROM subscriptions WHERE url = ?1", url, NULL, error);
  if (ok)
    ok = exec (self, "COMMIT", error);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_unlock (&self->mutex);

  return ok;
}

gboolean
dlg_store_set_current (DlgStore    *self,
                       const char  *url,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  stmt = prepare (self, "UPDATE subscriptions SET current = (url = ?1)", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      ok = step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

gboolean
dlg_store_set_ended (DlgStore    *self,
                     const char  *url,
                     gboolean     ended,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  /* No write when nothing changes: every unchanged sync says the event is not over. */
  stmt = prepare (self, "UPDATE subscriptions SET ended = ?2 WHERE url = ?1 AND ended != ?2",
                  error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, url);
      sqlite3_bind_int (stmt, 2, ended ? 1 : 0);
      ok = step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}

static gboolean
adopt_pending_notes (DlgStore    *self,
                     const char  *url,
                     const char  *event_id,
                     GError     **error)
{
  g_autofree char *pending = dlg_notes_pending_event_id (url);

  return dlg_notes_adopt_locked (self->db, pending, event_id, error);
}

/* Whether @url is followed; on a failed read, FALSE with *@ok FALSE and @error set. */
static gboolean
subscription_exists (DlgStore    *self,
                     const char  *url,
                     gboolean    *ok,
                     GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM subscriptions WHERE url = ?1", error);
  int rc;

  *ok = stmt != NULL;
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, url);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      *ok = set_sqlite_error (self, error);
      return FALSE;
    }
  return rc == SQLITE_ROW;
}

gboolean
dlg_store_commit_sync (DlgStore           *self,
                       const char         *url,
                       const char         *new_url,
                       const char         *event_id,
                       const char         *title,
                       const char * const *sections,
                       GPtrArray          *resources,
                       GError            **error)
{
  g_autofree char *joined = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  joined = sections != NULL ? g_strjoinv ("\n", (char **) sections) : NULL;

  g_mutex_lock (&self->mutex);
  ok = exec (self, "BEGIN IMMEDIATE", error);

  /* Removed for good while its sync ran: nobody follows the address any more, and copies kept
   * for it would pass for the saved event of whoever adds it again (dlg_sync_update_async
   * compares the feed with them, and would find nothing new to write). */
  if (ok && !subscription_exists (self, url, &ok, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_mutex_unlock (&self->mutex);
      return ok;
    }

  /* Notes written before the event's first download join it. */
  if (ok && event_id != NULL)
    ok = adopt_pending_notes (self, url, event_id, error);
  if (ok && event_id != NULL && new_url != NULL && g_strcmp0 (new_url, url) != 0)
    ok = adopt_pending_notes (self, new_url, event_id, error);

  if (ok && new_url != NULL && g_strcmp0 (new_url, url) != 0)
    {
      /* The feed moved for good: so do its subscription and old copy. */
      ok = run_text (self, "DELETE FROM resources WHERE url = ?1", url, NULL, error);
      if (ok)
        ok = run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
      /* Followed at its new address as well (added again by it): the one there stays, and is
       * the current event if this one was. */
      if (ok)
        ok = run_text (self,
                       "UPDATE subscriptions SET current = 1 WHERE url = ?2 AND "
                       "EXISTS (SELECT 1 FROM subscriptions WHERE url = ?1 AND current)",
                       url, new_url, error);
      if (ok)
        ok = run_text (self,
                       "DELETE FROM subscriptions WHERE url = ?1 AND "
                       "EXISTS (SELECT 1 FROM subscriptions WHERE url = ?2)",
                       url, new_url, error);
      if (ok)
        ok = run_text (self, "UPDATE subscriptions SET url = ?2 WHERE url = ?1",
                       url, new_url, error);
      url = new_url;
    }

  for (guint i = 0; ok && resources != NULL && i < resources->len; i++)
    ok = write_resource (self, g_ptr_array_index (resources, i), error);

  if (ok)
    {
      stmt = prepare (self,
                      "UPDATE subscriptions SET event_id = coalesce(?2, event_id), "
                      "title = coalesce(?3, title), sections = coalesce(?4, sections), "
                      "ended = 0 WHERE url = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          bind_text (stmt, 1, url);
          bind_text (stmt, 2, event_id);
          bind_text (stmt, 3, title);
          bind_text (stmt, 4, joined);
          ok = step_done (self, stmt, error);
        }
    }

  if (ok)
    ok = exec (self, "COMMIT", error);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_unlock (&self->mutex);

  return ok;
}

/* --- for the notes (dlg-store-private.h) --------------------------------- */

sqlite3 *
dlg_store_lock (DlgStore *self)
{
  g_return_val_if_fail (DLG_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  return self->db;
}

void
dlg_store_unlock (DlgStore *self)
{
  g_return_if_fail (DLG_IS_STORE (self));

  g_mutex_unlock (&self->mutex);
}

/* --- GObject ------------------------------------------------------------- */

static void
dlg_store_finalize (GObject *object)
{
  DlgStore *self = DLG_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (dlg_store_parent_class)->finalize (object);
}

static void
dlg_store_class_init (DlgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_store_finalize;

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
}
