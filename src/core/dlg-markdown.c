/* dlg-markdown.c: the safe Markdown subset of best-practice bodies
 *
 * One pass over the lines for blocks, one over each block for spans.
 * Where each closing delimiter is (or that there is none) is remembered
 * per delimiter, and the parentheses of link targets are paired and the
 * autolinks found once per block, so unbalanced emphasis, brackets,
 * parentheses or angle brackets in a huge line stay linear, and nesting
 * is limited, so no input can recurse deeply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-markdown"

#include "config.h"

#include <string.h>

#include "dlg-markdown.h"

#define MAX_DEPTH 4

enum {
  MISS_STAR1,
  MISS_STAR2,
  MISS_STAR3,
  MISS_UNDER1,
  MISS_UNDER2,
  MISS_UNDER3,
  MISS_BACKTICK,
  MISS_BRACKET,
  /* A link's target: its address, the white space after it, a title in quotes, the
   * closing quote, what comes after that (each kind of quote apart). */
  MISS_ADDRESS,
  MISS_ADDRESS_END,
  MISS_TITLE,
  MISS_QUOTE,
  MISS_APOSTROPHE,
  MISS_AFTER_QUOTE,
  MISS_AFTER_APOSTROPHE,
  N_MISSES
};

static void
dlg_md_span_free (DlgMdSpan *span)
{
  g_free (span->text);
  g_free (span->url);
  g_free (span);
}

void
dlg_md_block_free (DlgMdBlock *block)
{
  if (block == NULL)
    return;

  g_clear_pointer (&block->spans, g_ptr_array_unref);
  g_free (block);
}

gboolean
dlg_markdown_url_is_safe (const char *url)
{
  if (url == NULL || url[0] == '\0')
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
      return FALSE;

  if (!g_utf8_validate (url, -1, NULL))
    return FALSE;

  if (g_ascii_strncasecmp (url, "mailto:", 7) == 0)
    /* An address, no more: "?attach=/home/…/.ssh/id_rsa", "&bcc=", "," (more recipients) and
     * escapes of them ("%3F") would have the mail program attach files or copy strangers. */
    return url[7] != '\0' && strpbrk (url + 7, "?&,;%") == NULL;

  return (g_ascii_strncasecmp (url, "https://", 8) == 0 && url[8] != '\0') ||
         (g_ascii_strncasecmp (url, "http://", 7) == 0 && url[7] != '\0');
}

/* Whether a link's @text already says where it goes ("https://…", or the address of a
 * "mailto:"), so that paper needs no more. */
static gboolean
link_says_target (const char *text,
                  const char *url)
{
  return g_str_equal (text, url)
         || (g_ascii_strncasecmp (url, "mailto:", strlen ("mailto:")) == 0 &&
             g_str_equal (text, url + strlen ("mailto:")));
}

char *
dlg_md_link_address (const DlgMdBlock *block,
                     guint             i)
{
  const DlgMdSpan *span = g_ptr_array_index (block->spans, i);
  const DlgMdSpan *next = i + 1 < block->spans->len ? g_ptr_array_index (block->spans, i + 1)
                                                    : NULL;
  g_autoptr(GString) text = NULL;
  guint first = i;

  /* Only at a link's last span: each link's spans are read once. */
  if (span->url == NULL || (next != NULL && g_strcmp0 (next->url, span->url) == 0))
    return NULL;
  while (first > 0 &&
         g_strcmp0 (((const DlgMdSpan *) g_ptr_array_index (block->spans, first - 1))->url,
                    span->url) == 0)
    first--;
  text = g_string_new (NULL);
  for (guint k = first; k <= i; k++)
    g_string_append (text, ((const DlgMdSpan *) g_ptr_array_index (block->spans, k))->text);
  if (link_says_target (text->str, span->url))
    return NULL;
  /* As a link that may not open shows its target (parse_inline). */
  return g_strdup_printf (" (%s)", span->url);
}

/* --- spans --------------------------------------------------------------- */

typedef struct
{
  const char *s;
  gsize       len;
  GPtrArray  *spans;
  gssize     *closing;  /* of each "(" in s, the ")" that closes it, or -1; made when needed */
  gsize      *open;     /* at each byte of s, how many "(" before it are not closed yet; made
                         * with closing */
  gssize     *autolink; /* at each byte of an autolink ("<" to ">"), where its ">" is, else
                         * -1; made when needed */
} Inline;

static void
flush (Inline     *in,
       GString    *buf,
       DlgMdStyle  style,
       const char *url)
{
  DlgMdSpan *span;

  if (buf->len == 0)
    return;

  span = g_new0 (DlgMdSpan, 1);
  span->text = g_strndup (buf->str, buf->len);
  span->style = style;
  span->url = g_strdup (url);
  g_ptr_array_add (in->spans, span);
  g_string_truncate (buf, 0);
}

/* Whether @len bytes at @s are a mail address as CommonMark's email autolink reads one, and
 * no more: [a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+ then "@" then labels of letters, digits and
 * "-" (1 to 63 of them, not starting or ending with "-") parted by ".". */
