/* dlg-feed-parse.c: Delegate feed v1 into the models (see docs/feed-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dlg-feed-private.h"
#include "dlg-models-private.h"

#define FEED_VERSION 1

typedef struct
{
  GPtrArray            *languages; /* normalised preferences, best first */
  DlgFeedSectionLoader  loader;
  gpointer              loader_data;
  GCancellable         *cancellable;
  DlgFeed              *feed;
  GTimeZone            *zone;
} ParseContext;

/* Every rejection goes through here, so that each message starts with
 * the JSON path of the place it is about. */
static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/* Paths: members[3].joined, agenda.schedule.conference.days[2].rooms["Aula"][0] */

static char *
path_key (const char *path,
          const char *key)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (key);

  return g_strconcat (path, ".", key, NULL);
}

static char *
path_index (const char *path,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static char *
path_name (const char *path,
           const char *name)
{
  g_autofree char *escaped = g_strescape (name, NULL);

  return g_strdup_printf ("%s[\"%s\"]", path, escaped);
}

/* A member that is absent or JSON null counts as missing. */
static JsonNode *
lookup (JsonObject *object,
        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static gboolean
require (JsonObject  *object,
         const char  *path,
         const char  *key,
         JsonNode   **out,
         GError     **error)
{
  *out = lookup (object, key);
  if (*out == NULL)
    {
      g_autofree char *where = path_key (path, key);
      return invalid (error, _("%s: required, but missing"), where);
    }

  return TRUE;
}

static gboolean
get_object (JsonNode     *node,
            const char   *path,
            JsonObject  **out,
            GError      **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("%s: expected an object"), path);

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_array (JsonNode    *node,
           const char  *path,
           JsonArray  **out,
           GError     **error)
{
  *out = NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("%s: expected a list"), path);

  *out = json_node_get_array (node);
  return TRUE;
}

/* A plain string (ids, dates, e-mail addresses): whitespace trimmed, an
 * empty string counts as missing. */
static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *key,
             gboolean     required,
             char       **out,
             GError     **error)
{
  JsonNode *node = lookup (object, key);
  g_autofree char *value = NULL;

  if (node != NULL)
    {
      if (!node_is_string (node))
        {
          g_autofree char *where = path_key (path, key);
          return invalid (error, _("%s: expected a string"), where);
        }
      value = strip_or_null (json_node_get_string (node));
    }

  if (value == NULL && required)
    {
      g_autofree char *where = path_key (path, key);
      return invalid (error, _("%s: required, but missing"), where);
    }

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* "id_ID.UTF-8@euro" -> "id_ID"; "C" and "POSIX" say nothing. */
static GPtrArray *
normalise_languages (const char * const *languages)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *lang = g_strdup (languages[i]);
      char *end = lang + strcspn (lang, ".@");

      *end = '\0';
      if (lang[0] == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        continue;
      g_ptr_array_add (result, g_steal_pointer (&lang));
    }

  return result;
}

/* Language tags compare without case, with "_" and "-" alike. */
static gboolean
language_equal (const char *a,
                const char *b,
                gsize       b_len)
{
  gsize i;

  for (i = 0; i < b_len; i++)
    {
      char ca = g_ascii_tolower (a[i]);
      char cb = g_ascii_tolower (b[i]);

      if (ca == '_')
        ca = '-';
      if (cb == '_')
        cb = '-';
      if (ca == '\0' || ca != cb)
        return FALSE;
    }

  return a[i] == '\0';
}

static JsonNode *
find_language (JsonObject *object,
               const char *wanted,
               gsize       wanted_len)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (language_equal (key, wanted, wanted_len))
        return node;
    }

  return NULL;
}

/* Text is a string, or an object of language codes to strings; pick the
 * best language: each preference, then its base language ("id" for
 * "id_ID"), then English, then whatever comes first. */
