/* dlg-shortcuts-names.h: names for the controls GTK puts in the shortcuts window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dlg_name_shortcuts_controls (GtkWindow *shortcuts);

G_END_DECLS
