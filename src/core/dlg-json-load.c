/* dlg-json-load.c: reading a JSON document into json-glib's tree, quickly
 *
 * json-glib 1.6 reads a document through a general-purpose scanner (GLib's
 * GScanner, adapted), a character and a function call at a time: more than
 * half of the instructions it takes to read a congress's schedule.json.
 * This reader builds the same tree, with json-glib's own constructors,
 * straight from the bytes.
 *
 * It reads strict JSON (RFC 8259) only, and declines everything else: a
 * comment, a byte-order mark, an exponent, a \u0000, bytes that are not
 * UTF-8, a control character in a string, a number json-glib would wrap,
 * an empty member name (which json-glib refuses).
 * Those documents go to json-glib as before, so what json-glib accepts,
 * what it refuses and the words it says stay the same.  What this reader
 * accepts must give json-glib's tree, node for node: tests/core/test-json-load.c
 * checks that on every test fixture, and the fuzz target json-load on
 * whatever libFuzzer makes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-json-load.h"
#include "dlg-json-reader.h"

/* Deeper documents go to json-glib, which reads them as before. */
#define MAX_DEPTH 200

/* Keys up to this length are copied on the stack, not the heap. */
#define SHORT_KEY 128

typedef struct
{
  const char *p;
  const char *end;
  GString    *text;       /* the string just read */
  guint       depth;
  const char *duplicate;  /* the first name given twice in one object, or NULL */
} Reader;

static JsonNode *read_value (Reader *r);

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static int
read_hex4 (Reader *r)
{
  int value = 0;

  if (r->end - r->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  r->p += 4;
  return value;
}

/* After a backslash: appends what the escape stands for. */
static gboolean
read_escape (Reader *r)
{
  int unit, low;

  if (r->p == r->end)
    return FALSE;

  switch (*r->p++)
    {
    case '"':  g_string_append_c (r->text, '"');  return TRUE;
    case '\\': g_string_append_c (r->text, '\\'); return TRUE;
    case '/':  g_string_append_c (r->text, '/');  return TRUE;
    case 'b':  g_string_append_c (r->text, '\b'); return TRUE;
    case 'f':  g_string_append_c (r->text, '\f'); return TRUE;
    case 'n':  g_string_append_c (r->text, '\n'); return TRUE;
    case 'r':  g_string_append_c (r->text, '\r'); return TRUE;
    case 't':  g_string_append_c (r->text, '\t'); return TRUE;
    case 'u':  break;
    default:   return FALSE;
    }

  /* A NUL would end the C string json-glib keeps; a lone surrogate is no
   * character.  json-glib has its own ways with both. */
  unit = read_hex4 (r);
  if (unit <= 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return FALSE;
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
        return FALSE;
      r->p += 2;
      low = read_hex4 (r);
      if (low < 0xDC00 || low > 0xDFFF)
        return FALSE;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (r->text, unit);
  return TRUE;
}

/* After the opening quote: reads the string into r->text. */
static gboolean
read_string (Reader *r)
{
  guchar high = 0;

  g_string_truncate (r->text, 0);

  for (;;)
    {
      const char *run = r->p;

      /* Most strings have no escape: one copy of the whole run. */
      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        high |= (guchar) *r->p++;
      if (r->p == r->end)
        return FALSE;
      g_string_append_len (r->text, run, r->p - run);

      if (*r->p == '"')
        {
          r->p++;
          /* Only a string with a byte above ASCII can be amiss. */
          return high < 0x80 || g_utf8_validate_len (r->text->str, r->text->len, NULL);
        }
      if (*r->p != '\\')
        return FALSE;
      r->p++;
      if (!read_escape (r))
        return FALSE;
    }
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean fraction = FALSE;
  guint digits = 0;

  if (*r->p == '-')
    r->p++;
  if (r->p == r->end || !g_ascii_isdigit (*r->p))
    return NULL;
  /* "01" is not JSON. */
  if (*r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))
    return NULL;
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++, digits++;
  if (r->p < r->end && *r->p == '.')
    {
      fraction = TRUE;
      r->p++;
      if (r->p == r->end || !g_ascii_isdigit (*r->p))
        return NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++, digits++;
    }
  /* Exponents are rare in feeds; json-glib reads them its own way. */
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    return NULL;

  if (fraction)
    {
      char buffer[64];

      if ((gsize) (r->p - start) >= sizeof buffer)
        return NULL;
      memcpy (buffer, start, r->p - start);
      buffer[r->p - start] = '\0';
      return json_node_init_double (json_node_alloc (), g_ascii_strtod (buffer, NULL));
    }
  else
    {
      gint64 value = 0;
      const char *q = start + (*start == '-');

      /* 18 digits always fit in a gint64; json-glib wraps longer ones. */
      if (digits > 18)
        return NULL;
      for (; q < r->p; q++)
        value = value * 10 + (*q - '0');
      return json_node_init_int (json_node_alloc (), *start == '-' ? -value : value);
    }
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (r->end - r->p) < length || memcmp (r->p, word, length) != 0)
    return FALSE;
  r->p += length;
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  JsonNode *node = json_node_alloc ();
  JsonObject *object = json_object_new ();

  json_node_init_object (node, object);
  json_object_unref (object);

  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return node;
    }

  for (;;)
    {
      char short_key[SHORT_KEY];
      g_autofree char *long_key = NULL;
      const char *key;
      const char *key_at = r->p;
      JsonNode *member;
      guint n_members;

      if (r->p == r->end || *r->p != '"')
        goto decline;
      r->p++;
      /* json-glib refuses an empty name. */
      if (!read_string (r) || r->text->len == 0)
        goto decline;
      /* The value is read into r->text too. */
      if (r->text->len < SHORT_KEY)
        key = memcpy (short_key, r->text->str, r->text->len + 1);
      else
        key = long_key = g_strndup (r->text->str, r->text->len);

      skip_space (r);
      if (r->p == r->end || *r->p != ':')
        goto decline;
      r->p++;
      member = read_value (r);
      if (member == NULL)
        goto decline;
      json_node_set_parent (member, node);
      /* json-glib keeps the last of two members of one name, as this
       * reader does; dlg_json_read() refuses such a document. */
      n_members = json_object_get_size (object);
      json_object_set_member (object, key, member);
      if (json_object_get_size (object) == n_members && r->duplicate == NULL)
        r->duplicate = key_at;

      skip_space (r);
      if (r->p == r->end)
        goto decline;
      if (*r->p == '}')
        {
          r->p++;
          return node;
        }
      if (*r->p != ',')
        goto decline;
      r->p++;
      skip_space (r);
    }

