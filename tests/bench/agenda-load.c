/* agenda-load.c: how long a congress-sized schedule takes to load, and to search as one types
 *
 * Generates a frab/pretalx schedule.json (and the same as schedule.xml) of 1,000 sessions over
 * 60 rooms and 4 days, with HTML abstracts, speakers and tracks, then times:
 *  - a bare json_parser_load_from_data() of it (the floor any JSON reader pays);
 *  - dlg_json_load_strict() of it: the same tree, read by Delegate's own reader;
 *  - dlg_source_parse() of it: detect, parse, build every DlgSession, sort (what a sync does);
 *    the ratio of the two is the cost of everything Delegate adds;
 *  - the same schedule as XML through GMarkup;
 *  - over 1,000 and 10,000 sessions, each keystroke of searches typed letter by letter into
 *    the models the agenda pane uses (the feed's sessions -> GtkFilterListModel with the
 *    pane's filter over core's dlg_session_search_key() / dlg_search_matches()), and
 *    switching rooms; and over 1,000 sessions given in two languages (the search looks in
 *    both), against the same in one.
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

#include "dlg-feed-pack.h"
#include "dlg-json-load.h"
#include "dlg-session-search.h"
#include "dlg-source.h"
#include "schedule-fixture.h"

#define N_ROOMS 60
#define N_DAYS 4
#define RUNS 15
#define WARM_UP 2

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
  DlgFeed    *feed;
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
      char *made = dlg_session_search_key (session, filter->feed);

      g_hash_table_insert (filter->keys, session, made);
      key = made;
    }
  return dlg_search_matches (key, (const char * const *) filter->terms);
}

/* The bare parse, Delegate's JSON load and its XML load, one after the
 * other in each run, so that the machine's load hits all three alike; the
 * ratios are taken run by run, then their median. */
