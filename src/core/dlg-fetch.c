/* dlg-fetch.c: one conditional HTTP fetch with size and time limits
 *
 * Redirects are followed here rather than by libsoup, so that we know
 * whether every hop was permanent (then the subscription moves) and can
 * stop a loop with a clear message.  The body is read in chunks and
 * counted, so an oversized body is refused while it arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dlg-fetch.h"
#include "dlg-fetch-private.h"

#define MAX_REDIRECTS 10
/* The longest silence of a server, connecting or reading. */
#define IO_TIMEOUT_S 30
#define CHUNK_SIZE (64 * 1024)

SoupSession *
dlg_fetch_session_new (void)
{
  /* The trailing space appends libsoup's own name and version. */
  g_autofree char *user_agent = g_strdup_printf ("Delegate/%s ", PACKAGE_VERSION);

  /* The default proxy resolver is the system's; libsoup 3 decodes
   * gzip and deflate (SoupContentDecoder) by default. */
  return soup_session_new_with_options ("timeout", IO_TIMEOUT_S,
                                        "user-agent", user_agent,
                                        NULL);
}

DlgFetch *
dlg_fetch_new (const char  *name,
               const char  *url,
               DlgResource *stored)
{
  DlgFetch *fetch = g_new0 (DlgFetch, 1);

  fetch->name = g_strdup (name);
  fetch->url = g_strdup (url);
  fetch->stored = stored;
  fetch->max_age = -1;
  return fetch;
}

void
dlg_fetch_free (DlgFetch *fetch)
{
  if (fetch == NULL)
    return;

  g_free (fetch->name);
  g_free (fetch->url);
  g_clear_pointer (&fetch->stored, dlg_resource_free);
  g_free (fetch->final_url);
  g_clear_pointer (&fetch->body, g_bytes_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_free (fetch);
}

typedef struct
{
  SoupSession   *session;
  DlgFetch      *fetch;        /* borrowed: the caller owns it */
  guint64        max_body_size;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *buffer;
  guint8        *chunk;        /* each read lands here, then joins the buffer */
  GCancellable  *cancellable;  /* ours, cancelled by the caller's or the timeout */
  GCancellable  *outer;
  gulong         outer_id;
  GSource       *timeout;
  gboolean       timed_out;
  char          *current_url;
  guint          n_redirects;
  goffset        content_length;  /* as declared, or -1 */
  gboolean       encoded;         /* Content-Encoding: the body shrank on the wire */
  gboolean       html;            /* Content-Type: a web page */
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->chunk);
  if (data->timeout != NULL)
    {
      g_source_destroy (data->timeout);
      g_source_unref (data->timeout);
    }
  if (data->outer != NULL)
    {
      g_cancellable_disconnect (data->outer, data->outer_id);
      g_object_unref (data->outer);
    }
  g_clear_object (&data->session);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_clear_object (&data->cancellable);
  g_free (data->current_url);
  g_free (data);
}

/* The host names the server to a delegate better than the whole URL. */
static char *
dup_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (url);
}

/* @uri's port, its scheme's own when it gives none. */
static int
port_of (GUri *uri)
{
  if (g_uri_get_port (uri) != -1)
    return g_uri_get_port (uri);
  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

/* A redirect that leaves https is refused, as apt refuses it: the feed would then come
 * unauthenticated, for anyone on a venue's network to change on its way, though the delegate
 * subscribed to an https address. */
gboolean
dlg_fetch_leaves_https (const char *from,
                        const char *to)
{
  return g_strcmp0 (g_uri_peek_scheme (from), "https") == 0 &&
         g_strcmp0 (g_uri_peek_scheme (to), "https") != 0;
}

GError *
dlg_fetch_insecure_section_error (const char *feed_url,
                                  const char *section_url)
{
  g_autofree char *host = dup_host (feed_url);

  return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_INSECURE_SECTION,
                      /* Translators: a server's name, e.g. example.org, then a web address */
                      _("The server %s publishes part of the event at %s, an address that is "
                        "not secure (http); Delegate does not download it, so that nobody on "
                        "the network can change the event on its way"),
                      host, section_url);
}

