/* dlg-feed-lint.c: what an organiser should hear about a feed that loads
 *
 * The reader ignores fields it does not know, as the format promises, and drops addresses
 * it will not open: right for delegates, silent for the organiser who misspelt "time_zone"
 * or wrote "www.kupangkota.go.id".  `delegate-feed validate` says so, from this walk of the
 * document beside the published JSON Schema (delegate-feed-v1.schema.json, in the core's
 * resources), which names every field of every object; then a look at the agenda's times,
 * which load but may not mean what the organiser meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed-lint"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed-lint.h"
#include "dlg-json-load.h"
#include "dlg-json-reader.h"

#define SCHEMA_PATH RESOURCE_PATH "/delegate-feed-v1.schema.json"

typedef struct
{
  guint  n;     /* texts given in it */
  char  *path;  /* the first of them */
} Stray;

typedef struct
{
  JsonObject *defs;       /* the schema's $defs */
  GPtrArray  *warnings;
  GStrv       languages;  /* event.languages, lower case, "-" for "_"; NULL: not given */
  GHashTable *strays;     /* a text's language not among them -> Stray */
  GPtrArray  *stray_order;
  GHashTable *missing;    /* a listed language a text given in languages lacks -> Stray */
  GPtrArray  *missing_order;
} Lint;

static void
stray_free (gpointer data)
{
  Stray *stray = data;

  g_free (stray->path);
  g_free (stray);
}

static char *
language_key (const char *tag)
{
  char *key = g_ascii_strdown (tag, -1);

  g_strdelimit (key, "_", '-');
  return key;
}

/* A text's language the event does not list: "en-draft", "id_old".  Delegate reads such a
 * key as a language (a reader of English may be shown "en-draft"), so a draft or an internal
 * note kept under one would be published.  A region of a listed language ("pt-BR" for "pt")
 * is what it looks like. */
static void
note_text_languages (Lint       *lint,
                     JsonObject *text,
                     const char *path)
{
  JsonObjectIter iter;
  const char *tag;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, text);
  while (json_object_iter_next_ordered (&iter, &tag, &value))
    {
      g_autofree char *key = language_key (tag);
      const char *dash = strchr (key, '-');
      g_autofree char *primary = dash != NULL ? g_strndup (key, dash - key) : NULL;
      gsize region = dash != NULL ? strlen (dash + 1) : 0;
      Stray *stray;

      if (g_strv_contains ((const char * const *) lint->languages, key) ||
          (primary != NULL && g_strv_contains ((const char * const *) lint->languages, primary) &&
           (region == 2 || (region == 3 && g_ascii_isdigit (dash[1])))))
        continue;
      stray = g_hash_table_lookup (lint->strays, key);
      if (stray == NULL)
        {
          stray = g_new0 (Stray, 1);
          stray->path = dlg_json_path_key (path, tag);
          g_hash_table_insert (lint->strays, g_strdup (key), stray);
          g_ptr_array_add (lint->stray_order, g_strdup (tag));
        }
      stray->n++;
    }
}

/* Whether @text has a text in the listed language @listed: blank counts as missing, as when
 * the feed is read. */
