/* dlg-library.c: the events a delegate follows, the one on screen, and when they sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-library.h"
#include "dlg-network.h"
#include "dlg-subscription-private.h"

#define BUILTIN_URL "resource://" RESOURCE_PATH "/feeds/kupang-2019.json"

struct _DlgLibrary
{
  GObject          parent_instance;

  DlgSync         *sync;
  DlgStore        *store;
  GNetworkMonitor *monitor;
  GListStore      *subscriptions;
  DlgSubscription *current;
  DlgFeed         *feed;
  GCancellable    *cancellable;  /* reading saved copies; the library's end cancels it */
  GHashTable      *syncs;        /* DlgSubscription -> GCancellable of its sync on its way:
                                  * removing the event cancels it (cancel_sync) */
  guint            timer_id;
  guint            n_failures;   /* the current event's updates broken off in a row */
  guint            generation;   /* bumped on each switch: late results are dropped */
  DlgSubscription *removed;      /* out of the list, still in the store (Undo) */
  guint            removed_position;
  DlgNetworkState  network;      /* what the monitor said last */
  gboolean         loading;      /* the current event's feed is on its way */
};

G_DEFINE_FINAL_TYPE (DlgLibrary, dlg_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_FEED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_feed (DlgLibrary *self,
          DlgFeed    *feed)
{
  if (g_set_object (&self->feed, feed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

static void
set_loading (DlgLibrary *self,
             gboolean    loading)
{
  if (self->loading != loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/* --- syncing --------------------------------------------------------------- */

typedef struct
{
  DlgLibrary      *self;
  DlgSubscription *subscription;
  GCancellable    *cancellable;
} SyncCall;

static void
sync_call_free (SyncCall *call)
{
  g_object_unref (call->cancellable);
  g_object_unref (call->subscription);
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SyncCall, sync_call_free)

static void
sync_subscription (DlgLibrary      *self,
                   DlgSubscription *subscription);

static gboolean
timer_cb (gpointer user_data)
{
  DlgLibrary *self = user_data;

  self->timer_id = 0;
  dlg_library_refresh (self);
  return G_SOURCE_REMOVE;
}

guint
dlg_library_sync_delay (gint64 max_age)
{
  /* Never more often than every 30 minutes; later if the server asks. */
  if (max_age > DLG_LIBRARY_SYNC_INTERVAL)
    return (guint) MIN (max_age, (gint64) 24 * 60 * 60);
  return DLG_LIBRARY_SYNC_INTERVAL;
}

guint
dlg_library_retry_delay (guint n_failures)
{
  /* Soon at first, a crowded network's trouble often passing within minutes; then no more
   * often than the usual sync, so that a thousand delegates at one venue do not keep its
   * network busy with tries. */
  if (n_failures == 0)
    return DLG_LIBRARY_SYNC_INTERVAL;
  if (n_failures <= 5)
    return 60u << (n_failures - 1);
  return DLG_LIBRARY_SYNC_INTERVAL;
}

/* One timer at most, whatever ends how often: a new schedule replaces the last. */
static void
schedule_in (DlgLibrary *self,
             guint       seconds)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (seconds, timer_cb, self);
}

static void
schedule_next (DlgLibrary *self,
               gint64      max_age)
{
  schedule_in (self, dlg_library_sync_delay (max_age));
}

/* A download broken off or too slow is the network's passing trouble: tried again soon. */
static gboolean
is_worth_retrying (const GError *error)
{
  return g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_TRUNCATED) ||
         g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_TIMED_OUT);
}

static DlgSubscription *find_subscription (DlgLibrary *self,
                                           const char *url);

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SyncCall) call = user_data;
  DlgLibrary *self = call->self;
  DlgSubscription *subscription = call->subscription;
  g_autoptr(DlgSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DlgSubscription *twin;
  gboolean is_current;

  report = dlg_sync_update_finish (DLG_SYNC (object), result, &error);

  /* Stopped by the event's removal (cancel_sync): nothing to say, and a sync since (after
   * Undo) is another one's to report. */
  if (g_hash_table_lookup (self->syncs, subscription) != call->cancellable)
    return;
  g_hash_table_remove (self->syncs, subscription);
  dlg_subscription_set_syncing (subscription, FALSE);
  is_current = subscription == self->current;

  twin = report != NULL && g_strcmp0 (report->url, dlg_subscription_get_url (subscription)) != 0
         ? find_subscription (self, report->url) : NULL;
  if (twin != NULL && twin != subscription)
    {
      guint position;

      /* The feed moved for good to an address the delegate follows as well: one event, one
       * entry, the one at the new address (the store kept that one, dlg_store_commit_sync). */
      if (g_list_store_find (self->subscriptions, subscription, &position))
        g_list_store_remove (self->subscriptions, position);
      if (is_current)
        dlg_library_set_current (self, twin);
    }
  else if (report != NULL)
    {
      dlg_subscription_set_url (subscription, report->url);
      dlg_subscription_set_updated_at (subscription, report->fetched_at);
      dlg_subscription_set_error (subscription, NULL);
      dlg_subscription_set_ended (subscription, FALSE);
      if (report->feed != NULL)
        {
          DlgEvent *event = dlg_feed_get_event (report->feed);

          dlg_subscription_set_title (subscription, dlg_event_get_title (event));
          dlg_subscription_set_event_id (subscription, dlg_event_get_id (event));
          if (is_current)
            set_feed (self, report->feed);
        }
      if (is_current)
        {
          self->n_failures = 0;
          schedule_next (self, report->max_age);
        }
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Sync of %s failed: %s", dlg_subscription_get_url (subscription), error->message);
      dlg_subscription_set_error (subscription, error);
      if (g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE))
        dlg_subscription_set_ended (subscription, TRUE);
      if (is_current && is_worth_retrying (error))
        schedule_in (self, dlg_library_retry_delay (++self->n_failures));
      else if (is_current)
        schedule_next (self, -1);
    }

  /* An event with nothing saved is on its way until its first sync ends, either way. */
  if (is_current && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_loading (self, FALSE);
}

static void
sync_subscription (DlgLibrary      *self,
                   DlgSubscription *subscription)
{
  SyncCall *call;

  /* Already on its way: its end is this call's too. */
  if (g_hash_table_contains (self->syncs, subscription))
    return;

  call = g_new0 (SyncCall, 1);
  call->self = g_object_ref (self);
  call->subscription = g_object_ref (subscription);
  /* Its own, so that removing the event stops its sync and no other (cancel_sync). */
  call->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->syncs, subscription, g_object_ref (call->cancellable));
  dlg_subscription_set_syncing (subscription, TRUE);
  dlg_sync_update_async (self->sync, dlg_subscription_get_url (subscription), NULL,
                         call->cancellable, sync_done_cb, call);
}

/* Stops @subscription's sync, if it has one on its way: its request is dropped, nothing of it
 * is saved, and it reports nothing, not even that it stopped. */
static void
cancel_sync (DlgLibrary      *self,
             DlgSubscription *subscription)
{
  GCancellable *running = g_hash_table_lookup (self->syncs, subscription);
  g_autoptr(GCancellable) cancellable = NULL;

  if (running == NULL)
    return;

  /* Out of the table first: sync_done_cb, whenever it runs, then knows it was stopped. */
  cancellable = g_object_ref (running);
  g_hash_table_remove (self->syncs, subscription);
  dlg_subscription_set_syncing (subscription, FALSE);
  g_cancellable_cancel (cancellable);
}

void
dlg_library_refresh (DlgLibrary *self)
{
  g_return_if_fail (DLG_IS_LIBRARY (self));

  if (self->current != NULL)
    sync_subscription (self, self->current);
}

/* --- showing the current event ---------------------------------------------- */

typedef struct
{
  DlgLibrary      *self;
  DlgSubscription *subscription;
  guint            generation;
} LoadCall;

static void
stored_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LoadCall *call = user_data;
  DlgLibrary *self = call->self;
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fetched_at = 0;

  feed = dlg_sync_load_stored_finish (DLG_SYNC (object), result, &fetched_at, &error);

  if (call->generation == self->generation &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (feed != NULL)
        {
          set_feed (self, feed);
          dlg_subscription_set_updated_at (call->subscription, fetched_at);
        }
      else if (!g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_NOTHING_SAVED))
        g_warning ("The saved copy of %s is unreadable: %s",
                   dlg_subscription_get_url (call->subscription), error->message);
      /* After the feed: a window waiting for it never sees "loaded, and nothing".  With
       * nothing saved, the first sync brings the feed (sync_done_cb). */
      if (!g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_NOTHING_SAVED))
        set_loading (self, FALSE);

      /* Shown: now see whether there is anything newer. */
      sync_subscription (self, call->subscription);
    }

  g_object_unref (call->subscription);
  g_object_unref (call->self);
  g_free (call);
}

