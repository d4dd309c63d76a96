/* dlg-text.c: organisers' HTML or Markdown as readable plain text
 *
 * Abstracts in pretalx and frab exports are Markdown or HTML, with CRLF
 * line ends.  A label shows plain text only, so we keep the structure a
 * reader needs (paragraphs, list items, links) and drop the rest.  This
 * is not a renderer: it never produces markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-text"

#include "config.h"

#include <string.h>

#include "dlg-text.h"

static gboolean
is_link_scheme (const char *url)
{
  return g_ascii_strncasecmp (url, "http://", 7) == 0 ||
         g_ascii_strncasecmp (url, "https://", 8) == 0 ||
         g_ascii_strncasecmp (url, "mailto:", 7) == 0;
}

/* "text (url)", or the url alone when the text is the url. */
static void
append_link (GString    *out,
             const char *text,
             const char *url)
{
  g_autofree char *clean_text = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (url == NULL || !is_link_scheme (url))
    {
      g_string_append (out, clean_text);
      return;
    }

  if (clean_text[0] == '\0' || g_str_equal (clean_text, url) ||
      (g_str_has_prefix (url, "mailto:") && g_str_equal (clean_text, url + 7)))
    g_string_append (out, url);
  else
    g_string_append_printf (out, "%s (%s)", clean_text, url);
}

static const struct { const char *name; const char *text; } entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "shy", "" }, { "ndash", "–" }, { "mdash", "—" }, { "hellip", "…" },
  { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" }, { "laquo", "«" },
  { "raquo", "»" }, { "bull", "•" }, { "middot", "·" }, { "copy", "©" }, { "reg", "®" },
  { "trade", "™" }, { "euro", "€" }, { "deg", "°" }, { "times", "×" }, { "auml", "ä" },
  { "ouml", "ö" }, { "uuml", "ü" }, { "Auml", "Ä" }, { "Ouml", "Ö" }, { "Uuml", "Ü" },
  { "szlig", "ß" }, { "eacute", "é" }, { "egrave", "è" }, { "aacute", "á" }, { "agrave", "à" },
  { "ccedil", "ç" }, { "ntilde", "ñ" }, { "oacute", "ó" }, { "iacute", "í" }, { "uacute", "ú" },
};

/* Decodes the entity at @p (just after '&'); returns the length used, or 0. */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  /* Entities are short: looking further would make a text full of
   * stray '&' quadratic. */
  const char *semi = memchr (p, ';', strnlen (p, 11));
  gsize len;

  if (semi == NULL || semi - p > 10 || semi == p)
    return 0;
  len = semi - p;

  if (p[0] == '#')
    {
      g_autofree char *digits = g_strndup (p + 1, len - 1);
      guint64 value;
      gboolean ok;

      if (digits[0] == 'x' || digits[0] == 'X')
        ok = g_ascii_string_to_unsigned (digits + 1, 16, 1, 0x10FFFF, &value, NULL);
      else
        ok = g_ascii_string_to_unsigned (digits, 10, 1, 0x10FFFF, &value, NULL);

      if (!ok || !g_unichar_validate ((gunichar) value) || value == 0)
        return 0;
      /* A reference to a control character ("&#13;") is no text to read:
       * HTML's white space (tab, line feed, form feed, carriage return)
       * counts as a space, the others as nothing.  A carriage return kept
       * would break lines where the text has none. */
      if (g_unichar_iscntrl ((gunichar) value))
        {
          if (value == '\t' || value == '\n' || value == '\f' || value == '\r')
            g_string_append_c (out, ' ');
          return len + 1;
        }
      g_string_append_unichar (out, value == 0xA0 ? ' ' : (gunichar) value);
      return len + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (strlen (entities[i].name) == len && strncmp (p, entities[i].name, len) == 0)
        {
          g_string_append (out, entities[i].text);
          return len + 1;
        }
    }

  return 0;
}

static gboolean
looks_like_html (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               g_regex_new ("</?(p|br|a|ul|ol|li|div|span|em|strong|b|i|h[1-6]"
                                            "|blockquote|code|pre|table|tr|td|img|hr)\\b[^>]*>",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, text, 0, NULL);
}

