/* test-sync-failures.c: what a delegate is told when a sync fails, the saved copy kept
 *
 * A server's error statuses, a refused connection, a stall, a body cut short, a feed that
 * is not valid or is too large, a captive portal, no network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fake-monitor.h"
#include "feed-server.h"

/* An HTTP error status, and the words a delegate should read for it. */
typedef struct
{
  guint       status;
  const char *words;
} StatusCase;

static const StatusCase status_cases[] = {
  { 401, "asks for a sign-in" },
  { 403, "refuses access" },
  { 404, "nothing at this address" },
  /* A hotel's proxy, not the feed's server, wants a sign-in. */
  { 407, "proxy server on the way to" },
  { 429, "too many requests" },
  { 500, "having trouble" },
  { 502, "having trouble" },
  { 503, "is busy" },
  { 418, "answered with error" },
};

/* The delegate reads what the error means in plain (translatable) words, with its number for
 * the organiser, never libsoup's English reason phrase ("Service Unavailable"); the saved copy
 * stays. */
static void
test_server_error (Fixture       *f,
                   gconstpointer  data)
{
  const StatusCase *status_case = data;
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autofree char *number = g_strdup_printf ("error %u", status_case->status);

  f->mode = MODE_STATUS;
  f->status = status_case->status;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (f->sf.error->message, number));
  g_assert_nonnull (strstr (f->sf.error->message, status_case->words));
  g_assert_nonnull (strstr (f->sf.error->message, "127.0.0.1"));
  g_assert_null (strstr (f->sf.error->message, soup_status_get_phrase (f->status)));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  /* Nobody listens there any more. */
  soup_server_disconnect (f->sf.server);
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_UNREACHABLE);
}

static void
test_stall (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  gint64 start = g_get_monotonic_time ();

  f->mode = MODE_STALL;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_TIMED_OUT);
  /* The 1 s I/O timeout, well before the test's own. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_total_timeout (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  /* The I/O timeout is longer: the total one must fire first. */
  g_object_set (f->sf.session, "timeout", 30, NULL);
  dlg_sync_set_total_timeout (f->sf.sync, 300);
  f->mode = MODE_STALL;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_TIMED_OUT);
}

/* A server that sends half the body it announces, then hangs up: SoupServer
 * is too correct to do that, so a plain socket in a thread plays it. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  GThread         *thread;
  guint16          port;
  const char      *answer;     /* the headers and as much body as is sent */
} RawServer;

