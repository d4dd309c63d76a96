/* dlg-note-report.c: the trip report, in Markdown
 *
 * The delegate's notes go in as the app reads them, in Markdown that any viewer reads the
 * same way (dlg-markdown-write.c); the feed's titles go in on one line each, as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-note-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dlg-day.h"
#include "dlg-markdown-write.h"
#include "dlg-note-report.h"
#include "dlg-notes.h"

/* Feed text on one line, as text: a title must not start a new block, and
 * "[click](javascript:…)", "<img …>", "*", a closing "#" or "~~" in it
 * must stay what it says in any Markdown viewer, so each mark is escaped
 * with a backslash (which a plain-text reader skips easily).  A line-starting "#", "-", "+" or
 * "1." would begin a heading or a list: escaped too. */
static void
append_line (GString    *out,
             const char *text)
{
  const char *p = text;

  /* "#" and ">" are escaped below, wherever they are. */
  if (*p == '-' || *p == '+')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
      if (*p == '.' || *p == ')')
        g_string_append_c (out, '\\');
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr ("\\`*_[]<>&#~", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/* A note's text under its title, which is at @level, as the app reads and shows it (each
 * line break kept, HTML as text: dlg-markdown-write.c), whatever Markdown viewer opens the
 * report.  Its own headings ("# Summary") go below its title: a note never opens a section
 * of the report, nor outranks its own title. */
static void
append_body (GString    *out,
             const char *body,
             guint       level)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (body, DLG_MD_PARSE_LINE_BREAKS);

  dlg_markdown_write (out, blocks, level);
}

char *
dlg_note_report_gone_item (DlgNote *note)
{
  const char *name;

  g_return_val_if_fail (DLG_IS_NOTE (note), NULL);

  name = dlg_note_get_item_title (note);
  switch (dlg_note_get_kind (note))
    {
    case DLG_NOTE_SESSION:
      /* Translators: what a note is about, a session a feed update removed; %s is its
       * title as last seen */
      return name != NULL ? g_strdup_printf (_("Session: %s (no longer in the programme)"), name)
                          : g_strdup (_("A session no longer in the programme"));
    case DLG_NOTE_PRACTICE:
      return name != NULL
             ? g_strdup_printf (_("Best practice: %s (no longer in the programme)"), name)
             : g_strdup (_("A best practice no longer in the programme"));
    case DLG_NOTE_MEMBER:
      /* Translators: what a note is about, a member the event's feed no longer lists */
      return name != NULL ? g_strdup_printf (_("Member: %s (no longer listed)"), name)
                          : g_strdup (_("A member no longer listed"));
    case DLG_NOTE_FREE:
    default:
      return NULL;
    }
}

/* What a note in "Other notes" was about, when a feed update removed it, in italics under
 * the note's title, so that the report does not leave a note on a dropped session
 * unexplained. */
static void
append_gone_item (GString *out,
                  DlgNote *note,
                  DlgFeed *feed)
{
  g_autofree char *line = NULL;

  if (!dlg_note_is_orphaned (note, feed))
    return;

  line = dlg_note_report_gone_item (note);
  g_string_append_c (out, '*');
  append_line (out, line);
  g_string_append (out, "*\n\n");
}

/* The notes one after the other, each under its title at @level (3 or 4).  An untitled
 * note is headed by when it was taken where it would otherwise run into the note before
 * it: among several notes, and in "Other notes", where each note is an item.  That time
 * is given in the event's time zone @zone, as its sessions' are: a laptop often keeps its
 * home's time at an event, and the report is read at home, where a note taken at 11:05
 * under an 11:00 session must not read 10:05. */
static void
append_notes (GString    *out,
              GPtrArray  *notes,
              guint       level,
              DlgFeed    *feed,
              GTimeZone  *zone)
{
  /* Empty notes are out already (is_empty()). */
  gboolean head_all = notes->len > 1 || level <= 3;

  for (guint i = 0; i < notes->len; i++)
    {
      DlgNote *note = g_ptr_array_index (notes, i);
      g_autofree char *title = g_strstrip (g_strdup (dlg_note_get_title (note)));
      g_autofree char *body = g_strstrip (g_strdup (dlg_note_get_body (note)));

      if (title[0] == '\0' && head_all)
        {
          gint64 seconds = dlg_note_get_created (note) / G_USEC_PER_SEC;
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
          g_autoptr(GDateTime) created = utc == NULL ? NULL
                                         : zone != NULL ? g_date_time_to_timezone (utc, zone)
                                         : g_date_time_to_local (utc);
          g_autofree char *when = created != NULL
                                  ? g_date_time_format (created, _("%-d %B, %H:%M")) : NULL;

          g_free (title);
          /* Translators: the heading of a note without a title in the trip report; %s is
           * when it was written, e.g. "16 October, 10:32" */
          title = when != NULL ? g_strdup_printf (_("Note, %s"), when) : g_strdup (_("Note"));
        }
      if (title[0] != '\0')
        {
          for (guint k = 0; k < level; k++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          append_line (out, title);
          g_string_append (out, "\n\n");
        }
      append_gone_item (out, note, feed);
      if (body[0] != '\0')
        {
          append_body (out, body, level);
          g_string_append (out, "\n\n");
        }
    }
}

/* Whether @note has nothing in it: a note opened and left so, which the app keeps (a new
 * note is saved at once) but which says nothing, and so puts no item in the report. */
static gboolean
is_empty (gpointer data)
{
  DlgNote *note = data;
  g_autofree char *text = g_strconcat (dlg_note_get_title (note), dlg_note_get_body (note), NULL);

  return g_strstrip (text)[0] == '\0';
}

/* By creation, then (notes of one instant, imported say) by edit and by id: one order,
 * whatever order the store lists them in. */
static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  DlgNote *note_a = *(DlgNote **) a;
  DlgNote *note_b = *(DlgNote **) b;
  gint64 created_a = dlg_note_get_created (note_a);
  gint64 created_b = dlg_note_get_created (note_b);
  gint64 modified_a = dlg_note_get_modified (note_a);
  gint64 modified_b = dlg_note_get_modified (note_b);

  if (created_a != created_b)
    return created_a < created_b ? -1 : 1;
  if (modified_a != modified_b)
    return modified_a < modified_b ? -1 : 1;
  return g_strcmp0 (dlg_note_get_id (note_a), dlg_note_get_id (note_b));
}

/* The notes about one item, in the order they were taken (@all is). */
static GPtrArray *
notes_about (GPtrArray   *all,
             DlgNoteKind  kind,
             const char  *key)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      DlgNote *note = g_ptr_array_index (all, i);

      if (dlg_note_get_kind (note) == kind && g_strcmp0 (dlg_note_get_key (note), key) == 0)
        g_ptr_array_add (found, note);
    }
  return found;
}

