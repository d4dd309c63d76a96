/* dlg-agenda-page.h: the agenda pane, sessions by day with their details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-feed.h"
#include "dlg-store.h"

G_BEGIN_DECLS

#define DLG_TYPE_AGENDA_PAGE (dlg_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (DlgAgendaPage, dlg_agenda_page, DLG, AGENDA_PAGE, AdwBin)

DlgFeed  *dlg_agenda_page_get_feed     (DlgAgendaPage *self);
void      dlg_agenda_page_set_feed     (DlgAgendaPage *self,
                                        DlgFeed       *feed);
/* The store keeping the delegate's stars (nullable: then no stars). */
DlgStore *dlg_agenda_page_get_store    (DlgAgendaPage *self);
void      dlg_agenda_page_set_store    (DlgAgendaPage *self,
                                        DlgStore      *store);
/* Shows the session with @key: its day, selected in the list, its detail
 * open (clearing a search or filter that hides it).  FALSE when the feed
 * has no such session. */
gboolean  dlg_agenda_page_show_session (DlgAgendaPage *self,
                                        const char    *key);
/* Puts the keyboard on the open session's title (narrow: shows the detail,
 * with the keyboard on its back button), as Enter on a row does; call it
 * once the page is shown. */
void      dlg_agenda_page_focus_detail (DlgAgendaPage *self);

G_END_DECLS
