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
/* When the file at @path could not be opened (dlg_store_open() failed: a read-only folder,
 * another program holding the file): a store in memory for the app to run on, which keeps
 * nothing, except the delegate's notes: each save of notes (dlg_notes_save()) opens @path
 * again, and fails, saying why, until it can write them there too.  The notes pane's banner
 * says so, and nothing typed is lost once the file opens. */
DlgStore   *dlg_store_open_in_memory_for (const char  *path);
/* The file deleted or moved away while the app runs (SQLite writes on into the file no longer
 * there, and the next start would find nothing) written again at its path, from all the
 * connection holds.  Done before each write of notes, stars and a sync; at the end of a run,
 * which may have written nothing since, the app calls it. */
void        dlg_store_keep_file          (DlgStore    *self);
/* $XDG_DATA_HOME/<app-id>/delegate.db */
char       *dlg_store_default_path       (void);
const char *dlg_store_get_path           (DlgStore    *self);

/* Stars: a delegate's personal schedule, per event, by session key.  They
 * outlive the sessions they name (a feed update may drop one: the star
 * stays so the UI can say the session is gone).  Emits "stars-changed"
 * (event_id) after a change.
 *
 * A star the file refuses (a full disk, a file that may not be written) still takes: FALSE,
 * with @error saying why, but the store keeps the change in memory, where the functions below
 * find it, and in the user's runtime folder against a kill, sets "stars-error", and writes it
 * at the next star, at the next try (every 5 s) or at the next start.  A store of
 * dlg_store_open_in_memory_for() keeps every star so until its file opens (at quit, at a note's
 * save) or the next start that opens it. */
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
/* Why the stars last changed are not in the file yet ("Your stars could not be saved: the
 * disk is full"), or NULL when they all are ("notify::stars-error"). */
const char *dlg_store_get_stars_error    (DlgStore    *self);
/* Whether the store has its file open: FALSE for one of dlg_store_open_in_memory_for() until
 * the file opens (its stars then wait for it, in the runtime folder against a restart). */
gboolean    dlg_store_has_file           (DlgStore    *self);
/* Tries the stars the file refused again now. */
gboolean    dlg_store_save_stars         (DlgStore    *self,
                                          GError     **error);
/* While some stars are not in the file: the file in the user's runtime folder that keeps
 * them against a kill, and in @kept whether it holds them (FALSE when even it could not be
 * written).  NULL when every star is saved, or when no file keeps them (a store in memory;
 * @kept is left alone). */
char       *dlg_store_dup_stars_rescue_path (DlgStore *self,
                                             gboolean *kept);

/* --- Added by the sync work (issue 3) ------------------------------------ */

/* The last good copy of one feed resource (the feed, or a section
 * published at its own URL) with the validators it came with. */
typedef struct
{
  char   *url;
  GBytes *body;
  char   *etag;          /* nullable */
  char   *last_modified; /* nullable, as the server sent it */
  gint64  fetched_at;    /* unix seconds of the last good fetch (or 304) */
  gint64  max_age;       /* Cache-Control max-age in seconds, -1 if none */
} DlgResource;

DlgResource *dlg_resource_new             (const char  *url);
DlgResource *dlg_resource_copy            (const DlgResource *resource);
void         dlg_resource_free            (DlgResource *resource);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgResource, dlg_resource_free)

/* The copy stored for @url in *@resource, or NULL there when nothing is stored for it.
 * FALSE, with @error set, when it could not be read: never as if nothing were stored. */
gboolean     dlg_store_read_resource      (DlgStore     *self,
                                           const char   *url,
                                           DlgResource **resource,
                                           GError      **error);
/* NULL when nothing is stored for @url, and when it could not be read: for a caller to
 * whom both mean the same (a test); the sync tells them apart (dlg_store_read_resource). */
DlgResource *dlg_store_lookup_resource    (DlgStore    *self,
                                           const char  *url);

/* Subscriptions, in the delegate's order.  Rows are (url, event_id,
 * title, position, current, ended, sections); see DlgSubscriptionRow. */
