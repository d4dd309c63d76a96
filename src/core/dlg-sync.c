/* dlg-sync.c: bring a subscribed feed up to date, keeping the last good copy
 *
 * A sync over HTTP goes:
 *   worker: read the stored copies and their validators
 *   main:   conditional GET of the feed (dlg-sync-fetch.c)
 *   worker: on 200, find the sections published at their own URLs
 *   main:   conditional GET of each section
 *   worker: parse and validate everything, then write it in one transaction
 * A 304 for the feed and every section ends early: no download, no parse.
 * Local files (a USB stick) and resources take the same path in a worker,
 * comparing bytes instead of validators.
 * Each parsed feed is also kept packed (dlg-feed-pack.c), named by a digest of
 * the copies it came from: a start reads the saved event from that, without
 * parsing, unless a copy or the delegate's languages changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dlg-feed-pack.h"
#include "dlg-feed-private.h"
#include "dlg-file.h"
#include "dlg-json-load.h"
#include "dlg-source.h"
#include "dlg-fetch.h"

#define DEFAULT_TOTAL_TIMEOUT_MS (2 * 60 * 1000)

struct _DlgSync
{
  GObject          parent_instance;

  DlgStore        *store;
  SoupSession     *session;
  GNetworkMonitor *monitor;
  guint64          max_body_size;
  guint            total_timeout_ms;

  /* url -> the Flight syncing it (owned by its task, see update_done_cb) */
  GHashTable      *in_flight;

  /* Keeps parsed forms, one at a time, off the path to the screen (see save_packed) */
  GThreadPool     *pack_saver;
};

G_DEFINE_FINAL_TYPE (DlgSync, dlg_sync, G_TYPE_OBJECT)
G_DEFINE_QUARK (dlg-sync-error-quark, dlg_sync_error)

enum {
  SYNC_STARTED,
  SYNC_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const section_names[] = { "members", "agenda", "best_practices" };

void
dlg_sync_report_free (DlgSyncReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->feed);
  g_free (report->url);
  g_free (report);
}

static DlgSyncReport *
report_copy (const DlgSyncReport *report)
{
  DlgSyncReport *copy = g_memdup2 (report, sizeof *report);

  copy->feed = report->feed != NULL ? g_object_ref (report->feed) : NULL;
  copy->url = g_strdup (report->url);
  return copy;
}

/* g_set_str() is GLib 2.76. */
static void
replace_str (char       **place,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*place);
  *place = copy;
}

static gboolean
is_http (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/* --- one update ----------------------------------------------------------- */

/* One sync on its way, and the calls waiting for it. */
typedef struct
{
  char         *url;
  GCancellable *cancellable;  /* the first call's: cancelling it stops the sync for all */
  GPtrArray    *waiters;      /* GTask of each call */
} Flight;

static void
flight_free (Flight *flight)
{
  g_free (flight->url);
  g_clear_object (&flight->cancellable);
  g_ptr_array_unref (flight->waiters);
  g_free (flight);
}

typedef struct
{
  char          *url;
  GStrv          languages;
  DlgFetch      *feed;       /* the feed itself */
  GPtrArray     *sections;   /* DlgFetch, one per section published apart */
  guint          next_section;
  DlgSyncReport *report;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_free (data->url);
  g_strfreev (data->languages);
  g_clear_pointer (&data->feed, dlg_fetch_free);
  g_clear_pointer (&data->sections, g_ptr_array_unref);
  g_clear_pointer (&data->report, dlg_sync_report_free);
  g_free (data);
}

static DlgSubscriptionRow *
find_row (DlgStore   *store,
          const char *url)
{
  g_autoptr(GPtrArray) rows = dlg_store_list_subscriptions (store, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      DlgSubscriptionRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->url, url) == 0)
        return g_ptr_array_steal_index (rows, i);
    }

  return NULL;
}

/* "agenda https://..." */
static gboolean
split_section (const char  *entry,
               char       **name,
               const char **url)
{
  const char *space = strchr (entry, ' ');

  if (space == NULL)
    return FALSE;
  *name = g_strndup (entry, space - entry);
  *url = space + 1;
  return TRUE;
}

