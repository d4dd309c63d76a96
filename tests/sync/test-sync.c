/* test-sync.c: sync against a real SoupServer on 127.0.0.1: a sync's ordinary work
 *
 * The first fetch, a 304, a changed feed, gzip, a bare schedule, a local file, two calls
 * joined into one and a restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-feed.h"
#include "feed-server.h"

static void
test_first_fetch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DlgSubscriptionRow *row;

  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (f->sf.report->feed)), ==,
                   "A minimal feed");
  g_assert_cmpuint (f->sf.report->n_requests, ==, 1);
  g_assert_cmpuint (f->sf.report->n_parses, >, 0);
  g_assert_cmpint (f->sf.report->max_age, ==, 3600);
  /* Nothing to offer on a first fetch. */
  g_assert_null (f->if_none_match);
  g_assert_null (f->if_modified_since);

  stored = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored->body, f->body));
  g_assert_cmpstr (stored->etag, ==, "\"v1\"");
  g_assert_cmpstr (stored->last_modified, ==, LAST_MODIFIED);
  g_assert_cmpint (stored->max_age, ==, 3600);
  g_assert_cmpint (stored->fetched_at, >, 0);

  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->event_id, ==, "minimal");
  g_assert_cmpstr (row->title, ==, "A minimal feed");
}

/* Organisers who use pretalx or frab publish their schedule.json or
 * schedule.xml as it is: a subscription to it syncs like a Delegate feed. */
static void
test_bare_schedule (Fixture       *f,
                    gconstpointer  data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures", name, NULL);
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_bytes_unref (f->body);
  f->body = g_bytes_new_take (contents, length);

  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (f->sf.report->feed)), ==,
                   "Forum Kota 2024");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->sf.report->feed)), >, 0);
  stored = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_true (g_bytes_equal (stored->body, f->body));
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(DlgResource) after = NULL;

  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  /* Both validators went out; the 304 cost no body and no parse. */
  g_assert_cmpstr (f->if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (f->if_modified_since, ==, LAST_MODIFIED);
  g_assert_cmpuint (f->n_full, ==, 1);
  g_assert_null (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_parses, ==, 0);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 1);

  after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_true (g_bytes_equal (before->body, after->body));
  g_assert_cmpint (after->fetched_at, >=, before->fetched_at);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(DlgResource) after = NULL;

  organiser_changes_feed (f);

  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->sf.report->feed)), ==, "e");
  g_assert_cmpstr (f->if_none_match, ==, "\"v1\"");

  after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_true (g_bytes_equal (after->body, f->new_body));
  g_assert_cmpstr (after->etag, ==, "\"v2\"");
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DlgResource) stored = NULL;

  f->mode = MODE_GZIP;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_nonnull (strstr (f->accept_encoding, "gzip"));
  /* What is stored is the feed, not its compressed form. */
  stored = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_true (g_bytes_equal (stored->body, f->body));
}

static void
test_local_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "external",
                                                "feed.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (dlg_store_add_subscription (f->sf.store, uri, &error));
  sync_once (f, uri);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 0);

  /* Unchanged files are not parsed again. */
  sync_once (f, uri);
  g_assert_no_error (f->sf.error);
  g_assert_null (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_parses, ==, 0);
}

static void
joined_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(DlgSyncReport) report = NULL;
  guint *done = g_object_get_data (G_OBJECT (f->sf.store), "done");

  report = dlg_sync_update_finish (DLG_SYNC (object), result, &f->sf.error);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (report->feed);
  if (++*done == 2)
    g_main_loop_quit (f->sf.loop);
}

static void
test_joined (Fixture       *f,
             gconstpointer  data)
{
  guint done = 0;

  /* Two calls at once make one request, and both hear the result. */
  g_object_set_data (G_OBJECT (f->sf.store), "done", &done);
  dlg_sync_update_async (f->sf.sync, f->sf.url, NULL, NULL, joined_cb, f);
  g_assert_true (dlg_sync_is_syncing (f->sf.sync, f->sf.url));
  dlg_sync_update_async (f->sf.sync, f->sf.url, NULL, NULL, joined_cb, f);
  g_main_loop_run (f->sf.loop);
  g_assert_cmpuint (done, ==, 2);
  g_assert_cmpuint (f->n_requests, ==, 1);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(DlgSyncReport) report = dlg_sync_update_finish (DLG_SYNC (object), result, error);

  g_assert_null (report);
}

/* A sync asked for after another one was cancelled (its event removed, then back by Undo) does
 * not join it: it fetches the feed. */
static void
test_cancelled_not_joined (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) cancelled = NULL;

  f->mode = MODE_STALL;
  dlg_sync_update_async (f->sf.sync, f->sf.url, NULL, cancellable, cancelled_cb, &cancelled);
  while (f->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);

  /* In the same turn of the main loop, before the cancelled one has wound down. */
  f->mode = MODE_OK;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpuint (f->n_requests, ==, 2);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autofree char *path = g_strdup (dlg_store_get_path (f->sf.store));
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  /* The server goes away and the app restarts. */
  soup_server_disconnect (f->sf.server);
  g_clear_object (&f->sf.sync);
  g_clear_object (&f->sf.store);
  f->sf.store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, NULL);
  dlg_sync_set_total_timeout (f->sf.sync, 3000);

  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  feed = g_object_get_data (G_OBJECT (f->sf.store), "loaded");
  g_assert_nonnull (feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed)), ==, "A minimal feed");

  /* And a sync says why it could not update, keeping the copy. */
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_UNREACHABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/first-fetch", test_first_fetch, NULL);
  ADD ("/sync/bare-schedule-json", test_bare_schedule, "same.json");
  ADD ("/sync/bare-schedule-xml", test_bare_schedule, "same.xml");
  ADD ("/sync/not-modified", test_not_modified, NULL);
  ADD ("/sync/changed", test_changed, NULL);
  ADD ("/sync/gzip", test_gzip, NULL);
  ADD ("/sync/joined", test_joined, NULL);
  ADD ("/sync/cancelled-not-joined", test_cancelled_not_joined, NULL);
  ADD ("/sync/restart", test_restart, NULL);
  ADD ("/sync/local-file", test_local_file, NULL);

  return g_test_run ();
}