static gboolean
is_mail_address (const char *s,
                 gsize       len)
{
  gsize at = 0;
  gsize label = 0;

  while (at < len && s[at] != '\0' &&
         (g_ascii_isalnum (s[at]) || strchr (".!#$%&'*+/=?^_`{|}~-", s[at]) != NULL))
    at++;
  if (at == 0 || at >= len || s[at] != '@')
    return FALSE;
  for (gsize k = at + 1; k <= len; k++)
    {
      if (k == len || s[k] == '.')
        {
          if (label == 0 || label > 63 || s[k - 1] == '-')
            return FALSE;
          label = 0;
        }
      else if (g_ascii_isalnum (s[k]) || (s[k] == '-' && label > 0))
        label++;
      else
        return FALSE;
    }
  return TRUE;
}

/* Where an autolink of @len bytes at @s ("<…>" without its brackets) goes: the address
 * itself when it is an http, https or mailto one, "mailto:" and the address when it is a
 * mail address ("<a@b.id>", as CommonMark reads it); NULL for anything else ("<b>",
 * "<ftp://…>") and for an address that may not open (dlg_markdown_url_is_safe()). */
static char *
autolink_url (const char *s,
              gsize       len)
{
  g_autofree char *url = NULL;

  /* Only a short run is worth a copy. */
  if (len == 0 || len > 2048)
    return NULL;
  if (is_mail_address (s, len))
    {
      /* A "#" would end the address for the mail program (what follows is a fragment): the
       * mail would go to someone other than the address shown. */
      if (memchr (s, '#', len) != NULL)
        return NULL;
      url = g_strdup_printf ("mailto:%.*s", (int) len, s);
    }
  else
    url = g_strndup (s, len);
  return dlg_markdown_url_is_safe (url) ? g_steal_pointer (&url) : NULL;
}

/* Where the autolink that holds byte @k of the block ends (its ">"), or -1.  Every autolink
 * is found at once, left to right, one with an escaped "<" ("\<") none: as an address
 * holds no "<" and no white space, what is read from one "<" ends before the next, and the
 * whole block is read once. */
static gssize
autolink_close (Inline *in,
                gsize   k)
{
  if (in->autolink == NULL)
    {
      const char *s = in->s;
      gsize m = 0;

      in->autolink = g_new (gssize, MAX (in->len, 1));
      for (gsize a = 0; a < in->len; a++)
        in->autolink[a] = -1;
      while (m < in->len)
        {
          gsize close = m + 1;

          if (s[m] == '\\' && m + 1 < in->len && g_ascii_ispunct (s[m + 1]))
            {
              m += 2;
              continue;
            }
          if (s[m] != '<')
            {
              m++;
              continue;
            }
          while (close < in->len && s[close] != '>' && s[close] != '<' &&
                 (guchar) s[close] > ' ')
            close++;
          if (close < in->len && s[close] == '>')
            {
              g_autofree char *url = autolink_url (s + m + 1, close - m - 1);

              if (url != NULL)
                for (gsize a = m; a <= close; a++)
                  in->autolink[a] = close;
            }
          m = close;
        }
    }
  return in->autolink[k];
}

/* The position of @needle (1 to 3 bytes) in [from, end), or -1.  An emphasis delimiter
 * (@delimiter) is never one inside an autolink that ends before @end: the address is read
 * whole before any emphasis, as CommonMark reads it, so "_<https://x.id/Kupang_(kota)>_"
 * is the link in italics, not italics cut at the address's "_". */
static gssize
find (Inline     *in,
      gsize       from,
      gsize       end,
      const char *needle,
      gboolean    delimiter)
{
  const char *s = in->s;
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= end; i++)
    {
      /* Entered at its "<", or where the search starts: one whose "<" was in code skipped
       * whole ("`<``@d>*`", where "<``@d>" is no autolink) is no autolink. */
      gssize close = delimiter && (i == from || s[i] == '<') ? autolink_close (in, i) : -1;

      if (close >= 0 && (gsize) close < end)
        {
          i = close;
          continue;
        }
      /* An escaped one ("\\*", "\\]") is text: it closes nothing, as in CommonMark.  (In
       * code a backslash is text: "`a\\`" ends at its second "`".) */
      if (needle[0] != '`' && s[i] == '\\' && i + 1 < end && g_ascii_ispunct (s[i + 1]))
        {
          i++;
          continue;
        }
      /* Nor does a delimiter in code ("*use `*` for bold*"): a code span is read whole, as
       * parse_inline() reads it, from a "`" to the next one. */
      if (delimiter && s[i] == '`')
        {
          const char *tick = memchr (s + i + 1, '`', end - i - 1);

          if (tick != NULL && tick > s + i + 1)
            i = tick - s;
          continue;
        }
      if (memcmp (s + i, needle, n) == 0)
        return i;
    }
  return -1;
}

