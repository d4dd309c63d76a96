/* dlg-sync-commit.c: what the sync fetched, parsed and written to the store in one
 * transaction, or only its fetch times (all 304), or the event's end (410)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-pack.h"
#include "dlg-feed-private.h"
#include "dlg-sync-private.h"

/* g_set_str() is GLib 2.76. */
static void
replace_str (char       **place,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*place);
  *place = copy;
}

static DlgFetch *
find_section (GPtrArray  *sections,
              const char *name)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (sections, i);

      if (g_strcmp0 (fetch->name, name) == 0)
        return fetch;
    }

  return NULL;
}

GBytes *
dlg_sync_load_fetched_section_cb (const char    *section,
                                  const char    *reference,
                                  gpointer       user_data,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  DlgFetch *fetch = find_section (user_data, section);
  GBytes *body = fetch != NULL ? dlg_sync_current_body (fetch) : NULL;

  if (body == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: published separately at “%s”, which was not loaded"),
                   section, reference);
      return NULL;
    }

  return g_bytes_ref (body);
}

GError *
dlg_sync_invalid_error (const char   *url,
                        const GError *error)
{
  if (error->domain == DLG_FEED_ERROR)
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_INVALID,
                        _("The feed at %s is not valid: %s"), url, error->message);
  return g_error_copy (error);
}

/* A parse failed: was it a download broken off, whose truncated body libsoup handed over
 * as whole (dlg-fetch-cut.c)?  Then the delegate is told so, not that the feed is invalid. */
static GError *
broken_off_error (UpdateData *data)
{
  for (guint i = 0; i <= data->sections->len; i++)
    {
      DlgFetch *fetch = i == 0 ? data->feed : g_ptr_array_index (data->sections, i - 1);

      if (fetch->body != NULL && fetch->unframed && dlg_fetch_body_cut_short (fetch->body))
        return dlg_fetch_broken_off_error (fetch->final_url != NULL ? fetch->final_url
                                                                    : fetch->url);
    }

  return NULL;
}

/* Parses and validates in a worker; writes the whole result at once. */
void
dlg_sync_parse_and_commit_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  feed = dlg_source_parse_full (dlg_sync_current_body (data->feed),
                                (const char * const *) data->languages, NULL,
                                dlg_sync_load_fetched_section_cb, data->sections,
                                cancellable, &error);
  data->report->n_parses += 1 + data->sections->len;
  if (feed == NULL)
    {
      GError *broken_off = broken_off_error (data);

      g_task_return_error (task, broken_off != NULL ? broken_off
                                                    : dlg_sync_invalid_error (data->url, error));
      return;
    }

  dlg_sync_commit_thread (task, self, feed);
}

/* Writes a parsed feed (transfer full) and its bodies at once, and reports it. */
void
dlg_sync_commit_thread (GTask   *task,
                        DlgSync *self,
                        DlgFeed *parsed)
{
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(DlgFeed) feed = parsed;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GStrvBuilder) section_list = g_strv_builder_new ();
  g_auto(GStrv) sections = NULL;
  g_autoptr(GBytes) packed = NULL;
  const char *new_url = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  DlgEvent *event;

  /* Cancelled (its event removed) while it downloaded or parsed: the saved copy stays. */
  if (g_task_return_error_if_cancelled (task))
    return;

  resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
  for (guint i = 0; i <= data->sections->len; i++)
    {
      DlgFetch *fetch = i == 0 ? data->feed : g_ptr_array_index (data->sections, i - 1);
      DlgResource *resource;

      if (fetch->body != NULL)
        {
          resource = dlg_resource_new (fetch->url);
          resource->body = g_bytes_ref (fetch->body);
          resource->etag = g_strdup (fetch->etag);
          resource->last_modified = g_strdup (fetch->last_modified);
        }
      else
        {
          resource = dlg_resource_copy (fetch->stored);
          if (fetch->etag != NULL)
            replace_str (&resource->etag, fetch->etag);
          if (fetch->last_modified != NULL)
            replace_str (&resource->last_modified, fetch->last_modified);
        }
      resource->fetched_at = now;
      resource->max_age = fetch->max_age;
      g_ptr_array_add (resources, resource);

      if (i > 0)
        {
          g_autofree char *entry = g_strdup_printf ("%s %s", fetch->name, fetch->url);

          g_strv_builder_add (section_list, entry);
        }
    }

  /* A permanent move takes the subscription and its copy along. */
  if (data->feed->final_url != NULL && data->feed->permanent &&
      g_strcmp0 (data->feed->final_url, data->url) != 0)
    {
      new_url = data->feed->final_url;
      replace_str (&((DlgResource *) g_ptr_array_index (resources, 0))->url, new_url);
    }

  sections = g_strv_builder_end (section_list);
  event = dlg_feed_get_event (feed);
  if (!dlg_store_commit_sync (self->store, data->url, new_url,
                              dlg_event_get_id (event), dlg_event_get_title (event),
                              (const char * const *) sections, resources, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Packed before the feed leaves this thread (its lists are not to be read from two
   * threads), and kept by another thread while the feed goes to the screen
   * (dlg_sync_save_packed). The task, and with it @data, lives until this function returns. */
  packed = dlg_feed_pack (feed);
  data->report->feed = g_steal_pointer (&feed);
  replace_str (&data->report->url, new_url != NULL ? new_url : data->url);
  data->report->fetched_at = now;
  data->report->max_age = data->feed->max_age;
  g_task_return_pointer (task, g_steal_pointer (&data->report),
                         (GDestroyNotify) dlg_sync_report_free);

  dlg_sync_save_packed (self, new_url != NULL ? new_url : data->url, packed, NULL,
                        (const char * const *) data->languages, dlg_sync_current_body (data->feed),
                        data->sections);
}

/* Everything answered 304, or sent the saved bytes again (is_unchanged, dlg-sync-http.c):
 * only the validators and fetch times move. */
void
dlg_sync_touch_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (g_task_return_error_if_cancelled (task))
    return;

  for (guint i = 0; i <= data->sections->len; i++)
    {
      DlgFetch *fetch = i == 0 ? data->feed : g_ptr_array_index (data->sections, i - 1);

      if (!dlg_store_touch_resource (self->store, fetch->url, fetch->etag, fetch->last_modified,
                                     now, fetch->max_age, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  /* The feed answered: an event that a 410 once said was over is not (the store would say
   * so at every start). */
  if (!dlg_store_set_ended (self->store, data->url, FALSE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A permanent redirect to an unchanged copy still moves the subscription. */
  if (data->feed->final_url != NULL && data->feed->permanent &&
      g_strcmp0 (data->feed->final_url, data->url) != 0)
    {
      g_autoptr(GPtrArray) resources =
        g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
      DlgResource *moved = dlg_resource_copy (data->feed->stored);

      replace_str (&moved->url, data->feed->final_url);
      moved->fetched_at = now;
      g_ptr_array_add (resources, moved);
      if (!dlg_store_commit_sync (self->store, data->url, data->feed->final_url, NULL, NULL,
                                  NULL, resources, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      replace_str (&data->report->url, data->feed->final_url);
    }

  data->report->fetched_at = now;
  data->report->max_age = data->feed->max_age;
  g_task_return_pointer (task, g_steal_pointer (&data->report),
                         (GDestroyNotify) dlg_sync_report_free);
}

void
dlg_sync_mark_ended_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!dlg_store_set_ended (self->store, data->url, TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE,
                           _("The organiser has taken the feed down: the event is over; "
                             "its saved copy stays"));
}
