/* dlg-report-print.c: the trip report, printed to a PDF
 *
 * The content is core's Markdown report (dlg-note-report.c), read with
 * core's Markdown reader, keeping every line break the delegate typed:
 * level 2 headings are the report's sections, level 3 its items (a
 * session, a best practice), level 4 a note's title, 5 and 6 the note's own
 * headings, upright to tell them from its title; paragraphs, list
 * items with their bullet or number hanging, a nested one set in under
 * the text of the item it belongs to, as is an item's later paragraph, quotes ("> ": a best
 * practice's summary, a quote in a note) indented in italics with a
 * rule at their left; bold, italics and code as the delegate marked
 * them.  Every piece of text reaches Pango with pango_layout_set_text
 * and its styles as attributes, never as markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-report-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dlg-markdown.h"
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
  BLOCK_NOTE_HEADING,  /* a heading in a note under its title ("# Summary") */
  BLOCK_TEXT,
  BLOCK_LIST_ITEM,
  BLOCK_LIST_TEXT,  /* a list item's later paragraph, under its text */
} BlockKind;

typedef struct
{
  BlockKind      kind;
  gboolean       quote;
  char          *text;    /* a list item's starts with its bullet and a tab */
  PangoAttrList *attrs;   /* the text's bold, italics and code */
  guint          depth;   /* a list item's or its paragraph's: 0 at the top, 1 nested in one */
  char          *marker;  /* a list item's paragraph: the item's bullet or number */
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
  char      *title;   /* the document's, as the .odt's: "Trip report: …" */
  GArray    *blocks;
  GPtrArray *layouts;
  GArray    *placed;
  int        n_pages;
} Report;

#define FOOTER_HEIGHT 28.0  /* points kept free at the page's foot */
#define TEXT_INDENT   12.0  /* paragraphs, under their headings */
#define LIST_INDENT   24.0  /* a list item's bullet */
#define QUOTE_INDENT  26.0  /* a quote's text from the left margin */
#define QUOTE_RULE_X  16.0  /* and the rule at its left */
#define LIST_HANG     16.0  /* a list item's text from its bullet */
#define LIST_NEST     LIST_HANG  /* a nested item's bullet, under its parent's text */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->marker);
  g_clear_pointer (&block->attrs, pango_attr_list_unref);
}

static void
add_text_block (GArray     *blocks,
                BlockKind   kind,
                const char *text)
{
  Block block = { kind, FALSE, g_strstrip (g_strdup (text)), pango_attr_list_new () };

  g_array_append_val (blocks, block);
}