/* Sections from the stored list, with their stored copies. */
static GPtrArray *
stored_sections (DlgStore           *store,
                 DlgSubscriptionRow *row)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_fetch_free);

  for (guint i = 0; row != NULL && row->sections[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *url;

      if (split_section (row->sections[i], &name, &url))
        g_ptr_array_add (sections, dlg_fetch_new (name, url, dlg_store_lookup_resource (store, url)));
    }

  return sections;
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

static GBytes *
current_body (DlgFetch *fetch)
{
  if (fetch->body != NULL)
    return fetch->body;
  if (fetch->stored != NULL)
    return fetch->stored->body;
  return NULL;
}

/* --- the parsed form -------------------------------------------------------- */

static void
digest_bytes (GChecksum *sum,
              GBytes    *bytes)
{
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT ":", g_bytes_get_size (bytes));
  gsize n = 0;
  const guchar *data = g_bytes_get_data (bytes, &n);

  g_checksum_update (sum, (const guchar *) size, -1);
  if (n > 0)
    g_checksum_update (sum, data, n);
}

/* Names what a parse starts from: the languages asked for, the feed's bytes and each
 * section's, in their order.  A packed feed is used only under the same name, so that any
 * change to a copy (or to the delegate's languages) parses afresh.  Not a guard against
 * anyone: whoever could forge a collision writes the feed anyway. */
static char *
packed_digest (const char * const *languages,
               GBytes             *feed,
               GPtrArray          *sections)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  /* As the parser takes them (dlg-json-reader.c): a delegate who switches the desktop to
   * Indonesian gets the feed's Indonesian texts, not the kept English ones. */
  if (languages == NULL)
    languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    g_checksum_update (sum, (const guchar *) languages[i], strlen (languages[i]) + 1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  digest_bytes (sum, feed);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (sections, i);
      GBytes *body = current_body (fetch);

      g_checksum_update (sum, (const guchar *) fetch->name, strlen (fetch->name) + 1);
      if (body != NULL)
        digest_bytes (sum, body);
      else
        g_checksum_update (sum, (const guchar *) "-", 1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

/* Keeps a feed's parsed form for the next start; only worth trying (dlg-store.h). */
typedef struct
{
  char      *url;
  GBytes    *packed;
  char      *digest;     /* or NULL, made from what follows */
  GStrv      languages;
  GBytes    *feed;
  GPtrArray *sections;   /* of DlgFetch */
} PackedSave;

static void
packed_save_free (PackedSave *save)
{
  g_free (save->url);
  g_bytes_unref (save->packed);
  g_free (save->digest);
  g_strfreev (save->languages);
  g_clear_pointer (&save->feed, g_bytes_unref);
  g_clear_pointer (&save->sections, g_ptr_array_unref);
  g_free (save);
}

static void
save_packed_func (gpointer data,
                  gpointer user_data)
{
  PackedSave *save = data;
  DlgSync *self = user_data;
  g_autoptr(GError) error = NULL;

  if (save->digest == NULL)
    save->digest = packed_digest ((const char * const *) save->languages, save->feed,
                                  save->sections);
  if (!dlg_store_save_packed (self->store, save->url, save->digest, save->packed, &error))
    g_debug ("The parsed form of %s was not kept: %s", save->url, error->message);
  packed_save_free (save);
}

/* Keeps @packed, the parsed form of the feed a task just returned, named by @digest or, when
 * that is NULL, by the digest of @languages, @feed and @sections: in a thread of its own, as
 * GTask hands a thread's result over only once the thread's function has returned, and
 * digesting and writing the form there (7-10 ms for a FOSDEM-size schedule) held the feed
 * back from the screen by as much. */
static void
save_packed (DlgSync            *self,
             const char         *url,
             GBytes             *packed,
             const char         *digest,
             const char * const *languages,
             GBytes             *feed,
             GPtrArray          *sections)
{
  PackedSave *save;

  if (packed == NULL)
    return;

  save = g_new0 (PackedSave, 1);
  save->url = g_strdup (url);
  save->packed = g_bytes_ref (packed);
  save->digest = g_strdup (digest);
  if (digest == NULL)
    {
      save->languages = g_strdupv ((char **) languages);
      save->feed = feed != NULL ? g_bytes_ref (feed) : NULL;
      save->sections = sections != NULL ? g_ptr_array_ref (sections) : NULL;
    }
  g_thread_pool_push (self->pack_saver, save, NULL);
}

static GBytes *
load_fetched_section_cb (const char    *section,
                         const char    *reference,
                         gpointer       user_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  DlgFetch *fetch = find_section (user_data, section);
  GBytes *body = fetch != NULL ? current_body (fetch) : NULL;

  if (body == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: published separately at “%s”, which was not loaded"),
                   section, reference);
      return NULL;
    }

  return g_bytes_ref (body);
}

static GError *
invalid_error (const char   *url,
               const GError *error)
{
  if (error->domain == DLG_FEED_ERROR)
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_INVALID,
                        _("The feed at %s is not valid: %s"), url, error->message);
  return g_error_copy (error);
}

