/* dlg-network.c: when a change of the network is worth a sync
 *
 * A venue's network is often there long before the Internet is: the laptop joins the Wi-Fi,
 * the monitor says "available" but PORTAL, and the delegate signs in on the venue's page
 * minutes later.  Only then can the feed come, and waiting for the 30-minute timer would
 * leave the morning's changes unseen through the first session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-network.h"

static gboolean
is_full (const DlgNetworkState *state)
{
  return state->available && state->connectivity == G_NETWORK_CONNECTIVITY_FULL;
}

gboolean
dlg_network_should_sync (const DlgNetworkState *before,
                         const DlgNetworkState *after)
{
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  /* Back after none at all, whatever it reaches: a feed on the venue's own network may. */
  if (after->available && !before->available)
    return TRUE;

  return is_full (after) && !is_full (before);
}
