/* dlg-notes-export.h: the delegate's personal data (stars and notes, all
 * events) as one JSON file, to move to another laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-store.h"

G_BEGIN_DECLS

/* {"delegate_personal_data": 1, "stars": [...], "notes": [...]}, deleted
 * notes included (so that an import does not bring them back). */
char     *dlg_notes_export_json (DlgStore    *store,
                                 GError     **error);
/* Merges an export into @store: stars are added, and of two versions of
 * a note the one changed later wins, so importing twice changes nothing.
 * The counts say how many stars and notes were in the file. */
gboolean  dlg_notes_import_json (DlgStore    *store,
                                 const char  *data,
                                 gssize       length,
                                 guint       *n_stars,
                                 guint       *n_notes,
                                 GError     **error);

G_END_DECLS
