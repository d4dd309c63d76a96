/* dlg-report-odt.c: the trip report as an OpenDocument text, to finish in a word processor
 *
 * The Markdown report (dlg-note-report.c) is read with core's Markdown reader, as the PDF
 * reads it, and written as OpenDocument's paragraphs under the styles of
 * data/report/styles.xml: its level 1 heading the document's title, levels 2-4 headings 1-3,
 * lists as lists, quotes as "Quotations", bold, italics and code as character styles, safe
 * links as links.  Every character of text is escaped, and those XML cannot hold (control
 * characters) are dropped: the delegate's notes and the feed's titles are data here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-report-odt"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dlg-markdown.h"
#include "dlg-note-report.h"
#include "dlg-report-odt.h"
#include "dlg-zip.h"

#define MIME_TYPE "application/vnd.oasis.opendocument.text"
#define REPORT_RESOURCES "/io/github/delegateapp/Delegate/report/"

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " office:version=\"1.2\""

/* Text escaped for an attribute or an element; control characters are left out (the
 * invisible ones a paste may bring). */
static void
append_escaped (GString    *xml,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (xml, "&amp;"); break;
        case '<': g_string_append (xml, "&lt;"); break;
        case '>': g_string_append (xml, "&gt;"); break;
        case '"': g_string_append (xml, "&quot;"); break;
        default:
          /* C0 (but tab and line feed), DEL and C1: XML 1.0 cannot hold the first, and
           * word processors draw the others as boxes. */
          if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) ||
              c == 0xfffe || c == 0xffff)
            break;
          g_string_append_len (xml, p, g_utf8_next_char (p) - p);
          break;
        }
    }
}

/* A paragraph's text.  OpenDocument folds runs of white space into one space, as HTML
 * does: the delegate's indents, tabs and line breaks are written as its own marks. */
static void
append_text (GString    *xml,
             const char *text,
             gboolean   *after_space)
{
  /* The Markdown reader expects valid text; a note that is not (one stored by an older
   * version, say) must not make the whole document unreadable to a word processor. */
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      const char *run = p;

      if (*p == ' ')
        {
          g_string_append (xml, *after_space ? "<text:s/>" : " ");
          *after_space = TRUE;
          continue;
        }
      *after_space = *p == '\n' || *p == '\t';
      if (*p == '\n')
        g_string_append (xml, "<text:line-break/>");
      else if (*p == '\t')
        g_string_append (xml, "<text:tab/>");
      else
        {
          g_autofree char *piece = NULL;

          while (p[1] != '\0' && p[1] != ' ' && p[1] != '\n' && p[1] != '\t')
            p++;
          piece = g_strndup (run, p - run + 1);
          append_escaped (xml, piece);
        }
    }
}

/* Bold, italics and code as the character styles of styles.xml, one inside the other. */
static const struct
{
  DlgMdStyle  style;
  const char *name;
} char_styles[] = {
  { DLG_MD_STYLE_STRONG, "Strong_20_Emphasis" },
  { DLG_MD_STYLE_EMPH, "Emphasis" },
  { DLG_MD_STYLE_CODE, "Source_20_Text" },
};

/* A link is followed by its address, as in the PDF: the report is printed to be handed in,
 * and paper cannot follow a link. */
static void
append_spans (GString          *xml,
              const DlgMdBlock *block)
{
  /* A paragraph's leading space would be dropped: it is written as a mark. */
  gboolean after_space = TRUE;

  for (guint i = 0; i < block->spans->len; i++)
    {
      const DlgMdSpan *span = g_ptr_array_index (block->spans, i);
      g_autofree char *address = NULL;
      guint closing = 0;

      if (span->url != NULL)
        {
          g_string_append (xml, "<text:a xlink:type=\"simple\" xlink:href=\"");
          append_escaped (xml, span->url);
          g_string_append (xml, "\" text:style-name=\"Internet_20_link\">");
        }
      for (guint k = 0; k < G_N_ELEMENTS (char_styles); k++)
        {
          if ((span->style & char_styles[k].style) == 0)
            continue;
          g_string_append_printf (xml, "<text:span text:style-name=\"%s\">", char_styles[k].name);
          closing++;
        }
      append_text (xml, span->text, &after_space);
      for (; closing > 0; closing--)
        g_string_append (xml, "</text:span>");
      if (span->url == NULL)
        continue;
      g_string_append (xml, "</text:a>");
      address = dlg_md_link_address (block, i);
      if (address != NULL)
        append_text (xml, address, &after_space);
    }
}

static void
append_paragraph (GString          *xml,
                  const char       *style,
                  const DlgMdBlock *block)
{
  g_string_append_printf (xml, "<text:p text:style-name=\"%s\">", style);
  append_spans (xml, block);
  g_string_append (xml, "</text:p>");
}