/* Announces a length and sends less. */
static const char short_body[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
  "Content-Length: 4000\r\nConnection: close\r\n\r\n"
  "{\"delegate_feed\": 1, \"event\": {";

/* Chunked, and the connection closes between two chunks: libsoup 3.2 sees a whole body. */
static const char chunked_json_cut[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
  "Transfer-Encoding: chunked\r\n\r\n"
  "1f\r\n{\"delegate_feed\": 1, \"event\": {\r\n"
  "f\r\n\"id\": \"minimal\"\r\n";

static const char chunked_xml_cut[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
  "Transfer-Encoding: chunked\r\n\r\n"
  "2c\r\n<?xml version=\"1.0\"?>\n<schedule><conference>\r\n"
  "1c\r\n<title>Citynet</title></conf\r\n";

/* Chunked and complete, but not JSON: that is the feed's fault, and said so. */
static const char chunked_whole_invalid[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
  "Transfer-Encoding: chunked\r\n\r\n"
  "1e\r\n{\"delegate_feed\": 1, \"event\" }\r\n"
  "0\r\n\r\n";

static gpointer
raw_server_thread (gpointer user_data)
{
  RawServer *raw = user_data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      const char *head = raw->answer;
      char buffer[256];
      char *line;

      connection = g_socket_listener_accept (raw->listener, NULL, raw->cancellable, NULL);
      if (connection == NULL)
        return NULL;

      /* Read the request up to its blank line, so the hang-up is clean. */
      in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
      g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
      while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL)
        {
          gboolean blank = line[0] == '\0' || g_str_equal (line, "\r");

          g_free (line);
          if (blank)
            break;
        }

      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 head, strlen (head), NULL, NULL, NULL);
      /* Hang up after everything sent has arrived: a close with the request's bytes unread
       * would reset the connection, and a reset may drop what the client had not read. */
      g_socket_shutdown (g_socket_connection_get_socket (connection), FALSE, TRUE, NULL);
      g_socket_set_timeout (g_socket_connection_get_socket (connection), 2);
      while (g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, NULL) > 0)
        ;
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
}

/* Syncs a feed with a good copy from a server that sends @answer and hangs up; the copy
 * stays and the sync fails with @code. */
static void
sync_from_raw (Fixture    *f,
               const char *answer,
               gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
  g_autoptr(DlgResource) before = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  RawServer raw = { .answer = answer };
  DlgResource *primed;

  raw.listener = g_socket_listener_new ();
  raw.cancellable = g_cancellable_new ();
  g_socket_listener_add_address (raw.listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  raw.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  raw.thread = g_thread_new ("raw-server", raw_server_thread, &raw);

  /* This feed has a good copy from an earlier sync. */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, f->sf.url, &error));
  g_free (f->sf.url);
  f->sf.url = g_strdup_printf ("http://127.0.0.1:%u/feed.json", raw.port);
  g_assert_true (dlg_store_add_subscription (f->sf.store, f->sf.url, &error));
  primed = dlg_resource_new (f->sf.url);
  primed->body = g_bytes_ref (f->body);
  primed->etag = g_strdup ("\"v1\"");
  primed->fetched_at = 1000;
  g_ptr_array_add (resources, primed);
  g_assert_true (dlg_store_commit_sync (f->sf.store, f->sf.url, NULL, "minimal", "A minimal feed",
                                        NULL, resources, &error));
  g_assert_no_error (error);
  before = dlg_store_lookup_resource (f->sf.store, f->sf.url);

  assert_failure_keeps_copy (f, before, code);

  g_cancellable_cancel (raw.cancellable);
  g_thread_join (raw.thread);
  g_socket_listener_close (raw.listener);
  g_object_unref (raw.listener);
  g_object_unref (raw.cancellable);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  sync_from_raw (f, short_body, DLG_SYNC_ERROR_TRUNCATED);
}

/* The delegate reads that the connection broke off, not that the feed is not valid JSON: on
 * a crowded venue network, the next try will likely do. */
static void
test_chunked_cut (Fixture       *f,
                  gconstpointer  data)
{
  const char *answer = data;

  sync_from_raw (f, answer, DLG_SYNC_ERROR_TRUNCATED);
  g_assert_cmpstr (f->sf.error->message, ==,
                   "The connection to 127.0.0.1 broke off before the feed was complete");
}

static void
test_chunked_invalid (Fixture       *f,
                      gconstpointer  data)
{
  sync_from_raw (f, chunked_whole_invalid, DLG_SYNC_ERROR_INVALID);
  g_assert_null (strstr (f->sf.error->message, "broke off"));
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  g_bytes_unref (f->body);
  f->body = fixture_bytes ("invalid", "not-json.json");
  g_free (f->etag);
  f->etag = g_strdup ("\"broken\"");
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_INVALID);
  g_assert_nonnull (strstr (f->sf.error->message, "line 3"));
}

static void
test_schema_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  g_bytes_unref (f->body);
  f->body = fixture_bytes ("invalid", "no-event-title.json");
  g_free (f->etag);
  f->etag = g_strdup ("\"untitled\"");
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_INVALID);
  /* The message names the place. */
  g_assert_nonnull (strstr (f->sf.error->message, "event.title"));
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  f->mode = MODE_HTML;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_INVALID);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  f->mode = MODE_HUGE;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_TOO_LARGE);
}

/* A feed over the limit (here a file, as on a USB stick: sparse, it costs no disk) is refused
 * with the limit as a GNOME app writes sizes ("33.6 MB"), and the docs a delegate or an
 * organiser reads give the same figure, not only "32 MiB". */
