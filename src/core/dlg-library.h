/* dlg-library.h: the events a delegate follows, the one on screen, and when they sync
 *
 * It shows the stored copy first, then syncs in the background: at start,
 * every 30 minutes (or later, when the server's max-age says so), when the
 * network comes back or reaches the whole Internet (dlg-network.h), and on demand; an
 * update broken off or timed out is tried again sooner (dlg_library_retry_delay).  Widgets bind to "feed" and to the
 * current DlgSubscription; they never fetch or touch SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-feed.h"
#include "dlg-store.h"
#include "dlg-subscription.h"
#include "dlg-sync.h"

G_BEGIN_DECLS

#define DLG_LIBRARY_SYNC_INTERVAL (30 * 60) /* seconds */

#define DLG_TYPE_LIBRARY (dlg_library_get_type ())
G_DECLARE_FINAL_TYPE (DlgLibrary, dlg_library, DLG, LIBRARY, GObject)

/* @monitor: nullable; the app passes g_network_monitor_get_default(). */
DlgLibrary      *dlg_library_new               (DlgSync          *sync,
                                                GNetworkMonitor  *monitor);
/* Reads the subscriptions (adding the built-in feed on first launch),
 * shows the current event's stored copy, then syncs it.  FALSE when they
 * could not be read: the list stays empty, with no current event, and
 * the store as it was (an event added now joins the ones saved). */
gboolean         dlg_library_start             (DlgLibrary       *self,
                                                GError          **error);

DlgStore        *dlg_library_get_store         (DlgLibrary       *self);
/* GListModel of DlgSubscription, in the delegate's order. */
GListModel      *dlg_library_get_subscriptions (DlgLibrary       *self);
DlgSubscription *dlg_library_get_current       (DlgLibrary       *self);
/* The current event's data; NULL until its first copy is read. */
DlgFeed         *dlg_library_get_feed          (DlgLibrary       *self);
gboolean         dlg_library_get_loading       (DlgLibrary       *self);

/* A URL (http, https, file) or a local path; it becomes the current event. */
gboolean         dlg_library_add               (DlgLibrary       *self,
                                                const char       *location,
                                                GError          **error);
/* Takes @subscription out of the list (the first one left becomes current).  Its saved
 * copy stays in the store, so that dlg_library_restore_removed() can bring it back as it
 * was, until dlg_library_forget_removed(), the next removal or the library's end. */
void             dlg_library_remove            (DlgLibrary       *self,
                                                DlgSubscription  *subscription);
/* Brings back @subscription, if it is the event removed last, at its place and as the
 * current event (Undo); adding its address again does too.  FALSE when it is gone for good. */
gboolean         dlg_library_restore_removed   (DlgLibrary       *self,
                                                DlgSubscription  *subscription);
/* Deletes what the removal of @subscription kept in the store, if it is the last removal;
 * with NULL, whatever the last removal kept (the app ending: a pending operation may keep
 * the library itself alive past it). */
void             dlg_library_forget_removed    (DlgLibrary       *self,
                                                DlgSubscription  *subscription);
void             dlg_library_set_current       (DlgLibrary       *self,
                                                DlgSubscription  *subscription);
/* Syncs the current event now (joins a sync already running). */
void             dlg_library_refresh           (DlgLibrary       *self);

/* Seconds until the next automatic sync, given the server's Cache-Control
 * max-age (-1: none): 30 minutes, or max-age when longer (at most a day). */
guint            dlg_library_sync_delay        (gint64           max_age);
/* Seconds until the next try after @n_failures (1, 2, ...) updates in a row broke off or timed
 * out, as on a crowded venue network: 1, 2, 4, 8 and 16 minutes, then every 30 minutes. */
guint            dlg_library_retry_delay       (guint            n_failures);

/* A path or URL as the store keeps it: an absolute file:// URI for paths ("~/" is the home
 * folder), and an https one for a web address typed without its scheme
 * ("kupangkota.go.id/forum/feed.json"), unless a file of that name is there. */
char            *dlg_library_normalise_location (const char      *location,
                                                 GError         **error);
/* dlg_library_normalise_location(), and a file's URI only when the file is there: what the
 * app adds and the command line reads, with the same error for the same thing typed. */
char            *dlg_library_locate             (const char      *location,
                                                 GError         **error);

G_END_DECLS
