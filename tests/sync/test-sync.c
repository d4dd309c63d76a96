/* test-sync.c: sync against a real SoupServer on 127.0.0.1
 *
 * Every failure case first stores a good copy, then makes the server
 * misbehave, and checks the reported error and that the stored copy is
 * byte for byte what it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <libsoup/soup.h>

#include "dlg-feed-pack.h"
#include "dlg-notes.h"
#include "dlg-store-private.h"
#include "dlg-sync.h"
#include "fake-monitor.h"

#define LAST_MODIFIED "Mon, 02 Sep 2019 08:00:00 GMT"
#define TEST_MAX_BODY (64 * 1024)

typedef enum
{
  MODE_OK,
  MODE_STATUS,      /* answer f->status */
  MODE_STALL,       /* never answer */
  MODE_GZIP,
  MODE_LOOP,        /* 302 to itself */
  MODE_MOVED,       /* 301 to /new.json */
  MODE_MOVED_AWAY,  /* 301 to /new.json on another host name (localhost) */
  MODE_HUGE,        /* a chunked body over the limit */
  MODE_HTML,        /* a page that is not JSON at all */
  MODE_HOLD,        /* the feed, held back until the test lets it go (f->paused) */
  MODE_SEND_ON,     /* 301 to f->send_on */
} Mode;

typedef struct
{
  char         *dir;
  DlgStore     *store;
  DlgSync      *sync;
  SoupSession  *session;
  SoupServer   *server;
  char         *base;       /* http://127.0.0.1:PORT */
  char         *url;        /* base/feed.json */

  /* What /feed.json serves. */
  Mode          mode;
  guint         status;
  GBytes       *body;
  char         *etag;
  GBytes       *new_body;   /* what /new.json serves */
  char         *agenda;     /* what /agenda.json serves, or NULL */
  gboolean      agenda_gone; /* /agenda.json answers 410 Gone */
  char         *send_on;    /* where MODE_SEND_ON redirects */

  /* What the server saw. */
  guint         n_requests;
  guint         n_full;     /* 200 answers with a body */
  guint         n_new;      /* requests for /new.json */
  char         *if_none_match;
  char         *if_modified_since;
  char         *accept_encoding;
  GPtrArray    *paused;

  GMainLoop    *loop;
  DlgSyncReport *report;
  GError       *error;
} Fixture;

static GBytes *
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

static void
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSList *uris;

  f->dir = g_dir_make_tmp ("delegate-sync-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "delegate.db", NULL);
  f->store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);

  /* No proxy, whatever the machine says: the server is on loopback. */
  f->session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 1, NULL);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  dlg_sync_set_max_body_size (f->sync, TEST_MAX_BODY);
  dlg_sync_set_total_timeout (f->sync, 3000);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->url = g_strconcat (f->base, "/feed.json", NULL);

  f->body = fixture_bytes ("valid", "minimal.json");
  f->new_body = fixture_bytes ("valid", "full.json");
  f->etag = g_strdup ("\"v1\"");
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < f->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (f->paused, i));
  g_ptr_array_unref (f->paused);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->sync);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->base);
  g_free (f->url);
  g_bytes_unref (f->body);
  g_bytes_unref (f->new_body);
  g_free (f->etag);
  g_free (f->agenda);
  g_free (f->send_on);
  g_free (f->if_none_match);
  g_free (f->if_modified_since);
  g_free (f->accept_encoding);
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  g_main_loop_unref (f->loop);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;

  f->report = dlg_sync_update_finish (DLG_SYNC (object), result, &f->error);
  g_main_loop_quit (f->loop);
}

/* One sync, to its end; the result in f->report or f->error. */
static void
sync_once (Fixture    *f,
           const char *url)
{
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  dlg_sync_update_async (f->sync, url, NULL, NULL, update_cb, f);
  g_main_loop_run (f->loop);
  g_assert_false (dlg_sync_is_syncing (f->sync, url));
}

static void
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
static DlgResource *
sync_good_copy (Fixture *f)
{
  f->mode = MODE_OK;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  return dlg_store_lookup_resource (f->store, f->url);
}

/* The organiser publishes another feed (full.json) with a new ETag. */
static void
organiser_changes_feed (Fixture *f)
{
  g_bytes_unref (f->body);
  f->body = g_bytes_ref (f->new_body);
  g_free (f->etag);
  f->etag = g_strdup ("\"v2\"");
}

