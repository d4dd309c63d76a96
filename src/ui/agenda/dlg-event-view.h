/* dlg-event-view.h: the event itself, beside the agenda's list when no session is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_EVENT_VIEW (dlg_event_view_get_type ())
G_DECLARE_FINAL_TYPE (DlgEventView, dlg_event_view, DLG, EVENT_VIEW, GtkWidget)

/* Shows @event (nullable): its title, subtitle, dates, place, organiser and website. */
void  dlg_event_view_set_event   (DlgEventView *self,
                                  DlgEvent     *event);

G_END_DECLS
