/* test-library.c: subscriptions, the current event, and the built-in feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dlg-library.h"
#include "dlg-store-private.h"
#include "fake-monitor.h"

typedef struct
{
  char      *dir;
  char      *path;
  GMainLoop *loop;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("delegate-library-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "delegate.db", NULL);
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_main_loop_unref (f->loop);
}

static DlgLibrary *
open_library (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
  g_autoptr(DlgSync) sync = NULL;

  g_assert_no_error (error);
  sync = dlg_sync_new (store, NULL, NULL);
  return dlg_library_new (sync, NULL);
}

static void
quit_cb (GObject    *object,
         GParamSpec *pspec,
         gpointer    user_data)
{
  g_main_loop_quit (user_data);
}

/* Runs until the current subscription has finished syncing. */
static void
wait_for_sync (Fixture    *f,
               DlgLibrary *library)
{
  DlgSubscription *current = dlg_library_get_current (library);
  gulong id;

  id = g_signal_connect (current, "notify::syncing", G_CALLBACK (quit_cb), f->loop);
  while (dlg_library_get_feed (library) == NULL || dlg_subscription_get_syncing (current) ||
         dlg_subscription_get_updated_at (current) == 0)
    g_main_loop_run (f->loop);
  g_signal_handler_disconnect (current, id);
}

static void
test_first_launch (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgLibrary) library = open_library (f);
  DlgSubscription *current;
  DlgFeed *feed;

  g_assert_true (dlg_library_start (library, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
  current = dlg_library_get_current (library);
  g_assert_true (dlg_subscription_get_builtin (current));
  g_assert_true (dlg_subscription_get_current (current));

  wait_for_sync (f, library);
  feed = dlg_library_get_feed (library);
  g_assert_nonnull (feed);
  g_assert_cmpstr (dlg_subscription_get_event_id (current), ==,
                   dlg_event_get_id (dlg_feed_get_event (feed)));
  g_assert_null (dlg_subscription_get_error (current));
  g_assert_false (dlg_subscription_get_offline (current));
}

static void
test_switch_and_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                    "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  DlgSubscription *current;

  {
    g_autoptr(DlgLibrary) library = open_library (f);

    g_assert_true (dlg_library_start (library, NULL));
    wait_for_sync (f, library);

    /* A file that is not there (in a Flatpak: a host path) is refused, and adds nothing. */
    g_assert_false (dlg_library_add (library, "/nonexistent/delegate/feed.json", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "/nonexistent/delegate/feed.json"));
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
    g_assert_true (dlg_subscription_get_builtin (dlg_library_get_current (library)));

    /* Nor is a folder (the one a feed's file was saved to, typed or dropped): it would sync
     * to an error for ever.  It says so, in the words the command line uses too. */
    {
      g_autofree char *folder = g_path_get_dirname (minimal);
      g_autofree char *expected = g_strdup_printf ("“%s” is a folder: choose the event’s "
                                                   "file in it", folder);

      g_assert_false (dlg_library_add (library, folder, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
    }

    /* A path becomes a file URI, and the current event. */
    g_assert_true (dlg_library_add (library, minimal, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    current = dlg_library_get_current (library);
    g_assert_true (g_str_has_prefix (dlg_subscription_get_url (current), "file:///"));
    g_assert_cmpstr (dlg_subscription_get_title (current), ==, "A minimal feed");
    g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (dlg_library_get_feed (library))),
                     ==, "minimal");
  }

  /* The next launch opens on it, from the store. */
  {
    g_autoptr(DlgLibrary) library = open_library (f);
    g_autoptr(DlgSubscription) first = NULL;

    g_assert_true (dlg_library_start (library, NULL));
    current = dlg_library_get_current (library);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 2);
    g_assert_cmpstr (dlg_subscription_get_title (current), ==, "A minimal feed");
    wait_for_sync (f, library);

    dlg_library_remove (library, current);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
    first = g_list_model_get_item (dlg_library_get_subscriptions (library), 0);
    g_assert_true (dlg_library_get_current (library) == first);
    g_assert_true (dlg_subscription_get_builtin (first));
    wait_for_sync (f, library);
    g_assert_nonnull (dlg_library_get_feed (library));
  }
}

/* Whether the store at @store holds a saved copy of @url. */
static gboolean
has_copy (DlgStore   *store,
          const char *url)
{
  g_autoptr(DlgResource) resource = dlg_store_lookup_resource (store, url);

  return resource != NULL;
}

/* Remove is one click: until the toast goes, Undo brings the event back with its saved copy,
 * even offline; then, or when the app ends, the store forgets it. */
static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                    "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autofree char *url = NULL;

  {
    g_autoptr(DlgLibrary) library = open_library (f);
    g_autoptr(DlgSubscription) removed = NULL;
    DlgStore *kept;

    g_assert_true (dlg_library_start (library, NULL));
    wait_for_sync (f, library);
    kept = dlg_library_get_store (library);
    g_assert_true (dlg_library_add (library, minimal, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    removed = g_object_ref (dlg_library_get_current (library));
    url = g_strdup (dlg_subscription_get_url (removed));

    dlg_library_remove (library, removed);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
    g_assert_true (dlg_subscription_get_builtin (dlg_library_get_current (library)));
    /* Its saved copy is still there. */
    g_assert_true (has_copy (kept, url));

    g_assert_true (dlg_library_restore_removed (library, removed));
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 2);
    g_assert_true (dlg_library_get_current (library) == removed);
    wait_for_sync (f, library);
    g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (dlg_library_get_feed (library))),
                     ==, "minimal");

    /* Added again by its address while Undo is still offered: the same event comes back. */
    dlg_library_remove (library, removed);
    g_assert_true (dlg_library_add (library, minimal, &error));
    g_assert_no_error (error);
    g_assert_true (dlg_library_get_current (library) == removed);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 2);
    g_assert_true (has_copy (kept, url));
    wait_for_sync (f, library);

    /* The toast went: the store forgets it, and Undo can no longer bring it back. */
    dlg_library_remove (library, removed);
    dlg_library_forget_removed (library, removed);
    g_assert_false (has_copy (kept, url));
    g_assert_false (dlg_library_restore_removed (library, removed));
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);

    /* Added again, removed again, and the app ends before the toast goes (as the app's
     * shutdown does). */
    g_assert_true (dlg_library_add (library, minimal, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    g_assert_true (has_copy (kept, url));
    dlg_library_remove (library, dlg_library_get_current (library));
    g_assert_true (has_copy (kept, url));
    dlg_library_forget_removed (library, NULL);
  }

  store = dlg_store_open (f->path, NULL, &error);
  g_assert_no_error (error);
  rows = dlg_store_list_subscriptions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_false (has_copy (store, url));
}

