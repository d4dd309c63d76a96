/* dlg-subscription.c: one event the delegate follows, and how its sync went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-subscription"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-subscription-private.h"
#include "dlg-sync.h"

#define BUILTIN_URL "resource://" RESOURCE_PATH "/feeds/kupang-2019.json"

struct _DlgSubscription
{
  GObject   parent_instance;

  char     *url;
  char     *title;
  char     *event_id;
  char     *error;
  gint64    updated_at;
  guint     current : 1;
  guint     ended : 1;
  guint     syncing : 1;
  guint     offline : 1;
  guint     last_try : 2;   /* DlgLastTry */
};

G_DEFINE_FINAL_TYPE (DlgSubscription, dlg_subscription, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_TITLE,
  PROP_EVENT_ID,
  PROP_CURRENT,
  PROP_ENDED,
  PROP_SYNCING,
  PROP_UPDATED_AT,
  PROP_ERROR,
  PROP_OFFLINE,
  PROP_LAST_TRY,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_subscription_finalize (GObject *object)
{
  DlgSubscription *self = DLG_SUBSCRIPTION (object);

  g_free (self->url);
  g_free (self->title);
  g_free (self->event_id);
  g_free (self->error);

  G_OBJECT_CLASS (dlg_subscription_parent_class)->finalize (object);
}

static void
dlg_subscription_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DlgSubscription *self = DLG_SUBSCRIPTION (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_TITLE:
      g_value_set_string (value, dlg_subscription_get_title (self));
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;
    case PROP_ENDED:
      g_value_set_boolean (value, self->ended);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_LAST_TRY:
      g_value_set_int (value, self->last_try);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, dlg_subscription_get_builtin (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_subscription_class_init (DlgSubscriptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dlg_subscription_finalize;
  object_class->get_property = dlg_subscription_get_property;

  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL, flags);
  properties[PROP_CURRENT] = g_param_spec_boolean ("current", NULL, NULL, FALSE, flags);
  properties[PROP_ENDED] = g_param_spec_boolean ("ended", NULL, NULL, FALSE, flags);
  properties[PROP_SYNCING] = g_param_spec_boolean ("syncing", NULL, NULL, FALSE, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL,
                                                    0, G_MAXINT64, 0, flags);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE, flags);
  /* An int rather than an enum type: a closure in a .ui file takes it as it is. */
  properties[PROP_LAST_TRY] = g_param_spec_int ("last-try", NULL, NULL, DLG_LAST_TRY_GOOD,
                                                DLG_LAST_TRY_FAILED, DLG_LAST_TRY_GOOD, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_subscription_init (DlgSubscription *self)
{
}

DlgSubscription *
dlg_subscription_new (const char *url)
{
  DlgSubscription *self = g_object_new (DLG_TYPE_SUBSCRIPTION, NULL);

  self->url = g_strdup (url);
  return self;
}

const char *
dlg_subscription_get_url (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), NULL);
  return self->url;
}

const char *
dlg_subscription_get_title (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), NULL);
  return self->title != NULL ? self->title : self->url;
}

const char *
dlg_subscription_get_event_id (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), NULL);
  return self->event_id;
}

gboolean
dlg_subscription_get_current (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), FALSE);
  return self->current;
}

gboolean
dlg_subscription_get_ended (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), FALSE);
  return self->ended;
}

gboolean
dlg_subscription_get_syncing (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), FALSE);
  return self->syncing;
}

gint64
dlg_subscription_get_updated_at (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), 0);
  return self->updated_at;
}

const char *
dlg_subscription_get_error (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), NULL);
  return self->error;
}

gboolean
dlg_subscription_get_offline (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), FALSE);
  return self->offline;
}

gboolean
dlg_subscription_get_builtin (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), FALSE);
  return g_strcmp0 (self->url, BUILTIN_URL) == 0;
}

