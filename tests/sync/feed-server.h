/* feed-server.h: the feed server the test-sync* programs make misbehave, and their helpers
 *
 * Every failure case first stores a good copy, then makes the server misbehave, and checks
 * the reported error and that the stored copy is byte for byte what it was
 * (assert_failure_keeps_copy).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sync-fixture.h"

G_BEGIN_DECLS

#define LAST_MODIFIED "Mon, 02 Sep 2019 08:00:00 GMT"
#define TEST_MAX_BODY (64 * 1024)

typedef enum
{
  MODE_OK,
  MODE_STATUS,      /* answer f->status */
  MODE_STALL,       /* never answer */
  MODE_GZIP,
  MODE_LOOP,        /* 302 to itself */
  MODE_MOVED,       /* 301 to /new.json */
  MODE_MOVED_AWAY,  /* 301 to /new.json on another host name (localhost) */
  MODE_HUGE,        /* a chunked body over the limit */
  MODE_HTML,        /* a page that is not JSON at all */
  MODE_HOLD,        /* the feed, held back until the test lets it go (f->paused) */
  MODE_SEND_ON,     /* 301 to f->send_on */
} Mode;

typedef struct
{
  SyncFixture   sf;

  /* What /feed.json serves. */
  Mode          mode;
  guint         status;
  GBytes       *body;
  char         *etag;
  GBytes       *new_body;   /* what /new.json serves */
  char         *agenda;     /* what /agenda.json serves, or NULL */
  gboolean      agenda_gone; /* /agenda.json answers 410 Gone */
  char         *send_on;    /* where MODE_SEND_ON redirects */

  /* What the server saw. */
  guint         n_requests;
  guint         n_full;     /* 200 answers with a body */
  guint         n_new;      /* requests for /new.json */
  guint         n_agenda;   /* requests for /agenda.json */
  char         *if_none_match;
  char         *if_modified_since;
  char         *accept_encoding;
  GPtrArray    *paused;
} Fixture;

/* g_test_add() with the fixture. */
#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

/* What the server answers, as the fixture says: a second server (over https) may answer
 * so too. */
void         server_cb                 (SoupServer           *server,
                                        SoupServerMessage    *msg,
                                        const char           *path,
                                        GHashTable           *query,
                                        gpointer              user_data);
/* The server serves minimal.json as /feed.json and full.json as /new.json; the sync takes
 * bodies of TEST_MAX_BODY at most, the session waits 1 s for an answer and 3 s in all. */
void         fixture_set_up            (Fixture              *f,
                                        gconstpointer         data);
void         fixture_tear_down         (Fixture              *f,
                                        gconstpointer         data);

/* tests/fixtures/@kind/@name */
GBytes      *fixture_bytes             (const char           *kind,
                                        const char           *name);
/* One sync, to its end; the result in f->sf.report or f->sf.error. */
void         sync_once                 (Fixture              *f,
                                        const char           *url);
void         assert_same_resource      (DlgResource          *a,
                                        DlgResource          *b);
/* Stores a good copy of the feed and returns it, as stored. */
DlgResource *sync_good_copy            (Fixture              *f);
/* The organiser publishes another feed (full.json) with a new ETag. */
void         organiser_changes_feed    (Fixture              *f);
/* Syncs once more and checks the error and that nothing moved. */
void         assert_failure_keeps_copy (Fixture              *f,
                                        DlgResource          *before,
                                        gint                  code);
/* A new DlgSync, as the fixture's, that asks a network monitor saying so. */
void         use_monitor               (Fixture              *f,
                                        gboolean              available,
                                        GNetworkConnectivity  connectivity);
/* dlg_sync_load_stored_async()'s callback (@user_data: the fixture): the feed loaded is the
 * store's "loaded" data. */
void         load_cb                   (GObject              *object,
                                        GAsyncResult         *result,
                                        gpointer              user_data);
/* The server publishes a Delegate feed whose agenda (one session, "S1") is at /agenda.json. */
void         serve_sectioned_feed      (Fixture              *f);
/* Runs @sql on the store's database; returns the first column of its first row, if any. */
char        *run_sql                   (Fixture              *f,
                                        const char           *sql);

G_END_DECLS
