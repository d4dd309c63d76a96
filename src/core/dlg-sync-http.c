/* dlg-sync-http.c: a sync over HTTP: the stored validators read, the feed's conditional
 * GET, then the sections it publishes apart, one after the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include "dlg-json-load.h"
#include "dlg-source.h"
#include "dlg-sync-private.h"

static const char * const section_names[] = { "members", "agenda", "best_practices" };

static void
fetch_next_section (GTask *task);

/* A 304, or a 200 with the very bytes saved: servers behind one address that each make their
 * own ETag (Apache's holds the file's inode), or a script that writes the same feed again, send
 * a new ETag for an unchanged feed.  Taken for a new copy, it was parsed again and replaced
 * the one on screen: the member a delegate was reading, for one, was shown anew, back at its
 * top. */
static gboolean
is_unchanged (DlgFetch *fetch)
{
  if (fetch->status == SOUP_STATUS_NOT_MODIFIED)
    return TRUE;

  return fetch->body != NULL && fetch->stored != NULL && fetch->stored->body != NULL &&
         g_bytes_equal (fetch->body, fetch->stored->body);
}

static gboolean
all_unchanged (UpdateData *data)
{
  if (!is_unchanged (data->feed))
    return FALSE;

  for (guint i = 0; i < data->sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, i);

      if (!is_unchanged (fetch))
        return FALSE;
    }

  return TRUE;
}

/* @fetch's answer, counted in the sync's report.  On a failure the task ends: with the
 * error, or, for a 410 (the feed or a section taken down), by marking the event ended in the
 * store, as it is over. */
static gboolean
fetch_answered (GTask        *task,
                DlgFetch     *fetch,
                GAsyncResult *result)
{
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = dlg_fetch_finish (result, &error);

  data->report->n_requests += fetch->n_requests;
  data->report->n_bytes += fetch->n_bytes;
  if (!ok && g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE))
    g_task_run_in_thread (task, dlg_sync_mark_ended_thread);
  else if (!ok && fetch->name != NULL && error->domain == DLG_SYNC_ERROR)
    g_task_return_error (task, dlg_sync_section_error (fetch->url, error));
  else if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  return ok;
}

static void
section_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  DlgFetch *fetch = g_ptr_array_index (data->sections, data->next_section);

  if (!fetch_answered (task, fetch, result))
    return;

  data->next_section++;
  fetch_next_section (g_steal_pointer (&task));
}

/* A section at a plain http address, of a feed fetched over https: anyone on the venue's
 * network could change it on its way, as with a redirect from https to http (dlg-fetch.c).
 * Checked before any section is asked for, the stored list (after a 304) too. */
static GError *
insecure_section_error (UpdateData *data)
{
  const char *feed_url = data->feed->final_url != NULL ? data->feed->final_url : data->url;

  for (guint i = 0; i < data->sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, i);

      if (dlg_fetch_leaves_https (feed_url, fetch->url))
        return dlg_fetch_insecure_section_error (feed_url, fetch->url);
    }
  return NULL;
}

static void
fetch_next_section (GTask *task)
{
  DlgSync *self = g_task_get_source_object (task);
  UpdateData *data = g_task_get_task_data (task);
  GError *error;

  if (data->next_section == 0 && (error = insecure_section_error (data)) != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (data->next_section < data->sections->len)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, data->next_section);

      dlg_fetch_async (self->session, fetch, self->max_body_size, self->total_timeout_ms,
                       g_task_get_cancellable (task), section_fetched_cb, task);
      return;
    }

  if (all_unchanged (data))
    g_task_run_in_thread (task, dlg_sync_touch_thread);
  else
    g_task_run_in_thread (task, dlg_sync_parse_and_commit_thread);
  g_object_unref (task);
}

/* After a 200: which sections does the new feed publish apart? */
static void
scan_sections_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(JsonNode) root = NULL;
  gsize size;
  const char *body = g_bytes_get_data (data->feed->body, &size);

  g_clear_pointer (&data->sections, g_ptr_array_unref);
  data->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_fetch_free);

  /* Only a Delegate feed publishes sections apart: a bare schedule (a
   * congress's, often the biggest document) is parsed once, not twice.
   * Not JSON: the full parse below reports it properly. */
  if (dlg_source_detect (data->feed->body) != DLG_SOURCE_FORMAT_DELEGATE_FEED)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  data->report->n_parses++;
  if (dlg_json_read (body, size, &root, NULL, NULL, NULL) &&
      root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
        {
          JsonNode *node = json_object_get_member (object, section_names[i]);
          g_autofree char *url = NULL;
          g_autoptr(DlgResource) stored = NULL;
          g_autoptr(GError) error = NULL;

          if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
              json_node_get_value_type (node) != G_TYPE_STRING)
            continue;

          url = g_uri_resolve_relative (data->feed->final_url, json_node_get_string (node),
                                        G_URI_FLAGS_NONE, NULL);
          if (url == NULL || !dlg_sync_is_http (url))
            continue;
          if (!dlg_store_read_resource (self->store, url, &stored, &error))
            {
              g_task_return_error (task, dlg_sync_store_error (data->url, error));
              return;
            }
          g_ptr_array_add (data->sections,
                           dlg_fetch_new (section_names[i], url, g_steal_pointer (&stored)));
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  fetch_next_section (task);
}

static void
feed_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DlgSync *self = g_task_get_source_object (task);
  UpdateData *data = g_task_get_task_data (task);

  if (!fetch_answered (task, data->feed, result))
    return;

  if (data->feed->status == SOUP_STATUS_NOT_MODIFIED ||
      (is_unchanged (data->feed) && g_strcmp0 (data->feed->final_url, data->url) == 0))
    {
      /* The stored list of sections still holds (the same bytes at the same address name
       * the same sections). */
      fetch_next_section (g_steal_pointer (&task));
      return;
    }

  {
    /* A scan task of its own, so the update task is returned only once. */
    GCancellable *cancellable = g_task_get_cancellable (task);
    GTask *scan = g_task_new (self, cancellable, scanned_cb, g_steal_pointer (&task));

    g_task_set_task_data (scan, data, NULL);
    g_task_run_in_thread (scan, scan_sections_thread);
    g_object_unref (scan);
  }
}

/* Reads what is stored, in a worker. */
void
dlg_sync_load_state_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Copies or a list of sections that could not be read are not taken for none: no
   * request then, and the copies stay as they are. */
  if (!dlg_sync_read_stored (self->store, data->url, &stored, &data->sections, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->feed = dlg_fetch_new (NULL, data->url, g_steal_pointer (&stored));
  g_task_return_boolean (task, TRUE);
}

void
dlg_sync_state_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GTask *task = user_data;
  DlgSync *self = g_task_get_source_object (task);
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Cancelled already, or the stored copy unreadable: no request at all. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  dlg_fetch_async (self->session, data->feed, self->max_body_size, self->total_timeout_ms,
                   g_task_get_cancellable (task), feed_fetched_cb, task);
}
