/* dlg-feed-private.h: parsing a feed whose sections may live elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

/* Returns the bytes of a section the feed publishes at its own URL:
 * @section is "agenda", "members" or "best_practices", @reference the
 * string the feed gives (a URL, usually relative to the feed).  The
 * file loader resolves it against the feed's directory; sync code
 * resolves it against the feed's URL and fetches it. */
typedef GBytes *(*DlgFeedSectionLoader) (const char    *section,
                                         const char    *reference,
                                         gpointer       user_data,
                                         GCancellable  *cancellable,
                                         GError       **error);

DlgFeed *dlg_feed_parse (GBytes               *bytes,
                         const char * const   *languages,
                         DlgFeedSectionLoader  loader,
                         gpointer              loader_data,
                         GCancellable         *cancellable,
                         GError              **error);

/* Resolves @reference against @base (both URIs) and loads it if it is a
 * local file; any other scheme gives DLG_FEED_ERROR_EXTERNAL_SECTION. */
GBytes  *dlg_feed_load_relative_file (GFile         *base,
                                      const char    *section,
                                      const char    *reference,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* What a bare schedule gets wrong that is read past (dlg-feed-notes.c): each kind once, the
 * first place it is found, and how many there are. */
typedef struct _DlgFeedNotes DlgFeedNotes;

DlgFeedNotes *dlg_feed_notes_new     (void);
void          dlg_feed_notes_free    (DlgFeedNotes *notes);
/* Notes "PATH: what, and what Delegate does instead" (@format), unless a note of @kind was
 * made already, which then counts one more place.  @notes may be NULL: nothing is noted. */
void          dlg_feed_note          (DlgFeedNotes *notes,
                                      const char   *kind,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (3, 4);
/* (dlg-feed-zone.c) Notes the zone dlg_feed_choose_zone() chose (@chosen, @floating)
 * when it is not the schedule's @name (nullable) at @name_path. */
void          dlg_feed_note_zone     (DlgFeedNotes *notes,
                                      const char   *name,
                                      const char   *name_path,
                                      const char   *chosen,
                                      gboolean      floating);
/* Adds the notes to @out (strings; nullable: dropped), in the order they were first made. */
void          dlg_feed_notes_move_to (DlgFeedNotes *notes,
                                      GPtrArray    *out);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgFeedNotes, dlg_feed_notes_free)

/* Shared by the parts of the parser (dlg-feed-parse*.c). */
typedef struct
{
  GPtrArray            *languages; /* normalised preferences, best first */
  DlgFeedSectionLoader  loader;
  gpointer              loader_data;
  GCancellable         *cancellable;
  DlgFeed              *feed;      /* being filled */
  GTimeZone            *zone;      /* the event's, once known */
  GHashTable           *starts;    /* ISO 8601 date → its GDateTime in @zone, once read */
  GHashTable           *suffixes;  /* a repeated key → the next "-N" to try for it */
  guint                 day_change; /* minutes past midnight at which a day of the
                                     * programme ends (frab's day_change), 0 for none */
  char                 *base_url;  /* the schedule's "base_url", against which its
                                    * attachments' addresses are read; nullable */
  gboolean              wild;      /* a bare pretalx/frab/Pentabarf schedule: tolerate
                                    * what such exports get wrong (repeated guids,
                                    * nameless persons) instead of failing */
  DlgFeedNotes         *notes;     /* what was tolerated, for `delegate-feed validate`;
                                    * nullable, borrowed */
} DlgFeedParseContext;

void dlg_feed_parse_context_clear (DlgFeedParseContext *ctx);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DlgFeedParseContext, dlg_feed_parse_context_clear)

/* Reads the agenda section.  Members must be parsed first, since
 * sessions name the members presenting. */
gboolean dlg_feed_parse_agenda       (DlgFeedParseContext  *ctx,
                                      JsonNode             *node,
                                      GError              **error);
/* Fails, naming @path, when @id (nullable) is not a member of the feed. */
gboolean dlg_feed_parse_check_member (DlgFeedParseContext  *ctx,
                                      const char           *id,
                                      const char           *path,
                                      GError              **error);