/* Syncs once more and checks the error and that nothing moved. */
static void
assert_failure_keeps_copy (Fixture     *f,
                           DlgResource *before,
                           gint         code)
{
  g_autoptr(DlgResource) after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DlgSubscriptionRow *row;

  sync_once (f, f->url);
  g_assert_error (f->error, DLG_SYNC_ERROR, code);
  g_assert_null (f->report);
  g_test_message ("reported: %s", f->error->message);

  after = dlg_store_lookup_resource (f->store, f->url);
  assert_same_resource (before, after);
  rows = dlg_store_list_subscriptions (f->store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, f->url);
  g_assert_cmpstr (row->event_id, ==, "minimal");
}

static void
test_first_fetch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  DlgSubscriptionRow *row;

  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (f->report->feed)), ==,
                   "A minimal feed");
  g_assert_cmpuint (f->report->n_requests, ==, 1);
  g_assert_cmpuint (f->report->n_parses, >, 0);
  g_assert_cmpint (f->report->max_age, ==, 3600);
  /* Nothing to offer on a first fetch. */
  g_assert_null (f->if_none_match);
  g_assert_null (f->if_modified_since);

  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored->body, f->body));
  g_assert_cmpstr (stored->etag, ==, "\"v1\"");
  g_assert_cmpstr (stored->last_modified, ==, LAST_MODIFIED);
  g_assert_cmpint (stored->max_age, ==, 3600);
  g_assert_cmpint (stored->fetched_at, >, 0);

  rows = dlg_store_list_subscriptions (f->store, NULL);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->event_id, ==, "minimal");
  g_assert_cmpstr (row->title, ==, "A minimal feed");
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(DlgResource) after = NULL;

  sync_once (f, f->url);
  g_assert_no_error (f->error);
  /* Both validators went out; the 304 cost no body and no parse. */
  g_assert_cmpstr (f->if_none_match, ==, "\"v1\"");
  g_assert_cmpstr (f->if_modified_since, ==, LAST_MODIFIED);
  g_assert_cmpuint (f->n_full, ==, 1);
  g_assert_null (f->report->feed);
  g_assert_cmpuint (f->report->n_parses, ==, 0);
  g_assert_cmpuint (f->report->n_requests, ==, 1);

  after = dlg_store_lookup_resource (f->store, f->url);
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

  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->report->feed)), ==, "e");
  g_assert_cmpstr (f->if_none_match, ==, "\"v1\"");

  after = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (after->body, f->new_body));
  g_assert_cmpstr (after->etag, ==, "\"v2\"");
}

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
  g_assert_nonnull (strstr (f->error->message, number));
  g_assert_nonnull (strstr (f->error->message, status_case->words));
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
  g_assert_null (strstr (f->error->message, soup_status_get_phrase (f->status)));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  /* Nobody listens there any more. */
  soup_server_disconnect (f->server);
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
  g_object_set (f->session, "timeout", 30, NULL);
  dlg_sync_set_total_timeout (f->sync, 300);
  f->mode = MODE_STALL;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_TIMED_OUT);
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
  g_assert_nonnull (strstr (f->error->message, "line 3"));
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

  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (f->report->feed)), ==,
                   "Forum Kota 2024");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->report->feed)), >, 0);
  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (stored->body, f->body));
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
  g_assert_nonnull (strstr (f->error->message, "event.title"));
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
  g_autofree char *path = g_build_filename (f->dir, "huge.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char * const docs[] = { "feed-format.md", "notes.md" };
  g_autoptr(GError) error = NULL;
  FILE *huge = fopen (path, "w");

  g_assert_nonnull (huge);
  g_assert_cmpint (ftruncate (fileno (huge), DLG_SYNC_DEFAULT_MAX_BODY_SIZE + 1), ==, 0);
  g_assert_cmpint (fclose (huge), ==, 0);
  g_assert_true (dlg_store_add_subscription (f->store, uri, &error));
  g_assert_no_error (error);
  g_clear_object (&f->sync);
  f->sync = dlg_sync_new (f->store, f->session, NULL);

  sync_once (f, uri);
  g_assert_error (f->error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_TOO_LARGE);
  g_test_message ("reported: %s", f->error->message);
  g_assert_nonnull (strstr (f->error->message, limit));

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
test_redirect_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  f->mode = MODE_LOOP;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_REDIRECT_LOOP);
  g_assert_cmpuint (f->n_requests, >, 5);
}