/* What seek() looks for. */
typedef enum
{
  SEEK_SPACE,       /* white space */
  SEEK_TEXT,        /* anything but white space */
  SEEK_QUOTE,       /* a '"' no backslash escapes */
  SEEK_APOSTROPHE,  /* a "'" no backslash escapes */
} Seek;

/* Where the next byte in [from, end) is that @what looks for, or -1. */
static gssize
seek (const char *s,
      gsize       from,
      gsize       end,
      Seek        what)
{
  for (gsize i = from; i < end; i++)
    {
      switch (what)
        {
        case SEEK_SPACE:
          if (g_ascii_isspace (s[i]))
            return i;
          break;
        case SEEK_TEXT:
          if (!g_ascii_isspace (s[i]))
            return i;
          break;
        case SEEK_QUOTE:
        case SEEK_APOSTROPHE:
        default:
          if (s[i] == '\\' && i + 1 < end && g_ascii_ispunct (s[i + 1]))
            i++;
          else if (s[i] == (what == SEEK_QUOTE ? '"' : '\''))
            return i;
          break;
        }
    }
  return -1;
}

/* find() and seek(), remembering the answer in @cache (-2 before any): the first match at
 * or after an earlier start is still the first one after a later start before it, so each
 * cache serves starts that only move on. */
static gssize
find_cached (Inline     *in,
             gssize     *cache,
             gsize       from,
             gsize       end,
             const char *needle,
             gboolean    delimiter)
{
  if (*cache == -1 || (*cache >= 0 && (gsize) *cache >= from))
    return *cache;
  *cache = find (in, from, end, needle, delimiter);
  return *cache;
}

static gssize
seek_cached (Inline *in,
             gssize *cache,
             gsize   from,
             gsize   end,
             Seek    what)
{
  if (*cache == -1 || (*cache >= 0 && (gsize) *cache >= from))
    return *cache;
  *cache = seek (in->s, from, end, what);
  return *cache;
}

/* A link that may not open is its text and then its target, as text: "Pemkot
 * (www.kupangkota.go.id)", "berkas (file:///…)".  What was written stays to be read
 * (and copied), never to be followed.  The spans since @first are the link's text. */
static void
append_target (GString    *buf,
               GPtrArray  *spans,
               guint       first,
               const char *target)
{
  g_autoptr(GString) shown = g_string_new (NULL);

  for (guint k = first; k < spans->len; k++)
    g_string_append (shown, ((const DlgMdSpan *) g_ptr_array_index (spans, k))->text);
  if (shown->len == 0)
    g_string_append (buf, target);
  else if (!g_str_equal (shown->str, target))
    g_string_append_printf (buf, " (%s)", target);
}

/* Where the "(" at @open closes: the ")" after it where as many unescaped "(" as ")" lie
 * between, as CommonMark reads a link's target ("…/Kupang_(kota)"), or -1.  Every pair in
 * the block is matched at once, with a stack: a parenthesis's match depends only on the
 * text after it, so one pass serves every link and every part of the block, and a flood
 * of "[a](((" stays linear. */
static gssize
closing_paren (Inline *in,
               gsize   open)
{
  if (in->closing == NULL)
    {
      g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (gsize));

      in->closing = g_new (gssize, MAX (in->len, 1));
      in->open = g_new (gsize, MAX (in->len, 1));
      for (gsize k = 0; k < in->len; k++)
        {
          in->closing[k] = -1;
          in->open[k] = opened->len;
          if (in->s[k] == '\\' && k + 1 < in->len && g_ascii_ispunct (in->s[k + 1]))
            {
              k++;
              in->closing[k] = -1;
              in->open[k] = opened->len;
            }
          else if (in->s[k] == '(')
            g_array_append_val (opened, k);
          else if (in->s[k] == ')' && opened->len > 0)
            {
              in->closing[g_array_index (opened, gsize, opened->len - 1)] = k;
              g_array_set_size (opened, opened->len - 1);
            }
        }
    }
  return in->closing[open];
}

/* Where the link whose target opens at @open (the "(" after its "]") ends: after a title in
 * quotes, at the ")" after that title whatever parentheses it holds ("Official (site",
 * "a)b"), as CommonMark reads it; else at the ")" that closes @open, or -1 (none before
 * @end too).  The address before a title holds balanced parentheses and no white space.
 * Every step seeks with a cache of its own in @next, the starts only moving on from one
 * link to the next, so that a flood of "[a](x \"" stays linear. */
static gssize
link_close (Inline *in,
            gsize   open,
            gsize   end,
            gssize *next)
{
  const char *s = in->s;
  gssize paren = closing_paren (in, open);
  gssize address, space, title, quote, close;
  gboolean apostrophe;

  address = seek_cached (in, &next[MISS_ADDRESS], open + 1, end, SEEK_TEXT);
  if (address < 0)
    return paren;
  space = seek_cached (in, &next[MISS_ADDRESS_END], address, end, SEEK_SPACE);
  if (space < 0 || (paren >= 0 && paren < space) || in->open[space] != in->open[address])
    return paren;
  title = seek_cached (in, &next[MISS_TITLE], space, end, SEEK_TEXT);
  if (title < 0 || (s[title] != '"' && s[title] != '\''))
    return paren;
  apostrophe = s[title] == '\'';
  quote = seek_cached (in, &next[apostrophe ? MISS_APOSTROPHE : MISS_QUOTE], title + 1, end,
                       apostrophe ? SEEK_APOSTROPHE : SEEK_QUOTE);
  if (quote < 0)
    return paren;
  close = seek_cached (in, &next[apostrophe ? MISS_AFTER_APOSTROPHE : MISS_AFTER_QUOTE],
                       quote + 1, end, SEEK_TEXT);
  if (close < 0 || s[close] != ')')
    return paren;
  return close;
}

