/* dlg-events-popover.h: the events a delegate follows: switch, add, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-library.h"

G_BEGIN_DECLS

#define DLG_TYPE_EVENTS_POPOVER (dlg_events_popover_get_type ())
G_DECLARE_FINAL_TYPE (DlgEventsPopover, dlg_events_popover, DLG, EVENTS_POPOVER, GtkPopover)

void dlg_events_popover_set_library (DlgEventsPopover *self,
                                     DlgLibrary       *library);

G_END_DECLS
