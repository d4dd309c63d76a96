/* dlg-sync.h: bring a subscribed feed up to date, keeping the last good copy
 *
 * One DlgSync (with one SoupSession) serves the whole app.  Fetching runs
 * on the main context through libsoup's async API; reading the store,
 * parsing, validating and writing run in worker threads.  A new body
 * replaces the stored one only once it has parsed, in one transaction with
 * its validators and fetch time: every failure leaves the store as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "dlg-feed.h"
#include "dlg-file.h"
#include "dlg-store.h"

G_BEGIN_DECLS

#define DLG_SYNC_ERROR (dlg_sync_error_quark ())

typedef enum
{
  DLG_SYNC_ERROR_HOST_NOT_FOUND,  /* DNS said no */
  DLG_SYNC_ERROR_NO_NETWORK,      /* the machine is offline */
  DLG_SYNC_ERROR_CAPTIVE_PORTAL,  /* the venue network wants a sign-in first */
  DLG_SYNC_ERROR_UNREACHABLE,     /* connection refused or no route */
  DLG_SYNC_ERROR_SERVER,          /* an HTTP error status: see the message */
  DLG_SYNC_ERROR_INVALID,         /* not a valid feed: the message names the place */
  DLG_SYNC_ERROR_TOO_LARGE,       /* over the maximum body size */
  DLG_SYNC_ERROR_TIMED_OUT,       /* a stall, or the whole sync took too long */
  DLG_SYNC_ERROR_TRUNCATED,       /* the connection closed before the end of the body */
  DLG_SYNC_ERROR_REDIRECT_LOOP,   /* too many redirects */
  DLG_SYNC_ERROR_CERTIFICATE,     /* TLS certificate problem: never bypassed */
  DLG_SYNC_ERROR_INSECURE_REDIRECT, /* https sent on to plain http: never followed */
  DLG_SYNC_ERROR_INSECURE_SECTION, /* an https feed's section at plain http: never fetched */
  DLG_SYNC_ERROR_GONE,            /* 410: the event is over; its data is kept */
  DLG_SYNC_ERROR_NOTHING_SAVED,   /* no stored copy yet */
  DLG_SYNC_ERROR_STORE,           /* the stored copy could not be read: it is left as it is */
  DLG_SYNC_ERROR_FAILED,          /* anything else; the message says what */
} DlgSyncError;

GQuark dlg_sync_error_quark (void);

/* What one sync did. */
typedef struct
{
  DlgFeed *feed;        /* the new data, or NULL when nothing changed */
  char    *url;         /* the subscription's URL now (a 301/308 moves it) */
  gint64   fetched_at;  /* unix seconds of this sync */
  gint64   max_age;     /* Cache-Control max-age of the feed, or -1 */
  guint    n_requests;  /* HTTP requests made (redirects included) */
  guint64  n_bytes;     /* bytes received: headers and bodies, as on the wire */
  guint    n_parses;    /* documents parsed (0 when nothing changed) */
} DlgSyncReport;

void dlg_sync_report_free (DlgSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgSyncReport, dlg_sync_report_free)

#define DLG_SYNC_DEFAULT_MAX_BODY_SIZE DLG_FILE_MAX_SIZE

#define DLG_TYPE_SYNC (dlg_sync_get_type ())
G_DECLARE_FINAL_TYPE (DlgSync, dlg_sync, DLG, SYNC, GObject)

/* @session: NULL for the app's own (system proxy, 30 s I/O timeout);
 * @monitor: NULL to not consult one (tests), else used to tell "no
 * network" and "captive portal" apart from other failures. */
DlgSync     *dlg_sync_new                (DlgStore             *store,
                                          SoupSession          *session,
                                          GNetworkMonitor      *monitor);
DlgStore    *dlg_sync_get_store          (DlgSync              *self);
SoupSession *dlg_sync_get_session        (DlgSync              *self);
/* Bytes; bodies (feed or section) over this fail with TOO_LARGE. */
void         dlg_sync_set_max_body_size  (DlgSync              *self,
                                          guint64               max_body_size);
/* Milliseconds for one whole fetch, redirects included. */
void         dlg_sync_set_total_timeout  (DlgSync              *self,
                                          guint                 timeout_ms);
gboolean     dlg_sync_is_syncing         (DlgSync              *self,
                                          const char           *url);

/* Syncs the subscription at @url (http(s), file or resource URI).  A
 * second call for a URL already syncing joins the first: one sync per
 * feed at a time.  Cancelling the first call's @cancellable stops the sync
 * (its request too) for every call joined to it, and leaves the store as
 * it was unless its write had begun; a call after the cancel starts a sync
 * of its own.  Emits "sync-started"/"sync-finished" (url); a cancelled sync replaced
 * by a later one emits no "sync-finished": the later one does. */
void           dlg_sync_update_async     (DlgSync              *self,
                                          const char           *url,
                                          const char * const   *languages,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
DlgSyncReport *dlg_sync_update_finish    (DlgSync              *self,
                                          GAsyncResult         *result,
                                          GError              **error);

/* Parses the stored copy of @url in a worker thread.  *@fetched_at gets
 * the time of its last good fetch (or 304). */
void         dlg_sync_load_stored_async  (DlgSync              *self,
                                          const char           *url,
                                          const char * const   *languages,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
DlgFeed     *dlg_sync_load_stored_finish (DlgSync              *self,
                                          GAsyncResult         *result,
                                          gint64               *fetched_at,
                                          GError              **error);

G_END_DECLS
