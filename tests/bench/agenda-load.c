/* agenda-load.c: how long a congress-sized schedule takes to load, and to search as one types
 *
 * Generates a frab/pretalx schedule.json (and the same as schedule.xml) of 1,000 sessions over
 * 60 rooms and 4 days, with HTML abstracts, speakers and tracks, then times:
 *  - a bare json_parser_load_from_data() of it (the floor any JSON reader pays);
 *  - dlg_source_parse() of it: detect, parse, build every DlgSession, sort (what a sync does);
 *    the ratio of the two is the cost of everything Delegate adds;
 *  - the same schedule as XML through GMarkup;
 *  - over 10,000 sessions, each keystroke of searches typed letter by letter into the models
 *    the agenda pane uses (the feed's sessions -> GtkFilterListModel with the pane's filter
 *    over core's dlg_session_search_key() / dlg_search_matches()), and switching rooms.
 * No display is needed: list models are not widgets.  Run with
 *   meson test -C BUILD --benchmark --suite agenda -v
 * The numbers go in docs/performance.md; nothing here fails on time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-agenda"

#include "config.h"

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dlg-session-search.h"
#include "dlg-source.h"

#define N_ROOMS 60
#define N_DAYS 4
#define RUNS 7

static const char *words[] = {
  "smart", "city", "data", "open", "budget", "water", "transport", "waste", "digital",
  "village", "health", "school", "energy", "housing", "market", "tourism", "disaster",
  "mapping", "citizen", "service", "security", "network", "privacy", "kernel", "radio",
};

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    xml)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!xml && (*p == '"' || *p == '\\'))
        g_string_append_c (out, '\\');
      if (xml && *p == '<')
        g_string_append (out, "&lt;");
      else if (xml && *p == '>')
        g_string_append (out, "&gt;");
      else if (xml && *p == '&')
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, *p);
    }
}

typedef struct
{
  char *title;
  char *abstract;
  char *person;
  char *track;
  char *room;
  char *date;
  char *guid;
  char *start;
} Fake;

static Fake
fake_session (GRand *rand,
              guint  i,
              guint  n)
{
  Fake f;
  guint per_day = (n + N_DAYS - 1) / N_DAYS;
  guint day = i / per_day;
  guint slot = (i % per_day) / N_ROOMS;
  guint hour = 9 + slot % 14, minute = (slot / 14) * 5 % 60;

  f.title = g_strdup_printf ("%s %s for %s %s (%u)", words[g_rand_int_range (rand, 0, 25)],
                             words[g_rand_int_range (rand, 0, 25)],
                             words[g_rand_int_range (rand, 0, 25)],
                             words[g_rand_int_range (rand, 0, 25)], i);
  f.abstract = g_strdup_printf ("<p>How %s and %s change the %s of a %s.</p>"
                                "<ul><li>%s &amp; %s</li><li>%s</li></ul>"
                                "<p>With <a href=\"https://example.org/%u\">slides</a>. "
                                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                                "eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>",
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)],
                                words[g_rand_int_range (rand, 0, 25)], i);
  f.person = g_strdup_printf ("Speaker %u Surname%u", g_rand_int_range (rand, 0, 3000),
                              g_rand_int_range (rand, 0, 500));
  f.track = g_strdup_printf ("Track %u", g_rand_int_range (rand, 0, 12));
  f.room = g_strdup_printf ("Hall %u/%c", i % N_ROOMS, 'A' + (i % 3));
  f.date = g_strdup_printf ("2024-12-%02uT%02u:%02u:00+01:00", 27 + day, hour, minute);
  f.start = g_strdup_printf ("%02u:%02u", hour, minute);
  f.guid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
  return f;
}

static void
fake_clear (Fake *f)
{
  g_free (f->title);
  g_free (f->abstract);
  g_free (f->person);
  g_free (f->track);
  g_free (f->room);
  g_free (f->date);
  g_free (f->start);
  g_free (f->guid);
}

/* Sessions are grouped by day and room, as frab writes them. */
static GBytes *
generate (guint    n,
          gboolean xml)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *out = g_string_new (NULL);
  guint per_day = (n + N_DAYS - 1) / N_DAYS;

  if (xml)
    g_string_append (out, "<?xml version=\"1.0\"?>\n<schedule><version>1</version><conference>"
                          "<acronym>bench</acronym><title>Bench Congress</title>"
                          "<start>2024-12-27</start><end>2024-12-30</end>"
                          "<time_zone_name>Europe/Berlin</time_zone_name></conference>\n");
  else
    g_string_append (out, "{\"schedule\": {\"version\": \"1\", \"conference\": {"
                          "\"acronym\": \"bench\", \"title\": \"Bench Congress\", "
                          "\"start\": \"2024-12-27\", \"end\": \"2024-12-30\", "
                          "\"time_zone_name\": \"Europe/Berlin\", \"days\": [\n");

  for (guint day = 0; day < N_DAYS; day++)
    {
      g_autofree char *date = g_strdup_printf ("2024-12-%02u", 27 + day);

      if (xml)
        g_string_append_printf (out, "<day index=\"%u\" date=\"%s\">\n", day + 1, date);
      else
        g_string_append_printf (out, "%s{\"index\": %u, \"date\": \"%s\", \"rooms\": {",
                                day > 0 ? ",\n" : "", day + 1, date);

      for (guint room = 0; room < N_ROOMS; room++)
        {
          gboolean first = TRUE;
          g_autofree char *room_name = NULL;

          for (guint i = day * per_day; i < MIN (n, (day + 1) * per_day); i++)
            {
              Fake f;

              if (i % N_ROOMS != room)
                continue;

              f = fake_session (rand, i, n);
              if (first)
                {
                  room_name = g_strdup (f.room);
                  if (xml)
                    g_string_append_printf (out, "<room name=\"%s\">\n", f.room);
                  else
                    g_string_append_printf (out, "%s\"%s\": [", room > 0 ? ", " : "", f.room);
                }

              if (xml)
                {
                  g_string_append_printf (out, "<event guid=\"%s\" id=\"%u\"><date>%s</date>"
                                          "<start>%s</start><duration>00:45</duration>"
                                          "<room>%s</room><title>", f.guid, i, f.date, f.start,
                                          f.room);
                  append_escaped (out, f.title, TRUE);
                  g_string_append_printf (out, "</title><track>%s</track><type>Talk</type>"
                                          "<language>en</language><abstract>", f.track);
                  append_escaped (out, f.abstract, TRUE);
                  g_string_append_printf (out, "</abstract><persons><person id=\"1\">%s</person>"
                                          "</persons><links/></event>\n", f.person);
                }
              else
                {
                  g_string_append_printf (out, "%s{\"guid\": \"%s\", \"id\": %u, \"date\": \"%s\", "
                                          "\"start\": \"%s\", \"duration\": \"00:45\", "
                                          "\"room\": \"%s\", \"title\": \"", first ? "" : ", ",
                                          f.guid, i, f.date, f.start, f.room);
                  append_escaped (out, f.title, FALSE);
                  g_string_append_printf (out, "\", \"track\": \"%s\", \"type\": \"Talk\", "
                                          "\"language\": \"en\", \"abstract\": \"", f.track);
                  append_escaped (out, f.abstract, FALSE);
                  g_string_append_printf (out, "\", \"persons\": [{\"public_name\": \"%s\"}], "
                                          "\"links\": []}", f.person);
                }
              first = FALSE;
              fake_clear (&f);
            }

          if (!first)
            g_string_append (out, xml ? "</room>\n" : "]");
        }

      g_string_append (out, xml ? "</day>\n" : "}}");
    }

  g_string_append (out, xml ? "</schedule>\n" : "]}}}\n");
  return g_string_free_to_bytes (out);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* --- the pane's filter, as dlg-agenda-page.c has it --------------------- */

