/* dlg-markdown-write.c: blocks of the Markdown subset written back as CommonMark
 *
 * A note is Markdown as Delegate reads it (dlg-markdown.c): each line break kept, "---" under
 * a line a pause, not a heading, "<b>" and "&amp;" text, an indented line never code.  Other
 * Markdown readers differ on each of these, so the trip report does not copy a note as it
 * was typed: it writes what Delegate read, in the Markdown every reader shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-markdown-write"

#include "config.h"

#include <string.h>

#include "dlg-markdown-write.h"

/* Where each line of the block being written starts: its quote's marker and its indent. */
typedef struct
{
  GString    *out;
  const char *prefix;
  gboolean    line_start;
  char        before;   /* the text's last character, '\0' at a line's start */
  gboolean    underscore;  /* an emphasis written "_…_" is open: every "_" is escaped */
  GString    *pending;  /* white space at a styled text's ends, written between the marks */
} Writer;

static void
new_line (Writer *w)
{
  g_string_append_c (w->out, '\n');
  g_string_append (w->out, w->prefix);
  w->line_start = TRUE;
  w->before = '\0';
  /* White space at a line's end is not written: Markdown drops it. */
  g_string_truncate (w->pending, 0);
}

/* The white space that ended the text before, or starts the text after, written where the
 * marks between them have closed and before they open: "*a* b", not "*a *b", where a mark
 * after a space closes nothing, before a space opens nothing ("_a []()_", the empty link
 * left out, is italics ending in a space). */
static void
flush_pending (Writer *w)
{
  g_string_append_len (w->out, w->pending->str, w->pending->len);
  g_string_truncate (w->pending, 0);
}

/* Whether "&" at @p starts what HTML would read as an entity ("&amp;", "&#169;"). */
static gboolean
is_entity (const char *p)
{
  const char *q = p + 1;

  if (*q == '#')
    q++;
  while (g_ascii_isalnum (*q))
    q++;
  return q > p + 1 && *q == ';';
}

/* Text as text: every mark that would make something of it escaped with a backslash, and
 * each line break a hard one (two spaces), which every reader keeps. */
static void
append_text (Writer     *w,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\n')
        {
          /* Never a line with nothing on it: a blank line would end the paragraph. */
          if (!w->line_start)
            {
              g_string_append (w->out, "  ");
              new_line (w);
            }
          continue;
        }
      if (w->line_start)
        {
          const char *q = p;

          /* A list's marker, "=" or "-" under a line (a heading), "+" a list too. */
          while (g_ascii_isdigit (*q))
            q++;
          if (q > p && (*q == '.' || *q == ')'))
            {
              g_string_append_len (w->out, p, q - p);
              p = q;
              c = *p;
              g_string_append_c (w->out, '\\');
            }
          else if (c == '-' || c == '+' || c == '=' || c == '>')
            g_string_append_c (w->out, '\\');
        }
      w->line_start = FALSE;
      if (strchr ("\\`*[]<#~|", c) != NULL
          /* snake_case is no emphasis to any reader, "_x_" is; so is "*g*_a" (the mark
           * before counts, not the text's last letter) */
          || (c == '_' && (w->underscore ||
                           !(w->out->len > 0 && g_ascii_isalnum (w->out->str[w->out->len - 1]) &&
                             g_ascii_isalnum (p[1]))))
          || (c == '&' && is_entity (p)))
        g_string_append_c (w->out, '\\');
      g_string_append_c (w->out, c);
      w->before = c;
    }
}

/* Code as it is: backslashes are text inside backticks, and the reader's code holds none.
 * Code across lines is written a span per line, with a hard break between, as text is: a
 * line with nothing on it would end the paragraph, and the rest of the code would be read
 * as text, "<a@b>" a link. */
static void
append_code (Writer     *w,
             const char *text)
{
  gboolean open = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          if (open)
            g_string_append_c (w->out, '`');
          open = FALSE;
          if (!w->line_start)
            {
              g_string_append (w->out, "  ");
              new_line (w);
            }
          continue;
        }
      if (!open)
        g_string_append_c (w->out, '`');
      open = TRUE;
      g_string_append_c (w->out, *p);
      w->line_start = FALSE;
    }
  if (open)
    g_string_append_c (w->out, '`');
  w->before = '`';
}

/* The styles open, outermost first, and the mark each was opened with. */
typedef struct
{
  DlgMdStyle  style[2];
  const char *mark[2];
  guint       n;
} Open;

/* How many spans from @i on have @style, without a break. */
static guint
style_run (const DlgMdBlock *block,
           guint             i,
           DlgMdStyle        style)
{
  guint n = 0;

  while (i + n < block->spans->len &&
         (((const DlgMdSpan *) g_ptr_array_index (block->spans, i + n))->style & style) != 0)
    n++;
  return n;
}

