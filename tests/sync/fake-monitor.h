/* fake-monitor.h: a network monitor the tests switch off and on
 *
 * The machine's own network cannot be taken away from a test; what the app does when the
 * monitor says so (wait, sync when the network is back, name a captive portal) can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FAKE_TYPE_MONITOR (fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (FakeMonitor, fake_monitor, FAKE, MONITOR, GObject)

FakeMonitor *fake_monitor_new (gboolean             available,
                               GNetworkConnectivity connectivity);
void         fake_monitor_set (FakeMonitor         *self,
                               gboolean             available,
                               GNetworkConnectivity connectivity);

G_END_DECLS
