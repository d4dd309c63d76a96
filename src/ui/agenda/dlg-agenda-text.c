/* dlg-agenda-text.c: how the agenda words what it shows: days, languages, room and track lists
 *
 * Helpers that need only the feed and its sessions, not the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dlg-agenda-text.h"

GTimeZone *
dlg_agenda_feed_time_zone (DlgFeed *feed)
{
  DlgEvent *event = feed != NULL ? dlg_feed_get_event (feed) : NULL;

  return event != NULL ? dlg_event_get_time_zone (event) : NULL;
}

static gboolean
floating_time (DlgFeed *feed)
{
  DlgEvent *event = feed != NULL ? dlg_feed_get_event (feed) : NULL;

  return event != NULL && dlg_event_get_floating_time (event);
}

/* The zone times are shown in: the event's (from the feed), or the laptop's when the
 * delegate asked for it.  Floating times stay as given.  The agenda and the member page
 * both ask here, so that they never disagree. */
GDateTime *
dlg_agenda_shown_time (DlgFeed   *feed,
                       GDateTime *time,
                       gboolean   local_time)
{
  GTimeZone *zone = dlg_agenda_feed_time_zone (feed);

  g_return_val_if_fail (time != NULL, NULL);

  if (floating_time (feed))
    return g_date_time_ref (time);
  if (local_time)
    return g_date_time_to_local (time);
  if (zone != NULL)
    return g_date_time_to_timezone (time, zone);

  return g_date_time_ref (time);
}

/* "WITA" after a time; nothing for floating times. */
const char *
dlg_agenda_zone_label (DlgFeed   *feed,
                       GDateTime *shown)
{
  g_autofree char *offset_text = NULL;
  const char *abbreviation;
  GTimeSpan minutes;
  DlgEvent *event;

  if (floating_time (feed))
    return "";

  /* The event's clock found from its sessions' offsets, the feed naming no zone (see
   * dlg_feed_choose_zone()): the zone is one of several with that clock, whose abbreviations
   * the feed never gave ("IST" is Ireland's summer and India), so the offsets are shown. */
  event = feed != NULL ? dlg_feed_get_event (feed) : NULL;
  abbreviation = g_date_time_get_timezone_abbreviation (shown);
  if (abbreviation[0] != '+' && abbreviation[0] != '-' &&
      (event == NULL || dlg_event_get_time_zone_name (event) != NULL ||
       g_date_time_get_timezone (shown) != dlg_event_get_time_zone (event)))
    return abbreviation;

  /* A zone known only by its offset: GLib names it "+02:00:00", the feed wrote "+02:00". */
  minutes = g_date_time_get_utc_offset (shown) / G_TIME_SPAN_MINUTE;
  offset_text = g_strdup_printf ("%c%02d:%02d", minutes < 0 ? '-' : '+',
                                 (int) (ABS (minutes) / 60), (int) (ABS (minutes) % 60));
  return g_intern_string (offset_text);
}

/* "09:00", or "01:00 (Sun 2 Feb)" when @shown is on another date than @date ("2020-02-01"): a
 * session listed under a day but after its midnight, one running over days, or a time in the
 * laptop's zone that falls on the day before. */
char *
dlg_agenda_clock_on (GDateTime  *shown,
                     const char *date)
{
  g_autofree char *clock = g_date_time_format (shown, "%H:%M");
  g_autofree char *shown_date = g_date_time_format (shown, "%Y-%m-%d");
  g_autofree char *day = NULL;

  if (date == NULL || g_strcmp0 (shown_date, date) == 0)
    return g_steal_pointer (&clock);

  /* Translators: a short weekday, day and month after a time, see strftime(3) */
  day = g_date_time_format (shown, _("%a %-d %b"));
  /* Translators: a time on another date than its day's, "01:00 (Sun 2 Feb)" */
  return g_strdup_printf (_("%s (%s)"), clock, day);
}

char *
dlg_agenda_format_clock (DlgFeed    *feed,
                         GDateTime  *time,
                         gboolean    local_time,
                         const char *date)
{
  g_autoptr(GDateTime) shown = dlg_agenda_shown_time (feed, time, local_time);
  g_autofree char *clock = dlg_agenda_clock_on (shown, date);
  const char *zone = dlg_agenda_zone_label (feed, shown);

  if (zone[0] == '\0')
    return g_steal_pointer (&clock);

  /* Translators: a start time and its zone, "09:00 WITA" */
  return g_strdup_printf (_("%s %s"), clock, zone);
}