static void commit_thread (GTask    *task,
                           DlgSync  *self,
                           DlgFeed  *feed);

/* Parses and validates in a worker; writes the whole result at once. */
static void
parse_and_commit_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  feed = dlg_source_parse_full (current_body (data->feed), (const char * const *) data->languages,
                                load_fetched_section_cb, data->sections, cancellable, &error);
  data->report->n_parses += 1 + data->sections->len;
  if (feed == NULL)
    {
      g_task_return_error (task, invalid_error (data->url, error));
      return;
    }

  commit_thread (task, self, feed);
}

/* Writes a parsed feed (transfer full) and its bodies at once, and reports it. */
static void
commit_thread (GTask   *task,
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
   * threads), and kept by another thread while the feed goes to the screen (save_packed).
   * The task, and with it @data, lives until this function returns. */
  packed = dlg_feed_pack (feed);
  data->report->feed = g_steal_pointer (&feed);
  replace_str (&data->report->url, new_url != NULL ? new_url : data->url);
  data->report->fetched_at = now;
  data->report->max_age = data->feed->max_age;
  g_task_return_pointer (task, g_steal_pointer (&data->report),
                         (GDestroyNotify) dlg_sync_report_free);

  save_packed (self, new_url != NULL ? new_url : data->url, packed, NULL,
               (const char * const *) data->languages, current_body (data->feed),
               data->sections);
}

/* Everything answered 304: only the fetch times move. */
static void
touch_thread (GTask        *task,
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
      g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
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

static void
mark_ended_thread (GTask        *task,
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

static void
fetch_next_section (GTask *task);

static gboolean
all_not_modified (UpdateData *data)
{
  if (data->feed->status != SOUP_STATUS_NOT_MODIFIED)
    return FALSE;

  for (guint i = 0; i < data->sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, i);

      if (fetch->status != SOUP_STATUS_NOT_MODIFIED)
        return FALSE;
    }

  return TRUE;
}

static void
section_fetched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  DlgFetch *fetch = g_ptr_array_index (data->sections, data->next_section);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dlg_fetch_finish (result, &error);
  data->report->n_requests += fetch->n_requests;
  data->report->n_bytes += fetch->n_bytes;
  /* A section taken down ends the event as the feed's own 410 does, in the store too. */
  if (!ok && g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE))
    {
      g_task_run_in_thread (task, mark_ended_thread);
      return;
    }
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->next_section++;
  fetch_next_section (g_steal_pointer (&task));
}