static void
test_bad_locations (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = dlg_library_normalise_location ("ftp://example.org/feed.json", &error);
  g_assert_null (url);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  url = dlg_library_normalise_location ("   ", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  url = dlg_library_normalise_location ("https:///feed.json", &error);
  g_assert_null (url);
  g_clear_error (&error);
  url = dlg_library_normalise_location (" https://example.org/feed.json\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://example.org/feed.json");
}

/* A space typed in the server's name, as a phone's keyboard puts one after a word: said
 * plainly, not followed as "contoh%20org", which no network can find. */
static void
test_space_in_server_name (void)
{
  static const char * const typed[] = { "http://contoh org/feed.json",
                                        "https://kupangkota .go.id/feed.json" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = dlg_library_normalise_location (typed[i], &error);

      g_assert_null (url);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "space"));
    }

  /* In the path a space is a file's name, and the address stays valid. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *url = dlg_library_normalise_location (
      "https://contoh.org/acara saya.json", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (url, ==, "https://contoh.org/acara%20saya.json");
  }
}

/* What a delegate types in Add Event as a poster or a chat gave it. */
static void
test_typed_locations (void)
{
  static const struct { const char *typed; const char *url; } cases[] = {
    /* A web address without its scheme is a web address, as in a browser. */
    { "kupangkota.go.id/forum/feed.json", "https://kupangkota.go.id/forum/feed.json" },
    { "Citynet-Indonesia.id", "https://Citynet-Indonesia.id" },
    { "www.citynet.id/kupang?lang=id", "https://www.citynet.id/kupang?lang=id" },
    /* With a port, as a venue's own server is often printed. */
    { "kupangkota.go.id:8080/feed.json", "https://kupangkota.go.id:8080/feed.json" },
    /* A machine on the venue's network, or the organiser's own: plain http, as such
     * servers have no certificate (a browser takes these so too). */
    { "192.168.1.10:8000/feed.json", "http://192.168.1.10:8000/feed.json" },
    { "10.0.0.5/forum/feed.json", "http://10.0.0.5/forum/feed.json" },
    { "localhost:8000/feed.json", "http://localhost:8000/feed.json" },
  };
  /* A scheme mistyped: said to be no web address, not taken for a folder named "https". */
  static const char * const mistyped[] = { "https//kupangkota.go.id/feed.json",
                                           "htp//kupangkota.go.id/feed.json",
                                           "http//192.168.1.10:8000/feed.json" };
  g_autofree char *dir = g_dir_make_tmp ("delegate-typed-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *home_file = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = dlg_library_normalise_location (cases[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, cases[i].url);
    }
  for (guint i = 0; i < G_N_ELEMENTS (mistyped); i++)
    {
      g_autofree char *url = dlg_library_normalise_location (mistyped[i], &error);
      g_autofree char *expected = g_strdup_printf ("“%s” is not a valid web address",
                                                   mistyped[i]);

      g_assert_null (url);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }

  /* File names stay files, wherever they are or are not: a feed's file type is no domain, a
   * folder is not a host, and a file that is there wins. */
  g_assert_no_errno (chdir (dir));
  g_assert_true (g_file_set_contents ("citynet.id", "{}", -1, NULL));
  {
    static const char * const files[] = { "agenda.json", "schedule.xml", "Unduhan/agenda.json",
                                          "citynet.id", "./kupangkota.go.id/feed.json",
                                          "forum 2019.json", "laporan.pdf",
                                          "2019.10.16" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *url = dlg_library_normalise_location (files[i], &error);
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
        g_autofree char *file_uri = g_file_get_uri (file);

        g_assert_no_error (error);
        g_assert_cmpstr (url, ==, file_uri);
      }
  }
  g_assert_no_errno (g_remove ("citynet.id"));
  g_assert_no_errno (chdir (cwd));
  g_assert_no_errno (g_rmdir (dir));

  /* "~/" is the home folder, as in a terminal. */
  {
    g_autofree char *url = dlg_library_normalise_location ("~/Unduhan/agenda.json", &error);
    g_autoptr(GFile) home = g_file_new_build_filename (g_get_home_dir (), "Unduhan",
                                                       "agenda.json", NULL);

    g_assert_no_error (error);
    home_file = g_file_get_uri (home);
    g_assert_cmpstr (url, ==, home_file);
  }
}

