/* test-sync-stored.c: what the store keeps of a sync: the parsed form, events removed and
 * added again, and a damaged database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dlg-feed-pack.h"
#include "dlg-store-private.h"
#include "feed-server.h"

static DlgFeed *
load_stored_in (Fixture            *f,
                const char * const *languages)
{
  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, languages, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  return g_object_get_data (G_OBJECT (f->sf.store), "loaded");
}

static DlgFeed *
load_stored (Fixture *f)
{
  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  return g_object_get_data (G_OBJECT (f->sf.store), "loaded");
}

/* The parsed form is kept just after the feed is handed over: waits for one made from
 * other copies than @old_digest (NULL: any), and returns its digest. */
static char *
wait_for_packed (Fixture    *f,
                 const char *old_digest)
{
  char *digest = NULL;

  for (guint i = 0; i < 500; i++)
    {
      g_free (digest);
      digest = run_sql (f, "SELECT digest FROM packed_feeds");
      if (digest != NULL && g_strcmp0 (digest, old_digest) != 0)
        return digest;
      g_usleep (10 * 1000);
    }
  g_error ("no parsed form was kept");
}

static void
assert_same_feed (DlgFeed *a,
                  DlgFeed *b)
{
  g_autoptr(GBytes) packed_a = dlg_feed_pack (a);
  g_autoptr(GBytes) packed_b = dlg_feed_pack (b);

  g_assert_true (g_bytes_equal (packed_a, packed_b));
}

/* A start reads the saved event from its parsed form, kept by the sync: the same feed as
 * parsed, never a stale one, and a damaged form only means a parse. */
static void
test_parsed_form (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DlgFeed) synced = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *count = NULL;
  DlgFeed *loaded;

  dlg_resource_free (sync_good_copy (f));
  synced = g_object_ref (f->sf.report->feed);
  first = wait_for_packed (f, NULL);
  loaded = load_stored (f);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (loaded)), ==, "A minimal feed");
  assert_same_feed (synced, loaded);
  g_free (run_sql (f, "CREATE TEMP TABLE old AS SELECT * FROM packed_feeds"));

  /* The organiser changes the feed, and the form of the old one is still there (as if the
   * app had stopped before keeping the new): the next start shows the new feed. */
  organiser_changes_feed (f);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_clear_object (&synced);
  synced = g_object_ref (f->sf.report->feed);
  second = wait_for_packed (f, first);
  g_free (run_sql (f, "INSERT OR REPLACE INTO packed_feeds SELECT * FROM old"));
  loaded = load_stored (f);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (loaded)), ==, "e");
  assert_same_feed (synced, loaded);

  /* A damaged parsed form (a disk error) is parsed around. */
  g_free (wait_for_packed (f, first));
  g_free (run_sql (f, "UPDATE packed_feeds SET data = substr(data, 1, 200)"));
  loaded = load_stored (f);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (loaded)), ==, "e");
  assert_same_feed (synced, loaded);

  /* Removing the event takes its parsed form along, */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, f->sf.url, NULL));
  count = run_sql (f, "SELECT count(*) FROM packed_feeds");
  g_assert_cmpstr (count, ==, "0");

  /* and one still on its way to the store when it was removed is not kept. */
  {
    g_autoptr(GBytes) late = g_bytes_new_static ("late", 4);

    g_assert_true (dlg_store_save_packed (f->sf.store, f->sf.url, "late", late, NULL));
    g_free (count);
    count = run_sql (f, "SELECT count(*) FROM packed_feeds");
    g_assert_cmpstr (count, ==, "0");
  }
}

/* The kept form is the feed in the delegate's languages: another language parses again. */
static void
test_parsed_form_languages (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const indonesian[] = { "id_ID.UTF-8", "id", NULL };
  static const char * const english[] = { "en_GB.UTF-8", "en", NULL };
  g_autoptr(DlgFeed) expected_id = NULL;
  g_autoptr(DlgFeed) expected_en = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  DlgFeed *loaded;

  g_bytes_unref (f->body);
  f->body = g_resources_lookup_data (RESOURCE_PATH "/feeds/kupang-2019.json", 0, NULL);
  g_assert_nonnull (f->body);
  expected_id = dlg_feed_new_from_bytes (f->body, indonesian, NULL);
  expected_en = dlg_feed_new_from_bytes (f->body, english, NULL);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (expected_id)), !=,
                   dlg_event_get_title (dlg_feed_get_event (expected_en)));

  dlg_resource_free (sync_good_copy (f));
  first = wait_for_packed (f, NULL);
  loaded = load_stored_in (f, indonesian);
  assert_same_feed (expected_id, loaded);
  second = wait_for_packed (f, first);
  loaded = load_stored_in (f, english);
  assert_same_feed (expected_en, loaded);
  g_free (wait_for_packed (f, second));
  loaded = load_stored_in (f, indonesian);
  assert_same_feed (expected_id, loaded);
}

