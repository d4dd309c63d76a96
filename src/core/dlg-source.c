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
#include "dlg-fetch.h"
#include "dlg-file.h"
#include "dlg-json-load.h"
#include "dlg-library.h"
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

/* The whole fetch, from connecting to the last byte, as the app's sync allows: libsoup's
 * timeout only bounds each silence, so a server sending a byte every 20 seconds (of headers
 * or body) could hold the command line for days. */
#define FETCH_TIME_LIMIT_MS (2 * 60 * 1000)

static guint
fetch_time_limit_ms (void)
{
  /* For tests/agenda/check-fetch.py only, so that it waits seconds rather than minutes. */
  const char *test_limit = g_getenv ("DELEGATE_TEST_FETCH_SECONDS");
  guint64 seconds;

  if (test_limit != NULL &&
      g_ascii_string_to_unsigned (test_limit, 10, 1, FETCH_TIME_LIMIT_MS / 1000, &seconds, NULL))
    return seconds * 1000;
  return FETCH_TIME_LIMIT_MS;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* dlg_source_fetch(), and where the feed came from after redirects (@final_uri, nullable):
 * its sections are named relative to that, as the app's sync reads them. */
static GBytes *
fetch_to_end (const char    *uri,
              char         **final_uri,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(DlgFetch) fetch = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean fetched;

  /* The app's own fetch (dlg-fetch.c), run to its end on a main context of ours: one
   * way to download, with the same limits, and the same words for what went wrong. */
  g_main_context_push_thread_default (context);
  session = dlg_fetch_session_new ();
  fetch = dlg_fetch_new (NULL, uri, NULL);
  dlg_fetch_async (session, fetch, DLG_FILE_MAX_SIZE, fetch_time_limit_ms (), cancellable,
                   fetched_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  fetched = dlg_fetch_finish (result, error);
  /* The fetch's message and stream end with its task, and libsoup wants them to end on the
   * context they began on: before ours is popped. */
  g_clear_object (&result);
  g_clear_object (&session);
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);
  g_main_context_pop_thread_default (context);

  if (!fetched)
    return NULL;
  /* A document cut off mid-way, which libsoup hands over as whole when no length was
   * declared: said as the app's sync says it (dlg-sync-commit.c), not as invalid. */
  if (fetch->unframed && dlg_fetch_body_cut_short (fetch->body))
    {
      g_propagate_error (error, dlg_fetch_broken_off_error (fetch->final_url));
      return NULL;
    }
  if (final_uri != NULL)
    *final_uri = g_strdup (fetch->final_url);
  return g_bytes_ref (fetch->body);
}

GBytes *
dlg_source_fetch (const char    *uri,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return fetch_to_end (uri, NULL, cancellable, error);
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

  /* Refused as the app's sync refuses it (dlg-sync-http.c), in its words: what the command
   * line says of a feed is what the delegates will be told. */
  if (dlg_fetch_leaves_https (base_uri, uri))
    {
      g_autoptr(GError) insecure = dlg_fetch_insecure_section_error (base_uri, uri);

      g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                           insecure->message);
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
  return dlg_source_parse_full (bytes, languages, NULL,
                                base_uri != NULL ? load_section_cb : NULL,
                                (gpointer) base_uri, cancellable, error);
}

DlgFeed *
dlg_source_parse_noting (GBytes              *bytes,
                         const char          *base_uri,
                         const char * const  *languages,
                         GPtrArray           *notes,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(DlgFeedNotes) noted = dlg_feed_notes_new ();
  DlgFeed *feed = dlg_source_parse_full (bytes, languages, noted,
                                         base_uri != NULL ? load_section_cb : NULL,
                                         (gpointer) base_uri, cancellable, error);

  if (feed != NULL)
    dlg_feed_notes_move_to (noted, notes);
  return feed;
}

/* Whether @data is UTF-16 or UTF-32: Windows PowerShell's "> feed.json" and Notepad's
 * "Unicode" write it, with a byte-order mark or without (then a NUL beside the first
 * character).  JSON is UTF-8, and GMarkup reads only UTF-8. */
static gboolean
is_wide (const char *data,
         gsize       size)
{
  if (size < 2)
    return FALSE;
  if (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)
    return TRUE;
  /* "{" as UTF-16 or UTF-32, little- or big-endian; not a gzip header (1F 8B 08 00). */
  return (data[0] != '\0' && data[1] == '\0') ||
         (data[0] == '\0' && data[1] != '\0') ||
         (size >= 4 && data[0] == '\0' && data[1] == '\0' && data[2] == '\0' && data[3] != '\0');
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
                       DlgFeedNotes          *notes,
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

  /* Read as UTF-8, it was "neither a Delegate feed, nor …", or not JSON at line 1: words
   * that send the organiser to look at the content, which is right. */
  if (is_wide (data, size))
    {
      g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                           _("the file is in UTF-16 or UTF-32, not UTF-8: save it as UTF-8"));
      return NULL;
    }

  switch (format)
    {
    case DLG_SOURCE_FORMAT_DELEGATE_FEED:
      return dlg_feed_parse (bytes, languages, loader, loader_data, cancellable, error);

    case DLG_SOURCE_FORMAT_SCHEDULE_XML:
      return dlg_feed_parse_schedule_xml (bytes, languages, notes, error);

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
      return dlg_feed_parse_schedule_json (document, languages, notes, error);

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
  g_autofree char *location = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  /* Read as the app reads what is typed in Add Event or given to `delegate`: an address
   * without its scheme is one, unless a file of that name is there; what cannot be a feed
   * is said in the app's words. */
  location = dlg_library_locate (source, error);
  if (location == NULL)
    return NULL;

  if (is_web (location))
    {
      GBytes *bytes = fetch_to_end (location, uri, cancellable, error);

      if (bytes == NULL)
        *uri = g_steal_pointer (&location);
      return bytes;
    }

  file = g_file_new_for_uri (location);
  *uri = g_steal_pointer (&location);
  return dlg_file_load_limited (file, DLG_FILE_MAX_SIZE, cancellable, error);
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
