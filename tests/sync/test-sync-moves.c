/* test-sync-moves.c: a feed at another address: redirects, moves, https
 *
 * A redirect loop, a move on the same host and to another, notes written before the first
 * copy, an invalid certificate, https sent on to plain http, and an https feed's section at
 * a plain http address (in the app and on the command line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "dlg-fetch.h"
#include "dlg-notes.h"
#include "dlg-source.h"
#include "feed-server.h"

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
  g_autofree char *new_url = g_strconcat (f->sf.base, "/new.json", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DlgResource) moved = NULL;
  g_autoptr(DlgResource) old = NULL;
  DlgSubscriptionRow *row;

  f->mode = MODE_MOVED;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpstr (f->sf.report->url, ==, new_url);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);

  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->url, ==, new_url);
  g_assert_cmpstr (row->event_id, ==, "e");
  moved = dlg_store_lookup_resource (f->sf.store, new_url);
  g_assert_true (g_bytes_equal (moved->body, f->new_body));
  old = dlg_store_lookup_resource (f->sf.store, f->sf.url);
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
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpstr (f->sf.report->url, ==, f->sf.url);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);

  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((DlgSubscriptionRow *) g_ptr_array_index (rows, 0))->url, ==, f->sf.url);
  kept = dlg_store_lookup_resource (f->sf.store, f->sf.url);
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
  g_assert_true (dlg_notes_save (f->sf.store, notes, &error));
  g_assert_no_error (error);
  return note;
}

static const char *
stored_event_of (Fixture *f,
                 DlgNote *note)
{
  g_autoptr(DlgNote) stored = dlg_notes_lookup (f->sf.store, dlg_note_get_id (note));

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
  g_autoptr(DlgNote) mine = write_pending_note (f, f->sf.url, "Ask about the budget.");
  g_autoptr(DlgNote) other = write_pending_note (f, "https://example.org/other.json", "Other");
  g_autofree char *pending = dlg_notes_pending_event_id (f->sf.url);
  g_autofree char *other_pending = dlg_notes_pending_event_id ("https://example.org/other.json");
  g_autoptr(GPtrArray) listed = NULL;
  const char *event_id = moved ? "e" : "minimal";

  /* The venue's network is down: nothing comes, the note waits. */
  f->mode = MODE_STATUS;
  f->status = 503;
  sync_once (f, f->sf.url);
  g_assert_nonnull (f->sf.error);
  g_assert_cmpstr (stored_event_of (f, mine), ==, pending);

  f->mode = moved ? MODE_MOVED : MODE_OK;
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->sf.report->feed)), ==, event_id);
  g_assert_cmpstr (stored_event_of (f, mine), ==, event_id);
  g_assert_cmpstr (stored_event_of (f, other), ==, other_pending);

  listed = dlg_notes_list (f->sf.store, event_id, FALSE, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (dlg_note_get_id (g_ptr_array_index (listed, 0)), ==, dlg_note_get_id (mine));
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
 * 127.0.0.1 that openssl makes in f->sf.dir (its file in *@cert), at *@base.  NULL (the test
 * skipped) when openssl could not make one. */
static SoupServer *
tls_server_new (Fixture  *f,
                char    **base,
                char    **cert)
{
  g_autofree char *key = g_build_filename (f->sf.dir, "key.pem", NULL);
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

  *cert = g_build_filename (f->sf.dir, "cert.pem", NULL);
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

  g_assert_true (dlg_store_add_subscription (f->sf.store, url, &error));
  sync_once (f, url);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_CERTIFICATE);
  g_test_message ("reported: %s", f->sf.error->message);
  /* Nothing was stored, and the server never answered a request. */
  g_assert_null (dlg_store_lookup_resource (f->sf.store, url));
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
  soup_session_set_tls_database (f->sf.session, database);
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
  g_autofree char *plain = g_strdup (f->sf.url);

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
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->sf.report->feed)), ==, "e");
  g_assert_cmpuint (f->n_new, ==, 1);

  /* Down: the delegate subscribed over https, and has a good copy from there. */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, plain, &error));
  g_assert_no_error (error);
  g_free (f->sf.url);
  f->sf.url = g_strconcat (base, "/feed.json", NULL);
  g_assert_true (dlg_store_add_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  before = sync_good_copy (f);
  if (portal)
    use_monitor (f, TRUE, G_NETWORK_CONNECTIVITY_PORTAL);

  f->mode = MODE_SEND_ON;
  g_free (f->send_on);
  f->send_on = g_strconcat (f->sf.base, "/new.json", NULL);
  f->n_new = 0;
  assert_failure_keeps_copy (f, before, DLG_SYNC_ERROR_INSECURE_REDIRECT);
  g_assert_nonnull (strstr (f->sf.error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (f->sf.error->message, "not secure"));
  /* The plain http address was never asked. */
  g_assert_cmpuint (f->n_new, ==, 0);

  soup_server_disconnect (server);
  g_clear_object (&server);
  tls_test_end (f, data);
}

/* A feed fetched over https whose agenda the organiser publishes at a plain http address: the
 * agenda would come unauthenticated, for anyone on the venue's network to change, as after a
 * redirect to http.  Refused before it is asked for, with the server named (a network monitor
 * seeing a sign-in page changes nothing: the https server answered); the saved feed and its
 * agenda stay as they were, nothing of the new feed applied. */
static void
test_https_feed_http_section (Fixture       *f,
                              gconstpointer  data)
{
  gboolean portal = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(DlgResource) feed_before = NULL;
  g_autoptr(DlgResource) agenda_before = NULL;
  g_autoptr(DlgResource) feed_after = NULL;
  g_autoptr(DlgResource) agenda_after = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *base = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *agenda_url = NULL;
  g_autofree char *agenda_entry = NULL;
  g_autofree char *plain_agenda = g_strconcat (f->sf.base, "/agenda.json", NULL);
  char *moved;
  DlgSubscriptionRow *row;
  DlgFeed *loaded;
  guint n_agenda;

  if (tls_test_in_parent ())
    return;

  server = tls_server_new (f, &base, &cert);
  if (server == NULL)
    return;
  trust_certificate (f, cert);

  /* A good copy over https, its agenda beside it, over https too. */
  g_assert_true (dlg_store_remove_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  g_free (f->sf.url);
  f->sf.url = g_strconcat (base, "/feed.json", NULL);
  g_assert_true (dlg_store_add_subscription (f->sf.store, f->sf.url, &error));
  g_assert_no_error (error);
  serve_sectioned_feed (f);
  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->sf.report->feed)), ==, 1);
  agenda_url = g_strconcat (base, "/agenda.json", NULL);
  feed_before = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  agenda_before = dlg_store_lookup_resource (f->sf.store, agenda_url);
  g_assert_nonnull (agenda_before);
  if (portal)
    use_monitor (f, TRUE, G_NETWORK_CONNECTIVITY_PORTAL);

  /* The organiser renames the event and names the agenda's plain http address. */
  moved = g_strdup_printf ("{\"delegate_feed\": 1, \"event\": {\"id\": \"x\", "
                           "\"title\": \"Renamed\", \"time_zone\": \"Asia/Makassar\", "
                           "\"start\": \"2024-10-16\"}, \"agenda\": \"%s\"}", plain_agenda);
  g_bytes_unref (f->body);
  f->body = g_bytes_new_take (moved, strlen (moved));
  g_free (f->etag);
  f->etag = g_strdup ("\"v2\"");
  n_agenda = f->n_agenda;

  sync_once (f, f->sf.url);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_INSECURE_SECTION);
  g_assert_null (f->sf.report);
  g_test_message ("reported: %s", f->sf.error->message);
  g_assert_nonnull (strstr (f->sf.error->message, "The server 127.0.0.1 "));
  g_assert_nonnull (strstr (f->sf.error->message, plain_agenda));
  g_assert_nonnull (strstr (f->sf.error->message, "not secure"));
  /* No agenda was asked for, at either address. */
  g_assert_cmpuint (f->n_agenda, ==, n_agenda);

  /* Nothing applied: the feed, its agenda and its list of sections are as they were. */
  feed_after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  assert_same_resource (feed_before, feed_after);
  agenda_after = dlg_store_lookup_resource (f->sf.store, agenda_url);
  assert_same_resource (agenda_before, agenda_after);
  g_assert_null (dlg_store_lookup_resource (f->sf.store, plain_agenda));
  rows = dlg_store_list_subscriptions (f->sf.store, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  agenda_entry = g_strconcat ("agenda ", agenda_url, NULL);
  g_assert_cmpstr (row->sections[0], ==, agenda_entry);
  g_assert_null (row->sections[1]);

  /* What the delegate sees after a restart: the event as it was, its session included. */
  g_clear_error (&f->sf.error);
  dlg_sync_load_stored_async (f->sf.sync, f->sf.url, NULL, NULL, load_cb, f);
  g_main_loop_run (f->sf.loop);
  loaded = g_object_get_data (G_OBJECT (f->sf.store), "loaded");
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (loaded)), ==, "X");
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (loaded)), ==, 1);

  soup_server_disconnect (server);
  g_clear_object (&server);
  tls_test_end (f, data);
}