static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autofree char *new_url = g_strconcat (f->base, "/new.json", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DlgResource) moved = NULL;
  g_autoptr(DlgResource) old = NULL;
  DlgSubscriptionRow *row;

  f->mode = MODE_MOVED;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_cmpstr (f->report->url, ==, new_url);
  g_assert_cmpuint (f->report->n_requests, ==, 2);

  rows = dlg_store_list_subscriptions (f->store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, new_url);
  g_assert_cmpstr (row->event_id, ==, "e");
  moved = dlg_store_lookup_resource (f->store, new_url);
  g_assert_true (g_bytes_equal (moved->body, f->new_body));
  old = dlg_store_lookup_resource (f->store, f->url);
  g_assert_null (old);
}

/* A permanent redirect to another host is followed, but the subscription stays where the
 * delegate added it: one forged answer on a venue's network must not move it for good. */
static void
test_moved_away (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DlgResource) kept = NULL;

  f->mode = MODE_MOVED_AWAY;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_cmpstr (f->report->url, ==, f->url);
  g_assert_cmpuint (f->report->n_requests, ==, 2);

  rows = dlg_store_list_subscriptions (f->store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->url, ==, f->url);
  kept = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (kept->body, f->new_body));
}

static DlgNote *
write_pending_note (Fixture    *f,
                    const char *url,
                    const char *body)
{
  g_autofree char *pending = dlg_notes_pending_event_id (url);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DlgNote *note = dlg_note_new (pending, DLG_NOTE_FREE, NULL);

  dlg_note_set_body (note, body);
  g_ptr_array_add (notes, g_object_ref (note));
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);
  return note;
}

static const char *
stored_event_of (Fixture *f,
                 DlgNote *note)
{
  g_autoptr(DlgNote) stored = dlg_notes_lookup (f->store, dlg_note_get_id (note));

  g_assert_nonnull (stored);
  g_assert_cmpstr (dlg_note_get_body (stored), ==, dlg_note_get_body (note));
  return g_intern_string (dlg_note_get_event_id (stored));
}

/* Notes written on an event added offline, before anything of it was
 * downloaded, join the event when its first copy arrives, whether the
 * server answers at its address or moved it; another such event's notes
 * stay where they are. */
static void
test_notes_written_offline (Fixture       *f,
                            gconstpointer  data)
{
  gboolean moved = GPOINTER_TO_INT (data);
  g_autoptr(DlgNote) mine = write_pending_note (f, f->url, "Ask about the budget.");
  g_autoptr(DlgNote) other = write_pending_note (f, "https://example.org/other.json", "Other");
  g_autofree char *pending = dlg_notes_pending_event_id (f->url);
  g_autofree char *other_pending = dlg_notes_pending_event_id ("https://example.org/other.json");
  g_autoptr(GPtrArray) listed = NULL;
  const char *event_id = moved ? "e" : "minimal";

  /* The venue's network is down: nothing comes, the note waits. */
  f->mode = MODE_STATUS;
  f->status = 503;
  sync_once (f, f->url);
  g_assert_nonnull (f->error);
  g_assert_cmpstr (stored_event_of (f, mine), ==, pending);

  f->mode = moved ? MODE_MOVED : MODE_OK;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->report->feed)), ==, event_id);
  g_assert_cmpstr (stored_event_of (f, mine), ==, event_id);
  g_assert_cmpstr (stored_event_of (f, other), ==, other_pending);

  listed = dlg_notes_list (f->store, event_id, FALSE, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (dlg_note_get_id (g_ptr_array_index (listed, 0)), ==, dlg_note_get_id (mine));
}

static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);
  g_autoptr(GPtrArray) rows = NULL;

  f->mode = MODE_STATUS;
  f->status = SOUP_STATUS_GONE;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_GONE);

  rows = dlg_store_list_subscriptions (f->store, NULL);
  g_assert_true (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->ended);
}

static gboolean
stored_ended (Fixture *f)
{
  g_autoptr(GPtrArray) rows = dlg_store_list_subscriptions (f->store, NULL);

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
  sync_once (f, f->url);
  g_assert_error (f->error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE);
  g_assert_true (stored_ended (f));

  /* Back unchanged: a 304. */
  f->mode = MODE_OK;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_null (f->report->feed);
  g_assert_false (stored_ended (f));

  f->mode = MODE_STATUS;
  sync_once (f, f->url);
  g_assert_true (stored_ended (f));

  /* Back changed. */
  organiser_changes_feed (f);
  f->mode = MODE_OK;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_false (stored_ended (f));
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DlgResource) stored = NULL;

  f->mode = MODE_GZIP;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_nonnull (strstr (f->accept_encoding, "gzip"));
  /* What is stored is the feed, not its compressed form. */
  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (stored->body, f->body));
}