static gboolean
has_language (JsonObject *text,
              const char *listed)
{
  JsonObjectIter iter;
  const char *tag;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, text);
  while (json_object_iter_next_ordered (&iter, &tag, &value))
    {
      g_autofree char *key = language_key (tag);
      g_autofree char *given = NULL;

      if (g_str_equal (key, listed) && dlg_json_node_is_string (value) &&
          (given = dlg_json_strip_or_null (json_node_get_string (value))) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A text given in languages ("title": {"id": "Pembukaan"}) without one event.languages lists:
 * a delegate reading that one is shown another.  A plain string is in no language. */
static void
note_missing_languages (Lint       *lint,
                        JsonObject *text,
                        const char *path)
{
  for (guint i = 0; lint->languages[i] != NULL; i++)
    {
      const char *listed = lint->languages[i];
      Stray *missing;

      if (has_language (text, listed))
        continue;
      missing = g_hash_table_lookup (lint->missing, listed);
      if (missing == NULL)
        {
          missing = g_new0 (Stray, 1);
          missing->path = g_strdup (path);
          g_hash_table_insert (lint->missing, g_strdup (listed), missing);
          g_ptr_array_add (lint->missing_order, g_strdup (listed));
        }
      missing->n++;
    }
}

static void walk (Lint *lint, JsonNode *node, JsonObject *schema, const char *path, guint depth);

/* The schema @schema stands for, through "$ref": "#/$defs/NAME"; *@name is NAME. */
static JsonObject *
resolve (Lint        *lint,
         JsonObject  *schema,
         const char **name)
{
  for (guint i = 0; i < 8 && schema != NULL && json_object_has_member (schema, "$ref"); i++)
    {
      const char *ref = json_object_get_string_member (schema, "$ref");

      if (ref == NULL || !g_str_has_prefix (ref, "#/$defs/") ||
          !json_object_has_member (lint->defs, ref + strlen ("#/$defs/")))
        return NULL;
      *name = ref + strlen ("#/$defs/");
      schema = json_object_get_object_member (lint->defs, *name);
    }
  return schema;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return "string";
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return "boolean";
      return "number";
    }
}

/* The forms @schema offers under @combinator ("oneOf", "anyOf"), or NULL: a schema with
 * its own properties or items is one form, whose "anyOf" of "required" lists only
 * constrains it (a session has a "date" or a "start"). */
static JsonArray *
form_choices (JsonObject *schema,
              const char *combinator)
{
  JsonNode *choices = json_object_get_member (schema, combinator);

  if (choices == NULL || !JSON_NODE_HOLDS_ARRAY (choices) ||
      json_object_has_member (schema, "properties") || json_object_has_member (schema, "items"))
    return NULL;
  return json_node_get_array (choices);
}

static gboolean allows (Lint *lint, JsonObject *schema, JsonNode *node);

/* Whether @node is of a type @schema allows (as far as its "type", or failing that its
 * "properties" or "items", say). */
static gboolean
allows (Lint       *lint,
        JsonObject *schema,
        JsonNode   *node)
{
  const char *name = NULL;
  const char *type = json_type_name (node);
  JsonNode *types;

  schema = resolve (lint, schema, &name);
  if (schema == NULL)
    return FALSE;

  /* An object of languages is no smart_city object: its keys say which. */
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (schema, "propertyNames"))
    {
      JsonObject *names = json_object_get_object_member (schema, "propertyNames");
      const char *pattern = names != NULL && json_object_has_member (names, "pattern")
                            ? json_object_get_string_member (names, "pattern") : NULL;
      g_autoptr(GList) keys = json_object_get_members (json_node_get_object (node));

      for (GList *l = keys; pattern != NULL && l != NULL; l = l->next)
        if (!g_regex_match_simple (pattern, l->data, 0, 0))
          return FALSE;
    }

  /* A choice of forms allows what any of them does. */
  for (guint k = 0; k < 2 && !json_object_has_member (schema, "type"); k++)
    {
      JsonArray *choices = form_choices (schema, k == 0 ? "oneOf" : "anyOf");

      for (guint i = 0; choices != NULL && i < json_array_get_length (choices); i++)
        {
          JsonNode *choice = json_array_get_element (choices, i);

          if (JSON_NODE_HOLDS_OBJECT (choice) && allows (lint, json_node_get_object (choice), node))
            return TRUE;
        }
      if (choices != NULL)
        return FALSE;
    }

  types = json_object_get_member (schema, "type");
  if (types != NULL && JSON_NODE_HOLDS_VALUE (types))
    return g_str_equal (json_node_get_string (types), type) ||
           (g_str_equal (json_node_get_string (types), "integer") && g_str_equal (type, "number"));
  if (types != NULL && JSON_NODE_HOLDS_ARRAY (types))
    {
      JsonArray *array = json_node_get_array (types);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (json_array_get_string_element (array, i), type) == 0)
          return TRUE;
      return FALSE;
    }
  if (json_object_has_member (schema, "properties"))
    return g_str_equal (type, "object");
  if (json_object_has_member (schema, "items"))
    return g_str_equal (type, "array");
  return TRUE;
}

