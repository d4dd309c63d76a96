/* dlg-add-feed-dialog.h: follow a new event by its feed's address or file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-library.h"

G_BEGIN_DECLS

#define DLG_TYPE_ADD_FEED_DIALOG (dlg_add_feed_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlgAddFeedDialog, dlg_add_feed_dialog, DLG, ADD_FEED_DIALOG, AdwWindow)

DlgAddFeedDialog *dlg_add_feed_dialog_new (GtkWindow  *parent,
                                           DlgLibrary *library);

GtkFileFilter    *dlg_feed_file_filter_new (void);

G_END_DECLS
