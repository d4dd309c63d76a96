/* sync-fixture.h: what every sync test starts from: a store in a temporary directory, a
 * DlgSync on a session without a proxy, and a real SoupServer on 127.0.0.1 whose /feed.json
 * is subscribed
 *
 * A test's own fixture holds one as its first member, with what its server serves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "dlg-store.h"
#include "dlg-sync.h"

G_BEGIN_DECLS

typedef struct
{
  char          *dir;
  DlgStore      *store;
  SoupSession   *session;
  DlgSync       *sync;
  SoupServer    *server;
  char          *base;     /* http://127.0.0.1:PORT */
  char          *url;      /* base/feed.json, subscribed */

  GMainLoop     *loop;
  DlgSyncReport *report;   /* of the last sync_fixture_sync(), or NULL */
  GError        *error;    /* of the last sync_fixture_sync(), or NULL */
} SyncFixture;

/* @io_timeout_s: the session's; @total_timeout_ms: the sync's.  @handler answers every path. */
void sync_fixture_set_up       (SyncFixture        *f,
                                guint               io_timeout_s,
                                guint               total_timeout_ms,
                                SoupServerCallback  handler,
                                gpointer            handler_data);
void sync_fixture_tear_down    (SyncFixture        *f);
/* One sync of @url, to its end: the result in f->report or f->error. */
void sync_fixture_sync         (SyncFixture        *f,
                                const char         *url);
/* dlg_sync_update_async()'s callback for a sync run by hand: @user_data is the SyncFixture,
 * whose loop it quits. */
void sync_fixture_update_cb    (GObject            *object,
                                GAsyncResult       *result,
                                gpointer            user_data);

G_END_DECLS