static void
append_heading (GString          *xml,
                const DlgMdBlock *block)
{
  /* Below the title, a report's sections (##), its items (###), the notes' titles (####)
   * and the notes' own headings (#####, ######: dlg-note-report.c puts them below their
   * note's title), as Heading 1-4. */
  guint level = CLAMP (block->level, 2, 5) - 1;

  g_string_append_printf (xml, "<text:h text:style-name=\"Heading_20_%u\" text:outline-level=\"%u\">",
                          level, level);
  append_spans (xml, block);
  g_string_append (xml, "</text:h>");
}

/* The lists being written, each level inside the open item of the one above, as
 * OpenDocument nests them.  Between blocks every open list has one open item: a nested list
 * lies in the item above it, so an item is closed only once the next block shows it has
 * nothing more under it. */
typedef struct
{
  guint    n;                                   /* lists open, levels 0 to n - 1 */
  gboolean ordered[DLG_MD_LIST_DEPTH_MAX + 1];  /* each level's kind */
  guint    number[DLG_MD_LIST_DEPTH_MAX + 1];   /* each level's last number, 0 at its start */
} OpenLists;

static void
open_list (GString   *xml,
           OpenLists *lists,
           guint      level,
           gboolean   ordered)
{
  g_string_append_printf (xml, "<text:list text:style-name=\"%s\">",
                          ordered ? "Numbering_20_123" : "List_20_Bullet");
  lists->ordered[level] = ordered;
  lists->number[level] = 0;
}

/* Closes the open lists deeper than @n levels, with their items. */
static void
close_lists (GString   *xml,
             OpenLists *lists,
             guint      n)
{
  for (; lists->n > n; lists->n--)
    g_string_append (xml, "</text:list-item></text:list>");
  /* A line break between blocks only: inside an item it would be its text to a reader. */
  if (n == 0)
    g_string_append_c (xml, '\n');
}

static void
append_item (GString          *xml,
             OpenLists        *lists,
             const DlgMdBlock *block)
{
  guint depth = MIN (block->depth, DLG_MD_LIST_DEPTH_MAX);

  close_lists (xml, lists, depth + 1);
  if (lists->n == depth + 1)
    {
      /* The item before, at this level, ends here; bullets turning to numbers, or back,
       * make a new list. */
      g_string_append (xml, "</text:list-item>");
      if (lists->ordered[depth] != block->ordered)
        {
          g_string_append (xml, "</text:list>");
          open_list (xml, lists, depth, block->ordered);
        }
    }
  else
    {
      /* Deeper than any open list: the levels between are opened in empty items, as word
       * processors write a list that starts deep (after a paragraph, say). */
      for (guint level = lists->n; level <= depth; level++)
        {
          if (level > lists->n)
            g_string_append (xml, "<text:list-item>");
          open_list (xml, lists, level, block->ordered);
        }
      lists->n = depth + 1;
    }

  /* A numbered list starts at its first number ("3."), and a number that does not follow
   * ("1. 1." or "3. 5.") is kept: as typed, and as the PDF prints it. */
  if (block->ordered &&
      (lists->number[depth] == 0 || block->number != lists->number[depth] + 1))
    g_string_append_printf (xml, "<text:list-item text:start-value=\"%u\">", block->number);
  else
    g_string_append (xml, "<text:list-item>");
  lists->number[depth] = block->ordered ? MAX (block->number, 1) : 1;
  append_paragraph (xml, block->quote ? "Quotations" : "List_20_Contents", block);
}

/* A later paragraph of an item, in the item's own text:list-item, the deeper lists in it
 * closed: the list goes on after it, numbered on, as the delegate wrote it. */
static void
append_item_paragraph (GString          *xml,
                       OpenLists        *lists,
                       const DlgMdBlock *block)
{
  close_lists (xml, lists, MIN (block->depth, DLG_MD_LIST_DEPTH_MAX) + 1);
  append_paragraph (xml, block->quote ? "Quotations" : "List_20_Contents", block);
}

char *
dlg_report_odt_content (const char *markdown)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<office:document-content" NAMESPACES ">\n"
                                         "<office:body>\n<office:text>\n");
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (markdown, DLG_MD_PARSE_LINE_BREAKS);
  OpenLists lists = { 0 };

  for (guint i = 0; i < blocks->len; i++)
    {
      const DlgMdBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == DLG_MD_LIST_ITEM)
        {
          append_item (xml, &lists, block);
          continue;
        }
      /* The reader puts it after its item, whose list is open. */
      if (block->continues_item && lists.n > 0)
        {
          append_item_paragraph (xml, &lists, block);
          continue;
        }

      if (lists.n > 0)
        close_lists (xml, &lists, 0);
      if (block->kind == DLG_MD_HEADING && i == 0 && block->level == 1)
        append_paragraph (xml, "Title", block);
      else if (block->kind == DLG_MD_HEADING)
        append_heading (xml, block);
      else
        append_paragraph (xml, block->quote ? "Quotations" : "Text_20_body", block);
      g_string_append_c (xml, '\n');
    }
  if (lists.n > 0)
    close_lists (xml, &lists, 0);

  g_string_append (xml, "</office:text>\n</office:body>\n</office:document-content>\n");
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