/* How much of a link's target (@len bytes at @s, without spaces around it) is its address:
 * all of it, or what comes before a title, which is set apart by white space and quoted in
 * double or single quotes, those inside it escaped ("https://x.id "Official site"").  As
 * CommonMark reads it, the address ends at the first white space. */
static gsize
without_title (const char *s,
               gsize       len)
{
  char quote = len > 0 ? s[len - 1] : '\0';
  gsize address = 0;
  gsize open;

  if (quote != '"' && quote != '\'')
    return len;
  while (address < len && !g_ascii_isspace (s[address]))
    address++;
  for (open = address; open < len && g_ascii_isspace (s[open]); open++)
    ;
  if (address == 0 || open >= len - 1 || s[open] != quote)
    return len;
  for (gsize k = open + 1; k < len - 1; k++)
    {
      if (s[k] == '\\' && g_ascii_ispunct (s[k + 1]))
        {
          /* An escaped last quote closes nothing. */
          if (k + 1 == len - 1)
            return len;
          k++;
        }
      else if (s[k] == quote)
        return len;
    }
  return address;
}

/* A link's target as written between its parentheses: without the spaces around it,
 * backslash escapes ("\)") read as what they escape.  A title after the address is
 * dropped: paper has nowhere to show one, and the case page, which could as a tooltip,
 * keeps to the link's text, as everywhere else the link is read. */
static char *
link_target (const char *s,
             gsize       len)
{
  GString *target = g_string_sized_new (len);

  while (len > 0 && g_ascii_isspace (*s))
    {
      s++;
      len--;
    }
  while (len > 0 && g_ascii_isspace (s[len - 1]))
    len--;
  len = without_title (s, len);
  for (gsize k = 0; k < len; k++)
    {
      if (s[k] == '\\' && k + 1 < len && g_ascii_ispunct (s[k + 1]))
        k++;
      g_string_append_c (target, s[k]);
    }
  return g_string_free (target, FALSE);
}

static void parse_inline (Inline     *in,
                          gsize       start,
                          gsize       end,
                          DlgMdStyle  style,
                          const char *url,
                          guint       depth);

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* How many single @c in [from, to) could open or close emphasis: not escaped, not beside
 * another @c that is not escaped either ("\\**" is one), not in code ("**`*`*i***": the
 * "*" in code is no italics still open, as find() reads it). */
static guint
lone_delimiters (const char *s,
                 gsize       from,
                 gsize       to,
                 char        c)
{
  guint n = 0;

  for (gsize p = from; p < to; p++)
    {
      const char *tick;

      if (s[p] == '\\')
        p++;
      else if (s[p] == '`' && (tick = memchr (s + p + 1, '`', to - p - 1)) != NULL &&
               tick > s + p + 1)
        p = tick - s;
      else if (s[p] == c)
        {
          gsize run = p;

          while (run < to && s[run] == c)
            run++;
          n += run - p == 1;
          p = run - 1;
        }
    }
  return n;
}

/* A run of three at @i that no run of three closes, read as CommonMark reads it: "***a**
 * b*" italics around bold, "***a* b**" bold around italics.  Returns where the outer
 * emphasis's closing mark starts, or -1; @bold_inside says which of the two it is.
 * @first: the cache of single marks; @none_after: from where on no single mark is left,
 * so that a flood of such runs stays linear. */
static gssize
split_run_of_three (Inline   *in,
                    gssize   *first,
                    gsize    *none_after,
                    gsize     i,
                    gsize     end,
                    gboolean *bold_inside)
{
  const char *s = in->s;
  char c = s[i];
  gssize p = find_cached (in, first, i + 3, end, c == '*' ? "*" : "_", TRUE);
  gsize run = 0;
  gssize q;

  if (p < 0 || is_space (s[p - 1]))
    return -1;
  while ((gsize) p + run < end && s[p + run] == c && run < 3)
    run++;
  if (run == 3 || (gsize) p + run >= end || (gsize) p + run >= *none_after)
    return -1;
  /* The outer closer: a single mark after "**", a "**" after a single one. */
  q = find (in, p + run, end, run == 2 ? (c == '*' ? "*" : "_") : (c == '*' ? "**" : "__"),
            TRUE);
  if (q < 0)
    {
      if (run == 2)
        *none_after = p + run;
      return -1;
    }
  if (is_space (s[q - 1]))
    return -1;
  *bold_inside = run == 2;
  return q;
}

