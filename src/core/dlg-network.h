/* dlg-network.h: when a change of the network is worth a sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a GNetworkMonitor said at one moment. */
typedef struct
{
  gboolean             available;
  GNetworkConnectivity connectivity;
} DlgNetworkState;

/* Whether going from @before to @after should start a sync at once: the network came back,
 * or the full Internet did (from a venue's sign-in page, a limited or no connection). */
gboolean dlg_network_should_sync (const DlgNetworkState *before,
                                  const DlgNetworkState *after);

G_END_DECLS
