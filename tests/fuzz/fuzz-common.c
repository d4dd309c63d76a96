/* fuzz-common.c: what every fuzz target checks, whatever it parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlg-day.h"
#include "dlg-feed.h"
#include "dlg-feed-pack.h"
#include "dlg-ics.h"
#include "dlg-link.h"
#include "dlg-markdown.h"
#include "dlg-person.h"
#include "dlg-text.h"
#include "dlg-vcard.h"
#include "fuzz-common.h"

/* Indonesian first, as on a delegate's laptop, then English. */
const char * const fuzz_languages[] = { "id", "en", NULL };

/* Warnings and criticals abort(), which libFuzzer catches and reports
 * with the input; GLib's own fatal path ends in a breakpoint trap, which
 * it does not. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (level, fields, n_fields, user_data);

  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    fuzz_fail ("a warning or critical: outside input must never cause one");
  return written;
}

void
fuzz_init (void)
{
  /* As G_DEBUG=fatal-warnings in the test suite: a critical is a
   * programming error, and outside input must never cause one. */
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
}

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

void
fuzz_check_utf8 (const char *what,
                 const char *text,
                 gboolean    nullable)
{
  const char *end = NULL;

  if (text == NULL)
    {
      if (!nullable)
        fuzz_fail ("%s: NULL", what);
      return;
    }
  if (!g_utf8_validate (text, -1, &end))
    fuzz_fail ("%s: not valid UTF-8 at byte %zu", what, (size_t) (end - text));
}

void
fuzz_check_url (const char *what,
                const char *url,
                gboolean    mailto)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return;
  fuzz_check_utf8 (what, url, FALSE);
  scheme = g_uri_parse_scheme (url);
  if (scheme != NULL &&
      (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
       (mailto && g_ascii_strcasecmp (scheme, "mailto") == 0)))
    return;
  fuzz_fail ("%s: a link we must not open: %s", what, url);
}

void
fuzz_check_outcome (const char   *what,
                    gboolean      ok,
                    const GError *error)
{
  if (ok && error != NULL)
    fuzz_fail ("%s: succeeded, yet set an error: %s", what, error->message);
  if (!ok && error == NULL)
    fuzz_fail ("%s: failed without an error", what);
  if (!ok)
    {
      if (error->message == NULL || error->message[0] == '\0')
        fuzz_fail ("%s: an error without a message", what);
      if (!g_utf8_validate (error->message, -1, NULL))
        {
          g_autofree char *escaped = g_strescape (error->message, NULL);

          fuzz_fail ("%s: an error message that is not valid UTF-8: %s", what, escaped);
        }
    }
}

void
fuzz_check_folded (const char *what,
                   const char *text)
{
  const char *line = text;

  fuzz_check_utf8 (what, text, FALSE);
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      if (end == NULL)
        fuzz_fail ("%s: a line without CRLF at byte %zu", what, (size_t) (line - text));
      if (memchr (line, '\n', end - line) != NULL || memchr (line, '\r', end - line) != NULL)
        fuzz_fail ("%s: a bare line end at byte %zu", what, (size_t) (line - text));
      /* Both formats allow the tab and no other control character. */
      for (const char *c = line; c < end; c++)
        {
          if (((guchar) *c < 0x20 && *c != '\t') || *c == 0x7F)
            fuzz_fail ("%s: control character 0x%02x at byte %zu", what, (guchar) *c,
                       (size_t) (c - text));
        }
      if (end - line > 75)
        fuzz_fail ("%s: a line of %zu octets at byte %zu", what,
                   (size_t) (end - line), (size_t) (line - text));
      line = end + 2;
    }
}

static void
check_strv (const char         *what,
            const char * const *strv,
            gboolean            nullable)
{
  if (strv == NULL)
    {
      if (!nullable)
        fuzz_fail ("%s: NULL list", what);
      return;
    }
  for (guint i = 0; strv[i] != NULL; i++)
    fuzz_check_utf8 (what, strv[i], FALSE);
}

