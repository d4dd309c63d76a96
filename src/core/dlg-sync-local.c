/* dlg-sync-local.c: a sync of a local file or resource, which compares bytes with the
 * stored copies where HTTP sends validators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-file.h"
#include "dlg-sync-private.h"

/* A file or resource: compare bytes, no validators. */
typedef struct
{
  GFile     *base;
  GPtrArray *read;  /* DlgFetch with body, per section read */
} LocalSections;

static GBytes *
load_local_section_cb (const char    *section,
                       const char    *reference,
                       gpointer       user_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LocalSections *local = user_data;
  g_autofree char *base_uri = g_file_get_uri (local->base);
  g_autofree char *url = g_uri_resolve_relative (base_uri, reference, G_URI_FLAGS_NONE, NULL);
  GBytes *bytes;
  DlgFetch *fetch;

  bytes = dlg_feed_load_relative_file (local->base, section, reference, cancellable, error);
  if (bytes == NULL || url == NULL)
    return bytes;

  fetch = dlg_fetch_new (section, url, NULL);
  fetch->body = g_bytes_ref (bytes);
  g_ptr_array_add (local->read, fetch);
  return bytes;
}

void
dlg_sync_local_update_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GFile) file = g_file_new_for_uri (data->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  LocalSections local = { file, NULL };
  gboolean unchanged;

  bytes = dlg_file_load_limited (file, self->max_body_size, cancellable, &error);
  if (bytes == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_FAILED,
                               _("Could not read the feed at %s: %s"),
                               data->url, error->message);
      return;
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, dlg_fetch_too_large_error (data->url, self->max_body_size));
      return;
    }

  /* Unchanged when the feed and every section read last time are.  Copies or a list of
   * sections that could not be read are not taken for none. */
  if (!dlg_sync_read_stored (self->store, data->url, &stored, &data->sections, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->feed = dlg_fetch_new (NULL, data->url, g_steal_pointer (&stored));
  unchanged = data->feed->stored != NULL && g_bytes_equal (data->feed->stored->body, bytes);
  for (guint i = 0; unchanged && i < data->sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, i);
      g_autoptr(GFile) section_file = g_file_new_for_uri (fetch->url);
      g_autoptr(GBytes) section_bytes = dlg_file_load_limited (section_file, self->max_body_size,
                                                               cancellable, NULL);

      unchanged = fetch->stored != NULL && section_bytes != NULL &&
                  g_bytes_equal (fetch->stored->body, section_bytes);
    }

  if (unchanged)
    {
      for (guint i = 0; i < data->sections->len; i++)
        ((DlgFetch *) g_ptr_array_index (data->sections, i))->status = SOUP_STATUS_NOT_MODIFIED;
      data->feed->status = SOUP_STATUS_NOT_MODIFIED;
      dlg_sync_touch_thread (task, source_object, task_data, cancellable);
      return;
    }

  local.read = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_fetch_free);
  feed = dlg_source_parse_full (bytes, (const char * const *) data->languages, NULL,
                                load_local_section_cb, &local, cancellable, &error);
  if (feed == NULL)
    {
      g_ptr_array_unref (local.read);
      g_task_return_error (task, dlg_sync_invalid_error (data->url, error));
      return;
    }

  /* Store what was read, through the same path as HTTP (parsed once: a 1.3 MB schedule
   * takes some 100 ms to parse). */
  g_clear_pointer (&data->feed->body, g_bytes_unref);
  data->feed->body = g_bytes_ref (bytes);
  g_clear_pointer (&data->sections, g_ptr_array_unref);
  data->sections = local.read;
  data->report->n_parses += 1 + data->sections->len;
  dlg_sync_commit_thread (task, self, g_steal_pointer (&feed));
}