/* The date the organiser listed @session's day under ("2019-10-16"), or
 * NULL. */
static const char *
day_date (DlgFeed    *feed,
          DlgSession *session)
{
  DlgDay *day = dlg_feed_find_day (feed, dlg_session_get_day (session));

  return day != NULL ? dlg_day_get_date (day) : NULL;
}

/* When @session is: its day and time, or, when the organiser has not
 * announced its time, its day only (its start then only orders it within
 * the day, as the agenda and the iCalendar export treat it; and a report
 * written after the event has no use for "to be announced"). */
static char *
format_when (DlgFeed    *feed,
             DlgSession *session)
{
  GDateTime *start = dlg_session_get_start (session);
  g_autofree char *date = NULL;

  if (!dlg_session_get_time_tba (session) && start != NULL)
    /* Translators: when a session was, in the trip report */
    return g_date_time_format (start, _("%-d %B %Y, %H:%M"));

  date = dlg_format_date (day_date (feed, session));
  if (date == NULL && start != NULL)
    date = g_date_time_format (start, _("%-d %B %Y"));
  return g_steal_pointer (&date);
}

/* @text as valid UTF-8 without the control characters a paste may bring (C0 but tab and
 * line feed, DEL, C1), as the document leaves them out (dlg-report-odt.c): invisible on
 * screen, a Markdown file shown in a terminal would act on them, and a PDF draws them as
 * boxes of hex digits. */
