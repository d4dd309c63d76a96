/* dlg-feed-parse-events.c: the sessions of a schedule listed beside its days
 *
 * The newer form of the schedule.json that the C3 hub publishes (c3voc's "schema2"): the
 * days give only their date, start and end, and "schedule.events" lists every session with
 * its "start" and "end" instants, its room as an object ({"name", "guid"}), its track as
 * {"slug"} (named in "conference.tracks") and its speakers as "participants".  Each is
 * read as a frab session, written the way frab writes one, under the day it falls in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"

static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node = object != NULL ? dlg_json_lookup (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = dlg_json_lookup (object, key);

  return node != NULL && dlg_json_node_is_string (node) ? json_node_get_string (node) : NULL;
}

/* The "name" of the element of @list (the conference's rooms or tracks) that @reference
 * ({"guid": …} or {"slug": …}) points to, or NULL. */
static JsonNode *
name_in (JsonArray  *list,
         JsonObject *reference)
{
  static const char * const keys[] = { "guid", "slug" };

  for (guint k = 0; list != NULL && k < G_N_ELEMENTS (keys); k++)
    {
      const char *wanted = string_member (reference, keys[k]);

      for (guint i = 0; wanted != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *element = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              g_strcmp0 (string_member (json_node_get_object (element), keys[k]), wanted) == 0)
            return dlg_json_lookup (json_node_get_object (element), "name");
        }
    }

  return NULL;
}

/* An instant of the day @object ("start", or frab's "day_start"), or NULL. */
static GDateTime *
day_instant (DlgFeedParseContext *ctx,
             JsonObject          *object,
             const char          *key,
             const char          *frab_key)
{
  const char *text = string_member (object, key);

  if (text == NULL)
    text = string_member (object, frab_key);
  return text != NULL ? dlg_json_parse_instant (text, ctx->zone, NULL) : NULL;
}

static int
compare_days (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_strcmp0 (((DlgDay *) a)->date, ((DlgDay *) b)->date);
}

/* The day @start falls in: the one whose start and end hold it, else the one of its date
 * (a session before the day change is the night before's), else a day of its own. */
static DlgDay *
find_day (DlgFeedParseContext *ctx,
          JsonArray           *days,
          GDateTime           *start)
{
  GListModel *model = G_LIST_MODEL (ctx->feed->days);
  guint n_days = g_list_model_get_n_items (model);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(DlgDay) day = NULL;
  g_autofree char *date = NULL;
  guint last_index = 0;

  /* Each day of @days was read into the model, in order. */
  for (guint i = 0; days != NULL && i < json_array_get_length (days) && i < n_days; i++)
    {
      JsonNode *node = json_array_get_element (days, i);
      g_autoptr(GDateTime) day_start = NULL;
      g_autoptr(GDateTime) day_end = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      day_start = day_instant (ctx, json_node_get_object (node), "start", "day_start");
      day_end = day_instant (ctx, json_node_get_object (node), "end", "day_end");
      if (day_start != NULL && day_end != NULL &&
          g_date_time_compare (day_start, start) <= 0 && g_date_time_compare (start, day_end) < 0)
        {
          g_autoptr(DlgDay) found = g_list_model_get_item (model, i);

          return found; /* the model holds it */
        }
    }

  local = g_date_time_to_timezone (start, ctx->zone);
  if ((guint) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local)) <
      ctx->day_change)
    {
      GDateTime *before = g_date_time_add_days (local, -1);

      if (before != NULL)
        {
          g_date_time_unref (local);
          local = before;
        }
    }
  date = g_date_time_format (local, "%Y-%m-%d");

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(DlgDay) other = g_list_model_get_item (model, i);

      if (g_strcmp0 (other->date, date) == 0)
        return other; /* the model holds it */
      last_index = MAX (last_index, other->index);
    }

  day = g_object_new (DLG_TYPE_DAY, NULL);
  day->date = g_steal_pointer (&date);
  day->index = last_index + 1;
  g_list_store_insert_sorted (ctx->feed->days, day, compare_days, NULL);
  return day; /* the model holds it */
}

/* An instant of @event, its text into *@text; FALSE with the place named when it is there
 * but no instant, or missing and @required. */