static gboolean
resolve_text (ParseContext  *ctx,
              JsonNode      *node,
              const char    *path,
              char         **out,
              GError       **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  JsonNode *chosen = NULL;

  if (node_is_string (node))
    {
      *out = strip_or_null (json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("%s: expected text, or an object of languages and texts"), path);

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    {
      if (!node_is_string (member) && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *where = path_key (path, key);
          return invalid (error, _("%s: expected text"), where);
        }
    }

  for (guint i = 0; chosen == NULL && i < ctx->languages->len; i++)
    {
      const char *lang = g_ptr_array_index (ctx->languages, i);

      chosen = find_language (object, lang, strlen (lang));
      if (chosen == NULL)
        chosen = find_language (object, lang, strcspn (lang, "_-"));
    }

  if (chosen == NULL || !node_is_string (chosen))
    chosen = find_language (object, "en", 2);

  if (chosen == NULL || !node_is_string (chosen))
    {
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &key, &member))
        {
          if (node_is_string (member))
            {
              chosen = member;
              break;
            }
        }
    }

  *out = (chosen != NULL && node_is_string (chosen)) ?
         strip_or_null (json_node_get_string (chosen)) : NULL;
  return TRUE;
}

static gboolean
read_text (ParseContext  *ctx,
           JsonObject    *object,
           const char    *path,
           const char    *key,
           gboolean       required,
           char         **out,
           GError       **error)
{
  JsonNode *node = lookup (object, key);
  g_autofree char *where = path_key (path, key);
  g_autofree char *value = NULL;

  if (node != NULL && !resolve_text (ctx, node, where, &value, error))
    return FALSE;

  if (value == NULL && required)
    return invalid (error, _("%s: required, but missing"), where);

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* Only http(s) addresses are kept: anything else (javascript:, file:,
 * data:) is dropped without failing the feed, which stays usable. */
static char *
safe_url (const char *text)
{
  g_autofree char *url = strip_or_null (text);
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return NULL;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  if (!g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL))
    return NULL;

  return g_steal_pointer (&url);
}

