/* dlg-json-reader-precheck.c: the look at a document before json-glib reads it
 *
 * json-glib 1.6 takes more than JSON (two values, single quotes, comments, bad escapes)
 * and reads any depth and any number of values; what it would mishandle is refused here
 * with the line and column of the place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-json-reader.h"

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

/* A document that ends inside a string, an object or a list: a file cut short (an upload
 * that stopped), or a closing bracket or quote left out.  json-glib blamed the last thing
 * it read, text that is right ("unexpected character `,'", "invalid string constant
 * \"Panel\""); the place given here is where the text stops. */
static const char *
ends_early (const char *data,
            gsize       size,
            gboolean    in_string,
            int        *line,
            int        *column)
{
  gsize end = size;

  while (!in_string && end > 0 && is_json_space (data[end - 1]))
    end--;
  dlg_json_position (data, end, line, column);
  if (in_string)
    return _("the document ends inside a string: is the file cut short, "
             "or a closing quote missing?");
  return _("the document ends before every “{” and “[” in it is closed: is the file cut short, "
           "or a closing bracket missing?");
}

/* json-glib 1.6 reads "{...} {...}" as two statements: it keeps the last
 * value and leaks the others.  Its scanner also mishandles "\u" escapes
 * that are no character: a lone surrogate becomes bytes that are not
 * UTF-8 and swallows the two characters after it, and a bad escape can
 * leak (all found by fuzzing).  No document Delegate reads needs either,
 * so both are errors, caught before json-glib sees them, as are a document that ends
 * before its values do and a comma after the last value.  Anything else wrong (a
 * mismatched bracket, a missing comma) is left for json-glib. */
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
      /* The offset of a "," when it is the last thing before @i but white space, else -1. */
      gssize comma = -1;

      for (; i < size; i++)
        {
          char c = data[i];

          /* "[1, 2,]", hand-edited: json-glib said "unexpected character `,', expected
           * character `]'" even inside an object, and a "]" added there broke it more. */
          if ((c == '}' || c == ']') && comma >= 0)
            {
              dlg_json_position (data, comma, line, column);
              return _("a comma with no value after it: JSON has no comma after the last "
                       "value of an object or list");
            }
          if (c == ',')
            comma = i;
          else if (!is_json_space (c))
            comma = -1;

          if (c == '"')
            {
              i = string_end (data, size, i + 1);
              if (i >= size)
                return ends_early (data, size, TRUE, line, column);
              if (open->len == 0)
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
        return ends_early (data, size, FALSE, line, column);
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
