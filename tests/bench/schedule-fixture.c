/* schedule-fixture.c: a generated frab/pretalx schedule of any size, for benchmarks
 *
 * Sessions have HTML abstracts, a speaker and a track each, and are grouped by day and room
 * as frab writes them, in schedule.json or schedule.xml.  The same arguments always give the
 * same bytes; a version above 0 changes one session's title, as an organiser's fix would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "schedule-fixture.h"

static const char *words[] = {
  "smart", "city", "data", "open", "budget", "water", "transport", "waste", "digital",
  "village", "health", "school", "energy", "housing", "market", "tourism", "disaster",
  "mapping", "citizen", "service", "security", "network", "privacy", "kernel", "radio",
};

/* The same words in Indonesian, for a feed that gives both languages. */
static const char *words_id[] = {
  "cerdas", "kota", "data", "terbuka", "anggaran", "air", "transportasi", "sampah", "digital",
  "desa", "kesehatan", "sekolah", "energi", "perumahan", "pasar", "pariwisata", "bencana",
  "pemetaan", "warga", "layanan", "keamanan", "jaringan", "privasi", "kernel", "radio",
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
  char *title_id;     /* in Indonesian */
  char *abstract_id;
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
              guint  n,
              guint  n_rooms,
              guint  n_days)
{
  Fake f;
  guint per_day = (n + n_days - 1) / n_days;
  guint day = i / per_day;
  guint slot = (i % per_day) / n_rooms;
  guint hour = 9 + slot % 14, minute = (slot / 14) * 5 % 60;

  guint w[11];

  for (guint k = 0; k < G_N_ELEMENTS (w); k++)
    w[k] = g_rand_int_range (rand, 0, G_N_ELEMENTS (words));
  f.title = g_strdup_printf ("%s %s for %s %s (%u)", words[w[0]], words[w[1]], words[w[2]],
                             words[w[3]], i);
  f.title_id = g_strdup_printf ("%s %s untuk %s %s (%u)", words_id[w[0]], words_id[w[1]],
                                words_id[w[2]], words_id[w[3]], i);
  f.abstract = g_strdup_printf ("<p>How %s and %s change the %s of a %s.</p>"
                                "<ul><li>%s &amp; %s</li><li>%s</li></ul>"
                                "<p>With <a href=\"https://example.org/%u\">slides</a>. "
                                "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                                "eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>",
                                words[w[4]], words[w[5]], words[w[6]], words[w[7]], words[w[8]],
                                words[w[9]], words[w[10]], i);
  f.abstract_id = g_strdup_printf ("<p>Bagaimana %s dan %s mengubah %s sebuah %s.</p>"
                                   "<ul><li>%s &amp; %s</li><li>%s</li></ul>"
                                   "<p>Dengan <a href=\"https://example.org/%u\">salindia</a>. "
                                   "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
                                   "do eiusmod tempor incididunt ut labore et dolore magna "
                                   "aliqua.</p>",
                                   words_id[w[4]], words_id[w[5]], words_id[w[6]], words_id[w[7]],
                                   words_id[w[8]], words_id[w[9]], words_id[w[10]], i);
  f.person = g_strdup_printf ("Speaker %u Surname%u", g_rand_int_range (rand, 0, 3000),
                              g_rand_int_range (rand, 0, 500));
  f.track = g_strdup_printf ("Track %u", g_rand_int_range (rand, 0, 12));
  f.room = g_strdup_printf ("Hall %u/%c", i % n_rooms, 'A' + (i % 3));
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
  g_free (f->title_id);
  g_free (f->abstract_id);
  g_free (f->person);
  g_free (f->track);
  g_free (f->room);
  g_free (f->date);
  g_free (f->start);
  g_free (f->guid);
}

static void
append_text (GString    *out,
             const char *text,
             const char *text_id)
{
  if (text_id == NULL)
    {
      g_string_append_c (out, '"');
      append_escaped (out, text, FALSE);
      g_string_append_c (out, '"');
      return;
    }
  g_string_append (out, "{\"en\": \"");
  append_escaped (out, text, FALSE);
  g_string_append (out, "\", \"id\": \"");
  append_escaped (out, text_id, FALSE);
  g_string_append (out, "\"}");
}

GBytes *
schedule_fixture_new (guint    n,
                      guint    n_rooms,
                      guint    n_days,
                      gboolean xml,
                      guint    version)
{
  return schedule_fixture_new_full (n, n_rooms, n_days, xml, version, FALSE);
}

/* Sessions are grouped by day and room, as frab writes them. */
GBytes *
schedule_fixture_new_full (guint    n,
                           guint    n_rooms,
                           guint    n_days,
                           gboolean xml,
                           guint    version,
                           gboolean bilingual)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *out = g_string_new (NULL);
  guint per_day = (n + n_days - 1) / n_days;

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

  for (guint day = 0; day < n_days; day++)
    {
      g_autofree char *date = g_strdup_printf ("2024-12-%02u", 27 + day);

      if (xml)
        g_string_append_printf (out, "<day index=\"%u\" date=\"%s\">\n", day + 1, date);
      else
        g_string_append_printf (out, "%s{\"index\": %u, \"date\": \"%s\", \"rooms\": {",
                                day > 0 ? ",\n" : "", day + 1, date);

      for (guint room = 0; room < n_rooms; room++)
        {
          gboolean first = TRUE;
          g_autofree char *room_name = NULL;

          for (guint i = day * per_day; i < MIN (n, (day + 1) * per_day); i++)
            {
              Fake f;

              if (i % n_rooms != room)
                continue;

              f = fake_session (rand, i, n, n_rooms, n_days);
              /* A new version changes one title, as an organiser's fix would. */
              if (version > 0 && i == n / 2)
                {
                  g_free (f.title);
                  f.title = g_strdup_printf ("Changed title, version %u", version);
                }
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
                                          "\"room\": \"%s\", \"title\": ", first ? "" : ", ",
                                          f.guid, i, f.date, f.start, f.room);
                  append_text (out, f.title, bilingual ? f.title_id : NULL);
                  g_string_append_printf (out, ", \"track\": \"%s\", \"type\": \"Talk\", "
                                          "\"language\": \"en\", \"abstract\": ", f.track);
                  append_text (out, f.abstract, bilingual ? f.abstract_id : NULL);
                  g_string_append_printf (out, ", \"persons\": [{\"public_name\": \"%s\"}], "
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