static void
set_string (DlgSubscription *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
dlg_subscription_set_url (DlgSubscription *self,
                          const char      *url)
{
  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->url, url, PROP_URL);
  if (self->title == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
dlg_subscription_set_title (DlgSubscription *self,
                            const char      *title)
{
  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

void
dlg_subscription_set_event_id (DlgSubscription *self,
                               const char      *event_id)
{
  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));
  set_string (self, &self->event_id, event_id, PROP_EVENT_ID);
}

#define DEFINE_BOOL_SETTER(name, PROP)                                    \
void                                                                      \
dlg_subscription_set_##name (DlgSubscription *self,                      \
                             gboolean         value)                     \
{                                                                         \
  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));                          \
  if (self->name == !!value)                                              \
    return;                                                               \
  self->name = !!value;                                                   \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
}

DEFINE_BOOL_SETTER (current, PROP_CURRENT)
DEFINE_BOOL_SETTER (ended, PROP_ENDED)
DEFINE_BOOL_SETTER (syncing, PROP_SYNCING)

void
dlg_subscription_set_updated_at (DlgSubscription *self,
                                 gint64           updated_at)
{
  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));

  if (self->updated_at == updated_at)
    return;
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

void
dlg_subscription_set_error (DlgSubscription *self,
                            const GError    *error)
{
  gboolean offline = FALSE;
  DlgLastTry last_try;

  g_return_if_fail (DLG_IS_SUBSCRIPTION (self));

  if (error != NULL && error->domain == DLG_SYNC_ERROR)
    offline = error->code == DLG_SYNC_ERROR_NO_NETWORK ||
              error->code == DLG_SYNC_ERROR_HOST_NOT_FOUND ||
              error->code == DLG_SYNC_ERROR_UNREACHABLE ||
              error->code == DLG_SYNC_ERROR_TIMED_OUT ||
              error->code == DLG_SYNC_ERROR_CAPTIVE_PORTAL;

  /* Offline only when the network was not there: no network at all, or only a venue's
   * sign-in page.  A server that refused, failed or did not answer while the network was
   * up is a failed update, which trying again or the organiser may fix. */
  if (error == NULL)
    last_try = DLG_LAST_TRY_GOOD;
  else if (g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_NO_NETWORK) ||
           g_error_matches (error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_CAPTIVE_PORTAL))
    last_try = DLG_LAST_TRY_OFFLINE;
  else
    last_try = DLG_LAST_TRY_FAILED;

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->error, error != NULL ? error->message : NULL, PROP_ERROR);
  if (self->last_try != last_try)
    {
      self->last_try = last_try;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TRY]);
    }
  if (self->offline != offline)
    {
      self->offline = offline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

char *
dlg_format_updated_ago (gint64 then,
                        gint64 now)
{
  gint64 minutes, hours, days;

  if (then <= 0)
    return g_strdup (_("Not updated yet"));

  minutes = MAX (now - then, 0) / 60;
  hours = minutes / 60;
  days = hours / 24;

  if (minutes < 1)
    return g_strdup (_("Updated just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d minute ago",
                                         "Updated %d minutes ago", minutes), (int) minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d hour ago",
                                         "Updated %d hours ago", hours), (int) hours);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %d day ago",
                                       "Updated %d days ago", days), (int) days);
}

DlgLastTry
dlg_subscription_get_last_try (DlgSubscription *self)
{
  g_return_val_if_fail (DLG_IS_SUBSCRIPTION (self), DLG_LAST_TRY_GOOD);
  return self->last_try;
}

const char *
dlg_format_last_try (DlgLastTry last_try)
{
  /* Translators: under "Updated 3 hours ago" in the list of events: the last try to update
   * found no network (or only a Wi-Fi sign-in page) */
  if (last_try == DLG_LAST_TRY_OFFLINE)
    return _("Offline at the last try");
  /* Translators: under "Updated 3 hours ago" in the list of events: the server refused,
   * answered with an error, or sent something Delegate cannot use */
  if (last_try == DLG_LAST_TRY_FAILED)
    return _("The last update failed");
  return NULL;
}