static char *
without_controls (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f))
        continue;
      g_string_append_len (clean, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (clean, FALSE);
}

/* The clock the report's times are on, said once near the top: a report is read at home,
 * where "10:30" alone would be taken for home's time.  The zone's abbreviation and offset
 * are those it has on the event's first day (summer time aside); a zone known only by its
 * offset has no abbreviation but "+08", which says nothing more: left out. */
static char *
format_clock (DlgEvent *event)
{
  GTimeZone *zone = dlg_event_get_time_zone (event);
  const char *start = dlg_event_get_start_date (event);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *abbreviation = NULL;
  g_autofree char *offset = NULL;
  int year, month, day;

  if (zone == NULL)
    return NULL;
  if (start != NULL && sscanf (start, "%4d-%2d-%2d", &year, &month, &day) == 3)
    when = g_date_time_new (zone, year, month, day, 12, 0, 0);
  if (when == NULL)
    when = g_date_time_new_now (zone);
  if (when == NULL)
    return NULL;
  abbreviation = g_date_time_format (when, "%Z");
  offset = g_date_time_format (when, "UTC%:z");
  if (abbreviation != NULL && g_ascii_isalpha (abbreviation[0]))
    {
      g_autofree char *both = g_strdup_printf ("%s (%s)", abbreviation, offset);

      /* Translators: said once near the top of the trip report; %s is the event's time
       * zone, e.g. "WITA (UTC+08:00)" */
      return g_strdup_printf (_("All times are local times at the event: %s."), both);
    }
  return g_strdup_printf (_("All times are local times at the event: %s."), offset);
}

