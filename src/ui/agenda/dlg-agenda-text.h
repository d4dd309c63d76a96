/* dlg-agenda-text.h: how the agenda words what it shows: days, languages, room and track lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

/* The event's zone, NULL for floating times or no event. */
GTimeZone     *dlg_agenda_feed_time_zone (DlgFeed     *feed);
/* @time as the delegate sees it: in the event's zone (from the feed, never the machine's), or
 * in the laptop's when @local_time (GSettings "agenda-local-time"); floating times stay as
 * given.  A new reference. */
GDateTime     *dlg_agenda_shown_time     (DlgFeed     *feed,
                                          GDateTime   *time,
                                          gboolean     local_time);
/* The zone's name after a time from dlg_agenda_shown_time(), "WITA"; "" for floating times. */
const char    *dlg_agenda_zone_label     (DlgFeed     *feed,
                                          GDateTime   *shown);
/* "09:00", or "01:00 (Sun 2 Feb)" when @shown is on another date than @date ("2020-02-01",
 * the day it is listed under; NULL: none to compare with). */
char          *dlg_agenda_clock_on       (GDateTime   *shown,
                                          const char  *date);
/* "09:00 WITA": @time's clock time as shown (see dlg_agenda_shown_time()), with its zone,
 * and its date when it is not @date (see dlg_agenda_clock_on()). */
char          *dlg_agenda_format_clock   (DlgFeed     *feed,
                                          GDateTime   *time,
                                          gboolean     local_time,
                                          const char  *date);
/* "Day 1, Wednesday 16 October"; "Day 1" without a known date. */
char          *dlg_agenda_format_day     (DlgDay      *day,
                                          GTimeZone   *zone);
char          *dlg_agenda_day_name       (DlgFeed     *feed,
                                          guint        index);
/* Language codes ("id", "de, en-US") by name where the forum hears them; NULL when none. */
char          *dlg_agenda_language_names (const char  *codes);
/* Whether two sessions share a group header: the same day and start, or both unannounced. */
gboolean       dlg_agenda_same_group     (DlgSession  *a,
                                          DlgSession  *b);
/* @all, then the distinct values of @get over @sessions, in collation order. */
GtkStringList *dlg_agenda_choices        (GListModel  *sessions,
                                          const char  *all,
                                          const char *(*get) (DlgSession *));

/* The session's page and its links as Pango markup, one a line, every URL and title
 * escaped (feed text is data, never markup); NULL when it has none. */
char          *dlg_agenda_links_markup   (DlgSession  *session);

/* A session's star button as @starred: its icon, tooltip and accessible name, the same on
 * the agenda's rows and on a session's page. */
void           dlg_agenda_show_star      (GtkButton   *button,
                                          gboolean     starred);

G_END_DECLS
