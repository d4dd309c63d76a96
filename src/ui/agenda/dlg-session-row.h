/* dlg-session-row.h: one session in the agenda list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DLG_TYPE_SESSION_ROW (dlg_session_row_get_type ())
G_DECLARE_FINAL_TYPE (DlgSessionRow, dlg_session_row, DLG, SESSION_ROW, GtkWidget)

/* Asks its DlgAgendaPage ancestor again for everything it shows (the
 * group header, the time, the star, the flags). */
void dlg_session_row_update (DlgSessionRow *self);

G_END_DECLS