static void
check_links (const char *what,
             GListModel *links)
{
  if (links == NULL)
    fuzz_fail ("%s: NULL list", what);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DlgLink) link = g_list_model_get_item (links, i);

      fuzz_check_url (what, dlg_link_get_url (link), FALSE);
      if (dlg_link_get_url (link) == NULL)
        fuzz_fail ("%s: a link without a URL", what);
      fuzz_check_utf8 (what, dlg_link_get_title (link), TRUE);
    }
}

/* Organisers' abstracts go through dlg_text_to_plain() before a label
 * shows them, practice bodies through the Markdown subset. */
static void
check_rich_text (const char *what,
                 const char *text,
                 gboolean    markdown)
{
  g_autofree char *plain = NULL;

  fuzz_check_utf8 (what, text, TRUE);
  if (text == NULL)
    return;
  plain = markdown ? dlg_markdown_to_plain (text) : dlg_text_to_plain (text);
  fuzz_check_utf8 (what, plain, TRUE);
}

static void
check_event (DlgEvent *event)
{
  if (event == NULL)
    fuzz_fail ("a feed without an event");
  fuzz_check_utf8 ("event.id", dlg_event_get_id (event), FALSE);
  fuzz_check_utf8 ("event.title", dlg_event_get_title (event), FALSE);
  fuzz_check_utf8 ("event.subtitle", dlg_event_get_subtitle (event), TRUE);
  fuzz_check_utf8 ("event.venue", dlg_event_get_venue (event), TRUE);
  fuzz_check_utf8 ("event.address", dlg_event_get_address (event), TRUE);
  fuzz_check_utf8 ("event.city", dlg_event_get_city (event), TRUE);
  fuzz_check_utf8 ("event.organiser", dlg_event_get_organiser (event), TRUE);
  fuzz_check_url ("event.url", dlg_event_get_url (event), FALSE);
  fuzz_check_utf8 ("event.notice", dlg_event_get_notice (event), TRUE);
  fuzz_check_utf8 ("event.time_zone_name", dlg_event_get_time_zone_name (event), TRUE);
  if (dlg_event_get_time_zone (event) == NULL)
    fuzz_fail ("event: no time zone");
  fuzz_check_utf8 ("event.start_date", dlg_event_get_start_date (event), TRUE);
  fuzz_check_utf8 ("event.end_date", dlg_event_get_end_date (event), TRUE);
  check_strv ("event.languages", dlg_event_get_languages (event), TRUE);
  fuzz_check_utf8 ("event.host_member", dlg_event_get_host_member (event), TRUE);
  fuzz_check_utf8 ("event.president_name", dlg_event_get_president_name (event), TRUE);
  fuzz_check_utf8 ("event.president_role", dlg_event_get_president_role (event), TRUE);
  fuzz_check_utf8 ("event.president_member", dlg_event_get_president_member (event), TRUE);
}

static void
check_sessions (DlgFeed *feed)
{
  GListModel *sessions = dlg_feed_get_sessions (feed);
  g_autoptr(GDateTime) previous = NULL;

  if (sessions == NULL)
    fuzz_fail ("a feed without a session list");
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = dlg_session_get_start (session);
      GDateTime *end = dlg_session_get_end (session);
      const char *key = dlg_session_get_key (session);

      fuzz_check_utf8 ("session.key", key, FALSE);
      if (dlg_feed_find_session (feed, key) != session)
        fuzz_fail ("session %s: not found by its key", key);
      fuzz_check_utf8 ("session.title", dlg_session_get_title (session), FALSE);
      fuzz_check_utf8 ("session.subtitle", dlg_session_get_subtitle (session), TRUE);
      check_rich_text ("session.abstract", dlg_session_get_abstract (session), FALSE);
      check_rich_text ("session.description", dlg_session_get_description (session), FALSE);
      fuzz_check_utf8 ("session.room", dlg_session_get_room (session), TRUE);
      fuzz_check_utf8 ("session.track", dlg_session_get_track (session), TRUE);
      fuzz_check_utf8 ("session.kind", dlg_session_get_kind (session), TRUE);
      fuzz_check_utf8 ("session.language", dlg_session_get_language (session), TRUE);
      fuzz_check_url ("session.url", dlg_session_get_url (session), FALSE);
      check_strv ("session.persons", dlg_session_get_persons (session), FALSE);
      check_strv ("session.members", dlg_session_get_members (session), FALSE);
      check_links ("session.links", dlg_session_get_links (session));

      if (start == NULL || end == NULL)
        fuzz_fail ("session %s: no start or end", key);
      if (g_date_time_compare (end, start) < 0)
        fuzz_fail ("session %s: ends before it starts", key);
      /* The agenda lists sessions by start time. */
      if (previous != NULL && g_date_time_compare (start, previous) < 0)
        fuzz_fail ("session %s: out of order", key);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (start);
    }
}

