/* dlg-fetch-cut.c: whether a body with no declared length stopped inside its document
 *
 * libsoup 3.2 ends a chunked body whose connection closes between two chunks with no error,
 * and a body that runs to the connection's close has no end to check at all.  What arrived
 * is then only known to be short by its shape: a JSON document with an object still open,
 * an XML one whose root element never closed.  Such a document cannot be valid, so a
 * delegate is told that the connection broke off, not that the organiser's feed is broken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-fetch.h"
#include "dlg-fetch-private.h"

/* An object or array still open, or a string: the end of the document never came. */
static gboolean
json_cut_short (const char *p,
                const char *end)
{
  gsize depth = 0;
  gboolean in_string = FALSE;

  for (; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        depth++;
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }

  return in_string || depth > 0;
}

/* Drops what may follow the root element in a well-formed document: white space, comments
 * and processing instructions. */
static const char *
xml_trim_end (const char *start,
              const char *end)
{
  for (;;)
    {
      const char *open = NULL;

      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end - start >= 3 && memcmp (end - 3, "-->", 3) == 0)
        open = g_strrstr_len (start, end - start - 3, "<!--");
      else if (end - start >= 2 && memcmp (end - 2, "?>", 2) == 0)
        open = g_strrstr_len (start, end - start - 2, "<?");
      if (open == NULL)
        return end;
      end = open;
    }
}

/* Whether the root element (its name at @p) is closed at the end: "</name>" or "<name …/>". */
static gboolean
xml_cut_short (const char *p,
               const char *end)
{
  g_autofree char *closing = NULL;
  const char *name = p + 1;
  const char *name_end = name;
  gsize n;

  while (name_end < end && !g_ascii_isspace (*name_end) && *name_end != '>' && *name_end != '/')
    name_end++;
  if (name_end == end)
    return TRUE;

  end = xml_trim_end (p, end);
  if (end - p >= 2 && memcmp (end - 2, "/>", 2) == 0 && memchr (p, '>', end - p) == end - 1)
    return FALSE;  /* <schedule/>: the root alone */

  /* "</name>", maybe with white space before its '>' */
  if (end == p || end[-1] != '>')
    return TRUE;
  end--;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  closing = g_strdup_printf ("</%.*s", (int) (name_end - name), name);
  n = strlen (closing);
  return (gsize) (end - p) < n || memcmp (end - n, closing, n) != 0;
}

gboolean
dlg_fetch_body_cut_short (GBytes *body)
{
  gsize size;
  const char *start = g_bytes_get_data (body, &size);
  const char *end = start + size;
  /* An XML prolog: its declaration, comments, a DOCTYPE, before the root element. */
  const char *p = dlg_fetch_skip_prolog (start, end, TRUE);

  if (p == NULL)
    return TRUE;
  if (p == end)
    return FALSE;
  if (*p == '{' || *p == '[')
    return json_cut_short (p, end);
  if (*p == '<')
    return xml_cut_short (p, end);
  return FALSE;
}
