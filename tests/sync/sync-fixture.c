/* sync-fixture.c: what every sync test starts from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sync-fixture.h"

void
sync_fixture_set_up (SyncFixture        *f,
                     guint               io_timeout_s,
                     guint               total_timeout_ms,
                     SoupServerCallback  handler,
                     gpointer            handler_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSList *uris;

  f->dir = g_dir_make_tmp ("delegate-sync-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "delegate.db", NULL);
  f->store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);

  /* No proxy, whatever the machine says: the server is on loopback.  No network monitor:
   * a test that wants one gives its own. */
  f->session = soup_session_new_with_options ("proxy-resolver", NULL,
                                              "timeout", io_timeout_s, NULL);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  dlg_sync_set_total_timeout (f->sync, total_timeout_ms);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, handler_data, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->url = g_strconcat (f->base, "/feed.json", NULL);

  f->loop = g_main_loop_new (NULL, FALSE);
  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  g_assert_no_error (error);
}

static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

void
sync_fixture_tear_down (SyncFixture *f)
{
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->sync);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->url);
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  g_main_loop_unref (f->loop);
}

void
sync_fixture_update_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SyncFixture *f = user_data;

  f->report = dlg_sync_update_finish (DLG_SYNC (object), result, &f->error);
  g_main_loop_quit (f->loop);
}

void
sync_fixture_sync (SyncFixture *f,
                   const char  *url)
{
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  dlg_sync_update_async (f->sync, url, NULL, NULL, sync_fixture_update_cb, f);
  g_main_loop_run (f->loop);
  g_assert_false (dlg_sync_is_syncing (f->sync, url));
}