/* A server that sends half the body it announces, then hangs up: SoupServer
 * is too correct to do that, so a plain socket in a thread plays it. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  GThread         *thread;
  guint16          port;
} RawServer;

static gpointer
raw_server_thread (gpointer user_data)
{
  RawServer *raw = user_data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GDataInputStream) in = NULL;
      const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 4000\r\nConnection: close\r\n\r\n"
                         "{\"delegate_feed\": 1, \"event\": {";
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
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_resource_free);
  g_autoptr(DlgResource) before = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  RawServer raw = { 0 };
  DlgResource *primed;

  raw.listener = g_socket_listener_new ();
  raw.cancellable = g_cancellable_new ();
  g_socket_listener_add_address (raw.listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  raw.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  raw.thread = g_thread_new ("raw-server", raw_server_thread, &raw);

  /* This feed has a good copy from an earlier sync. */
  g_assert_true (dlg_store_remove_subscription (f->store, f->url, &error));
  g_free (f->url);
  f->url = g_strdup_printf ("http://127.0.0.1:%u/feed.json", raw.port);
  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  primed = dlg_resource_new (f->url);
  primed->body = g_bytes_ref (f->body);
  primed->etag = g_strdup ("\"v1\"");
  primed->fetched_at = 1000;
  g_ptr_array_add (resources, primed);
  g_assert_true (dlg_store_commit_sync (f->store, f->url, NULL, "minimal", "A minimal feed",
                                        NULL, resources, &error));
  g_assert_no_error (error);
  before = dlg_store_lookup_resource (f->store, f->url);

  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_TRUNCATED);

  g_cancellable_cancel (raw.cancellable);
  g_thread_join (raw.thread);
  g_socket_listener_close (raw.listener);
  g_object_unref (raw.listener);
  g_object_unref (raw.cancellable);
}

static void
use_monitor (Fixture              *f,
             gboolean              available,
             GNetworkConnectivity  connectivity)
{
  g_autoptr(FakeMonitor) monitor = fake_monitor_new (available, connectivity);

  g_clear_object (&f->sync);
  f->sync = dlg_sync_new (f->store, f->session, G_NETWORK_MONITOR (monitor));
  dlg_sync_set_max_body_size (f->sync, TEST_MAX_BODY);
  dlg_sync_set_total_timeout (f->sync, 3000);
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

static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DlgResource) before = sync_good_copy (f);

  use_monitor (f, FALSE, G_NETWORK_CONNECTIVITY_LOCAL);
  soup_server_disconnect (f->server);
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_NO_NETWORK);
}

/* Runs the calling TLS test again in a child process, which leaves with tls_test_end(): the
 * TLS backend's threads crash LeakSanitizer's exit-time scan (CI runs this under ASan).
 * TRUE in the parent, whose part is then done. */
static gboolean
tls_test_in_parent (void)
{
  if (g_test_subprocess ())
    return FALSE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

static void
tls_test_end (Fixture       *f,
              gconstpointer  data)
{
  fixture_tear_down (f, data);
  _exit (g_test_failed () ? 1 : 0);
}

/* A second server, serving as the first but over https with a self-signed certificate for
 * 127.0.0.1 that openssl makes in f->dir (its file in *@cert), at *@base.  NULL (the test
 * skipped) when openssl could not make one. */
static SoupServer *
tls_server_new (Fixture  *f,
                char    **base,
                char    **cert)
{
  g_autofree char *key = g_build_filename (f->dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  SoupServer *server;
  GSList *uris;
  int status = 0;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", key, "-out", NULL, NULL
  };

  *cert = g_build_filename (f->dir, "cert.pem", NULL);
  argv[G_N_ELEMENTS (argv) - 2] = *cert;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) || status != 0)
    {
      g_test_skip ("openssl could not make a test certificate");
      return NULL;
    }
  certificate = g_tls_certificate_new_from_files (*cert, key, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, server_cb, f, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *base = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

/* A server with a self-signed certificate: reported, never accepted. */
static void
test_certificate (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *url = NULL;

  if (tls_test_in_parent ())
    return;

  server = tls_server_new (f, &base, &cert);
  if (server == NULL)
    return;
  url = g_strconcat (base, "/feed.json", NULL);

  g_assert_true (dlg_store_add_subscription (f->store, url, &error));
  sync_once (f, url);
  g_assert_error (f->error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_CERTIFICATE);
  g_test_message ("reported: %s", f->error->message);
  /* Nothing was stored, and the server never answered a request. */
  g_assert_null (dlg_store_lookup_resource (f->store, url));
  g_assert_cmpuint (f->n_requests, ==, 0);
  soup_server_disconnect (server);

  g_clear_object (&server);
  tls_test_end (f, data);
}

/* Has the fixture's session trust @cert alone, as the system trusts a real server's. */
static void
trust_certificate (Fixture    *f,
                   const char *cert)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) database = g_tls_file_database_new (cert, &error);

  g_assert_no_error (error);
  soup_session_set_tls_database (f->session, database);
}

