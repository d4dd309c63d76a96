/* sync-unchanged.c: what a sync costs when the feed has not changed
 *
 * A benchmark, not a timed test: it serves the built-in forum feed (as a
 * static host would: ETag, Last-Modified, gzip) from a SoupServer on
 * 127.0.0.1 and reports, for a first sync and then for unchanged syncs,
 * the requests made, the bytes received and the documents parsed, with
 * wall-clock times.  Figures in docs/performance.md.
 *
 *   meson test -C _build --benchmark --suite sync -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "dlg-sync.h"

#define ROUNDS 50
#define ETAG "\"kupang-1\""
#define LAST_MODIFIED "Mon, 02 Sep 2019 08:00:00 GMT"

typedef struct
{
  GBytes        *body;
  GBytes        *gzipped;
  guint          requests;
  guint64        body_bytes_sent;
  GMainLoop     *loop;
  DlgSyncReport *report;
} Bench;

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) converter = g_converter_output_stream_new (out, G_CONVERTER (gzip));

  g_output_stream_write_all (converter, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             NULL, NULL, NULL);
  g_output_stream_close (converter, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Bench *b = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *accept = soup_message_headers_get_list (request, "Accept-Encoding");
  GBytes *body = b->body;

  b->requests++;
  soup_message_headers_replace (headers, "ETag", ETAG);
  soup_message_headers_replace (headers, "Last-Modified", LAST_MODIFIED);
  soup_message_headers_replace (headers, "Cache-Control", "max-age=600");
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), ETAG) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  if (accept != NULL && strstr (accept, "gzip") != NULL)
    {
      body = b->gzipped;
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }
  soup_message_headers_replace (headers, "Content-Type", "application/json");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
  b->body_bytes_sent += g_bytes_get_size (body);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Bench *b = user_data;
  g_autoptr(GError) error = NULL;

  b->report = dlg_sync_update_finish (DLG_SYNC (object), result, &error);
  if (b->report == NULL)
    g_error ("sync failed: %s", error->message);
  g_main_loop_quit (b->loop);
}

static double
sync_once (Bench      *b,
           DlgSync    *sync,
           const char *url)
{
  gint64 start = g_get_monotonic_time ();

  g_clear_pointer (&b->report, dlg_sync_report_free);
  dlg_sync_update_async (sync, url, NULL, NULL, update_cb, b);
  g_main_loop_run (b->loop);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("delegate-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *feed_path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(DlgSync) sync = NULL;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;
  Bench b = { 0 };
  char *contents = NULL;
  gsize length = 0;
  double first_ms, total_ms = 0, max_ms = 0;
  guint64 bytes = 0;
  guint requests = 0, parses = 0, server_requests;
  guint64 server_bytes;

  feed_path = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR")
                                                                  : "tests",
                                "..", "data", "feeds", "kupang-2019.json", NULL);
  if (!g_file_get_contents (feed_path, &contents, &length, &error))
    g_error ("%s", error->message);
  b.body = g_bytes_new_take (contents, length);
  b.gzipped = gzip_bytes (b.body);
  b.loop = g_main_loop_new (NULL, FALSE);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, &b, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/feed.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  store = dlg_store_open (db, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  dlg_store_add_subscription (store, url, NULL);
  session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  sync = dlg_sync_new (store, session, NULL);

  first_ms = sync_once (&b, sync, url);
  printf ("Feed: data/feeds/kupang-2019.json, %" G_GSIZE_FORMAT " bytes (%" G_GSIZE_FORMAT
          " gzipped)\n\n", g_bytes_get_size (b.body), g_bytes_get_size (b.gzipped));
  printf ("| Sync | Requests | Bytes received | Documents parsed | Time |\n");
  printf ("|---|---|---|---|---|\n");
  printf ("| first | %u | %" G_GUINT64_FORMAT " | %u | %.1f ms |\n",
          b.report->n_requests, b.report->n_bytes, b.report->n_parses, first_ms);

  server_requests = b.requests;
  server_bytes = b.body_bytes_sent;
  for (guint i = 0; i < ROUNDS; i++)
    {
      double ms = sync_once (&b, sync, url);

      total_ms += ms;
      max_ms = MAX (max_ms, ms);
      requests += b.report->n_requests;
      bytes += b.report->n_bytes;
      parses += b.report->n_parses;
      if (b.report->feed != NULL)
        g_error ("an unchanged sync produced new data");
    }
  printf ("| unchanged (mean of %u) | %.1f | %.0f | %.1f | %.2f ms (max %.2f) |\n",
          ROUNDS, (double) requests / ROUNDS, (double) bytes / ROUNDS, (double) parses / ROUNDS,
          total_ms / ROUNDS, max_ms);
  printf ("\nServer side for the %u unchanged syncs: %u requests, %" G_GUINT64_FORMAT
          " body bytes sent.\n", ROUNDS, b.requests - server_requests,
          b.body_bytes_sent - server_bytes);

  g_clear_pointer (&b.report, dlg_sync_report_free);
  g_bytes_unref (b.body);
  g_bytes_unref (b.gzipped);
  g_main_loop_unref (b.loop);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    g_clear_object (&sync);
    g_clear_object (&store);
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