typedef struct
{
  GBytes     *bytes;
  const char *base;
  DlgFeed    *feed;
  GError     *error;
  GMainLoop  *loop;
} SourceParse;

static gboolean
quit_idle_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
source_parse_thread (gpointer user_data)
{
  SourceParse *parse = user_data;
  static const char * const languages[] = { "en", NULL };

  parse->feed = dlg_source_parse (parse->bytes, parse->base, languages, NULL, &parse->error);
  g_idle_add (quit_idle_cb, parse->loop);
  return NULL;
}

/* What delegate-feed reads of the feed @bytes fetched from @base: parsed, its sections fetched
 * and waited for, in a thread of its own while the fixture's server answers on this one. */
static void
parse_as_command_line (Fixture     *f,
                       GBytes      *bytes,
                       const char  *base,
                       SourceParse *parse)
{
  GThread *thread;

  parse->bytes = bytes;
  parse->base = base;
  parse->loop = f->sf.loop;
  thread = g_thread_new ("delegate-feed", source_parse_thread, parse);
  g_main_loop_run (f->sf.loop);
  g_thread_join (thread);
}

/* `delegate-feed validate` of a feed fetched over https whose agenda is at a plain http
 * address: refused in the very words the app's sync uses, and never asked for.  Over http,
 * the same agenda is read. */
