/* dlg-feed-scope.h: a builder scope whose callbacks receive the feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

#define DLG_TYPE_FEED_SCOPE (dlg_feed_scope_get_type ())
G_DECLARE_FINAL_TYPE (DlgFeedScope, dlg_feed_scope, DLG, FEED_SCOPE, GObject)

DlgFeedScope *dlg_feed_scope_new          (DlgFeed      *feed);
void          dlg_feed_scope_add_callback (DlgFeedScope *self,
                                           const char   *name,
                                           GCallback     callback);

G_END_DECLS