static void
parse_inline (Inline     *in,
              gsize       start,
              gsize       end,
              DlgMdStyle  style,
              const char *url,
              guint       depth)
{
  const char *s = in->s;
  gssize next[N_MISSES];
  g_autoptr(GString) buf = g_string_new (NULL);
  gsize i = start;
  /* From where on split_run_of_three() found no closer: none after a later start either. */
  gsize none_after = G_MAXSIZE;

  for (guint m = 0; m < N_MISSES; m++)
    next[m] = -2;

  while (i < end)
    {
      char c = s[i];

      if (c == '\\' && i + 1 < end && g_ascii_ispunct (s[i + 1]))
        {
          g_string_append_c (buf, s[i + 1]);
          i += 2;
          continue;
        }

      if (c == '`')
        {
          gssize j = find_cached (in, &next[MISS_BACKTICK], i + 1, end, "`", FALSE);

          if (j > 0 && (gsize) j > i + 1)
            {
              flush (in, buf, style, url);
              g_string_append_len (buf, s + i + 1, j - i - 1);
              flush (in, buf, style | DLG_MD_STYLE_CODE, url);
              i = j + 1;
              continue;
            }
        }

      /* Bold italics, "***Penting***", as Markdown's guides teach them: a run of three
       * closed by a run of three. */
      if ((c == '*' || c == '_') && depth < MAX_DEPTH && i + 3 < end &&
          s[i + 1] == c && s[i + 2] == c && s[i + 3] != c && !is_space (s[i + 3]) &&
          !(c == '_' && i > start && g_ascii_isalnum (s[i - 1])))
        {
          gssize j = find_cached (in, &next[c == '*' ? MISS_STAR3 : MISS_UNDER3], i + 3, end,
                                  c == '*' ? "***" : "___", TRUE);
          gboolean bold_inside = FALSE;

          if (j > 0 && (gsize) j > i + 3 && !is_space (s[j - 1]) &&
              !((gsize) j + 3 < end && s[j + 3] == c))
            {
              flush (in, buf, style, url);
              parse_inline (in, i + 3, j, style | DLG_MD_STYLE_STRONG | DLG_MD_STYLE_EMPH, url,
                            depth + 1);
              i = j + 3;
              continue;
            }
          j = split_run_of_three (in, &next[c == '*' ? MISS_STAR1 : MISS_UNDER1], &none_after,
                                  i, end, &bold_inside);
          if (j > 0)
            {
              /* Closed "**" first, "***a** b*": italics outside, bold inside; closed "*"
               * first, "***a* b**": the other way round. */
              gsize k = bold_inside ? 1 : 2;

              flush (in, buf, style, url);
              parse_inline (in, i + k, j,
                            style | (bold_inside ? DLG_MD_STYLE_EMPH : DLG_MD_STYLE_STRONG),
                            url, depth + 1);
              i = j + k;
              continue;
            }
        }

      if ((c == '*' || c == '_') && depth < MAX_DEPTH)
        {
          gboolean twice = i + 1 < end && s[i + 1] == c;
          gsize k = twice ? 2 : 1;
          int miss = c == '*' ? (twice ? MISS_STAR2 : MISS_STAR1)
                              : (twice ? MISS_UNDER2 : MISS_UNDER1);
          const char *needle = c == '*' ? (twice ? "**" : "*") : (twice ? "__" : "_");
          /* snake_case is not emphasis; "* " is not an opener. */
          gboolean can_open = i + k < end && !is_space (s[i + k]) &&
                              !(c == '_' && i > start && g_ascii_isalnum (s[i - 1]));

          if (can_open)
            {
              gssize j = find_cached (in, &next[miss], i + k, end, needle, TRUE);

              /* "**a *b***": the run of three closes the "*" inside first, then the bold,
               * as CommonMark reads it, when an italics is open inside. */
              if (j > 0 && twice && (gsize) j + 2 < end && s[j + 2] == c &&
                  !((gsize) j + 3 < end && s[j + 3] == c) &&
                  lone_delimiters (s, i + k, j, c) % 2 == 1)
                j++;
              if (j > 0 && (gsize) j > i + k && !is_space (s[j - 1]))
                {
                  flush (in, buf, style, url);
                  parse_inline (in, i + k, j, style | (twice ? DLG_MD_STYLE_STRONG
                                                             : DLG_MD_STYLE_EMPH),
                                url, depth + 1);
                  i = j + k;
                  continue;
                }
            }
          g_string_append_len (buf, s + i, k);
          i += k;
          continue;
        }

      if (c == '[' && url == NULL && depth < MAX_DEPTH)
        {
          gssize close = find_cached (in, &next[MISS_BRACKET], i + 1, end, "]", FALSE);

          if (close > 0 && (gsize) close + 1 < end && s[close + 1] == '(')
            {
              gssize paren = link_close (in, close + 1, end, next);

              if (paren > 0 && (gsize) paren < end)
                {
                  g_autofree char *target = link_target (s + close + 2, paren - close - 2);
                  gboolean safe = dlg_markdown_url_is_safe (target);
                  guint first;

                  flush (in, buf, style, url);
                  first = in->spans->len;
                  if (close > (gssize) i + 1)
                    parse_inline (in, i + 1, close, style, safe ? target : NULL, depth + 1);
                  if (safe && in->spans->len == first)
                    {
                      /* [](url): the address is its own text. */
                      g_string_append (buf, target);
                      flush (in, buf, style, target);
                    }
                  else if (!safe && target[0] != '\0')
                    {
                      append_target (buf, in->spans, first, target);
                      flush (in, buf, style, NULL);
                    }
                  i = paren + 1;
                  continue;
                }
            }
        }

      /* An autolink, "<https://…>", "<mailto:…>" or "<a@b.id>", is a link to its address;
       * any other "<…>" ("<b>", "<ftp://…>", "<javascript:…>") stays the text it is. */
      if (c == '<' && url == NULL)
        {
          gssize close = autolink_close (in, i);
          g_autofree char *target = NULL;

          if (close > 0 && (gsize) close < end &&
              (target = autolink_url (s + i + 1, close - i - 1)) != NULL)
            {
              /* A mail address reads as itself: "mailto:" is for the program that opens
               * it, noise to a reader and on paper, where the link's text is all there
               * is (as "[a@b.id](mailto:a@b.id)" reads). */
              gsize skip = g_ascii_strncasecmp (target, "mailto:", 7) == 0 ? 7 : 0;

              flush (in, buf, style, url);
              g_string_append (buf, target + skip);
              flush (in, buf, style, target);
              i = close + 1;
              continue;
            }
        }

      g_string_append_c (buf, c);
      i++;
    }

  flush (in, buf, style, url);
}