static void
fetch_next_section (GTask *task)
{
  DlgSync *self = g_task_get_source_object (task);
  UpdateData *data = g_task_get_task_data (task);

  if (data->next_section < data->sections->len)
    {
      DlgFetch *fetch = g_ptr_array_index (data->sections, data->next_section);

      dlg_fetch_async (self->session, fetch, self->max_body_size, self->total_timeout_ms,
                       g_task_get_cancellable (task), section_fetched_cb, task);
      return;
    }

  if (all_not_modified (data))
    g_task_run_in_thread (task, touch_thread);
  else
    g_task_run_in_thread (task, parse_and_commit_thread);
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

          if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
              json_node_get_value_type (node) != G_TYPE_STRING)
            continue;

          url = g_uri_resolve_relative (data->feed->final_url, json_node_get_string (node),
                                        G_URI_FLAGS_NONE, NULL);
          if (url != NULL && is_http (url))
            g_ptr_array_add (data->sections,
                             dlg_fetch_new (section_names[i], url,
                                            dlg_store_lookup_resource (self->store, url)));
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

  g_task_propagate_boolean (G_TASK (result), NULL);
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
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dlg_fetch_finish (result, &error);
  data->report->n_requests += data->feed->n_requests;
  data->report->n_bytes += data->feed->n_bytes;

  if (!ok && g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE))
    {
      g_task_run_in_thread (task, mark_ended_thread);
      return;
    }
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->feed->status == SOUP_STATUS_NOT_MODIFIED)
    {
      /* The stored list of sections still holds. */
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
static void
load_state_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(DlgSubscriptionRow) row = find_row (self->store, data->url);

  data->feed = dlg_fetch_new (NULL, data->url, dlg_store_lookup_resource (self->store, data->url));
  data->sections = stored_sections (self->store, row);
  g_task_return_boolean (task, TRUE);
}

static void
state_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  DlgSync *self = g_task_get_source_object (task);
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Cancelled already: no request at all. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  dlg_fetch_async (self->session, data->feed, self->max_body_size, self->total_timeout_ms,
                   g_task_get_cancellable (task), feed_fetched_cb, task);
}

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

static void
local_update_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DlgSync *self = source_object;
  UpdateData *data = task_data;
  g_autoptr(GFile) file = g_file_new_for_uri (data->url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlgSubscriptionRow) row = NULL;
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
      g_autofree char *limit = g_format_size (self->max_body_size);

      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_TOO_LARGE,
                               _("The feed at %s is larger than %s, the most Delegate accepts"),
                               data->url, limit);
      return;
    }

  /* Unchanged when the feed and every section read last time are. */
  row = find_row (self->store, data->url);
  data->feed = dlg_fetch_new (NULL, data->url, dlg_store_lookup_resource (self->store, data->url));
  data->sections = stored_sections (self->store, row);
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
      touch_thread (task, source_object, task_data, cancellable);
      return;
    }

  local.read = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_fetch_free);
  feed = dlg_source_parse_full (bytes, (const char * const *) data->languages,
                                load_local_section_cb, &local, cancellable, &error);
  if (feed == NULL)
    {
      g_ptr_array_unref (local.read);
      g_task_return_error (task, invalid_error (data->url, error));
      return;
    }

  /* Store what was read, through the same path as HTTP (parsed once: a 1.3 MB schedule
   * takes some 100 ms to parse). */
  g_clear_pointer (&data->feed->body, g_bytes_unref);
  data->feed->body = g_bytes_ref (bytes);
  g_clear_pointer (&data->sections, g_ptr_array_unref);
  data->sections = local.read;
  data->report->n_parses += 1 + data->sections->len;
  commit_thread (task, self, g_steal_pointer (&feed));
}

/* --- joining and finishing ------------------------------------------------ */

static GError *
explain_error (DlgSync      *self,
               const GError *error)
{
  GNetworkConnectivity connectivity;

  if (self->monitor == NULL || error->domain != DLG_SYNC_ERROR ||
      error->code == DLG_SYNC_ERROR_GONE || error->code == DLG_SYNC_ERROR_TOO_LARGE)
    return g_error_copy (error);

  /* What the network monitor knows beats the symptom. */
  connectivity = g_network_monitor_get_connectivity (self->monitor);
  if (connectivity == G_NETWORK_CONNECTIVITY_PORTAL)
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_CAPTIVE_PORTAL,
                        _("The network here needs you to sign in first: open a web browser "
                          "to sign in"));
  if (!g_network_monitor_get_network_available (self->monitor) &&
      (error->code == DLG_SYNC_ERROR_HOST_NOT_FOUND || error->code == DLG_SYNC_ERROR_UNREACHABLE ||
       error->code == DLG_SYNC_ERROR_TIMED_OUT || error->code == DLG_SYNC_ERROR_FAILED))
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_NO_NETWORK,
                        _("This computer is not connected to a network"));

  return g_error_copy (error);
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DlgSync *self = DLG_SYNC (object);
  Flight *flight = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgSyncReport) report = NULL;
  gboolean replaced;

  report = g_task_propagate_pointer (G_TASK (result), &error);

  /* A sync cancelled may end after another one for the same URL began (dlg_sync_update_async):
   * that one says when the URL's sync is finished. */
  replaced = g_hash_table_lookup (self->in_flight, flight->url) != flight;
  if (!replaced)
    g_hash_table_remove (self->in_flight, flight->url);
  for (guint i = 0; i < flight->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (flight->waiters, i);

      if (report != NULL)
        g_task_return_pointer (waiter, report_copy (report), (GDestroyNotify) dlg_sync_report_free);
      else
        g_task_return_error (waiter, explain_error (self, error));
    }

  if (!replaced)
    g_signal_emit (self, signals[SYNC_FINISHED], 0, flight->url);
  flight_free (flight);
}

