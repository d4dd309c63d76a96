/* test-store.c: the offline store keeps subscriptions, copies and stars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dlg-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("delegate-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "delegate.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static DlgStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  DlgStore *store = dlg_store_open (f->path, &aside, &error);

  g_assert_no_error (error);
  g_assert_null (aside);
  g_assert_true (DLG_IS_STORE (store));
  return store;
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DlgStore) store = open_store (f);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  g_assert_cmpstr (dlg_store_get_path (store), ==, f->path);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  /* WAL mode leaves its log beside the open database. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
star_changed_cb (DlgStore   *store,
                 const char *event_id,
                 gpointer    user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (event_id));
}

static void
test_stars (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) keys = NULL;

  {
    g_autoptr(DlgStore) store = open_store (f);

    g_signal_connect (store, "stars-changed", G_CALLBACK (star_changed_cb), seen);
    g_assert_false (dlg_store_is_starred (store, "kupang-2019", "s1"));
    g_assert_true (dlg_store_set_starred (store, "kupang-2019", "s2", TRUE, &error));
    g_assert_no_error (error);
    g_assert_true (dlg_store_set_starred (store, "kupang-2019", "s1", TRUE, &error));
    g_assert_true (dlg_store_set_starred (store, "other", "s1", TRUE, &error));
    /* Starring twice changes nothing and says nothing. */
    g_assert_true (dlg_store_set_starred (store, "kupang-2019", "s1", TRUE, &error));
    g_assert_cmpuint (seen->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "kupang-2019");
    g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "other");
    g_assert_true (dlg_store_is_starred (store, "kupang-2019", "s1"));
  }

  /* They survive a restart, oldest first. */
  {
    g_autoptr(DlgStore) store = open_store (f);

    keys = dlg_store_list_starred (store, "kupang-2019");
    g_assert_cmpuint (g_strv_length (keys), ==, 2);
    g_assert_cmpstr (keys[0], ==, "s2");
    g_assert_cmpstr (keys[1], ==, "s1");

    g_assert_true (dlg_store_set_starred (store, "kupang-2019", "s2", FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (dlg_store_is_starred (store, "kupang-2019", "s2"));
    g_assert_true (dlg_store_is_starred (store, "other", "s1"));
  }
}

static void
test_subscriptions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
  const char *sections[] = { "agenda http://a.example/agenda.json", NULL };
  DlgResource *r;

  {
    g_autoptr(DlgStore) store = open_store (f);

    g_assert_true (dlg_store_add_subscription (store, "http://a.example/feed.json", &error));
    g_assert_true (dlg_store_add_subscription (store, "/media/usb/feed.json", &error));
    g_assert_true (dlg_store_add_subscription (store, "http://a.example/feed.json", &error));
    g_assert_true (dlg_store_set_current (store, "/media/usb/feed.json", &error));
    g_assert_no_error (error);

    r = dlg_resource_new ("http://a.example/feed.json");
    r->body = g_bytes_new_static ("{\"feed\":1}", 10);
    r->etag = g_strdup ("\"abc\"");
    r->last_modified = g_strdup ("Mon, 02 Sep 2019 08:00:00 GMT");
    r->fetched_at = 1000;
    r->max_age = 600;
    g_ptr_array_add (resources, r);
    r = dlg_resource_new ("http://a.example/agenda.json");
    r->body = g_bytes_new_static ("[]", 2);
    r->fetched_at = 1000;
    g_ptr_array_add (resources, r);
    g_assert_true (dlg_store_commit_sync (store, "http://a.example/feed.json", NULL,
                                          "kupang-2019", "Kupang", sections, resources, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(DlgStore) store = open_store (f);
    g_autoptr(GPtrArray) rows = dlg_store_list_subscriptions (store, &error);
    g_autoptr(DlgResource) feed = NULL;
    DlgSubscriptionRow *row;
    guint n_before;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (row->url, ==, "http://a.example/feed.json");
    g_assert_cmpstr (row->event_id, ==, "kupang-2019");
    g_assert_cmpstr (row->title, ==, "Kupang");
    g_assert_false (row->current);
    g_assert_cmpstrv (row->sections, sections);
    row = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (row->url, ==, "/media/usb/feed.json");
    g_assert_true (row->current);
    g_assert_null (row->event_id);

    feed = dlg_store_lookup_resource (store, "http://a.example/feed.json");
    g_assert_nonnull (feed);
    g_assert_cmpmem (g_bytes_get_data (feed->body, NULL), g_bytes_get_size (feed->body),
                     "{\"feed\":1}", 10);
    g_assert_cmpstr (feed->etag, ==, "\"abc\"");
    g_assert_cmpint (feed->max_age, ==, 600);

    /* A 304 only moves the fetch time. */
    g_assert_true (dlg_store_touch_resource (store, feed->url, NULL, NULL, 2000, 60, &error));
    g_clear_pointer (&feed, dlg_resource_free);
    feed = dlg_store_lookup_resource (store, "http://a.example/feed.json");
    g_assert_cmpint (feed->fetched_at, ==, 2000);
    g_assert_cmpstr (feed->etag, ==, "\"abc\"");

    g_assert_true (dlg_store_set_ended (store, "http://a.example/feed.json", TRUE, &error));

    /* A permanent redirect moves the subscription and its copy; the feed answered, so the
     * event the 410 ended is not over any more. */
    g_assert_true (dlg_store_commit_sync (store, "http://a.example/feed.json",
                                          "https://b.example/feed.json", NULL, NULL, NULL,
                                          NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = dlg_store_list_subscriptions (store, &error);
    row = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (row->url, ==, "https://b.example/feed.json");
    g_assert_false (row->ended);
    g_assert_cmpstr (row->title, ==, "Kupang");

    /* A feed that moved for good to an address the delegate follows too (added again while
     * offline, by its new address): one subscription is left, at the new address, and the
     * sync is kept (the store would refuse a second subscription of the same address). */
    g_assert_true (dlg_store_add_subscription (store, "http://c.example/feed.json", &error));
    g_assert_no_error (error);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = dlg_store_list_subscriptions (store, &error);
    n_before = rows->len;
    g_assert_true (dlg_store_commit_sync (store, "http://c.example/feed.json",
                                          "https://b.example/feed.json", NULL, NULL, NULL,
                                          NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = dlg_store_list_subscriptions (store, &error);
    g_assert_cmpuint (rows->len, ==, n_before - 1);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (((DlgSubscriptionRow *) g_ptr_array_index (rows, i))->url, !=,
                       "http://c.example/feed.json");

    g_assert_true (dlg_store_remove_subscription (store, "https://b.example/feed.json", &error));
    g_assert_no_error (error);
    g_assert_null (dlg_store_lookup_resource (store, "http://a.example/agenda.json"));
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = dlg_store_list_subscriptions (store, &error);
    g_assert_cmpuint (rows->len, ==, 1);
  }
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *garbage = "This is not an SQLite database, it is a delegate's shopping list.\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, &error));

  /* The damaged file is a known case, said as a message. */
  g_test_expect_message ("dlg-store", G_LOG_LEVEL_MESSAGE, "*moving it to*");
  store = dlg_store_open (f->path, &aside, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Moved aside, intact, and the new store works. */
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, f->path));
  g_assert_true (g_file_get_contents (aside, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, garbage);
  g_assert_true (dlg_store_add_subscription (store, "http://a.example/feed.json", &error));
  rows = dlg_store_list_subscriptions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/schema", Fixture, NULL, fixture_set_up, test_schema, fixture_tear_down);
  g_test_add ("/store/stars", Fixture, NULL, fixture_set_up, test_stars, fixture_tear_down);
  g_test_add ("/store/subscriptions", Fixture, NULL,
              fixture_set_up, test_subscriptions, fixture_tear_down);
  g_test_add ("/store/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);

  return g_test_run ();
}
