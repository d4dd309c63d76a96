/* dlg-save-file.h: save where the delegate chooses, and say how it went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the file the delegate chose; not called when they cancelled. */
typedef void (*DlgSaveFileChosen) (GtkWidget *widget,
                                   GFile     *file,
                                   gpointer   user_data);

/* Asks where to save, in a dialog titled @title over @widget's window, suggesting @file_name
 * (path separators from feed text become dashes) and offering @filter (nullable); then calls
 * @chosen.  @destroy frees @user_data once the dialog is done, a file chosen or not. */
void dlg_choose_save_file (GtkWidget         *widget,
                           const char        *title,
                           const char        *file_name,
                           GtkFileFilter     *filter,
                           DlgSaveFileChosen  chosen,
                           gpointer           user_data,
                           GDestroyNotify     destroy);

/* Asks where to save @bytes (see dlg_choose_save_file()); then writes them there off the
 * main loop and says how it went in a toast of the window: @done, or @failed and the
 * reason. */
void dlg_save_file        (GtkWidget         *widget,
                           const char        *title,
                           const char        *file_name,
                           GtkFileFilter     *filter,
                           GBytes            *bytes,
                           const char        *done,
                           const char        *failed);

G_END_DECLS