typedef struct
{
  GHashTable *keys;
  GStrv       terms;
  char       *room;
} Filter;

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  Filter *filter = user_data;
  DlgSession *session = item;
  const char *key;

  if (filter->room != NULL && g_strcmp0 (dlg_session_get_room (session), filter->room) != 0)
    return FALSE;
  if (filter->terms == NULL || filter->terms[0] == NULL)
    return TRUE;

  key = g_hash_table_lookup (filter->keys, session);
  if (key == NULL)
    {
      char *made = dlg_session_search_key (session);

      g_hash_table_insert (filter->keys, session, made);
      key = made;
    }
  return dlg_search_matches (key, (const char * const *) filter->terms);
}

static void
time_parse (guint n)
{
  g_autoptr(GBytes) json = generate (n, FALSE);
  g_autoptr(GBytes) xml = generate (n, TRUE);
  double bare[RUNS], full[RUNS], markup[RUNS];
  guint n_sessions = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(DlgFeed) feed = NULL;
      g_autoptr(DlgFeed) xml_feed = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (json, &size);
      double t0 = now_ms ();

      if (!json_parser_load_from_data (parser, data, size, &error))
        g_error ("%s", error->message);
      bare[run] = now_ms () - t0;

      t0 = now_ms ();
      feed = dlg_source_parse (json, NULL, NULL, NULL, &error);
      full[run] = now_ms () - t0;
      if (feed == NULL)
        g_error ("%s", error->message);
      n_sessions = g_list_model_get_n_items (dlg_feed_get_sessions (feed));

      t0 = now_ms ();
      xml_feed = dlg_source_parse (xml, NULL, NULL, NULL, &error);
      markup[run] = now_ms () - t0;
      if (xml_feed == NULL)
        g_error ("%s", error->message);
      g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (xml_feed)), ==,
                        n_sessions);
    }

  {
    double b = median (bare, RUNS), f = median (full, RUNS), x = median (markup, RUNS);

    printf ("%u sessions, %u rooms: schedule.json %.0f kB, schedule.xml %.0f kB (median of %d)\n",
            n_sessions, N_ROOMS, g_bytes_get_size (json) / 1024.0,
            g_bytes_get_size (xml) / 1024.0, RUNS);
    printf ("  bare json_parser_load_from_data   %7.1f ms\n", b);
    printf ("  dlg_source_parse (schedule.json)  %7.1f ms   ratio %.2f\n", f, f / b);
    printf ("  dlg_source_parse (schedule.xml)   %7.1f ms   ratio %.2f\n", x, x / b);
  }
}