static gboolean
read_instant (DlgFeedParseContext  *ctx,
              JsonObject           *event,
              const char           *path,
              const char           *key,
              gboolean              required,
              char                **text,
              GDateTime           **out,
              GError              **error)
{
  g_autofree char *where = dlg_json_path_key (path, key);

  if (!dlg_json_read_string (event, path, key, required, text, error))
    return FALSE;
  if (*text != NULL && (*out = dlg_json_parse_instant (*text, ctx->zone, NULL)) == NULL)
    return dlg_json_invalid (error, _("%s: expected an ISO 8601 date and time"), where);
  return TRUE;
}

static gboolean
parse_event (DlgFeedParseContext  *ctx,
             JsonNode             *node,
             const char           *path,
             JsonObject           *conference,
             JsonArray            *days,
             GPtrArray            *sessions,
             GError              **error)
{
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *room = NULL;
  JsonObject *event, *session;
  JsonNode *member;

  if (!dlg_json_get_object (node, path, &event, error) ||
      !read_instant (ctx, event, path, "start", TRUE, &start_text, &start, error) ||
      !read_instant (ctx, event, path, "end", FALSE, &end_text, &end, error))
    return FALSE;

  /* Written as frab writes a session, and read as one. */
  copy = json_node_copy (node);
  session = json_node_get_object (copy);
  json_object_remove_member (session, "start");
  json_object_remove_member (session, "end");
  json_object_set_string_member (session, "date", start_text);
  if (end != NULL)
    {
      GTimeSpan length = g_date_time_difference (end, start);
      g_autofree char *duration = NULL;

      if (length < 0)
        {
          g_autofree char *where = dlg_json_path_key (path, "end");
          return dlg_json_invalid (error, _("%s: the session ends before it starts"), where);
        }
      length /= G_TIME_SPAN_MINUTE;
      duration = g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", length / 60, (int) (length % 60));
      json_object_set_string_member (session, "duration", duration);
    }

  /* The room: its name, or the conference's room its guid or slug names. */
  member = dlg_json_lookup (session, "room");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *reference = json_node_get_object (member);
      JsonNode *name = dlg_json_lookup (reference, "name");

      if (name == NULL || !dlg_json_node_is_string (name))
        name = name_in (array_member (conference, "rooms"), reference);
      /* A copy: setting "room" below frees the object @name is in. */
      if (name != NULL && dlg_json_node_is_string (name))
        room = g_strdup (json_node_get_string (name));
      if (room != NULL)
        json_object_set_string_member (session, "room", room);
      else
        json_object_remove_member (session, "room");
    }
  else if (member != NULL && dlg_json_node_is_string (member))
    room = g_strdup (json_node_get_string (member));

  /* The track: {"slug"} names one of the conference's tracks. */
  member = dlg_json_lookup (session, "track");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member) &&
      dlg_json_lookup (json_node_get_object (member), "name") == NULL)
    {
      JsonNode *name = name_in (array_member (conference, "tracks"), json_node_get_object (member));

      if (name != NULL)
        json_object_set_member (session, "track", json_node_copy (name));
      else
        json_object_remove_member (session, "track");
    }

  /* The speakers, and whoever else takes part, by name. */
  member = dlg_json_lookup (session, "participants");
  if (member != NULL && dlg_json_lookup (session, "persons") == NULL)
    json_object_set_member (session, "persons", json_node_copy (member));

  return dlg_feed_parse_session (ctx, copy, path, find_day (ctx, days, start), room, sessions,
                                 error);
}

gboolean
dlg_feed_parse_events (DlgFeedParseContext  *ctx,
                       JsonObject           *schedule,
                       JsonObject           *conference,
                       JsonArray            *days,
                       GPtrArray            *sessions,
                       GError              **error)
{
  JsonNode *node = dlg_json_lookup (schedule, "events");
  JsonArray *events;

  if (node == NULL)
    return TRUE;
  if (!dlg_json_get_array (node, "schedule.events", &events, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *path = dlg_json_path_index ("schedule.events", i);

      if (!parse_event (ctx, json_array_get_element (events, i), path, conference, days,
                        sessions, error))
        return FALSE;
    }

  return TRUE;
}

void
dlg_feed_collect_event_dates (JsonObject *schedule,
                              GPtrArray  *dates)
{
  JsonArray *events = array_member (schedule, "events");

  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *event = json_array_get_element (events, i);
      const char *start;

      if (JSON_NODE_HOLDS_OBJECT (event) &&
          (start = string_member (json_node_get_object (event), "start")) != NULL)
        g_ptr_array_add (dates, (gpointer) start);
    }
}