/* A feed subscribed over https that its server sends on to plain http: what came from there
 * would come unauthenticated, for anyone on the venue's network to change.  Refused, as apt
 * refuses it, with the server named, and the saved copy stays, as for any failed sync (and
 * with a network monitor that sees a sign-in page: the https server answered, so this is no
 * sign-in page's doing).  The other way, http to https, is followed. */
static void
test_https_to_http (Fixture       *f,
                    gconstpointer  data)
{
  gboolean portal = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(DlgResource) before = NULL;
  g_autofree char *base = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *plain = g_strdup (f->url);

  if (tls_test_in_parent ())
    return;

  server = tls_server_new (f, &base, &cert);
  if (server == NULL)
    return;
  trust_certificate (f, cert);

  /* Up: from http, the feed is sent on to its https address. */
  f->mode = MODE_SEND_ON;
  f->send_on = g_strconcat (base, "/new.json", NULL);
  sync_once (f, plain);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->report->feed)), ==, "e");
  g_assert_cmpuint (f->n_new, ==, 1);

  /* Down: the delegate subscribed over https, and has a good copy from there. */
  g_assert_true (dlg_store_remove_subscription (f->store, plain, &error));
  g_assert_no_error (error);
  g_free (f->url);
  f->url = g_strconcat (base, "/feed.json", NULL);
  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  g_assert_no_error (error);
  before = sync_good_copy (f);
  if (portal)
    use_monitor (f, TRUE, G_NETWORK_CONNECTIVITY_PORTAL);

  f->mode = MODE_SEND_ON;
  g_free (f->send_on);
  f->send_on = g_strconcat (f->base, "/new.json", NULL);
  f->n_new = 0;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_INSECURE_REDIRECT);
  g_assert_nonnull (strstr (f->error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (f->error->message, "not secure"));
  /* The plain http address was never asked. */
  g_assert_cmpuint (f->n_new, ==, 0);

  soup_server_disconnect (server);
  g_clear_object (&server);
  tls_test_end (f, data);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;
  gint64 fetched_at = 0;
  DlgFeed *feed = dlg_sync_load_stored_finish (DLG_SYNC (object), result, &fetched_at, &f->error);

  g_assert_no_error (f->error);
  g_assert_cmpint (fetched_at, >, 0);
  g_object_set_data_full (G_OBJECT (f->store), "loaded", feed, g_object_unref);
  g_main_loop_quit (f->loop);
}

/* The server publishes a Delegate feed whose agenda (one session, "S1") is at /agenda.json. */
static void
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

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DlgResource) section = NULL;
  DlgFeed *loaded;
  g_autofree char *agenda_url = g_strconcat (f->base, "/agenda.json", NULL);

  serve_sectioned_feed (f);
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->report->feed)), ==, 1);
  g_assert_cmpuint (f->report->n_requests, ==, 2);
  section = dlg_store_lookup_resource (f->store, agenda_url);
  g_assert_nonnull (section);

  /* Unchanged: the feed and its section both answer 304, nothing is parsed. */
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_null (f->report->feed);
  g_assert_cmpuint (f->report->n_requests, ==, 2);
  g_assert_cmpuint (f->report->n_parses, ==, 0);

  /* The stored copy reads back whole, sections included, with no network. */
  soup_server_disconnect (f->server);
  dlg_sync_load_stored_async (f->sync, f->url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->loop);
  loaded = g_object_get_data (G_OBJECT (f->store), "loaded");
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
  g_autofree char *agenda_url = g_strconcat (f->base, "/agenda.json", NULL);

  serve_sectioned_feed (f);
  sync_once (f, f->url);
  g_assert_no_error (f->error);

  f->agenda_gone = TRUE;
  sync_once (f, f->url);
  g_assert_error (f->error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE);
  g_clear_error (&f->error);

  rows = dlg_store_list_subscriptions (f->store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->ended);
  section = dlg_store_lookup_resource (f->store, agenda_url);
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
  g_autofree char *other = g_strconcat (f->base, "/other.json", NULL);
  g_autofree char *agenda_url = g_strconcat (f->base, "/agenda.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgResource) section = NULL;
  DlgFeed *loaded;

  serve_sectioned_feed (f);
  g_assert_true (dlg_store_add_subscription (f->store, other, &error));
  g_assert_no_error (error);
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  sync_once (f, other);
  g_assert_no_error (f->error);

  g_assert_true (dlg_store_remove_subscription (f->store, f->url, &error));
  g_assert_no_error (error);
  section = dlg_store_lookup_resource (f->store, agenda_url);
  g_assert_nonnull (section);

  soup_server_disconnect (f->server);
  dlg_sync_load_stored_async (f->sync, other, NULL, NULL, load_cb, f);
  g_main_loop_run (f->loop);
  loaded = g_object_get_data (G_OBJECT (f->store), "loaded");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);

  /* Its own removal takes the section along: nobody uses it any more. */
  g_assert_true (dlg_store_remove_subscription (f->store, other, &error));
  g_assert_no_error (error);
  g_clear_pointer (&section, dlg_resource_free);
  section = dlg_store_lookup_resource (f->store, agenda_url);
  g_assert_null (section);
}

