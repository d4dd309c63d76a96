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
void     dlg_notes_page_set_feed  (DlgNotesPage *self,
                                   DlgFeed      *feed);
/* Starts a note, free or attached to an item of the current event, and
 * opens it.  FALSE without an event or store. */
gboolean dlg_notes_page_new_note  (DlgNotesPage *self,
                                   DlgNoteKind   kind,
                                   const char   *key);
/* Saves every change now, before returning (closing, quitting). */
gboolean dlg_notes_page_save      (DlgNotesPage *self);

G_END_DECLS
