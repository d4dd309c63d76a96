/* dlg-source.c: a SOURCE, path or URL, of any schedule Delegate reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem(): glibc and musl have it with _GNU_SOURCE. */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "dlg-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "dlg-feed-private.h"
#include "dlg-file.h"
#include "dlg-json-load.h"
#include "dlg-source.h"

static const char *
skip_space (const char *data,
            gsize       size,
            gsize      *offset)
{
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  *offset = i;
  return data + i;
}

DlgSourceFormat
dlg_source_detect (GBytes *bytes)
{
  gsize size, offset;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *start;

  /* An empty GBytes (an empty download) may hold NULL. */
  if (data == NULL || size == 0)
    return DLG_SOURCE_FORMAT_UNKNOWN;

  start = skip_space (data, size, &offset);
  if (offset >= size)
    return DLG_SOURCE_FORMAT_UNKNOWN;
  if (*start == '<')
    return DLG_SOURCE_FORMAT_SCHEDULE_XML;
  if (*start != '{')
    return DLG_SOURCE_FORMAT_UNKNOWN;

  /* A feed names its version at the top level; a schedule never has it. */
  if (memmem (start, size - offset, "\"delegate_feed\"", strlen ("\"delegate_feed\"")) != NULL)
    return DLG_SOURCE_FORMAT_DELEGATE_FEED;

  return DLG_SOURCE_FORMAT_SCHEDULE_JSON;
}

#define FETCH_CHUNK_SIZE (16 * 1024)

/* The whole fetch, from connecting to the last byte, as the app's sync allows: libsoup's
 * timeout only bounds each silence, so a server sending a byte every 20 seconds (of headers
 * or body) could hold the command line for days. */
#define FETCH_TIME_LIMIT_S (2 * 60)

/* Cancels a blocking fetch when its time is up: a blocking read can only be stopped from
 * another thread, and stopping it there also covers the connection and the headers. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  gint64        deadline;     /* monotonic, microseconds */
  GCancellable *cancellable;
  gboolean      timed_out;
} Watchdog;

static gpointer
watchdog_run (gpointer user_data)
{
  Watchdog *dog = user_data;

  g_mutex_lock (&dog->lock);
  while (!dog->done)
    if (!g_cond_wait_until (&dog->cond, &dog->lock, dog->deadline))
      {
        dog->timed_out = TRUE;
        g_cancellable_cancel (dog->cancellable);
        break;
      }
  g_mutex_unlock (&dog->lock);
  return NULL;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static guint
fetch_time_limit (void)
{
  /* For tests/agenda/check-fetch.py only, so that it waits seconds rather than minutes. */
  const char *test_limit = g_getenv ("DELEGATE_TEST_FETCH_SECONDS");
  guint64 seconds;

  if (test_limit != NULL &&
      g_ascii_string_to_unsigned (test_limit, 10, 1, FETCH_TIME_LIMIT_S, &seconds, NULL))
    return seconds;
  return FETCH_TIME_LIMIT_S;
}

static void
set_timed_out (const char  *uri,
               GError     **error)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *host = parsed != NULL ? g_uri_get_host (parsed) : NULL;

  /* Worded as the app's sync words it. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("%s took too long to answer"),
               host != NULL ? host : uri);
}

static GBytes *
fetch_limited (const char    *uri,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("user-agent",
                                                                  "Delegate/" PACKAGE_VERSION,
                                                                  "timeout", 60,
                                                                  NULL);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  SoupMessageHeaders *headers;
  guint status;

  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid address"), uri);
      return NULL;
    }

  stream = soup_session_send (session, message, cancellable, error);
  if (stream == NULL)
    return NULL;

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the server answered %u %s"),
                   uri, status, soup_message_get_reason_phrase (message));
      return NULL;
    }

  /* A body declared too large is refused before it comes; a packed one (Content-Encoding)
   * declares its size on the wire, not unpacked, and is counted below. */
  headers = soup_message_get_response_headers (message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      soup_message_headers_get_content_length (headers) > DLG_FILE_MAX_SIZE)
    {
      dlg_file_too_large (DLG_FILE_MAX_SIZE, error);
      return NULL;
    }

  /* Read in chunks and counted as they are unpacked: a small gzip body may unpack to
   * gigabytes, which libsoup's decoder would hand over whole to a read-it-all call. */
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[FETCH_CHUNK_SIZE];
      gssize n_read = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, error);

      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      if (buffer->len + (gsize) n_read > DLG_FILE_MAX_SIZE)
        {
          /* Dropping the stream closes the connection: nothing more is read. */
          dlg_file_too_large (DLG_FILE_MAX_SIZE, error);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
dlg_source_fetch (const char    *uri,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GCancellable) ours = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GThread *thread;
  Watchdog dog = { 0 };
  gulong handler = 0;

  /* Ours is cancelled by the caller's or by the watchdog, which tells the two apart. */
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                     g_object_ref (ours), g_object_unref);

  g_mutex_init (&dog.lock);
  g_cond_init (&dog.cond);
  dog.deadline = g_get_monotonic_time () + fetch_time_limit () * G_TIME_SPAN_SECOND;
  dog.cancellable = ours;
  thread = g_thread_new ("dlg-fetch-watchdog", watchdog_run, &dog);

  bytes = fetch_limited (uri, ours, &local_error);

  g_mutex_lock (&dog.lock);
  dog.done = TRUE;
  g_cond_signal (&dog.cond);
  g_mutex_unlock (&dog.lock);
  g_thread_join (thread);
  g_mutex_clear (&dog.lock);
  g_cond_clear (&dog.cond);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (bytes == NULL)
    {
      /* libsoup's own timeout (a minute of silence) reads the same to a delegate. */
      if (dog.timed_out || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        set_timed_out (uri, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return g_steal_pointer (&bytes);
}

static gboolean
is_web (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static GBytes *
load_section_cb (const char    *section,
                 const char    *reference,
                 gpointer       user_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *base_uri = user_data;
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) base = NULL;
  GBytes *bytes;

  if (!is_web (base_uri))
    {
      base = g_file_new_for_uri (base_uri);
      return dlg_feed_load_relative_file (base, section, reference, cancellable, error);
    }

  uri = g_uri_resolve_relative (base_uri, reference, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL || !is_web (uri))
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: “%s” is not a web address"), section, reference);
      return NULL;
    }

  bytes = dlg_source_fetch (uri, cancellable, &local_error);
  if (bytes == NULL)
    g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                 _("%s: cannot read “%s”: %s"), section, uri, local_error->message);

  return bytes;
}

