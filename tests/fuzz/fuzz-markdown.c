/* fuzz-markdown.c: the Markdown subset of best-practice bodies
 *
 * Feed text is valid UTF-8 (json-glib and GMarkup see to it), so the
 * input is made valid first.  Every block is well formed (a list item at
 * most DLG_MD_LIST_DEPTH_MAX deep and at most one deeper than the item
 * before it, the first at the top; a paragraph that continues a list item right
 * after an item or such a paragraph, in the same quote, no deeper than it, and the
 * next item at most one deeper than the paragraph; every other block at depth 0),
 * every span's text valid UTF-8, every link http, https or mailto; the Pango markup
 * of each block is well-formed XML with only <b>, <i>, <tt> and <a href> in
 * it, and its links are safe too.  The trip report's document body made of the
 * text (dlg-report-odt.c) is well-formed XML of the elements it writes, each where
 * OpenDocument allows it, one paragraph for each block, an item's (and its later
 * paragraphs') in its list item, its links safe, without a character XML 1.0 cannot
 * hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-markdown.h"
#include "dlg-markdown-write.h"
#include "dlg-report-odt.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
markup_start_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  if (g_str_equal (element, "markup"))
    return;
  if (g_str_equal (element, "b") || g_str_equal (element, "i") || g_str_equal (element, "tt"))
    {
      if (names[0] != NULL)
        fuzz_fail ("markup: <%s> with an attribute %s", element, names[0]);
      return;
    }
  if (g_str_equal (element, "a"))
    {
      if (names[0] == NULL || !g_str_equal (names[0], "href") || names[1] != NULL)
        fuzz_fail ("markup: <a> without exactly one href");
      if (values[0] == NULL || values[0][0] == '\0')
        fuzz_fail ("markup: <a> with an empty href");
      fuzz_check_url ("markup: <a href>", values[0], TRUE);
      return;
    }
  fuzz_fail ("markup: an element we never write: <%s>", element);
}

static void
check_markup (const char *markup)
{
  static const GMarkupParser parser = { markup_start_cb, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;

  fuzz_check_utf8 ("markup", markup, FALSE);
  document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);
  if (!g_markup_parse_context_parse (context, document, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    fuzz_fail ("markup not well-formed: %s\n%s", error->message, markup);
}

/* @deepest: how deep the next list item may be, one more than the item before it (0 for
 * the first): a writer nests a list in an item, never one in nothing.  @previous: the
 * block before, or NULL. */