static void
show_current (DlgLibrary *self)
{
  LoadCall *call;

  self->generation++;
  /* Loading first: a window can keep the last event on screen until the next is read. */
  set_loading (self, self->current != NULL);
  set_feed (self, NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->current == NULL)
    return;

  call = g_new0 (LoadCall, 1);
  call->self = g_object_ref (self);
  call->subscription = g_object_ref (self->current);
  call->generation = self->generation;
  dlg_sync_load_stored_async (self->sync, dlg_subscription_get_url (self->current), NULL,
                              self->cancellable, stored_loaded_cb, call);
}

static void
make_current (DlgLibrary      *self,
              DlgSubscription *subscription)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgSubscription) item = g_list_model_get_item (G_LIST_MODEL (self->subscriptions), i);

      dlg_subscription_set_current (item, item == subscription);
    }

  if (g_set_object (&self->current, subscription))
    {
      /* Another event's feed, another server: its tries start afresh. */
      self->n_failures = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
    }
}

void
dlg_library_set_current (DlgLibrary      *self,
                         DlgSubscription *subscription)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DLG_IS_LIBRARY (self));
  g_return_if_fail (subscription == NULL || DLG_IS_SUBSCRIPTION (subscription));

  if (subscription == self->current)
    return;

  /* One small write, like a star: fine on the main loop. */
  if (subscription != NULL &&
      !dlg_store_set_current (self->store, dlg_subscription_get_url (subscription), &error))
    g_warning ("Could not remember the current event: %s", error->message);

  make_current (self, subscription);
  show_current (self);
}