/* "time_zone", "Time-Zone" and "timezone" alike. */
static char *
normalize (const char *key)
{
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    if (*p != '_' && *p != '-' && *p != ' ')
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* Edit distance of two short ASCII words, or more than @limit. */
static guint
distance (const char *a,
          const char *b,
          guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

/* The field of @properties that @key most likely meant, or NULL. */
static const char *
near_miss (JsonObject *properties,
           const char *key)
{
  g_autofree char *wanted = normalize (key);
  g_autoptr(GList) names = json_object_get_members (properties);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *known = normalize (l->data);
      gsize len = MAX (strlen (known), strlen (wanted));
      /* "program" for "programme", "e-mail" for "email"; not "id" for "url". */
      guint limit = len >= 8 ? 2 : len >= 4 ? 1 : 0;

      if (g_str_equal (known, wanted) || distance (known, wanted, limit) <= limit)
        return l->data;
    }
  return NULL;
}

static void
warn (Lint       *lint,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Lint       *lint,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (lint->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
walk_object (Lint       *lint,
             JsonObject *object,
             JsonObject *schema,
             const char *path,
             guint       depth)
{
  JsonObject *properties = json_object_get_member (schema, "properties") != NULL
                           ? json_object_get_object_member (schema, "properties") : NULL;
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  JsonObjectIter iter;
  const char *key;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &child))
    {
      g_autofree char *where = path != NULL ? dlg_json_path_key (path, key) : g_strdup (key);

      if (properties != NULL && json_object_has_member (properties, key))
        walk (lint, child, json_object_get_object_member (properties, key), where, depth + 1);
      else if (additional != NULL && JSON_NODE_HOLDS_OBJECT (additional))
        {
          /* A map's keys are names, written as the reader writes them: rooms["Aula"]. */
          g_autofree char *named = dlg_json_path_name (path, key);

          walk (lint, child, json_node_get_object (additional), named, depth + 1);
        }
      else if (properties != NULL)
        {
          const char *meant = near_miss (properties, key);

          if (meant != NULL)
            /* Translators: a warning of "delegate-feed validate", e.g.
             * "event.timezone: Delegate does not read this field: did you mean “time_zone”?" */
            warn (lint, _("%s: Delegate does not read this field: did you mean “%s”?"), where, meant);
        }
    }
}

static void
walk (Lint       *lint,
      JsonNode   *node,
      JsonObject *schema,
      const char *path,
      guint       depth)
{
  const char *name = NULL;
  JsonNode *items;

  schema = resolve (lint, schema, &name);
  if (schema == NULL || depth > 32)
    return;

  if (g_strcmp0 (name, "text") == 0 && lint->languages != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      note_text_languages (lint, json_node_get_object (node), path);
      note_missing_languages (lint, json_node_get_object (node), path);
    }

  /* An address the reader drops. */
  if (g_strcmp0 (name, "url") == 0 && dlg_json_node_is_string (node))
    {
      g_autofree char *kept = dlg_json_safe_url (json_node_get_string (node));
      g_autofree char *given = dlg_json_strip_or_null (json_node_get_string (node));

      if (given != NULL && kept == NULL)
        /* Translators: a warning of "delegate-feed validate", e.g.
         * "event.url: “www.kupang.go.id” is not an http or https address: it is not shown" */
        warn (lint, _("%s: “%s” is not an http or https address: it is not shown"), path, given);
      return;
    }

  /* Of several forms (a text or an object of languages; a section inline or its URL), the
   * one @node has. */
  for (guint k = 0; k < 2; k++)
    {
      JsonArray *choices = form_choices (schema, k == 0 ? "oneOf" : "anyOf");

      for (guint i = 0; choices != NULL && i < json_array_get_length (choices); i++)
        {
          JsonNode *choice = json_array_get_element (choices, i);

          if (JSON_NODE_HOLDS_OBJECT (choice) && allows (lint, json_node_get_object (choice), node))
            {
              walk (lint, node, json_node_get_object (choice), path, depth + 1);
              return;
            }
        }
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    walk_object (lint, json_node_get_object (node), schema, path, depth);
  else if (JSON_NODE_HOLDS_ARRAY (node) && (items = json_object_get_member (schema, "items")) != NULL &&
           JSON_NODE_HOLDS_OBJECT (items))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

          walk (lint, json_array_get_element (array, i), json_node_get_object (items), where,
                depth + 1);
        }
    }
}

/* --- the agenda's times --------------------------------------------------- */

/* The sessions with one fault, and the first of them. */
typedef struct
{
  guint       n;
  char       *path;   /* of the first one's date */
  const char *date;   /* its date, and the date of its day: borrowed from the document */
  const char *day;
} Fault;

