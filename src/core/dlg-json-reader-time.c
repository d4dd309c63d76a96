/* dlg-json-reader-time.c: dates, clock times, durations and instants, read by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-json-reader.h"

gboolean
dlg_json_parse_date (const char *text,
                     GDate      *date)
{
  unsigned int year, month, day;

  /* Digits where digits go: sscanf()'s %u also takes a sign, and "-024" became the year
   * 65512, which GDate keeps but GDateTime refuses (found by fuzzing). */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
dlg_json_read_date (JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    char       **out,
                    GDate       *date,
                    GError     **error)
{
  g_autofree char *value = NULL;

  if (!dlg_json_read_string (object, path, key, required, &value, error))
    return FALSE;

  if (value != NULL && !dlg_json_parse_date (value, date))
    {
      g_autofree char *where = dlg_json_path_key (path, key);
      return dlg_json_invalid (error, _("%s: expected a date such as “2019-10-16”"), where);
    }

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* "1:30", "01:30", "26:00", "0:45:00": hours and minutes. */
gboolean
dlg_json_parse_duration (const char *text,
                         guint      *minutes)
{
  /* "H:MM", "HH:MM" or "HH:MM:SS" (hours up to 9999, seconds ignored):
   * read by hand, as a congress has thousands of them. */
  guint64 hours = 0, secs = 0;
  guint mins;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) && hours <= 9999; p++)
    hours = hours * 10 + (*p - '0');
  if (hours > 9999 || *p != ':' ||
      !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[1] > '5')
    return FALSE;
  mins = (p[1] - '0') * 10 + (p[2] - '0');
  p += 3;
  if (*p == ':')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      for (; g_ascii_isdigit (*p) && secs <= 59; p++)
        secs = secs * 10 + (*p - '0');
      if (secs > 59)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

gboolean
dlg_json_parse_clock (const char *text,
                      guint      *hour,
                      guint      *minute)
{
  guint minutes;

  if (!dlg_json_parse_duration (text, &minutes) || minutes >= 24 * 60)
    return FALSE;

  *hour = minutes / 60;
  *minute = minutes % 60;
  return TRUE;
}

/* The @n digits at @text as a number from @min to @max, into *@value. */
static gboolean
read_digits (const char *text,
             guint       n,
             guint       min,
             guint       max,
             guint      *value)
{
  guint number = 0;

  /* Stops at the end of @text, a non-digit. */
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      number = number * 10 + (text[i] - '0');
    }

  *value = number;
  return number >= min && number <= max;
}

/* The offset at @text ("Z", "+08", "+0800", "+08:00"), appended to @out; the text after it,
 * or NULL. */
static const char *
read_offset (const char *text,
             GString    *out)
{
  const char *end = text + 3;
  guint value;

  if (*text == 'Z' || *text == 'z')
    {
      g_string_append_c (out, 'Z');
      return text + 1;
    }
  if ((*text != '+' && *text != '-') || !read_digits (text + 1, 2, 0, 23, &value))
    return NULL;
  /* The minutes are optional, and so is the colon before them. */
  if (*end == ':')
    end++;
  if (end > text + 3 || g_ascii_isdigit (*end))
    {
      if (!read_digits (end, 2, 0, 59, &value))
        return NULL;
      end += 2;
    }

  g_string_append_len (out, text, end - text);
  return end;
}

GDateTime *
dlg_json_parse_instant (const char *text,
                        GTimeZone  *zone,
                        gboolean   *has_offset)
{
  g_autoptr(GString) iso = NULL;
  const char *p = text;
  guint value;

  /* "YYYY-MM-DD", a "T" or a space, "hh:mm", read by hand: GLib reads more forms (week
   * dates, "20191016T0900") that the schema does not allow, and fewer (GLib 2.74 wants the
   * seconds).  The calendar itself (no 30 February) is left to GLib. */
  if (text == NULL || strlen (text) < 16 ||
      !read_digits (p, 4, 0, 9999, &value) || p[4] != '-' ||
      !read_digits (p + 5, 2, 1, 12, &value) || p[7] != '-' ||
      !read_digits (p + 8, 2, 1, 31, &value) ||
      (p[10] != 'T' && p[10] != 't' && p[10] != ' ') ||
      !read_digits (p + 11, 2, 0, 23, &value) || p[13] != ':' ||
      !read_digits (p + 14, 2, 0, 59, &value))
    return NULL;

  iso = g_string_new_len (text, 10);
  g_string_append_c (iso, 'T');
  g_string_append_len (iso, text + 11, 5);
  p = text + 16;

  /* Seconds, with up to nine decimals (GLib refuses many more), or none. */
  if (*p == ':')
    {
      const char *digits;

      if (!read_digits (p + 1, 2, 0, 59, &value))
        return NULL;
      p += 3;
      if (*p == '.')
        {
          for (digits = p + 1; g_ascii_isdigit (*digits); digits++)
            ;
          if (digits == p + 1 || digits - (p + 1) > 9)
            return NULL;
          p = digits;
        }
      g_string_append_len (iso, text + 16, p - (text + 16));
    }
  else
    g_string_append (iso, ":00");

  if (has_offset != NULL)
    *has_offset = *p != '\0';
  if (*p != '\0' && (p = read_offset (p, iso)) == NULL)
    return NULL;
  if (*p != '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (iso->str, zone);
}

/* Whether @name is made as an IANA zone name is ("Asia/Makassar", "Etc/GMT-8"): parts
 * that start with a letter, with no "." or "..", and not a path from the root. */
static gboolean
looks_like_zone_name (const char *name)
{
  gboolean part_start = TRUE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          if (part_start)
            return FALSE;
          part_start = TRUE;
        }
      else if (part_start ? !g_ascii_isalpha (*p)
                          : !g_ascii_isalnum (*p) && strchr ("_+-", *p) == NULL)
        return FALSE;
      else
        part_start = FALSE;
    }
  return !part_start;
}