static void
test_too_large_named (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *limit = g_format_size (DLG_SYNC_DEFAULT_MAX_BODY_SIZE);
  g_autoptr(GString) words = g_string_new (limit);
  g_autofree char *path = g_build_filename (f->sf.dir, "huge.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char * const docs[] = { "feed-format.md", "notes.md" };
  g_autoptr(GError) error = NULL;
  FILE *huge = fopen (path, "w");

  g_assert_nonnull (huge);
  g_assert_cmpint (ftruncate (fileno (huge), DLG_SYNC_DEFAULT_MAX_BODY_SIZE + 1), ==, 0);
  g_assert_cmpint (fclose (huge), ==, 0);
  g_assert_true (dlg_store_add_subscription (f->sf.store, uri, &error));
  g_assert_no_error (error);
  g_clear_object (&f->sf.sync);
  f->sf.sync = dlg_sync_new (f->sf.store, f->sf.session, NULL);

  sync_once (f, uri);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_TOO_LARGE);
  g_test_message ("reported: %s", f->sf.error->message);
  g_assert_nonnull (strstr (f->sf.error->message, limit));

  /* The docs write the no-break space g_format_size() puts before the unit as a space. */
  g_string_replace (words, "\u00a0", " ", 0);
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *doc = g_test_build_filename (G_TEST_DIST, "..", "docs", docs[i], NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (doc, &text, NULL, &error);
      g_assert_no_error (error);
      if (strstr (text, words->str) == NULL)
        g_test_fail_printf ("%s does not give the limit as the app does: %s", docs[i], words->str);
    }
}

static void
test_captive_portal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  /* The venue's Wi-Fi answers every address with its sign-in page. */
  use_monitor (f, TRUE, G_NETWORK_CONNECTIVITY_PORTAL);
  f->mode = MODE_HTML;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_CAPTIVE_PORTAL);
}

/* The venue's sign-in page answering as RFC 6585 says it should, with 511 Network
 * Authentication Required, when the network monitor has not noticed it: the delegate is told
 * to sign in, as offline with the saved copy, not that the feed's server "is having trouble"
 * and to "try again later", which they would do in vain. */
static void
test_network_sign_in (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  f->mode = MODE_STATUS;
  f->status = 511;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_CAPTIVE_PORTAL);
  g_assert_nonnull (strstr (f->sf.error->message, "sign in"));
  g_assert_nonnull (strstr (f->sf.error->message, "web browser"));
  g_assert_null (strstr (f->sf.error->message, "try again later"));
}

static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  use_monitor (f, FALSE, G_NETWORK_CONNECTIVITY_LOCAL);
  soup_server_disconnect (f->sf.server);
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_NO_NETWORK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/error-%u", status_cases[i].status);

      ADD (path, test_server_error, &status_cases[i]);
    }
  ADD ("/sync/refused", test_refused, NULL);
  ADD ("/sync/stall", test_stall, NULL);
  ADD ("/sync/total-timeout", test_total_timeout, NULL);
  ADD ("/sync/truncated", test_truncated, NULL);
  ADD ("/sync/chunked-cut-json", test_chunked_cut, chunked_json_cut);
  ADD ("/sync/chunked-cut-xml", test_chunked_cut, chunked_xml_cut);
  ADD ("/sync/chunked-whole-invalid", test_chunked_invalid, NULL);
  ADD ("/sync/invalid-json", test_invalid_json, NULL);
  ADD ("/sync/schema-invalid", test_schema_invalid, NULL);
  ADD ("/sync/html-page", test_html, NULL);
  ADD ("/sync/too-large", test_too_large, NULL);
  ADD ("/sync/too-large-named", test_too_large_named, NULL);
  ADD ("/sync/captive-portal", test_captive_portal, NULL);
  ADD ("/sync/network-sign-in", test_network_sign_in, NULL);
  ADD ("/sync/no-network", test_no_network, NULL);

  return g_test_run ();
}