static void
check_block (const DlgMdBlock *block,
             const DlgMdBlock *previous,
             guint            *deepest)
{
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;

  if (block->continues_item)
    {
      /* In its item's list item: right after the item or the item's own blocks. */
      if (block->kind != DLG_MD_PARAGRAPH)
        fuzz_fail ("a block of kind %d continues a list item", (int) block->kind);
      if (previous == NULL ||
          (previous->kind != DLG_MD_LIST_ITEM && !previous->continues_item))
        fuzz_fail ("a paragraph continues a list item, yet follows none");
      if (block->depth > previous->depth)
        fuzz_fail ("a paragraph continues a list item at depth %u after one at %u",
                   block->depth, previous->depth);
      if (block->quote != previous->quote)
        fuzz_fail ("a paragraph continues a list item across a quote's edge");
      *deepest = block->depth + 1;
    }
  else if (block->kind != DLG_MD_LIST_ITEM && block->depth != 0)
    fuzz_fail ("a block of kind %d at depth %u", (int) block->kind, block->depth);
  switch (block->kind)
    {
    case DLG_MD_PARAGRAPH:
      break;
    case DLG_MD_HEADING:
      if (block->level < 1 || block->level > 6)
        fuzz_fail ("a heading of level %u", block->level);
      break;
    case DLG_MD_LIST_ITEM:
      if (block->depth > DLG_MD_LIST_DEPTH_MAX)
        fuzz_fail ("a list item at depth %u, deeper than %u", block->depth,
                   (guint) DLG_MD_LIST_DEPTH_MAX);
      if (block->depth > *deepest)
        fuzz_fail ("a list item at depth %u after one at %d", block->depth, (int) *deepest - 1);
      *deepest = block->depth + 1;
      break;
    default:
      fuzz_fail ("a block of kind %d", (int) block->kind);
    }

  if (block->spans == NULL)
    fuzz_fail ("a block without spans");
  for (guint i = 0; i < block->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);

      fuzz_check_utf8 ("span.text", span->text, FALSE);
      if ((span->style & ~(DLG_MD_STYLE_EMPH | DLG_MD_STYLE_STRONG | DLG_MD_STYLE_CODE)) != 0)
        fuzz_fail ("a span of style %d", (int) span->style);
      fuzz_check_url ("span.url", span->url, TRUE);
      if (span->url != NULL && !dlg_markdown_url_is_safe (span->url))
        fuzz_fail ("span.url kept, yet not safe: %s", span->url);
    }

  for (guint i = 0; i < block->spans->len; i++)
    {
      g_autofree char *address = dlg_md_link_address (block, i);
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);

      if (address != NULL && (span->url == NULL || !g_str_has_prefix (address, " (")))
        fuzz_fail ("dlg_md_link_address: %s after a span without a link", address);
      fuzz_check_utf8 ("dlg_md_link_address", address, TRUE);
    }

  markup = dlg_md_block_to_markup (block);
  check_markup (markup);
  plain = dlg_md_block_to_plain (block);
  fuzz_check_utf8 ("dlg_md_block_to_plain", plain, FALSE);
}

/* The paragraphs of the document body, by style: those of list items (and their later
 * paragraphs), of the text, of quotes, the title. */
enum {
  ODT_LIST,
  ODT_TEXT,
  ODT_QUOTE,
  ODT_TITLE,
  N_ODT_STYLES
};

static const char * const odt_styles[N_ODT_STYLES] = {
  "List_20_Contents", "Text_20_body", "Quotations", "Title",
};

static void
odt_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  static const char * const written[] = {
    "office:document-content", "office:body", "office:text", "text:p", "text:h",
    "text:span", "text:a", "text:list", "text:list-item", "text:line-break", "text:tab",
    "text:s", NULL
  };
  guint *paragraphs = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : "";
  const char *style = NULL;

  if (!g_strv_contains (written, element))
    fuzz_fail ("odt: an element we never write: <%s>", element);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "xlink:href"))
        {
          fuzz_check_url ("odt: xlink:href", values[i], TRUE);
          if (!dlg_markdown_url_is_safe (values[i]))
            fuzz_fail ("odt: a link that is not safe: %s", values[i]);
        }
      else if (g_str_equal (names[i], "text:style-name"))
        style = values[i];
    }

  /* Where OpenDocument has them: an item in a list, a list in the text or in an item,
   * headings in the text, a list item's paragraphs in it, the others in the text. */
  if (g_str_equal (element, "text:list-item") && !g_str_equal (parent, "text:list"))
    fuzz_fail ("odt: a list item in <%s>", parent);
  if (g_str_equal (element, "text:list") &&
      !g_str_equal (parent, "office:text") && !g_str_equal (parent, "text:list-item"))
    fuzz_fail ("odt: a list in <%s>", parent);
  if (g_str_equal (element, "text:h") && !g_str_equal (parent, "office:text"))
    fuzz_fail ("odt: a heading in <%s>", parent);
  if (g_str_equal (element, "text:p"))
    {
      guint k = 0;

      while (k < N_ODT_STYLES && g_strcmp0 (style, odt_styles[k]) != 0)
        k++;
      if (k == N_ODT_STYLES)
        fuzz_fail ("odt: a paragraph of style %s", style != NULL ? style : "(none)");
      if (k == ODT_LIST && !g_str_equal (parent, "text:list-item"))
        fuzz_fail ("odt: a list item's paragraph in <%s>", parent);
      if ((k == ODT_TEXT || k == ODT_TITLE) && !g_str_equal (parent, "office:text"))
        fuzz_fail ("odt: a paragraph of the text in <%s>", parent);
      paragraphs[k]++;
    }
}