/* Whether a permanent redirect from @from to @to may move the subscription: only on the
 * same host, to the same port in the same scheme or from http (port 80) to https (443).  A
 * move to another host is followed this time but not kept: one answer forged on a venue's
 * network would otherwise keep the delegate on the forger's host for good.  (Back to plain
 * http is refused before: dlg_fetch_leaves_https.) */
static gboolean
may_move (const char *from,
          const char *to)
{
  g_autoptr(GUri) a = g_uri_parse (from, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) b = g_uri_parse (to, G_URI_FLAGS_NONE, NULL);
  const char *scheme_a, *scheme_b;

  if (a == NULL || b == NULL || g_uri_get_host (a) == NULL || g_uri_get_host (b) == NULL ||
      g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) != 0)
    return FALSE;
  scheme_a = g_uri_get_scheme (a);
  scheme_b = g_uri_get_scheme (b);
  if (g_ascii_strcasecmp (scheme_a, scheme_b) == 0)
    return port_of (a) == port_of (b);
  return g_ascii_strcasecmp (scheme_a, "http") == 0 && g_ascii_strcasecmp (scheme_b, "https") == 0 &&
         port_of (a) == 80 && port_of (b) == 443;
}

GError *
dlg_fetch_too_large_error (const char *where,
                           guint64     max_size)
{
  /* In SI units, as GNOME's apps give sizes: "33.6 MB" (docs/feed-format.md says so too). */
  g_autofree char *limit = g_format_size (max_size);

  /* Translators: a server's name or a file's address, then a size, e.g. "33.6 MB" */
  return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_TOO_LARGE,
                      _("The feed at %s is larger than %s, the most Delegate accepts"),
                      where, limit);
}

GError *
dlg_fetch_broken_off_error (const char *url)
{
  g_autofree char *host = dup_host (url);

  /* Translators: %s is a server's name, e.g. example.org */
  return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_TRUNCATED,
                      _("The connection to %s broke off before the feed was complete"), host);
}

static void
count_message (FetchData *data)
{
  SoupMessageMetrics *metrics = soup_message_get_metrics (data->message);

  data->fetch->n_requests++;
  if (metrics != NULL)
    data->fetch->n_bytes += soup_message_metrics_get_response_header_bytes_received (metrics) +
                            soup_message_metrics_get_response_body_bytes_received (metrics);
}

/* Turns what GIO and libsoup say into what a delegate can act on. */
static GError *
translate_error (FetchData    *data,
                 const GError *error)
{
  g_autofree char *host = dup_host (data->current_url);

  if (data->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_TIMED_OUT,
                        _("%s took too long to answer"), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_HOST_NOT_FOUND,
                        _("The server %s was not found"), host);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_CERTIFICATE,
                        _("The security certificate of %s is not valid (%s); "
                          "Delegate does not connect to it"),
                        host, error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_UNREACHABLE,
                        _("Could not connect to %s"), host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return dlg_fetch_broken_off_error (data->current_url);

  return g_error_new (DLG_SYNC_ERROR, DLG_SYNC_ERROR_FAILED,
                      _("Could not download from %s: %s"), host, error->message);
}

/* An HTTP error @status from @host in words a delegate understands, in their language: the
 * reason phrase libsoup gives ("Service Unavailable") is English, and the number alone says
 * nothing.  The number stays, for the organiser.  (410 is no error: the event is over.) */
