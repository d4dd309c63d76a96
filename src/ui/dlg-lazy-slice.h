/* dlg-lazy-slice.h: the first rows of a long list, more as the delegate scrolls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GListModel *dlg_lazy_slice_new   (GListModel  *model,
                                  GtkListView *view);
void        dlg_lazy_slice_cover (GListModel  *slice,
                                  guint        position);

G_END_DECLS
