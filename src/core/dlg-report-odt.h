/* dlg-report-odt.h: the trip report as an OpenDocument text, to finish in a word processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"
#include "dlg-store.h"

G_BEGIN_DECLS

/* The report of dlg_note_report_markdown() as an .odt file that LibreOffice, Word or
 * any word processor opens for the delegate to finish: its title, headings, lists,
 * quotes, emphasis and links as the word processor's own, every line break kept; @unsaved
 * as dlg_note_report_markdown() takes it. */
GBytes *dlg_report_odt         (DlgFeed     *feed,
                                DlgStore    *store,
                                GPtrArray   *unsaved,
                                GError     **error);

/* The same from a report's @markdown (read as dlg_report_odt() reads it). */
GBytes *dlg_report_odt_from_markdown (const char *markdown);

/* The document's body (its content.xml) for @markdown: well-formed XML whatever
 * @markdown holds.  For tests and fuzzing. */
char   *dlg_report_odt_content (const char  *markdown);

G_END_DECLS