static void
check_person (DlgPerson *person)
{
  fuzz_check_utf8 ("person.name", dlg_person_get_name (person), FALSE);
  fuzz_check_utf8 ("person.role", dlg_person_get_role (person), TRUE);
  fuzz_check_utf8 ("person.email", dlg_person_get_email (person), TRUE);
  fuzz_check_utf8 ("person.phone", dlg_person_get_phone (person), TRUE);
}

static void
check_members (DlgFeed *feed)
{
  GListModel *members = dlg_feed_get_members (feed);

  if (members == NULL)
    fuzz_fail ("a feed without a member list");
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);
      const char *id = dlg_member_get_id (member);
      GListModel *delegates = dlg_member_get_delegates (member);
      double latitude = 0, longitude = 0;
      gboolean known = FALSE;

      fuzz_check_utf8 ("member.id", id, FALSE);
      if (dlg_feed_find_member (feed, id) != member)
        fuzz_fail ("member %s: not found by its id", id);
      fuzz_check_utf8 ("member.name", dlg_member_get_name (member), FALSE);
      fuzz_check_utf8 ("member.province", dlg_member_get_province (member), TRUE);
      fuzz_check_utf8 ("member.region", dlg_member_get_region (member), TRUE);
      fuzz_check_utf8 ("member.head_title", dlg_member_get_head_title (member), TRUE);
      fuzz_check_utf8 ("member.head_name", dlg_member_get_head_name (member), TRUE);
      fuzz_check_url ("member.website", dlg_member_get_website (member), FALSE);
      fuzz_check_utf8 ("member.email", dlg_member_get_email (member), TRUE);
      fuzz_check_utf8 ("member.phone", dlg_member_get_phone (member), TRUE);
      fuzz_check_utf8 ("member.address", dlg_member_get_address (member), TRUE);
      if (dlg_member_get_coordinates (member, &latitude, &longitude) &&
          (!isfinite (latitude) || !isfinite (longitude) ||
           fabs (latitude) > 90 || fabs (longitude) > 180))
        fuzz_fail ("member %s: coordinates off the globe: %g, %g", id, latitude, longitude);
      fuzz_check_utf8 ("member.smart_city", dlg_member_get_smart_city (member), TRUE);
      fuzz_check_utf8 ("member.smart_city_programme",
                       dlg_member_get_smart_city_programme (member), TRUE);
      dlg_member_get_smart_city_masterplan (member, &known);
      fuzz_check_utf8 ("member.description", dlg_member_get_description (member), TRUE);

      if (delegates == NULL)
        fuzz_fail ("member %s: no delegate list", id);
      for (guint j = 0; j < g_list_model_get_n_items (delegates); j++)
        {
          g_autoptr(DlgPerson) person = g_list_model_get_item (delegates, j);

          check_person (person);
        }
    }
}

