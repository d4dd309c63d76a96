/* dlg-store-resources.c: the store's copies of feed resources, with their validators,
 * and each feed's parsed form kept beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-store"

#include "config.h"

#include <sqlite3.h>

#include "dlg-store-internal.h"

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

/* --- resources ----------------------------------------------------------- */

gboolean
dlg_store_read_resource (DlgStore     *self,
                         const char   *url,
                         DlgResource **resource,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  gboolean ok;

  g_return_val_if_fail (DLG_IS_STORE (self), FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (resource != NULL && *resource == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  stmt = dlg_store_query_one (self,
                              "SELECT body, etag, last_modified, fetched_at, max_age "
                              "FROM resources WHERE url = ?1", url, &found, error);
  if (found)
    {
      DlgResource *copy = dlg_resource_new (url);

      copy->body = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      copy->etag = dlg_store_column_text (stmt, 1);
      copy->last_modified = dlg_store_column_text (stmt, 2);
      copy->fetched_at = sqlite3_column_int64 (stmt, 3);
      copy->max_age = sqlite3_column_int64 (stmt, 4);
      *resource = copy;
    }
  ok = stmt != NULL;
  sqlite3_finalize (stmt);
  g_mutex_unlock (&self->mutex);

  return ok;
}

DlgResource *
dlg_store_lookup_resource (DlgStore   *self,
                           const char *url)
{
  DlgResource *resource = NULL;

  dlg_store_read_resource (self, url, &resource, NULL);
  return resource;
}

gboolean
dlg_store_write_resource (DlgStore           *self,
                          const DlgResource  *resource,
                          GError            **error)
{
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (resource->body, &size);

  stmt = dlg_store_prepare (self,
                            "INSERT OR REPLACE INTO resources "
                            "(url, body, etag, last_modified, fetched_at, max_age) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  dlg_store_bind_text (stmt, 1, resource->url);
  /* A zero-length blob must still be a blob, not NULL. */
  sqlite3_bind_blob64 (stmt, 2, data != NULL ? data : "", size, SQLITE_TRANSIENT);
  dlg_store_bind_text (stmt, 3, resource->etag);
  dlg_store_bind_text (stmt, 4, resource->last_modified);
  sqlite3_bind_int64 (stmt, 5, resource->fetched_at);
  sqlite3_bind_int64 (stmt, 6, resource->max_age);
  return dlg_store_step_done (self, stmt, error);
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
  stmt = dlg_store_prepare (self,
                            "UPDATE resources SET etag = coalesce(?2, etag), "
                            "last_modified = coalesce(?3, last_modified), "
                            "fetched_at = ?4, max_age = ?5 WHERE url = ?1", error);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, url);
      dlg_store_bind_text (stmt, 2, etag);
      dlg_store_bind_text (stmt, 3, last_modified);
      sqlite3_bind_int64 (stmt, 4, fetched_at);
      sqlite3_bind_int64 (stmt, 5, max_age);
      ok = dlg_store_step_done (self, stmt, error);
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
  stmt = dlg_store_prepare (self, "SELECT data FROM packed_feeds WHERE url = ?1 AND digest = ?2",
                            NULL);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, url);
      dlg_store_bind_text (stmt, 2, digest);
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
  stmt = dlg_store_prepare (self,
                            "INSERT OR REPLACE INTO packed_feeds (url, digest, data) "
                            "SELECT ?1, ?2, ?3 WHERE EXISTS "
                            "(SELECT 1 FROM resources WHERE url = ?1)",
                            error);
  if (stmt != NULL)
    {
      dlg_store_bind_text (stmt, 1, url);
      dlg_store_bind_text (stmt, 2, digest);
      sqlite3_bind_blob64 (stmt, 3, bytes != NULL ? bytes : "", size, SQLITE_STATIC);
      ok = dlg_store_step_done (self, stmt, error);
    }
  g_mutex_unlock (&self->mutex);

  return ok;
}