/* The value of attribute @name in the tag text @tag ("a href=\"...\""). */
static char *
tag_attribute (const char *tag,
               const char *name)
{
  static GRegex *href_regex, *alt_regex;
  GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) decoded = NULL;
  g_autofree char *raw = NULL;

  /* Compiled once: an abstract may hold many links. */
  if (g_once_init_enter (&href_regex))
    {
      alt_regex = g_regex_new ("\\balt\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
                               G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&href_regex,
                         g_regex_new ("\\bhref\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
    }
  regex = g_str_equal (name, "href") ? href_regex : alt_regex;

  if (!g_regex_match (regex, tag, 0, &match))
    return NULL;

  for (int group = 2; group <= 4 && (raw == NULL || raw[0] == '\0'); group++)
    {
      g_free (raw);
      raw = g_match_info_fetch (match, group);
    }

  decoded = g_string_new (NULL);
  for (const char *p = raw; *p != '\0'; p++)
    {
      gsize used = *p == '&' ? decode_entity (p + 1, decoded) : 0;

      if (used > 0)
        p += used;
      else
        g_string_append_c (decoded, *p);
    }

  return g_strstrip (g_string_free (g_steal_pointer (&decoded), FALSE));
}

static void
append_break (GString *out,
              guint    newlines)
{
  guint have = 0;

  /* Trailing spaces before a break mean nothing. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  /* Whether there are @newlines already is all that matters: counting
   * every one would make blank lines between Markdown rules quadratic. */
  for (gsize i = out->len; i > 0 && have < newlines && out->str[i - 1] == '\n'; i--)
    have++;

  if (out->len == 0)
    return;

  for (; have < newlines; have++)
    g_string_append_c (out, '\n');
}

static char *
html_to_plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *href = NULL;
  gsize link_start = 0;
  guint skip_depth = 0;
  const char *p = text;
  gsize run;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          g_autofree char *tag = NULL;
          char name[12];
          gboolean closing;
          const char *q;
          gsize n = 0;

          if (close == NULL)
            break;

          if (g_str_has_prefix (p, "<!--"))
            {
              const char *end = strstr (p, "-->");
              p = end != NULL ? end + 3 : p + strlen (p);
              continue;
            }

          closing = p[1] == '/';
          q = p + (closing ? 2 : 1);
          /* The name, lower-cased; longer names are none we know. */
          for (; q + n < close && g_ascii_isalnum (q[n]) && n < sizeof name - 1; n++)
            name[n] = g_ascii_tolower (q[n]);
          name[g_ascii_isalnum (q[n]) ? 0 : n] = '\0';
          /* Only links and images need their attributes. */
          if (!closing && (g_str_equal (name, "a") || g_str_equal (name, "img")))
            tag = g_strndup (p + 1, close - p - 1);
          p = close + 1;

          /* Struck-out text too: what the organiser took back (see
           * dlg_text_without_unshown()). */
          if (g_str_equal (name, "script") || g_str_equal (name, "style") ||
              g_str_equal (name, "del") || g_str_equal (name, "s") ||
              g_str_equal (name, "strike"))
            {
              if (closing && skip_depth > 0)
                skip_depth--;
              else if (!closing)
                skip_depth++;
              continue;
            }
          if (skip_depth > 0)
            continue;

          if (g_str_equal (name, "br"))
            append_break (out, 1);
          else if (g_str_equal (name, "li") && !closing)
            {
              append_break (out, 1);
              g_string_append (out, "• ");
            }
          else if (g_str_equal (name, "p") || g_str_equal (name, "div") ||
                   g_str_equal (name, "ul") || g_str_equal (name, "ol") ||
                   g_str_equal (name, "blockquote") || g_str_equal (name, "pre") ||
                   g_str_equal (name, "table") || g_str_equal (name, "hr") ||
                   (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0'))
            append_break (out, 2);
          else if (g_str_equal (name, "tr") || g_str_equal (name, "li"))
            append_break (out, 1);
          else if (g_str_equal (name, "td") || g_str_equal (name, "th"))
            g_string_append_c (out, ' ');
          else if (g_str_equal (name, "a") && !closing)
            {
              g_clear_pointer (&href, g_free);
              href = tag_attribute (tag, "href");
              link_start = out->len;
            }
          else if (g_str_equal (name, "a") && closing && href != NULL)
            {
              g_autofree char *link_text = g_strdup (out->str + link_start);

              g_string_truncate (out, link_start);
              append_link (out, link_text, href);
              g_clear_pointer (&href, g_free);
            }
          else if (g_str_equal (name, "img") && !closing)
            {
              g_autofree char *alt = tag_attribute (tag, "alt");

              if (alt != NULL)
                g_string_append (out, alt);
            }
          continue;
        }

      if (skip_depth > 0)
        {
          p++;
          continue;
        }

      /* Most of an abstract is words and single spaces: a run of them is
       * copied in one pass, spaces collapsed as below. */
      run = strcspn (p, "<&\t\n\v\f\r");
      if (run > 0)
        {
          gsize len = out->len;
          char *to;

          g_string_set_size (out, len + run);
          to = out->str + len;
          for (const char *end = p + run; p < end; p++)
            if (*p != ' ' || (to > out->str && to[-1] != ' ' && to[-1] != '\n'))
              *to++ = *p;
          g_string_truncate (out, to - out->str);
          continue;
        }

      if (*p == '&')
        {
          gsize used = decode_entity (p + 1, out);

          if (used > 0)
            {
              p += used + 1;
              continue;
            }
        }

      /* HTML whitespace, line ends included, is one space. */
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
          continue;
        }

      g_string_append_c (out, *p++);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What \s matched in the regular expressions that the scanners below
 * replace (PCRE with Unicode properties), so that they read the same. */
static gboolean
is_pattern_space (gunichar c)
{
  return g_unichar_isspace (c) || c == '\v' || c == 0x85 || c == 0x180E;
}

/* What "." did not match there: a span or a heading ends at these. */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

static gunichar
char_before (const char *start,
             const char *p)
{
  return g_utf8_get_char (g_utf8_find_prev_char (start, p));
}

static const char *
trim_spaces_back (const char *start,
                  const char *end)
{
  while (end > start && is_pattern_space (char_before (start, end)))
    end = g_utf8_find_prev_char (start, end);

  return end;
}

/* The first @mark twice after a non-space, from @from on: the end of a
 * strong span.  A span stays within its line: when there is none, *@stop
 * is where the search gave up. */
static const char *
find_strong_close (const char  *line,
                   const char  *from,
                   char         mark,
                   const char **stop)
{
  const char *q;

  for (q = from; *q != '\0' && !is_line_break (g_utf8_get_char (q)); q = g_utf8_next_char (q))
    {
      if (q[0] == mark && q[1] == mark && !is_pattern_space (char_before (line, q)))
        return q;
    }

  *stop = q;
  return NULL;
}

/* "**strong**" and "__strong__" lose their marks.  A scanner rather than a
 * regular expression: that one searched the rest of the line again for
 * each mark left open, and a long line of "**a " took minutes. */
static char *
markdown_strip_strong (const char *line)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (line));
  /* A search that found no close also answers for each later mark of the
   * same kind before where it stopped: each is skipped, not searched. */
  const char *no_close_before[2] = { line, line };
  const char *p = line;

  while (*p != '\0')
    {
      gsize run = strcspn (p, "*_");
      guint kind;
      const char *close;

      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
          continue;
        }

      kind = *p == '*' ? 0 : 1;
      if (p[1] != p[0] || p < no_close_before[kind] || p[2] == '\0' ||
          is_pattern_space (g_utf8_get_char (p + 2)))
        {
          g_string_append_c (out, *p++);
          continue;
        }

      close = find_strong_close (line, g_utf8_next_char (p + 2), p[0], &no_close_before[kind]);
      if (close == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      g_string_append_len (out, p + 2, close - (p + 2));
      p = close + 2;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
markdown_inline (const char *line)
{
  static GRegex *link, *autolink, *image, *emphasis, *code;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gint last = 0;

  if (g_once_init_enter (&code))
    {
      image = g_regex_new ("!\\[([^\\]]*)\\]\\([^)]*\\)", G_REGEX_OPTIMIZE, 0, NULL);
      link = g_regex_new ("\\[([^\\]]*)\\]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)",
                          G_REGEX_OPTIMIZE, 0, NULL);
      autolink = g_regex_new ("<((?:https?://|mailto:)[^>\\s]+)>", G_REGEX_OPTIMIZE, 0, NULL);
      emphasis = g_regex_new ("(?<![\\w*])([*_])(?=\\S)([^*_]+?)(?<=\\S)\\1(?![\\w*])",
                              G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&code, g_regex_new ("`([^`]+)`", G_REGEX_OPTIMIZE, 0, NULL));
    }

  a = g_regex_replace (code, line, -1, 0, "\\1", 0, NULL);
  b = g_regex_replace (image, a, -1, 0, "\\1", 0, NULL);
  c = g_regex_replace (autolink, b, -1, 0, "\\1", 0, NULL);
  d = markdown_strip_strong (c);
  e = g_regex_replace (emphasis, d, -1, 0, "\\2", 0, NULL);

  /* Links last, through append_link, so unsafe schemes lose their URL. */
  out = g_string_new (NULL);
  g_regex_match (link, e, 0, &match);
  while (g_match_info_matches (match))
    {
      gint start, end;
      g_autofree char *text = g_match_info_fetch (match, 1);
      g_autofree char *url = g_match_info_fetch (match, 2);

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, e + last, start - last);
      append_link (out, text, url);
      last = end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, e + last);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
skip_spaces (const char *p,
             guint      max)
{
  for (guint n = 0; n < max && *p != '\0' && is_pattern_space (g_utf8_get_char (p)); n++)
    p = g_utf8_next_char (p);

  return p;
}

/* The text of an ATX heading ("## Title ##"), or NULL when @line is none.
 * Scanned rather than matched with a lazy regular expression, which tried
 * every end of a long run of '#' against the rest of the line. */
static char *
markdown_heading (const char *line)
{
  const char *p = skip_spaces (line, 3);
  const char *text, *end;
  guint level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || !is_pattern_space (g_utf8_get_char (p + level)))
    return NULL;

  text = skip_spaces (p + level, G_MAXUINT);
  /* Closing '#'s and the spaces around them are no part of the text. */
  end = trim_spaces_back (text, text + strlen (text));
  while (end > text && end[-1] == '#')
    end--;
  end = trim_spaces_back (text, end);

  for (const char *q = text; q < end; q = g_utf8_next_char (q))
    {
      if (is_line_break (g_utf8_get_char (q)))
        return NULL;
    }

  return g_strndup (text, end - text);
}

