/* dlg-session.h: one session of the agenda (a frab "event")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-link.h"

G_BEGIN_DECLS

#define DLG_TYPE_SESSION (dlg_session_get_type ())
G_DECLARE_FINAL_TYPE (DlgSession, dlg_session, DLG, SESSION, GObject)

/* The stable key notes and stars attach to: the frab guid. */
const char         *dlg_session_get_key          (DlgSession *self);
const char         *dlg_session_get_title        (DlgSession *self);
const char         *dlg_session_get_subtitle     (DlgSession *self); /* nullable */
/* Plain text (never markup), nullable. */
const char         *dlg_session_get_abstract     (DlgSession *self);
const char         *dlg_session_get_description  (DlgSession *self);
const char         *dlg_session_get_room         (DlgSession *self); /* nullable */
const char         *dlg_session_get_track        (DlgSession *self); /* nullable */
const char         *dlg_session_get_kind         (DlgSession *self); /* frab "type", nullable */
const char         *dlg_session_get_language     (DlgSession *self); /* nullable */
const char         *dlg_session_get_url          (DlgSession *self); /* nullable, http(s) only */
/* Speaker names, never NULL (may be empty). */
const char * const *dlg_session_get_persons      (DlgSession *self);
/* The speakers as one line, or NULL for none: "A, B", or "A; B" when a name holds a comma
 * ("H. Saiful Ilah, SH, M.Hum; Wali Kota Kupang"), so that titles never read as persons. */
char               *dlg_session_dup_persons_text (DlgSession *self);
/* Member ids of the cities that present in this session. */
const char * const *dlg_session_get_members      (DlgSession *self);
/* GListModel of DlgLink (http(s) only), never NULL. */
GListModel         *dlg_session_get_links        (DlgSession *self);
/* Start and end in the event's zone. */
GDateTime          *dlg_session_get_start        (DlgSession *self);
GDateTime          *dlg_session_get_end          (DlgSession *self);
guint               dlg_session_get_duration     (DlgSession *self); /* minutes */
/* The 1-based index of the day the organiser listed the session under. */
guint               dlg_session_get_day          (DlgSession *self);
/* TRUE when the organiser has not published a time: the start only
 * orders the session within its day and must not be shown as a time. */
gboolean            dlg_session_get_time_tba     (DlgSession *self);

G_END_DECLS