static void
time_parse (guint n)
{
  g_autoptr(GBytes) json = schedule_fixture_new (n, N_ROOMS, N_DAYS, FALSE, 0);
  g_autoptr(GBytes) xml = schedule_fixture_new (n, N_ROOMS, N_DAYS, TRUE, 0);
  double bare[RUNS], full[RUNS], markup[RUNS], ratio_json[RUNS], ratio_xml[RUNS];
  double pack[RUNS], unpack[RUNS], ratio_unpack[RUNS], tree[RUNS], ratio_tree[RUNS];
  gsize packed_size = 0;
  guint n_sessions = 0;
  double goal = 2.0, json_ratio, xml_ratio;

  for (int run = -WARM_UP; run < RUNS; run++)
    {
      g_autoptr(DlgFeed) feed = NULL;
      g_autoptr(DlgFeed) xml_feed = NULL;
      g_autoptr(DlgFeed) unpacked = NULL;
      g_autoptr(GBytes) packed = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (json, &size);
      double t0 = now_ms (), b, f, x, p, u, t;

      {
        /* The floor: the tree read and, as any reader must, freed. */
        g_autoptr(JsonParser) parser = json_parser_new ();

        if (!json_parser_load_from_data (parser, data, size, &error))
          g_error ("%s", error->message);
      }
      b = now_ms () - t0;

      t0 = now_ms ();
      {
        g_autoptr(JsonNode) root = dlg_json_load_strict (data, size);

        if (root == NULL)
          g_error ("the quick reader left the schedule to json-glib");
      }
      t = now_ms () - t0;

      t0 = now_ms ();
      feed = dlg_source_parse (json, NULL, NULL, NULL, &error);
      f = now_ms () - t0;
      if (feed == NULL)
        g_error ("%s", error->message);
      n_sessions = g_list_model_get_n_items (dlg_feed_get_sessions (feed));

      t0 = now_ms ();
      xml_feed = dlg_source_parse (xml, NULL, NULL, NULL, &error);
      x = now_ms () - t0;
      if (xml_feed == NULL)
        g_error ("%s", error->message);
      g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_sessions (xml_feed)), ==,
                        n_sessions);

      /* What a start reads instead of the JSON (dlg-feed-pack.c). */
      t0 = now_ms ();
      packed = dlg_feed_pack (feed);
      p = now_ms () - t0;
      t0 = now_ms ();
      unpacked = dlg_feed_unpack (packed, &error);
      u = now_ms () - t0;
      if (unpacked == NULL)
        g_error ("%s", error->message);
      packed_size = g_bytes_get_size (packed);

      if (run < 0)
        continue;
      pack[run] = p;
      unpack[run] = u;
      ratio_unpack[run] = u / b;
      bare[run] = b;
      tree[run] = t;
      ratio_tree[run] = t / b;
      full[run] = f;
      markup[run] = x;
      ratio_json[run] = f / b;
      ratio_xml[run] = x / b;
    }

  json_ratio = median (ratio_json, RUNS);
  xml_ratio = median (ratio_xml, RUNS);
  printf ("\n### Load: %u sessions, %u rooms (schedule.json %.0f kB, schedule.xml %.0f kB)\n\n",
          n_sessions, N_ROOMS, g_bytes_get_size (json) / 1024.0, g_bytes_get_size (xml) / 1024.0);
  printf ("Medians of %d runs after %d warm-up; ratios taken run by run.\n\n", RUNS, WARM_UP);
  printf ("| What | Time | Ratio to the bare parse | Goal |\n|---|---|---|---|\n");
  printf ("| bare `json_parser_load_from_data` (and free) | %.1f ms | 1 | |\n",
          median (bare, RUNS));
  printf ("| `dlg_json_load_strict`: the same tree, by Delegate's reader (and free) | %.1f ms | %.2f | |\n",
          median (tree, RUNS), median (ratio_tree, RUNS));
  printf ("| `dlg_source_parse`, schedule.json | %.1f ms | %.2f | <= %.1f: %s |\n",
          median (full, RUNS), json_ratio, goal, json_ratio <= goal ? "met" : "MISSED");
  printf ("| `dlg_source_parse`, schedule.xml | %.1f ms | %.2f | <= %.1f: %s |\n",
          median (markup, RUNS), xml_ratio, goal, xml_ratio <= goal ? "met" : "MISSED");
  printf ("| `dlg_feed_pack` of the parsed feed (%.0f kB) | %.1f ms | %.2f | |\n",
          packed_size / 1024.0, median (pack, RUNS), median (pack, RUNS) / median (bare, RUNS));
  printf ("| `dlg_feed_unpack`: the feed read back, as a start does | %.1f ms | %.2f | |\n",
          median (unpack, RUNS), median (ratio_unpack, RUNS));
}

/* The floor for a keystroke: one strstr() of what was typed over every
 * session's search text, made beforehand. */
static double
time_strstr_pass (GPtrArray  *keys,
                  const char *typed,
                  guint      *n_found)
{
  g_autofree char *folded = dlg_search_fold (typed);
  double t0 = now_ms ();
  guint found = 0;

  for (guint i = 0; i < keys->len; i++)
    if (strstr (g_ptr_array_index (keys, i), folded) != NULL)
      found++;
  *n_found = found;
  return now_ms () - t0;
}

