/* feed-server.c: the feed server the test-sync* programs make misbehave, and their helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-store-private.h"
#include "fake-monitor.h"
#include "feed-server.h"

GBytes *
fixture_bytes (const char *kind,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", kind, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
serve_body (SoupServerMessage *msg,
            GBytes            *body,
            const char        *etag)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Type", "application/json");
  if (etag != NULL)
    soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Last-Modified", LAST_MODIFIED);
  soup_message_headers_replace (headers, "Cache-Control", "max-age=3600");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/new.json"))
    {
      f->n_new++;
      serve_body (msg, f->new_body, "\"new\"");
      return;
    }
  /* Another event, published as the first one and sharing its sections. */
  if (g_str_equal (path, "/other.json"))
    {
      serve_body (msg, f->body, "\"other\"");
      return;
    }
  if (g_str_equal (path, "/agenda.json") && f->agenda != NULL)
    {
      g_autoptr(GBytes) agenda = g_bytes_new (f->agenda, strlen (f->agenda));

      f->n_agenda++;
      if (f->agenda_gone)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
          return;
        }
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-Modified-Since"),
                     LAST_MODIFIED) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      serve_body (msg, agenda, NULL);
      return;
    }
  if (!g_str_equal (path, "/feed.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  f->n_requests++;
  g_free (f->if_none_match);
  f->if_none_match = g_strdup (soup_message_headers_get_one (request, "If-None-Match"));
  g_free (f->if_modified_since);
  f->if_modified_since = g_strdup (soup_message_headers_get_one (request, "If-Modified-Since"));
  g_free (f->accept_encoding);
  f->accept_encoding = g_strdup (soup_message_headers_get_list (request, "Accept-Encoding"));

  switch (f->mode)
    {
    case MODE_OK:
      if (f->etag != NULL && g_strcmp0 (f->if_none_match, f->etag) == 0)
        {
          soup_message_headers_replace (headers, "ETag", f->etag);
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      f->n_full++;
      serve_body (msg, f->body, f->etag);
      return;

    case MODE_STATUS:
      soup_server_message_set_status (msg, f->status, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
      return;

    case MODE_STALL:
      /* Answer nothing, ever: the client must give up on its own. */
      g_ptr_array_add (f->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
      return;

    case MODE_GZIP:
      {
        g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
        g_autoptr(GMemoryOutputStream) out = NULL;
        g_autoptr(GOutputStream) converter = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) compressed = NULL;
        gsize written;

        out = G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new_resizable ());
        converter = g_converter_output_stream_new (G_OUTPUT_STREAM (out), G_CONVERTER (gzip));
        g_output_stream_write_all (converter, g_bytes_get_data (f->body, NULL),
                                   g_bytes_get_size (f->body), &written, NULL, &error);
        g_assert_no_error (error);
        g_output_stream_close (converter, NULL, &error);
        g_assert_no_error (error);
        compressed = g_memory_output_stream_steal_as_bytes (out);
        f->n_full++;
        serve_body (msg, compressed, f->etag);
        soup_message_headers_replace (headers, "Content-Encoding", "gzip");
        return;
      }

    case MODE_LOOP:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/feed.json");
      return;

    case MODE_MOVED:
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/new.json");
      return;

    case MODE_MOVED_AWAY:
      if (g_str_equal (g_uri_get_host (soup_server_message_get_uri (msg)), "127.0.0.1"))
        {
          g_autofree char *away = g_strdup_printf ("http://localhost:%d/new.json",
                                                   g_uri_get_port (soup_server_message_get_uri (msg)));

          soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, away);
          return;
        }
      serve_body (msg, f->new_body, NULL);
      return;

    case MODE_SEND_ON:
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, f->send_on);
      return;

    case MODE_HUGE:
      {
        g_autofree char *chunk = g_strnfill (16 * 1024, ' ');

        soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        for (guint i = 0; i < 16; i++)
          soup_message_body_append (soup_server_message_get_response_body (msg),
                                    SOUP_MEMORY_COPY, chunk, 16 * 1024);
        soup_message_body_complete (soup_server_message_get_response_body (msg));
        return;
      }

    case MODE_HTML:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>Sign in</body></html>", 33);
      return;

    case MODE_HOLD:
      f->n_full++;
      serve_body (msg, f->body, f->etag);
      g_ptr_array_add (f->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
      return;

    default:
      g_assert_not_reached ();
    }
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  sync_fixture_set_up (&f->sf, 1, 3000, server_cb, f);
  dlg_sync_set_max_body_size (f->sf.sync, TEST_MAX_BODY);

  f->body = fixture_bytes ("valid", "minimal.json");
  f->new_body = fixture_bytes ("valid", "full.json");
  f->etag = g_strdup ("\"v1\"");
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < f->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (f->paused, i));
  g_ptr_array_unref (f->paused);
  sync_fixture_tear_down (&f->sf);
  g_bytes_unref (f->body);
  g_bytes_unref (f->new_body);
  g_free (f->etag);
  g_free (f->agenda);
  g_free (f->send_on);
  g_free (f->if_none_match);
  g_free (f->if_modified_since);
  g_free (f->accept_encoding);
}