static void
time_typing (guint n)
{
  g_autoptr(GBytes) json = generate (n, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (json, NULL, NULL, NULL, &error);
  Filter filter = { g_hash_table_new_full (NULL, NULL, NULL, g_free), NULL, NULL };
  g_autoptr(GtkCustomFilter) custom = gtk_custom_filter_new (filter_func, &filter, NULL);
  g_autoptr(GtkFilterListModel) model = NULL;
  static const char *searches[] = { "smart city", "speaker 12", "water", "hall 7/b", "zzz" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0, worst = 0;

  g_assert_nonnull (feed);
  model = gtk_filter_list_model_new (g_object_ref (dlg_feed_get_sessions (feed)),
                                     GTK_FILTER (g_object_ref (custom)));

  printf ("%u sessions: typing, letter by letter\n",
          g_list_model_get_n_items (dlg_feed_get_sessions (feed)));
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *search = searches[s];

      for (gsize len = 1; len <= strlen (search); len++)
        {
          g_autofree char *typed = g_strndup (search, len);
          double t0 = now_ms (), t;

          g_strfreev (filter.terms);
          filter.terms = dlg_search_terms (typed);
          /* Typing on only narrows: the pane says so, as here. */
          gtk_filter_changed (GTK_FILTER (custom), len == 1 ? GTK_FILTER_CHANGE_DIFFERENT :
                                                   GTK_FILTER_CHANGE_MORE_STRICT);
          g_list_model_get_n_items (G_LIST_MODEL (model));
          t = now_ms () - t0;
          if (s == 0 && len == 1)
            first = t;
          else
            g_array_append_val (times, t);
          worst = MAX (worst, t);
        }
      printf ("  \"%s\": %u shown\n", search, g_list_model_get_n_items (G_LIST_MODEL (model)));

      /* Erasing, in one go. */
      g_clear_pointer (&filter.terms, g_strfreev);
      gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_LESS_STRICT);
    }
  printf ("  first keystroke (makes the search texts)  %.2f ms\n", first);
  printf ("  other keystrokes: median %.2f ms, worst %.2f ms (%u keystrokes)\n",
          median ((double *) times->data, times->len), worst, times->len);

  {
    double t0 = now_ms ();

    filter.room = g_strdup ("Hall 7/B");
    gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_DIFFERENT);
    printf ("  room filter \"Hall 7/B\": %u shown in %.2f ms\n",
            g_list_model_get_n_items (G_LIST_MODEL (model)), now_ms () - t0);
  }

  g_free (filter.room);
  g_hash_table_unref (filter.keys);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  time_parse (1000);
  time_typing (10000);
  return 0;
}