GBytes *
dlg_source_read_section (const char    *base_uri,
                         const char    *section,
                         const char    *reference,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  return load_section_cb (section, reference, (gpointer) base_uri, cancellable, error);
}

DlgFeed *
dlg_source_parse (GBytes              *bytes,
                  const char          *base_uri,
                  const char * const  *languages,
                  GCancellable        *cancellable,
                  GError             **error)
{
  return dlg_source_parse_full (bytes, languages, base_uri != NULL ? load_section_cb : NULL,
                                (gpointer) base_uri, cancellable, error);
}

static const char *
not_a_source (void)
{
  return _("neither a Delegate feed, nor a frab or pretalx schedule.json, "
           "nor a frab or Pentabarf schedule.xml");
}

DlgFeed *
dlg_source_parse_full (GBytes                *bytes,
                       const char * const    *languages,
                       DlgFeedSectionLoader   loader,
                       gpointer               loader_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) local_error = NULL;
  DlgSourceFormat format;
  gsize size, offset;
  const char *data;
  int line, column;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  format = dlg_source_detect (bytes);
  data = g_bytes_get_data (bytes, &size);
  /* An empty file says so, as JSON's reader words it. */
  if (format == DLG_SOURCE_FORMAT_UNKNOWN && (data == NULL || skip_space (data, size, &offset) == data + size))
    format = DLG_SOURCE_FORMAT_SCHEDULE_JSON;

  switch (format)
    {
    case DLG_SOURCE_FORMAT_DELEGATE_FEED:
      return dlg_feed_parse (bytes, languages, loader, loader_data, cancellable, error);

    case DLG_SOURCE_FORMAT_SCHEDULE_XML:
      return dlg_feed_parse_schedule_xml (bytes, languages, error);

    case DLG_SOURCE_FORMAT_SCHEDULE_JSON:
      if (!dlg_json_read (data, size, &document, &line, &column, &local_error))
        {
          g_autofree char *where = dlg_json_describe (local_error, line, column);

          g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                       _("not valid JSON: %s"), where);
          return NULL;
        }
      if (document == NULL)
        {
          g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                       _("not valid JSON: %s"), _("the document is empty"));
          return NULL;
        }
      /* A feed whose version is misspelt ("delegate-feed") is no schedule:
       * say what it lacks rather than "schedule: required". */
      if (JSON_NODE_HOLDS_OBJECT (document)
          && !json_object_has_member (json_node_get_object (document), "schedule"))
        {
          if (json_object_has_member (json_node_get_object (document), "event"))
            g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                                 _("delegate_feed: missing: this is not a Delegate feed"));
          else
            g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, not_a_source ());
          return NULL;
        }
      return dlg_feed_parse_schedule_json (document, languages, error);

    case DLG_SOURCE_FORMAT_UNKNOWN:
    default:
      g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, not_a_source ());
      return NULL;
    }
}

GBytes *
dlg_source_read (const char    *source,
                 char         **uri,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (is_web (source))
    {
      *uri = g_strdup (source);
      return dlg_source_fetch (*uri, cancellable, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (source);

      *uri = g_file_get_uri (file);
      return dlg_file_load_limited (file, DLG_FILE_MAX_SIZE, cancellable, error);
    }
}

DlgFeed *
dlg_source_load (const char          *source,
                 const char * const  *languages,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  bytes = dlg_source_read (source, &uri, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return dlg_source_parse (bytes, uri, languages, cancellable, error);
}
