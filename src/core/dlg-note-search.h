/* dlg-note-search.h: search across the delegate's notes and the cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"

G_BEGIN_DECLS

/* Whether @haystack holds every word of @query, casefolded.  An empty or
 * NULL query matches everything. */
gboolean dlg_note_search_text     (const char  *haystack,
                                   const char  *query);
/* Whether a best practice matches @query in its title, summary, body
 * (as text), tags or presenting member's name in @feed. */
gboolean dlg_note_search_practice (DlgPractice *practice,
                                   const char  *query,
                                   DlgFeed     *feed);

G_END_DECLS
