/* dlg-delegate-row.h: a member's delegate, with ways to reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-person.h"

G_BEGIN_DECLS

#define DLG_TYPE_DELEGATE_ROW (dlg_delegate_row_get_type ())
G_DECLARE_FINAL_TYPE (DlgDelegateRow, dlg_delegate_row, DLG, DELEGATE_ROW, GtkWidget)

DlgPerson *dlg_delegate_row_get_person (DlgDelegateRow *self);
void       dlg_delegate_row_set_person (DlgDelegateRow *self,
                                        DlgPerson      *person);

G_END_DECLS
