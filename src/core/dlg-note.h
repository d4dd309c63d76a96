/* dlg-note.h: one of the delegate's own notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

/* What a note is attached to; the key is the session key, practice id or
 * member id of the event's feed (NULL for a free note). */
typedef enum
{
  DLG_NOTE_FREE,
  DLG_NOTE_SESSION,
  DLG_NOTE_PRACTICE,
  DLG_NOTE_MEMBER,
} DlgNoteKind;

#define DLG_TYPE_NOTE_KIND (dlg_note_kind_get_type ())
GType dlg_note_kind_get_type (void);

const char *dlg_note_kind_to_string   (DlgNoteKind  kind);
/* FALSE for an unknown name. */
gboolean    dlg_note_kind_from_string (const char  *name,
                                       DlgNoteKind *kind);

#define DLG_TYPE_NOTE (dlg_note_get_type ())
G_DECLARE_FINAL_TYPE (DlgNote, dlg_note, DLG, NOTE, GObject)

/* A new, empty note with a fresh id, created and modified now. */
DlgNote     *dlg_note_new            (const char  *event_id,
                                      DlgNoteKind  kind,
                                      const char  *key);
/* A note as it was stored. */
DlgNote     *dlg_note_new_full       (const char  *id,
                                      const char  *event_id,
                                      DlgNoteKind  kind,
                                      const char  *key,
                                      const char  *title,
                                      const char  *body,
                                      gint64       created,
                                      gint64       modified,
                                      gboolean     deleted);
/* An unchanging copy, to hand to a saving thread. */
DlgNote     *dlg_note_copy           (DlgNote     *self);

const char  *dlg_note_get_id         (DlgNote     *self);
const char  *dlg_note_get_event_id   (DlgNote     *self);
DlgNoteKind  dlg_note_get_kind       (DlgNote     *self);
const char  *dlg_note_get_key        (DlgNote     *self); /* nullable */
const char  *dlg_note_get_title      (DlgNote     *self); /* never NULL */
const char  *dlg_note_get_body       (DlgNote     *self); /* never NULL */
/* Microseconds since the epoch (g_get_real_time). */
gint64       dlg_note_get_created    (DlgNote     *self);
gint64       dlg_note_get_modified   (DlgNote     *self);
gboolean     dlg_note_get_deleted    (DlgNote     *self);

/* Each change moves "modified" to now (always forward). */
void         dlg_note_set_title      (DlgNote     *self,
                                      const char  *title);
void         dlg_note_set_body       (DlgNote     *self,
                                      const char  *body);
void         dlg_note_set_deleted    (DlgNote     *self,
                                      gboolean     deleted);
/* The note belongs to @event_id now: begun on an event added offline, it
 * joins the event once downloaded (dlg-notes.h).  Not a change of its
 * text: "modified" stays. */
void         dlg_note_move_to_event  (DlgNote     *self,
                                      const char  *event_id);

/* The title, or the body's first line, or NULL when both are empty. */
char        *dlg_note_dup_heading    (DlgNote     *self);
/* Whether the title, body and the name of what it is about (dlg_note_get_item_title())
 * hold every word of @query between them (casefolded). */
gboolean     dlg_note_matches        (DlgNote     *self,
                                      const char  *query);
/* TRUE when the note is attached to an item @feed does not have (any
 * more): the note stays and says so. */
gboolean     dlg_note_is_orphaned    (DlgNote     *self,
                                      DlgFeed     *feed);
/* The attached item's name in @feed ("Opening ceremony"), or NULL when
 * free or gone. */
const char  *dlg_note_get_item_name  (DlgNote     *self,
                                      DlgFeed     *feed);
/* The attached item's name as last seen in a feed, kept with the note so that the
 * report can still name a session, case or member a feed update removed; NULL when
 * never seen (free, or written before Delegate kept it). */
const char  *dlg_note_get_item_title (DlgNote     *self);
/* As the store has it.  Not a change of the note's text: "modified" stays. */
void         dlg_note_set_item_title (DlgNote     *self,
                                      const char  *item_title);
/* Keeps the attached item's name in @feed, when @feed has it; TRUE when it was not the
 * one kept (the note is then to be saved). */
gboolean     dlg_note_remember_item  (DlgNote     *self,
                                      DlgFeed     *feed);

G_END_DECLS
