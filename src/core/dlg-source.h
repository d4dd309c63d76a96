/* dlg-source.h: a SOURCE, path or URL, of any schedule Delegate reads
 *
 * A source may be a Delegate feed, a bare frab/pretalx schedule.json or a
 * frab/Pentabarf schedule.xml; the format is found from the content, never
 * from the name.  A bare schedule gets an event made from its conference
 * (id from the acronym, title, zone from time_zone_name or the offsets).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

typedef enum
{
  DLG_SOURCE_FORMAT_UNKNOWN,
  DLG_SOURCE_FORMAT_DELEGATE_FEED,
  DLG_SOURCE_FORMAT_SCHEDULE_JSON,
  DLG_SOURCE_FORMAT_SCHEDULE_XML,
} DlgSourceFormat;

/* A guess from the first bytes and keys; parsing tells the truth. */
DlgSourceFormat dlg_source_detect        (GBytes              *bytes);

/* Parses @bytes of any format.  @base_uri (nullable) is where they came
 * from: a feed's sections published apart are read relative to it (files
 * directly, http(s) fetched and waited for, see dlg_source_fetch()).  Errors are DLG_FEED_ERROR, and
 * name the place ("schedule.conference.days[0].date: ..." or "line 3,
 * column 7: ..."). */
DlgFeed        *dlg_source_parse         (GBytes              *bytes,
                                          const char          *base_uri,
                                          const char * const  *languages,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* dlg_source_parse(), and what a bare schedule.json or schedule.xml gets wrong that Delegate
 * reads past, added to @notes (strings "PATH: what, and what Delegate does instead"; each
 * kind once, with how many places have it): a day_change later than 05:00, a time_zone_name
 * that is no zone, days numbered twice or not by a number, a field Delegate shows that it
 * cannot read, an encoding converted, ….  A Delegate feed is checked by dlg_feed_lint(). */
DlgFeed        *dlg_source_parse_noting  (GBytes              *bytes,
                                          const char          *base_uri,
                                          const char * const  *languages,
                                          GPtrArray           *notes,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* The bytes of @source, read (a path or file: URI, a regular file of at
 * most DLG_FILE_MAX_SIZE) or fetched (http, https: dlg_source_fetch(), waited
 * for: the command line's and the tests'; the app syncs without waiting); *@uri is
 * where they came from (after redirects, as the app's sync has it), for
 * dlg_source_parse().  @source is taken as the app takes
 * what it is given (dlg_library_locate()): "example.org/feed.json" is a web
 * address unless a file of that name is there, and what cannot be a feed's
 * address is said in the app's words. */
GBytes         *dlg_source_read          (const char          *source,
                                          char               **uri,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* The bytes of @section of a feed read from @base_uri, published apart at
 * @reference (relative to the feed): read beside a file, or fetched (dlg_source_fetch())
 * beside a web address, as dlg_source_parse() does. */
GBytes         *dlg_source_read_section  (const char          *base_uri,
                                          const char          *section,
                                          const char          *reference,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* dlg_source_read() and dlg_source_parse(), one after the other.
 * Blocking. */
DlgFeed        *dlg_source_load          (const char          *source,
                                          const char * const  *languages,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* The bytes at an http(s) URI, fetched as the app's sync fetches a feed and
 * waited for (redirects followed, at most ten): failures are DLG_SYNC_ERRORs
 * in the app's words (the server's error status, a body of more than
 * DLG_FILE_MAX_SIZE unpacked, refused as soon as that is known, more than
 * 2 minutes in all, connecting, headers and body). */
GBytes         *dlg_source_fetch         (const char          *uri,
                                          GCancellable        *cancellable,
                                          GError             **error);

G_END_DECLS