static GError *
status_error (const char *host,
              guint       status)
{
  g_autofree char *message = NULL;

  /* Translators: in each, %s is a server's name and %u an HTTP status, e.g. 503 */
  if (status == SOUP_STATUS_UNAUTHORIZED)
    message = g_strdup_printf (_("The server %s asks for a sign-in (error %u): ask the organiser "
                                 "for an address open to delegates"), host, status);
  else if (status == SOUP_STATUS_FORBIDDEN)
    message = g_strdup_printf (_("The server %s refuses access (error %u): ask the organiser "
                                 "for an address open to delegates"), host, status);
  else if (status == SOUP_STATUS_NOT_FOUND)
    message = g_strdup_printf (_("The server %s has nothing at this address (error %u): ask "
                                 "the organiser whether it moved"), host, status);
  else if (status == SOUP_STATUS_PROXY_AUTHENTICATION_REQUIRED)
    message = g_strdup_printf (_("A proxy server on the way to %s asks for a sign-in (error %u): "
                                 "ask whoever runs the network here"), host, status);
  else if (status == 429)  /* Too Many Requests: libsoup names no constant */
    message = g_strdup_printf (_("The server %s has had too many requests (error %u): try "
                                 "again later"), host, status);
  else if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    message = g_strdup_printf (_("The server %s is busy (error %u): try again later"),
                               host, status);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    message = g_strdup_printf (_("The server %s is having trouble (error %u): try again later"),
                               host, status);
  else
    message = g_strdup_printf (_("The server %s answered with error %u"), host, status);

  return g_error_new_literal (DLG_SYNC_ERROR, DLG_SYNC_ERROR_SERVER, message);
}

static void
fail (GTask        *task,
      const GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  g_task_return_error (task, translate_error (data, error));
}

static gint64
parse_max_age (SoupMessageHeaders *headers)
{
  const char *cache_control = soup_message_headers_get_list (headers, "Cache-Control");
  GHashTable *params;
  const char *value;
  gint64 max_age = -1;

  if (cache_control == NULL)
    return -1;

  params = soup_header_parse_param_list (cache_control);
  value = g_hash_table_lookup (params, "max-age");
  if (value != NULL)
    {
      guint64 parsed;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &parsed, NULL))
        max_age = (gint64) parsed;
    }
  soup_header_free_param_list (params);
  return max_age;
}

const char *
dlg_fetch_skip_bom (const char *p,
                    const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    return p + 3;
  return p;
}

const char *
dlg_fetch_skip_prolog (const char *p,
                       const char *end,
                       gboolean    whole_prolog)
{
  p = dlg_fetch_skip_bom (p, end);
  for (;;)
    {
      const char *close;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      else if (whole_prolog ? end - p >= 2 && p[0] == '<' && p[1] == '?'
                            : end - p >= 5 && g_ascii_strncasecmp (p, "<?xml", 5) == 0)
        close = g_strstr_len (p, end - p, "?>");
      else if (whole_prolog && end - p >= 2 && p[0] == '<' && p[1] == '!')
        close = memchr (p, '>', end - p);
      else
        return p;
      if (close == NULL)
        return NULL;
      p = (const char *) memchr (close, '>', end - close) + 1;
    }
}

/* Whether @body is a web page: what a venue's sign-in page (when the network monitor has not
 * noticed it: NetworkManager checks for one only when set up to) or the event's own page
 * answers where a feed was asked for.  Neither a Delegate feed nor a frab <schedule> starts so,
 * and the parser would only say "the document is <html>, not a frab or Pentabarf <schedule>",
 * which tells a delegate nothing about signing in. */
static gboolean
is_web_page (GBytes *body)
{
  static const char * const starts[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<script",
  };
  gsize size;
  const char *start = g_bytes_get_data (body, &size);
  const char *end = start + size;
  /* An XHTML page's XML declaration, and comments before the page. */
  const char *p = dlg_fetch_skip_prolog (start, end, FALSE);

  if (p == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      gsize n = strlen (starts[i]);

      if ((gsize) (end - p) > n && g_ascii_strncasecmp (p, starts[i], n) == 0 &&
          (g_ascii_isspace (p[n]) || p[n] == '>'))
        return TRUE;
    }

  return FALSE;
}

/* Whether @body, served as a web page (text/html), is one rather than a feed or a schedule
 * on a server that labels everything so: a venue's sign-in form may start with no <html> at
 * all ("<div class=login>", "<form …>"), and then is no feed either. */