/* One line of Markdown, without its "\n", as plain text at the end of @out. */
static void
append_markdown_line (GString    *out,
                      const char *raw)
{
  static GRegex *bullet, *rule, *quote;
  g_autofree char *line = NULL;
  g_autofree char *inline_text = NULL;

  if (g_once_init_enter (&quote))
    {
      bullet = g_regex_new ("^(\\s*)[*+-]\\s+", G_REGEX_OPTIMIZE, 0, NULL);
      rule = g_regex_new ("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&quote, g_regex_new ("^\\s{0,3}>\\s?", G_REGEX_OPTIMIZE, 0,
                                                      NULL));
    }

  /* Nothing below changes a blank line: a text of many need not pay
   * for a pass of every expression over each. */
  if (raw[0] == '\0')
    {
      g_string_append_c (out, '\n');
      return;
    }

  if (g_regex_match (rule, raw, 0, NULL))
    {
      append_break (out, 2);
      return;
    }

  line = markdown_heading (raw);
  if (line != NULL)
    {
      g_autofree char *heading_text = markdown_inline (line);

      append_break (out, 2);
      g_string_append (out, heading_text);
      append_break (out, 2);
      return;
    }

  line = g_regex_replace (quote, raw, -1, 0, "", 0, NULL);
  {
    g_autofree char *bulleted = g_regex_replace (bullet, line, -1, 0, "\\1• ", 0, NULL);

    g_free (line);
    line = g_steal_pointer (&bulleted);
  }

  inline_text = markdown_inline (line);
  g_string_append (out, inline_text);
  g_string_append_c (out, '\n');
}

