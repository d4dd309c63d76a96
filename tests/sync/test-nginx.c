/* test-nginx.c: sync from a real nginx, the way most organisers will publish
 *
 * The test starts Debian's nginx with a configuration of its own in a
 * temporary directory, on a free port of 127.0.0.1, and serves the feed as
 * a static file: nginx's own ETag and Last-Modified must give 304s, and its
 * gzip must arrive decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <utime.h>

#include "dlg-sync.h"

#define NGINX "/usr/sbin/nginx"

typedef struct
{
  char          *dir;
  char          *www;
  guint16        port;
  GPid           pid;
  char          *url;
  DlgStore      *store;
  SoupSession   *session;
  DlgSync       *sync;
  GMainLoop     *loop;
  DlgSyncReport *report;
  GError        *error;
} Fixture;

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_answers (guint16 port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_source_file (const char *first,
                  ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  va_list args;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
publish (Fixture *f,
         GBytes  *body)
{
  g_autofree char *path = g_build_filename (f->www, "feed.json", NULL);

  write_file (path, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *db = NULL;
  g_autofree char *error_log = NULL;
  gint64 deadline;

  if (!g_file_test (NGINX, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("nginx is not installed (./.ci/dev installs nginx-light)");
      return;
    }

  f->dir = g_dir_make_tmp ("delegate-nginx-XXXXXX", &error);
  g_assert_no_error (error);
  /* nginx's workers drop root for "nobody" when started as root. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  f->www = g_build_filename (f->dir, "www", NULL);
  g_assert_cmpint (g_mkdir (f->www, 0755), ==, 0);
  f->port = free_port ();

  /* A static host as an organiser would set one up: ETag and
   * Last-Modified are nginx's defaults; gzip and a max-age are asked for. */
  conf = g_strdup_printf ("pid %s/nginx.pid;\n"
                          "error_log %s/error.log;\n"
                          "worker_processes 1;\n"
                          "events { worker_connections 64; }\n"
                          "http {\n"
                          "  access_log off;\n"
                          "  client_body_temp_path %s/client;\n"
                          "  proxy_temp_path %s/proxy;\n"
                          "  fastcgi_temp_path %s/fastcgi;\n"
                          "  uwsgi_temp_path %s/uwsgi;\n"
                          "  scgi_temp_path %s/scgi;\n"
                          "  types { application/json json; }\n"
                          "  gzip on;\n"
                          "  gzip_min_length 256;\n"
                          "  gzip_types application/json;\n"
                          "  server {\n"
                          "    listen 127.0.0.1:%u;\n"
                          "    root %s;\n"
                          "    location / { add_header Cache-Control \"max-age=600\"; }\n"
                          "  }\n"
                          "}\n",
                          f->dir, f->dir, f->dir, f->dir, f->dir, f->dir, f->dir,
                          f->port, f->www);
  conf_path = g_build_filename (f->dir, "nginx.conf", NULL);
  write_file (conf_path, conf, -1);
  error_log = g_build_filename (f->dir, "error.log", NULL);

  {
    const char *argv[] = {
      NGINX, "-p", f->dir, "-c", conf_path, "-e", error_log, "-g", "daemon off;", NULL
    };

    g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                   &f->pid, &error);
    g_assert_no_error (error);
  }

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!port_answers (f->port))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  f->url = g_strdup_printf ("http://127.0.0.1:%u/feed.json", f->port);
  db = g_build_filename (f->dir, "delegate.db", NULL);
  f->store = dlg_store_open (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dlg_store_add_subscription (f->store, f->url, &error));
  f->session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 5, NULL);
  f->sync = dlg_sync_new (f->store, f->session, NULL);
  f->loop = g_main_loop_new (NULL, FALSE);
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
  if (f->pid != 0)
    {
      kill (f->pid, SIGTERM);
      waitpid (f->pid, NULL, 0);
      g_spawn_close_pid (f->pid);
    }
  g_clear_object (&f->sync);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  g_clear_pointer (&f->loop, g_main_loop_unref);
  if (f->dir != NULL)
    remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->www);
  g_free (f->url);
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

static void
sync_once (Fixture *f)
{
  g_clear_pointer (&f->report, dlg_sync_report_free);
  g_clear_error (&f->error);
  dlg_sync_update_async (f->sync, f->url, NULL, NULL, update_cb, f);
  g_main_loop_run (f->loop);
  g_assert_no_error (f->error);
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(DlgResource) stored = NULL;
  guint64 first_bytes;

  if (g_test_failed () || f->pid == 0)
    return;

  body = read_source_file (g_getenv ("G_TEST_SRCDIR"), "fixtures", "valid", "minimal.json", NULL);
  publish (f, body);

  sync_once (f);
  g_assert_nonnull (f->report->feed);
  first_bytes = f->report->n_bytes;
  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_nonnull (stored->etag);
  g_assert_nonnull (stored->last_modified);
  g_assert_cmpint (stored->max_age, ==, 600);
  g_assert_true (g_bytes_equal (stored->body, body));

  /* nginx answers the validators with 304: no body, no parse. */
  sync_once (f);
  g_assert_null (f->report->feed);
  g_assert_cmpuint (f->report->n_requests, ==, 1);
  g_assert_cmpuint (f->report->n_parses, ==, 0);
  g_assert_cmpuint (f->report->n_bytes, <, first_bytes);
  g_test_message ("first sync %" G_GUINT64_FORMAT " bytes, unchanged sync %" G_GUINT64_FORMAT
                  " bytes", first_bytes, f->report->n_bytes);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(DlgResource) stored = NULL;
  g_autofree char *path = NULL;
  struct utimbuf times;

  if (g_test_failed () || f->pid == 0)
    return;

  first = read_source_file (g_getenv ("G_TEST_SRCDIR"), "fixtures", "valid", "minimal.json", NULL);
  second = read_source_file (g_getenv ("G_TEST_SRCDIR"), "fixtures", "valid", "full.json", NULL);
  publish (f, first);
  sync_once (f);

  /* The organiser uploads a new version (a later modification time). */
  publish (f, second);
  path = g_build_filename (f->www, "feed.json", NULL);
  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC + 120;
  g_assert_cmpint (g_utime (path, &times), ==, 0);

  sync_once (f);
  g_assert_nonnull (f->report->feed);
  g_assert_cmpstr (dlg_event_get_id (dlg_feed_get_event (f->report->feed)), ==, "e");
  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (stored->body, second));
}

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(DlgResource) stored = NULL;

  if (g_test_failed () || f->pid == 0)
    return;

  /* The built-in forum is big enough for nginx to compress. */
  body = read_source_file (g_getenv ("G_TEST_SRCDIR"), "..", "data", "feeds", "kupang-2019.json",
                           NULL);
  publish (f, body);
  sync_once (f);
  g_assert_nonnull (f->report->feed);
  /* Fewer bytes came over the wire than the feed holds. */
  g_assert_cmpuint (f->report->n_bytes, <, g_bytes_get_size (body));
  stored = dlg_store_lookup_resource (f->store, f->url);
  g_assert_true (g_bytes_equal (stored->body, body));

  sync_once (f);
  g_assert_null (f->report->feed);
  g_assert_cmpuint (f->report->n_parses, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/nginx/not-modified", Fixture, NULL, fixture_set_up, test_not_modified,
              fixture_tear_down);
  g_test_add ("/nginx/changed", Fixture, NULL, fixture_set_up, test_changed, fixture_tear_down);
  g_test_add ("/nginx/gzip", Fixture, NULL, fixture_set_up, test_gzip, fixture_tear_down);

  return g_test_run ();
}
