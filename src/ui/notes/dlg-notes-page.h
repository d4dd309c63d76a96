/* dlg-notes-page.h: the delegate's own notes, for the current event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-feed.h"
#include "dlg-note.h"
#include "dlg-store.h"

G_BEGIN_DECLS

#define DLG_TYPE_NOTES_PAGE (dlg_notes_page_get_type ())
G_DECLARE_FINAL_TYPE (DlgNotesPage, dlg_notes_page, DLG, NOTES_PAGE, AdwBin)

void     dlg_notes_page_set_store (DlgNotesPage *self,
                                   DlgStore     *store);
/* The notes of @feed's event, or without a @feed, those of the current event waiting for its
 * first download under @pending_id (dlg_notes_pending_event_id() of its address; NULL when
 * there is no such event).  With a @feed, @pending_id is that of the event the feed is of:
 * the notes shown under it become the feed event's, and stay open. */
void     dlg_notes_page_set_feed  (DlgNotesPage *self,
                                   DlgFeed      *feed,
                                   const char   *pending_id);
/* Starts a note, free or attached to an item of the current event, and
 * opens it; for an item that has a note already, opens that one.  FALSE
 * without an event or store. */
gboolean dlg_notes_page_new_note  (DlgNotesPage *self,
                                   DlgNoteKind   kind,
                                   const char   *key);
/* Saves every change now, before returning (closing, quitting). */
gboolean dlg_notes_page_save      (DlgNotesPage *self);
/* Saves every change now; FALSE, the first time, if the store refuses them: the page's banner
 * then says so and the window should stay open.  Asked again while the saves still fail, TRUE:
 * the delegate has been told. */
gboolean dlg_notes_page_may_close (DlgNotesPage *self);
/* While a note's change is not saved: the file that keeps it against a kill, @kept whether
 * it does (dlg_note_saver_dup_rescue_path()); else NULL. */
char    *dlg_notes_page_dup_rescue_path (DlgNotesPage *self,
                                         gboolean     *kept);

G_END_DECLS
