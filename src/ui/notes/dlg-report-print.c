/* dlg-report-print.c: the trip report, printed to a PDF
 *
 * The content is core's Markdown report (dlg-note-report.c), read line
 * by line: "## " starts a section, "### " an item, "#### " a note's
 * title, blank lines end paragraphs, and lines marked "> " (a best
 * practice's summary, a quote in a note) are a quote: indented, in
 * italics, with a rule at its left and without the markers.  Every piece
 * of text reaches Pango with pango_layout_set_text, never as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-report-print"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-note-report.h"
#include "dlg-report-print.h"

typedef enum
{
  BLOCK_KICKER,   /* "Trip report" above the event's title */
  BLOCK_TITLE,
  BLOCK_META,     /* dates and venue, under the title */
  BLOCK_SECTION,
  BLOCK_ITEM,
  BLOCK_NOTE,
  BLOCK_TEXT,
  BLOCK_QUOTE,    /* a Markdown block quote, its ">" markers gone */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
} Block;

/* One line of a layout, placed on a page. */
typedef struct
{
  int          page;
  PangoLayout *layout;
  int          line;
  double       x;
  double       baseline;
  double       top;     /* of the line's box, for a quote's rule */
  double       bottom;
  gboolean     quote;
} Placed;

typedef struct
{
  GArray    *blocks;
  GPtrArray *layouts;
  GArray    *placed;
  int        n_pages;
} Report;

#define FOOTER_HEIGHT 28.0  /* points kept free at the page's foot */
#define QUOTE_INDENT  26.0  /* a quote's text from the left margin */
#define QUOTE_RULE_X  16.0  /* and the rule at its left */

static void
block_clear (gpointer data)
{
  g_free (((Block *) data)->text);
}

static void
add_block (GArray     *blocks,
           BlockKind   kind,
           const char *text)
{
  Block block = { kind, g_strdup (text) };

  g_strstrip (block.text);
  if (block.text[0] == '\0')
    {
      g_free (block.text);
      return;
    }
  g_array_append_val (blocks, block);
}

static void
flush_paragraph (GArray   *blocks,
                 GString  *paragraph,
                 gboolean  in_section,
                 gboolean *in_quote)
{
  if (paragraph->len > 0)
    add_block (blocks, *in_quote ? BLOCK_QUOTE : in_section ? BLOCK_TEXT : BLOCK_META,
               paragraph->str);
  g_string_truncate (paragraph, 0);
  *in_quote = FALSE;
}

/* The text of a block quote's line without its markers (up to three
 * spaces, ">", an optional space; "> > " of a nested quote too), or NULL
 * when @line is not in a quote. */
static const char *
quoted_text (const char *line)
{
  const char *p = line;

  for (guint i = 0; i < 3 && *p == ' '; i++)
    p++;
  if (*p != '>')
    return NULL;
  while (*p == '>')
    {
      p++;
      if (*p == ' ' || *p == '\t')
        p++;
      while (*p == ' ' && p[1] == '>')
        p++;
    }
  return p;
}

static GArray *
parse_blocks (const char *title,
              const char *markdown)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  gboolean in_section = FALSE;
  gboolean in_quote = FALSE;  /* the paragraph is a quote's */

  g_array_set_clear_func (blocks, block_clear);
  /* Translators: the big heading on the first page of the PDF trip report */
  add_block (blocks, BLOCK_KICKER, _("Trip report"));
  add_block (blocks, BLOCK_TITLE, title);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);
      gsize len = strlen (line);
      const char *quoted;

      /* A Markdown hard break ("  " at the end) is a plain line break here. */
      if (len >= 2 && g_str_has_suffix (line, "  "))
        line[len - 2] = '\0';
      g_strchomp (line);
      quoted = quoted_text (line);

      if (line[0] == '\0')
        flush_paragraph (blocks, paragraph, in_section, &in_quote);
      else if (g_str_has_prefix (line, "# ") && i == 0)
        ; /* the Markdown title: the title block above stands for it */
      else if (g_str_has_prefix (line, "## "))
        {
          flush_paragraph (blocks, paragraph, in_section, &in_quote);
          add_block (blocks, BLOCK_SECTION, line + 3);
          in_section = TRUE;
        }
      else if (g_str_has_prefix (line, "### "))
        {
          flush_paragraph (blocks, paragraph, in_section, &in_quote);
          add_block (blocks, BLOCK_ITEM, line + 4);
        }
      else if (g_str_has_prefix (line, "#### "))
        {
          flush_paragraph (blocks, paragraph, in_section, &in_quote);
          add_block (blocks, BLOCK_NOTE, line + 5);
        }
      else if (quoted != NULL)
        {
          /* A quote starts a paragraph of its own; a bare ">" parts two of it. */
          if (!in_quote || quoted[0] == '\0')
            flush_paragraph (blocks, paragraph, in_section, &in_quote);
          in_quote = TRUE;
          if (quoted[0] != '\0')
            {
              if (paragraph->len > 0)
                g_string_append_c (paragraph, '\n');
              g_string_append (paragraph, quoted);
            }
        }
      else
        {
          /* After a quote's line, a line without ">" goes on with the
           * quote, as Markdown reads it (a "lazy" line); after a bare ">"
           * it starts a paragraph of its own. */
          if (paragraph->len == 0)
            in_quote = FALSE;
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, line);
        }
    }
  flush_paragraph (blocks, paragraph, in_section, &in_quote);
  return blocks;
}