decline:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_array (Reader *r)
{
  JsonNode *node = json_node_alloc ();
  JsonArray *array = json_array_new ();

  json_node_init_array (node, array);
  json_array_unref (array);

  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return node;
    }

  for (;;)
    {
      JsonNode *element = read_value (r);

      if (element == NULL)
        goto decline;
      json_node_set_parent (element, node);
      json_array_add_element (array, element);

      skip_space (r);
      if (r->p == r->end)
        goto decline;
      if (*r->p == ']')
        {
          r->p++;
          return node;
        }
      if (*r->p != ',')
        goto decline;
      r->p++;
    }

decline:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_value (Reader *r)
{
  JsonNode *node = NULL;

  skip_space (r);
  if (r->p == r->end)
    return NULL;

  switch (*r->p)
    {
    case '{':
    case '[':
      if (r->depth == MAX_DEPTH)
        return NULL;
      r->depth++;
      r->p++;
      node = r->p[-1] == '{' ? read_object (r) : read_array (r);
      r->depth--;
      return node;

    case '"':
      r->p++;
      if (!read_string (r))
        return NULL;
      return json_node_init_string (json_node_alloc (), r->text->str);

    case 't':
      return read_literal (r, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;

    case 'f':
      return read_literal (r, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;

    case 'n':
      return read_literal (r, "null") ? json_node_init_null (json_node_alloc ()) : NULL;

    default:
      return read_number (r);
    }
}

/* dlg_json_load_strict(), and where the first name given twice in one
 * object is (its opening quote), or NULL. */
static JsonNode *
load_strict (const char  *data,
             gsize        size,
             const char **duplicate)
{
  g_autoptr(GString) text = NULL;
  Reader r;
  JsonNode *root;

  *duplicate = NULL;
  if (data == NULL)
    return NULL;

  text = g_string_sized_new (256);
  r = (Reader) { data, data + size, text, 0, NULL };
  skip_space (&r);
  if (r.p == r.end || (*r.p != '{' && *r.p != '['))
    return NULL;

  root = read_value (&r);
  if (root == NULL)
    return NULL;

  skip_space (&r);
  if (r.p != r.end)
    {
      json_node_unref (root);
      return NULL;
    }
  *duplicate = r.duplicate;
  return root;
}

JsonNode *
dlg_json_load_strict (const char *data,
                      gsize       size)
{
  const char *duplicate;

  return load_strict (data, size, &duplicate);
}

/* dlg_json_load(); *@strict says whether this reader read it (else
 * json-glib did), and *@duplicate where a name was given twice in one of
 * its objects. */
static gboolean
load (const char   *data,
      gsize         size,
      JsonNode    **root,
      gboolean     *strict,
      const char  **duplicate,
      GError      **error)
{
  g_autoptr(JsonParser) parser = NULL;

  *root = load_strict (data, size, duplicate);
  *strict = *root != NULL;
  if (*root != NULL)
    return TRUE;

  /* Not json_parser_new_immutable (): that seals the tree node by node and
   * hashes every object, for a tree that lives only as long as a parse. */
  if (size > G_MAXSSIZE)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("the document is too large"));
      return FALSE;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, size, error))
    return FALSE;
  *root = json_parser_steal_root (parser);
  return TRUE;
}

gboolean
dlg_json_load (const char  *data,
               gsize        size,
               JsonNode   **root,
               GError     **error)
{
  const char *duplicate;
  gboolean strict;

  g_return_val_if_fail (root != NULL, FALSE);

  return load (data, size, root, &strict, &duplicate, error);
}