static void
test_command_line_http_section (Fixture       *f,
                                gconstpointer  data)
{
  const char *https_url = "https://127.0.0.1:1/feed.json";
  g_autofree char *plain_agenda = g_strconcat (f->sf.base, "/agenda.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) said = NULL;
  SourceParse parse = { 0 };

  serve_sectioned_feed (f);
  text = g_strdup_printf ("{\"delegate_feed\": 1, \"event\": {\"id\": \"x\", "
                          "\"title\": \"X\", \"time_zone\": \"Asia/Makassar\", "
                          "\"start\": \"2024-10-16\"}, \"agenda\": \"%s\"}", plain_agenda);
  bytes = g_bytes_new (text, strlen (text));

  parse_as_command_line (f, bytes, https_url, &parse);
  g_assert_null (parse.feed);
  g_assert_error (parse.error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION);
  g_test_message ("delegate-feed says: %s", parse.error->message);
  said = dlg_fetch_insecure_section_error (https_url, plain_agenda);
  g_assert_cmpstr (parse.error->message, ==, said->message);
  g_assert_nonnull (strstr (parse.error->message, "The server 127.0.0.1 "));
  g_assert_nonnull (strstr (parse.error->message, "not secure"));
  g_assert_cmpuint (f->n_agenda, ==, 0);
  g_clear_error (&parse.error);

  parse_as_command_line (f, bytes, f->sf.url, &parse);
  g_assert_no_error (parse.error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (parse.feed)), ==, 1);
  g_assert_cmpuint (f->n_agenda, ==, 1);
  g_clear_object (&parse.feed);
}