/* --- subscriptions ------------------------------------------------------------ */

static DlgSubscription *
find_subscription (DlgLibrary *self,
                   const char *url)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgSubscription) item = g_list_model_get_item (G_LIST_MODEL (self->subscriptions), i);

      if (g_strcmp0 (dlg_subscription_get_url (item), url) == 0)
        return item;
    }

  return NULL;
}

/* The scheme meant by @text when it starts with a host name, as a poster or a chat prints
 * an address: "kupangkota.go.id/forum" is https, "192.168.1.10:8000/feed.json" http; NULL
 * for "agenda.json", "Unduhan/agenda.json" and "/media/usb/agenda.json". */
static const char *
bare_address_scheme (const char *text)
{
  /* What a file the delegate might type ends with: read as a file even where a top-level
   * domain has the name (.md, .zip), a file being far likelier. */
  static const char * const file_types[] = { "json", "xml", "ics", "txt", "md", "csv", "html",
                                             "htm", "pdf", "odt", "doc", "docx", "zip",
                                             NULL };
  gsize host_len = strcspn (text, "/?#");
  g_autofree char *host = g_ascii_strdown (text, host_len);
  char *colon = strchr (host, ':');
  const char *last_dot;

  /* A port: digits, and nothing else, after the host. */
  if (colon != NULL)
    {
      if (colon[1] == '\0' || strspn (colon + 1, "0123456789") != strlen (colon + 1) ||
          strlen (colon + 1) > 5)
        return NULL;
      *colon = '\0';
    }
  /* A machine on the venue's network, or the organiser's own, serves plain http: such
   * servers have no certificate. */
  if (g_strcmp0 (host, "localhost") == 0 ||
      (strchr (host, ':') == NULL && g_hostname_is_ip_address (host)))
    return "http";

  last_dot = strrchr (host, '.');
  if (host[0] == '\0' || last_dot == NULL || last_dot == host || last_dot[1] == '\0')
    return NULL;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return NULL;
  /* A top-level domain is letters, and not a file's type. */
  for (const char *p = last_dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return NULL;
  return g_strv_contains (file_types, last_dot + 1) ? NULL : "https";
}

/* "https//kupangkota.go.id/feed.json": a scheme with its colon lost, or misspelt, before
 * an address. */
static gboolean
is_mistyped_address (const char *text)
{
  gsize letters = 0;

  while (g_ascii_isalpha (text[letters]))
    letters++;
  return letters > 0 && g_str_has_prefix (text + letters, "//") &&
         bare_address_scheme (text + letters + 2) != NULL;
}

char *
dlg_library_normalise_location (const char  *location,
                                GError     **error)
{
  g_autofree char *scheme = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *stripped = NULL;
  const char *bare;

  g_return_val_if_fail (location != NULL, NULL);

  stripped = g_strstrip (g_strdup (location));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of an event’s feed, or choose a file"));
      return NULL;
    }

  scheme = g_uri_parse_scheme (stripped);
  if (scheme == NULL)
    {
      /* "~/Unduhan/agenda.json", typed as in a terminal. */
      if (stripped[0] == '~' && (stripped[1] == '/' || stripped[1] == '\0'))
        file = g_file_new_build_filename (g_get_home_dir (), stripped + 1, NULL);
      else
        /* A path, relative to where delegate was started. */
        file = g_file_new_for_commandline_arg (stripped);
      if (!g_file_query_exists (file, NULL))
        {
          /* An address as a poster or a chat prints it, without "https://", is one,
           * unless a file of that name is there. */
          bare = bare_address_scheme (stripped);
          if (bare != NULL)
            {
              g_autofree char *web = g_strconcat (bare, "://", stripped, NULL);

              return dlg_library_normalise_location (web, error);
            }
          if (is_mistyped_address (stripped))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("“%s” is not a valid web address"), stripped);
              return NULL;
            }
        }
      return g_file_get_uri (file);
    }

  /* "kupangkota.go.id:8080/feed.json" parses as the scheme "kupangkota.go.id". */
  bare = bare_address_scheme (stripped);
  if (bare != NULL)
    {
      g_autofree char *web = g_strconcat (bare, "://", stripped, NULL);

      return dlg_library_normalise_location (web, error);
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid web address"), stripped);
          return NULL;
        }
      /* GUri takes "contoh org" for a server's name, and gives it back as "contoh%20org",
       * which no network can find: a slip of the keyboard, said as such. */
      if (strpbrk (g_uri_get_host (uri), " \t\r\n") != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a valid web address: there is a space in the "
                         "server’s name"), stripped);
          return NULL;
        }
      return g_uri_to_string (uri);
    }

  if (g_ascii_strcasecmp (scheme, "file") == 0 || g_ascii_strcasecmp (scheme, "resource") == 0)
    return g_steal_pointer (&stripped);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Delegate reads feeds from web addresses (https or http) and from files, "
                 "not from “%s”"), stripped);
  return NULL;
}