static DlgMdStyle
span_style (const DlgMdBlock *block,
            guint             i)
{
  return i < block->spans->len ? ((const DlgMdSpan *) g_ptr_array_index (block->spans, i))->style
                               : DLG_MD_STYLE_NONE;
}

/* The mark of emphasis that starts at span @i of @block, when @bold_opens is whether bold
 * opens there too and @before the character before both marks.  Emphasis and bold that
 * open together, or close together, one inside the other, would make a run of three stars
 * ("***a***", "**a *b***", "*a **b***"), which readers tell apart less surely than "_"
 * (Delegate's own read some as stars and bold until 4 December): such emphasis is written
 * "_…_" ("**_a_**", "**a _b_**"), which every reader shares, unless a letter or digit
 * touches it ("x_y_"), where "_" is no emphasis to any reader. */
static const char *
emphasis_mark (const DlgMdBlock *block,
               guint             i,
               gboolean          bold_opens,
               char              before)
{
  guint end = i + style_run (block, i, DLG_MD_STYLE_EMPH);
  gboolean bold_closes = end > i && (span_style (block, end - 1) & DLG_MD_STYLE_STRONG) != 0 &&
                         (span_style (block, end) & DLG_MD_STYLE_STRONG) == 0;
  const DlgMdSpan *after = end < block->spans->len ? g_ptr_array_index (block->spans, end) : NULL;
  gboolean bold_inside = FALSE;

  /* Bold that starts or ends inside the italics, "*a **b** c*": Delegate's reader takes the
   * "*" of the inner "**" for the italics' end, and the italics are lost ("_a **b** c_" is
   * read as written). */
  for (guint k = i + 1; k < end; k++)
    bold_inside |= ((span_style (block, k) ^ span_style (block, k - 1)) &
                    DLG_MD_STYLE_STRONG) != 0;
  /* Nor is a "*" right after a "**" that closed ("t***a** b*": a run of three again). */
  if (!bold_opens && !bold_closes && !bold_inside && before != '*')
    return "*";
  if (g_ascii_isalnum (before) || (after != NULL && g_ascii_isalnum (after->text[0])))
    return "*";
  return "_";
}

/* The mark of bold that starts at span @i of @block, inside the styles @open, after the
 * character @before.  Inside italics written "*…*", "**" would end them for Delegate's
 * reader ("*a **b** c*" read as "*a" and bold): such bold is written "__…__", which every
 * reader shares, unless a letter or digit touches it, where "__" is no bold. */
static const char *
bold_mark (const DlgMdBlock *block,
           guint             i,
           const Open       *open,
           char              before)
{
  guint end;
  const DlgMdSpan *after;
  gboolean in_stars = FALSE;

  for (guint m = 0; m < open->n; m++)
    in_stars |= open->style[m] == DLG_MD_STYLE_EMPH && g_str_equal (open->mark[m], "*");
  if (block == NULL || g_ascii_isalnum (before))
    return "**";
  end = i + style_run (block, i, DLG_MD_STYLE_STRONG);
  after = end < block->spans->len ? g_ptr_array_index (block->spans, end) : NULL;
  /* Right after italics' "*" that closed, "**" would make a run of three ("t***a*__b__",
   * not "t***a***b**"), which Delegate's reader splits otherwise. */
  if (!in_stars)
    return before == '*' && !(after != NULL && g_ascii_isalnum (after->text[0])) ? "__" : "**";
  /* Italics that close with the bold put their "*" after its "__" ("*)__?__*t"). */
  if (after != NULL && g_ascii_isalnum (after->text[0]) &&
      (span_style (block, end) & DLG_MD_STYLE_EMPH) != 0)
    return "**";
  return "__";
}

/* Closes the open styles down to those @style keeps, then opens what it adds, the one that
 * lasts longer from span @i of @block on outside: "***a* b**", "***a** b*". */
