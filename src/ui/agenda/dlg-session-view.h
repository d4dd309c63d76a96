/* dlg-session-view.h: one session, whole, beside the agenda's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_SESSION_VIEW (dlg_session_view_get_type ())
G_DECLARE_FINAL_TYPE (DlgSessionView, dlg_session_view, DLG, SESSION_VIEW, GtkWidget)

/* Shows @session of @feed, whose time the agenda words as @time_text (in the event's zone or
 * the computer's, as the delegate chose). */
void dlg_session_view_show (DlgSessionView *self,
                            DlgFeed        *feed,
                            DlgSession     *session,
                            const char     *time_text);
/* Shows the star of the session shown as @starred, or hides it when the delegate cannot star
 * (@can_star FALSE: no store, or an event without an id), as the agenda's rows do.  A press
 * on it emits "toggle-star". */
void dlg_session_view_set_starred (DlgSessionView *self,
                                   gboolean        can_star,
                                   gboolean        starred);
/* The session's title, where the keyboard goes when it is opened. */
GtkWidget *dlg_session_view_get_title (DlgSessionView *self);

G_END_DECLS
