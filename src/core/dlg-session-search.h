/* dlg-session-search.h: finding sessions as a delegate types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"
#include "dlg-session.h"

G_BEGIN_DECLS

/* @text folded for matching: case-blind and accent-blind ("Bärensaal" and
 * "barensaal" fold alike).  Never NULL. */
char    *dlg_search_fold            (const char         *text);
/* The folded text a search looks in: all the session's detail shows of it (title,
 * subtitle, speakers, room, track, abstract, description), the same texts in the feed's
 * other languages and, with @feed, the names of the members presenting it. */
char    *dlg_session_search_key     (DlgSession         *session,
                                     DlgFeed            *feed);
/* The folded words of what the delegate typed; empty when nothing. */
GStrv    dlg_search_terms           (const char         *query);
/* TRUE when every term is in @key. */
gboolean dlg_search_matches         (const char         *key,
                                     const char * const *terms);

G_END_DECLS