static void
joined_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(DlgSyncReport) report = NULL;
  guint *done = g_object_get_data (G_OBJECT (f->store), "done");

  report = dlg_sync_update_finish (DLG_SYNC (object), result, &f->error);
  g_assert_no_error (f->error);
  g_assert_nonnull (report->feed);
  if (++*done == 2)
    g_main_loop_quit (f->loop);
}

static void
test_joined (Fixture       *f,
             gconstpointer  data)
{
  guint done = 0;

  /* Two calls at once make one request, and both hear the result. */
  g_object_set_data (G_OBJECT (f->store), "done", &done);
  dlg_sync_update_async (f->sync, f->url, NULL, NULL, joined_cb, f);
  g_assert_true (dlg_sync_is_syncing (f->sync, f->url));
  dlg_sync_update_async (f->sync, f->url, NULL, NULL, joined_cb, f);
  g_main_loop_run (f->loop);
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
  dlg_sync_update_async (f->sync, f->url, NULL, cancellable, cancelled_cb, &cancelled);
  while (f->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);

  /* In the same turn of the main loop, before the cancelled one has wound down. */
  f->mode = MODE_OK;
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
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
  g_autofree char *path = g_strdup (dlg_store_get_path (f->store));
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  /* The server goes away and the app restarts. */
  soup_server_disconnect (f->server);
  g_clear_object (&f->sync);
  g_clear_object (&f->store);
  f->store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  dlg_sync_set_total_timeout (f->sync, 3000);

  dlg_sync_load_stored_async (f->sync, f->url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->loop);
  feed = g_object_get_data (G_OBJECT (f->store), "loaded");
  g_assert_nonnull (feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (feed)), ==, "A minimal feed");

  /* And a sync says why it could not update, keeping the copy. */
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_UNREACHABLE);
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

  g_assert_true (dlg_store_add_subscription (f->store, uri, &error));
  sync_once (f, uri);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpuint (f->report->n_requests, ==, 0);

  /* Unchanged files are not parsed again. */
  sync_once (f, uri);
  g_assert_no_error (f->error);
  g_assert_null (f->report->feed);
  g_assert_cmpuint (f->report->n_parses, ==, 0);
}

static DlgFeed *
load_stored_in (Fixture            *f,
                const char * const *languages)
{
  dlg_sync_load_stored_async (f->sync, f->url, languages, NULL, load_cb, f);
  g_main_loop_run (f->loop);
  return g_object_get_data (G_OBJECT (f->store), "loaded");
}

static DlgFeed *
load_stored (Fixture *f)
{
  dlg_sync_load_stored_async (f->sync, f->url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->loop);
  return g_object_get_data (G_OBJECT (f->store), "loaded");
}