/* @blocks: the text as the document reads it, every line break kept. */
static void
check_odt_content (const char *text,
                   GPtrArray  *blocks)
{
  static const GMarkupParser parser = { odt_start_cb, NULL, NULL, NULL, NULL };
  g_autofree char *content = dlg_report_odt_content (text);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  guint paragraphs[N_ODT_STYLES] = { 0, };
  guint expected[N_ODT_STYLES] = { 0, };

  fuzz_check_utf8 ("odt", content, TRUE);
  for (const char *p = content; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n')
      fuzz_fail ("odt: the control character %#x", (guint) (guchar) *p);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, paragraphs, NULL);
  if (!g_markup_parse_context_parse (context, content, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    fuzz_fail ("odt not well-formed: %s\n%s", error->message, content);

  /* One paragraph for each block but the headings: none lost, none out of its list. */
  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == DLG_MD_HEADING)
        expected[ODT_TITLE] += i == 0 && block->level == 1;
      else if (block->quote)
        expected[ODT_QUOTE]++;
      else if (block->kind == DLG_MD_LIST_ITEM || block->continues_item)
        expected[ODT_LIST]++;
      else
        expected[ODT_TEXT]++;
    }
  for (guint k = 0; k < N_ODT_STYLES; k++)
    if (paragraphs[k] != expected[k])
      fuzz_fail ("odt: %u paragraphs of style %s, not %u\n%s", paragraphs[k], odt_styles[k],
                 expected[k], content);
}

/* The trip report's copy of a note (dlg-markdown-write.c), read back: well-formed blocks
 * of valid text, and no link that the note did not have (text escaped as text). */
static void
check_written (GPtrArray *blocks)
{
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GHashTable) urls = g_hash_table_new (g_str_hash, g_str_equal);
  guint deepest = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);

      for (guint j = 0; j < block->spans->len; j++)
        {
          const DlgMdSpan *span = g_ptr_array_index (block->spans, j);

          if (span->url != NULL)
            g_hash_table_add (urls, span->url);
        }
    }
  dlg_markdown_write (written, blocks, 4);
  fuzz_check_utf8 ("dlg_markdown_write", written->str, TRUE);
  again = dlg_markdown_parse_full (written->str, DLG_MD_PARSE_LINE_BREAKS);
  for (guint i = 0; i < again->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (again, i);

      check_block (block, i > 0 ? g_ptr_array_index (again, i - 1) : NULL, &deepest);
      for (guint j = 0; j < block->spans->len; j++)
        {
          const DlgMdSpan *span = g_ptr_array_index (block->spans, j);

          if (span->url != NULL && !g_hash_table_contains (urls, span->url))
            fuzz_fail ("dlg_markdown_write: a link the text did not have: %s", span->url);
        }
    }
}

/* What a reader sees of @block: each character with its style and link target, a line
 * break as itself whatever its style (a break inside code or outside it looks the same), a
 * run of them as one and none at either end (the writer leaves out an empty line: in
 * Markdown it would end the block), no white space at either end of a line, and a space
 * neither bold nor italic (it looks the same; Markdown has no mark for italics that end in
 * a space, "_a []()_", and the writer puts the space after the mark). */