typedef struct
{
  GTimeZone *zone;      /* the event's, or NULL */
  GTimeZone *utc;
  Fault      off_zone;  /* an offset that is not the zone's at that instant */
  Fault      off_day;   /* a date more than a day from the session's day */
  Fault      no_guid;   /* no guid, and a title in languages: a key that follows the language */
} Times;

static void
note (Fault      *fault,
      const char *path,
      const char *date,
      const char *day)
{
  if (fault->n++ > 0)
    return;
  fault->path = g_strdup (path);
  fault->date = date;
  fault->day = day;
}

/* A member of @node, if @node is an object that has it (not null). */
static JsonNode *
member (JsonNode   *node,
        const char *key)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
         ? dlg_json_lookup (json_node_get_object (node), key) : NULL;
}

static const char *
string_member (JsonNode   *node,
               const char *key)
{
  JsonNode *value = member (node, key);

  return value != NULL && dlg_json_node_is_string (value) ? json_node_get_string (value) : NULL;
}

static void
check_session (Times      *times,
               JsonNode   *session,
               const char *path,
               const char *day_text,
               GDate      *day)
{
  g_autoptr(GDateTime) instant = NULL;
  g_autofree char *where = dlg_json_path_key (path, "date");
  const char *date = string_member (session, "date");
  JsonNode *tba = member (session, "time_tba");
  gboolean has_offset;
  GDate session_day;
  gint year, month, day_of_month;

  /* A session whose time is to be announced shows no time to be off. */
  if (date == NULL || (tba != NULL && JSON_NODE_HOLDS_VALUE (tba) &&
                       json_node_get_value_type (tba) == G_TYPE_BOOLEAN &&
                       json_node_get_boolean (tba)))
    return;
  if ((instant = dlg_json_parse_instant (date, times->utc, &has_offset)) == NULL)
    return;

  if (has_offset && times->zone != NULL)
    {
      g_autoptr(GDateTime) there = g_date_time_to_timezone (instant, times->zone);

      if (there != NULL &&
          g_date_time_get_utc_offset (there) != g_date_time_get_utc_offset (instant))
        note (&times->off_zone, where, date, day_text);
    }

  /* The date as written: a session after midnight is a day from its day, no more. */
  g_date_time_get_ymd (instant, &year, &month, &day_of_month);
  g_date_clear (&session_day, 1);
  g_date_set_dmy (&session_day, day_of_month, month, year);
  if (ABS (g_date_days_between (day, &session_day)) > 1)
    note (&times->off_day, where, date, day_text);
}

/* "+08:00" for eight hours east of UTC. */
static char *
format_offset (GTimeSpan offset)
{
  gint64 minutes = ABS (offset) / G_TIME_SPAN_MINUTE;

  return g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+', (int) (minutes / 60),
                          (int) (minutes % 60));
}

static char *
count_sessions (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n), n);
}

/* Warns of a day of the agenda outside the event's dates (@event's start to end): a typo in
 * the day or in event.end ("2024-11-17" for "2024-10-17") lists sessions a month after the
 * dates the event shows, where no delegate looks for them. */
static void
check_day (Lint       *lint,
           JsonNode   *event,
           const char *day_path,
           const char *day_text,
           GDate      *day)
{
  const char *start_text = string_member (event, "start");
  const char *end_text = string_member (event, "end");
  GDate start, end;

  if (!dlg_json_parse_date (start_text, &start))
    return;
  if (end_text == NULL || !dlg_json_parse_date (end_text, &end))
    {
      end_text = start_text;
      end = start;
    }
  if (g_date_compare (day, &start) >= 0 && g_date_compare (day, &end) <= 0)
    return;

  /* Translators: a warning of "delegate-feed validate", e.g. "agenda.….days[1].date:
   * 2024-11-17 is outside the event's dates, 2024-10-16 to 2024-10-18: check the day's date,
   * and event.start and event.end" */
  warn (lint, _("%s: %s is outside the event’s dates, %s to %s: check the day’s date, "
                "and event.start and event.end"),
        day_path, day_text, start_text, end_text);
}

/* Warns, once for all the sessions alike, of the session dates of @agenda (the object
 * holding "schedule", at @path) whose offset is not that of the event's zone (@zone_name,
 * else the conference's time_zone_name) at that instant: the agenda would show them at
 * another hour than the organiser meant, or the zone is wrong; and of those more than a
 * day from the day they are listed under.  And of each day outside @event's dates. */