/* The report's language, that of its headings, as a BCP 47 tag ("en-GB"), split into its
 * language and its country for OpenDocument; the word processor spell-checks in it. */
static void
report_language (char **language,
                 char **country)
{
  /* Translators: the language of this translation as a BCP 47 tag, language and country
   * ("id-ID"): the trip report's document says it is in that language, and word
   * processors check its spelling in it */
  g_auto(GStrv) parts = g_strsplit (_("en-GB"), "-", 2);

  *language = g_strdup (parts[0] != NULL && parts[0][0] != '\0' ? parts[0] : "en");
  *country = g_strdup (parts[0] != NULL && parts[1] != NULL ? parts[1] : "none");
}

/* The document's title (the report's first heading), language and maker, for the word
 * processor's properties and the file manager. */
static char *
meta_xml (const char *markdown)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<office:document-meta" NAMESPACES ">\n<office:meta>\n");
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (markdown);
  /* The laptop's time, without a zone, as word processors write it and read it back. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  g_string_append (xml, "<meta:generator>Delegate/" PACKAGE_VERSION "</meta:generator>\n");
  if (blocks->len > 0)
    {
      const DlgMdBlock *first = g_ptr_array_index (blocks, 0);

      if (first->kind == DLG_MD_HEADING && first->level == 1)
        {
          g_autofree char *title = dlg_md_block_to_plain (first);
          g_autofree char *valid = g_utf8_make_valid (title, -1);

          g_string_append (xml, "<dc:title>");
          append_escaped (xml, valid);
          g_string_append (xml, "</dc:title>\n");
        }
    }
  g_string_append_printf (xml, "<meta:creation-date>%s</meta:creation-date>\n", created);
  {
    g_autofree char *language = NULL;
    g_autofree char *country = NULL;

    report_language (&language, &country);
    g_string_append (xml, "<dc:language>");
    append_escaped (xml, language);
    if (!g_str_equal (country, "none"))
      {
        g_string_append_c (xml, '-');
        append_escaped (xml, country);
      }
    g_string_append (xml, "</dc:language>\n");
  }
  g_string_append (xml, "</office:meta>\n</office:document-meta>\n");
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

static GBytes *
lookup_resource (const char *name)
{
  g_autofree char *path = g_strconcat (REPORT_RESOURCES, name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* Compiled into the program: never missing. */
  g_assert (bytes != NULL);
  return bytes;
}

/* styles.xml, in the report's language. */
static char *
styles_xml (void)
{
  g_autoptr(GBytes) bytes = lookup_resource ("styles.xml");
  g_autoptr(GString) xml = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));
  g_autoptr(GString) language = g_string_new (NULL);
  g_autoptr(GString) country = g_string_new (NULL);
  g_autofree char *language_tag = NULL;
  g_autofree char *country_tag = NULL;

  report_language (&language_tag, &country_tag);
  append_escaped (language, language_tag);
  append_escaped (country, country_tag);
  g_string_replace (xml, "@LANGUAGE@", language->str, 0);
  g_string_replace (xml, "@COUNTRY@", country->str, 0);
  return g_string_free (g_steal_pointer (&xml), FALSE);
}

GBytes *
dlg_report_odt_from_markdown (const char *markdown)
{
  DlgZip *zip = dlg_zip_new ();
  g_autofree char *content = dlg_report_odt_content (markdown);
  g_autofree char *styles = styles_xml ();
  g_autofree char *meta = meta_xml (markdown);
  g_autoptr(GBytes) manifest = lookup_resource ("manifest.xml");

  /* The first entry says what the file is, stored as it is (OpenDocument 1.2, 3.3). */
  dlg_zip_add (zip, "mimetype", MIME_TYPE, strlen (MIME_TYPE));
  dlg_zip_add (zip, "content.xml", content, strlen (content));
  dlg_zip_add (zip, "styles.xml", styles, strlen (styles));
  dlg_zip_add (zip, "meta.xml", meta, strlen (meta));
  dlg_zip_add (zip, "META-INF/manifest.xml", g_bytes_get_data (manifest, NULL),
               g_bytes_get_size (manifest));
  return dlg_zip_finish (zip);
}

GBytes *
dlg_report_odt (DlgFeed    *feed,
                DlgStore   *store,
                GPtrArray  *unsaved,
                GError    **error)
{
  g_autofree char *markdown = dlg_note_report_markdown (feed, store, unsaved, error);

  if (markdown == NULL)
    return NULL;
  return dlg_report_odt_from_markdown (markdown);
}
