/* dlg-members-page.h: the members pane, who is who in the forum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_MEMBERS_PAGE (dlg_members_page_get_type ())
G_DECLARE_FINAL_TYPE (DlgMembersPage, dlg_members_page, DLG, MEMBERS_PAGE, AdwBin)

DlgFeed *dlg_members_page_get_feed (DlgMembersPage *self);
void     dlg_members_page_set_feed (DlgMembersPage *self,
                                    DlgFeed        *feed);
gboolean dlg_members_page_show_member (DlgMembersPage *self,
                                       const char     *id);
/* Puts the keyboard on the shown member's name, as Enter on a row does;
 * call it once the page is shown. */
void     dlg_members_page_focus_detail (DlgMembersPage *self);

G_END_DECLS
