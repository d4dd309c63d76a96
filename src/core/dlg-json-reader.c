/* dlg-json-reader.c: reading a JSON document with errors that name the place
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

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
hex_value (const char *data,
           gsize       size,
           gsize       at)
{
  int value = 0;

  if (at + 4 > size)
    return -1;
  for (gsize i = at; i < at + 4; i++)
    {
      if (!g_ascii_isxdigit (data[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (data[i]);
    }
  return value;
}

/* What json-glib is given at most (the messages of dlg_json_precheck() say these figures):
 * a real feed nests values some ten deep, and a 2.7 MB feed of 1,000 sessions and 514 members
 * holds 56,000 values. */
#define DLG_JSON_MAX_DEPTH  512
#define DLG_JSON_MAX_VALUES 1000000

/* The offset of the quote that closes the string whose first character is at @i, or @size
 * when it is not closed.  Documents are mostly strings: memchr() finds their ends many
 * times faster than a look at each byte (the check of a 1.3 MB schedule took 3-5 ms). */
static gsize
string_end (const char *data,
            gsize       size,
            gsize       i)
{
  const char *quote = NULL;

  for (;;)
    {
      const char *escape;

      /* The next quote is looked for again only once an escaped one is passed: a string of
       * a million escapes took minutes when each escape looked to the end of the document. */
      if (quote == NULL || data + i > quote)
        {
          quote = i < size ? memchr (data + i, '"', size - i) : NULL;
          if (quote == NULL)
            return size;
        }
      escape = memchr (data + i, '\\', quote - (data + i));
      if (escape == NULL)
        return quote - data;
      i = escape - data + 2;  /* past the escaped character, maybe a quote */
    }
}

/* The offset of the first escape in a string of @data that JSON does not
 * have ("\U", "\x"), or a "\u" that is not a character (not four hex
 * digits, or half of a surrogate pair), or -1. */
static gssize
find_bad_escape (const char *data,
                 gsize       size)
{
  gsize i = 0;

  for (;;)
    {
      const char *open = i < size ? memchr (data + i, '"', size - i) : NULL;
      gsize end;

      if (open == NULL)
        return -1;
      i = open - data + 1;
      end = string_end (data, size, i);

      /* Each escape of the string. */
      while (i < end)
        {
          const char *escape = memchr (data + i, '\\', end - i);
          int value, low;

          if (escape == NULL)
            break;
          i = escape - data;
          if (i + 1 < size && data[i + 1] != 'u')
            {
              /* "C:\Users" is no JSON: json-glib reads it as "C:Users". */
              if (strchr ("\"\\/bfnrt", data[i + 1]) == NULL)
                return i;
              i += 2;
              continue;
            }
          value = hex_value (data, size, i + 2);
          if (value < 0 || (value >= 0xDC00 && value <= 0xDFFF))
            return i;
          if (value >= 0xD800 && value <= 0xDBFF)
            {
              if (i + 7 >= size || data[i + 6] != '\\' || data[i + 7] != 'u' ||
                  (low = hex_value (data, size, i + 8)) < 0xDC00 || low > 0xDFFF)
                return i;
              i += 6;
            }
          i += 6;
        }
      if (end >= size)
        return -1;
      i = end + 1;
    }
}

/* json-glib 1.6 also reads strings in single quotes and C comments, which
 * JSON does not have.  A '"' inside either made json-glib's strings other
 * than the ones checked here, and a bad escape in one of those leaked
 * (found by fuzzing): so either is an error. */
static const char *
not_json_here (const char *data,
               gsize       i,
               int        *line,
               int        *column)
{
  /* A string whose closing quote is missing makes the next one inside out:
   * its text is then outside, and the fault is before the place named. */
  dlg_json_position (data, i, line, column);
  if (data[i] == '\'')
    return _("a single quote outside a string: JSON strings are in double quotes "
             "(or a string before it lacks its closing quote)");
  return _("a “/” outside a string: JSON has no comments "
           "(or a string before it lacks its closing quote)");
}