static void
check_times (Lint       *lint,
             JsonNode   *agenda,
             const char *path,
             JsonNode   *event,
             const char *zone_name)
{
  g_autofree char *conference_path = g_strconcat (path, ".schedule.conference", NULL);
  g_autofree char *days_path = dlg_json_path_key (conference_path, "days");
  JsonNode *conference = member (member (agenda, "schedule"), "conference");
  JsonNode *days = member (conference, "days");
  Times times = { NULL };

  if (days == NULL || !JSON_NODE_HOLDS_ARRAY (days))
    return;
  if (zone_name == NULL)
    zone_name = string_member (conference, "time_zone_name");
  if (zone_name != NULL)
    times.zone = dlg_json_time_zone_new (zone_name, conference_path, NULL);
  times.utc = g_time_zone_new_utc ();

  for (guint i = 0; i < json_array_get_length (json_node_get_array (days)); i++)
    {
      JsonNode *day = json_array_get_element (json_node_get_array (days), i);
      const char *day_text = string_member (day, "date");
      JsonNode *rooms = member (day, "rooms");
      g_autofree char *day_path = dlg_json_path_index (days_path, i);
      g_autofree char *rooms_path = dlg_json_path_key (day_path, "rooms");
      JsonObjectIter iter;
      const char *room;
      JsonNode *sessions;
      GDate date;

      if (!dlg_json_parse_date (day_text, &date))
        continue;
      if (event != NULL)
        {
          g_autofree char *date_path = dlg_json_path_key (day_path, "date");

          check_day (lint, event, date_path, day_text, &date);
        }
      if (rooms == NULL || !JSON_NODE_HOLDS_OBJECT (rooms))
        continue;

      json_object_iter_init_ordered (&iter, json_node_get_object (rooms));
      while (json_object_iter_next_ordered (&iter, &room, &sessions))
        {
          g_autofree char *room_path = dlg_json_path_name (rooms_path, room);

          for (guint j = 0; JSON_NODE_HOLDS_ARRAY (sessions) &&
                            j < json_array_get_length (json_node_get_array (sessions)); j++)
            {
              g_autofree char *session_path = dlg_json_path_index (room_path, j);

              JsonNode *session = json_array_get_element (json_node_get_array (sessions), j);
              JsonNode *title = member (session, "title");
              const char *guid = string_member (session, "guid");

              check_session (&times, session, session_path, day_text, &date);
              /* Without a guid, a session's key is made from its title as shown, in the
               * delegate's language: another language, another key. */
              if ((guid == NULL || *guid == '\0') && title != NULL &&
                  JSON_NODE_HOLDS_OBJECT (title))
                {
                  g_autofree char *guid_path = dlg_json_path_key (session_path, "guid");

                  note (&times.no_guid, guid_path, NULL, NULL);
                }
            }
        }
    }

  if (times.off_zone.n > 0)
    {
      g_autoptr(GDateTime) instant = dlg_json_parse_instant (times.off_zone.date, times.utc,
                                                             NULL);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (instant, times.zone);
      g_autofree char *given = format_offset (g_date_time_get_utc_offset (instant));
      g_autofree char *zones = format_offset (g_date_time_get_utc_offset (there));
      g_autofree char *count = count_sessions (times.off_zone.n);

      /* Translators: a warning of "delegate-feed validate", e.g. "agenda.….date:
       * “2019-11-20T09:00:00+08:00” has the offset +08:00, but Europe/Berlin has +01:00
       * then: check the zone and the offsets of 5 sessions" */
      warn (lint, _("%s: “%s” has the offset %s, but %s has %s then: "
                    "check the zone and the offsets of %s"),
            times.off_zone.path, times.off_zone.date, given, zone_name, zones, count);
    }
  if (times.off_day.n > 0)
    {
      g_autofree char *count = count_sessions (times.off_day.n);

      /* Translators: a warning of "delegate-feed validate", e.g. "agenda.….date:
       * “2019-11-25T09:00:00+08:00” is more than a day from the day it is listed under,
       * 2019-11-20: check the dates of 2 sessions" */
      warn (lint, _("%s: “%s” is more than a day from the day it is listed under, %s: "
                    "check the dates of %s"),
            times.off_day.path, times.off_day.date, times.off_day.day, count);
    }

  if (times.no_guid.n > 0)
    {
      g_autofree char *count = count_sessions (times.no_guid.n);

      /* Translators: a warning of "delegate-feed validate", e.g. "agenda.….guid: missing,
       * though the title is given in languages: a delegate's stars and notes on the session
       * are lost when their language changes; give a guid to 3 sessions" */
      warn (lint, _("%s: missing, though the title is given in languages: a delegate’s stars "
                    "and notes on the session are lost when their language changes; give a "
                    "guid to %s"),
            times.no_guid.path, count);
    }

  g_clear_pointer (&times.zone, g_time_zone_unref);
  g_time_zone_unref (times.utc);
  g_free (times.off_zone.path);
  g_free (times.off_day.path);
  g_free (times.no_guid.path);
}

