/* dlg-save-file.h: save bytes where the delegate chooses, and say how it went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks where to save @bytes, in a dialog titled @title over @widget's window, suggesting
 * @file_name and offering @filter (nullable); then writes them there off the main loop and
 * says how it went in a toast of the window: @done, or @failed and the reason. */
void dlg_save_file (GtkWidget     *widget,
                    const char    *title,
                    const char    *file_name,
                    GtkFileFilter *filter,
                    GBytes        *bytes,
                    const char    *done,
                    const char    *failed);

G_END_DECLS