static void
set_style (Writer           *w,
           Open             *open,
           DlgMdStyle        style,
           const DlgMdBlock *block,
           guint             i)
{
  DlgMdStyle order[] = { DLG_MD_STYLE_STRONG, DLG_MD_STYLE_EMPH };
  gsize written = w->out->len;
  char before;
  gboolean bold_opens;
  guint keep = 0;

  while (keep < open->n && (style & open->style[keep]) != 0)
    keep++;
  for (; open->n > keep; open->n--)
    {
      if (open->mark[open->n - 1][0] == '_')
        w->underscore = FALSE;
      g_string_append (w->out, open->mark[open->n - 1]);
    }
  flush_pending (w);
  before = w->out->len > 0 ? w->out->str[w->out->len - 1] : '\0';
  bold_opens = (style & DLG_MD_STYLE_STRONG) != 0;
  for (guint m = 0; m < open->n; m++)
    bold_opens &= open->style[m] != DLG_MD_STYLE_STRONG;
  if (block != NULL && style_run (block, i, order[1]) > style_run (block, i, order[0]))
    {
      order[0] = DLG_MD_STYLE_EMPH;
      order[1] = DLG_MD_STYLE_STRONG;
    }
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      gboolean is_open = FALSE;
      const char *mark;

      if ((style & order[k]) == 0)
        continue;
      for (guint m = 0; m < open->n; m++)
        is_open |= open->style[m] == order[k];
      if (is_open)
        continue;
      mark = order[k] == DLG_MD_STYLE_STRONG ? bold_mark (block, i, open, before)
             : block != NULL ? emphasis_mark (block, i, bold_opens, before) : "*";
      /* "_" inside "__…__" or "__" inside "_…_": the inner mark's "_" would end the outer
       * one for Delegate's reader, as "*" ends "**". */
      for (guint m = 0; m < open->n && mark[0] == '_'; m++)
        if (open->mark[m][0] == '_')
          mark = order[k] == DLG_MD_STYLE_STRONG ? "**" : "*";
      w->underscore |= mark[0] == '_';
      g_string_append (w->out, mark);
      open->style[open->n] = order[k];
      open->mark[open->n++] = mark;
    }
  /* A mark at a line's start: what follows is no longer there ("*1. a*"). */
  if (w->out->len > written)
    w->line_start = FALSE;
}

/* A link's address between its parentheses: a safe one holds no space, "<", ">" or '"'.  In
 * "_…_" a "_" in it would end the emphasis there, for Delegate's reader: escaped too; so is
 * every "*" ("*see [it](https://x.id/a*)*" ended the italics inside the address, and the
 * link was lost) and "`" (which would start code running past the ")").  Every reader
 * takes "\*" in an address as "*". */