static char *
seen (const DlgMdBlock *block)
{
  static GRegex *line_ends;
  static GRegex *breaks;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < block->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);

      for (const char *p = span->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (*p == '\n')
            {
              if (out->len == 0 || out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
            }
          else
            g_string_append_printf (out, "%.*s\x01%d%s%s\x02", (int) (g_utf8_next_char (p) - p), p,
                                    (int) (*p == ' ' || *p == '\t'
                                           ? span->style & ~(DLG_MD_STYLE_EMPH | DLG_MD_STYLE_STRONG)
                                           : span->style),
                                    span->url != NULL ? " " : "",
                                    span->url != NULL ? span->url : "");
        }
    }
  /* White space at a line's ends is not seen either (and Markdown drops it); a line that
   * held only that is as empty as any other ("`\n` `\nd`"). */
  if (g_once_init_enter (&line_ends))
    g_once_init_leave (&line_ends,
                       g_regex_new ("([ \t]\x01[^\x02]*\x02)+(?=\n|$)|(?<=\n|^)([ \t]\x01[^\x02]*\x02)+",
                                    0, 0, NULL));
  if (g_once_init_enter (&breaks))
    g_once_init_leave (&breaks, g_regex_new ("^\n+|\n+$|(?<=\n)\n+", 0, 0, NULL));
  {
    g_autofree char *trimmed = g_regex_replace (line_ends, out->str, -1, 0, "", 0, NULL);

    return g_regex_replace (breaks, trimmed, -1, 0, "", 0, NULL);
  }
}

/* Whether bold starts or ends inside italics, or italics inside bold, right beside a letter
 * or digit ("*a**b**c*", "***a*b**"): the writer has no marks for it that Delegate's reader
 * reads back (it reads the "*" of "**" as the italics' end, a run of three beside a letter
 * its own way, and "_" beside a letter is no emphasis).  Known, and left out of the round
 * trip (docs/fuzzing.md, "Not covered"). */
static gboolean
bold_in_italics_in_a_word (const DlgMdBlock *block)
{
  for (guint k = 1; k < block->spans->len; k++)
    {
      const DlgMdSpan *a = g_ptr_array_index (block->spans, k - 1);
      const DlgMdSpan *b = g_ptr_array_index (block->spans, k);
      gsize len = strlen (a->text);

      if ((a->style & b->style & (DLG_MD_STYLE_EMPH | DLG_MD_STYLE_STRONG)) != 0 &&
          ((a->style ^ b->style) & (DLG_MD_STYLE_EMPH | DLG_MD_STYLE_STRONG)) != 0 &&
          ((len > 0 && g_ascii_isalnum (a->text[len - 1])) || g_ascii_isalnum (b->text[0])))
        return TRUE;
    }
  return FALSE;
}

/* Whether @written holds a run of three stars or more that no backslash escapes. */
static gboolean
has_run_of_stars (const char *written)
{
  for (const char *p = written; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (p[0] == '*' && p[1] == '*' && p[2] == '*')
        return TRUE;
    }
  return FALSE;
}

/* Whether a stretch of bold or italics in @block has a style that ends inside it, where
 * another goes on or starts ("**:*a*…" then italics alone, "0***a**-***…" italics then
 * bold), with a letter or digit right before the stretch or right after it, and @written
 * holds a run of three stars: the closing mark and the next one meet, and "_", which would
 * keep them apart, is no emphasis beside a letter.  Delegate's reader splits such a run its
 * own way.  Known, and left out of the round trip with the case above (docs/fuzzing.md,
 * "Not covered"). */
static gboolean
marks_meet_in_a_word (const DlgMdBlock *block,
                      const char       *written)
{
  const DlgMdStyle both = DLG_MD_STYLE_EMPH | DLG_MD_STYLE_STRONG;
  guint k = 0;

  if (!has_run_of_stars (written))
    return FALSE;
  while (k < block->spans->len)
    {
      guint first = k;
      gboolean switches = FALSE;
      const char *before;
      const char *after;

      if ((((const DlgMdSpan *) g_ptr_array_index (block->spans, k))->style & both) == 0)
        {
          k++;
          continue;
        }
      while (k + 1 < block->spans->len)
        {
          DlgMdStyle a = ((const DlgMdSpan *) g_ptr_array_index (block->spans, k))->style & both;
          DlgMdStyle b = ((const DlgMdSpan *) g_ptr_array_index (block->spans, k + 1))->style &
                         both;

          if (b == 0)
            break;
          switches |= (a & ~b) != 0;
          k++;
        }
      before = first > 0 ? ((const DlgMdSpan *) g_ptr_array_index (block->spans, first - 1))->text
                         : "";
      after = k + 1 < block->spans->len
              ? ((const DlgMdSpan *) g_ptr_array_index (block->spans, k + 1))->text : "";
      if (switches && ((before[0] != '\0' && g_ascii_isalnum (before[strlen (before) - 1])) ||
                       g_ascii_isalnum (after[0])))
        return TRUE;
      k++;
    }
  return FALSE;
}

