/* dlg-window.h: the main window with its three panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-application.h"
#include "dlg-feed.h"
#include "dlg-library.h"

G_BEGIN_DECLS

#define DLG_TYPE_WINDOW (dlg_window_get_type ())
G_DECLARE_FINAL_TYPE (DlgWindow, dlg_window, DLG, WINDOW, AdwApplicationWindow)

DlgWindow  *dlg_window_new         (DlgApplication *application,
                                    DlgLibrary     *library);
DlgLibrary *dlg_window_get_library (DlgWindow      *self);
/* The feed the panes show: the library's current one, set on change. */
DlgFeed    *dlg_window_get_feed    (DlgWindow      *self);
void        dlg_window_set_feed    (DlgWindow      *self,
                                    DlgFeed        *feed);

/* Saves the delegate's notes now (closing, quitting); FALSE if the store
 * refused them (the window then still holds them). */
gboolean    dlg_window_save_notes  (DlgWindow      *self);
/* Saves the notes as closing or quitting does; FALSE, the first time, if the store refuses
 * them: the window then shows the notes, whose banner says why, and should stay open. */
gboolean    dlg_window_may_close   (DlgWindow      *self);

G_END_DECLS