static gboolean
is_labelled_web_page (GBytes *body)
{
  gsize size;
  const char *start = g_bytes_get_data (body, &size);
  const char *end = start + size;
  const char *p = dlg_fetch_skip_bom (start, end);

  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end && *p == '<' && g_strstr_len (p, MIN (end - p, 4096), "<schedule") == NULL;
}

static void
send_message (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data);

/* Reads on into one chunk of ours: a body of 32 MB is then one buffer that grows, not a
 * thousand chunks allocated and freed on the way. */
static void
read_next (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_input_stream_read_async (data->stream, data->chunk, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                             data->cancellable, read_cb, task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n_read < 0)
    {
      fail (task, error);
      return;
    }

  if (n_read > 0)
    {
      if (data->buffer->len + (gsize) n_read > data->max_body_size)
        {
          host = dup_host (data->current_url);
          /* Dropping the stream closes the connection: nothing more is read. */
          g_task_return_error (task, dlg_fetch_too_large_error (host, data->max_body_size));
          return;
        }

      g_byte_array_append (data->buffer, data->chunk, n_read);
      read_next (g_steal_pointer (&task));
      return;
    }

  /* The end: the metrics now hold the whole body. */
  g_input_stream_close (data->stream, NULL, NULL);
  count_message (data);

  /* A connection closed early can look like the end of the body. */
  if (data->content_length >= 0)
    {
      SoupMessageMetrics *metrics = soup_message_get_metrics (data->message);
      guint64 received = data->buffer->len;

      if (data->encoded && metrics != NULL)
        received = soup_message_metrics_get_response_body_bytes_received (metrics);
      if (received < (guint64) data->content_length)
        {
          g_autoptr(GError) partial = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                                           "short body");
          fail (task, partial);
          return;
        }
    }
  data->fetch->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer));
  if (is_web_page (data->fetch->body) ||
      (data->html && is_labelled_web_page (data->fetch->body)))
    {
      host = dup_host (data->current_url);
      g_clear_pointer (&data->fetch->body, g_bytes_unref);
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_INVALID,
                               /* Translators: %s is a server's name, e.g. login.venue.net */
                               _("%s sent a web page, not the event's feed: if the network "
                                 "here needs you to sign in, open a web browser to sign in"),
                               host);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  DlgFetch *fetch = data->fetch;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  g_autofree char *host = NULL;
  const char *type;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      fail (task, error);
      return;
    }

  status = soup_message_get_status (data->message);
  headers = soup_message_get_response_headers (data->message);
  host = dup_host (data->current_url);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *next = NULL;

      count_message (data);
      if (location != NULL)
        next = g_uri_resolve_relative (data->current_url, location, G_URI_FLAGS_NONE, NULL);
      if (next == NULL)
        {
          g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_SERVER,
                                   _("The server %s sent a redirect without a valid address"),
                                   host);
          return;
        }
      if (dlg_fetch_leaves_https (data->current_url, next))
        {
          g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_INSECURE_REDIRECT,
                                   /* Translators: %s is a server's name, e.g. example.org */
                                   _("The server %s sends the feed on to an address that is "
                                     "not secure (http); Delegate does not follow it, so that "
                                     "nobody on the network can change the feed on its way"),
                                   host);
          return;
        }
      if (++data->n_redirects > MAX_REDIRECTS)
        {
          g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_REDIRECT_LOOP,
                                   _("The server %s redirects round in circles"),
                                   host);
          return;
        }
      if ((status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_PERMANENT_REDIRECT) ||
          !may_move (data->current_url, next))
        fetch->permanent = FALSE;

      g_clear_object (&data->stream);
      g_clear_object (&data->message);
      g_free (data->current_url);
      data->current_url = g_steal_pointer (&next);
      send_message (g_steal_pointer (&task));
      return;
    }

  fetch->final_url = g_strdup (data->current_url);
  fetch->status = status;

  if (status == SOUP_STATUS_NOT_MODIFIED && fetch->stored != NULL)
    {
      count_message (data);
      fetch->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      fetch->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      fetch->max_age = parse_max_age (headers);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* 511 Network Authentication Required (RFC 6585; libsoup names no constant): a venue's
   * sign-in page that says what it is.  Not the server's trouble, nor to be tried later. */
  if (status == 511)
    {
      count_message (data);
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_CAPTIVE_PORTAL,
                               /* Translators: %u is an HTTP status, 511 */
                               _("The network here needs you to sign in first (error %u): open "
                                 "a web browser to sign in"), status);
      return;
    }

  if (status == SOUP_STATUS_GONE)
    {
      count_message (data);
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_GONE,
                               _("The organiser has taken the feed down: the event is over"));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      count_message (data);
      g_task_return_error (task, status_error (host, status));
      return;
    }

  /* Refuse a declared oversize at once; the count below catches the rest. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      (guint64) soup_message_headers_get_content_length (headers) > data->max_body_size)
    {
      count_message (data);
      g_task_return_error (task, dlg_fetch_too_large_error (host, data->max_body_size));
      return;
    }

  fetch->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  fetch->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  fetch->max_age = parse_max_age (headers);
  data->encoded = soup_message_headers_get_one (headers, "Content-Encoding") != NULL;
  type = soup_message_headers_get_content_type (headers, NULL);
  data->html = type != NULL && (g_ascii_strcasecmp (type, "text/html") == 0 ||
                                g_ascii_strcasecmp (type, "application/xhtml+xml") == 0);
  data->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    data->content_length = soup_message_headers_get_content_length (headers);
  /* libsoup 3.2 ends such a body without an error when the connection closes early. */
  fetch->unframed = data->content_length < 0;

  /* A declared size, within the limit (checked above), is the buffer's from the start. */
  data->buffer = data->content_length > 0 && !data->encoded
                 ? g_byte_array_sized_new (data->content_length) : g_byte_array_new ();
  data->chunk = g_malloc (CHUNK_SIZE);
  read_next (g_steal_pointer (&task));
}