static void
test_updated_ago (void)
{
  g_autofree char *never = dlg_format_updated_ago (0, 1000);
  g_autofree char *now = dlg_format_updated_ago (1000, 1030);
  g_autofree char *five = dlg_format_updated_ago (1000, 1000 + 5 * 60);
  g_autofree char *hours = dlg_format_updated_ago (1000, 1000 + 3 * 3600);
  g_autofree char *days = dlg_format_updated_ago (1000, 1000 + 2 * 86400);

  g_assert_cmpstr (never, ==, "Not updated yet");
  g_assert_cmpstr (now, ==, "Updated just now");
  g_assert_cmpstr (five, ==, "Updated 5 minutes ago");
  g_assert_cmpstr (hours, ==, "Updated 3 hours ago");
  g_assert_cmpstr (days, ==, "Updated 2 days ago");
}

/* A library that asks @monitor whether the network is there, started, its current event
 * synced once; @sync is set to its sync, which it holds. */
static DlgLibrary *
start_library_on (Fixture      *f,
                  FakeMonitor  *monitor,
                  DlgSync     **sync)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
  g_autoptr(DlgSync) library_sync = dlg_sync_new (store, NULL, NULL);
  DlgLibrary *library = dlg_library_new (library_sync, G_NETWORK_MONITOR (monitor));

  g_assert_true (dlg_library_start (library, NULL));
  wait_for_sync (f, library);
  *sync = library_sync;
  return library;
}

static void
test_network_back (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (FALSE, G_NETWORK_CONNECTIVITY_LOCAL);
  DlgSync *sync;
  g_autoptr(DlgLibrary) library = start_library_on (f, monitor, &sync);
  DlgSubscription *current = dlg_library_get_current (library);

  /* Still offline: nothing happens. */
  g_signal_emit_by_name (monitor, "network-changed", FALSE);
  g_assert_false (dlg_subscription_get_syncing (current));

  /* The network is back: the current event syncs at once. */
  fake_monitor_set (monitor, TRUE, G_NETWORK_CONNECTIVITY_FULL);
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_assert_true (dlg_subscription_get_syncing (current));
  g_assert_true (dlg_sync_is_syncing (sync, dlg_subscription_get_url (current)));

  /* A second notice while it runs joins the same sync. */
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  wait_for_sync (f, library);
  g_assert_null (dlg_subscription_get_error (current));
}

/* The delegate signs in on the venue's page: the monitor goes from PORTAL to FULL, and the
 * current event syncs at once, not at the next 30-minute tick.  GIO's monitors tell it by
 * "network-changed", by "notify::connectivity" or both; each alone is enough. */