static const char moved_feed[] =
  "{\"delegate_feed\": 1, \"event\": {\"id\": \"x\", \"title\": \"X\", "
  "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, \"agenda\": \"agenda.json\"}";

static const char moved_agenda[] =
  "{\"schedule\": {\"version\": \"1\", \"conference\": {\"title\": \"C\", "
  "\"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, \"date\": \"2024-10-16\", "
  "\"rooms\": {\"Aula\": [{\"guid\": \"s1\", \"date\": \"2024-10-16T09:00:00+08:00\", "
  "\"start\": \"09:00\", \"duration\": \"1:00\", \"title\": \"S1\"}]}}]}}}";

/* /2024/: where the organiser moved the feed, its agenda beside it (/agenda.json, beside the
 * old address, is not found). */
static void
moved_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  const char *body = g_str_equal (path, "/2024/feed.json") ? moved_feed
                     : g_str_equal (path, "/2024/agenda.json") ? moved_agenda : NULL;

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

typedef struct
{
  const char *source;
  DlgFeed    *feed;
  GError     *error;
  GMainLoop  *loop;
} SourceLoad;

static gpointer
source_load_thread (gpointer user_data)
{
  SourceLoad *load = user_data;
  static const char * const languages[] = { "en", NULL };

  load->feed = dlg_source_load (load->source, languages, NULL, &load->error);
  g_idle_add (quit_idle_cb, load->loop);
  return NULL;
}

/* A feed moved with a redirect, its agenda named relative to it: delegate-feed reads the agenda
 * beside the new address, as the app's sync does, not beside the old one (a 404, and "not
 * usable" for a feed the app reads). */
static void
test_command_line_moved_sections (Fixture       *f,
                                  gconstpointer  data)
{
  SourceLoad load = { f->sf.url, NULL, NULL, f->sf.loop };
  GThread *thread;

  soup_server_add_handler (f->sf.server, "/2024", moved_cb, f, NULL);
  f->mode = MODE_SEND_ON;
  f->send_on = g_strconcat (f->sf.base, "/2024/feed.json", NULL);

  sync_once (f, f->sf.url);
  g_assert_no_error (f->sf.error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (f->sf.report->feed)), ==, 1);

  thread = g_thread_new ("delegate-feed", source_load_thread, &load);
  g_main_loop_run (f->sf.loop);
  g_thread_join (thread);
  g_assert_no_error (load.error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (load.feed)), ==, 1);
  g_clear_object (&load.feed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sync/redirect-loop", test_redirect_loop, NULL);
  ADD ("/sync/moved-permanently", test_moved, NULL);
  ADD ("/sync/moved-to-another-host", test_moved_away, NULL);
  ADD ("/sync/notes-written-offline", test_notes_written_offline, GINT_TO_POINTER (FALSE));
  ADD ("/sync/notes-written-offline-moved", test_notes_written_offline, GINT_TO_POINTER (TRUE));
  ADD ("/sync/certificate", test_certificate, NULL);
  ADD ("/sync/https-to-http", test_https_to_http, GINT_TO_POINTER (FALSE));
  ADD ("/sync/https-to-http-portal", test_https_to_http, GINT_TO_POINTER (TRUE));
  ADD ("/sync/https-feed-http-section", test_https_feed_http_section, GINT_TO_POINTER (FALSE));
  ADD ("/sync/https-feed-http-section-portal", test_https_feed_http_section,
       GINT_TO_POINTER (TRUE));
  ADD ("/sync/command-line-http-section", test_command_line_http_section, NULL);
  ADD ("/sync/command-line-moved-sections", test_command_line_moved_sections, NULL);

  return g_test_run ();
}
