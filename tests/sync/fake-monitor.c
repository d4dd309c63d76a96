/* fake-monitor.c: a network monitor the tests switch off and on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fake-monitor.h"

struct _FakeMonitor
{
  GObject              parent_instance;
  gboolean             available;
  GNetworkConnectivity connectivity;
};

static void fake_monitor_iface_init (GNetworkMonitorInterface *iface);
static void fake_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      fake_monitor_iface_init))

enum { FAKE_PROP_0, FAKE_PROP_AVAILABLE, FAKE_PROP_METERED, FAKE_PROP_CONNECTIVITY };

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = FAKE_MONITOR (object);

  switch (prop_id)
    {
    case FAKE_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case FAKE_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case FAKE_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->connectivity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fake_monitor_get_property;
  g_object_class_override_property (object_class, FAKE_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, FAKE_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, FAKE_PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
  self->connectivity = G_NETWORK_CONNECTIVITY_LOCAL;
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
fake_initable_init (GInitable     *initable,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return TRUE;
}

static void
fake_initable_iface_init (GInitableIface *iface)
{
  iface->init = fake_initable_init;
}

FakeMonitor *
fake_monitor_new (gboolean             available,
                  GNetworkConnectivity connectivity)
{
  FakeMonitor *self = g_object_new (FAKE_TYPE_MONITOR, NULL);

  fake_monitor_set (self, available, connectivity);
  return self;
}

/* What the monitor says from now on; the test emits "network-changed" when it means it. */
void
fake_monitor_set (FakeMonitor         *self,
                  gboolean             available,
                  GNetworkConnectivity connectivity)
{
  g_return_if_fail (FAKE_IS_MONITOR (self));

  self->available = available;
  self->connectivity = connectivity;
}