/* The offset of a zone named "Etc/GMT+8" (-08:00: the tz database keeps POSIX's sign, so the
 * name reads the other way round), or NULL for any other name and for GMT itself. */
static char *
etc_gmt_offset (const char *name)
{
  const char *p = name;
  guint hours = 0, digits = 0;
  char sign;

  if (g_ascii_strncasecmp (p, "Etc/GMT", 7) != 0)
    return NULL;
  p += 7;
  if (*p != '+' && *p != '-')
    return NULL;
  sign = *p++ == '+' ? '-' : '+';
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0 || *p != '\0' || hours == 0 || hours > 14)
    return NULL;
  return g_strdup_printf ("%c%02u:00", sign, hours);
}

/* Warns of a zone named as "UTC+8": read as +08:00, as it is meant, but calendars and other
 * programs that take the feed's zone read it as a POSIX rule, eight hours behind UTC.  And of
 * "Etc/GMT+8", read as the tz database means it, -08:00, which is rarely what its writer
 * meant. */
static void
check_zone_spelling (Lint       *lint,
                     const char *path,
                     const char *name)
{
  g_autofree char *offset = name != NULL ? dlg_json_zone_offset_spelt (name) : NULL;

  g_autofree char *etc = name != NULL ? etc_gmt_offset (name) : NULL;

  if (etc != NULL)
    /* Translators: a warning of "delegate-feed validate", e.g. "event.time_zone:
     * “Etc/GMT+8” is -08:00: these names count the other way round; if that is not
     * meant, give the zone’s name, such as “Asia/Makassar”, or an offset, such as
     * “+08:00”" */
    warn (lint, _("%s: “%s” is %s: these names count the other way round; if that is not "
                  "meant, give the zone’s name, such as “Asia/Makassar”, or an offset, such as "
                  "“+08:00”"),
          path, name, etc);
  if (offset != NULL)
    /* Translators: a warning of "delegate-feed validate", e.g. "event.time_zone: “UTC+8” is
     * read as +08:00, but other programs read it as eight hours behind UTC: give the zone’s
     * name, such as “Asia/Makassar”, or “+08:00”" */
    warn (lint, _("%s: “%s” is read as %s, but other programs read it the other side of "
                  "UTC: give the zone’s name, such as “Asia/Makassar”, or “%s”"),
          path, name, offset, offset);
}

/* The event's zone a feed names, or NULL. */
static const char *
event_zone (JsonNode *feed)
{
  return feed != NULL ? string_member (member (feed, "event"), "time_zone") : NULL;
}

/* The warnings about @node, which stands at @key of a feed (NULL: the whole feed, @node);
 * @feed is the feed, for the event's zone. */