static void
report_free (Report *report)
{
  g_clear_pointer (&report->blocks, g_array_unref);
  g_clear_pointer (&report->layouts, g_ptr_array_unref);
  g_clear_pointer (&report->placed, g_array_unref);
  g_free (report);
}

static PangoLayout *
block_layout (GtkPrintContext *context,
              const Block     *block,
              double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10.5");
  double indent = 0;

  switch (block->kind)
    {
    case BLOCK_KICKER:
      pango_font_description_set_size (font, 12 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_TITLE:
      pango_font_description_set_size (font, 20 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_SECTION:
      pango_font_description_set_size (font, 15 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_ITEM:
      pango_font_description_set_size (font, 12 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case BLOCK_NOTE:
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
      indent = 12;
      break;
    case BLOCK_META:
      pango_font_description_set_size (font, 11 * PANGO_SCALE);
      break;
    case BLOCK_QUOTE:
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      indent = QUOTE_INDENT;
      break;
    case BLOCK_TEXT:
    default:
      indent = 12;
      break;
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, block->text, -1);
  g_object_set_data (G_OBJECT (layout), "indent", GINT_TO_POINTER ((int) indent));
  return layout;
}

static double
space_before (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return 4;
    case BLOCK_SECTION:
      return 22;
    case BLOCK_ITEM:
      return 12;
    case BLOCK_NOTE:
      return 8;
    case BLOCK_KICKER:
    case BLOCK_META:
    case BLOCK_TEXT:
    case BLOCK_QUOTE:
    default:
      return 6;
    }
}

/* Lays every block out and puts its lines on pages: a heading goes to
 * the next page when it would stand alone at the foot of one. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Report            *report)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double y = 0;
  int page = 0;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const Block *block = &g_array_index (report->blocks, Block, i);
      PangoLayout *layout = block_layout (context, block, width);
      double indent = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), "indent"));
      gboolean heading = block->kind == BLOCK_SECTION || block->kind == BLOCK_ITEM
                         || block->kind == BLOCK_NOTE;
      PangoLayoutIter *iter;
      int line = 0;

      g_ptr_array_add (report->layouts, layout);
      if (y > 0)
        y += space_before (block->kind);

      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;
          double top, bottom;
          Placed placed;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          top = (double) logical.y / PANGO_SCALE;
          bottom = (double) (logical.y + logical.height) / PANGO_SCALE;

          /* A heading needs room for itself and a few lines after it. */
          if (y > 0 && (y + (bottom - top) > height
                        || (heading && y + (bottom - top) + 48 > height)))
            {
              page++;
              y = 0;
            }
          placed.page = page;
          placed.layout = layout;
          placed.line = line++;
          placed.x = indent;
          placed.baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
          placed.top = y;
          placed.bottom = y + (bottom - top);
          placed.quote = block->kind == BLOCK_QUOTE;
          g_array_append_val (report->placed, placed);
          y += bottom - top;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  report->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, report->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Report            *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *number = NULL;
  int footer_width, footer_height;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < report->placed->len; i++)
    {
      const Placed *placed = &g_array_index (report->placed, Placed, i);
      PangoLayoutLine *line;

      if (placed->page != page_nr)
        continue;
      line = pango_layout_get_line_readonly (placed->layout, placed->line);
      cairo_move_to (cr, placed->x, placed->baseline);
      pango_cairo_show_layout_line (cr, line);
      if (placed->quote)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, QUOTE_RULE_X, placed->top);
          cairo_line_to (cr, QUOTE_RULE_X, placed->bottom);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  /* Translators: the footer of each page of the PDF trip report */
  number = g_strdup_printf (_("Page %d of %d"), page_nr + 1, report->n_pages);
  footer = gtk_print_context_create_pango_layout (context);
  font = pango_font_description_from_string ("Sans 9");
  pango_layout_set_font_description (footer, font);
  pango_layout_set_text (footer, number, -1);
  pango_layout_get_pixel_size (footer, &footer_width, &footer_height);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, height - FOOTER_HEIGHT + 8);
  cairo_line_to (cr, width, height - FOOTER_HEIGHT + 8);
  cairo_stroke (cr);
  cairo_move_to (cr, (width - footer_width) / 2, height - footer_height);
  pango_cairo_show_layout (cr, footer);
}

gboolean
dlg_report_print_export (DlgFeed     *feed,
                         DlgStore    *store,
                         GtkWindow   *parent,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *markdown = NULL;
  GtkPrintOperationResult result;
  Report *report;

  g_return_val_if_fail (DLG_IS_FEED (feed), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  markdown = dlg_note_report_markdown (feed, store, error);
  if (markdown == NULL)
    return FALSE;

  report = g_new0 (Report, 1);
  report->blocks = parse_blocks (dlg_event_get_title (dlg_feed_get_event (feed)), markdown);
  report->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  report->placed = g_array_new (FALSE, TRUE, sizeof (Placed));

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 20, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_export_filename (operation, filename);
  gtk_print_operation_set_job_name (operation, _("Trip report"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  report_free (report);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
