/* dlg-store.h: the offline store, one SQLite database in the user data directory
 *
 * It keeps the subscriptions, the last good copy of every feed resource with
 * its validators, and the delegate's own data: stars (and, later, notes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DLG_STORE_ERROR (dlg_store_error_quark ())

typedef enum
{
  DLG_STORE_ERROR_CORRUPT,   /* the file was unreadable: it was moved aside */
  DLG_STORE_ERROR_FAILED,    /* SQLite failed (disk full, read-only, ...) */
} DlgStoreError;

GQuark dlg_store_error_quark (void);

#define DLG_TYPE_STORE (dlg_store_get_type ())
G_DECLARE_FINAL_TYPE (DlgStore, dlg_store, DLG, STORE, GObject)

/* Opens (creating, migrating) the database at @path.  A corrupt file is
 * moved aside and a new one created; *@moved_aside then receives the path
 * it was moved to, so the app can tell the delegate. */
DlgStore   *dlg_store_open               (const char  *path,
                                          char       **moved_aside,
                                          GError     **error);
/* $XDG_DATA_HOME/<app-id>/delegate.db */
char       *dlg_store_default_path       (void);
const char *dlg_store_get_path           (DlgStore    *self);

/* Stars: a delegate's personal schedule, per event, by session key.  They
 * outlive the sessions they name (a feed update may drop one: the star
 * stays so the UI can say the session is gone).  Emits "stars-changed"
 * (event_id) after a change. */
gboolean    dlg_store_set_starred        (DlgStore    *self,
                                          const char  *event_id,
                                          const char  *session_key,
                                          gboolean     starred,
                                          GError     **error);
gboolean    dlg_store_is_starred         (DlgStore    *self,
                                          const char  *event_id,
                                          const char  *session_key);
/* The starred session keys of @event_id, oldest star first. */
GStrv       dlg_store_list_starred       (DlgStore    *self,
                                          const char  *event_id);

G_END_DECLS
