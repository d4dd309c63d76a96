/* dlg-subscription-private.h: what DlgLibrary changes on a subscription
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-subscription.h"

G_BEGIN_DECLS

DlgSubscription *dlg_subscription_new            (const char      *url);
void             dlg_subscription_set_url        (DlgSubscription *self,
                                                  const char      *url);
void             dlg_subscription_set_title      (DlgSubscription *self,
                                                  const char      *title);
void             dlg_subscription_set_event_id   (DlgSubscription *self,
                                                  const char      *event_id);
void             dlg_subscription_set_current    (DlgSubscription *self,
                                                  gboolean         current);
void             dlg_subscription_set_ended      (DlgSubscription *self,
                                                  gboolean         ended);
void             dlg_subscription_set_syncing    (DlgSubscription *self,
                                                  gboolean         syncing);
void             dlg_subscription_set_updated_at (DlgSubscription *self,
                                                  gint64           updated_at);
/* @error: NULL after a good sync. */
void             dlg_subscription_set_error      (DlgSubscription *self,
                                                  const GError    *error);

G_END_DECLS