static void
check_practices (DlgFeed *feed)
{
  GListModel *practices = dlg_feed_get_practices (feed);

  if (practices == NULL)
    fuzz_fail ("a feed without a practice list");
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);
      const char *id = dlg_practice_get_id (practice);

      fuzz_check_utf8 ("practice.id", id, FALSE);
      if (dlg_feed_find_practice (feed, id) != practice)
        fuzz_fail ("practice %s: not found by its id", id);
      fuzz_check_utf8 ("practice.title", dlg_practice_get_title (practice), FALSE);
      fuzz_check_utf8 ("practice.member", dlg_practice_get_member (practice), TRUE);
      fuzz_check_utf8 ("practice.session", dlg_practice_get_session (practice), TRUE);
      check_rich_text ("practice.summary", dlg_practice_get_summary (practice), TRUE);
      check_rich_text ("practice.body", dlg_practice_get_body (practice), TRUE);
      check_strv ("practice.tags", dlg_practice_get_tags (practice), FALSE);
      check_links ("practice.links", dlg_practice_get_links (practice));
    }
}

static void
check_days (DlgFeed *feed)
{
  GListModel *days = dlg_feed_get_days (feed);

  if (days == NULL)
    fuzz_fail ("a feed without a day list");
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (days, i);

      fuzz_check_utf8 ("day.date", dlg_day_get_date (day), FALSE);
    }
}

/* What the next start reads instead of the source (dlg-feed-pack.c): every feed parsed packs,
 * and reads back as itself (packing it again gives the same bytes). */
static void
check_packed (DlgFeed *feed)
{
  g_autoptr(GBytes) packed = dlg_feed_pack (feed);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(DlgFeed) unpacked = NULL;
  g_autoptr(GError) error = NULL;

  if (packed == NULL)
    fuzz_fail ("a parsed feed that cannot be packed");
  unpacked = dlg_feed_unpack (packed, &error);
  if (unpacked == NULL)
    fuzz_fail ("a packed feed that does not read back: %s", error->message);
  again = dlg_feed_pack (unpacked);
  if (again == NULL || !g_bytes_equal (packed, again))
    fuzz_fail ("a packed feed that reads back as another");
}

void
fuzz_check_feed (DlgFeed *feed)
{
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autofree char *ics = NULL;
  g_autofree char *vcf = NULL;

  check_event (dlg_feed_get_event (feed));
  check_sessions (feed);
  check_members (feed);
  check_practices (feed);
  check_days (feed);

  /* What "Add to calendar" and "Save contacts" write from this feed. */
  ics = dlg_ics_export (feed, dlg_feed_get_sessions (feed), stamp, 10);
  fuzz_check_folded ("calendar export", ics);
  vcf = dlg_vcard_from_members (dlg_feed_get_members (feed));
  if (vcf[0] != '\0')
    fuzz_check_folded ("vCard export", vcf);

  check_packed (feed);
}

/* The first field of every pack this build writes, taken from a pack it writes. */
GBytes *
fuzz_pack_tag (void)
{
  static const char minimal[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"t\", \"title\": \"T\","
    " \"time_zone\": \"Asia/Jakarta\", \"start\": \"2024-03-05\"}}";
  g_autoptr(GBytes) source = g_bytes_new_static (minimal, strlen (minimal));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (source, fuzz_languages, &error);
  g_autoptr(GBytes) packed = NULL;
  const guint8 *data;
  gsize size;
  guint32 length;

  if (feed == NULL)
    fuzz_fail ("the feed that gives the tag does not parse: %s", error->message);
  packed = dlg_feed_pack (feed);
  if (packed == NULL)
    fuzz_fail ("the feed that gives the tag does not pack");

  /* The tag is a string field: its length + 1, then its bytes. */
  data = g_bytes_get_data (packed, &size);
  if (size < sizeof length)
    fuzz_fail ("a pack shorter than its tag");
  memcpy (&length, data, sizeof length);
  if (length == 0 || length - 1 > size - sizeof length)
    fuzz_fail ("a pack whose tag runs past its end");
  return g_bytes_new (data, sizeof length + length - 1);
}