/* --- blocks -------------------------------------------------------------- */

/* Whether @spans show anything: white space and line breaks alone do not. */
static gboolean
shows_text (GPtrArray *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (spans, i);

      if (span->text[strspn (span->text, " \t\n")] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Whether @block had any text: one without is left out, as is one of white space alone
 * ("- [\n]()", a line break in a link that goes nowhere: an empty bullet). */
static gboolean
finish_block (GPtrArray  *blocks,
              DlgMdBlock *block,
              GString    *text)
{
  Inline in;

  if (block == NULL)
    return FALSE;

  in.s = text->str;
  in.len = text->len;
  in.spans = block->spans;
  in.closing = NULL;
  in.open = NULL;
  in.autolink = NULL;
  parse_inline (&in, 0, text->len, DLG_MD_STYLE_NONE, NULL, 0);
  g_free (in.closing);
  g_free (in.open);
  g_free (in.autolink);
  g_string_truncate (text, 0);

  if (!shows_text (block->spans))
    {
      dlg_md_block_free (block);
      return FALSE;
    }
  g_ptr_array_add (blocks, block);
  return TRUE;
}

static DlgMdBlock *
new_block (DlgMdBlockKind kind)
{
  DlgMdBlock *block = g_new0 (DlgMdBlock, 1);

  block->kind = kind;
  block->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_md_span_free);
  return block;
}

static gboolean
is_rule (const char *t)
{
  guint n = 0;
  char mark = t[0];

  if (mark != '-' && mark != '*' && mark != '_')
    return FALSE;
  for (; *t != '\0'; t++)
    {
      if (*t == mark)
        n++;
      else if (!is_space (*t))
        return FALSE;
    }
  return n >= 3;
}

/* Strips the markers of a block quote ("> ", "> > " for a nested one;
 * @t has no leading spaces) and says whether there were any.  @base is
 * where the quote's own lines start, past the last marker and the one
 * space after it: a list's indent counts from there. */
static gboolean
strip_quote (char **t,
             char **base)
{
  char *p = *t;

  if (*p != '>')
    return FALSE;
  while (*p == '>')
    {
      p++;
      if (*p == ' ')
        p++;
      while (*p == ' ' && p[1] == '>')
        p++;
    }
  *base = p;
  while (*p == ' ')
    p++;
  *t = p;
  return TRUE;
}

/* The column @len bytes of a line's indent reach: a tab moves to the
 * next multiple of 4, as in CommonMark. */
static guint
column (const char *line,
        gsize       len)
{
  guint col = 0;

  for (gsize k = 0; k < len; k++)
    col = line[k] == '\t' ? (col / 4 + 1) * 4 : col + 1;
  return col;
}

/* The list items a new item may nest in, as the columns their text starts at: an item
 * whose marker is indented at least to the text of an item above it is nested in that
 * item, as CommonMark reads it (roughly: every indented line here is text, never code). */
typedef struct
{
  guint    text[DLG_MD_LIST_DEPTH_MAX + 1];
  guint    n;
  gboolean quote;  /* whether the items are quoted: none nests across a quote's edge */
} Lists;

/* A block indented to @indent ends the items whose text starts further right. */
static void
lists_end (Lists    *lists,
           guint     indent,
           gboolean  quote)
{
  if (quote != lists->quote)
    lists->n = 0;
  lists->quote = quote;
  while (lists->n > 0 && lists->text[lists->n - 1] > indent)
    lists->n--;
}

/* The depth of an item whose marker is at @indent and @width wide, followed by
 * @spaces spaces; it is then open to nest in. */
static guint
lists_add (Lists    *lists,
           guint     indent,
           guint     width,
           guint     spaces,
           gboolean  quote)
{
  guint depth, text;

  lists_end (lists, indent, quote);
  depth = MIN (lists->n, DLG_MD_LIST_DEPTH_MAX);
  /* Five spaces or more after the marker: the text starts after one (CommonMark). */
  text = indent + width + (spaces > 4 ? 1 : spaces);
  /* An item deeper than the deepest is read beside the one there: a paragraph indented to
   * the text of either is at that depth, not one above it. */
  if (lists->n > DLG_MD_LIST_DEPTH_MAX)
    text = MIN (text, lists->text[depth]);
  lists->text[depth] = text;
  lists->n = depth + 1;
  return depth;
}

/* Whether @text ends with a backslash that no other one escapes. */
static gboolean
ends_with_break_mark (const GString *text)
{
  gsize n = 0;

  while (n < text->len && text->str[text->len - 1 - n] == '\\')
    n++;
  return n % 2 == 1;
}

/* Finishes @block.  An item that is nothing ("- []()") is left out, and no items nest
 * in it: the ones under it move up one, none more than one deeper than the item above. */
static void
end_block (GPtrArray  *blocks,
           DlgMdBlock *block,
           GString    *pending,
           Lists      *lists)
{
  gboolean item = block != NULL && block->kind == DLG_MD_LIST_ITEM;
  guint depth = block != NULL ? block->depth : 0;

  if (!finish_block (blocks, block, pending) && item && lists->n == depth + 1)
    lists->n = depth;
}

/* Whether a paragraph may continue a list item: only right after the item, its nested
 * items or its other paragraphs, never after a heading that an indent left open. */
static gboolean
continues_list (GPtrArray *blocks,
                gboolean   quote)
{
  const DlgMdBlock *last;

  if (blocks->len == 0)
    return FALSE;
  last = g_ptr_array_index (blocks, blocks->len - 1);
  return (last->kind == DLG_MD_LIST_ITEM || last->continues_item) && last->quote == quote;
}

static DlgMdBlock *
start_block (GPtrArray      *blocks,
             DlgMdBlock     *block,
             GString        *pending,
             Lists          *lists,
             DlgMdBlockKind  kind,
             gboolean        quote)
{
  end_block (blocks, block, pending, lists);
  block = new_block (kind);
  block->quote = quote;
  return block;
}

GPtrArray *
dlg_markdown_parse_full (const char      *text,
                         DlgMdParseFlags  flags)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) dlg_md_block_free);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(GString) copy = g_string_new (NULL);
  const char *text_end, *next;
  DlgMdBlock *block = NULL;
  gboolean hard_break = FALSE;  /* the block's last line asked for one */
  Lists lists = { { 0, }, 0, FALSE };

  if (text == NULL)
    return g_steal_pointer (&blocks);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return dlg_markdown_parse_full (valid, flags);
    }

  /* A line at a time, each copied to be edited: memchr() finds the ends (g_strsplit() of a
   * million lines is quadratic under AddressSanitizer, whose strstr() measures what is left
   * each time). */
  text_end = text + strlen (text);
  for (const char *start = text; start != NULL; start = next != NULL ? next + 1 : NULL)
    {
      gsize rest = text_end - start;
      gsize len;
      char *line;
      gboolean quote, breaks;
      guint indent;
      char *t, *base;

      next = memchr (start, '\n', rest);
      len = next != NULL ? (gsize) (next - start) : rest;
      g_string_truncate (copy, 0);
      g_string_append_len (copy, start, len);
      line = copy->str;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      for (char *p = line; *p != '\0'; p++)
        if (*p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
          *p = ' ';

      t = line;
      while (*t == ' ')
        t++;
      base = line;
      quote = strip_quote (&t, &base);
      breaks = len >= 2 && line[len - 1] == ' ' && line[len - 2] == ' ';
      g_strchomp (t);

      /* A bare ">" parts two paragraphs of a quote, as a blank line does; a rule ends the
       * lists too. */
      if (*t == '\0' || is_rule (t))
        {
          if (*t != '\0')
            lists.n = 0;
          end_block (blocks, block, pending, &lists);
          block = NULL;
          continue;
        }

      /* Tabs count from the line as written (they are spaces in @line by now). */
      indent = column (start, t - line) - column (start, base - line);

      if (*t == '#')
        {
          guint level = 0;

          while (t[level] == '#')
            level++;
          if (level <= 6 && (t[level] == ' ' || t[level] == '\0'))
            {
              char *end;

              lists_end (&lists, indent, quote);
              block = start_block (blocks, block, pending, &lists, DLG_MD_HEADING, quote);
              block->level = level;
              t += level;
              /* "## Title ##": the closing hashes are not text. */
              end = t + strlen (t);
              while (end > t && end[-1] == '#')
                end--;
              if (end == t || end[-1] == ' ')
                *end = '\0';
              g_string_append (pending, g_strstrip (t));
              finish_block (blocks, block, pending);
              block = NULL;
              continue;
            }
        }

      if ((*t == '-' || *t == '*' || *t == '+') && t[1] == ' ')
        {
          block = start_block (blocks, block, pending, &lists, DLG_MD_LIST_ITEM, quote);
          block->depth = lists_add (&lists, indent, 1, strspn (t + 1, " "), quote);
          g_string_append (pending, g_strchug (t + 2));
          hard_break = breaks;
          continue;
        }

      if (g_ascii_isdigit (*t))
        {
          guint digits = 0;

          while (g_ascii_isdigit (t[digits]) && digits < 10)
            digits++;
          if (digits < 10 && (t[digits] == '.' || t[digits] == ')') && t[digits + 1] == ' ')
            {
              block = start_block (blocks, block, pending, &lists, DLG_MD_LIST_ITEM, quote);
              block->ordered = TRUE;
              block->number = (guint) g_ascii_strtoull (t, NULL, 10);
              block->depth = lists_add (&lists, indent, digits + 1,
                                        strspn (t + digits + 1, " "), quote);
              g_string_append (pending, g_strchug (t + digits + 2));
              hard_break = breaks;
              continue;
            }
        }

      /* A quote's line after a paragraph starts a block of its own; a
       * line without ">" after a quote's goes on with it (a "lazy" line),
       * as an indented one goes on with its list item. */
      if ((block != NULL && quote && !block->quote) || block == NULL)
        {
          gboolean after_blank = block == NULL;

          lists_end (&lists, indent, quote);
          block = start_block (blocks, block, pending, &lists, DLG_MD_PARAGRAPH, quote);
          /* After a blank line, a paragraph indented to an item's text is that item's. */
          if (after_blank && lists.n > 0 && continues_list (blocks, quote))
            {
              block->continues_item = TRUE;
              block->depth = lists.n - 1;
            }
        }
      else if (ends_with_break_mark (pending))
        /* A backslash at a line's end is a hard break, itself not text. */
        pending->str[pending->len - 1] = '\n';
      else if (hard_break || (flags & DLG_MD_PARSE_LINE_BREAKS))
        g_string_append_c (pending, '\n');
      else
        g_string_append_c (pending, ' ');
      g_string_append (pending, t);
      hard_break = breaks;
    }

  finish_block (blocks, block, pending);

  return g_steal_pointer (&blocks);
}