static gboolean
read_url (JsonObject  *object,
          const char  *path,
          const char  *key,
          char       **out,
          GError     **error)
{
  g_autofree char *value = NULL;

  if (!read_string (object, path, key, FALSE, &value, error))
    return FALSE;

  g_free (*out);
  *out = safe_url (value);
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *path,
              const char  *key,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = lookup (object, key);

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = path_key (path, key);
      return invalid (error, _("%s: expected true or false"), where);
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A list of strings (tags, member ids); an absent list is empty. */
static gboolean
read_string_list (JsonObject   *object,
                  const char   *path,
                  const char   *key,
                  char       ***out,
                  GError      **error)
{
  JsonNode *node = lookup (object, key);
  g_autofree char *where = path_key (path, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL)
    {
      if (!get_array (node, where, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *value = NULL;

          if (!node_is_string (element))
            {
              g_autofree char *element_path = path_index (where, i);
              return invalid (error, _("%s: expected a string"), element_path);
            }

          value = strip_or_null (json_node_get_string (element));
          if (value != NULL)
            g_strv_builder_add (builder, value);
        }
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int year, month, day;
  int consumed = 0;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           char       **out,
           GDate       *date,
           GError     **error)
{
  g_autofree char *value = NULL;

  if (!read_string (object, path, key, required, &value, error))
    return FALSE;

  if (value != NULL && !parse_date (value, date))
    {
      g_autofree char *where = path_key (path, key);
      return invalid (error, _("%s: expected a date such as “2019-10-16”"), where);
    }

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* "1:30", "01:30", "26:00", "0:45:00": hours and minutes. */
static gboolean
parse_duration (const char *text,
                guint      *minutes)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  guint64 hours, mins, secs = 0;

  if (n < 2 || n > 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 9999, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &mins, NULL) ||
      strlen (parts[1]) != 2 ||
      (n == 3 && !g_ascii_string_to_unsigned (parts[2], 10, 0, 59, &secs, NULL)))
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

static gboolean
parse_clock (const char *text,
             guint      *hour,
             guint      *minute)
{
  guint minutes;

  if (!parse_duration (text, &minutes) || minutes >= 24 * 60)
    return FALSE;

  *hour = minutes / 60;
  *minute = minutes % 60;
  return TRUE;
}

static gboolean
read_links (JsonObject  *object,
            const char  *path,
            GListModel  *links,
            GError     **error)
{
  JsonNode *node = lookup (object, "links");
  g_autofree char *where = path_key (path, "links");
  JsonArray *array;

  if (node == NULL)
    return TRUE;

  if (!get_array (node, where, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *link_path = path_index (where, i);
      g_autoptr(DlgLink) link = NULL;
      JsonObject *link_object;
      g_autofree char *url = NULL;

      if (!get_object (json_array_get_element (array, i), link_path, &link_object, error) ||
          !read_url (link_object, link_path, "url", &url, error))
        return FALSE;

      if (url == NULL)
        continue;

      link = g_object_new (DLG_TYPE_LINK, NULL);
      link->url = g_steal_pointer (&url);
      if (!read_string (link_object, link_path, "title", FALSE, &link->title, error))
        return FALSE;

      g_list_store_append (G_LIST_STORE (links), link);
    }

  return TRUE;
}

static gboolean
check_unique (GHashTable *index,
              const char *id,
              const char *path,
              GError    **error)
{
  if (g_hash_table_contains (index, id))
    return invalid (error, _("%s: the id “%s” is used twice"), path, id);

  return TRUE;
}

static gboolean
check_member_ref (ParseContext *ctx,
                  const char   *id,
                  const char   *path,
                  GError      **error)
{
  if (id != NULL && !g_hash_table_contains (ctx->feed->member_index, id))
    return invalid (error, _("%s: no member has the id “%s”"), path, id);

  return TRUE;
}

/* --- event --------------------------------------------------------------- */

static gboolean
parse_event (ParseContext  *ctx,
             JsonNode      *node,
             GError       **error)
{
  g_autoptr(DlgEvent) event = g_object_new (DLG_TYPE_EVENT, NULL);
  JsonObject *object;
  JsonNode *president;
  GDate start, end;

  if (!get_object (node, "event", &object, error) ||
      !read_string (object, "event", "id", TRUE, &event->id, error) ||
      !read_text (ctx, object, "event", "title", TRUE, &event->title, error) ||
      !read_text (ctx, object, "event", "subtitle", FALSE, &event->subtitle, error) ||
      !read_text (ctx, object, "event", "venue", FALSE, &event->venue, error) ||
      !read_text (ctx, object, "event", "address", FALSE, &event->address, error) ||
      !read_text (ctx, object, "event", "city", FALSE, &event->city, error) ||
      !read_text (ctx, object, "event", "organiser", FALSE, &event->organiser, error) ||
      !read_url (object, "event", "url", &event->url, error) ||
      !read_text (ctx, object, "event", "notice", FALSE, &event->notice, error) ||
      !read_string (object, "event", "time_zone", FALSE, &event->time_zone_name, error) ||
      !read_date (object, "event", "start", TRUE, &event->start_date, &start, error) ||
      !read_date (object, "event", "end", FALSE, &event->end_date, &end, error) ||
      !read_string_list (object, "event", "languages", &event->languages, error) ||
      !read_string (object, "event", "host", FALSE, &event->host_member, error))
    return FALSE;

  if (event->end_date == NULL)
    event->end_date = g_strdup (event->start_date);
  else if (g_date_compare (&end, &start) < 0)
    return invalid (error, _("%s: the event ends before it starts"), "event.end");

  if (event->time_zone_name != NULL)
    {
      event->time_zone = g_time_zone_new_identifier (event->time_zone_name);
      if (event->time_zone == NULL)
        return invalid (error, _("%s: unknown time zone “%s”"),
                        "event.time_zone", event->time_zone_name);
    }

  president = lookup (object, "president");
  if (president != NULL)
    {
      JsonObject *president_object;

      if (!get_object (president, "event.president", &president_object, error) ||
          !read_text (ctx, president_object, "event.president", "name", FALSE,
                      &event->president_name, error) ||
          !read_text (ctx, president_object, "event.president", "role", FALSE,
                      &event->president_role, error) ||
          !read_string (president_object, "event.president", "member", FALSE,
                        &event->president_member, error))
        return FALSE;
    }

  ctx->feed->event = g_steal_pointer (&event);
  return TRUE;
}

/* --- members ------------------------------------------------------------- */

static DlgMemberKind
member_kind_from_string (const char *kind)
{
  static const struct { const char *name; DlgMemberKind kind; } kinds[] = {
    { "kota", DLG_MEMBER_KIND_KOTA },
    { "city", DLG_MEMBER_KIND_KOTA },
    { "kabupaten", DLG_MEMBER_KIND_KABUPATEN },
    { "regency", DLG_MEMBER_KIND_KABUPATEN },
    { "provinsi", DLG_MEMBER_KIND_PROVINCE },
    { "province", DLG_MEMBER_KIND_PROVINCE },
    { "organisation", DLG_MEMBER_KIND_ORGANISATION },
    { "organization", DLG_MEMBER_KIND_ORGANISATION },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_ascii_strcasecmp (kind, kinds[i].name) == 0)
        return kinds[i].kind;
    }

  return DLG_MEMBER_KIND_OTHER;
}

static gboolean
parse_person (ParseContext  *ctx,
              JsonNode      *node,
              const char    *path,
              GListModel    *delegates,
              GError       **error)
{
  g_autoptr(DlgPerson) person = g_object_new (DLG_TYPE_PERSON, NULL);
  JsonObject *object;

  if (!get_object (node, path, &object, error) ||
      !read_text (ctx, object, path, "name", TRUE, &person->name, error) ||
      !read_text (ctx, object, path, "role", FALSE, &person->role, error) ||
      !read_string (object, path, "email", FALSE, &person->email, error) ||
      !read_string (object, path, "phone", FALSE, &person->phone, error))
    return FALSE;

  g_list_store_append (G_LIST_STORE (delegates), person);
  return TRUE;
}

static gboolean
parse_coordinates (JsonNode   *node,
                   const char *path,
                   DlgMember  *member,
                   GError    **error)
{
  JsonObject *object;
  JsonNode *lat, *lon;
  g_autofree char *lat_path = path_key (path, "lat");
  g_autofree char *lon_path = path_key (path, "lon");

  if (!get_object (node, path, &object, error) ||
      !require (object, path, "lat", &lat, error) ||
      !require (object, path, "lon", &lon, error))
    return FALSE;

  if (!node_is_number (lat) || ABS (json_node_get_double (lat)) > 90.0)
    return invalid (error, _("%s: expected a latitude between -90 and 90"), lat_path);
  if (!node_is_number (lon) || ABS (json_node_get_double (lon)) > 180.0)
    return invalid (error, _("%s: expected a longitude between -180 and 180"), lon_path);

  member->has_coordinates = TRUE;
  member->latitude = json_node_get_double (lat);
  member->longitude = json_node_get_double (lon);
  return TRUE;
}

static gboolean
parse_member (ParseContext  *ctx,
              JsonNode      *node,
              const char    *path,
              GError       **error)
{
  g_autoptr(DlgMember) member = g_object_new (DLG_TYPE_MEMBER, NULL);
  g_autofree char *kind = NULL;
  g_autofree char *id_path = path_key (path, "id");
  JsonObject *object;
  JsonNode *child;

  if (!get_object (node, path, &object, error) ||
      !read_string (object, path, "id", TRUE, &member->id, error) ||
      !check_unique (ctx->feed->member_index, member->id, id_path, error) ||
      !read_text (ctx, object, path, "name", TRUE, &member->name, error) ||
      !read_string (object, path, "kind", FALSE, &kind, error) ||
      !read_text (ctx, object, path, "province", FALSE, &member->province, error) ||
      !read_text (ctx, object, path, "region", FALSE, &member->region, error) ||
      !read_url (object, path, "website", &member->website, error) ||
      !read_string (object, path, "email", FALSE, &member->email, error) ||
      !read_string (object, path, "phone", FALSE, &member->phone, error) ||
      !read_text (ctx, object, path, "address", FALSE, &member->address, error) ||
      !read_text (ctx, object, path, "smart_city", FALSE, &member->smart_city, error) ||
      !read_text (ctx, object, path, "description", FALSE, &member->description, error))
    return FALSE;

  member->kind = member_kind_from_string (kind);

  if ((child = lookup (object, "joined")) != NULL)
    {
      if (!node_is_integer (child) ||
          json_node_get_int (child) < 1000 || json_node_get_int (child) > 9999)
        {
          g_autofree char *where = path_key (path, "joined");
          return invalid (error, _("%s: expected a year"), where);
        }
      member->joined = json_node_get_int (child);
    }

  if ((child = lookup (object, "head")) != NULL)
    {
      g_autofree char *head_path = path_key (path, "head");
      JsonObject *head;

      if (!get_object (child, head_path, &head, error) ||
          !read_text (ctx, head, head_path, "title", FALSE, &member->head_title, error) ||
          !read_text (ctx, head, head_path, "name", FALSE, &member->head_name, error))
        return FALSE;
    }

  if ((child = lookup (object, "coordinates")) != NULL)
    {
      g_autofree char *coordinates_path = path_key (path, "coordinates");

      if (!parse_coordinates (child, coordinates_path, member, error))
        return FALSE;
    }

  if ((child = lookup (object, "delegates")) != NULL)
    {
      g_autofree char *delegates_path = path_key (path, "delegates");
      JsonArray *array;

      if (!get_array (child, delegates_path, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *person_path = path_index (delegates_path, i);

          if (!parse_person (ctx, json_array_get_element (array, i), person_path,
                             member->delegates, error))
            return FALSE;
        }
    }

  g_hash_table_insert (ctx->feed->member_index, member->id, member);
  g_list_store_append (ctx->feed->members, member);
  return TRUE;
}

static gboolean
parse_members (ParseContext  *ctx,
               JsonNode      *node,
               GError       **error)
{
  JsonArray *array;

  if (!get_array (node, "members", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = path_index ("members", i);

      if (!parse_member (ctx, json_array_get_element (array, i), path, error))
        return FALSE;
    }

  return TRUE;
}

/* --- agenda (frab/pretalx schedule.json) --------------------------------- */

static char *
derive_key (const char *date,
            const char *room,
            const char *title)
{
  g_autofree char *seed = g_strjoin ("\x1f", date ? date : "", room ? room : "",
                                     title ? title : "", NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* Stable while the date, room and title stay the same. */
  return g_strdup_printf ("derived-%.16s", sum);
}

static gboolean
parse_persons (JsonObject   *object,
               const char   *path,
               char       ***out,
               GError      **error)
{
  JsonNode *node = lookup (object, "persons");
  g_autofree char *where = path_key (path, "persons");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL)
    {
      if (!get_array (node, where, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *person_path = path_index (where, i);
          g_autofree char *name = NULL;

          if (node_is_string (element))
            name = strip_or_null (json_node_get_string (element));
          else if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *person = json_node_get_object (element);

              if (!read_string (person, person_path, "public_name", FALSE, &name, error))
                return FALSE;
              if (name == NULL &&
                  !read_string (person, person_path, "name", FALSE, &name, error))
                return FALSE;
            }
          else
            return invalid (error, _("%s: expected a person"), person_path);

          if (name == NULL)
            return invalid (error, _("%s: a person needs a “public_name” or a “name”"),
                            person_path);

          g_strv_builder_add (builder, name);
        }
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_session (ParseContext  *ctx,
               JsonNode      *node,
               const char    *path,
               DlgDay        *day,
               const char    *room,
               GPtrArray     *sessions,
               GError       **error)
{
  g_autoptr(DlgSession) session = g_object_new (DLG_TYPE_SESSION, NULL);
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *duration = NULL;
  g_autoptr(GDateTime) instant = NULL;
  JsonObject *object;

  if (!get_object (node, path, &object, error) ||
      !read_text (ctx, object, path, "title", TRUE, &session->title, error) ||
      !read_text (ctx, object, path, "subtitle", FALSE, &session->subtitle, error) ||
      !read_text (ctx, object, path, "abstract", FALSE, &session->abstract, error) ||
      !read_text (ctx, object, path, "description", FALSE, &session->description, error) ||
      !read_string (object, path, "room", FALSE, &session->room, error) ||
      !read_text (ctx, object, path, "track", FALSE, &session->track, error) ||
      !read_text (ctx, object, path, "type", FALSE, &session->kind, error) ||
      !read_string (object, path, "language", FALSE, &session->language, error) ||
      !read_url (object, path, "url", &session->url, error) ||
      !parse_persons (object, path, &session->persons, error) ||
      !read_links (object, path, session->links, error) ||
      !read_boolean (object, path, "time_tba", &session->time_tba, error) ||
      !read_string_list (object, path, "members", &session->members, error) ||
      !read_string (object, path, "date", FALSE, &date, error) ||
      !read_string (object, path, "start", FALSE, &start, error) ||
      !read_string (object, path, "duration", FALSE, &duration, error))
    return FALSE;

  if (session->room == NULL)
    session->room = strip_or_null (room);

  for (guint i = 0; session->members[i] != NULL; i++)
    {
      g_autofree char *members_path = path_key (path, "members");
      g_autofree char *member_path = path_index (members_path, i);

      if (!check_member_ref (ctx, session->members[i], member_path, error))
        return FALSE;
    }

  /* The ISO 8601 date with its offset is the truth for the instant; the
   * day's date and "start" only serve when it is missing. */
  if (date != NULL)
    {
      instant = g_date_time_new_from_iso8601 (date, ctx->zone);
      if (instant == NULL)
        {
          g_autofree char *where = path_key (path, "date");
          return invalid (error, _("%s: expected an ISO 8601 date and time"), where);
        }
    }
  else
    {
      GDate day_date;
      guint hour, minute;

      if (start == NULL)
        {
          g_autofree char *where = path_key (path, "date");
          return invalid (error, _("%s: required, but missing"), where);
        }
      if (!parse_clock (start, &hour, &minute))
        {
          g_autofree char *where = path_key (path, "start");
          return invalid (error, _("%s: expected a time such as “09:30”"), where);
        }

      parse_date (day->date, &day_date);
      instant = g_date_time_new (ctx->zone,
                                 g_date_get_year (&day_date),
                                 g_date_get_month (&day_date),
                                 g_date_get_day (&day_date),
                                 hour, minute, 0);
    }

  if (duration != NULL && !parse_duration (duration, &session->duration))
    {
      g_autofree char *where = path_key (path, "duration");
      return invalid (error, _("%s: expected a duration such as “1:30”"), where);
    }

  session->start = g_date_time_to_timezone (instant, ctx->zone);
  session->end = g_date_time_add_minutes (session->start, session->duration);
  session->day = day->index;

  if (!read_string (object, path, "guid", FALSE, &session->key, error))
    return FALSE;

  if (session->key != NULL)
    {
      g_autofree char *where = path_key (path, "guid");

      if (g_hash_table_contains (ctx->feed->session_index, session->key))
        return invalid (error, _("%s: the guid “%s” is used twice"), where, session->key);
    }
  else
    {
      g_autofree char *base = derive_key (date ? date : start, session->room, session->title);

      session->key = g_strdup (base);
      for (guint n = 2; g_hash_table_contains (ctx->feed->session_index, session->key); n++)
        {
          g_free (session->key);
          session->key = g_strdup_printf ("%s-%u", base, n);
        }
    }

  day->n_sessions++;
  g_hash_table_insert (ctx->feed->session_index, session->key, session);
  g_ptr_array_add (sessions, g_steal_pointer (&session));
  return TRUE;
}

static gboolean
parse_day (ParseContext  *ctx,
           JsonNode      *node,
           const char    *path,
           guint          position,
           GPtrArray     *sessions,
           GError       **error)
{
  g_autoptr(DlgDay) day = g_object_new (DLG_TYPE_DAY, NULL);
  g_autofree char *rooms_path = path_key (path, "rooms");
  JsonObject *object;
  JsonNode *child;
  GDate date;

  if (!get_object (node, path, &object, error) ||
      !read_date (object, path, "date", TRUE, &day->date, &date, error))
    return FALSE;

  day->index = position + 1;
  if ((child = lookup (object, "index")) != NULL)
    {
      if (!node_is_integer (child) || json_node_get_int (child) < 0 ||
          json_node_get_int (child) > G_MAXINT)
        {
          g_autofree char *where = path_key (path, "index");
          return invalid (error, _("%s: expected a day number"), where);
        }
      day->index = json_node_get_int (child);
    }

  if ((child = lookup (object, "rooms")) != NULL)
    {
      JsonObject *rooms;
      JsonObjectIter iter;
      const char *room;
      JsonNode *room_node;

      if (!get_object (child, rooms_path, &rooms, error))
        return FALSE;

      json_object_iter_init (&iter, rooms);
      while (json_object_iter_next (&iter, &room, &room_node))
        {
          g_autofree char *room_path = path_name (rooms_path, room);
          JsonArray *array;

          if (JSON_NODE_HOLDS_NULL (room_node))
            continue;
          if (!get_array (room_node, room_path, &array, error))
            return FALSE;

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *session_path = path_index (room_path, i);

              if (!parse_session (ctx, json_array_get_element (array, i), session_path,
                                  day, room, sessions, error))
                return FALSE;
            }
        }
    }

  g_list_store_append (ctx->feed->days, day);
  return TRUE;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  DlgSession *session_a = *(DlgSession **) a;
  DlgSession *session_b = *(DlgSession **) b;
  int order = g_date_time_compare (session_a->start, session_b->start);

  if (order == 0)
    order = g_strcmp0 (session_a->room, session_b->room);

  return order;
}

/* Reads the agenda once the conference is found: the event's zone may
 * come from the conference, so parse_event leaves it to us. */
static gboolean
parse_agenda (ParseContext  *ctx,
              JsonNode      *node,
              GError       **error)
{
  const char *conference_path = "agenda.schedule.conference";
  g_autofree char *days_path = path_key (conference_path, "days");
  g_autofree char *zone_name = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object, *schedule, *conference;
  JsonNode *child;
  JsonArray *days;

  if (!get_object (node, "agenda", &object, error) ||
      !require (object, "agenda", "schedule", &child, error) ||
      !get_object (child, "agenda.schedule", &schedule, error) ||
      !require (schedule, "agenda.schedule", "conference", &child, error) ||
      !get_object (child, conference_path, &conference, error) ||
      !read_string (conference, conference_path, "time_zone_name", FALSE, &zone_name, error))
    return FALSE;

  if (ctx->feed->event->time_zone == NULL && zone_name != NULL)
    {
      DlgEvent *event = ctx->feed->event;

      event->time_zone = g_time_zone_new_identifier (zone_name);
      if (event->time_zone == NULL)
        {
          g_autofree char *where = path_key (conference_path, "time_zone_name");
          return invalid (error, _("%s: unknown time zone “%s”"), where, zone_name);
        }
      event->time_zone_name = g_steal_pointer (&zone_name);
    }

  if (ctx->feed->event->time_zone == NULL)
    return invalid (error, _("%s: required, but missing"), "event.time_zone");
  ctx->zone = ctx->feed->event->time_zone;

  if ((child = lookup (conference, "days")) == NULL)
    return TRUE;

  if (!get_array (child, days_path, &days, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      g_autofree char *day_path = path_index (days_path, i);

      if (!parse_day (ctx, json_array_get_element (days, i), day_path, i, sessions, error))
        return FALSE;
    }

  g_ptr_array_sort (sessions, compare_sessions);
  g_list_store_splice (ctx->feed->sessions, 0, 0, sessions->pdata, sessions->len);
  return TRUE;
}

/* --- best practices ------------------------------------------------------ */

static gboolean
parse_practice (ParseContext  *ctx,
                JsonNode      *node,
                const char    *path,
                GError       **error)
{
  g_autoptr(DlgPractice) practice = g_object_new (DLG_TYPE_PRACTICE, NULL);
  g_autofree char *id_path = path_key (path, "id");
  g_autofree char *member_path = path_key (path, "member");
  g_autofree char *session_path = path_key (path, "session");
  JsonObject *object;

  if (!get_object (node, path, &object, error) ||
      !read_string (object, path, "id", TRUE, &practice->id, error) ||
      !check_unique (ctx->feed->practice_index, practice->id, id_path, error) ||
      !read_text (ctx, object, path, "title", TRUE, &practice->title, error) ||
      !read_string (object, path, "member", FALSE, &practice->member, error) ||
      !check_member_ref (ctx, practice->member, member_path, error) ||
      !read_string (object, path, "session", FALSE, &practice->session, error) ||
      !read_text (ctx, object, path, "summary", FALSE, &practice->summary, error) ||
      !read_text (ctx, object, path, "body", FALSE, &practice->body, error) ||
      !read_string_list (object, path, "tags", &practice->tags, error) ||
      !read_links (object, path, practice->links, error))
    return FALSE;

  if (practice->session != NULL &&
      !g_hash_table_contains (ctx->feed->session_index, practice->session))
    return invalid (error, _("%s: no session has the key “%s”"),
                    session_path, practice->session);

  g_hash_table_insert (ctx->feed->practice_index, practice->id, practice);
  g_list_store_append (ctx->feed->practices, practice);
  return TRUE;
}

static gboolean
parse_practices (ParseContext  *ctx,
                 JsonNode      *node,
                 GError       **error)
{
  JsonArray *array;

  if (!get_array (node, "best_practices", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = path_index ("best_practices", i);

      if (!parse_practice (ctx, json_array_get_element (array, i), path, error))
        return FALSE;
    }

  return TRUE;
}

/* --- document ------------------------------------------------------------ */

/* @what: NULL for the feed itself, else the section name. */
static JsonParser *
load_json (GBytes      *bytes,
           const char  *what,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *prefix = what != NULL ? what : _("the feed");

  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, data, size, &local_error))
    {
      guint line = 0, column = 0;
      const char *reason = local_error != NULL ? local_error->message : "";
      const char *rest;

      /* json-glib says "<data>:3:7: Parse error: unexpected ..." */
      if (sscanf (reason, "<data>:%u:%u:", &line, &column) == 2 &&
          (rest = strstr (reason, ": ")) != NULL &&
          (rest = strstr (rest + 2, ": ")) != NULL)
        {
          g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                       _("%s: not valid JSON at line %u, column %u: %s"),
                       prefix, line, column, rest + 2);
        }
      else
        {
          g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                       _("%s: not valid JSON: %s"), prefix, reason);
        }
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                   _("%s: not valid JSON: the document is empty"), prefix);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

typedef gboolean (*SectionParser) (ParseContext  *ctx,
                                   JsonNode      *node,
                                   GError       **error);

/* A section is inline, or a string: the URL it is published at. */
static gboolean
parse_section (ParseContext  *ctx,
               JsonObject    *root,
               const char    *name,
               SectionParser  parse,
               GError       **error)
{
  JsonNode *node = lookup (root, name);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (node == NULL)
    return TRUE;

  if (!node_is_string (node))
    return parse (ctx, node, error);

  if (ctx->loader == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: published separately at “%s”, which was not loaded"),
                   name, json_node_get_string (node));
      return FALSE;
    }

  bytes = ctx->loader (name, json_node_get_string (node), ctx->loader_data,
                       ctx->cancellable, error);
  if (bytes == NULL)
    return FALSE;

  parser = load_json (bytes, name, error);
  if (parser == NULL)
    return FALSE;

  return parse (ctx, json_parser_get_root (parser), error);
}

static gboolean
parse_no_agenda (ParseContext  *ctx,
                 GError       **error)
{
  DlgEvent *event = ctx->feed->event;

  if (event->time_zone == NULL)
    return invalid (error, _("%s: required, but missing"), "event.time_zone");

  ctx->zone = event->time_zone;
  return TRUE;
}

DlgFeed *
dlg_feed_parse (GBytes               *bytes,
                const char * const   *languages,
                DlgFeedSectionLoader  loader,
                gpointer              loader_data,
                GCancellable         *cancellable,
                GError              **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) preferences = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  ParseContext ctx = { 0 };
  JsonObject *root;
  JsonNode *version;
  DlgEvent *event;

  g_return_val_if_fail (bytes != NULL, NULL);

  parser = load_json (bytes, NULL, error);
  if (parser == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("The feed is not a JSON object with a “delegate_feed” version"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  version = lookup (root, "delegate_feed");
  if (version == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: missing: this is not a Delegate feed"), "delegate_feed");
      return NULL;
    }
  if (!node_is_integer (version) || json_node_get_int (version) < 1)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: expected a version number"), "delegate_feed");
      return NULL;
    }
  if (json_node_get_int (version) > FEED_VERSION)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_UNSUPPORTED,
                   _("%s: version %" G_GINT64_FORMAT " is newer than this app reads (%d)"),
                   "delegate_feed", json_node_get_int (version), FEED_VERSION);
      return NULL;
    }

  feed = g_object_new (DLG_TYPE_FEED, NULL);
  preferences = normalise_languages (languages);
  ctx.languages = preferences;
  ctx.loader = loader;
  ctx.loader_data = loader_data;
  ctx.cancellable = cancellable;
  ctx.feed = feed;

  {
    JsonNode *event_node;

    if (!require (root, NULL, "event", &event_node, error) ||
        !parse_event (&ctx, event_node, error))
      return NULL;
  }

  if (!parse_section (&ctx, root, "members", parse_members, error))
    return NULL;

  if (lookup (root, "agenda") == NULL)
    {
      if (!parse_no_agenda (&ctx, error))
        return NULL;
    }
  else if (!parse_section (&ctx, root, "agenda", parse_agenda, error))
    return NULL;

  if (!parse_section (&ctx, root, "best_practices", parse_practices, error))
    return NULL;

  event = feed->event;
  if (!check_member_ref (&ctx, event->host_member, "event.host", error) ||
      !check_member_ref (&ctx, event->president_member, "event.president.member", error))
    return NULL;

  return g_steal_pointer (&feed);
}
