/* dlg-member-view.h: one member, whole, beside the directory's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_MEMBER_VIEW (dlg_member_view_get_type ())
G_DECLARE_FINAL_TYPE (DlgMemberView, dlg_member_view, DLG, MEMBER_VIEW, GtkWidget)

/* The words for a member's kind: "City", "Regency"... */
const char *dlg_member_kind_to_string (DlgMemberKind kind);

/* Shows @member of @feed, from its top; NULL lets go of the member shown. */
void        dlg_member_view_show      (DlgMemberView *self,
                                       DlgFeed       *feed,
                                       DlgMember     *member);
/* The member's name, where the keyboard goes when it is opened. */
GtkWidget  *dlg_member_view_get_title (DlgMemberView *self);

G_END_DECLS
