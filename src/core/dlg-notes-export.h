/* dlg-notes-export.h: the delegate's personal data (stars and notes, all
 * events) as one JSON file, to move to another laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-store.h"

G_BEGIN_DECLS

/* {"delegate_personal_data": 1, "stars": [...], "notes": [...]}, deleted
 * notes included (so that an import does not bring them back); with the notes of @unsaved
 * (DlgNote, may be NULL: text the store refused so far) in place of the store's copies. */
char     *dlg_notes_export_json (DlgStore    *store,
                                 GPtrArray   *unsaved,
                                 GError     **error);
/* The same file with only @notes (DlgNote) and no stars: what a save that failed left in
 * memory, kept where a kill cannot take it (dlg-note-saver.c). */
char     *dlg_notes_export_unsaved_json (GPtrArray *notes);
/* Merges an export into @store: stars are added, and of two versions of
 * a note the one changed later wins, so importing twice changes nothing.
 * The counts say how many stars and notes were in the file. */
gboolean  dlg_notes_import_json (DlgStore    *store,
                                 const char  *data,
                                 gssize       length,
                                 guint       *n_stars,
                                 guint       *n_notes,
                                 GError     **error);

/* The same from a file, read and merged in a worker thread, so that the window never waits
 * for the disk. Only a regular file of at most DLG_FILE_MAX_SIZE is read (not /dev/zero, a
 * pipe, or a disk image chosen by mistake). */
void      dlg_notes_import_file_async  (DlgStore             *store,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  dlg_notes_import_file_finish (DlgStore             *store,
                                        GAsyncResult         *result,
                                        guint                *n_stars,
                                        guint                *n_notes,
                                        GError              **error);

G_END_DECLS