static GPtrArray *
lint (JsonNode   *node,
      const char *key,
      JsonNode   *feed)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     NULL);
  g_autoptr(JsonNode) schema = NULL;
  Lint lint = { NULL, g_ptr_array_new_with_free_func (g_free), };
  JsonNode *languages = member (member (feed, "event"), "languages");
  JsonObject *root, *properties;
  gsize size;
  const char *data;

  /* The schema is ours, built in: it reads. */
  data = g_bytes_get_data (bytes, &size);
  if (!dlg_json_load (data, size, &schema, NULL) || !JSON_NODE_HOLDS_OBJECT (schema) ||
      !json_object_has_member (json_node_get_object (schema), "$defs"))
    g_return_val_if_reached (lint.warnings);

  root = json_node_get_object (schema);
  lint.defs = json_object_get_object_member (root, "$defs");
  lint.strays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stray_free);
  lint.stray_order = g_ptr_array_new_with_free_func (g_free);
  lint.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stray_free);
  lint.missing_order = g_ptr_array_new_with_free_func (g_free);
  if (languages != NULL && JSON_NODE_HOLDS_ARRAY (languages))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array = json_node_get_array (languages);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (dlg_json_node_is_string (json_array_get_element (array, i)))
          {
            g_autofree char *listed = language_key (json_array_get_string_element (array, i));

            g_strv_builder_add (builder, listed);
          }
      lint.languages = g_strv_builder_end (builder);
    }
  if (key == NULL)
    walk (&lint, node, root, NULL, 0);
  else if ((properties = json_object_get_object_member (root, "properties")) != NULL &&
           json_object_has_member (properties, key))
    walk (&lint, node, json_object_get_object_member (properties, key), key, 0);

  /* Each language the event does not list, once, where it is first given. */
  for (guint i = 0; i < lint.stray_order->len; i++)
    {
      const char *tag = g_ptr_array_index (lint.stray_order, i);
      g_autofree char *stray_key = language_key (tag);
      Stray *stray = g_hash_table_lookup (lint.strays, stray_key);
      g_autofree char *listed = g_strjoinv (", ", lint.languages);
      g_autofree char *texts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u text",
                                                             "%u texts", stray->n), stray->n);

      /* Translators: a warning of "delegate-feed validate", e.g. "event.title.en-draft: “en-draft”
       * is not one of event.languages (id, en): delegates reading a language close to it may
       * be shown it (3 texts in this language)" */
      warn (&lint, _("%s: “%s” is not one of event.languages (%s): delegates reading a language "
                     "close to it may be shown it (%s in this language)"),
            stray->path, tag, listed, texts);
    }
  /* Each listed language some texts lack, once, where it is first missing. */
  for (guint i = 0; i < lint.missing_order->len; i++)
    {
      const char *listed = g_ptr_array_index (lint.missing_order, i);
      Stray *missing = g_hash_table_lookup (lint.missing, listed);
      g_autofree char *texts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u text",
                                                             "%u texts", missing->n), missing->n);

      /* Translators: a warning of "delegate-feed validate", e.g. "event.title: no “en” text,
       * though event.languages lists it: delegates reading it are shown another language
       * (in 3 texts)" */
      warn (&lint, _("%s: no “%s” text, though event.languages lists it: delegates reading it "
                     "are shown another language (in %s)"),
            missing->path, listed, texts);
    }
  g_clear_pointer (&lint.missing, g_hash_table_unref);
  g_clear_pointer (&lint.missing_order, g_ptr_array_unref);
  g_clear_pointer (&lint.strays, g_hash_table_unref);
  g_clear_pointer (&lint.stray_order, g_ptr_array_unref);
  g_clear_pointer (&lint.languages, g_strfreev);

  /* What no schema can say: a zone as people write it, and how the agenda's times agree
   * with its zone and days. */
  if (key == NULL)
    check_zone_spelling (&lint, "event.time_zone", event_zone (node));
  if (key == NULL || g_str_equal (key, "agenda"))
    check_zone_spelling (&lint, "agenda.schedule.conference.time_zone_name",
                         string_member (member (member (key == NULL ? member (node, "agenda")
                                                                    : node, "schedule"),
                                                "conference"), "time_zone_name"));
  if (key == NULL)
    check_times (&lint, member (node, "agenda"), "agenda", member (node, "event"),
                 event_zone (node));
  else if (g_str_equal (key, "agenda"))
    check_times (&lint, node, "agenda", member (feed, "event"), event_zone (feed));
  return lint.warnings;
}

GPtrArray *
dlg_feed_lint (JsonNode *document)
{
  g_return_val_if_fail (document != NULL, g_ptr_array_new_with_free_func (g_free));

  return lint (document, NULL, document);
}

GPtrArray *
dlg_feed_lint_section (JsonNode   *document,
                       const char *section,
                       JsonNode   *feed)
{
  g_return_val_if_fail (document != NULL, g_ptr_array_new_with_free_func (g_free));
  g_return_val_if_fail (section != NULL, g_ptr_array_new_with_free_func (g_free));

  return lint (document, section, feed);
}