static char *
markdown_to_plain (const char *text)
{
  /* Split in place: g_strsplit() copies every line, and AddressSanitizer
   * checks each of its strstr() calls to the end of the text, which made
   * a text of many lines quadratic in the sanitizer build. */
  g_autofree char *lines = g_strdup (text);
  g_autoptr(GString) out = g_string_new (NULL);

  for (char *line = lines, *next; line != NULL; line = next)
    {
      char *newline = strchr (line, '\n');

      next = NULL;
      if (newline != NULL)
        {
          *newline = '\0';
          next = newline + 1;
        }
      append_markdown_line (out, line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "\r\n" and a lone "\r" become "\n", in place and in one pass:
 * g_string_replace() in GLib 2.74 moves the rest of the text at each one. */
static void
to_unix_line_ends (char *text)
{
  char *to = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        p++;
      *to++ = *p == '\r' ? '\n' : *p;
    }
  *to = '\0';
}

/* The length of the struck-out element's opening tag at @p ("<del>", "<s class=…>",
 * "<strike>"), 0 if it is none; its name in @name. */
static gsize
struck_tag (const char  *p,
            const char **name)
{
  static const char * const names[] = { "del", "strike", "s" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = strlen (names[i]);
      gsize n = len + 1;

      if (g_ascii_strncasecmp (p + 1, names[i], len) != 0 ||
          (p[n] != '>' && !g_ascii_isspace (p[n])))
        continue;
      /* Its attributes, if any, within a tag's length: "<s <s <s…" without a ">" is not
       * searched to its end at each "<". */
      while (p[n] != '>' && p[n] != '\0' && n < 256)
        n++;
      if (p[n] != '>')
        return 0;
      *name = names[i];
      return n + 1;
    }
  return 0;
}

/* The end of the element @name whose content starts at @p: after its closing tag, nested
 * ones of its name counted; the text's end when it is left open, as a browser strikes the
 * rest out. */
static const char *
struck_end (const char *p,
            const char *name)
{
  gsize len = strlen (name);
  guint depth = 1;

  for (; (p = strchr (p, '<')) != NULL; p++)
    {
      const char *other;

      if (p[1] == '/' && g_ascii_strncasecmp (p + 2, name, len) == 0 && p[len + 2] == '>')
        {
          if (--depth == 0)
            return p + len + 3;
        }
      else if (struck_tag (p, &other) > 0 && other == name)
        depth++;
    }
  return NULL;
}

/* Markdown renderers, pretalx's among them, pass a comment on to HTML, where no reader sees
 * it: an organiser's note to self there was shown to every delegate (in an abstract, only
 * when it held no HTML tag).  Text struck out ("Venue: <del>Aula Hotel Aston</del> Sumba Suka
 * Paradise") is what the organiser took back: shown as plain text it read as current, and
 * sent delegates to the old venue. */
char *
dlg_text_without_unshown (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;
  const char *open;

  while ((open = strchr (p, '<')) != NULL)
    {
      const char *name = NULL;
      const char *end;
      gsize tag;

      g_string_append_len (out, p, open - p);
      if (g_str_has_prefix (open, "<!--"))
        {
          end = strstr (open + 4, "-->");
          if (end != NULL)
            end += 3;
        }
      else if ((tag = struck_tag (open, &name)) > 0)
        end = struck_end (open + tag, name);
      else
        {
          g_string_append_c (out, '<');
          p = open + 1;
          continue;
        }
      if (end == NULL)
        return g_string_free (out, FALSE);
      /* "Venue: <del>old</del> new" reads "Venue: new", with one space. */
      if (*end == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        end++;
      p = end;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
dlg_text_to_plain (const char *text)
{
  g_autofree char *unix_text = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GString) out = NULL;
  guint blank = 0;

  if (text == NULL)
    return NULL;

  if (strchr (text, '\r') != NULL)
    {
      unix_text = g_strdup (text);
      to_unix_line_ends (unix_text);
      text = unix_text;
    }

  if (looks_like_html (text))
    plain = html_to_plain (text);
  else if (strchr (text, '<') != NULL)
    {
      g_autofree char *shown = dlg_text_without_unshown (text);

      plain = markdown_to_plain (shown);
    }
  else
    plain = markdown_to_plain (text);

  /* Trim each line's end, drop blank lines, and keep at most one blank
   * line between paragraphs. */
  out = g_string_sized_new (strlen (plain));
  for (const char *line = plain; line != NULL; )
    {
      const char *newline = strchr (line, '\n');
      const char *end = newline != NULL ? newline : line + strlen (line);
      const char *first = line;

      while (end > line && g_ascii_isspace (end[-1]))
        end--;
      while (first < end && *first == ' ')
        first++;

      if (first == end)
        blank++;
      else
        {
          if (out->len > 0)
            g_string_append (out, blank > 0 ? "\n\n" : "\n");
          blank = 0;
          g_string_append_len (out, line, end - line);
        }
      line = newline != NULL ? newline + 1 : NULL;
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
