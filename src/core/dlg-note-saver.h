/* dlg-note-saver.h: saves notes while the delegate writes
 *
 * Tell it each change with dlg_note_saver_queue(): it writes the change
 * to the store at once, in a worker thread (changes made meanwhile go
 * together in the next save).  A failed save (disk full, read-only
 * store) keeps the notes queued, sets "error" and tries again every
 * "retry" ms and on the next change; a good save clears "error".  On a store in memory whose
 * file could not be opened at start, the first save that opens it emits "file-opened".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-note.h"
#include "dlg-store.h"

G_BEGIN_DECLS

#define DLG_TYPE_NOTE_SAVER (dlg_note_saver_get_type ())
G_DECLARE_FINAL_TYPE (DlgNoteSaver, dlg_note_saver, DLG, NOTE_SAVER, GObject)

DlgNoteSaver *dlg_note_saver_new       (DlgStore     *store);
DlgStore     *dlg_note_saver_get_store (DlgNoteSaver *self);

/* @note changed (or is new): save it now, in the background. */
void          dlg_note_saver_queue     (DlgNoteSaver *self,
                                        DlgNote      *note);
/* Tries a failed save again now, in the background ("Try Again"). */
void          dlg_note_saver_save_now  (DlgNoteSaver *self);
/* Saves what is queued before returning (closing, quitting). */
gboolean      dlg_note_saver_flush     (DlgNoteSaver *self,
                                        GError      **error);

/* Why the last save failed, or NULL when everything is saved or saving. */
const char   *dlg_note_saver_get_error (DlgNoteSaver *self);
/* Whether some change is not in the store yet. */
gboolean      dlg_note_saver_get_unsaved (DlgNoteSaver *self);
/* While some change is not in the store: the file in the user's runtime folder that keeps
 * it against a kill, and in @kept whether it holds it (FALSE when even it could not be
 * written).  NULL when everything is saved, or when no file keeps it (@kept left alone). */
char         *dlg_note_saver_dup_rescue_path (DlgNoteSaver *self,
                                              gboolean     *kept);
/* The notes whose changes are not in the store yet (the live objects, not copies): newer
 * than what the store would give back while its saves fail. */
GPtrArray    *dlg_note_saver_dup_unsaved (DlgNoteSaver *self);
/* The notes of @event_id, newest first, as they are now: the store's, with the unsaved ones
 * in their place.  While the saves fail (a full disk), the store holds older text, or nothing
 * for a note begun since, and an edit to its old copy would replace the newer text. */
GPtrArray    *dlg_note_saver_list        (DlgNoteSaver *self,
                                          const char   *event_id,
                                          GError      **error);

G_END_DECLS
