/* dlg-store-subscriptions.c: the store's subscriptions: the events followed, in the
 * delegate's order, and one good sync written in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dlg-notes.h"
#include "dlg-store-internal.h"

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

/* The columns row_from_statement() reads, in its order. */
#define SUBSCRIPTION_COLUMNS "url, event_id, title, position, current, ended, sections"

static DlgSubscriptionRow *
row_from_statement (sqlite3_stmt *stmt)
{
  DlgSubscriptionRow *row = g_new0 (DlgSubscriptionRow, 1);
  const char *sections = (const char *) sqlite3_column_text (stmt, 6);

  row->url = dlg_store_column_text (stmt, 0);
  row->event_id = dlg_store_column_text (stmt, 1);
  row->title = dlg_store_column_text (stmt, 2);
  row->position = sqlite3_column_int (stmt, 3);
  row->current = sqlite3_column_int (stmt, 4) != 0;
  row->ended = sqlite3_column_int (stmt, 5) != 0;
  row->sections = sections != NULL && sections[0] != '\0'
                  ? g_strsplit (sections, "\n", -1)
                  : g_new0 (char *, 1);
  return row;
}

/* Reads every subscription; the caller holds the lock. */
static GPtrArray *
read_subscriptions (DlgStore  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = dlg_store_prepare (self,
                            "SELECT " SUBSCRIPTION_COLUMNS " "
                            "FROM subscriptions ORDER BY position, added_at", error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_subscription_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      dlg_store_set_sqlite_error (self, error);
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

gboolean
dlg_store_read_subscription (DlgStore            *self,
                             const char          *url,
                             DlgSubscriptionRow **row,
                             GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (row != NULL && *row == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  stmt = dlg_store_query_one (self,
                              "SELECT " SUBSCRIPTION_COLUMNS " FROM subscriptions WHERE url = ?1",
                              url, &found, error);
  if (found)
    *row = row_from_statement (stmt);
  ok = stmt != NULL;
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return ok;
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
  ok = dlg_store_exec (self, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      stmt = dlg_store_prepare (self,
                                "INSERT OR IGNORE INTO subscriptions (url, position, added_at) "
                                "VALUES (?1, (SELECT coalesce(max(position), -1) + 1 "
                                "FROM subscriptions), ?2)",
                                error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      dlg_store_bind_text (stmt, 1, url);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      ok = dlg_store_step_done (self, stmt, error);
    }

  /* Followed from now on: whatever is kept under the address is no saved copy of the event
   * (a sync that ended after the event's removal left it, before dlg_store_commit_sync
   * checked), and the first sync must not find it unchanged.  A section another event
   * publishes at that address stays. */
  if (ok && sqlite3_changes (self->db) > 0)
    {
      ok = dlg_store_run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
      if (ok)
        ok = dlg_store_run_text (self,
                                 "DELETE FROM resources WHERE url = ?1 AND NOT EXISTS "
                                 "(SELECT 1 FROM subscriptions WHERE "
                                 "instr(char(10) || sections || char(10), "
                                 "' ' || ?1 || char(10)) > 0)",
                                 url, NULL, error);
    }

  ok = dlg_store_finish (self, ok, error);
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
  ok = dlg_store_exec (self, "BEGIN IMMEDIATE", error);
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
        ok = dlg_store_run_text (self, "DELETE FROM resources WHERE url = ?1", copy, NULL, error);
    }
  if (ok)
    ok = dlg_store_run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
  if (ok)
    ok = dlg_store_run_text (self, "DELETE FROM subscriptions WHERE url = ?1", url, NULL, error);
  ok = dlg_store_finish (self, ok, error);
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
  stmt = dlg_store_prepare (self, "UPDATE subscriptions SET current = (url = ?1)", error);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, url);
      ok = dlg_store_step_done (self, stmt, error);
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
  stmt = dlg_store_prepare (self,
                            "UPDATE subscriptions SET ended = ?2 WHERE url = ?1 AND ended != ?2",
                            error);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, url);
      sqlite3_bind_int (stmt, 2, ended ? 1 : 0);
      ok = dlg_store_step_done (self, stmt, error);
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
  gboolean found;
  sqlite3_stmt *stmt = dlg_store_query_one (self, "SELECT 1 FROM subscriptions WHERE url = ?1",
                                            url, &found, error);

  *ok = stmt != NULL;
  sqlite3_finalize (stmt);
  return found;
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
  dlg_store_keep_file_locked (self);
  ok = dlg_store_exec (self, "BEGIN IMMEDIATE", error);

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
      ok = dlg_store_run_text (self, "DELETE FROM resources WHERE url = ?1", url, NULL, error);
      if (ok)
        ok = dlg_store_run_text (self, "DELETE FROM packed_feeds WHERE url = ?1", url, NULL, error);
      /* Followed at its new address as well (added again by it): the one there stays, and is
       * the current event if this one was. */
      if (ok)
        ok = dlg_store_run_text (self,
                                 "UPDATE subscriptions SET current = 1 WHERE url = ?2 AND "
                                 "EXISTS (SELECT 1 FROM subscriptions WHERE url = ?1 AND current)",
                                 url, new_url, error);
      if (ok)
        ok = dlg_store_run_text (self,
                                 "DELETE FROM subscriptions WHERE url = ?1 AND "
                                 "EXISTS (SELECT 1 FROM subscriptions WHERE url = ?2)",
                                 url, new_url, error);
      if (ok)
        ok = dlg_store_run_text (self, "UPDATE subscriptions SET url = ?2 WHERE url = ?1",
                                 url, new_url, error);
      url = new_url;
    }

  for (guint i = 0; ok && resources != NULL && i < resources->len; i++)
    ok = dlg_store_write_resource (self, g_ptr_array_index (resources, i), error);

  if (ok)
    {
      stmt = dlg_store_prepare (self,
                                "UPDATE subscriptions SET event_id = coalesce(?2, event_id), "
                                "title = coalesce(?3, title), sections = coalesce(?4, sections), "
                                "ended = 0 WHERE url = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          dlg_store_bind_text (stmt, 1, url);
          dlg_store_bind_text (stmt, 2, event_id);
          dlg_store_bind_text (stmt, 3, title);
          dlg_store_bind_text (stmt, 4, joined);
          ok = dlg_store_step_done (self, stmt, error);
        }
    }

  ok = dlg_store_finish (self, ok, error);
  g_mutex_unlock (&self->mutex);

  return ok;
}