static void
test_portal_signed_in (Fixture       *f,
                       gconstpointer  data)
{
  gboolean by_notify = GPOINTER_TO_INT (data);
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (TRUE, G_NETWORK_CONNECTIVITY_PORTAL);
  DlgSync *sync;
  g_autoptr(DlgLibrary) library = start_library_on (f, monitor, &sync);
  DlgSubscription *current = dlg_library_get_current (library);

  /* Still behind the sign-in page: nothing happens. */
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_object_notify (G_OBJECT (monitor), "connectivity");
  g_assert_false (dlg_subscription_get_syncing (current));

  fake_monitor_set (monitor, TRUE, G_NETWORK_CONNECTIVITY_FULL);
  if (by_notify)
    g_object_notify (G_OBJECT (monitor), "connectivity");
  else
    g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_assert_true (dlg_subscription_get_syncing (current));
  g_assert_true (dlg_sync_is_syncing (sync, dlg_subscription_get_url (current)));
  wait_for_sync (f, library);
  g_assert_null (dlg_subscription_get_error (current));

  /* The other notice of the same change starts nothing more. */
  if (by_notify)
    g_signal_emit_by_name (monitor, "network-changed", TRUE);
  else
    g_object_notify (G_OBJECT (monitor), "connectivity");
  g_assert_false (dlg_subscription_get_syncing (current));
}

/* The feed the local servers below serve: minimal.json. */
static GBytes *
minimal_feed (void)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                    "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (minimal, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

/* Answers @msg with @feed, 200 and JSON. */
static void
respond_with_feed (SoupServerMessage *msg,
                   GBytes            *feed)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (feed, NULL), g_bytes_get_size (feed));
}

/* A server on 127.0.0.1 whose every path @handler answers; @base_url is set to its address
 * ("http://127.0.0.1:PORT"). */
static SoupServer *
serve_local (SoupServerCallback   handler,
             gpointer             user_data,
             char               **base_url)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *uris;

  soup_server_add_handler (server, NULL, handler, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *base_url = g_strdup_printf ("http://127.0.0.1:%u", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

/* The server of test_last_try: the feed, or while *failing, 503. */
static void
last_try_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  GBytes *feed = g_object_get_data (user_data, "feed");

  if (GPOINTER_TO_INT (g_object_get_data (user_data, "failing")))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }
  respond_with_feed (msg, feed);
}

/* Syncs the current event and waits for the end. */
static void
refresh_and_wait (Fixture    *f,
                  DlgLibrary *library)
{
  DlgSubscription *current = dlg_library_get_current (library);
  gulong id = g_signal_connect (current, "notify::syncing", G_CALLBACK (quit_cb), f->loop);

  dlg_library_refresh (library);
  while (dlg_subscription_get_syncing (current))
    g_main_loop_run (f->loop);
  g_signal_handler_disconnect (current, id);
}

/* Under an event's age, the list of events says how the last try went: "Offline" only when
 * there was no network; a server's error or refusal with the network up is a failed update.
 * A good update clears it. */
static void
test_last_try (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GObject) state = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (TRUE, G_NETWORK_CONNECTIVITY_FULL);
  g_autoptr(DlgSync) sync = dlg_sync_new (store, session, G_NETWORK_MONITOR (monitor));
  g_autoptr(DlgLibrary) library = dlg_library_new (sync, G_NETWORK_MONITOR (monitor));
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;
  DlgSubscription *current;
  gint64 updated_at;

  g_object_set_data_full (state, "feed", minimal_feed (), (GDestroyNotify) g_bytes_unref);
  server = serve_local (last_try_handler, state, &base_url);
  url = g_strconcat (base_url, "/feed.json", NULL);

  g_assert_true (dlg_library_start (library, NULL));
  wait_for_sync (f, library);
  g_assert_true (dlg_library_add (library, url, &error));
  current = dlg_library_get_current (library);
  wait_for_sync (f, library);
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_GOOD);
  g_assert_null (dlg_format_last_try (dlg_subscription_get_last_try (current)));
  updated_at = dlg_subscription_get_updated_at (current);

  /* The server answers 503 with the network up. */
  g_object_set_data (state, "failing", GINT_TO_POINTER (TRUE));
  refresh_and_wait (f, library);
  g_assert_nonnull (dlg_subscription_get_error (current));
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_FAILED);
  g_assert_cmpstr (dlg_format_last_try (dlg_subscription_get_last_try (current)), ==,
                   "The last update failed");
  g_assert_cmpint (dlg_subscription_get_updated_at (current), ==, updated_at);

  /* A good update clears it. */
  g_object_set_data (state, "failing", GINT_TO_POINTER (FALSE));
  refresh_and_wait (f, library);
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_GOOD);

  /* Nobody listens, the network up: refused, a failed update, not "offline". */
  soup_server_disconnect (server);
  refresh_and_wait (f, library);
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_FAILED);

  /* No network at all: offline. */
  fake_monitor_set (monitor, FALSE, G_NETWORK_CONNECTIVITY_LOCAL);
  refresh_and_wait (f, library);
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_OFFLINE);
  g_assert_cmpstr (dlg_format_last_try (dlg_subscription_get_last_try (current)), ==,
                   "Offline at the last try");
}