/* json-glib 1.6 reads "{...} {...}" as two statements: it keeps the last
 * value and leaks the others.  Its scanner also mishandles "\u" escapes
 * that are no character: a lone surrogate becomes bytes that are not
 * UTF-8 and swallows the two characters after it, and a bad escape can
 * leak (all found by fuzzing).  No document Delegate reads needs either,
 * so both are errors, caught before json-glib sees them.  Anything else
 * wrong (an unterminated or mismatched value) is left for json-glib. */
const char *
dlg_json_precheck (const char *data,
                   gsize       size,
                   int        *line,
                   int        *column)
{
  g_autoptr(GString) open = g_string_new (NULL);
  gssize bad = find_bad_escape (data, size);
  gsize n_values = 1;
  gsize i = 0;

  if (bad >= 0)
    {
      dlg_json_position (data, bad, line, column);
      if ((gsize) bad + 1 < size && data[bad + 1] != 'u')
        return _("a backslash that starts no JSON escape: write \\\\ for a backslash");
      return _("a \\u escape that is not a character");
    }

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < size && is_json_space (data[i]))
    i++;
  if (i == size)
    return NULL;
  if (data[i] == '\'' || data[i] == '/')
    return not_json_here (data, i, line, column);

  if (data[i] == '{' || data[i] == '[' || data[i] == '"')
    {
      for (; i < size; i++)
        {
          char c = data[i];

          if (c == '"')
            {
              i = string_end (data, size, i + 1);
              if (i >= size || open->len == 0)
                break;
            }
          else if (c == '\'' || c == '/')
            return not_json_here (data, i, line, column);
          else if (c == '{' || c == '[')
            {
              /* json-glib reads nested values by recursion, with no end: 100,000 "[" took
               * the app down, at every start while such a feed was up. */
              if (open->len == DLG_JSON_MAX_DEPTH)
                {
                  dlg_json_position (data, i, line, column);
                  return _("values nested more than 512 deep, the most Delegate reads");
                }
              g_string_append_c (open, c);
            }
          /* A member's value follows its ":", an array's next element a ",": the count
           * misses only the first element of each array. */
          else if (((c == ':' && open->len > 0 && open->str[open->len - 1] == '{') ||
                    (c == ',' && open->len > 0 && open->str[open->len - 1] == '[')) &&
                   ++n_values > DLG_JSON_MAX_VALUES)
            {
              /* Each value read takes some hundred bytes: 32 MiB of "{}," took 3 GB. */
              dlg_json_position (data, i, line, column);
              return _("more than a million values, the most Delegate reads");
            }
          else if (c == '}' || c == ']')
            {
              if (open->len == 0 || open->str[open->len - 1] != (c == '}' ? '{' : '['))
                return NULL;
              g_string_truncate (open, open->len - 1);
              if (open->len == 0)
                break;
            }
        }
      if (i >= size)
        return NULL;
      i++;
    }
  else
    {
      while (i < size && !is_json_space (data[i]) && strchr ("{}[]\",:", data[i]) == NULL)
        i++;
    }

  while (i < size && is_json_space (data[i]))
    i++;
  if (i == size)
    return NULL;

  dlg_json_position (data, i, line, column);
  return _("more than one value");
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

/* "id_ID.UTF-8@euro" -> "id_ID"; "C" and "POSIX" say nothing. */
GPtrArray *
dlg_json_normalise_languages (const char * const *languages)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *lang = g_strdup (languages[i]);
      char *end = lang + strcspn (lang, ".@");

      *end = '\0';
      if (lang[0] == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        continue;
      g_ptr_array_add (result, g_steal_pointer (&lang));
    }

  return result;
}

/* Language tags compare without case, with "_" and "-" alike. */
static gboolean
language_equal (const char *a,
                const char *b,
                gsize       b_len)
{
  gsize i;

  for (i = 0; i < b_len; i++)
    {
      char ca = g_ascii_tolower (a[i]);
      char cb = g_ascii_tolower (b[i]);

      if (ca == '_')
        ca = '-';
      if (cb == '_')
        cb = '-';
      if (ca == '\0' || ca != cb)
        return FALSE;
    }

  return a[i] == '\0';
}