static void
append_address (Writer     *w,
                const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\' || *p == '*' || *p == '`' ||
          (*p == '_' && w->underscore))
        g_string_append_c (w->out, '\\');
      g_string_append_c (w->out, *p);
    }
}

/* Closes the styles opened since @base, as a link's text ends. */
static void
close_to (Writer *w,
          Open   *open,
          guint   base)
{
  for (; open->n > base; open->n--)
    {
      if (open->mark[open->n - 1][0] == '_')
        w->underscore = FALSE;
      g_string_append (w->out, open->mark[open->n - 1]);
    }
  flush_pending (w);
}

static void
append_spans (Writer           *w,
              const DlgMdBlock *block)
{
  Open open = { { 0, }, { NULL, }, 0 };
  /* The styles open around the link being written: "**see [the guide](…) now**". */
  guint base = 0;

  for (guint i = 0; i < block->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);
      const DlgMdSpan *next = i + 1 < block->spans->len ? g_ptr_array_index (block->spans, i + 1)
                                                        : NULL;
      const DlgMdSpan *previous = i > 0 ? g_ptr_array_index (block->spans, i - 1) : NULL;
      gboolean opens = span->url != NULL && (previous == NULL ||
                                             g_strcmp0 (previous->url, span->url) != 0);
      gboolean closes = span->url != NULL && (next == NULL ||
                                              g_strcmp0 (next->url, span->url) != 0);

      /* An address that is its own text, "<https://…>", reads best as it was typed. */
      if (opens && closes && g_str_equal (span->text, span->url) &&
          g_ascii_strncasecmp (span->url, "mailto:", strlen ("mailto:")) != 0)
        {
          set_style (w, &open, span->style & ~DLG_MD_STYLE_CODE, block, i);
          g_string_append_printf (w->out, "<%s>", span->url);
          w->line_start = FALSE;
          w->before = '>';
          continue;
        }
      if (opens)
        {
          /* The styles all its text has are set around it ("**see [the guide](…) now**",
           * "*[a](…)*"): a style that ends or starts inside a link's brackets cannot go on
           * outside them. */
          DlgMdStyle around = span->style & ~DLG_MD_STYLE_CODE;

          for (guint k = i + 1; k < block->spans->len; k++)
            {
              const DlgMdSpan *later = g_ptr_array_index (block->spans, k);

              if (g_strcmp0 (later->url, span->url) != 0)
                break;
              around &= later->style;
            }
          set_style (w, &open, around, block, i);
          base = open.n;
          /* "!" before it would make the link an image. */
          if (w->before == '!' && w->out->len > 0 && w->out->str[w->out->len - 1] == '!')
            g_string_insert_c (w->out, w->out->len - 1, '\\');
          g_string_append_c (w->out, '[');
          w->line_start = FALSE;
          w->before = '[';
        }
      /* A line break with no style open: a mark beside it ("***" then a break, a break
       * then "*") is beside white space, and opens or closes nothing (a break has no style
       * to see; the styles open again after it).  White space at either end of a line is
       * left out, as Markdown leaves it out: a mark beside it would mark nothing, and one
       * at a line's start before a space would start a list ("*  a").  Code keeps its
       * white space: it is between backticks, and read as it is (a line holding "` `"
       * holds a space of code, which was lost). */
      for (const char *p = span->text; *p != '\0';)
        {
          gboolean code = (span->style & DLG_MD_STYLE_CODE) != 0;
          gsize line, n;
          g_autofree char *part = NULL;

          if (w->line_start && !code)
            p += strspn (p, " \t");
          line = strcspn (p, "\n");
          n = line;
          if (p[line] == '\n' && !code)
            while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
              n--;
          part = g_strndup (p, n);
          if (n > 0 && code)
            {
              set_style (w, &open, span->style & ~DLG_MD_STYLE_CODE, block, i);
              append_code (w, part);
            }
          else if (n > 0)
            {
              gsize lead = strspn (part, " \t");
              gsize end = n;

              while (end > lead && (part[end - 1] == ' ' || part[end - 1] == '\t'))
                end--;
              /* White space alone closes the styles it lacks ("**_a_** **_b_**"), and
               * opens none: a mark before it would open nothing. */
              if (end == lead)
                {
                  DlgMdStyle kept = DLG_MD_STYLE_NONE;

                  for (guint m = 0; m < open.n && (span->style & open.style[m]) != 0; m++)
                    kept |= open.style[m];
                  set_style (w, &open, kept, block, i);
                }
              g_string_append_len (w->pending, part, lead);
              if (end > lead)
                {
                  g_autofree char *words = g_strndup (part + lead, end - lead);

                  set_style (w, &open, span->style & ~DLG_MD_STYLE_CODE, block, i);
                  append_text (w, words);
                }
              g_string_append_len (w->pending, part + end, n - end);
            }
          p += line;
          if (*p == '\n')
            {
              close_to (w, &open, MIN (base, open.n));
              append_text (w, "\n");
              p++;
            }
        }
      if (closes)
        {
          close_to (w, &open, MIN (base, open.n));
          g_string_append (w->out, "](");
          append_address (w, span->url);
          g_string_append_c (w->out, ')');
          w->before = ')';
          base = 0;
        }
    }
  /* White space at the block's end, as at a line's. */
  g_string_truncate (w->pending, 0);
  set_style (w, &open, DLG_MD_STYLE_NONE, NULL, 0);
}

void
dlg_markdown_write (GString   *out,
                    GPtrArray *blocks,
                    guint      shift)
{
  /* The column each depth's list item's text starts at, the quote's marker aside. */
  guint text[DLG_MD_LIST_DEPTH_MAX + 1] = { 0, };
  const DlgMdBlock *previous = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);
      guint depth = MIN (block->depth, DLG_MD_LIST_DEPTH_MAX);
      g_autofree char *marker = NULL;
      g_autoptr(GString) prefix = g_string_new (block->quote ? "> " : "");
      Writer w = { out, NULL, TRUE, '\0', FALSE, pending };
      guint indent = 0;

      /* An item right after an item is in its list; any other block after a blank line
       * (one of the quote when both are quoted, for one quote). */
      if (previous != NULL)
        {
          gboolean items = block->kind == DLG_MD_LIST_ITEM &&
                           previous->kind == DLG_MD_LIST_ITEM;

          g_string_append_c (out, '\n');
          if (previous->quote != block->quote || !items)
            g_string_append (out, previous->quote && block->quote ? ">\n" : "\n");
        }
      previous = block;

      if (block->kind == DLG_MD_LIST_ITEM)
        {
          indent = depth > 0 ? text[depth - 1] : 0;
          marker = block->ordered ? g_strdup_printf ("%u. ", block->number) : g_strdup ("- ");
          text[depth] = indent + strlen (marker);
        }
      else if (block->continues_item)
        indent = text[depth];

      g_string_append (out, prefix->str);
      for (guint k = 0; k < indent; k++)
        g_string_append_c (out, ' ');
      if (block->kind == DLG_MD_HEADING)
        {
          for (guint k = 0; k < MIN (block->level + shift, 6); k++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
        }
      else if (marker != NULL)
        g_string_append (out, marker);

      /* The block's later lines start under its text. */
      for (guint k = 0; k < (marker != NULL ? text[depth] : indent); k++)
        g_string_append_c (prefix, ' ');
      w.prefix = prefix->str;
      append_spans (&w, block);
    }
}