static gboolean
keep_waking_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The server of test_retry_after_timeout: the feed, but to the second request only headers,
 * and then nothing, as on a venue's crowded network. */
typedef struct
{
  GBytes *feed;
  guint   n_requests;
} StallServer;

static void
stall_second_handler (SoupServer        *soup_server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  StallServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  server->n_requests++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (server->n_requests == 2)
    {
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_replace (headers, "Content-Type", "application/json");
      return;
    }
  respond_with_feed (msg, server->feed);
}

/* An update that timed out is tried again a minute later by itself, and the event is up to
 * date again with no one pressing Update; until then the saved copy stays.  A real minute:
 * the test takes one (its own timeout in meson.build). */
static void
test_retry_after_timeout (Fixture       *f,
                          gconstpointer  data)
{
  StallServer server = { minimal_feed (), 0 };
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
  /* No proxy (the server is on loopback), and a stall seen within a second. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                  "timeout", 1, NULL);
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (TRUE, G_NETWORK_CONNECTIVITY_FULL);
  g_autoptr(DlgSync) sync = dlg_sync_new (store, session, G_NETWORK_MONITOR (monitor));
  g_autoptr(DlgLibrary) library = dlg_library_new (sync, G_NETWORK_MONITOR (monitor));
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;
  DlgSubscription *current;
  gint64 updated_at;
  gint64 failed_at;
  gint64 deadline;
  guint wake;

  soup_server = serve_local (stall_second_handler, &server, &base_url);
  url = g_strconcat (base_url, "/feed.json", NULL);
  g_assert_true (dlg_library_start (library, NULL));
  wait_for_sync (f, library);
  g_assert_true (dlg_library_add (library, url, &error));
  g_assert_no_error (error);
  current = dlg_library_get_current (library);
  wait_for_sync (f, library);
  g_assert_cmpuint (server.n_requests, ==, 1);
  updated_at = dlg_subscription_get_updated_at (current);

  /* The update stalls and times out: the saved copy stays, and the list says so. */
  refresh_and_wait (f, library);
  failed_at = g_get_monotonic_time ();
  g_assert_cmpuint (server.n_requests, ==, 2);
  g_assert_nonnull (strstr (dlg_subscription_get_error (current), "took too long to answer"));
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_FAILED);
  g_assert_cmpint (dlg_subscription_get_updated_at (current), ==, updated_at);
  g_assert_nonnull (dlg_library_get_feed (library));

  /* Nobody presses Update: a minute later the library tries again, and it works. */
  deadline = failed_at + 90 * G_USEC_PER_SEC;
  wake = g_timeout_add (100, keep_waking_cb, NULL);
  while ((server.n_requests < 3 || dlg_subscription_get_syncing (current)) &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      if (server.n_requests >= 3)
        /* Not sooner than the minute (the timer counts whole seconds). */
        g_assert_cmpint (g_get_monotonic_time () - failed_at, >=, 58 * G_USEC_PER_SEC);
    }
  g_source_remove (wake);
  g_assert_cmpuint (server.n_requests, ==, 3);
  g_assert_false (dlg_subscription_get_syncing (current));
  g_assert_cmpint (dlg_subscription_get_last_try (current), ==, DLG_LAST_TRY_GOOD);
  g_assert_null (dlg_subscription_get_error (current));
  g_assert_cmpint (dlg_subscription_get_updated_at (current), >, updated_at);
  g_bytes_unref (server.feed);
}