/* Whether @key reads as a language tag ("id", "en", "pt-BR", "zh_Hant"):
 * any other key of a text's object is a field of the organiser's own
 * (a draft, an internal note), never shown. */
static gboolean
is_language_tag (const char *key)
{
  gsize n = 0;

  while (g_ascii_isalpha (key[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (key[n] == '-' || key[n] == '_')
    {
      gsize start = ++n;

      while (g_ascii_isalnum (key[n]))
        n++;
      if (n - start < 2 || n - start > 8)
        return FALSE;
    }
  return key[n] == '\0';
}

/* The text of language @wanted (its first @wanted_len bytes) in @object,
 * or NULL when it has none, or only blank text. */
static char *
find_language (JsonObject *object,
               const char *wanted,
               gsize       wanted_len)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      if (is_language_tag (key) && language_equal (key, wanted, wanted_len)
          && dlg_json_node_is_string (node))
        {
          char *text = dlg_json_strip_or_null (json_node_get_string (node));

          if (text != NULL)
            return text;
        }
    }

  return NULL;
}

/* Text is a string, or an object of language codes to strings; pick the
 * best language: each preference, then its base language ("id" for
 * "id_ID"), then English, then the first language given.  Blank text
 * counts as missing in every language, as it does in a plain string, so
 * that a language left empty falls back to another one: a feed must not
 * read as complete in English and lack a title in Indonesian. */
gboolean
dlg_json_resolve_text (GPtrArray   *languages,
                       JsonNode    *node,
                       const char  *path,
                       char       **out,
                       GError     **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  char *chosen = NULL;

  if (dlg_json_node_is_string (node))
    {
      *out = dlg_json_strip_or_null (json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return dlg_json_invalid (error, _("%s: expected text, or an object of languages and texts"),
                             path);

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (is_language_tag (key) && !dlg_json_node_is_string (member)
          && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *where = dlg_json_path_key (path, key);
          return dlg_json_invalid (error, _("%s: expected text"), where);
        }
    }

  for (guint i = 0; chosen == NULL && i < languages->len; i++)
    {
      const char *lang = g_ptr_array_index (languages, i);

      chosen = find_language (object, lang, strlen (lang));
      if (chosen == NULL)
        chosen = find_language (object, lang, strcspn (lang, "_-"));
    }

  if (chosen == NULL)
    chosen = find_language (object, "en", 2);

  json_object_iter_init_ordered (&iter, object);
  while (chosen == NULL && json_object_iter_next_ordered (&iter, &key, &member))
    if (is_language_tag (key) && dlg_json_node_is_string (member))
      chosen = dlg_json_strip_or_null (json_node_get_string (member));

  *out = chosen;
  return TRUE;
}

gboolean
dlg_json_read_text (GPtrArray   *languages,
                    JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    char       **out,
                    GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, key);
  g_autofree char *where = dlg_json_path_key (path, key);
  g_autofree char *value = NULL;

  if (node != NULL && !dlg_json_resolve_text (languages, node, where, &value, error))
    return FALSE;

  if (value == NULL && required)
    return dlg_json_invalid (error, _("%s: required, but missing"), where);

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
dlg_json_parse_date (const char *text,
                     GDate      *date)
{
  unsigned int year, month, day;

  /* Digits where digits go: sscanf()'s %u also takes a sign, and "-024" became the year
   * 65512, which GDate keeps but GDateTime refuses (found by fuzzing). */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
dlg_json_read_date (JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    char       **out,
                    GDate       *date,
                    GError     **error)
{
  g_autofree char *value = NULL;

  if (!dlg_json_read_string (object, path, key, required, &value, error))
    return FALSE;

  if (value != NULL && !dlg_json_parse_date (value, date))
    {
      g_autofree char *where = dlg_json_path_key (path, key);
      return dlg_json_invalid (error, _("%s: expected a date such as “2019-10-16”"), where);
    }

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* "1:30", "01:30", "26:00", "0:45:00": hours and minutes. */
gboolean
dlg_json_parse_duration (const char *text,
                         guint      *minutes)
{
  /* "H:MM", "HH:MM" or "HH:MM:SS" (hours up to 9999, seconds ignored):
   * read by hand, as a congress has thousands of them. */
  guint64 hours = 0, secs = 0;
  guint mins;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && hours <= 9999; p++)
    hours = hours * 10 + (*p - '0');
  if (hours > 9999 || *p != ':' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[1] > '5')
    return FALSE;
  mins = (p[1] - '0') * 10 + (p[2] - '0');
  p += 3;
  if (*p == ':')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      for (; g_ascii_isdigit (*p) && secs <= 59; p++)
        secs = secs * 10 + (*p - '0');
      if (secs > 59)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

gboolean
dlg_json_parse_clock (const char *text,
                      guint      *hour,
                      guint      *minute)
{
  guint minutes;

  if (!dlg_json_parse_duration (text, &minutes) || minutes >= 24 * 60)
    return FALSE;

  *hour = minutes / 60;
  *minute = minutes % 60;
  return TRUE;
}

/* The @n digits at @text as a number from @min to @max, into *@value. */
static gboolean
read_digits (const char *text,
             guint       n,
             guint       min,
             guint       max,
             guint      *value)
{
  guint number = 0;

  /* Stops at the end of @text, a non-digit. */
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      number = number * 10 + (text[i] - '0');
    }

  *value = number;
  return number >= min && number <= max;
}

/* The offset at @text ("Z", "+08", "+0800", "+08:00"), appended to @out; the text after it,
 * or NULL. */
static const char *
read_offset (const char *text,
             GString    *out)
{
  const char *end = text + 3;
  guint value;

  if (*text == 'Z' || *text == 'z')
    {
      g_string_append_c (out, 'Z');
      return text + 1;
    }
  if ((*text != '+' && *text != '-') || !read_digits (text + 1, 2, 0, 23, &value))
    return NULL;
  /* The minutes are optional, and so is the colon before them. */
  if (*end == ':')
    end++;
  if (end > text + 3 || g_ascii_isdigit (*end))
    {
      if (!read_digits (end, 2, 0, 59, &value))
        return NULL;
      end += 2;
    }

  g_string_append_len (out, text, end - text);
  return end;
}

GDateTime *
dlg_json_parse_instant (const char *text,
                        GTimeZone  *zone,
                        gboolean   *has_offset)
{
  g_autoptr(GString) iso = NULL;
  const char *p = text;
  guint value;

  /* "YYYY-MM-DD", a "T" or a space, "hh:mm", read by hand: GLib reads more forms (week
   * dates, "20191016T0900") that the schema does not allow, and fewer (GLib 2.74 wants the
   * seconds).  The calendar itself (no 30 February) is left to GLib. */
  if (text == NULL || strlen (text) < 16 ||
      !read_digits (p, 4, 0, 9999, &value) || p[4] != '-' ||
      !read_digits (p + 5, 2, 1, 12, &value) || p[7] != '-' ||
      !read_digits (p + 8, 2, 1, 31, &value) ||
      (p[10] != 'T' && p[10] != 't' && p[10] != ' ') ||
      !read_digits (p + 11, 2, 0, 23, &value) || p[13] != ':' ||
      !read_digits (p + 14, 2, 0, 59, &value))
    return NULL;

  iso = g_string_new_len (text, 10);
  g_string_append_c (iso, 'T');
  g_string_append_len (iso, text + 11, 5);
  p = text + 16;

  /* Seconds, with up to nine decimals (GLib refuses many more), or none. */
  if (*p == ':')
    {
      const char *digits;

      if (!read_digits (p + 1, 2, 0, 59, &value))
        return NULL;
      p += 3;
      if (*p == '.')
        {
          for (digits = p + 1; g_ascii_isdigit (*digits); digits++)
            ;
          if (digits == p + 1 || digits - (p + 1) > 9)
            return NULL;
          p = digits;
        }
      g_string_append_len (iso, text + 16, p - (text + 16));
    }
  else
    g_string_append (iso, ":00");

  if (has_offset != NULL)
    *has_offset = *p != '\0';
  if (*p != '\0' && (p = read_offset (p, iso)) == NULL)
    return NULL;
  if (*p != '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (iso->str, zone);
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
