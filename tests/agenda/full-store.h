/* full-store.h: a store whose file is full, and room made again, for the stars' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dlg-store-private.h"

/* The file @store writes to made full: SQLite's own "database or disk is full", as on a full
 * disk, once the pages it has now are filled with stars of @event (their keys returned).  The
 * keys are short and come in order, so that a longer one sorted after them finds no room. */
static inline GPtrArray *
full_store_fill (DlgStore   *store,
                 const char *event)
{
  GPtrArray *stored = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = dlg_store_lock (store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *refuse = NULL;
  int rc = SQLITE_DONE;

  sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  refuse = g_strdup_printf ("PRAGMA max_page_count = %d", sqlite3_column_int (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, refuse, NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO stars (event_id, session_key, "
                                           "starred_at) VALUES (?1, ?2, ?3)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < 10000 && rc == SQLITE_DONE; i++)
    {
      char *key = g_strdup_printf ("f%05u", i);

      sqlite3_bind_text (stmt, 1, event, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, i);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_ptr_array_add (stored, key);
      else
        g_free (key);
    }
  sqlite3_finalize (stmt);
  dlg_store_unlock (store);
  g_assert_cmpint (rc, ==, SQLITE_FULL);
  return stored;
}

/* Room on the "disk" again. */
static inline void
full_store_make_room (DlgStore *store)
{
  sqlite3 *db = dlg_store_lock (store);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  dlg_store_unlock (store);
}