GPtrArray *
dlg_markdown_parse (const char *text)
{
  return dlg_markdown_parse_full (text, DLG_MD_PARSE_DEFAULT);
}

/* --- output -------------------------------------------------------------- */

char *
dlg_md_block_to_markup (const DlgMdBlock *block)
{
  GString *markup = g_string_new (NULL);

  g_return_val_if_fail (block != NULL, NULL);

  for (guint i = 0; i < block->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);
      g_autofree char *text = g_markup_escape_text (span->text, -1);

      if (span->url != NULL)
        {
          g_autofree char *href = g_markup_escape_text (span->url, -1);
          g_string_append_printf (markup, "<a href=\"%s\">", href);
        }
      if (span->style & DLG_MD_STYLE_STRONG)
        g_string_append (markup, "<b>");
      if (span->style & DLG_MD_STYLE_EMPH)
        g_string_append (markup, "<i>");
      if (span->style & DLG_MD_STYLE_CODE)
        g_string_append (markup, "<tt>");
      g_string_append (markup, text);
      if (span->style & DLG_MD_STYLE_CODE)
        g_string_append (markup, "</tt>");
      if (span->style & DLG_MD_STYLE_EMPH)
        g_string_append (markup, "</i>");
      if (span->style & DLG_MD_STYLE_STRONG)
        g_string_append (markup, "</b>");
      if (span->url != NULL)
        g_string_append (markup, "</a>");
    }

  return g_string_free (markup, FALSE);
}

char *
dlg_md_block_to_plain (const DlgMdBlock *block)
{
  GString *plain = g_string_new (NULL);

  g_return_val_if_fail (block != NULL, NULL);

  for (guint i = 0; i < block->spans->len; i++)
    g_string_append (plain, ((const DlgMdSpan *) g_ptr_array_index (block->spans, i))->text);

  return g_string_free (plain, FALSE);
}

char *
dlg_markdown_to_plain (const char *text)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (text);
  GString *plain = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *line = dlg_md_block_to_plain (block);

      if (i > 0)
        g_string_append (plain, block->kind == DLG_MD_LIST_ITEM ? "\n" : "\n\n");
      if (block->kind == DLG_MD_LIST_ITEM)
        {
          if (block->ordered)
            g_string_append_printf (plain, "%u. ", block->number);
          else
            g_string_append (plain, "• ");
        }
      g_string_append (plain, line);
    }

  return g_string_free (plain, FALSE);
}