/* An event removed for good while its sync runs: the sync keeps nothing for it, and the event
 * added again later is whole after its first sync, though the feed has not changed. */
static void
test_removed_while_syncing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *count = NULL;
  g_autofree char *path = g_strdup (dlg_store_get_path (f->sf.store));
  g_autoptr(SoupServerMessage) held = NULL;
  DlgSubscriptionRow *row;

  f->mode = MODE_HOLD;
  dlg_sync_update_async (f->sf.sync, f->sf.url, NULL, NULL, sync_fixture_update_cb, &f->sf);
  while (f->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The delegate removes the event, and the toast goes. */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);

  held = g_ptr_array_steal_index (f->paused, 0);
  soup_server_message_unpause (held);
  g_main_loop_run (f->sf.loop);
  g_assert_no_error (f->sf.error);

  /* Every parsed form on its way is kept, or not, before the sync goes (dlg_sync_dispose). */
  g_clear_object (&f->sf.sync);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, NULL);
  g_assert_null (dlg_store_lookup_resource (f->sf.store, f->sf.url));
  count = run_sql (f, "SELECT count(*) FROM packed_feeds");
  g_assert_cmpstr (count, ==, "0");

  /* Added again: the unchanged feed comes with its title, now and at the next start. */
  g_assert_true (dlg_store_add_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  dlg_resource_free (sync_good_copy (f));
  g_clear_object (&f->sf.sync);
  g_clear_object (&f->sf.store);
  f->sf.store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, NULL);
  rows = dlg_store_list_subscriptions (f->sf.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->event_id, ==, "minimal");
  g_assert_cmpstr (row->title, ==, "A minimal feed");
}

/* Copies left under an address nobody followed (by a sync that ended after its event's removal,
 * before that was fixed) are no saved copy of an event added there: its first sync fetches the
 * feed whole, and the event has its title. */
static void
test_added_over_leftovers (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DlgSubscriptionRow *row;

  dlg_resource_free (sync_good_copy (f));
  g_free (wait_for_packed (f, NULL));
  g_free (run_sql (f, "DELETE FROM subscriptions"));

  g_assert_true (dlg_store_add_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpuint (f->n_full, ==, 2);

  rows = dlg_store_list_subscriptions (f->sf.store, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->event_id, ==, "minimal");
  g_assert_cmpstr (row->title, ==, "A minimal feed");
}

/* Writes @type over the page type of @table's first page in the database file, as a bad
 * block of the disk would (0xff: no type at all), and has the store forget the pages it
 * keeps in memory, so that it reads the table from the file again.  Returns the byte it
 * overwrote, to put it back. */
static int
set_page_type (Fixture    *f,
               const char *table,
               int         type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema "
                                          "WHERE type = 'table' AND name = '%s'", table);
  g_autofree char *root = run_sql (f, sql);
  g_autofree char *page_size = run_sql (f, "PRAGMA page_size");
  g_autofree char *busy = run_sql (f, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3 *db;
  FILE *file;
  int old;

  /* Every page in the file itself, none left in the write-ahead log. */
  g_assert_cmpstr (busy, ==, "0");
  /* Page 1 starts with the file's header, not with a page type. */
  g_assert_cmpint (g_ascii_strtoll (root, NULL, 10), >, 1);

  file = fopen (dlg_store_get_path (f->sf.store), "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (g_ascii_strtoll (root, NULL, 10) - 1) *
                                g_ascii_strtoll (page_size, NULL, 10), SEEK_SET), ==, 0);
  old = fgetc (file);
  g_assert_cmpint (old, !=, EOF);
  g_assert_cmpint (fseek (file, -1, SEEK_CUR), ==, 0);
  g_assert_cmpint (fputc (type, file), ==, type);
  g_assert_cmpint (fclose (file), ==, 0);

  db = dlg_store_lock (f->sf.store);
  sqlite3_db_release_memory (db);
  dlg_store_unlock (f->sf.store);
  return old;
}