char *
dlg_library_locate (const char  *location,
                    GError     **error)
{
  g_autofree char *url = dlg_library_normalise_location (location, error);

  if (url == NULL)
    return NULL;

  /* A file that is not there, or a folder, is never worth a subscription: it would only ever
   * sync to an error.  In a Flatpak a path on the host looks as if not there: the sandbox
   * sees only the files chosen in the Open dialog. */
  if (g_str_has_prefix (url, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (url);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
      g_autofree char *path = g_file_get_parse_name (file);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("“%s” is a folder: choose the event’s file in it"), path);
          return NULL;
        }
      if (type == G_FILE_TYPE_UNKNOWN)
        {
          if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("Delegate cannot see “%s”: it runs in a sandbox that sees only the "
                           "files you open with Add Event (Ctrl+O)"), path);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("There is no file at “%s”"), path);
          return NULL;
        }
    }

  return g_steal_pointer (&url);
}

static DlgSubscription *
append_subscription (DlgLibrary *self,
                     const char *url)
{
  g_autoptr(DlgSubscription) subscription = dlg_subscription_new (url);

  g_list_store_append (self->subscriptions, subscription);
  return subscription;
}

static void forget_removed (DlgLibrary *self);

gboolean
dlg_library_add (DlgLibrary  *self,
                 const char  *location,
                 GError     **error)
{
  g_autofree char *url = NULL;
  DlgSubscription *subscription;

  g_return_val_if_fail (DLG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  url = dlg_library_locate (location, error);
  if (url == NULL)
    return FALSE;

  /* Added again before its removal was final: it comes back with its saved copy. */
  if (self->removed != NULL && g_strcmp0 (dlg_subscription_get_url (self->removed), url) == 0)
    dlg_library_restore_removed (self, self->removed);

  subscription = find_subscription (self, url);
  if (subscription == NULL)
    {
      if (!dlg_store_add_subscription (self->store, url, error))
        return FALSE;
      subscription = append_subscription (self, url);
    }

  if (subscription == self->current)
    dlg_library_refresh (self);
  else
    dlg_library_set_current (self, subscription);
  return TRUE;
}

void
dlg_library_remove (DlgLibrary      *self,
                    DlgSubscription *subscription)
{
  guint position;

  g_return_if_fail (DLG_IS_LIBRARY (self));
  g_return_if_fail (DLG_IS_SUBSCRIPTION (subscription));

  if (!g_list_store_find (self->subscriptions, subscription, &position))
    return;

  /* One removal can be taken back: the one before goes for good now. */
  forget_removed (self);
  /* Nobody wants its news any more; Undo syncs it again (stored_loaded_cb). */
  cancel_sync (self, subscription);
  self->removed = g_object_ref (subscription);
  self->removed_position = position;
  g_list_store_remove (self->subscriptions, position);

  if (subscription == self->current)
    {
      g_autoptr(DlgSubscription) next = g_list_model_get_item (G_LIST_MODEL (self->subscriptions), 0);

      dlg_library_set_current (self, next);
    }
}

gboolean
dlg_library_restore_removed (DlgLibrary      *self,
                             DlgSubscription *subscription)
{
  g_autoptr(DlgSubscription) restored = NULL;

  g_return_val_if_fail (DLG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (subscription), FALSE);

  if (self->removed != subscription)
    return FALSE;

  restored = g_steal_pointer (&self->removed);
  g_list_store_insert (self->subscriptions,
                       MIN (self->removed_position,
                            g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions))),
                       restored);
  dlg_library_set_current (self, restored);
  return TRUE;
}

