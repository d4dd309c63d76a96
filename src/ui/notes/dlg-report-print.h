/* dlg-report-print.h: the trip report, printed to a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"
#include "dlg-store.h"

G_BEGIN_DECLS

/* Prints the trip report of @feed's event (dlg_note_report_markdown())
 * to the PDF file @filename on A4 pages: a title block, the sections as
 * headings, the notes as wrapped paragraphs, quotes ("> ") indented in
 * italics without their markers, page numbers in the footer.
 * Runs to the end before it returns; @parent may be NULL; @unsaved as
 * dlg_note_report_markdown() takes it. */
gboolean dlg_report_print_export (DlgFeed     *feed,
                                  DlgStore    *store,
                                  GPtrArray   *unsaved,
                                  GtkWindow   *parent,
                                  const char  *filename,
                                  GError     **error);

G_END_DECLS