/* One sync, to its end; the result in f->sf.report or f->sf.error. */
void
sync_once (Fixture    *f,
           const char *url)
{
  sync_fixture_sync (&f->sf, url);
}

void
assert_same_resource (DlgResource *a,
                      DlgResource *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (a->url, ==, b->url);
  g_assert_true (g_bytes_equal (a->body, b->body));
  g_assert_cmpstr (a->etag, ==, b->etag);
  g_assert_cmpstr (a->last_modified, ==, b->last_modified);
  g_assert_cmpint (a->fetched_at, ==, b->fetched_at);
  g_assert_cmpint (a->max_age, ==, b->max_age);
}

/* Stores a good copy of the feed and returns it, as stored. */
DlgResource *
sync_good_copy (Fixture *f)
{
  f->mode = MODE_OK;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  return dlg_store_lookup_resource (f->sf.store, f->sf.url);
}

/* The organiser publishes another feed (full.json) with a new ETag. */
void
organiser_changes_feed (Fixture *f)
{
  g_bytes_unref (f->body);
  f->body = g_bytes_ref (f->new_body);
  g_free (f->etag);
  f->etag = g_strdup ("\"v2\"");
}

/* Syncs once more and checks the error and that nothing moved. */
void
assert_failure_keeps_copy (Fixture     *f,
                           DlgResource *before,
                           gint         code)
{
  g_autoptr(DlgResource) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DlgSubscriptionRow *row;

  sync_once (f, f->sf.url);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, code);
  g_assert_null (f->sf.report);
  g_test_message ("reported: %s", f->sf.error->message);

  after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  assert_same_resource (before, after);
  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, f->sf.url);
  g_assert_cmpstr (row->event_id, ==, "minimal");
}

void
use_monitor (Fixture              *f,
             gboolean              available,
             GNetworkConnectivity  connectivity)
{
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (available, connectivity);

  g_clear_object (&f->sf.sync);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, G_NETWORK_MONITOR (monitor));
  dlg_sync_set_max_body_size (f->sf.sync, TEST_MAX_BODY);
  dlg_sync_set_total_timeout (f->sf.sync, 3000);
}

void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;
  gint64 fetched_at = 0;
  DlgFeed *feed = dlg_sync_load_stored_finish (DLG_SYNC (object), result, &fetched_at,
                                               &f->sf.error);

  g_assert_no_error (f->sf.error);
  g_assert_cmpint (fetched_at, >, 0);
  g_object_set_data_full (G_OBJECT (f->sf.store), "loaded", feed, g_object_unref);
  g_main_loop_quit (f->sf.loop);
}

/* The server publishes a Delegate feed whose agenda (one session, "S1") is at /agenda.json. */
void
serve_sectioned_feed (Fixture *f)
{
  const char *feed =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"x\", \"title\": \"X\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, \"agenda\": \"agenda.json\"}";

  f->agenda = g_strdup ("{\"schedule\": {\"version\": \"1\", \"conference\": {\"title\": \"C\", "
                        "\"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, "
                        "\"date\": \"2024-10-16\", \"rooms\": {\"Aula\": [{\"guid\": \"s1\", "
                        "\"date\": \"2024-10-16T09:00:00+08:00\", \"start\": \"09:00\", "
                        "\"duration\": \"1:00\", \"title\": \"S1\"}]}}]}}}");
  g_bytes_unref (f->body);
  f->body = g_bytes_new_static (feed, strlen (feed));
}

/* Runs @sql on the store's database; returns the first column of its first row, if any. */
char *
run_sql (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = dlg_store_lock (f->sf.store);
  sqlite3_stmt *stmt = NULL;
  char *first = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  dlg_store_unlock (f->sf.store);
  return first;
}
