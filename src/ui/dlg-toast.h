/* dlg-toast.h: a few words at the bottom of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *dlg_toast_new (const char *text);
void      dlg_toast     (GtkWidget  *widget,
                         const char *text);

G_END_DECLS