void
dlg_sync_update_async (DlgSync              *self,
                       const char           *url,
                       const char * const   *languages,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) waiter = NULL;
  Flight *flight;
  GTask *task;
  UpdateData *data;

  g_return_if_fail (DLG_IS_SYNC (self));
  g_return_if_fail (url != NULL);

  waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter, dlg_sync_update_async);

  /* A sync that was cancelled is not joined: it keeps nothing, and a call after the cancel
   * (its event brought back by Undo) wants the feed. */
  flight = g_hash_table_lookup (self->in_flight, url);
  if (flight != NULL && !g_cancellable_is_cancelled (flight->cancellable))
    {
      g_ptr_array_add (flight->waiters, g_steal_pointer (&waiter));
      return;
    }

  flight = g_new0 (Flight, 1);
  flight->url = g_strdup (url);
  flight->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  flight->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (flight->waiters, g_steal_pointer (&waiter));
  /* Replace, not insert: the key is the new flight's own. */
  g_hash_table_replace (self->in_flight, flight->url, flight);

  data = g_new0 (UpdateData, 1);
  data->url = g_strdup (url);
  data->languages = g_strdupv ((char **) languages);
  data->report = g_new0 (DlgSyncReport, 1);
  data->report->url = g_strdup (url);
  data->report->max_age = -1;

  task = g_task_new (self, cancellable, update_done_cb, flight);
  g_task_set_source_tag (task, dlg_sync_update_async);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);

  g_signal_emit (self, signals[SYNC_STARTED], 0, url);

  if (is_http (url))
    {
      GTask *load = g_task_new (self, cancellable, state_loaded_cb, task);

      g_task_set_task_data (load, data, NULL);
      g_task_run_in_thread (load, load_state_thread);
      g_object_unref (load);
    }
  else
    {
      g_task_run_in_thread (task, local_update_thread);
      g_object_unref (task);
    }
}

DlgSyncReport *
dlg_sync_update_finish (DlgSync       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (DLG_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
dlg_sync_is_syncing (DlgSync    *self,
                     const char *url)
{
  g_return_val_if_fail (DLG_IS_SYNC (self), FALSE);

  return g_hash_table_contains (self->in_flight, url);
}

/* --- the stored copy ------------------------------------------------------ */

typedef struct
{
  char    *url;
  GStrv    languages;
  gint64   fetched_at;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->url);
  g_strfreev (data->languages);
  g_free (data);
}

static void
load_stored_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DlgSync *self = source_object;
  LoadData *data = task_data;
  g_autoptr(DlgSubscriptionRow) row = find_row (self->store, data->url);
  g_autoptr(DlgResource) stored = dlg_store_lookup_resource (self->store, data->url);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *digest = NULL;
  DlgFeed *feed;

  if (stored == NULL)
    {
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_NOTHING_SAVED,
                               _("Nothing is saved yet for %s"), data->url);
      return;
    }

  sections = stored_sections (self->store, row);

  /* Kept parsed by the sync that stored it (or the last start): no parse. */
  digest = packed_digest ((const char * const *) data->languages, stored->body, sections);
  packed = dlg_store_lookup_packed (self->store, data->url, digest);
  if (packed != NULL)
    {
      feed = dlg_feed_unpack (packed, &error);
      if (feed != NULL)
        {
          data->fetched_at = stored->fetched_at;
          g_task_return_pointer (task, feed, g_object_unref);
          return;
        }
      g_debug ("Parsing %s again: %s", data->url, error->message);
      g_clear_error (&error);
    }

  feed = dlg_source_parse_full (stored->body, (const char * const *) data->languages,
                                load_fetched_section_cb, sections, cancellable, &error);
  if (feed == NULL)
    {
      g_task_return_error (task, invalid_error (data->url, error));
      return;
    }
  g_clear_pointer (&packed, g_bytes_unref);
  packed = dlg_feed_pack (feed);
  data->fetched_at = stored->fetched_at;
  g_task_return_pointer (task, feed, g_object_unref);

  /* Kept while the feed goes to the screen (see commit_thread). */
  save_packed (self, data->url, packed, digest, NULL, NULL, NULL);
}

