/* agenda-page-fixture.h: what the test-agenda-page files share
 *
 * The page is built as the app builds it (its template, under Xvfb), fed
 * tests/agenda/fixtures/quirks.json, and driven through its own widgets: the day, room and
 * track drop-downs, the search entry, "My schedule" and stars; what the list shows is read
 * from the list view's model.  It runs in machine zones other than the event's: times must
 * not move.  Each agenda-page-THEME.c adds its tests with agenda_page_add_THEME_tests().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <adwaita.h>

#include "dlg-agenda-page-private.h"
#include "dlg-agenda-text.h"
#include "dlg-event-view.h"
#include "dlg-feed-label.h"
#include "dlg-session-view.h"
#include "dlg-source.h"
#include "schedule-fixture.h"

G_BEGIN_DECLS

extern const char * const english[];

typedef struct
{
  DlgFeed       *feed;
  DlgStore      *store;
  DlgAgendaPage *page;
  GtkWidget     *window;
} Fixture;

/* The quirks.json agenda in a page of its own window, and the page torn down. */
void        fixture_set_up    (Fixture       *f,
                               gconstpointer  data);
void        fixture_tear_down (Fixture       *f,
                               gconstpointer  data);

/* A widget of the page's template. */
gpointer    child             (Fixture    *f,
                               const char *name);
/* A widget of the session shown beside the list. */
gpointer    session_child     (Fixture    *f,
                               const char *name);
/* The title of the session shown beside the list. */
const char *session_title     (Fixture *f);
/* What the list shows, and how many. */
GListModel *shown             (Fixture *f);
guint       n_shown           (Fixture *f);
/* The titles of the sessions the list shows, "; " between. */
char       *shown_titles      (Fixture *f);
/* What the list says when it is empty, as shown: its title, a newline, its description. */
char       *empty_text        (Fixture *f);
/* The session of the fixture's feed titled @title. */
DlgSession *find              (Fixture    *f,
                               const char *title);
/* As a delegate does: opens the drop-down in the window, picks @text, and it closes. */
void        choose            (GtkDropDown *dropdown,
                               const char  *text);
/* Types @text in the search, as a delegate would, and waits as its entry does. */
void        search            (Fixture    *f,
                               const char *text);
/* Runs the main loop until @done; FALSE if it never is, within 10 s. */
gboolean    wait_until        (gboolean (*done) (gpointer data),
                               gpointer   data);

void        agenda_page_add_search_tests (void);
void        agenda_page_add_times_tests  (void);
void        agenda_page_add_now_tests    (void);
void        agenda_page_add_detail_tests (void);
void        agenda_page_add_stars_tests  (void);
void        agenda_page_add_lists_tests  (void);

G_END_DECLS