static void
forget_removed (DlgLibrary *self)
{
  g_autoptr(DlgSubscription) subscription = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;

  if (subscription != NULL &&
      !dlg_store_remove_subscription (self->store, dlg_subscription_get_url (subscription), &error))
    g_warning ("Could not remove %s: %s", dlg_subscription_get_url (subscription), error->message);
}

void
dlg_library_forget_removed (DlgLibrary      *self,
                            DlgSubscription *subscription)
{
  g_return_if_fail (DLG_IS_LIBRARY (self));
  g_return_if_fail (subscription == NULL || DLG_IS_SUBSCRIPTION (subscription));

  if (subscription == NULL || self->removed == subscription)
    forget_removed (self);
}

gboolean
dlg_library_start (DlgLibrary  *self,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  DlgSubscription *current = NULL;

  g_return_val_if_fail (DLG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Unread is not empty: no first launch, which would bring back the built-in forum and make
   * it the current event in the store, over the delegate's own choice.  The store stays as it
   * is for the next start. */
  rows = dlg_store_list_subscriptions (self->store, error);
  if (rows == NULL)
    return FALSE;

  /* First launch: the built-in forum is there, and needs no network. */
  if (rows->len == 0)
    {
      if (!dlg_store_add_subscription (self->store, BUILTIN_URL, &local_error) ||
          !dlg_store_set_current (self->store, BUILTIN_URL, &local_error))
        g_warning ("Could not save the built-in feed’s subscription: %s", local_error->message);
      current = append_subscription (self, BUILTIN_URL);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      DlgSubscriptionRow *row = g_ptr_array_index (rows, i);
      DlgSubscription *subscription = append_subscription (self, row->url);

      dlg_subscription_set_title (subscription, row->title);
      dlg_subscription_set_event_id (subscription, row->event_id);
      dlg_subscription_set_ended (subscription, row->ended);
      if (row->current || current == NULL)
        current = subscription;
    }

  make_current (self, current);
  show_current (self);

  /* Files and the built-in feed need no network: read the ones never read
   * yet, so the list of events shows their titles. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->subscriptions)); i++)
    {
      g_autoptr(DlgSubscription) item = g_list_model_get_item (G_LIST_MODEL (self->subscriptions), i);
      g_autofree char *scheme = g_uri_parse_scheme (dlg_subscription_get_url (item));

      if (dlg_subscription_get_event_id (item) == NULL &&
          g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
        sync_subscription (self, item);
    }

  return TRUE;
}

/* --- the network ------------------------------------------------------------- */

/* Both "network-changed" and "notify::connectivity" come here: a monitor may report a
 * sign-in on a venue's page by either, and the state kept makes the second a no-op. */
static void
network_changed (DlgLibrary *self)
{
  DlgNetworkState before = self->network;

  self->network.available = g_network_monitor_get_network_available (self->monitor);
  self->network.connectivity = g_network_monitor_get_connectivity (self->monitor);
  if (dlg_network_should_sync (&before, &self->network))
    dlg_library_refresh (self);
}

static void
network_changed_cb (DlgLibrary      *self,
                    gboolean         available,
                    GNetworkMonitor *monitor)
{
  network_changed (self);
}

static void
connectivity_changed_cb (DlgLibrary      *self,
                         GParamSpec      *pspec,
                         GNetworkMonitor *monitor)
{
  network_changed (self);
}

/* --- GObject ------------------------------------------------------------------ */

DlgLibrary *
dlg_library_new (DlgSync         *sync,
                 GNetworkMonitor *monitor)
{
  DlgLibrary *self;

  g_return_val_if_fail (DLG_IS_SYNC (sync), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (DLG_TYPE_LIBRARY, NULL);
  self->sync = g_object_ref (sync);
  self->store = g_object_ref (dlg_sync_get_store (sync));
  if (monitor != NULL)
    {
      self->monitor = g_object_ref (monitor);
      self->network.available = g_network_monitor_get_network_available (monitor);
      self->network.connectivity = g_network_monitor_get_connectivity (monitor);
      g_signal_connect_object (monitor, "network-changed",
                               G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (monitor, "notify::connectivity",
                               G_CALLBACK (connectivity_changed_cb), self, G_CONNECT_SWAPPED);
    }
  return self;
}

DlgStore *
dlg_library_get_store (DlgLibrary *self)
{
  g_return_val_if_fail (DLG_IS_LIBRARY (self), NULL);
  return self->store;
}

GListModel *
dlg_library_get_subscriptions (DlgLibrary *self)
{
  g_return_val_if_fail (DLG_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->subscriptions);
}

DlgSubscription *
dlg_library_get_current (DlgLibrary *self)
{
  g_return_val_if_fail (DLG_IS_LIBRARY (self), NULL);
  return self->current;
}

/* TRUE while the current event's feed is on its way (its saved copy is read, or with none
 * saved, its first sync runs): no feed yet does not mean there is none. */
gboolean
dlg_library_get_loading (DlgLibrary *self)
{
  g_return_val_if_fail (DLG_IS_LIBRARY (self), FALSE);

  return self->loading;
}

DlgFeed *
dlg_library_get_feed (DlgLibrary *self)
{
  g_return_val_if_fail (DLG_IS_LIBRARY (self), NULL);
  return self->feed;
}

static void
dlg_library_dispose (GObject *object)
{
  DlgLibrary *self = DLG_LIBRARY (object);

  /* A removal not taken back is final (the app says so at its end: see the header). */
  if (self->store != NULL)
    forget_removed (self);
  g_cancellable_cancel (self->cancellable);
  /* No sync is left in self->syncs by now: each holds the library until it ends. */
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->feed);
  g_clear_object (&self->current);
  g_clear_object (&self->subscriptions);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->sync);

  G_OBJECT_CLASS (dlg_library_parent_class)->dispose (object);
}

static void
dlg_library_finalize (GObject *object)
{
  DlgLibrary *self = DLG_LIBRARY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->syncs, g_hash_table_unref);

  G_OBJECT_CLASS (dlg_library_parent_class)->finalize (object);
}

static void
dlg_library_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DlgLibrary *self = DLG_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_library_class_init (DlgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_library_dispose;
  object_class->finalize = dlg_library_finalize;
  object_class->get_property = dlg_library_get_property;

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, DLG_TYPE_SUBSCRIPTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, DLG_TYPE_FEED,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_library_init (DlgLibrary *self)
{
  self->subscriptions = g_list_store_new (DLG_TYPE_SUBSCRIPTION);
  self->cancellable = g_cancellable_new ();
  /* Keys are borrowed from the sync's call, which outlives the entry. */
  self->syncs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
}