static void
load_failed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(DlgFeed) feed = dlg_sync_load_stored_finish (DLG_SYNC (object), result, NULL,
                                                         &f->sf.error);

  g_assert_null (feed);
  g_main_loop_quit (f->sf.loop);
}

/* The delegate should be told the saved copy could not be read, with the reason. */
static void
assert_unreadable (Fixture    *f,
                   const char *url)
{
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_STORE);
  g_test_message ("reported: %s", f->sf.error->message);
  g_assert_nonnull (strstr (f->sf.error->message, url));
  g_assert_nonnull (strstr (f->sf.error->message, "the file is damaged"));
}

/* A damaged page where the subscriptions (data: "subscriptions") or the saved copies
 * ("resources") are kept: a start, a sync of the feed and a sync of a file each say that the
 * saved copy could not be read, rather than take it for nothing saved or for an event
 * without its sections, and make no request; the copies are whole once the page is. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  const char *table = data;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "external",
                                                "feed.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *agenda_url = g_strconcat (f->sf.base, "/agenda.json", NULL);
  g_autoptr(DlgResource) feed_before = NULL;
  g_autoptr(DlgResource) agenda_before = NULL;
  g_autoptr(DlgResource) file_before = NULL;
  g_autoptr(DlgResource) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  DlgSubscriptionRow *row;
  DlgFeed *loaded;
  guint n_requests;
  int type;

  /* Good copies of a feed with its agenda apart, and of a file with its sections. */
  serve_sectioned_feed (f);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_true (dlg_store_add_subscription (f->sf.store, uri, &error));
  g_assert_no_error (error);
  sync_once (f, uri);
  g_assert_no_error (f->sf.error);
  /* Their parsed forms kept (dlg_sync_dispose): no write while the page is damaged. */
  g_clear_object (&f->sf.sync);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, NULL);
  dlg_sync_set_total_timeout (f->sf.sync, 3000);
  feed_before = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  agenda_before = dlg_store_lookup_resource (f->sf.store, agenda_url);
  file_before = dlg_store_lookup_resource (f->sf.store, uri);
  g_assert_nonnull (feed_before);
  g_assert_nonnull (agenda_before);
  g_assert_nonnull (file_before);
  n_requests = f->n_requests;

  type = set_page_type (f, table, 0xff);

  /* The app starts. */
  g_clear_error (&f->sf.error);
  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, NULL, NULL, load_failed_cb, f);
  g_main_loop_run (f->sf.loop);
  assert_unreadable (f, f->sf.url);

  /* It syncs the feed, and the file. */
  sync_once (f, f->sf.url);
  assert_unreadable (f, f->sf.url);
  g_assert_cmpuint (f->n_requests, ==, n_requests);
  sync_once (f, uri);
  assert_unreadable (f, uri);

  /* The page mended, everything is as it was. */
  set_page_type (f, table, type);
  after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  assert_same_resource (feed_before, after);
  g_clear_pointer (&after, dlg_resource_free);
  after = dlg_store_lookup_resource (f->sf.store, agenda_url);
  assert_same_resource (agenda_before, after);
  g_clear_pointer (&after, dlg_resource_free);
  after = dlg_store_lookup_resource (f->sf.store, uri);
  assert_same_resource (file_before, after);
  rows = dlg_store_list_subscriptions (f->sf.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, f->sf.url);
  g_assert_cmpuint (g_strv_length (row->sections), ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->url, ==, uri);
  g_assert_cmpuint (g_strv_length (row->sections), ==, 2);

  g_clear_error (&f->sf.error);
  loaded = load_stored (f);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/removed-while-syncing", test_removed_while_syncing, NULL);
  ADD ("/sync/added-over-leftovers", test_added_over_leftovers, NULL);
  ADD ("/sync/parsed-form", test_parsed_form, NULL);
  ADD ("/sync/parsed-form-languages", test_parsed_form_languages, NULL);
  ADD ("/sync/unreadable-subscription", test_unreadable, "subscriptions");
  ADD ("/sync/unreadable-copy", test_unreadable, "resources");

  return g_test_run ();
}