static void
add_style (PangoAttrList *attrs,
           DlgMdStyle     style,
           guint          start,
           guint          end)
{
  PangoAttribute *attr;

  if (style & DLG_MD_STYLE_STRONG)
    {
      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style & DLG_MD_STYLE_EMPH)
    {
      attr = pango_attr_style_new (PANGO_STYLE_ITALIC);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
  if (style & DLG_MD_STYLE_CODE)
    {
      attr = pango_attr_family_new ("Monospace");
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
}

/* The block's spans as one text with its styles as attributes; a link
 * is followed by its address (dlg_md_link_address), which paper cannot
 * follow otherwise.  A line break inside the block is a line separator,
 * so that a list item's next line hangs under its text, not its bullet. */
static void
add_md_block (GArray           *blocks,
              BlockKind         kind,
              const DlgMdBlock *md,
              const char       *marker)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Block block = { kind, md->quote, NULL, pango_attr_list_new (), md->depth, g_strdup (marker) };

  if (kind == BLOCK_LIST_ITEM && md->ordered)
    g_string_append_printf (text, "%u.\t", md->number);
  else if (kind == BLOCK_LIST_ITEM)
    g_string_append (text, "•\t");
  for (guint i = 0; i < md->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (md->spans, i);
      g_autofree char *address = dlg_md_link_address (md, i);
      guint start = text->len;

      for (const char *p = span->text; *p != '\0'; p++)
        {
          if (*p == '\n')
            g_string_append (text, "\u2028");
          else
            g_string_append_c (text, *p);
        }
      add_style (block.attrs, span->style, start, text->len);
      if (address != NULL)
        g_string_append (text, address);
    }

  block.text = g_string_free (g_steal_pointer (&text), FALSE);
  g_array_append_val (blocks, block);
}

/* A note's own headings, which the report sets below its title (levels 5 and 6 under a
 * session's, a case's or a member's note), are set apart from the notes' titles: in the
 * same face they read as another note begun. */
static BlockKind
heading_kind (guint level)
{
  return level <= 2 ? BLOCK_SECTION : level == 3 ? BLOCK_ITEM : level == 4 ? BLOCK_NOTE
         : BLOCK_NOTE_HEADING;
}

static GArray *
parse_blocks (const char *title,
              const char *markdown)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr(GPtrArray) md = dlg_markdown_parse_full (markdown, DLG_MD_PARSE_LINE_BREAKS);
  gboolean in_section = FALSE;
  /* The last list item at each depth, so that its later paragraphs hang as its text does. */
  guint items[DLG_MD_LIST_DEPTH_MAX + 1] = { 0, };

  g_array_set_clear_func (blocks, block_clear);
  /* Translators: the big heading on the first page of the PDF trip report */
  add_text_block (blocks, BLOCK_KICKER, _("Trip report"));
  add_text_block (blocks, BLOCK_TITLE, title);

  for (guint i = 0; i < md->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (md, i);

      switch (block->kind)
        {
        case DLG_MD_HEADING:
          /* The Markdown title: the title block above stands for it. */
          if (i == 0 && block->level == 1)
            break;
          add_md_block (blocks, heading_kind (block->level), block, NULL);
          in_section |= block->level <= 2;
          break;
        case DLG_MD_LIST_ITEM:
          items[MIN (block->depth, DLG_MD_LIST_DEPTH_MAX)] = blocks->len;
          add_md_block (blocks, BLOCK_LIST_ITEM, block, NULL);
          break;
        case DLG_MD_PARAGRAPH:
        default:
          if (block->continues_item)
            {
              /* The reader puts it after its item, whose "•\t" or "12.\t" it hangs from. */
              const Block *item = &g_array_index (blocks, Block,
                                                  items[MIN (block->depth, DLG_MD_LIST_DEPTH_MAX)]);
              g_autofree char *marker = NULL;

              if (item->kind == BLOCK_LIST_ITEM)
                marker = g_strndup (item->text, strcspn (item->text, "\t"));
              add_md_block (blocks, BLOCK_LIST_TEXT, block, marker);
            }
          else
            add_md_block (blocks, in_section ? BLOCK_TEXT : BLOCK_META, block, NULL);
          break;
        }
    }
  return blocks;
}

static void
report_free (Report *report)
{
  g_free (report->title);
  g_clear_pointer (&report->blocks, g_array_unref);
  g_clear_pointer (&report->layouts, g_ptr_array_unref);
  g_clear_pointer (&report->placed, g_array_unref);
  g_free (report);
}

/* How far a list item's text stands from its bullet or number (@len bytes of @marker):
 * past the widest one ("100." takes more than a bullet), in @layout's font. */
