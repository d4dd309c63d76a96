/* dlg-feed-pack.h: a parsed feed kept in a form that is read back without parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"

G_BEGIN_DECLS

/* @feed as one serialised GVariant, tagged with this build's version: NULL if it holds
 * something the form cannot keep (then the feed is simply parsed again next time). */
GBytes  *dlg_feed_pack   (DlgFeed  *feed);

/* The feed @packed holds, or NULL (with @error set) if it was packed by another version or
 * is damaged: the caller then parses the source again. */
DlgFeed *dlg_feed_unpack (GBytes   *packed,
                          GError  **error);

G_END_DECLS
