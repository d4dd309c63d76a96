/* dlg-lazy-choices.h: a drop-down's choices, listed once it opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     dlg_lazy_choices_set    (GtkDropDown *dropdown,
                                  GListModel  *choices);
gboolean dlg_lazy_choices_select (GtkDropDown *dropdown,
                                  const char  *text);

G_END_DECLS