/* Schedules give a session's languages as codes ("id", "en-US",
 * "de, en"): the languages heard at the forum's events by name, others as
 * given. */
char *
dlg_agenda_language_names (const char *codes)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "id", N_("Indonesian") }, { "en", N_("English") }, { "ms", N_("Malay") },
    { "jv", N_("Javanese") }, { "su", N_("Sundanese") }, { "zh", N_("Chinese") },
    { "ja", N_("Japanese") }, { "ko", N_("Korean") }, { "ar", N_("Arabic") },
    { "fr", N_("French") }, { "de", N_("German") }, { "es", N_("Spanish") },
    { "nl", N_("Dutch") }, { "th", N_("Thai") }, { "vi", N_("Vietnamese") },
  };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = NULL;

  if (codes == NULL)
    return NULL;

  out = g_string_new (NULL);
  parts = g_strsplit (codes, ",", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      const char *code = g_strstrip (parts[p]);
      const char *name = code;
      gsize len = strcspn (code, "-_");

      if (code[0] == '\0')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (strlen (names[i].code) == len && g_ascii_strncasecmp (code, names[i].code, len) == 0)
          name = _(names[i].name);
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
dlg_agenda_format_day (DlgDay    *day,
                       GTimeZone *zone)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  int year, month, mday;

  if (day == NULL)
    return NULL;

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  if (dlg_day_get_date (day) != NULL &&
      sscanf (dlg_day_get_date (day), "%d-%d-%d", &year, &month, &mday) == 3)
    date = g_date_time_new (zone, year, month, mday, 12, 0, 0);

  if (date == NULL)
    /* Translators: a day of the event without a known date */
    return g_strdup_printf (_("Day %u"), dlg_day_get_index (day));

  /* Translators: a weekday, day of the month and month, see strftime(3) */
  date_text = g_date_time_format (date, _("%A %-d %B"));

  /* Translators: "Day 1, Wednesday 16 October" */
  return g_strdup_printf (_("Day %u, %s"), dlg_day_get_index (day), date_text);
}

gboolean
dlg_agenda_same_group (DlgSession *a,
                       DlgSession *b)
{
  if (dlg_session_get_day (a) != dlg_session_get_day (b))
    return FALSE;
  if (dlg_session_get_time_tba (a) || dlg_session_get_time_tba (b))
    return dlg_session_get_time_tba (a) == dlg_session_get_time_tba (b);

  return g_date_time_equal (dlg_session_get_start (a), dlg_session_get_start (b));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

GtkStringList *
dlg_agenda_choices (GListModel  *sessions,
                    const char  *all,
                    const char *(*get) (DlgSession *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      const char *name = get (session);

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, (gpointer) name);
    }

  g_ptr_array_sort (names, compare_names);
  gtk_string_list_append (list, all);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));

  return list;
}

/* "Day 2, Thursday 17 October" for the day of that index in @feed, or NULL. */
char *
dlg_agenda_day_name (DlgFeed *feed,
                     guint    index)
{
  return dlg_agenda_format_day (feed != NULL ? dlg_feed_find_day (feed, index) : NULL,
                                dlg_agenda_feed_time_zone (feed));
}

char *
dlg_agenda_links_markup (DlgSession *session)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  GListModel *links = dlg_session_get_links (session);
  const char *url = dlg_session_get_url (session);

  /* The feed parser keeps http(s) links only; every part is escaped here, the translated
   * word too. */
  if (url != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (url, -1);
      g_autofree char *text = g_markup_escape_text (_("Session page"), -1);

      g_string_append_printf (markup, "<a href=\"%s\">%s</a>", escaped, text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(DlgLink) link = g_list_model_get_item (links, i);
      const char *title = dlg_link_get_title (link);
      g_autofree char *href = g_markup_escape_text (dlg_link_get_url (link), -1);
      g_autofree char *text = g_markup_escape_text (title != NULL ? title
                                                                  : dlg_link_get_url (link), -1);

      g_string_append_printf (markup, "%s<a href=\"%s\">%s</a>", markup->len > 0 ? "\n" : "",
                              href, text);
    }

  if (markup->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* One look for a session's star wherever it is, a row of the list or the session's page:
 * the icon, the tooltip and the name a screen reader says all tell what a press will do. */
void
dlg_agenda_show_star (GtkButton *button,
                      gboolean   starred)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_button_set_icon_name (button, starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               starred ? _("Unstar Session") : _("Star Session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  starred ? _("Unstar session") : _("Star session"),
                                  -1);
  if (starred)
    gtk_widget_add_css_class (GTK_WIDGET (button), "starred");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "starred");
}