char *
dlg_note_report_markdown (DlgFeed    *feed,
                          DlgStore   *store,
                          GPtrArray  *unsaved,
                          GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) starred = NULL;
  g_autofree char *dates = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  DlgEvent *event;
  GTimeZone *zone;
  GListModel *sessions, *practices, *members;
  gboolean any, anything = FALSE;
  const char *venue, *city;

  g_return_val_if_fail (DLG_IS_FEED (feed), NULL);
  g_return_val_if_fail (DLG_IS_STORE (store), NULL);

  event = dlg_feed_get_event (feed);
  zone = dlg_event_get_time_zone (event);
  notes = dlg_notes_list_with_unsaved (store, dlg_event_get_id (event), FALSE, unsaved, error);
  if (notes == NULL)
    return NULL;
  for (guint i = notes->len; i > 0; i--)
    if (is_empty (g_ptr_array_index (notes, i - 1)))
      g_ptr_array_remove_index (notes, i - 1);
  /* In the order they were taken, which editing one later does not change. */
  g_ptr_array_sort (notes, compare_created);
  starred = dlg_store_list_starred (store, dlg_event_get_id (event));

  /* Title, dates, venue. */
  g_string_append (out, "# ");
  {
    /* Translators: the trip report's title, as its PDF is headed, e.g. "Trip report:
     * Citynet 2019 ..." */
    g_autofree char *title = g_strdup_printf (_("Trip report: %s"), dlg_event_get_title (event));
    append_line (out, title);
  }
  g_string_append (out, "\n\n");
  dates = dlg_format_date_range (dlg_event_get_start_date (event),
                                 dlg_event_get_end_date (event));
  if (dates != NULL)
    g_string_append_printf (out, "%s  \n", dates);
  venue = dlg_event_get_venue (event);
  city = dlg_event_get_city (event);
  if (venue != NULL || city != NULL)
    {
      if (venue != NULL)
        append_line (out, venue);
      if (venue != NULL && city != NULL)
        g_string_append (out, ", ");
      if (city != NULL)
        append_line (out, city);
      g_string_append (out, "\n");
    }
  g_string_append (out, "\n");
  {
    g_autofree char *clock = format_clock (event);

    if (clock != NULL)
      {
        append_line (out, clock);
        g_string_append (out, "\n\n");
      }
  }

  /* Sessions starred or noted, in time order (starred is planned, not attended: the
   * heading does not claim more).  A section without anything is left out. */
  any = FALSE;
  sessions = dlg_feed_get_sessions (feed);
  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      const char *key = dlg_session_get_key (session);
      g_autoptr(GPtrArray) about = notes_about (notes, DLG_NOTE_SESSION, key);
      g_autofree char *when = NULL;

      if (about->len == 0 && !g_strv_contains ((const char * const *) starred, key))
        continue;
      if (!any)
        g_string_append_printf (out, "## %s\n\n", _("Sessions"));
      any = anything = TRUE;
      g_string_append (out, "### ");
      append_line (out, dlg_session_get_title (session));
      g_string_append (out, "\n\n");
      when = format_when (feed, session);
      if (when != NULL)
        append_line (out, when);
      if (when != NULL && dlg_session_get_room (session) != NULL)
        g_string_append (out, ", ");
      if (dlg_session_get_room (session) != NULL)
        append_line (out, dlg_session_get_room (session));
      if (when != NULL || dlg_session_get_room (session) != NULL)
        g_string_append (out, "\n\n");
      append_notes (out, about, 4, feed, zone);
      for (guint j = 0; j < about->len; j++)
        g_hash_table_add (used, (gpointer) dlg_note_get_id (g_ptr_array_index (about, j)));
    }

  /* Best practices with notes. */
  any = FALSE;
  practices = dlg_feed_get_practices (feed);
  for (guint i = 0; practices != NULL && i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);
      g_autoptr(GPtrArray) about = notes_about (notes, DLG_NOTE_PRACTICE,
                                                dlg_practice_get_id (practice));
      DlgMember *member = NULL;

      if (about->len == 0)
        continue;
      if (!any)
        g_string_append_printf (out, "## %s\n\n", _("Best practices"));
      any = anything = TRUE;
      g_string_append (out, "### ");
      append_line (out, dlg_practice_get_title (practice));
      g_string_append (out, "\n\n");
      if (dlg_practice_get_member (practice) != NULL)
        member = dlg_feed_find_member (feed, dlg_practice_get_member (practice));
      if (member != NULL)
        {
          /* Translators: who presented a best practice, in the trip report */
          g_autofree char *by = g_strdup_printf (_("Presented by %s"), dlg_member_get_name (member));
          append_line (out, by);
          g_string_append (out, "\n\n");
        }
      if (dlg_practice_get_summary (practice) != NULL)
        {
          g_string_append (out, "> ");
          append_line (out, dlg_practice_get_summary (practice));
          g_string_append (out, "\n\n");
        }
      append_notes (out, about, 4, feed, zone);
      for (guint j = 0; j < about->len; j++)
        g_hash_table_add (used, (gpointer) dlg_note_get_id (g_ptr_array_index (about, j)));
    }

  /* Members noted. */
  any = FALSE;
  members = dlg_feed_get_members (feed);
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);
      g_autoptr(GPtrArray) about = notes_about (notes, DLG_NOTE_MEMBER, dlg_member_get_id (member));

      if (about->len == 0)
        continue;
      if (!any)
        g_string_append_printf (out, "## %s\n\n", _("Members and delegates"));
      any = anything = TRUE;
      g_string_append (out, "### ");
      append_line (out, dlg_member_get_name (member));
      g_string_append (out, "\n\n");
      append_notes (out, about, 4, feed, zone);
      for (guint j = 0; j < about->len; j++)
        g_hash_table_add (used, (gpointer) dlg_note_get_id (g_ptr_array_index (about, j)));
    }

  /* Everything else, oldest first: free notes and those whose item is gone, each named. */
  for (guint i = 0; i < notes->len; i++)
    {
      DlgNote *note = g_ptr_array_index (notes, i);

      if (!g_hash_table_contains (used, dlg_note_get_id (note)))
        g_ptr_array_add (others, note);
    }
  if (others->len > 0)
    g_string_append_printf (out, "## %s\n\n", _("Other notes"));
  append_notes (out, others, 3, feed, zone);
  if (!anything && others->len == 0)
    g_string_append_printf (out, "%s\n\n", _("No session starred and no note written yet."));

  /* One newline at the end. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return without_controls (out->str);
}
