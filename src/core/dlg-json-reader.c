/* dlg-json-reader.c: reading a JSON document with errors that name the place
 *
 * This file holds the errors, the paths and the readers of plain values; the rest is by
 * concern: dlg-json-reader-precheck.c (what json-glib is not given), -languages.c (texts
 * in several languages) and -time.c (dates, clock times, durations and instants).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"

gboolean
dlg_json_invalid (GError     **error,
                  const char  *format,
                  ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, format, args);
  va_end (args);

  /* Messages quote the feed (keys, values), which may not be UTF-8. */
  if (!g_utf8_validate ((*error)->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      g_free ((*error)->message);
      (*error)->message = valid;
    }

  return FALSE;
}

/* Paths: members[3].joined, agenda.schedule.conference.days[2].rooms["Aula"][0] */

char *
dlg_json_path_key (const char *path,
                   const char *key)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (key);

  return g_strconcat (path, ".", key, NULL);
}

char *
dlg_json_path_index (const char *path,
                     guint       index)
{
  char number[16];

  /* Made for every session and person: g_strdup_printf() was a measurable
   * part of loading a congress. */
  g_snprintf (number, sizeof number, "[%u]", index);
  return g_strconcat (path, number, NULL);
}

char *
dlg_json_path_name (const char *path,
                    const char *name)
{
  g_autofree char *escaped = g_strescape (name, NULL);

  return g_strdup_printf ("%s[\"%s\"]", path, escaped);
}

