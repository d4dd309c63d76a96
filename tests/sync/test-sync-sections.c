/* test-sync-sections.c: sections published apart, and a feed or section taken down
 *
 * The agenda at its own address, shared by two events, and a 410 Gone for the feed or a
 * section: the event is over, its data kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "feed-server.h"

static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(GPtrArray) rows = NULL;

  f->mode = MODE_STATUS;
  f->status = SOUP_STATUS_GONE;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_GONE);

  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_true (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->ended);
}

static gboolean
stored_ended (Fixture *f)
{
  g_autoptr(GPtrArray) rows = dlg_store_list_subscriptions (f->sf.store, NULL);

  g_assert_cmpuint (rows->len, ==, 1);
  return ((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->ended;
}

/* A feed taken down for a while (a 410 by mistake) and back: the event is not over, after a
 * restart either, whether the feed came back as it was or changed. */
static void
test_gone_and_back (Fixture       *f,
                    gconstpointer  data)
{
  dlg_resource_free (sync_good_copy (f));

  f->mode = MODE_STATUS;
  f->status = SOUP_STATUS_GONE;
  sync_once (f, f->sf.url);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE);
  g_assert_true (stored_ended (f));

  /* Back unchanged: a 304. */
  f->mode = MODE_OK;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_null (f->sf.report->feed);
  g_assert_false (stored_ended (f));

  f->mode = MODE_STATUS;
  sync_once (f, f->sf.url);
  g_assert_true (stored_ended (f));

  /* Back changed. */
  organiser_changes_feed (f);
  f->mode = MODE_OK;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_false (stored_ended (f));
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DlgResource) section = NULL;
  DlgFeed *loaded;
  g_autofree char *agenda_url = g_strconcat (f->sf.base, "/agenda.json", NULL);

  serve_sectioned_feed (f);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->sf.report->feed)), ==, 1);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);
  section = dlg_store_lookup_resource (f->sf.store, agenda_url);
  g_assert_nonnull (section);

  /* Unchanged: the feed and its section both answer 304, nothing is parsed. */
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_null (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);
  g_assert_cmpuint (f->sf.report->n_parses, ==, 0);

  /* The stored copy reads back whole, sections included, with no network. */
  soup_server_disconnect (f->sf.server);
  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  loaded = g_object_get_data (G_OBJECT (f->sf.store), "loaded");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);
}

/* An agenda published apart and taken down: the event is over, as when the feed itself is, and
 * the store remembers it (the window says so after a restart too); the saved copies stay. */
static void
test_section_gone (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DlgResource) section = NULL;
  g_autofree char *agenda_url = g_strconcat (f->sf.base, "/agenda.json", NULL);

  serve_sectioned_feed (f);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);

  f->agenda_gone = TRUE;
  sync_once (f, f->sf.url);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE);
  g_clear_error (&f->sf.error);

  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->ended);
  section = dlg_store_lookup_resource (f->sf.store, agenda_url);
  g_assert_nonnull (section);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (section->body, NULL),
                                  g_bytes_get_size (section->body), "\"S1\""));
}

/* Two events whose agendas are one document (a city's shared schedule): removing one leaves the
 * other whole, offline too. */
static void
test_shared_section (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = g_strconcat (f->sf.base, "/other.json", NULL);
  g_autofree char *agenda_url = g_strconcat (f->sf.base, "/agenda.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgResource) section = NULL;
  DlgFeed *loaded;

  serve_sectioned_feed (f);
  g_assert_true (dlg_store_add_subscription (f->sf.store, other, &error));
  g_assert_no_error (error);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  sync_once (f, other);
  g_assert_no_error (f->sf.error);

  g_assert_true (dlg_store_remove_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  section = dlg_store_lookup_resource (f->sf.store, agenda_url);
  g_assert_nonnull (section);

  soup_server_disconnect (f->sf.server);
  dlg_sync_load_stored_async (f->sf.sync, other, NULL, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  loaded = g_object_get_data (G_OBJECT (f->sf.store), "loaded");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);

  /* Its own removal takes the section along: nobody uses it any more. */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, other, &error));
  g_assert_no_error (error);
  g_clear_pointer (&section, dlg_resource_free);
  section = dlg_store_lookup_resource (f->sf.store, agenda_url);
  g_assert_null (section);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/gone", test_gone, NULL);
  ADD ("/sync/gone-and-back", test_gone_and_back, NULL);
  ADD ("/sync/sections", test_sections, NULL);
  ADD ("/sync/section-gone", test_section_gone, NULL);
  ADD ("/sync/shared-section", test_shared_section, NULL);

  return g_test_run ();
}
