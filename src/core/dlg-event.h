/* dlg-event.h: the event a feed describes, and its days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-day.h"

G_BEGIN_DECLS

#define DLG_TYPE_EVENT (dlg_event_get_type ())
G_DECLARE_FINAL_TYPE (DlgEvent, dlg_event, DLG, EVENT, GObject)

/* All strings are already resolved to the preferred language. */
const char         *dlg_event_get_id             (DlgEvent *self);
const char         *dlg_event_get_title          (DlgEvent *self);
const char         *dlg_event_get_subtitle       (DlgEvent *self); /* nullable */
const char         *dlg_event_get_venue          (DlgEvent *self); /* nullable */
const char         *dlg_event_get_address        (DlgEvent *self); /* nullable */
const char         *dlg_event_get_city           (DlgEvent *self); /* nullable */
const char         *dlg_event_get_organiser      (DlgEvent *self); /* nullable */
const char         *dlg_event_get_url            (DlgEvent *self); /* nullable, http(s) only */
/* A note from the organiser shown above the agenda, e.g. that times are
 * illustrative or to be announced.  Nullable. */
const char         *dlg_event_get_notice         (DlgEvent *self);
/* The IANA zone name ("Asia/Makassar") and the zone itself.  The zone
 * comes from the feed, never from the machine. */
const char         *dlg_event_get_time_zone_name (DlgEvent *self);
GTimeZone          *dlg_event_get_time_zone      (DlgEvent *self);
/* First and last day, as "YYYY-MM-DD" in the event's zone. */
const char         *dlg_event_get_start_date     (DlgEvent *self);
const char         *dlg_event_get_end_date       (DlgEvent *self);
const char * const *dlg_event_get_languages      (DlgEvent *self);
/* Member ids of the host and of the network's president (nullable), and
 * the president's name and role as the feed gives them. */
const char         *dlg_event_get_host_member    (DlgEvent *self);
const char         *dlg_event_get_president_name (DlgEvent *self);
const char         *dlg_event_get_president_role (DlgEvent *self);
const char         *dlg_event_get_president_member (DlgEvent *self);
/* TRUE when the source gave neither a zone nor any UTC offset: times are
 * then wall-clock times of an unknown zone (kept in UTC internally), to
 * be shown and exported as they are, never converted. */
gboolean            dlg_event_get_floating_time  (DlgEvent *self);
/* Now, on the clock the event's times are on, to compare with them: the current instant; for
 * floating times, this machine's wall-clock time, as a delegate at the venue reads the printed
 * programme.  @self may be NULL (no event: the instant). */
GDateTime          *dlg_event_now                (DlgEvent *self);

/* "16 October 2019" from a feed's date "2019-10-16", in the interface's
 * language; NULL when @date is NULL or no such date. */
char               *dlg_format_date              (const char *date);
/* "16–18 October 2019", "30 September 2024 – 2 October 2024", or one day
 * alone, from an event's first and last dates; a first date that does not
 * read is given as written; NULL without one. */
char               *dlg_format_date_range        (const char *start,
                                                  const char *end);

G_END_DECLS