/* Runs @sql on the store's database; returns the first column of its first row, if any. */
static char *
run_sql (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = dlg_store_lock (f->store);
  sqlite3_stmt *stmt = NULL;
  char *first = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  dlg_store_unlock (f->store);
  return first;
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
  synced = g_object_ref (f->report->feed);
  first = wait_for_packed (f, NULL);
  loaded = load_stored (f);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (loaded)), ==, "A minimal feed");
  assert_same_feed (synced, loaded);
  g_free (run_sql (f, "CREATE TEMP TABLE old AS SELECT * FROM packed_feeds"));

  /* The organiser changes the feed, and the form of the old one is still there (as if the
   * app had stopped before keeping the new): the next start shows the new feed. */
  organiser_changes_feed (f);
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_clear_object (&synced);
  synced = g_object_ref (f->report->feed);
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
  g_assert_true (dlg_store_remove_subscription (f->store, f->url, NULL));
  count = run_sql (f, "SELECT count(*) FROM packed_feeds");
  g_assert_cmpstr (count, ==, "0");

  /* and one still on its way to the store when it was removed is not kept. */
  {
    g_autoptr(GBytes) late = g_bytes_new_static ("late", 4);

    g_assert_true (dlg_store_save_packed (f->store, f->url, "late", late, NULL));
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
  g_autofree char *path = g_strdup (dlg_store_get_path (f->store));
  g_autoptr(SoupServerMessage) held = NULL;
  DlgSubscriptionRow *row;

  f->mode = MODE_HOLD;
  dlg_sync_update_async (f->sync, f->url, NULL, NULL, update_cb, f);
  while (f->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The delegate removes the event, and the toast goes. */
  g_assert_true (dlg_store_remove_subscription (f->store, f->url, &error));
  g_assert_no_error (error);

  held = g_ptr_array_steal_index (f->paused, 0);
  soup_server_message_unpause (held);
  g_main_loop_run (f->loop);
  g_assert_no_error (f->error);

  /* Every parsed form on its way is kept, or not, before the sync goes (dlg_sync_dispose). */
  g_clear_object (&f->sync);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  g_assert_null (dlg_store_lookup_resource (f->store, f->url));
  count = run_sql (f, "SELECT count(*) FROM packed_feeds");
  g_assert_cmpstr (count, ==, "0");

  /* Added again: the unchanged feed comes with its title, now and at the next start. */
  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  g_assert_no_error (error);
  dlg_resource_free (sync_good_copy (f));
  g_clear_object (&f->sync);
  g_clear_object (&f->store);
  f->store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  rows = dlg_store_list_subscriptions (f->store, &error);
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

  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  g_assert_no_error (error);
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpuint (f->n_full, ==, 2);

  rows = dlg_store_list_subscriptions (f->store, &error);
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

  file = fopen (dlg_store_get_path (f->store), "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (g_ascii_strtoll (root, NULL, 10) - 1) *
                                g_ascii_strtoll (page_size, NULL, 10), SEEK_SET), ==, 0);
  old = fgetc (file);
  g_assert_cmpint (old, !=, EOF);
  g_assert_cmpint (fseek (file, -1, SEEK_CUR), ==, 0);
  g_assert_cmpint (fputc (type, file), ==, type);
  g_assert_cmpint (fclose (file), ==, 0);

  db = dlg_store_lock (f->store);
  sqlite3_db_release_memory (db);
  dlg_store_unlock (f->store);
  return old;
}

static void
load_failed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(DlgFeed) feed = dlg_sync_load_stored_finish (DLG_SYNC (object), result, NULL,
                                                         &f->error);

  g_assert_null (feed);
  g_main_loop_quit (f->loop);
}