typedef struct
{
  char     *url;
  char     *event_id;   /* nullable until the first good copy */
  char     *title;      /* nullable until the first good copy */
  gint      position;
  gboolean  current;
  gboolean  ended;      /* the server said 410 Gone */
  GStrv     sections;   /* "NAME URL" of each section published apart ("agenda https://..."),
                         * at the last good copy */
} DlgSubscriptionRow;

void         dlg_subscription_row_free    (DlgSubscriptionRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgSubscriptionRow, dlg_subscription_row_free)

/* A GPtrArray of DlgSubscriptionRow, by position. */
GPtrArray   *dlg_store_list_subscriptions (DlgStore    *self,
                                           GError     **error);
/* The subscription to @url in *@row, or NULL there when @url is not followed.  FALSE,
 * with @error set, when it could not be read: never as if @url were not followed. */
gboolean     dlg_store_read_subscription  (DlgStore            *self,
                                           const char          *url,
                                           DlgSubscriptionRow **row,
                                           GError             **error);
/* Adds @url at the end (no-op, TRUE, if it is there already), dropping whatever copies were
 * left under it while nobody followed it (not a section another subscription uses). */
gboolean     dlg_store_add_subscription   (DlgStore    *self,
                                           const char  *url,
                                           GError     **error);
/* Removes the subscription and the resources only it used: a section another subscription
 * publishes too stays. */
gboolean     dlg_store_remove_subscription (DlgStore   *self,
                                           const char  *url,
                                           GError     **error);
gboolean     dlg_store_set_current        (DlgStore    *self,
                                           const char  *url,
                                           GError     **error);
gboolean     dlg_store_set_ended          (DlgStore    *self,
                                           const char  *url,
                                           gboolean     ended,
                                           GError     **error);

/* One good sync, in ONE transaction: the resources (feed and sections)
 * replace what was stored, the subscription takes its event id, title
 * and section list, is no longer ended (the feed answered), and moves
 * to @new_url if not NULL (a permanent redirect).  Either all of it is
 * written or nothing; nothing, and TRUE, when @url is no longer followed
 * (removed while its sync ran). */
gboolean     dlg_store_commit_sync        (DlgStore           *self,
                                           const char         *url,
                                           const char         *new_url,
                                           const char         *event_id,
                                           const char         *title,
                                           const char * const *sections,
                                           GPtrArray          *resources,
                                           GError            **error);
/* A 304: the stored body is still good; only its fetch time and max-age
 * (and validators, if the server sent new ones) change. */
gboolean     dlg_store_touch_resource     (DlgStore    *self,
                                           const char  *url,
                                           const char  *etag,
                                           const char  *last_modified,
                                           gint64       fetched_at,
                                           gint64       max_age,
                                           GError     **error);

/* A feed's parsed form (dlg-feed-pack.c), kept beside its copies: @digest names the copies
 * and settings it was parsed from, and a lookup with another digest finds nothing.  Saving
 * it is only worth trying: a failure (a full disk) means the next start parses again, and
 * a form whose copy is no longer stored (its event was just removed) is not kept. */
GBytes      *dlg_store_lookup_packed      (DlgStore    *self,
                                           const char  *url,
                                           const char  *digest);
gboolean     dlg_store_save_packed        (DlgStore    *self,
                                           const char  *url,
                                           const char  *digest,
                                           GBytes      *data,
                                           GError     **error);

/* --- Added by the agenda work (issue 4) ---------------------------------- */

/* What the delegate last saw of a starred session: its start (unix
 * seconds; 0 when its time was to be announced), room and title (both
 * nullable).  No-op when the session is not starred. */
gboolean     dlg_store_set_starred_seen   (DlgStore    *self,
                                           const char  *event_id,
                                           const char  *session_key,
                                           gint64       start,
                                           const char  *room,
                                           const char  *title,
                                           GError     **error);
/* FALSE when the session is not starred or nothing was recorded yet. */
gboolean     dlg_store_get_starred_seen   (DlgStore    *self,
                                           const char  *event_id,
                                           const char  *session_key,
                                           gint64      *start,
                                           char       **room,
                                           char       **title);

G_END_DECLS