/* The server: /old.json has moved for good to /new.json, which serves a feed. */
static void
moved_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  GBytes *feed = user_data;

  if (g_str_equal (path, "/old.json"))
    {
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/new.json");
      return;
    }
  if (!g_str_equal (path, "/new.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  respond_with_feed (msg, feed);
}

/* An event followed at its old address and, added again, at its new one: when the old one
 * learns that it moved for good, the delegate is left with one entry for it, the current
 * one, now and at the next start. */
static void
test_moved_to_followed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) feed = minimal_feed ();
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *old_url = NULL;
  g_autofree char *new_url = NULL;

  server = serve_local (moved_handler, feed, &base_url);
  new_url = g_strconcat (base_url, "/new.json", NULL);
  old_url = g_strconcat (base_url, "/old.json", NULL);

  {
    g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
    /* No proxy, whatever the machine says: the server is on loopback. */
    g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL,
                                                                    NULL);
    g_autoptr(DlgSync) sync = dlg_sync_new (store, session, NULL);
    g_autoptr(DlgLibrary) library = dlg_library_new (sync, NULL);
    GListModel *subscriptions = dlg_library_get_subscriptions (library);
    DlgSubscription *current;
    gint64 end;
    guint wake;

    g_assert_true (dlg_library_start (library, NULL));
    wait_for_sync (f, library);

    /* Added by its new address first, while the old one is not known to have moved... */
    g_assert_true (dlg_store_add_subscription (store, old_url, &error));
    g_assert_true (dlg_library_add (library, new_url, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    g_clear_object (&library);
    library = dlg_library_new (sync, NULL);
    subscriptions = dlg_library_get_subscriptions (library);
    g_assert_true (dlg_library_start (library, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (subscriptions), ==, 3);

    /* ...then the old address is opened, and syncs. */
    g_assert_true (dlg_library_add (library, old_url, &error));
    g_assert_no_error (error);
    current = dlg_library_get_current (library);
    g_assert_cmpstr (dlg_subscription_get_url (current), ==, old_url);
    end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    wake = g_timeout_add (100, keep_waking_cb, NULL);
    while (g_list_model_get_n_items (subscriptions) == 3 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (wake);
    g_assert_null (dlg_subscription_get_error (dlg_library_get_current (library)));
    g_assert_cmpuint (g_list_model_get_n_items (subscriptions), ==, 2);
    g_assert_cmpstr (dlg_subscription_get_url (dlg_library_get_current (library)), ==, new_url);
  }

  /* The next start: the same. */
  {
    g_autoptr(DlgLibrary) library = open_library (f);
    GListModel *subscriptions = dlg_library_get_subscriptions (library);

    g_assert_true (dlg_library_start (library, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (subscriptions), ==, 2);
    g_assert_cmpstr (dlg_subscription_get_url (dlg_library_get_current (library)), ==, new_url);
  }
}

/* An organiser's server: /feed.json answers at once, or, while it is slow, trickles a body
 * that never ends, a byte every 50 ms, until the client hangs up. */
typedef struct
{
  GBytes            *feed;         /* minimal.json, ETag "v1" */
  gboolean           slow;
  guint              n_requests;
  SoupServerMessage *trickled;     /* the slow answer on its way */
  guint              trickle_id;
  gboolean           dropped;      /* the client hung up on it */
} SlowServer;

static gboolean
trickle_cb (gpointer user_data)
{
  SlowServer *server = user_data;

  soup_message_body_append (soup_server_message_get_response_body (server->trickled),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (server->trickled);
  return G_SOURCE_CONTINUE;
}

/* The body never completes: the message ends only when its connection breaks. */
static void
dropped_cb (SoupServerMessage *msg,
            gpointer           user_data)
{
  SlowServer *server = user_data;

  if (msg == server->trickled)
    {
      g_clear_handle_id (&server->trickle_id, g_source_remove);
      server->dropped = TRUE;
    }
}

static void
slow_handler (SoupServer        *soup_server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  SlowServer *server = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (!g_str_equal (path, "/feed.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  server->n_requests++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (server->slow)
    {
      g_clear_handle_id (&server->trickle_id, g_source_remove);
      g_set_object (&server->trickled, msg);
      server->dropped = FALSE;
      g_signal_connect (msg, "finished", G_CALLBACK (dropped_cb), server);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_replace (headers, "Content-Type", "application/json");
      server->trickle_id = g_timeout_add (50, trickle_cb, server);
      return;
    }

  soup_message_headers_replace (headers, "ETag", "\"v1\"");
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), "\"v1\"") == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  respond_with_feed (msg, server->feed);
}

/* Runs until the client has hung up on the slow answer and the sync of @url has ended, or two
 * seconds have passed: far sooner than the server would be done. */
static void
wait_for_drop (SlowServer *server,
               DlgSync    *sync,
               const char *url)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, keep_waking_cb, NULL);

  while ((!server->dropped || dlg_sync_is_syncing (sync, url)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_true (server->dropped);
  g_assert_false (dlg_sync_is_syncing (sync, url));
}

/* The delegate removes an event while its server takes its time to answer: the request is
 * dropped at once, nothing of it is saved and nothing is said of it; Undo brings the event back
 * with its last good copy, and it syncs again. */
static void
test_removed_while_syncing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
  /* No proxy, whatever the machine says: the server is on loopback. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(DlgSync) sync = dlg_sync_new (store, session, NULL);
  g_autoptr(DlgLibrary) library = dlg_library_new (sync, NULL);
  g_autoptr(DlgSubscription) removed = NULL;
  g_autoptr(DlgResource) before = NULL;
  g_autoptr(DlgResource) after = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;
  SlowServer server = { NULL, };

  server.feed = minimal_feed ();
  soup_server = serve_local (slow_handler, &server, &base_url);
  url = g_strconcat (base_url, "/feed.json", NULL);

  g_assert_true (dlg_library_start (library, NULL));
  wait_for_sync (f, library);
  g_assert_true (dlg_library_add (library, url, &error));
  g_assert_no_error (error);
  wait_for_sync (f, library);
  removed = g_object_ref (dlg_library_get_current (library));
  before = dlg_store_lookup_resource (store, url);
  g_assert_nonnull (before);
  g_assert_cmpuint (server.n_requests, ==, 1);

  /* The server slows down while the event updates... */
  server.slow = TRUE;
  dlg_library_refresh (library);
  while (server.trickled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dlg_subscription_get_syncing (removed));

  /* ...and the delegate removes it: the request is dropped at once, not when the server is
   * done (never, here), and the event says nothing of it. */
  dlg_library_remove (library, removed);
  g_assert_false (dlg_subscription_get_syncing (removed));
  wait_for_drop (&server, sync, url);
  g_assert_null (dlg_subscription_get_error (removed));
  g_assert_true (dlg_subscription_get_builtin (dlg_library_get_current (library)));

  /* Nothing was saved of it: the saved copy is the last good one. */
  after = dlg_store_lookup_resource (store, url);
  g_assert_nonnull (after);
  g_assert_true (g_bytes_equal (before->body, after->body));
  g_assert_cmpstr (before->etag, ==, after->etag);
  g_assert_cmpint (before->fetched_at, ==, after->fetched_at);

  /* Undo: the event is back as it was, and updates again as any other. */
  server.slow = FALSE;
  g_assert_true (dlg_library_restore_removed (library, removed));
  g_assert_true (dlg_library_get_current (library) == removed);
  wait_for_sync (f, library);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (dlg_library_get_feed (library))), ==,
                   "minimal");
  g_assert_null (dlg_subscription_get_error (removed));
  g_assert_cmpuint (server.n_requests, ==, 3);

  /* Removed and brought back at once (a quick Undo): it syncs again all the same, and says
   * nothing of the sync stopped. */
  server.slow = TRUE;
  dlg_library_refresh (library);
  while (server.n_requests < 4)
    g_main_context_iteration (NULL, TRUE);
  dlg_library_remove (library, removed);
  server.slow = FALSE;
  g_assert_true (dlg_library_restore_removed (library, removed));
  wait_for_sync (f, library);
  g_assert_null (dlg_subscription_get_error (removed));
  g_assert_cmpuint (server.n_requests, ==, 5);
  g_clear_pointer (&after, dlg_resource_free);
  after = dlg_store_lookup_resource (store, url);
  g_assert_true (g_bytes_equal (before->body, after->body));

  wait_for_drop (&server, sync, url);
  soup_server_disconnect (soup_server);
  g_clear_handle_id (&server.trickle_id, g_source_remove);
  g_clear_object (&server.trickled);
  g_bytes_unref (server.feed);
}

/* Runs @sql on @store's own connection. */
static void
run_sql (DlgStore   *store,
         const char *sql)
{
  sqlite3 *db = dlg_store_lock (store);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  dlg_store_unlock (store);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

/* A start that cannot read the subscriptions (a disk error) is no first launch: the built-in
 * forum the delegate removed does not come back, nor does it replace their event as the one
 * shown, and the error says why.  The next start that reads them opens on their event. */
static void
test_unreadable_subscriptions (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                    "minimal.json", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(DlgLibrary) library = open_library (f);
    g_autoptr(DlgSubscription) builtin = NULL;

    g_assert_true (dlg_library_start (library, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    builtin = g_object_ref (dlg_library_get_current (library));
    g_assert_true (dlg_library_add (library, minimal, &error));
    g_assert_no_error (error);
    wait_for_sync (f, library);
    dlg_library_remove (library, builtin);
    dlg_library_forget_removed (library, builtin);
  }

  /* The read fails while writes would still go through: a column it needs is gone. */
  {
    g_autoptr(DlgStore) store = dlg_store_open (f->path, NULL, &error);
    g_autoptr(DlgSync) sync = NULL;
    g_autoptr(DlgLibrary) library = NULL;

    g_assert_no_error (error);
    run_sql (store, "ALTER TABLE subscriptions DROP COLUMN ended");
    sync = dlg_sync_new (store, NULL, NULL);
    library = dlg_library_new (sync, NULL);
    g_assert_false (dlg_library_start (library, &error));
    g_assert_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED);
    g_test_message ("reported: %s", error->message);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 0);
    g_assert_null (dlg_library_get_current (library));
    g_clear_object (&library);
    run_sql (store, "ALTER TABLE subscriptions ADD COLUMN ended INTEGER NOT NULL DEFAULT 0");
  }

  {
    g_autoptr(DlgLibrary) library = open_library (f);

    g_assert_true (dlg_library_start (library, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (dlg_library_get_subscriptions (library)), ==, 1);
    g_assert_cmpstr (dlg_subscription_get_title (dlg_library_get_current (library)), ==,
                     "A minimal feed");
    wait_for_sync (f, library);
  }
}

static void
test_sync_delay (void)
{
  g_assert_cmpuint (dlg_library_sync_delay (-1), ==, 30 * 60);
  g_assert_cmpuint (dlg_library_sync_delay (60), ==, 30 * 60);
  g_assert_cmpuint (dlg_library_sync_delay (3 * 3600), ==, 3 * 3600);
  g_assert_cmpuint (dlg_library_sync_delay (30 * 86400), ==, 86400);
}

/* A broken-off or timed-out update is tried again after 1, 2, 4, 8 and 16 minutes, then every
 * 30 minutes however long it goes on. */
static void
test_retry_delay (void)
{
  static const guint minutes[] = { 1, 2, 4, 8, 16, 30, 30, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    g_assert_cmpuint (dlg_library_retry_delay (i + 1), ==, minutes[i] * 60);
  g_assert_cmpuint (dlg_library_retry_delay (40), ==, 30 * 60);
  g_assert_cmpuint (dlg_library_retry_delay (G_MAXUINT), ==, 30 * 60);
  /* Never a storm: no try sooner than a minute after a failure. */
  for (guint n = 1; n < 100; n++)
    g_assert_cmpuint (dlg_library_retry_delay (n), >=, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/first-launch", Fixture, NULL,
              fixture_set_up, test_first_launch, fixture_tear_down);
  g_test_add ("/library/switch-and-remove", Fixture, NULL,
              fixture_set_up, test_switch_and_remove, fixture_tear_down);
  g_test_add ("/library/last-try", Fixture, NULL,
              fixture_set_up, test_last_try, fixture_tear_down);
  g_test_add ("/library/network-back", Fixture, NULL,
              fixture_set_up, test_network_back, fixture_tear_down);
  g_test_add ("/library/portal-signed-in", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_portal_signed_in, fixture_tear_down);
  g_test_add ("/library/portal-signed-in-notify", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_portal_signed_in, fixture_tear_down);
  g_test_add ("/library/remove-and-undo", Fixture, NULL,
              fixture_set_up, test_remove_and_undo, fixture_tear_down);
  g_test_add ("/library/removed-while-syncing", Fixture, NULL,
              fixture_set_up, test_removed_while_syncing, fixture_tear_down);
  g_test_add ("/library/retry-after-timeout", Fixture, NULL,
              fixture_set_up, test_retry_after_timeout, fixture_tear_down);
  g_test_add ("/library/moved-to-followed", Fixture, NULL,
              fixture_set_up, test_moved_to_followed, fixture_tear_down);
  g_test_add ("/library/unreadable-subscriptions", Fixture, NULL,
              fixture_set_up, test_unreadable_subscriptions, fixture_tear_down);
  g_test_add_func ("/library/sync-delay", test_sync_delay);
  g_test_add_func ("/library/retry-delay", test_retry_delay);
  g_test_add_func ("/library/bad-locations", test_bad_locations);
  g_test_add_func ("/library/typed-locations", test_typed_locations);
  g_test_add_func ("/library/space-in-server-name", test_space_in_server_name);
  g_test_add_func ("/library/updated-ago", test_updated_ago);

  return g_test_run ();
}