static double
marker_hang (PangoLayout *layout,
             const char  *marker,
             int          len)
{
  int width = 0;

  pango_layout_set_text (layout, marker != NULL ? marker : "", marker != NULL ? len : 0);
  pango_layout_get_size (layout, &width, NULL);
  return MAX (LIST_HANG, (double) width / PANGO_SCALE + 5);
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
      indent = TEXT_INDENT;
      break;
    case BLOCK_NOTE_HEADING:
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      indent = TEXT_INDENT;
      break;
    case BLOCK_META:
      pango_font_description_set_size (font, 11 * PANGO_SCALE);
      break;
    case BLOCK_LIST_ITEM:
    case BLOCK_LIST_TEXT:
      indent = LIST_INDENT + block->depth * LIST_NEST;
      break;
    case BLOCK_TEXT:
    default:
      indent = TEXT_INDENT;
      break;
    }
  if (block->quote)
    {
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      indent = QUOTE_INDENT + (block->kind == BLOCK_LIST_ITEM || block->kind == BLOCK_LIST_TEXT
                               ? LIST_INDENT - TEXT_INDENT + block->depth * LIST_NEST : 0);
    }
  pango_layout_set_font_description (layout, font);
  if (block->kind == BLOCK_LIST_ITEM)
    {
      /* The bullet hangs: the item's text and its later lines start at one tab stop. */
      const char *tab = strchr (block->text, '\t');
      g_autoptr(PangoTabArray) tabs = NULL;
      double hang = marker_hang (layout, block->text,
                                 tab != NULL ? (int) (tab - block->text) : 0);

      tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                 (int) (hang * PANGO_SCALE));
      pango_layout_set_tabs (layout, tabs);
      pango_layout_set_indent (layout, (int) (-hang * PANGO_SCALE));
    }
  else if (block->kind == BLOCK_LIST_TEXT)
    /* A later paragraph of an item: where the item's text starts, without a marker. */
    indent += marker_hang (layout, block->marker, -1);
  pango_layout_set_width (layout, (int) ((width - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, block->text, -1);
  pango_layout_set_attributes (layout, block->attrs);
  g_object_set_data (G_OBJECT (layout), "indent", GINT_TO_POINTER ((int) indent));
  return layout;
}

static double
space_before (BlockKind kind,
              BlockKind previous)
{
  /* A list's items stay together. */
  if (kind == BLOCK_LIST_ITEM && previous == BLOCK_LIST_ITEM)
    return 2;

  switch (kind)
    {
    case BLOCK_TITLE:
      return 4;
    case BLOCK_SECTION:
      return 22;
    case BLOCK_ITEM:
      return 12;
    case BLOCK_NOTE:
    case BLOCK_NOTE_HEADING:
      return 8;
    case BLOCK_KICKER:
    case BLOCK_META:
    case BLOCK_TEXT:
    case BLOCK_LIST_ITEM:
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
  cairo_surface_t *surface = cairo_get_target (gtk_print_context_get_cairo_context (context));
  double y = 0;
  int page = 0;

  /* What a PDF viewer's window and a file manager show for the file, and who made it. */
  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Delegate");
    }

  for (guint i = 0; i < report->blocks->len; i++)
    {
      const Block *block = &g_array_index (report->blocks, Block, i);
      PangoLayout *layout = block_layout (context, block, width);
      double indent = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), "indent"));
      gboolean heading = block->kind == BLOCK_SECTION || block->kind == BLOCK_ITEM
                         || block->kind == BLOCK_NOTE || block->kind == BLOCK_NOTE_HEADING;
      PangoLayoutIter *iter;
      int line = 0;

      g_ptr_array_add (report->layouts, layout);
      if (y > 0)
        y += space_before (block->kind, g_array_index (report->blocks, Block, i - 1).kind);

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
          placed.x = indent + (double) logical.x / PANGO_SCALE;  /* a hanging line's too */
          placed.baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
          placed.top = y;
          placed.bottom = y + (bottom - top);
          placed.quote = block->quote;
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

/* The PDF printed to @printed put at @filename, whole or not at all.  Cairo does not say
 * when a write fails (a full disk, a file size limit): the print operation "succeeds" with a
 * file cut short, even empty, so a PDF is known whole by its last line.  Written to a new
 * file renamed over @filename, so that a failure leaves the report exported before as it
 * was. */
static gboolean
put_in_place (const char  *printed,
              const char  *filename,
              GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length = 0;
  gsize end;
  gboolean existed;

  if (!g_file_get_contents (printed, &data, &length, error))
    return FALSE;
  end = length;
  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  if (end < 5 || memcmp (data + end - 5, "%%EOF", 5) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("the PDF could not be written whole; is the disk full?"));
      return FALSE;
    }
  /* As the other exports write (dlg-save-file.c), and say why they could not; a new file not
   * written whole is not left behind. */
  file = g_file_new_for_path (filename);
  existed = g_file_query_exists (file, NULL);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                NULL, error))
    {
      if (!existed)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
dlg_report_print_export (DlgFeed     *feed,
                         DlgStore    *store,
                         GPtrArray   *unsaved,
                         GtkWindow   *parent,
                         const char  *filename,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *printed = NULL;
  GtkPrintOperationResult result;
  Report *report;
  gboolean ok;
  int fd;

  g_return_val_if_fail (DLG_IS_FEED (feed), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  markdown = dlg_note_report_markdown (feed, store, unsaved, error);
  if (markdown == NULL)
    return FALSE;
  /* Printed first to a file of its own, checked, then put in place (put_in_place()).  The
   * file holds the delegate's notes: it is made in the app's own folder of the user's runtime
   * folder (readable by the user alone, in memory, cleared at logout), not in /tmp, where a
   * crash while printing left it on the disk, among every user's files, until a reboot. */
  folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  printed = g_build_filename (folder, "report-XXXXXX.pdf", NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      (fd = g_mkstemp_full (printed, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);

  report = g_new0 (Report, 1);
  /* Translators: the trip report's title, as its PDF is headed, e.g. "Trip report:
   * Citynet 2019 ..." */
  report->title = g_strdup_printf (_("Trip report: %s"),
                                   dlg_event_get_title (dlg_feed_get_event (feed)));
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
  gtk_print_operation_set_export_filename (operation, printed);
  gtk_print_operation_set_job_name (operation, _("Trip report"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
  report_free (report);
  ok = result != GTK_PRINT_OPERATION_RESULT_ERROR && put_in_place (printed, filename, error);
  g_unlink (printed);
  return ok;
}
