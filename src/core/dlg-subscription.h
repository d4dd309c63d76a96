/* dlg-subscription.h: one event the delegate follows, and how its sync went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the last try to update went ("last-try"): well, without a network, or otherwise not. */
typedef enum
{
  DLG_LAST_TRY_GOOD,
  DLG_LAST_TRY_OFFLINE,
  DLG_LAST_TRY_FAILED,
} DlgLastTry;

#define DLG_TYPE_SUBSCRIPTION (dlg_subscription_get_type ())
G_DECLARE_FINAL_TYPE (DlgSubscription, dlg_subscription, DLG, SUBSCRIPTION, GObject)

/* Every getter is also a read-only property ("url", "title", ...). */
const char *dlg_subscription_get_url        (DlgSubscription *self);
/* The event's title, or until the first good copy, the address. */
const char *dlg_subscription_get_title      (DlgSubscription *self);
const char *dlg_subscription_get_event_id   (DlgSubscription *self); /* nullable */
gboolean    dlg_subscription_get_current    (DlgSubscription *self);
gboolean    dlg_subscription_get_ended      (DlgSubscription *self);
gboolean    dlg_subscription_get_syncing    (DlgSubscription *self);
/* Unix seconds of the last good fetch (or 304); 0: never. */
gint64      dlg_subscription_get_updated_at (DlgSubscription *self);
/* Why the last sync failed, in a delegate's words; NULL after a good one. */
const char *dlg_subscription_get_error      (DlgSubscription *self);
/* The last sync failed for want of a network (or a captive portal). */
gboolean    dlg_subscription_get_offline    (DlgSubscription *self);
DlgLastTry  dlg_subscription_get_last_try   (DlgSubscription *self);
/* The built-in feed, shipped with the app. */
gboolean    dlg_subscription_get_builtin    (DlgSubscription *self);

/* "Updated 5 minutes ago", localised; @now and @then in unix seconds. */
char       *dlg_format_updated_ago          (gint64           then,
                                             gint64           now);

/* "Offline at the last try", "The last update failed", or NULL after a good one. */
const char *dlg_format_last_try             (DlgLastTry       last_try);

G_END_DECLS
