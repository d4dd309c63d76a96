/* sync-unchanged.c: what a sync costs on a crowded venue network
 *
 * A benchmark, not a timed test: it serves feeds as a static host would (ETag,
 * Last-Modified, gzip, max-age) from a SoupServer on 127.0.0.1 and reports, for a first
 * sync, for unchanged syncs and for a sync after the organiser changed one session, the
 * requests made, the bytes received and the documents parsed, with wall-clock times:
 *  - the built-in forum feed (one resource);
 *  - a congress-size event: a Delegate feed whose agenda, a 943-session schedule.json
 *    (FOSDEM's size), is published apart (two resources);
 *  - that schedule.json alone, as pretalx and frab publish it.
 * Figures in docs/performance.md.
 *
 *   meson test -C _build --benchmark --suite sync -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

#include "dlg-sync.h"
#include "schedule-fixture.h"

#define ROUNDS 50
#define CHANGES 5
#define LAST_MODIFIED "Mon, 02 Sep 2019 08:00:00 GMT"

/* One file on the server; a new version gets a new ETag. */
typedef struct
{
  char   *path;
  GBytes *body;
  GBytes *gzipped;
  guint   version;
} Resource;

typedef struct
{
  GPtrArray     *resources;
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
resource_free (Resource *resource)
{
  g_free (resource->path);
  g_bytes_unref (resource->body);
  g_bytes_unref (resource->gzipped);
  g_free (resource);
}

static void
resource_set_body (Resource *resource,
                   GBytes   *body)
{
  g_clear_pointer (&resource->body, g_bytes_unref);
  g_clear_pointer (&resource->gzipped, g_bytes_unref);
  resource->body = body;
  resource->gzipped = gzip_bytes (body);
  resource->version++;
}

static Resource *
bench_add (Bench      *b,
           const char *path,
           GBytes     *body)
{
  Resource *resource = g_new0 (Resource, 1);

  resource->path = g_strdup (path);
  resource_set_body (resource, body);
  g_ptr_array_add (b->resources, resource);
  return resource;
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
  g_autofree char *etag = NULL;
  Resource *resource = NULL;
  GBytes *body;

  b->requests++;
  for (guint i = 0; i < b->resources->len; i++)
    if (g_str_equal (((Resource *) g_ptr_array_index (b->resources, i))->path, path))
      resource = g_ptr_array_index (b->resources, i);
  if (resource == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  etag = g_strdup_printf ("\"%s-%u\"", resource->path, resource->version);
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Last-Modified", LAST_MODIFIED);
  soup_message_headers_replace (headers, "Cache-Control", "max-age=600");
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  body = resource->body;
  if (accept != NULL && strstr (accept, "gzip") != NULL)
    {
      body = resource->gzipped;
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_row (const char    *what,
           DlgSyncReport *report,
           double         ms)
{
  printf ("| %s | %u | %" G_GUINT64_FORMAT " | %u | %.1f ms |\n",
          what, report->n_requests, report->n_bytes, report->n_parses, ms);
}

/* First sync, ROUNDS unchanged ones, then one after @changed got a new
 * version (@new_body), CHANGES times. */
static void
bench_event (Bench         *b,
             DlgSync       *sync,
             const char    *title,
             const char    *url,
             Resource      *changed,
             GBytes        *new_body)
{
  double first_ms, total_ms = 0, max_ms = 0, changed_ms, changed_times[CHANGES];
  g_autoptr(GBytes) old_body = g_bytes_ref (changed->body);
  guint64 bytes = 0, max_bytes = 0, server_bytes;
  guint requests = 0, parses = 0, server_requests, unchanged_requests;
  guint64 unchanged_body_bytes;
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < b->resources->len; i++)
    {
      Resource *r = g_ptr_array_index (b->resources, i);

      g_string_append_printf (list, "%s%s %" G_GSIZE_FORMAT " bytes (%" G_GSIZE_FORMAT
                              " gzipped)", i > 0 ? ", " : "", r->path,
                              g_bytes_get_size (r->body), g_bytes_get_size (r->gzipped));
    }

  printf ("\n### Sync: %s\n\n%s.\n\n", title, list->str);
  printf ("| Sync | Requests | Bytes received (headers and bodies, on the wire) "
          "| Documents parsed | Time |\n|---|---|---|---|---|\n");
  first_ms = sync_once (b, sync, url);
  if (b->report->feed == NULL)
    g_error ("the first sync brought no feed");
  print_row ("first", b->report, first_ms);

  server_requests = b->requests;
  server_bytes = b->body_bytes_sent;
  for (guint i = 0; i < ROUNDS; i++)
    {
      double ms = sync_once (b, sync, url);

      total_ms += ms;
      max_ms = MAX (max_ms, ms);
      requests += b->report->n_requests;
      bytes += b->report->n_bytes;
      max_bytes = MAX (max_bytes, b->report->n_bytes);
      parses += b->report->n_parses;
      if (b->report->feed != NULL)
        g_error ("an unchanged sync produced new data");
    }
  unchanged_requests = b->requests - server_requests;
  unchanged_body_bytes = b->body_bytes_sent - server_bytes;
  printf ("| unchanged (mean of %u) | %.1f | %.0f | %.1f | %.2f ms (max %.2f) |\n",
          ROUNDS, (double) requests / ROUNDS, (double) bytes / ROUNDS, (double) parses / ROUNDS,
          total_ms / ROUNDS, max_ms);

  /* The organiser changes a session, then changes it back, and again:
   * each sync finds a new version. */
  for (guint i = 0; i < CHANGES; i++)
    {
      resource_set_body (changed, g_bytes_ref (i % 2 == 0 ? new_body : old_body));
      changed_times[i] = sync_once (b, sync, url);
      if (b->report->feed == NULL)
        g_error ("a changed sync brought no feed");
    }
  qsort (changed_times, CHANGES, sizeof (double), compare_doubles);
  changed_ms = changed_times[CHANGES / 2];
  {
    g_autofree char *what = g_strdup_printf ("after one session changed (median of %u)", CHANGES);

    print_row (what, b->report, changed_ms);
  }

  printf ("\nUnchanged: %.1f requests for %u resource(s) (goal: one conditional request per "
          "resource: %s), at most %" G_GUINT64_FORMAT " bytes for all (goal: under 1 KiB per "
          "resource: %s). Server side for the %u unchanged syncs: %u requests, %" G_GUINT64_FORMAT
          " body bytes sent.\n",
          (double) requests / ROUNDS, b->resources->len,
          requests == ROUNDS * b->resources->len ? "met" : "MISSED",
          max_bytes, max_bytes < 1024 * b->resources->len ? "met" : "MISSED",
          ROUNDS, unchanged_requests, unchanged_body_bytes);
}

/* A Delegate feed made from the built-in one, whose agenda is published
 * apart, at "schedule.json" next to it. */
static GBytes *
feed_with_agenda_apart (GBytes *builtin)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *event;
  g_autofree char *text = NULL;
  gsize length;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (builtin, NULL),
                                   g_bytes_get_size (builtin), NULL))
    g_error ("the built-in feed does not parse");
  root = json_node_get_object (json_parser_get_root (parser));
  event = json_object_get_object_member (root, "event");
  json_object_set_string_member (event, "id", "bench-congress");
  json_object_set_string_member (root, "agenda", "schedule.json");
  /* The forum's cases name its sessions, which this agenda does not have. */
  json_object_remove_member (root, "best_practices");
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static char *
serve (SoupServer *server,
       Bench      *b,
       const char *path)
{
  GSList *uris = soup_server_get_uris (server);
  char *url = g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (uris->data), path);

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("delegate-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *feed_path = NULL;
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(DlgSync) sync = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GBytes) builtin = NULL;
  g_autoptr(GBytes) builtin_changed = NULL;
  g_autoptr(GBytes) schedule = schedule_fixture_new (943, 30, 2, FALSE, 0);
  g_autoptr(GBytes) schedule_changed = schedule_fixture_new (943, 30, 2, FALSE, 1);
  Bench b = { 0 };
  char *contents = NULL;
  gsize length = 0;
  Resource *feed_resource, *schedule_resource;

  setvbuf (stdout, NULL, _IOLBF, 0);
  feed_path = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR")
                                                                  : "tests",
                                "..", "data", "feeds", "kupang-2019.json", NULL);
  if (!g_file_get_contents (feed_path, &contents, &length, &error))
    g_error ("%s", error->message);
  builtin = g_bytes_new_take (contents, length);
  {
    /* The organiser fixes a typo. */
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (builtin, NULL), length);

    g_string_replace (text, "Kupang", "Kupang ", 1);
    builtin_changed = g_string_free_to_bytes (g_steal_pointer (&text));
  }

  b.resources = g_ptr_array_new_with_free_func ((GDestroyNotify) resource_free);
  b.loop = g_main_loop_new (NULL, FALSE);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, server_cb, &b, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);

  store = dlg_store_open (db, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  sync = dlg_sync_new (store, session, NULL);

  {
    g_autofree char *url = serve (server, &b, "/kupang/feed.json");

    feed_resource = bench_add (&b, "/kupang/feed.json", g_bytes_ref (builtin));
    dlg_store_add_subscription (store, url, NULL);
    bench_event (&b, sync, "the built-in forum feed (data/feeds/kupang-2019.json)", url,
                 feed_resource, builtin_changed);
    g_ptr_array_set_size (b.resources, 0);
  }

  {
    g_autofree char *url = serve (server, &b, "/congress/feed.json");

    bench_add (&b, "/congress/feed.json", feed_with_agenda_apart (builtin));
    schedule_resource = bench_add (&b, "/congress/schedule.json", g_bytes_ref (schedule));
    dlg_store_add_subscription (store, url, NULL);
    bench_event (&b, sync, "a Delegate feed with a 943-session agenda published apart", url,
                 schedule_resource, schedule_changed);
    g_ptr_array_set_size (b.resources, 0);
  }

  {
    g_autofree char *url = serve (server, &b, "/fosdem/schedule.json");

    schedule_resource = bench_add (&b, "/fosdem/schedule.json", g_bytes_ref (schedule));
    dlg_store_add_subscription (store, url, NULL);
    bench_event (&b, sync, "a bare 943-session schedule.json (pretalx, frab)", url,
                 schedule_resource, schedule_changed);
  }

  g_clear_pointer (&b.report, dlg_sync_report_free);
  g_ptr_array_unref (b.resources);
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
