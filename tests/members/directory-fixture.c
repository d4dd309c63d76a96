/* directory-fixture.c: a generated members directory at the scale of a country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "directory-fixture.h"

static const struct { const char *province; const char *region; } provinces[] = {
  { "Aceh", "Sumatera" }, { "Sumatera Utara", "Sumatera" }, { "Sumatera Barat", "Sumatera" },
  { "Riau", "Sumatera" }, { "Jambi", "Sumatera" }, { "Sumatera Selatan", "Sumatera" },
  { "Bengkulu", "Sumatera" }, { "Lampung", "Sumatera" },
  { "Kepulauan Bangka Belitung", "Sumatera" }, { "Kepulauan Riau", "Sumatera" },
  { "DKI Jakarta", "Jawa" }, { "Jawa Barat", "Jawa" }, { "Jawa Tengah", "Jawa" },
  { "DI Yogyakarta", "Jawa" }, { "Jawa Timur", "Jawa" }, { "Banten", "Jawa" },
  { "Bali", "Nusa Tenggara" }, { "Nusa Tenggara Barat", "Nusa Tenggara" },
  { "Nusa Tenggara Timur", "Nusa Tenggara" },
  { "Kalimantan Barat", "Kalimantan" }, { "Kalimantan Tengah", "Kalimantan" },
  { "Kalimantan Selatan", "Kalimantan" }, { "Kalimantan Timur", "Kalimantan" },
  { "Kalimantan Utara", "Kalimantan" },
  { "Sulawesi Utara", "Sulawesi" }, { "Sulawesi Tengah", "Sulawesi" },
  { "Sulawesi Selatan", "Sulawesi" }, { "Sulawesi Tenggara", "Sulawesi" },
  { "Gorontalo", "Sulawesi" }, { "Sulawesi Barat", "Sulawesi" },
  { "Maluku", "Maluku" }, { "Maluku Utara", "Maluku" },
  { "Papua Barat", "Papua" }, { "Papua", "Papua" },
};

/* What delegates are at home, and the mailbox that goes with it. */
static const struct { const char *role; const char *mailbox; } roles[] = {
  { "Kepala Bappeda", "bappeda" }, { "Sekretaris Daerah", "sekda" },
  { "Kepala Dinas Komunikasi dan Informatika", "kominfo" },
  { "Staf Ahli Bidang Pemerintahan", "staf.ahli" }, { "Kepala Bagian Kerja Sama", "kerjasama" },
};

static const char * const syllables[] = {
  "ba", "da", "ga", "ja", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa", "ya",
  "bi", "di", "ki", "li", "mi", "ni", "ri", "si", "ti", "wi",
  "bu", "du", "gu", "ku", "lu", "mu", "nu", "pu", "ru", "su", "tu",
  "ban", "kan", "lang", "mang", "ngan", "rang", "tan", "jo", "ko", "lo", "mo", "ro", "so", "to",
};

/* A made-up word of 2 to 4 syllables, capitalised. */
static void
append_word (GString *out,
             guint32  seed)
{
  guint n = 2 + seed % 3;
  gsize start = out->len;

  for (guint i = 0; i < n; i++)
    {
      seed = seed * 1103515245u + 12345u;
      g_string_append (out, syllables[(seed >> 16) % G_N_ELEMENTS (syllables)]);
    }
  out->str[start] = g_ascii_toupper (out->str[start]);
}

GBytes *
directory_feed_new (guint n_members,
                    guint n_delegates)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "{\n  \"delegate_feed\": 1,\n"
                   "  \"event\": { \"id\": \"directory\", \"title\": \"A country of members\", "
                   "\"time_zone\": \"Asia/Jakarta\", \"start\": \"2024-05-14\" },\n"
                   "  \"members\": [\n");

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      guint p = (i * 7) % G_N_ELEMENTS (provinces);

      append_word (name, i * 2654435761u + 1);

      g_string_append_printf (out,
                              "    { \"id\": \"member-%03u\", \"name\": \"%s %s\", "
                              "\"kind\": \"%s\", \"province\": \"%s\", \"region\": \"%s\", ",
                              i, i % 2 == 0 ? "Kabupaten" : "Kota", name->str,
                              i % 2 == 0 ? "kabupaten" : "kota",
                              provinces[p].province, provinces[p].region);
      if (i % 7 != 0)
        g_string_append_printf (out, "\"joined\": %u, ", 2000 + i % 20);
      g_string_append_printf (out,
                              "\"head\": { \"title\": \"%s\", \"name\": \"",
                              i % 2 == 0 ? "Bupati" : "Wali Kota");
      append_word (out, i * 40503u + 7);
      g_string_append_c (out, ' ');
      append_word (out, i * 69069u + 3);
      g_string_append (out, "\" }, \"email\": \"humas@");
      g_string_append_printf (out, "member-%03u.example.go.id\", \"phone\": \"+62 21 555 %04u\", "
                              "\"delegates\": [", i, i);

      for (guint d = 0; d < n_delegates; d++)
        {
          g_string_append_printf (out, "%s{ \"name\": \"", d > 0 ? ", " : "");
          append_word (out, (i * 31 + d) * 2246822519u + 11);
          g_string_append_c (out, ' ');
          append_word (out, (i * 17 + d) * 3266489917u + 5);
          g_string_append_printf (out, "\", \"role\": \"%s\", "
                                  "\"email\": \"%s@member-%03u.example.go.id\" }",
                                  roles[d % G_N_ELEMENTS (roles)].role,
                                  roles[d % G_N_ELEMENTS (roles)].mailbox, i);
        }

      g_string_append_printf (out, "] }%s\n", i + 1 < n_members ? "," : "");
    }

  g_string_append (out, "  ]\n}\n");

  return g_string_free_to_bytes (out);
}
