/* dlg-markdown.h: the safe Markdown subset of best-practice bodies
 *
 * Feed text is data: this parser never passes any of it through as
 * markup.  It turns the subset (headings, paragraphs, lists nested or not
 * and their items' further paragraphs, block quotes, emphasis, code, links)
 * into blocks of spans; the UI renders those, escaping every span's text.
 * Anything else (HTML, entities, images) stays as the literal text the
 * organiser wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DLG_MD_PARAGRAPH,
  DLG_MD_HEADING,    /* level 1-6 */
  DLG_MD_LIST_ITEM,  /* ordered or not; number for ordered ones */
} DlgMdBlockKind;

typedef enum
{
  DLG_MD_STYLE_NONE   = 0,
  DLG_MD_STYLE_EMPH   = 1 << 0,
  DLG_MD_STYLE_STRONG = 1 << 1,
  DLG_MD_STYLE_CODE   = 1 << 2,
} DlgMdStyle;

typedef struct
{
  char       *text;   /* plain text, never markup */
  DlgMdStyle  style;
  char       *url;    /* a link with a safe URL (http, https, mailto), else NULL: a
                       * link to anything else is its text and then its target in
                       * parentheses, all text ("Pemkot (www.kupangkota.go.id)") */
} DlgMdSpan;

/* The deepest a list item nests: deeper items are read at this depth. */
#define DLG_MD_LIST_DEPTH_MAX 3

typedef struct
{
  DlgMdBlockKind  kind;
  guint           level;    /* heading level */
  gboolean        ordered;  /* list item */
  guint           number;   /* ordered list item */
  /* List item: 0 at the top, 1 for an item nested in one at 0, and so on, at most
   * DLG_MD_LIST_DEPTH_MAX; never more than one deeper than the list item before it,
   * and 0 for the first.  An item whose marker is indented at least as far as the text of
   * an item above it is nested in that item (a tab moves to the next multiple of 4
   * columns).  A paragraph that continues an item: that item's depth.  0 for every other
   * block. */
  guint           depth;
  /* Paragraph: a later paragraph of the list item at @depth, one that comes after a blank
   * line indented at least as far as that item's text; shown as the item's text, without
   * a bullet or number.  It follows a list item at @depth or deeper, or another paragraph
   * that continues an item at @depth or deeper, in the same quote (or none); the next list
   * item is at most one deeper than it.  FALSE for every other block. */
  gboolean        continues_item;
  gboolean        quote;    /* in a block quote ("> "), its markers gone */
  GPtrArray      *spans;    /* of DlgMdSpan */
} DlgMdBlock;

typedef enum
{
  DLG_MD_PARSE_DEFAULT     = 0,
  /* Every line break inside a paragraph stays one ("\n" in a span), as
   * someone typing a note means it; Markdown joins such lines, and keeps
   * only hard breaks (two spaces or a backslash at the line's end). */
  DLG_MD_PARSE_LINE_BREAKS = 1 << 0,
} DlgMdParseFlags;

void        dlg_md_block_free        (DlgMdBlock *block);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgMdBlock, dlg_md_block_free)

/* A GPtrArray of DlgMdBlock (never NULL; empty for NULL or blank text).
 * Linear in the length of @text, whatever it holds. */
GPtrArray  *dlg_markdown_parse       (const char       *text);
GPtrArray  *dlg_markdown_parse_full  (const char       *text,
                                      DlgMdParseFlags   flags);

/* Whether a link to @url may open: http, https and mailto only. */
gboolean    dlg_markdown_url_is_safe (const char       *url);
/* For paper, which cannot follow a link: " (https://…)" when span @i of @block is the last
 * of a link whose text does not already say where it goes (the address itself, or a
 * mailto's), else NULL. */
char       *dlg_md_link_address      (const DlgMdBlock *block,
                                      guint             i);

/* The block's text as Pango markup: every span escaped, styles as
 * <b>/<i>/<tt>, safe links as <a href>. */
char       *dlg_md_block_to_markup   (const DlgMdBlock *block);
/* The block's text without styles (for search and reports). */
char       *dlg_md_block_to_plain    (const DlgMdBlock *block);
/* The whole text as plain text, blocks apart by a blank line. */
char       *dlg_markdown_to_plain    (const char       *text);

G_END_DECLS