void
dlg_sync_load_stored_async (DlgSync              *self,
                            const char           *url,
                            const char * const   *languages,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DLG_IS_SYNC (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dlg_sync_load_stored_async);
  data = g_new0 (LoadData, 1);
  data->url = g_strdup (url);
  data->languages = g_strdupv ((char **) languages);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_stored_thread);
}

DlgFeed *
dlg_sync_load_stored_finish (DlgSync       *self,
                             GAsyncResult  *result,
                             gint64        *fetched_at,
                             GError       **error)
{
  LoadData *data;
  DlgFeed *feed;

  g_return_val_if_fail (DLG_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  feed = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (fetched_at != NULL)
    *fetched_at = feed != NULL ? data->fetched_at : 0;
  return feed;
}

/* --- GObject -------------------------------------------------------------- */

DlgSync *
dlg_sync_new (DlgStore        *store,
              SoupSession     *session,
              GNetworkMonitor *monitor)
{
  DlgSync *self;

  g_return_val_if_fail (DLG_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (DLG_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->monitor = monitor != NULL ? g_object_ref (monitor) : NULL;

  self->session = session != NULL ? g_object_ref (session) : dlg_fetch_session_new ();
  return self;
}

DlgStore *
dlg_sync_get_store (DlgSync *self)
{
  g_return_val_if_fail (DLG_IS_SYNC (self), NULL);

  return self->store;
}

SoupSession *
dlg_sync_get_session (DlgSync *self)
{
  g_return_val_if_fail (DLG_IS_SYNC (self), NULL);

  return self->session;
}

void
dlg_sync_set_max_body_size (DlgSync *self,
                            guint64  max_body_size)
{
  g_return_if_fail (DLG_IS_SYNC (self));

  self->max_body_size = max_body_size;
}

void
dlg_sync_set_total_timeout (DlgSync *self,
                            guint    timeout_ms)
{
  g_return_if_fail (DLG_IS_SYNC (self));

  self->total_timeout_ms = timeout_ms;
}

static void
dlg_sync_dispose (GObject *object)
{
  DlgSync *self = DLG_SYNC (object);

  /* Every form on its way is kept before the store goes. */
  if (self->pack_saver != NULL)
    {
      g_thread_pool_free (self->pack_saver, FALSE, TRUE);
      self->pack_saver = NULL;
    }
  g_clear_object (&self->session);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dlg_sync_parent_class)->dispose (object);
}

static void
dlg_sync_finalize (GObject *object)
{
  DlgSync *self = DLG_SYNC (object);

  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (dlg_sync_parent_class)->finalize (object);
}

static void
dlg_sync_class_init (DlgSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_sync_dispose;
  object_class->finalize = dlg_sync_finalize;

  signals[SYNC_STARTED] =
    g_signal_new ("sync-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SYNC_FINISHED] =
    g_signal_new ("sync-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dlg_sync_init (DlgSync *self)
{
  self->max_body_size = DLG_SYNC_DEFAULT_MAX_BODY_SIZE;
  self->total_timeout_ms = DEFAULT_TOTAL_TIMEOUT_MS;
  self->in_flight = g_hash_table_new (g_str_hash, g_str_equal);
  self->pack_saver = g_thread_pool_new (save_packed_func, self, 1, FALSE, NULL);
}
