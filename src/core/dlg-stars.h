/* dlg-stars.h: starred sessions that a new copy of the feed changed, that overlap, or that
 * start soon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"
#include "dlg-store.h"

G_BEGIN_DECLS

typedef enum
{
  DLG_STAR_CHANGE_NONE  = 0,
  DLG_STAR_CHANGE_MOVED = 1 << 0, /* it starts at another time */
  DLG_STAR_CHANGE_ROOM  = 1 << 1, /* it is in another room */
  DLG_STAR_CHANGE_GONE  = 1 << 2, /* the agenda no longer has it */
} DlgStarChange;

/* Compares each starred session of @feed's event with what the delegate
 * last saw of it.  Returns session key -> DlgStarChange (GUINT_TO_POINTER)
 * for the changed ones only.  A star with nothing seen yet is recorded as
 * seen now. */
GHashTable *dlg_stars_check       (DlgStore    *store,
                                   DlgFeed     *feed);
/* Records @session as the delegate sees it now (start, room, title):
 * after a star, or once they looked at the change. */
gboolean    dlg_stars_acknowledge (DlgStore    *store,
                                   DlgFeed     *feed,
                                   DlgSession  *session,
                                   GError     **error);
/* The title last seen of a starred session (for one the agenda dropped);
 * NULL when unknown. */
char       *dlg_stars_seen_title  (DlgStore    *store,
                                   DlgFeed     *feed,
                                   const char  *key);
/* The sessions among @starred (their keys) that a delegate is reminded of at @now: those that
 * start from @now to @minutes later, by start.  Not one without a time, nor one already
 * begun; none at all when @minutes is 0 (reminders off). */
GPtrArray  *dlg_stars_due         (DlgFeed            *feed,
                                   const char * const *starred,
                                   GDateTime          *now,
                                   guint               minutes);

/* The sessions among @starred (their keys) that overlap another of them, as a set of keys: a
 * delegate cannot be in two rooms at once.  One without a time overlaps nothing. */
GHashTable *dlg_stars_overlapping (DlgFeed            *feed,
                                   const char * const *starred);

G_END_DECLS
