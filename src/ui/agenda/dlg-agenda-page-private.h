/* dlg-agenda-page-private.h: what a session row asks its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-agenda-page.h"

G_BEGIN_DECLS

/* Now, to compare with the sessions' times (dlg_event_now()). */
GDateTime *dlg_agenda_page_now          (DlgAgendaPage *self);

/* The group header above the row at @position of the visible list: its
 * start ("09:00 WITA", with the day when the list spans days), or NULL
 * when the row above starts at the same time. */
char     *dlg_agenda_page_describe_group (DlgAgendaPage *self,
                                          guint          position);
/* "09:00–10:30", in the zone the delegate chose. */
char     *dlg_agenda_page_format_time    (DlgAgendaPage *self,
                                          DlgSession    *session);
/* "Room · Track · Speakers", NULL when there is none. */
char     *dlg_agenda_page_describe_place (DlgSession    *session);
/* "Now", "Next", "Overlaps another starred session": NULL when none. */
char     *dlg_agenda_page_describe_flags (DlgAgendaPage *self,
                                          DlgSession    *session);
gboolean  dlg_agenda_page_can_star       (DlgAgendaPage *self);
gboolean  dlg_agenda_page_is_starred     (DlgAgendaPage *self,
                                          DlgSession    *session);
void      dlg_agenda_page_toggle_star    (DlgAgendaPage *self,
                                          DlgSession    *session);

G_END_DECLS