/* Whether the zone database has a zone file named @name, where GLib looks for it. */
static gboolean
is_zone_file (const char *name)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = g_build_filename (tzdir != NULL ? tzdir : "/usr/share/zoneinfo",
                                            name, NULL);
  char magic[4];
  gboolean is_zone;
  FILE *file;

  /* Only a regular file is opened: a named pipe would block the open. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || (file = fopen (path, "rb")) == NULL)
    return FALSE;
  /* The database's own tables (zone.tab, leapseconds) are files too. */
  is_zone = fread (magic, 1, sizeof magic, file) == sizeof magic &&
            memcmp (magic, "TZif", sizeof magic) == 0;
  fclose (file);
  return is_zone;
}

char *
dlg_json_zone_offset_spelt (const char *name)
{
  const char *p = name;
  guint hours = 0, minutes = 0, digits = 0;
  char sign;

  if (g_ascii_strncasecmp (p, "UTC", 3) != 0 && g_ascii_strncasecmp (p, "GMT", 3) != 0)
    return NULL;
  p += 3;
  if (*p != '+' && *p != '-')
    return NULL;
  sign = *p++;
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0)
    return NULL;
  if (*p == ':' || (g_ascii_isdigit (p[0]) && digits == 2))
    {
      if (*p == ':')
        p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return NULL;
      minutes = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
    }
  if (*p != '\0' || hours > 14 || minutes > 59)
    return NULL;
  return g_strdup_printf ("%c%02u:%02u", sign, hours, minutes);
}

/* Whether @zone's clock gives each instant its offset. */
static gboolean
zone_keeps (GTimeZone    *zone,
            const gint64 *instants,
            const gint32 *offsets,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, instants[i]);

      if (interval < 0 || g_time_zone_get_offset (zone, interval) != offsets[i])
        return FALSE;
    }
  return TRUE;
}

GTimeZone *
dlg_json_time_zone_keeping (const gint64 *instants,
                            const gint32 *offsets,
                            guint         n)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *path = g_build_filename (tzdir != NULL ? tzdir : "/usr/share/zoneinfo",
                                            "zone1970.tab", NULL);
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;

  /* The table lists each zone once (one per region of the world whose clocks have agreed
   * since 1970); its third column is the zone's name. */
  if (n == 0 || !g_file_get_contents (path, &table, NULL, NULL))
    return NULL;
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      g_autoptr(GTimeZone) zone = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (columns) < 3 || !looks_like_zone_name (columns[2]) ||
          !is_zone_file (columns[2]))
        continue;
      zone = g_time_zone_new_identifier (columns[2]);
      if (zone != NULL && zone_keeps (zone, instants, offsets, n))
        return g_steal_pointer (&zone);
    }
  return NULL;
}

GTimeZone *
dlg_json_time_zone_new (const char  *name,
                        const char  *path,
                        GError     **error)
{
  gboolean offset = name[0] != '\0' && strspn (name, "+-0123456789:") == strlen (name);
  GTimeZone *zone = NULL;

  /* g_time_zone_new_identifier() reads more than a zone's name or offset: a POSIX rule,
   * in which "UTC+8" is eight hours behind UTC (WITA written so put every session given
   * without an offset sixteen hours off, labelled "UTC": it is read below as people mean
   * it), and a path, which it opens as a
   * zone file: a feed naming a named pipe hung the parse for good. */
  if (offset || g_str_equal (name, "Z") ||
      (looks_like_zone_name (name) && is_zone_file (name)))
    zone = g_time_zone_new_identifier (name);
  if (zone != NULL)
    return zone;

  /* "UTC+8" and "GMT+8" are how people write WITA, and what they mean is plain: +08:00
   * (validate says to write the zone's name, which other programs read alike). */
  {
    g_autofree char *spelt = dlg_json_zone_offset_spelt (name);

    if (spelt != NULL)
      return g_time_zone_new_identifier (spelt);
  }

  /* Another name then an offset ("WITA-8", "CET-1"): a rule, not a zone. */
  for (const char *p = name; g_ascii_isalpha (*p); p++)
    if ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))
      {
        dlg_json_invalid (error,
                          /* Translators: the place in the feed, then what it gives; “+08:00”
                           * is an offset from UTC and stays as it is */
                          _("%s: “%s” is not the name of a time zone: give its name, such as "
                            "“Asia/Makassar”, or its offset from UTC, such as “+08:00”"),
                          path, name);
        return NULL;
      }
  dlg_json_invalid (error, _("%s: unknown time zone “%s”"), path, name);
  return NULL;
}