/* A paragraph with nothing to see (white space, or code of spaces): no one misses it. */
static gboolean
blank (const DlgMdBlock *block)
{
  g_autofree char *looks = seen (block);

  return block->kind == DLG_MD_PARAGRAPH && !block->continues_item && looks[0] == '\0';
}

/* @blocks without the blank paragraphs. */
static GPtrArray *
visible (GPtrArray *blocks)
{
  for (guint i = blocks->len; i > 0; i--)
    if (blank (g_ptr_array_index (blocks, i - 1)))
      g_ptr_array_remove_index (blocks, i - 1);
  return blocks;
}

/* The trip report's copy of a note, read back, reads as the note did: the same blocks, each
 * rendered to the same Pango markup (the same text, styles and links, with the same
 * targets).  Headings are not shifted here, so that their levels compare too. */
static void
check_round_trip (GPtrArray *all)
{
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();

  dlg_markdown_write (written, all, 0);
  again = visible (dlg_markdown_parse_full (written->str, DLG_MD_PARSE_LINE_BREAKS));
  for (guint i = 0; i < all->len; i++)
    if (!blank (g_ptr_array_index (all, i)))
      g_ptr_array_add (blocks, g_ptr_array_index (all, i));
  if (again->len != blocks->len)
    fuzz_fail ("dlg_markdown_write: %u blocks read back as %u\n%s", blocks->len, again->len,
               written->str);
  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);
      const DlgMdBlock *back = g_ptr_array_index (again, i);
      g_autofree char *markup = dlg_md_block_to_markup (block);
      g_autofree char *markup_back = dlg_md_block_to_markup (back);
      g_autofree char *looks = seen (block);
      g_autofree char *looks_back = seen (back);

      if (block->kind != back->kind || block->level != back->level)
        fuzz_fail ("dlg_markdown_write: block %u of kind %d/%u read back as %d/%u\n%s", i,
                   (int) block->kind, block->level, (int) back->kind, back->level,
                   written->str);
      if (!g_str_equal (looks, looks_back) && !bold_in_italics_in_a_word (block) &&
          !marks_meet_in_a_word (block, written->str))
        fuzz_fail ("dlg_markdown_write: block %u reads\n%s\nread back as\n%s\nfrom\n%s\n(%s\n%s)",
                   i, markup, markup_back, written->str, looks, looks_back);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (text);
  g_autofree char *plain = NULL;
  guint deepest = 0;

  if (blocks == NULL)
    fuzz_fail ("dlg_markdown_parse returned NULL");
  for (guint i = 0; i < blocks->len; i++)
    check_block (g_ptr_array_index (blocks, i),
                 i > 0 ? g_ptr_array_index (blocks, i - 1) : NULL, &deepest);

  plain = dlg_markdown_to_plain (text);
  fuzz_check_utf8 ("dlg_markdown_to_plain", plain, TRUE);

  /* The trip report's reading, every line break kept. */
  {
    g_autoptr(GPtrArray) kept = dlg_markdown_parse_full (text, DLG_MD_PARSE_LINE_BREAKS);

    if (kept == NULL)
      fuzz_fail ("dlg_markdown_parse_full returned NULL");
    deepest = 0;
    for (guint i = 0; i < kept->len; i++)
      check_block (g_ptr_array_index (kept, i),
                   i > 0 ? g_ptr_array_index (kept, i - 1) : NULL, &deepest);
    check_odt_content (text, kept);
    check_written (kept);
    check_round_trip (kept);
  }
  return 0;
}
