/* dlg-sync.c: bring a subscribed feed up to date, keeping the last good copy
 *
 * A sync over HTTP goes:
 *   worker: read the stored copies and their validators
 *   main:   conditional GET of the feed (dlg-fetch.c)
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

#include "dlg-fetch.h"
#include "dlg-sync-private.h"

#define DEFAULT_TOTAL_TIMEOUT_MS (2 * 60 * 1000)

G_DEFINE_FINAL_TYPE (DlgSync, dlg_sync, G_TYPE_OBJECT)
G_DEFINE_QUARK (dlg-sync-error-quark, dlg_sync_error)

enum {
  SYNC_STARTED,
  SYNC_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

gboolean
dlg_sync_is_http (const char *url)
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

GError *
dlg_sync_store_error (const char   *url,
                      const GError *error)
{
  return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_STORE,
                      /* Translators: the feed's address, then the store's own sentence on why
                       * ("The saved data could not be written or read: the file is damaged") */
                      _("The saved copy of %s could not be read, and was left as it is. %s"),
                      url, error->message);
}

GError *
dlg_sync_section_error (const char   *url,
                        const GError *error)
{
  /* "The server ... answered with error 404" alone sent an organiser to a feed that was fine.
   * The code stays, for what the network monitor explains (explain_error). */
  return g_error_new (error->domain, error->code,
                      /* Translators: an address, then the sentence on what went wrong */
                      _("Part of the event, published apart at %s, could not be downloaded: %s"),
                      url, error->message);
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

gboolean
dlg_sync_read_stored (DlgStore     *store,
                      const char   *url,
                      DlgResource **feed,
                      GPtrArray   **sections,
                      GError      **error)
{
  g_autoptr(DlgSubscriptionRow) row = NULL;
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!dlg_store_read_subscription (store, url, &row, &local_error) ||
      !dlg_store_read_resource (store, url, &stored, &local_error))
    {
      g_propagate_error (error, dlg_sync_store_error (url, local_error));
      return FALSE;
    }

  fetches = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_fetch_free);
  for (guint i = 0; row != NULL && row->sections[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(DlgResource) section = NULL;
      const char *section_url;

      if (!split_section (row->sections[i], &name, &section_url))
        continue;
      if (!dlg_store_read_resource (store, section_url, &section, &local_error))
        {
          g_propagate_error (error, dlg_sync_store_error (url, local_error));
          return FALSE;
        }
      g_ptr_array_add (fetches, dlg_fetch_new (name, section_url, g_steal_pointer (&section)));
    }

  *feed = g_steal_pointer (&stored);
  *sections = g_steal_pointer (&fetches);
  return TRUE;
}

GBytes *
dlg_sync_current_body (DlgFetch *fetch)
{
  if (fetch->body != NULL)
    return fetch->body;
  if (fetch->stored != NULL)
    return fetch->stored->body;
  return NULL;
}

/* --- joining and finishing ------------------------------------------------ */

static GError *
explain_error (DlgSync      *self,
               const GError *error)
{
  GNetworkConnectivity connectivity;

  /* A server answered these: the network is not to blame.  (An https server's redirect, or
   * its feed naming a section's address, came over a valid certificate: from the server
   * itself, not a sign-in page.) */
  if (self->monitor == NULL || error->domain != DLG_SYNC_ERROR ||
      error->code == DLG_SYNC_ERROR_GONE || error->code == DLG_SYNC_ERROR_TOO_LARGE ||
      error->code == DLG_SYNC_ERROR_INSECURE_REDIRECT ||
      error->code == DLG_SYNC_ERROR_INSECURE_SECTION)
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

  if (dlg_sync_is_http (url))
    {
      GTask *load = g_task_new (self, cancellable, dlg_sync_state_loaded_cb, task);

      g_task_set_task_data (load, data, NULL);
      g_task_run_in_thread (load, dlg_sync_load_state_thread);
      g_object_unref (load);
    }
  else
    {
      g_task_run_in_thread (task, dlg_sync_local_update_thread);
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
  self->pack_saver = g_thread_pool_new (dlg_sync_save_packed_func, self, 1, FALSE, NULL);
}