static void
free_names (gpointer names)
{
  if (names != NULL)
    g_hash_table_unref (names);
}

/* The name whose opening quote is at @at, its escapes read, as valid UTF-8. */
static char *
name_at (const char *data,
         gsize       size,
         gsize       at)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Reader r = { data + at + 1, data + size, text, 0, NULL };

  if (read_string (&r))
    return g_utf8_make_valid (text->str, text->len);
  return g_strdup ("");
}

/* What json-glib read past in a document this reader left to it (a
 * byte-order mark, an exponent, a \u0000 make it decline), which other
 * tools refuse or read otherwise: the offset of the first name given twice
 * in one object (its opening quote; json-glib kept the last) or of the first control character inside a string, *@twice
 * saying which; -1 when there is neither.  This reader declines both. */
static gssize
find_other_reading (const char *data,
                    gsize       size,
                    gboolean   *twice)
{
  /* The names of each object open, NULL for an array. */
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (free_names);
  gsize i = 0;

  while (i < size)
    {
      char c = data[i];

      if (c == '{' || c == '[')
        {
          g_ptr_array_add (open, c == '{'
                                 ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL)
                                 : NULL);
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (open->len > 0)
            g_ptr_array_remove_index (open, open->len - 1);
          i++;
        }
      else if (c == '"')
        {
          gsize start = i, end = i + 1, after;
          GHashTable *names = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : NULL;

          for (; end < size && data[end] != '"'; end += data[end] == '\\' ? 2 : 1)
            if ((guchar) data[end] < 0x20)
              {
                *twice = FALSE;
                return end;
              }
          after = end + 1;
          while (after < size && (data[after] == ' ' || data[after] == '\t' ||
                                  data[after] == '\n' || data[after] == '\r'))
            after++;
          /* Names are compared as read: "ti\u0074le" is "title". */
          if (end < size && after < size && data[after] == ':' && names != NULL &&
              !g_hash_table_add (names,
                                 memchr (data + start + 1, '\\', end - start - 1) != NULL
                                 ? name_at (data, size, start)
                                 : g_strndup (data + start + 1, end - start - 1)))
            {
              *twice = TRUE;
              return start;
            }
          i = end + 1;
        }
      else
        i++;
    }
  return -1;
}

gboolean
dlg_json_read (const char  *data,
               gsize        size,
               JsonNode   **root,
               int         *line,
               int         *column,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  const char *refused;
  const char *reason;
  const char *duplicate;
  gboolean strict;
  guint at_line, at_column;
  int unused_line, unused_column;

  g_return_val_if_fail (root != NULL, FALSE);

  if (line == NULL)
    line = &unused_line;
  if (column == NULL)
    column = &unused_column;
  *root = NULL;
  *line = *column = 0;
  /* An empty GBytes (an empty download) may hold NULL. */
  if (data == NULL)
    data = "";

  if (size <= G_MAXSSIZE && (refused = dlg_json_precheck (data, size, line, column)) != NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, refused);
      return FALSE;
    }
  if (load (data, size, root, &strict, &duplicate, &local_error))
    {
      gboolean twice = TRUE;
      gssize at = strict ? (duplicate != NULL ? duplicate - data : -1)
                         : find_other_reading (data, size, &twice);

      /* Other tools keep the first of two members of one name, or refuse
       * the document: a feed must mean the same to all of them. */
      if (at >= 0 && twice)
        {
          g_autofree char *name = name_at (data, size, at);

          dlg_json_position (data, at, line, column);
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       /* Translators: %s is a JSON member's name, e.g. "title" */
                       _("“%s” is given twice in one object: give each name once"), name);
        }
      else if (at >= 0)
        {
          dlg_json_position (data, at, line, column);
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               _("a tab or line break inside a string: write it as \\t or \\n"));
        }
      else
        return TRUE;
      g_clear_pointer (root, json_node_unref);
      return FALSE;
    }

  /* json-glib quotes what it could not read as it is, maybe not UTF-8 (a
   * lone "\ud800" becomes bytes that are not), and says where as
   * "<data>:3:7: Parse error: unexpected ...": a label shows this. */
  message = g_utf8_make_valid (local_error->message, -1);
  reason = message;
  if (sscanf (message, "<data>:%u:%u:", &at_line, &at_column) == 2 &&
      at_line <= G_MAXINT && at_column <= G_MAXINT)
    {
      const char *rest = strstr (message, ": ");

      if (rest != NULL && g_str_has_prefix (rest, ": Parse error: "))
        rest += strlen (": Parse error");
      if (rest != NULL)
        {
          reason = rest + 2;
          *line = (int) at_line;
          *column = (int) at_column;
        }
    }
  g_set_error_literal (error, local_error->domain, local_error->code, reason);
  return FALSE;
}

char *
dlg_json_describe (const GError *error,
                   int           line,
                   int           column)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (line <= 0)
    return g_strdup (error->message);
  /* Translators: where a document went wrong, then what */
  return g_strdup_printf (_("line %d, column %d: %s"), line, column, error->message);
}
