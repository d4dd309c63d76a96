/* dlg-feed-parse-agenda.c: the agenda section, a frab/pretalx schedule.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"

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
  JsonNode *node = dlg_json_lookup (object, "persons");
  g_autofree char *where = dlg_json_path_key (path, "persons");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL)
    {
      if (!dlg_json_get_array (node, where, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *person_path = dlg_json_path_index (where, i);
          g_autofree char *name = NULL;

          if (dlg_json_node_is_string (element))
            name = dlg_json_strip_or_null (json_node_get_string (element));
          else if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *person = json_node_get_object (element);

              if (!dlg_json_read_string (person, person_path, "public_name", FALSE, &name, error))
                return FALSE;
              if (name == NULL &&
                  !dlg_json_read_string (person, person_path, "name", FALSE, &name, error))
                return FALSE;
            }
          else
            return dlg_json_invalid (error, _("%s: expected a person"), person_path);

          if (name == NULL)
            return dlg_json_invalid (error,
                                     _("%s: a person needs a “public_name” or a “name”"),
                                     person_path);

          g_strv_builder_add (builder, name);
        }
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_session (DlgFeedParseContext  *ctx,
               JsonNode             *node,
               const char           *path,
               DlgDay               *day,
               const char           *room,
               GPtrArray            *sessions,
               GError              **error)
{
  g_autoptr(DlgSession) session = g_object_new (DLG_TYPE_SESSION, NULL);
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *duration = NULL;
  g_autoptr(GDateTime) instant = NULL;
  JsonObject *object;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "title", TRUE, &session->title, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "subtitle", FALSE, &session->subtitle,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, path, "abstract", FALSE, &session->abstract,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, path, "description", FALSE,
                           &session->description, error) ||
      !dlg_json_read_string (object, path, "room", FALSE, &session->room, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "track", FALSE, &session->track, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "type", FALSE, &session->kind, error) ||
      !dlg_json_read_string (object, path, "language", FALSE, &session->language, error) ||
      !dlg_json_read_url (object, path, "url", &session->url, error) ||
      !parse_persons (object, path, &session->persons, error) ||
      !dlg_json_read_links (object, path, session->links, error) ||
      !dlg_json_read_boolean (object, path, "time_tba", &session->time_tba, error) ||
      !dlg_json_read_string_list (object, path, "members", &session->members, error) ||
      !dlg_json_read_string (object, path, "date", FALSE, &date, error) ||
      !dlg_json_read_string (object, path, "start", FALSE, &start, error) ||
      !dlg_json_read_string (object, path, "duration", FALSE, &duration, error))
    return FALSE;

  if (session->room == NULL)
    session->room = dlg_json_strip_or_null (room);

  for (guint i = 0; session->members[i] != NULL; i++)
    {
      g_autofree char *members_path = dlg_json_path_key (path, "members");
      g_autofree char *member_path = dlg_json_path_index (members_path, i);

      if (!dlg_feed_parse_check_member (ctx, session->members[i], member_path, error))
        return FALSE;
    }

  /* The ISO 8601 date with its offset is the truth for the instant; the
   * day's date and "start" only serve when it is missing. */
  if (date != NULL)
    {
      instant = g_date_time_new_from_iso8601 (date, ctx->zone);
      if (instant == NULL)
        {
          g_autofree char *where = dlg_json_path_key (path, "date");
          return dlg_json_invalid (error, _("%s: expected an ISO 8601 date and time"), where);
        }
    }
  else
    {
      GDate day_date;
      guint hour, minute;

      if (start == NULL)
        {
          g_autofree char *where = dlg_json_path_key (path, "date");
          return dlg_json_invalid (error, _("%s: required, but missing"), where);
        }
      if (!dlg_json_parse_clock (start, &hour, &minute))
        {
          g_autofree char *where = dlg_json_path_key (path, "start");
          return dlg_json_invalid (error, _("%s: expected a time such as “09:30”"), where);
        }

      dlg_json_parse_date (day->date, &day_date);
      instant = g_date_time_new (ctx->zone,
                                 g_date_get_year (&day_date),
                                 g_date_get_month (&day_date),
                                 g_date_get_day (&day_date),
                                 hour, minute, 0);
    }

  if (duration != NULL && !dlg_json_parse_duration (duration, &session->duration))
    {
      g_autofree char *where = dlg_json_path_key (path, "duration");
      return dlg_json_invalid (error, _("%s: expected a duration such as “1:30”"), where);
    }

  session->start = g_date_time_to_timezone (instant, ctx->zone);
  session->end = g_date_time_add_minutes (session->start, session->duration);
  session->day = day->index;

  if (!dlg_json_read_string (object, path, "guid", FALSE, &session->key, error))
    return FALSE;

  if (session->key != NULL)
    {
      g_autofree char *where = dlg_json_path_key (path, "guid");

      if (g_hash_table_contains (ctx->feed->session_index, session->key))
        return dlg_json_invalid (error, _("%s: the guid “%s” is used twice"),
                                 where, session->key);
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
parse_day (DlgFeedParseContext  *ctx,
           JsonNode             *node,
           const char           *path,
           guint                 position,
           GPtrArray            *sessions,
           GError              **error)
{
  g_autoptr(DlgDay) day = g_object_new (DLG_TYPE_DAY, NULL);
  g_autofree char *rooms_path = dlg_json_path_key (path, "rooms");
  JsonObject *object;
  JsonNode *child;
  GDate date;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_date (object, path, "date", TRUE, &day->date, &date, error))
    return FALSE;

  day->index = position + 1;
  if ((child = dlg_json_lookup (object, "index")) != NULL)
    {
      if (!dlg_json_node_is_integer (child) || json_node_get_int (child) < 0 ||
          json_node_get_int (child) > G_MAXINT)
        {
          g_autofree char *where = dlg_json_path_key (path, "index");
          return dlg_json_invalid (error, _("%s: expected a day number"), where);
        }
      day->index = json_node_get_int (child);
    }

  if ((child = dlg_json_lookup (object, "rooms")) != NULL)
    {
      JsonObject *rooms;
      JsonObjectIter iter;
      const char *room;
      JsonNode *room_node;

      if (!dlg_json_get_object (child, rooms_path, &rooms, error))
        return FALSE;

      json_object_iter_init (&iter, rooms);
      while (json_object_iter_next (&iter, &room, &room_node))
        {
          g_autofree char *room_path = dlg_json_path_name (rooms_path, room);
          JsonArray *array;

          if (JSON_NODE_HOLDS_NULL (room_node))
            continue;
          if (!dlg_json_get_array (room_node, room_path, &array, error))
            return FALSE;

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *session_path = dlg_json_path_index (room_path, i);

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
gboolean
dlg_feed_parse_agenda (DlgFeedParseContext  *ctx,
                       JsonNode             *node,
                       GError              **error)
{
  const char *conference_path = "agenda.schedule.conference";
  g_autofree char *days_path = dlg_json_path_key (conference_path, "days");
  g_autofree char *zone_name = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object, *schedule, *conference;
  JsonNode *child;
  JsonArray *days;

  if (!dlg_json_get_object (node, "agenda", &object, error) ||
      !dlg_json_require (object, "agenda", "schedule", &child, error) ||
      !dlg_json_get_object (child, "agenda.schedule", &schedule, error) ||
      !dlg_json_require (schedule, "agenda.schedule", "conference", &child, error) ||
      !dlg_json_get_object (child, conference_path, &conference, error) ||
      !dlg_json_read_string (conference, conference_path, "time_zone_name", FALSE, &zone_name,
                             error))
    return FALSE;

  if (ctx->feed->event->time_zone == NULL && zone_name != NULL)
    {
      DlgEvent *event = ctx->feed->event;

      event->time_zone = g_time_zone_new_identifier (zone_name);
      if (event->time_zone == NULL)
        {
          g_autofree char *where = dlg_json_path_key (conference_path, "time_zone_name");
          return dlg_json_invalid (error, _("%s: unknown time zone “%s”"), where, zone_name);
        }
      event->time_zone_name = g_steal_pointer (&zone_name);
    }

  if (ctx->feed->event->time_zone == NULL)
    return dlg_json_invalid (error, _("%s: required, but missing"), "event.time_zone");
  ctx->zone = ctx->feed->event->time_zone;

  if ((child = dlg_json_lookup (conference, "days")) == NULL)
    return TRUE;

  if (!dlg_json_get_array (child, days_path, &days, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      g_autofree char *day_path = dlg_json_path_index (days_path, i);

      if (!parse_day (ctx, json_array_get_element (days, i), day_path, i, sessions, error))
        return FALSE;
    }

  g_ptr_array_sort (sessions, compare_sessions);
  g_list_store_splice (ctx->feed->sessions, 0, 0, sessions->pdata, sessions->len);
  return TRUE;
}

/* --- best practices ------------------------------------------------------ */
