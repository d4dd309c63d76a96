/* dlg-ics.h: sessions as an iCalendar (RFC 5545) document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"

G_BEGIN_DECLS

/* One VEVENT per session of @sessions (a GListModel of DlgSession of
 * @feed; NULL: all of the feed's), CRLF line ends, lines folded at 75
 * octets (never inside a UTF-8 character), text escaped.
 *
 * - UID: the session key and the event id ("<key>@<event>.delegate"):
 *   stable from export to export, so calendars update, not duplicate.
 * - DTSTART/DTEND: UTC instants ("...Z"); floating local times only when
 *   the source gave neither a zone nor an offset.
 * - A session whose time is to be announced is an all-day event on the day
 *   the organiser listed it under (DTSTART;VALUE=DATE), so it shows on the
 *   right day without a made-up time.
 * - SUMMARY (title), LOCATION (room, venue), DESCRIPTION (speakers,
 *   abstract, description), URL, CATEGORIES (track), DTSTAMP (@stamp, or
 *   now when NULL).
 * - With @alarm_minutes above 0, a VALARM that many minutes before each
 *   session at a time (not one to be announced): a delegate's own schedule,
 *   carried to a phone, reminds as the app does.
 */
char *dlg_ics_export (DlgFeed    *feed,
                      GListModel *sessions,
                      GDateTime  *stamp,
                      guint       alarm_minutes);

/* Escapes TEXT (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
char *dlg_ics_escape_text (const char *text);

/* Appends "@line" folded (RFC 5545 3.1) and ended by CRLF to @out. */
void  dlg_ics_append_line (GString    *out,
                           const char *line);

G_END_DECLS