static double
time_typing (guint    n,
             gboolean bilingual,
             double   goal_ms,
             gboolean print)
{
  g_autoptr(GBytes) json = schedule_fixture_new_full (n, N_ROOMS, N_DAYS, FALSE, 0, bilingual);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (json, NULL, NULL, NULL, &error);
  Filter filter = { g_hash_table_new_full (NULL, NULL, NULL, g_free), NULL, NULL, feed };
  g_autoptr(GtkCustomFilter) custom = gtk_custom_filter_new (filter_func, &filter, NULL);
  g_autoptr(GtkFilterListModel) model = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  static const char *searches[] = { "smart city", "speaker 12", "water", "hall 7/b", "zzz" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floors = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0, worst = 0, keystroke, room_ms;
  GListModel *sessions;

  g_assert_nonnull (feed);
  sessions = dlg_feed_get_sessions (feed);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      g_ptr_array_add (keys, dlg_session_search_key (session, feed));
    }
  model = gtk_filter_list_model_new (g_object_ref (sessions), GTK_FILTER (g_object_ref (custom)));

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *search = searches[s];

      for (gsize len = 1; len <= strlen (search); len++)
        {
          g_autofree char *typed = g_strndup (search, len);
          double t0 = now_ms (), t, floor_ms, ratio;
          guint found;

          g_strfreev (filter.terms);
          filter.terms = dlg_search_terms (typed);
          /* Typing on only narrows: the pane says so, as here. */
          gtk_filter_changed (GTK_FILTER (custom), len == 1 ? GTK_FILTER_CHANGE_DIFFERENT :
                                                   GTK_FILTER_CHANGE_MORE_STRICT);
          g_list_model_get_n_items (G_LIST_MODEL (model));
          t = now_ms () - t0;

          floor_ms = time_strstr_pass (keys, typed, &found);
          /* For one word both find the same sessions (and the pass is not
           * optimised away). */
          if (strchr (typed, ' ') == NULL)
            g_assert_cmpuint (found, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
          if (s == 0 && len == 1)
            {
              first = t;
              continue;
            }
          ratio = t / MAX (floor_ms, 0.001);
          g_array_append_val (times, t);
          g_array_append_val (floors, floor_ms);
          g_array_append_val (ratios, ratio);
          worst = MAX (worst, t);
        }

      /* Erasing, in one go. */
      g_clear_pointer (&filter.terms, g_strfreev);
      gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_LESS_STRICT);
    }

  {
    double t0 = now_ms ();

    filter.room = g_strdup ("Hall 7/B");
    gtk_filter_changed (GTK_FILTER (custom), GTK_FILTER_CHANGE_DIFFERENT);
    g_list_model_get_n_items (G_LIST_MODEL (model));
    room_ms = now_ms () - t0;
  }

  keystroke = median ((double *) times->data, times->len);
  if (!print)
    goto out;
  printf ("\n### Search: %u sessions%s, all days, typed letter by letter\n\n",
          g_list_model_get_n_items (sessions),
          bilingual ? ", each title and abstract in English and Indonesian" : "");
  printf ("Searches: \"smart city\", \"speaker 12\", \"water\", \"hall 7/b\", \"zzz\" "
          "(%u keystrokes after the first).\n\n", times->len);
  printf ("| What | Time | Ratio to one strstr() pass | Goal |\n|---|---|---|---|\n");
  printf ("| first keystroke (makes the search texts) | %.2f ms | | |\n", first);
  printf ("| each further keystroke, median | %.2f ms | %.2f | <= %.0f ms: %s |\n",
          keystroke, median ((double *) ratios->data, ratios->len), goal_ms,
          keystroke <= goal_ms ? "met" : "MISSED");
  printf ("| each further keystroke, worst | %.2f ms | | |\n", worst);
  printf ("| one strstr() pass over all search texts, median | %.2f ms | 1 | |\n",
          median ((double *) floors->data, floors->len));
  printf ("| choose a room | %.2f ms | | |\n", room_ms);

out:
  g_strfreev (filter.terms);
  g_free (filter.room);
  g_hash_table_unref (filter.keys);
  return keystroke;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  time_parse (1000);
  {
    /* A bilingual feed's search texts hold the language not shown too: what that costs a
     * keystroke, against the same sessions in one language, the two typed in turn
     * (RUNS / 3 times each, each time a median over 35 keystrokes).  A frame at 60 Hz is
     * 16.7 ms; at a congress's size the goal is 5 ms. */
    const guint sizes[] = { 1000, 10000 };
    const double goals[] = { 5, 16 };
    double one[G_N_ELEMENTS (sizes)][RUNS / 3], two[G_N_ELEMENTS (sizes)][RUNS / 3];

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      for (guint run = 0; run < RUNS / 3; run++)
        {
          one[i][run] = time_typing (sizes[i], FALSE, goals[i], run == 0);
          two[i][run] = time_typing (sizes[i], TRUE, goals[i], run == 0);
        }

    printf ("\n### Search in two languages\n\n"
            "| Sessions | Each further keystroke (median of %u runs): in one language | "
            "in English and Indonesian | Ratio |\n|---|---|---|---|\n", RUNS / 3);
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        double a = median (one[i], RUNS / 3), b = median (two[i], RUNS / 3);

        printf ("| %u | %.2f ms | %.2f ms | %.2f |\n", sizes[i], a, b, b / MAX (a, 0.001));
      }
  }
  return 0;
}
