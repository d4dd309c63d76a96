/* dlg-feed.h: one parsed Delegate feed (event, agenda, members, best practices)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-day.h"
#include "dlg-event.h"
#include "dlg-member.h"
#include "dlg-practice.h"
#include "dlg-session.h"

G_BEGIN_DECLS

#define DLG_FEED_ERROR (dlg_feed_error_quark ())

typedef enum
{
  DLG_FEED_ERROR_INVALID_JSON,    /* not JSON at all: message has line and column */
  DLG_FEED_ERROR_INVALID,         /* JSON, but not a usable feed: message names the place */
  DLG_FEED_ERROR_UNSUPPORTED,     /* a newer major version than we read */
  DLG_FEED_ERROR_EXTERNAL_SECTION /* a section is published at a URL that was not loaded */
} DlgFeedError;

GQuark dlg_feed_error_quark (void);

#define DLG_TYPE_FEED (dlg_feed_get_type ())
G_DECLARE_FINAL_TYPE (DlgFeed, dlg_feed, DLG, FEED, GObject)

/* @languages: preferred content languages, best first (NULL: the
 * user's, from g_get_language_names()).  Bilingual feed text is resolved
 * once, at parse time, to the best match.
 *
 * Errors name the place in the document: "members[3].joined: expected a year".
 */
DlgFeed    *dlg_feed_new_from_bytes     (GBytes              *bytes,
                                         const char * const  *languages,
                                         GError             **error);
DlgFeed    *dlg_feed_new_from_file      (GFile               *file,
                                         const char * const  *languages,
                                         GCancellable        *cancellable,
                                         GError             **error);
/* The built-in Kupang 2019 forum feed, shipped in the GResource. */
DlgFeed    *dlg_feed_new_default        (const char * const  *languages,
                                         GError             **error);

DlgEvent   *dlg_feed_get_event          (DlgFeed             *self);
/* GListModel of DlgSession, sorted by start time, then room. */
GListModel *dlg_feed_get_sessions       (DlgFeed             *self);
/* GListModel of DlgDay, in the order the organiser listed them. */
GListModel *dlg_feed_get_days           (DlgFeed             *self);
/* GListModel of DlgMember, in feed order. */
GListModel *dlg_feed_get_members        (DlgFeed             *self);
/* GListModel of DlgPractice, in feed order. */
GListModel *dlg_feed_get_practices      (DlgFeed             *self);

DlgSession *dlg_feed_find_session       (DlgFeed             *self,
                                         const char          *key);
DlgMember  *dlg_feed_find_member        (DlgFeed             *self,
                                         const char          *id);
DlgPractice *dlg_feed_find_practice     (DlgFeed             *self,
                                         const char          *id);
/* The day of @index (the feed's own numbering, which may start at 0), or NULL. */
DlgDay     *dlg_feed_find_day           (DlgFeed             *self,
                                         guint                index);
/* The day dated @date ("2019-10-17"), or with @or_after the first dated on or after it;
 * NULL when there is none. */
DlgDay     *dlg_feed_find_day_on        (DlgFeed             *self,
                                         const char          *date,
                                         gboolean             or_after);

G_END_DECLS