static void
send_message (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  data->message = soup_message_new (SOUP_METHOD_GET, data->current_url);
  if (data->message == NULL)
    {
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_FAILED,
                               _("“%s” is not a web address Delegate can download"),
                               data->current_url);
      g_object_unref (task);
      return;
    }

  soup_message_add_flags (data->message,
                          SOUP_MESSAGE_NO_REDIRECT | SOUP_MESSAGE_COLLECT_METRICS);
  headers = soup_message_get_request_headers (data->message);
  soup_message_headers_replace (headers, "Accept", "application/json, */*;q=0.5");
  if (data->fetch->stored != NULL)
    {
      if (data->fetch->stored->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", data->fetch->stored->etag);
      if (data->fetch->stored->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since",
                                      data->fetch->stored->last_modified);
    }

  soup_session_send_async (data->session, data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, task);
}

static gboolean
timeout_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->timeout, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

void
dlg_fetch_async (SoupSession          *session,
                 DlgFetch             *fetch,
                 guint64               max_body_size,
                 guint                 total_timeout_ms,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  GTask *task;
  FetchData *data;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, dlg_fetch_async);
  /* Cancellation is reported by the operation itself, with our message. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (FetchData, 1);
  data->session = g_object_ref (session);
  data->fetch = fetch;
  data->max_body_size = max_body_size;
  data->current_url = g_strdup (fetch->url);
  data->cancellable = g_cancellable_new ();
  fetch->permanent = TRUE;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  if (cancellable != NULL)
    {
      data->outer = g_object_ref (cancellable);
      data->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                              data->cancellable, NULL);
    }
  if (total_timeout_ms > 0)
    {
      data->timeout = g_timeout_source_new (total_timeout_ms);
      g_source_set_callback (data->timeout, timeout_cb, data, NULL);
      g_source_attach (data->timeout, g_main_context_get_thread_default ());
    }

  send_message (task);
}

gboolean
dlg_fetch_finish (GAsyncResult  *result,
                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
