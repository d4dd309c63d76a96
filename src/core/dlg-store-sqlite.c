/* dlg-store-sqlite.c: the store's SQLite helpers: statements run, and failures told in
 * plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dlg-store-internal.h"

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

gboolean
dlg_store_set_sqlite_error (DlgStore  *self,
                            GError   **error)
{
  g_set_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED,
               _("The saved data could not be written or read: %s"),
               dlg_store_sqlite_reason (self->db, sqlite3_extended_errcode (self->db)));
  return FALSE;
}

gboolean
dlg_store_exec (DlgStore    *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return dlg_store_set_sqlite_error (self, error);
  return TRUE;
}

gboolean
dlg_store_finish (DlgStore  *self,
                  gboolean   ok,
                  GError   **error)
{
  if (ok)
    return dlg_store_exec (self, "COMMIT", error);
  /* @error already says what failed; a failed rollback adds nothing to it. */
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

sqlite3_stmt *
dlg_store_prepare (DlgStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dlg_store_set_sqlite_error (self, error);
      return NULL;
    }
  return stmt;
}

void
dlg_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows. */
gboolean
dlg_store_step_done (DlgStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return dlg_store_set_sqlite_error (self, error);
  return TRUE;
}

sqlite3_stmt *
dlg_store_query_one (DlgStore    *self,
                     const char  *sql,
                     const char  *key,
                     gboolean    *found,
                     GError     **error)
{
  sqlite3_stmt *stmt = dlg_store_prepare (self, sql, error);
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;

  dlg_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dlg_store_set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  *found = rc == SQLITE_ROW;
  return stmt;
}

/* Runs a statement that returns no rows and takes one or two text
 * parameters (?1, and ?2 unless @second is NULL). */
gboolean
dlg_store_run_text (DlgStore    *self,
                    const char  *sql,
                    const char  *first,
                    const char  *second,
                    GError     **error)
{
  sqlite3_stmt *stmt = dlg_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  dlg_store_bind_text (stmt, 1, first);
  if (second != NULL)
    dlg_store_bind_text (stmt, 2, second);
  return dlg_store_step_done (self, stmt, error);
}

char *
dlg_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
