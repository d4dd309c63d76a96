/* dlg-note-report.h: the trip report, in Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"
#include "dlg-note.h"
#include "dlg-store.h"

G_BEGIN_DECLS

/* The report of @feed's event from the delegate's stars and notes in
 * @store: title, dates and venue; the sessions attended (starred, or
 * with notes) in time order with their notes, each with its day and time
 * (its day and "time to be announced" when the organiser has not
 * announced the time); the best practices with
 * notes; the members noted; other notes (free ones, and those attached
 * to an item that is gone).  Headings are in the interface language.
 *
 * @unsaved (DlgNote, may be NULL): text typed that the store refused so far (a full
 * disk, a locked file; dlg_note_saver_dup_unsaved()), in place of the store's older copies. */
char *dlg_note_report_markdown (DlgFeed    *feed,
                                DlgStore   *store,
                                GPtrArray  *unsaved,
                                GError    **error);
/* What @note was about, its item gone from the feed, by the name last seen
 * (dlg_note_get_item_title()): "Session: Opening (no longer in the programme)", as the
 * report and the Notes pane say it; NULL for a free note. */
char *dlg_note_report_gone_item (DlgNote   *note);

G_END_DECLS