/* The delegate should be told the saved copy could not be read, with the reason. */
static void
assert_unreadable (Fixture    *f,
                   const char *url)
{
  g_assert_error (f->error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_STORE);
  g_test_message ("reported: %s", f->error->message);
  g_assert_nonnull (strstr (f->error->message, url));
  g_assert_nonnull (strstr (f->error->message, "the file is damaged"));
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
  g_autofree char *agenda_url = g_strconcat (f->base, "/agenda.json", NULL);
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
  sync_once (f, f->url);
  g_assert_no_error (f->error);
  g_assert_true (dlg_store_add_subscription (f->store, uri, &error));
  g_assert_no_error (error);
  sync_once (f, uri);
  g_assert_no_error (f->error);
  /* Their parsed forms kept (dlg_sync_dispose): no write while the page is damaged. */
  g_clear_object (&f->sync);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  dlg_sync_set_total_timeout (f->sync, 3000);
  feed_before = dlg_store_lookup_resource (f->store, f->url);
  agenda_before = dlg_store_lookup_resource (f->store, agenda_url);
  file_before = dlg_store_lookup_resource (f->store, uri);
  g_assert_nonnull (feed_before);
  g_assert_nonnull (agenda_before);
  g_assert_nonnull (file_before);
  n_requests = f->n_requests;

  type = set_page_type (f, table, 0xff);

  /* The app starts. */
  g_clear_error (&f->error);
  dlg_sync_load_stored_async (f->sync, f->url, NULL, NULL, load_failed_cb, f);
  g_main_loop_run (f->loop);
  assert_unreadable (f, f->url);

  /* It syncs the feed, and the file. */
  sync_once (f, f->url);
  assert_unreadable (f, f->url);
  g_assert_cmpuint (f->n_requests, ==, n_requests);
  sync_once (f, uri);
  assert_unreadable (f, uri);

  /* The page mended, everything is as it was. */
  set_page_type (f, table, type);
  after = dlg_store_lookup_resource (f->store, f->url);
  assert_same_resource (feed_before, after);
  g_clear_pointer (&after, dlg_resource_free);
  after = dlg_store_lookup_resource (f->store, agenda_url);
  assert_same_resource (agenda_before, after);
  g_clear_pointer (&after, dlg_resource_free);
  after = dlg_store_lookup_resource (f->store, uri);
  assert_same_resource (file_before, after);
  rows = dlg_store_list_subscriptions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, f->url);
  g_assert_cmpuint (g_strv_length (row->sections), ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->url, ==, uri);
  g_assert_cmpuint (g_strv_length (row->sections), ==, 2);

  g_clear_error (&f->error);
  loaded = load_stored (f);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/sync/first-fetch", test_first_fetch, NULL);
  ADD ("/sync/bare-schedule-json", test_bare_schedule, "same.json");
  ADD ("/sync/bare-schedule-xml", test_bare_schedule, "same.xml");
  ADD ("/sync/not-modified", test_not_modified, NULL);
  ADD ("/sync/changed", test_changed, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sync/error-%u", status_cases[i].status);

      ADD (path, test_server_error, &status_cases[i]);
    }
  ADD ("/sync/refused", test_refused, NULL);
  ADD ("/sync/stall", test_stall, NULL);
  ADD ("/sync/total-timeout", test_total_timeout, NULL);
  ADD ("/sync/truncated", test_truncated, NULL);
  ADD ("/sync/invalid-json", test_invalid_json, NULL);
  ADD ("/sync/schema-invalid", test_schema_invalid, NULL);
  ADD ("/sync/html-page", test_html, NULL);
  ADD ("/sync/too-large", test_too_large, NULL);
  ADD ("/sync/too-large-named", test_too_large_named, NULL);
  ADD ("/sync/redirect-loop", test_redirect_loop, NULL);
  ADD ("/sync/moved-permanently", test_moved, NULL);
  ADD ("/sync/moved-to-another-host", test_moved_away, NULL);
  ADD ("/sync/gone", test_gone, NULL);
  ADD ("/sync/gone-and-back", test_gone_and_back, NULL);
  ADD ("/sync/notes-written-offline", test_notes_written_offline, GINT_TO_POINTER (FALSE));
  ADD ("/sync/notes-written-offline-moved", test_notes_written_offline, GINT_TO_POINTER (TRUE));
  ADD ("/sync/gzip", test_gzip, NULL);
  ADD ("/sync/captive-portal", test_captive_portal, NULL);
  ADD ("/sync/no-network", test_no_network, NULL);
  ADD ("/sync/certificate", test_certificate, NULL);
  ADD ("/sync/https-to-http", test_https_to_http, GINT_TO_POINTER (FALSE));
  ADD ("/sync/https-to-http-portal", test_https_to_http, GINT_TO_POINTER (TRUE));
  ADD ("/sync/sections", test_sections, NULL);
  ADD ("/sync/section-gone", test_section_gone, NULL);
  ADD ("/sync/shared-section", test_shared_section, NULL);
  ADD ("/sync/removed-while-syncing", test_removed_while_syncing, NULL);
  ADD ("/sync/added-over-leftovers", test_added_over_leftovers, NULL);
  ADD ("/sync/joined", test_joined, NULL);
  ADD ("/sync/cancelled-not-joined", test_cancelled_not_joined, NULL);
  ADD ("/sync/restart", test_restart, NULL);
  ADD ("/sync/local-file", test_local_file, NULL);
  ADD ("/sync/parsed-form", test_parsed_form, NULL);
  ADD ("/sync/parsed-form-languages", test_parsed_form_languages, NULL);
  ADD ("/sync/unreadable-subscription", test_unreadable, "subscriptions");
  ADD ("/sync/unreadable-copy", test_unreadable, "resources");

  return g_test_run ();
}
