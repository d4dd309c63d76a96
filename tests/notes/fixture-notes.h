/* fixture-notes.h: notes on the notes fixture (tests/notes/fixtures/before.json), for the
 * report tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-note.h"

/* A new note of the fixture's event, added to @notes (which owns it) and returned. */
static inline DlgNote *
add_note (GPtrArray   *notes,
          DlgNoteKind  kind,
          const char  *key,
          const char  *title,
          const char  *body)
{
  DlgNote *note = dlg_note_new ("notes-fixture", kind, key);

  dlg_note_set_title (note, title);
  dlg_note_set_body (note, body);
  g_ptr_array_add (notes, note);
  return note;
}