/* Gives @session (title, room, ... already set) its instant, duration,
 * day and key, and indexes it.  @date is the ISO 8601 date (the truth),
 * @start the "HH:MM" clock on @day used only without @date; @guid the
 * key, or NULL to derive a stable one.  A @start earlier than the day change
 * is on the calendar date after @day's. */
gboolean  dlg_feed_place_session      (DlgFeedParseContext  *ctx,
                                       DlgSession           *session,
                                       DlgDay               *day,
                                       const char           *date,
                                       const char           *start,
                                       const char           *duration,
                                       const char           *guid,
                                       const char           *path,
                                       GError              **error);
/* Reads the frab session at @node (its place @path) listed under @day in @room (the
 * name it is listed under; nullable), and adds it to @sessions. */
gboolean  dlg_feed_parse_session      (DlgFeedParseContext  *ctx,
                                       JsonNode             *node,
                                       const char           *path,
                                       DlgDay               *day,
                                       const char           *room,
                                       GPtrArray            *sessions,
                                       GError              **error);
/* Reads the sessions a schedule lists beside its days ("schedule.events", the C3 hub's
 * newer form; none is fine), each under the day of @days (the conference's, already read
 * into the feed; nullable) it falls in, into @sessions. */
gboolean  dlg_feed_parse_events       (DlgFeedParseContext  *ctx,
                                       JsonObject           *schedule,
                                       JsonObject           *conference,
                                       JsonArray            *days,
                                       GPtrArray            *sessions,
                                       GError              **error);
/* Adds to @dates the "start" of each of "schedule.events", for the zone's choice. */
void      dlg_feed_collect_event_dates (JsonObject          *schedule,
                                        GPtrArray           *dates);
/* Adds to @session's links the file attached at @url (nullable), read against @base_url
 * (nullable) when it is a path, as pretalx and frab write them ("/media/…/slides.pdf"),
 * and with its @title (nullable); only an http(s) address is kept (else FALSE). */
gboolean  dlg_feed_add_attachment     (DlgSession           *session,
                                       const char           *base_url,
                                       const char           *url,
                                       const char           *title);
/* Reads frab's day_change (nullable: "04:00" or "04:00:00", its place @path for
 * errors) into @ctx: a session's start clock earlier than it is on the next
 * calendar date. */
gboolean  dlg_feed_set_day_change     (DlgFeedParseContext  *ctx,
                                       const char           *day_change,
                                       const char           *path,
                                       GError              **error);
/* The event's zone from the schedule's time_zone_name (nullable, its
 * place @name_path for errors) and the sessions' ISO 8601 @dates: the
 * named zone unless most offsets disagree with it, else the most common
 * offset; with neither, UTC and *@floating set.  With @wild (a bare export), a
 * name that is no zone is left to the offsets, and refused only without any.
 * *@zone_name receives the identifier to show (NULL when floating). */
GTimeZone *dlg_feed_choose_zone       (const char           *name,
                                       const char           *name_path,
                                       GPtrArray            *dates,
                                       gboolean              wild,
                                       char                **zone_name,
                                       gboolean             *floating,
                                       GError              **error);
/* Sorts the sessions by start and room and puts them in the feed. */
void      dlg_feed_add_sessions       (DlgFeed              *feed,
                                       GPtrArray            *sessions);
/* A bare frab/pretalx schedule.json (root object holding "schedule"), or
 * a frab/Pentabarf schedule.xml: the event is made from the conference. */
DlgFeed  *dlg_feed_parse_schedule_json (JsonNode            *root,
                                        const char * const  *languages,
                                        DlgFeedNotes        *notes,
                                        GError             **error);
DlgFeed  *dlg_feed_parse_schedule_xml  (GBytes              *bytes,
                                        const char * const  *languages,
                                        DlgFeedNotes        *notes,
                                        GError             **error);
/* Any SOURCE format (dlg-source.c): a Delegate feed goes to
 * dlg_feed_parse() with @loader; a bare schedule.json or schedule.xml has
 * no sections published apart, and what it gets wrong is noted in @notes (nullable).
 * For sync, which fetches sections itself. */
DlgFeed  *dlg_source_parse_full        (GBytes                *bytes,
                                        const char * const    *languages,
                                        DlgFeedNotes          *notes,
                                        DlgFeedSectionLoader   loader,
                                        gpointer               loader_data,
                                        GCancellable          *cancellable,
                                        GError               **error);

G_END_DECLS