/* A member that is absent or JSON null counts as missing. */
JsonNode *
dlg_json_lookup (JsonObject *object,
                 const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

gboolean
dlg_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
dlg_json_node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
dlg_json_node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

char *
dlg_json_strip_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  /* json-glib 1.6 turns a lone surrogate escape ("\ud800") into bytes
   * that are not UTF-8; a label would show garbage or nothing.  Such a
   * character becomes U+FFFD, as any reader would show it. */
  if (g_utf8_validate (text, -1, NULL))
    copy = g_strdup (text);
  else
    copy = g_utf8_make_valid (text, -1);
  g_strstrip (copy);
  if (copy[0] == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

void
dlg_json_position (const char *data,
                   gsize       offset,
                   int        *line,
                   int        *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

gboolean
dlg_json_require (JsonObject  *object,
                  const char  *path,
                  const char  *key,
                  JsonNode   **out,
                  GError     **error)
{
  *out = dlg_json_lookup (object, key);
  if (*out == NULL)
    {
      g_autofree char *where = dlg_json_path_key (path, key);
      return dlg_json_invalid (error, _("%s: required, but missing"), where);
    }

  return TRUE;
}

gboolean
dlg_json_get_object (JsonNode    *node,
                     const char  *path,
                     JsonObject **out,
                     GError     **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return dlg_json_invalid (error, _("%s: expected an object"), path);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
dlg_json_get_array (JsonNode    *node,
                    const char  *path,
                    JsonArray  **out,
                    GError     **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return dlg_json_invalid (error, _("%s: expected a list"), path);

  *out = json_node_get_array (node);
  return TRUE;
}

/* A plain string (ids, dates, e-mail addresses): whitespace trimmed, an
 * empty string counts as missing. */
gboolean
dlg_json_read_string (JsonObject  *object,
                      const char  *path,
                      const char  *key,
                      gboolean     required,
                      char       **out,
                      GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, key);
  g_autofree char *value = NULL;

  if (node != NULL)
    {
      if (!dlg_json_node_is_string (node))
        {
          g_autofree char *where = dlg_json_path_key (path, key);
          return dlg_json_invalid (error, _("%s: expected a string"), where);
        }
      value = dlg_json_strip_or_null (json_node_get_string (node));
    }

  if (value == NULL && required)
    {
      g_autofree char *where = dlg_json_path_key (path, key);
      return dlg_json_invalid (error, _("%s: required, but missing"), where);
    }

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* Only http(s) addresses are kept: anything else (javascript:, file:,
 * data:) is dropped without failing the feed, which stays usable. */
char *
dlg_json_safe_url (const char *text)
{
  g_autofree char *url = dlg_json_strip_or_null (text);
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return NULL;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  if (!g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return NULL;

  /* The relaxed parse lets control characters through ("\r", "\f"): a
   * URL with one is no address, and would break the lines of a calendar
   * or vCard export (found by fuzzing). */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      return NULL;

  return g_steal_pointer (&url);
}

gboolean
dlg_json_read_url (JsonObject  *object,
                   const char  *path,
                   const char  *key,
                   char       **out,
                   GError     **error)
{
  g_autofree char *value = NULL;

  if (!dlg_json_read_string (object, path, key, FALSE, &value, error))
    return FALSE;

  g_free (*out);
  *out = dlg_json_safe_url (value);
  return TRUE;
}

gboolean
dlg_json_read_boolean (JsonObject  *object,
                       const char  *path,
                       const char  *key,
                       gboolean    *out,
                       GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = dlg_json_path_key (path, key);
      return dlg_json_invalid (error, _("%s: expected true or false"), where);
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A list of strings, or with @languages a list of texts (each a string or an object of
 * languages and strings, read in the delegate's language as any text is).  An absent list is
 * empty; an element with nothing in it is left out. */
static gboolean
read_list (GPtrArray   *languages,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           char      ***out,
           GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, key);
  g_autofree char *where = dlg_json_path_key (path, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL)
    {
      if (!dlg_json_get_array (node, where, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *element_path = NULL;
          g_autofree char *value = NULL;

          /* A string, the usual case, needs no path: it can only be right. */
          if (dlg_json_node_is_string (element))
            value = dlg_json_strip_or_null (json_node_get_string (element));
          else if (languages != NULL)
            {
              element_path = dlg_json_path_index (where, i);
              if (!dlg_json_resolve_text (languages, element, element_path, &value, error))
                return FALSE;
            }
          else
            {
              element_path = dlg_json_path_index (where, i);
              return dlg_json_invalid (error, _("%s: expected a string"), element_path);
            }

          if (value != NULL)
            g_strv_builder_add (builder, value);
        }
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Member ids, a session's members, an event's languages. */
gboolean
dlg_json_read_string_list (JsonObject   *object,
                           const char   *path,
                           const char   *key,
                           char       ***out,
                           GError      **error)
{
  return read_list (NULL, object, path, key, out, error);
}

/* A case's tags. */
gboolean
dlg_json_read_text_list (GPtrArray   *languages,
                         JsonObject  *object,
                         const char  *path,
                         const char  *key,
                         char      ***out,
                         GError     **error)
{
  g_return_val_if_fail (languages != NULL, FALSE);

  return read_list (languages, object, path, key, out, error);
}

gboolean
dlg_json_read_links (JsonObject  *object,
                     const char  *path,
                     GListModel  *links,
                     GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, "links");
  g_autofree char *where = dlg_json_path_key (path, "links");
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!dlg_json_get_array (node, where, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *link_path = dlg_json_path_index (where, i);
      g_autoptr(DlgLink) link = NULL;
      JsonObject *link_object;
      g_autofree char *url = NULL;

      if (!dlg_json_get_object (json_array_get_element (array, i), link_path, &link_object,
                                error) ||
          !dlg_json_read_url (link_object, link_path, "url", &url, error))
        return FALSE;

      if (url == NULL)
        continue;

      link = g_object_new (DLG_TYPE_LINK, NULL);
      link->url = g_steal_pointer (&url);
      if (!dlg_json_read_string (link_object, link_path, "title", FALSE, &link->title, error))
        return FALSE;

      g_list_store_append (G_LIST_STORE (links), link);
    }

  return TRUE;
}

gboolean
dlg_json_check_unique (GHashTable  *index,
                       const char  *id,
                       const char  *path,
                       GError     **error)
{
  if (g_hash_table_contains (index, id))
    return dlg_json_invalid (error, _("%s: the id “%s” is used twice"), path, id);

  return TRUE;
}
