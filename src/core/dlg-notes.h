/* dlg-notes.h: the delegate's notes in the store
 *
 * Plain blocking calls: run them in a worker thread (DlgNoteSaver does),
 * except for reading the list once when a pane opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-note.h"
#include "dlg-store.h"

G_BEGIN_DECLS

/* Writes @notes (DlgNote) in one transaction.  Of two versions of a note,
 * the one modified later wins: an older copy never overwrites a newer
 * one, whichever is written last. */
gboolean   dlg_notes_save   (DlgStore    *self,
                             GPtrArray   *notes,
                             GError     **error);
/* The notes of @event_id (all events if NULL), newest first; deleted ones
 * only with @with_deleted.  A GPtrArray of DlgNote, NULL on error. */
GPtrArray *dlg_notes_list   (DlgStore    *self,
                             const char  *event_id,
                             gboolean     with_deleted,
                             GError     **error);
/* As dlg_notes_list(), with the notes of @unsaved (DlgNote, may be NULL) in place of their
 * older copies in the store, or added: the text typed that a full disk or a locked file kept
 * out of the store (dlg_note_saver_dup_unsaved()), which a report or an export must hold. */
GPtrArray *dlg_notes_list_with_unsaved (DlgStore    *self,
                                        const char  *event_id,
                                        gboolean     with_deleted,
                                        GPtrArray   *unsaved,
                                        GError     **error);
/* NULL when the store has no note @id. */
DlgNote   *dlg_notes_lookup (DlgStore    *self,
                             const char  *id);

/* Notes written on an event added from @url before its first download
 * (offline, at a venue) are kept under this id; the sync that stores the
 * first copy moves them to the event's own id (dlg_store_commit_sync). */
char      *dlg_notes_pending_event_id (const char *url);
/* Moves the notes kept under @from to @to: those of the moment between
 * that sync and the window taking the event. */
gboolean   dlg_notes_adopt  (DlgStore    *self,
                             const char  *from,
                             const char  *to,
                             GError     **error);

G_END_DECLS
