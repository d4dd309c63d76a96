/* dlg-feed-parse-agenda.c: the agenda section, a frab/pretalx schedule.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"
#include "dlg-text.h"

static char *
derive_key (const char *date,
            const char *room,
            const char *title)
{
  g_autofree char *seed = g_strjoin ("\x1f", date ? date : "", room ? room : "",
                                     title ? title : "", NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* Stable while the date (and time), room and title stay the same. */
  return g_strdup_printf ("derived-%.16s", sum);
}

/* @read, the result of reading @field, which Delegate only shows: in a bare export, one it
 * cannot read (a number for a subtitle, a link that is a string) is left out, and the
 * programme loads without it; its own format is held to its schema. */
static gboolean
shown_only (DlgFeedParseContext  *ctx,
            const char           *field,
            gboolean              read,
            GError              **error)
{
  g_autofree char *kind = NULL;

  if (read || !ctx->wild)
    return read;
  if (error != NULL && *error != NULL)
    {
      kind = g_strconcat ("shown ", field, NULL);
      /* Translators: what the schedule gets wrong ("…subtitle: expected a string") */
      dlg_feed_note (ctx->notes, kind, _("%s: Delegate leaves it out, and shows the session "
                                         "without it"), (*error)->message);
      g_clear_error (error);
    }
  return TRUE;
}

static gboolean
parse_persons (DlgFeedParseContext  *ctx,
               JsonObject   *object,
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

              if (!shown_only (ctx, "persons", dlg_json_read_string (person, person_path,
                                                                     "public_name", FALSE,
                                                                     &name, error), error))
                return FALSE;
              if (name == NULL &&
                  !shown_only (ctx, "persons", dlg_json_read_string (person, person_path, "name",
                                                                     FALSE, &name, error),
                               error))
                return FALSE;
            }
          else if (ctx->wild)
            {
              dlg_feed_note (ctx->notes, "person",
                             _("%s: a person that is neither a name nor an object with one: "
                               "Delegate leaves it out"), person_path);
              continue;
            }
          else
            return dlg_json_invalid (error, _("%s: expected a person"), person_path);

          if (name == NULL && ctx->wild)
            {
              dlg_feed_note (ctx->notes, "nameless",
                             _("%s: a person without a “public_name” or a “name”: Delegate "
                               "leaves them out"), person_path);
              continue;
            }
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

gboolean
dlg_feed_add_attachment (DlgSession *session,
                         const char *base_url,
                         const char *url,
                         const char *title)
{
  g_autofree char *stripped = dlg_json_strip_or_null (url);
  g_autofree char *resolved = NULL;
  g_autoptr(DlgLink) link = NULL;

  if (stripped == NULL)
    return FALSE;
  if (base_url != NULL && g_uri_peek_scheme (stripped) == NULL)
    resolved = g_uri_resolve_relative (base_url, stripped, G_URI_FLAGS_PARSE_RELAXED, NULL);

  link = g_object_new (DLG_TYPE_LINK, NULL);
  link->url = dlg_json_safe_url (resolved != NULL ? resolved : stripped);
  if (link->url == NULL)
    return FALSE;
  link->title = dlg_json_strip_or_null (title);
  g_list_store_append (G_LIST_STORE (session->links), link);
  return TRUE;
}

/* The files attached to a session (pretalx's uploaded slides, frab's attachments), after
 * its links.  Delegate shows them as links; one it cannot use is left out, as the fields
 * it does not read are, rather than refuse the schedule over it. */
static void
read_attachments (DlgFeedParseContext *ctx,
                  JsonObject          *object,
                  const char          *path,
                  DlgSession          *session)
{
  JsonNode *node = dlg_json_lookup (object, "attachments");
  g_autofree char *where = dlg_json_path_key (path, "attachments");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *attachment;
      JsonNode *url = NULL, *title = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          attachment = json_node_get_object (element);
          url = dlg_json_lookup (attachment, "url");
          title = dlg_json_lookup (attachment, "title");
        }
      if (url == NULL || !dlg_json_node_is_string (url) ||
          !dlg_feed_add_attachment (session, ctx->base_url, json_node_get_string (url),
                                    title != NULL && dlg_json_node_is_string (title)
                                    ? json_node_get_string (title) : NULL))
        {
          g_autofree char *place = dlg_json_path_index (where, i);

          dlg_feed_note (ctx->notes, "attachment",
                         _("%s: no http or https address Delegate can link to (a “url”, or a "
                           "path on the site and a “base_url”): the file is not shown"), place);
        }
    }
}

/* A text that may also be given as an object with its "name", as frab lists its tracks
 * ({"name": "Culture", "slug": "culture", "color": "#ff0000"}): the name, in the
 * delegate's language when it is given in languages. */
static gboolean
read_named_text (DlgFeedParseContext  *ctx,
                 JsonObject           *object,
                 const char           *path,
                 const char           *key,
                 char                **out,
                 GError              **error)
{
  JsonNode *node = dlg_json_lookup (object, key);
  JsonNode *name;
  g_autofree char *where = NULL;
  g_autofree char *value = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (name = dlg_json_lookup (json_node_get_object (node), "name")) == NULL)
    return dlg_json_read_text (ctx->languages, object, path, key, FALSE, out, error);

  where = dlg_json_path_key (path, key);
  if (!dlg_json_read_text (ctx->languages, json_node_get_object (node), where, "name", FALSE,
                           &value, error))
    return FALSE;

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* The session's title, subtitle, track, abstract and description in the languages not
 * shown, as plain text, a line each: a delegate reading Indonesian who heard "waste
 * management" in an English talk searches for that.  Made here, in the parse's worker
 * thread, so that the first keystroke of a search need not turn HTML into text. */
static char *
other_languages (JsonObject *object,
                 DlgSession *session)
{
  const struct { const char *key; const char *shown; gboolean markup; } fields[] = {
    { "title", session->title, FALSE },
    { "subtitle", session->subtitle, FALSE },
    { "track", session->track, FALSE },
    { "abstract", session->abstract, TRUE },
    { "description", session->description, TRUE },
  };
  g_autoptr(GString) out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *node = dlg_json_lookup (object, fields[i].key);
      g_autoptr(GPtrArray) texts = NULL;

      /* A track given with its "name" (read_named_text()). */
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          dlg_json_lookup (json_node_get_object (node), "name") != NULL)
        node = dlg_json_lookup (json_node_get_object (node), "name");
      texts = dlg_json_other_texts (node, fields[i].shown);

      for (guint j = 0; j < texts->len; j++)
        {
          const char *text = g_ptr_array_index (texts, j);
          g_autofree char *plain = fields[i].markup ? dlg_text_to_plain (text) : NULL;

          if (fields[i].markup && plain == NULL)
            continue;
          if (out == NULL)
            out = g_string_new (NULL);
          g_string_append_c (g_string_append (out, plain != NULL ? plain : text), '\n');
        }
    }

  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* "duration" as a string, checked when the session is placed.  A number is refused with
 * what is wanted: 90 may be minutes or seconds, "1:30" cannot. */
static gboolean
read_duration (JsonObject  *object,
               const char  *path,
               char       **out,
               GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, "duration");

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !dlg_json_node_is_string (node))
    {
      g_autofree char *where = dlg_json_path_key (path, "duration");
      return dlg_json_invalid (error, _("%s: expected a duration such as “1:30”"), where);
    }

  return dlg_json_read_string (object, path, "duration", FALSE, out, error);
}

gboolean
dlg_feed_parse_session (DlgFeedParseContext  *ctx,
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
  g_autofree char *guid = NULL;
  JsonObject *object;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "title", TRUE, &session->title, error) ||
      !shown_only (ctx, "subtitle",
                   dlg_json_read_text (ctx->languages, object, path, "subtitle", FALSE,
                                       &session->subtitle, error), error) ||
      !shown_only (ctx, "abstract",
                   dlg_json_read_text (ctx->languages, object, path, "abstract", FALSE,
                                       &session->abstract, error), error) ||
      !shown_only (ctx, "description",
                   dlg_json_read_text (ctx->languages, object, path, "description", FALSE,
                                       &session->description, error), error) ||
      !shown_only (ctx, "room",
                   dlg_json_read_string (object, path, "room", FALSE, &session->room, error),
                   error) ||
      !shown_only (ctx, "track",
                   read_named_text (ctx, object, path, "track", &session->track, error),
                   error) ||
      !shown_only (ctx, "type",
                   read_named_text (ctx, object, path, "type", &session->kind, error), error) ||
      !shown_only (ctx, "language",
                   dlg_json_read_string (object, path, "language", FALSE, &session->language,
                                         error), error) ||
      !shown_only (ctx, "url", dlg_json_read_url (object, path, "url", &session->url, error),
                   error) ||
      !shown_only (ctx, "persons",
                   parse_persons (ctx, object, path, &session->persons, error), error) ||
      !shown_only (ctx, "links", dlg_json_read_links (object, path, session->links, error),
                   error) ||
      !dlg_json_read_boolean (object, path, "time_tba", &session->time_tba, error) ||
      !dlg_json_read_string_list (object, path, "members", &session->members, error) ||
      !dlg_json_read_string (object, path, "date", FALSE, &date, error) ||
      !dlg_json_read_string (object, path, "start", FALSE, &start, error) ||
      !read_duration (object, path, &duration, error))
    return FALSE;

  read_attachments (ctx, object, path, session);
  if (session->room == NULL)
    session->room = dlg_json_strip_or_null (room);
  session->other_languages = other_languages (object, session);

  for (guint i = 0; session->members[i] != NULL; i++)
    {
      g_autofree char *members_path = dlg_json_path_key (path, "members");
      g_autofree char *member_path = dlg_json_path_index (members_path, i);

      if (!dlg_feed_parse_check_member (ctx, session->members[i], member_path, error))
        return FALSE;
    }

  if (!dlg_json_read_string (object, path, "guid", FALSE, &guid, error) ||
      !dlg_feed_place_session (ctx, session, day, date, start, duration, guid, path, error))
    return FALSE;

  g_ptr_array_add (sessions, g_steal_pointer (&session));
  return TRUE;
}

void
dlg_feed_parse_context_clear (DlgFeedParseContext *ctx)
{
  g_clear_pointer (&ctx->starts, g_hash_table_unref);
  g_clear_pointer (&ctx->suffixes, g_hash_table_unref);
  g_clear_pointer (&ctx->base_url, g_free);
}

/* @base, or else the first "@base-N" (N from 2) no session has yet.  Each base remembers the
 * last N it gave, and every N below it is taken: 20,000 sessions of one base took minutes
 * when each counted from 2 again. */
static char *
unique_key (DlgFeedParseContext *ctx,
            const char          *base)
{
  guint n;
  char *key;

  if (!g_hash_table_contains (ctx->feed->session_index, base))
    return g_strdup (base);

  if (ctx->suffixes == NULL)
    ctx->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (ctx->suffixes, base)), 2);
  for (;; n++)
    {
      key = g_strdup_printf ("%s-%u", base, n);
      if (!g_hash_table_contains (ctx->feed->session_index, key))
        break;
      g_free (key);
    }
  g_hash_table_insert (ctx->suffixes, g_strdup (base), GUINT_TO_POINTER (n + 1));
  return key;
}

/* The instant of ISO 8601 @date in the event's zone, or NULL.  Sessions in
 * parallel rooms share their start (943 sessions, 32 dates in a FOSDEM-size
 * schedule): each distinct date is read once, and its sessions share it. */
static GDateTime *
start_in_zone (DlgFeedParseContext *ctx,
               const char          *date)
{
  GDateTime *start;

  if (ctx->starts == NULL)
    ctx->starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_date_time_unref);

  start = g_hash_table_lookup (ctx->starts, date);
  if (start == NULL)
    {
      g_autoptr(GDateTime) instant = dlg_json_parse_instant (date, ctx->zone, NULL);

      if (instant == NULL)
        return NULL;
      /* An instant late on 9999-12-31 may fall in the year 10000 in the
       * event's zone, past what GDateTime holds. */
      start = g_date_time_to_timezone (instant, ctx->zone);
      if (start == NULL)
        return NULL;
      g_hash_table_insert (ctx->starts, g_strdup (date), start);
    }

  return g_date_time_ref (start);
}

/* The latest a night session may start, in minutes past midnight. */
#define DAY_CHANGE_LATEST (5 * 60)

gboolean
dlg_feed_set_day_change (DlgFeedParseContext  *ctx,
                         const char           *day_change,
                         const char           *path,
                         GError              **error)
{
  guint hour, minute;

  ctx->day_change = 0;
  if (day_change == NULL)
    return TRUE;
  if (!dlg_json_parse_clock (day_change, &hour, &minute))
    {
      /* A bare export's odd value ("04:00:00.000") is read past, as its other quirks are:
       * it matters only to sessions given a clock time without a date. */
      if (ctx->wild)
        {
          dlg_feed_note (ctx->notes, "day_change",
                         _("%s: “%s” is not a time such as “04:00”: Delegate reads past it, so "
                           "a session given a start clock after midnight but no date is on its "
                           "day’s date, not the next"), path, day_change);
          return TRUE;
        }
      return dlg_json_invalid (error, _("%s: expected a time such as “09:30”"), path);
    }

  /* FOSDEM's schedule.xml, and the generators that copy its header, say 09:00:00 whatever
   * the programme: read so, the 08:30 registration went to the next day's morning, after
   * the day's last talk.  A programme's night ends by 05:00; a session before a later day
   * change but after 05:00 is that morning's. */
  ctx->day_change = MIN (hour * 60 + minute, DAY_CHANGE_LATEST);
  if (hour * 60 + minute > DAY_CHANGE_LATEST)
    dlg_feed_note (ctx->notes, "day_change",
                   _("%s: “%s” is later than 05:00: Delegate reads it as 05:00, so a session "
                     "given a start clock of 05:00 or later but no date is on its day’s date, "
                     "not the next"), path, day_change);
  return TRUE;
}

static char *
plain_or_null (char *text)
{
  char *plain = dlg_text_to_plain (text);

  g_free (text);
  return plain;
}

gboolean
dlg_feed_place_session (DlgFeedParseContext  *ctx,
                        DlgSession           *session,
                        DlgDay               *day,
                        const char           *date,
                        const char           *start,
                        const char           *duration,
                        const char           *guid,
                        const char           *path,
                        GError              **error)
{
  g_autoptr(GDateTime) start_time = NULL;

  session->abstract = plain_or_null (session->abstract);
  session->description = plain_or_null (session->description);

  /* The ISO 8601 date with its offset is the truth for the instant; the
   * day's date and "start" only serve when it is missing. */
  if (date != NULL)
    {
      start_time = start_in_zone (ctx, date);
      if (start_time == NULL)
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

      if (dlg_json_parse_date (day->date, &day_date))
        {
          /* A night session of a day that changes at 04:00 ("01:00") falls on
           * the next date.  Built on that date in the zone, not 24 hours on:
           * the clocks may change in between. */
          if (hour * 60 + minute < ctx->day_change)
            g_date_add_days (&day_date, 1);
          start_time = g_date_time_new (ctx->zone,
                                        g_date_get_year (&day_date),
                                        g_date_get_month (&day_date),
                                        g_date_get_day (&day_date),
                                        hour, minute, 0);
        }
      if (start_time == NULL)
        {
          g_autofree char *where = dlg_json_path_key (path, "start");
          return dlg_json_invalid (error, _("%s: its day has no valid date"), where);
        }
    }

  if (duration != NULL && !dlg_json_parse_duration (duration, &session->duration))
    {
      g_autofree char *where = dlg_json_path_key (path, "duration");
      return dlg_json_invalid (error, _("%s: expected a duration such as “1:30”"), where);
    }

  session->start = g_steal_pointer (&start_time);
  session->end = g_date_time_add_minutes (session->start, session->duration);
  if (session->end == NULL)
    {
      /* GDateTime ends with the year 9999: a session that would last past
       * it has no end to show or export. */
      g_autofree char *where = dlg_json_path_key (path, "duration");
      return dlg_json_invalid (error, _("%s: the session would end after the year 9999"), where);
    }
  session->day = day->index;

  session->key = dlg_json_strip_or_null (guid);
  if (session->key != NULL && g_hash_table_contains (ctx->feed->session_index, session->key))
    {
      g_autofree char *where = dlg_json_path_key (path, "guid");
      g_autofree char *base = NULL;

      if (!ctx->wild)
        return dlg_json_invalid (error, _("%s: the guid “%s” is used twice"),
                                 where, session->key);

      /* Exports do repeat guids; the second one gets a key of its own. */
      base = g_steal_pointer (&session->key);
      session->key = unique_key (ctx, base);
      dlg_feed_note (ctx->notes, "guid",
                     _("%s: the guid “%s” is used twice: Delegate keys the later session "
                       "“%s”, and a delegate’s star or note on it goes to another session if "
                       "the order changes: give each session its own guid"),
                     where, base, session->key);
    }
  else if (session->key == NULL)
    {
      /* A clock alone names no day: with the day's date, the coffee break of
       * day 2 keeps its key when day 1's is dropped.  A full date stays the
       * seed it always was, so stars saved on such sessions stay. */
      g_autofree char *when = date != NULL ? g_strdup (date)
                                           : g_strdup_printf ("%s %s", day->date, start);
      g_autofree char *base = derive_key (when, session->room, session->title);

      session->key = unique_key (ctx, base);
    }

  day->n_sessions++;
  g_hash_table_insert (ctx->feed->session_index, session->key, session);
  return TRUE;
}

static gboolean
parse_day (DlgFeedParseContext  *ctx,
           JsonNode             *node,
           const char           *path,
           guint                 position,
           gboolean              by_position,
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
      gboolean number = dlg_json_node_is_integer (child) && json_node_get_int (child) >= 0 &&
                        json_node_get_int (child) <= G_MAXINT;

      /* A bare export's odd index ("1", as some write numbers) leaves the day its place. */
      if (!number)
        {
          g_autofree char *where = dlg_json_path_key (path, "index");

          if (!ctx->wild)
            return dlg_json_invalid (error, _("%s: expected a day number"), where);
          dlg_feed_note (ctx->notes, "index",
                         _("%s: not a day number: Delegate numbers the day by its place, %u"),
                         where, day->index);
        }
      if (number && !by_position)
        day->index = json_node_get_int (child);
    }

  /* PHP's json_encode() writes a day without rooms as an empty list, not an object. */
  if ((child = dlg_json_lookup (object, "rooms")) != NULL && JSON_NODE_HOLDS_ARRAY (child) &&
      json_array_get_length (json_node_get_array (child)) == 0)
    dlg_feed_note (ctx->notes, "rooms",
                   _("%s: an empty list, not an object of rooms: Delegate reads a day without "
                     "sessions"), rooms_path);
  else if (child != NULL)
    {
      JsonObject *rooms;
      JsonObjectIter iter;
      const char *room;
      JsonNode *room_node;

      if (!dlg_json_get_object (child, rooms_path, &rooms, error))
        return FALSE;

      json_object_iter_init_ordered (&iter, rooms);
      while (json_object_iter_next_ordered (&iter, &room, &room_node))
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

              if (!dlg_feed_parse_session (ctx, json_array_get_element (array, i),
                                           session_path, day, room, sessions, error))
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

void
dlg_feed_add_sessions (DlgFeed   *feed,
                       GPtrArray *sessions)
{
  g_ptr_array_sort (sessions, compare_sessions);
  g_list_store_splice (feed->sessions, 0, 0, sessions->pdata, sessions->len);
}

/* The position of the first day whose number (its "index", else its place) an earlier day
 * has, or -1.  A day's sessions are known by its number: two days of one number each listed
 * the other's too. */
static int
find_day_numbered_twice (JsonArray *days,
                         guint     *number)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonNode *day = json_array_get_element (days, i);
      JsonNode *index;
      gint64 n = i + 1;

      /* An index that is no day number is parse_day's to refuse. */
      if (JSON_NODE_HOLDS_OBJECT (day) &&
          (index = dlg_json_lookup (json_node_get_object (day), "index")) != NULL &&
          dlg_json_node_is_integer (index))
        n = json_node_get_int (index);
      if (n < 0 || n > G_MAXINT)
        continue;
      if (!g_hash_table_add (seen, GUINT_TO_POINTER ((guint) n + 1)))
        {
          *number = n;
          return i;
        }
    }

  return -1;
}

/* Every "date" of the sessions, before any is parsed: the zone depends on them. */
static GPtrArray *
collect_dates (JsonArray *days)
{
  GPtrArray *dates = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonNode *day = json_array_get_element (days, i);
      JsonNode *rooms;
      JsonObjectIter iter;
      const char *room;
      JsonNode *room_node;

      if (!JSON_NODE_HOLDS_OBJECT (day) ||
          (rooms = dlg_json_lookup (json_node_get_object (day), "rooms")) == NULL ||
          !JSON_NODE_HOLDS_OBJECT (rooms))
        continue;

      json_object_iter_init_ordered (&iter, json_node_get_object (rooms));
      while (json_object_iter_next_ordered (&iter, &room, &room_node))
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (room_node))
            continue;
          array = json_node_get_array (room_node);
          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *session = json_array_get_element (array, j);
              JsonNode *date;

              if (JSON_NODE_HOLDS_OBJECT (session) &&
                  (date = dlg_json_lookup (json_node_get_object (session), "date")) != NULL &&
                  dlg_json_node_is_string (date))
                g_ptr_array_add (dates, (gpointer) json_node_get_string (date));
            }
        }
    }

  return dates;
}

/* The address the schedule's attachments are given against: frab writes it beside the
 * conference, in a schedule.json, and in it, in a schedule.xml (and some exports so in JSON
 * too). */
static void
read_base_url (DlgFeedParseContext *ctx,
               JsonObject          *schedule,
               JsonObject          *conference)
{
  JsonObject *holders[] = { schedule, conference };

  g_clear_pointer (&ctx->base_url, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (holders) && ctx->base_url == NULL; i++)
    {
      JsonNode *node = dlg_json_lookup (holders[i], "base_url");

      /* Read here only for the attachments: one that is no address is left out. */
      if (node != NULL && dlg_json_node_is_string (node))
        ctx->base_url = dlg_json_safe_url (json_node_get_string (node));
    }
}

/* Reads the object holding "schedule" (the agenda section of a feed, or
 * a bare schedule.json); @prefix is its path ("agenda", or NULL). */
static gboolean
parse_schedule_holder (DlgFeedParseContext  *ctx,
                       JsonNode             *node,
                       const char           *prefix,
                       GError              **error)
{
  g_autofree char *schedule_path = dlg_json_path_key (prefix, "schedule");
  g_autofree char *conference_path = dlg_json_path_key (schedule_path, "conference");
  g_autofree char *days_path = dlg_json_path_key (conference_path, "days");
  g_autofree char *day_change_path = dlg_json_path_key (conference_path, "day_change");
  g_autofree char *zone_name = NULL;
  g_autofree char *day_change = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object, *schedule, *conference;
  JsonNode *child;
  JsonArray *days = NULL;
  int twice = -1;
  guint number = 0;

  if (!dlg_json_get_object (node, prefix != NULL ? prefix : "(document)", &object, error) ||
      !dlg_json_require (object, prefix, "schedule", &child, error) ||
      !dlg_json_get_object (child, schedule_path, &schedule, error) ||
      !dlg_json_require (schedule, schedule_path, "conference", &child, error) ||
      !dlg_json_get_object (child, conference_path, &conference, error) ||
      !dlg_json_read_string (conference, conference_path, "time_zone_name", FALSE, &zone_name,
                             error) ||
      !dlg_json_read_string (conference, conference_path, "day_change", FALSE, &day_change,
                             error) ||
      !dlg_feed_set_day_change (ctx, day_change, day_change_path, error))
    return FALSE;

  if ((child = dlg_json_lookup (conference, "days")) != NULL &&
      !dlg_json_get_array (child, days_path, &days, error))
    return FALSE;
  read_base_url (ctx, schedule, conference);

  if (ctx->feed->event->time_zone == NULL)
    {
      DlgEvent *event = ctx->feed->event;
      g_autofree char *where = dlg_json_path_key (conference_path, "time_zone_name");
      g_autoptr(GPtrArray) dates = days != NULL ? collect_dates (days) : g_ptr_array_new ();
      g_autofree char *chosen = NULL;
      gboolean floating;

      if (ctx->wild)
        dlg_feed_collect_event_dates (schedule, dates);

      /* Our own format names its zone; only bare exports may leave it to
       * the offsets. */
      if (zone_name == NULL && !ctx->wild)
        return dlg_json_invalid (error, _("%s: required, but missing"), "event.time_zone");

      event->time_zone = dlg_feed_choose_zone (zone_name, where, dates, ctx->wild, &chosen,
                                               &floating, error);
      if (event->time_zone == NULL)
        return FALSE;
      dlg_feed_note_zone (ctx->notes, zone_name, where, chosen, floating);
      g_free (event->time_zone_name);
      event->time_zone_name = g_steal_pointer (&chosen);
      event->floating_time = floating;
    }

  ctx->zone = ctx->feed->event->time_zone;

  if (days != NULL && (twice = find_day_numbered_twice (days, &number)) >= 0)
    {
      g_autofree char *day_path = dlg_json_path_index (days_path, twice);
      g_autofree char *where = dlg_json_path_key (day_path, "index");

      /* A day copied from the one before, its index left as it was: exports are numbered
       * by their place instead. */
      if (!ctx->wild)
        return dlg_json_invalid (error,
                                 _("%s: day %u is numbered twice: give each day its own index"),
                                 where, number);
    }

  for (guint i = 0; days != NULL && i < json_array_get_length (days); i++)
    {
      g_autofree char *day_path = dlg_json_path_index (days_path, i);

      if (!parse_day (ctx, json_array_get_element (days, i), day_path, i, twice >= 0,
                      sessions, error))
        return FALSE;
    }

  if (twice >= 0)
    {
      g_autofree char *day_path = dlg_json_path_index (days_path, twice);
      g_autofree char *where = dlg_json_path_key (day_path, "index");

      /* Said after the days' own faults, in the document's order. */
      dlg_feed_note (ctx->notes, "index twice",
                     _("%s: day %u is numbered twice: Delegate numbers every day by its place "
                       "(1, 2, …)"), where, number);
    }

  /* The sessions of the C3 hub's newer form, listed beside the days. */
  if (ctx->wild && !dlg_feed_parse_events (ctx, schedule, conference, days, sessions, error))
    return FALSE;

  dlg_feed_add_sessions (ctx->feed, sessions);
  return TRUE;
}

/* Reads the agenda once the conference is found: the event's zone may
 * come from the conference, so parse_event leaves it to us. */
gboolean
dlg_feed_parse_agenda (DlgFeedParseContext  *ctx,
                       JsonNode             *node,
                       GError              **error)
{
  return parse_schedule_holder (ctx, node, "agenda", error);
}

/* "2024-12-27" from "2024-12-27" or "2024-12-27T10:00:00+01:00". */
static char *
leading_date (const char *text)
{
  GDate date;
  g_autofree char *head = NULL;

  if (text == NULL || strlen (text) < 10)
    return NULL;

  head = g_strndup (text, 10);
  if (!dlg_json_parse_date (head, &date))
    return NULL;

  return g_steal_pointer (&head);
}

DlgFeed *
dlg_feed_parse_schedule_json (JsonNode            *root,
                              const char * const  *languages,
                              DlgFeedNotes        *notes,
                              GError             **error)
{
  g_autoptr(DlgFeed) feed = g_object_new (DLG_TYPE_FEED, NULL);
  g_autoptr(DlgEvent) event = g_object_new (DLG_TYPE_EVENT, NULL);
  g_autoptr(GPtrArray) preferences = dlg_json_normalise_languages (languages);
  g_autofree char *start = NULL, *end = NULL, *base_url = NULL;
  g_autofree char *schedule_url = NULL, *schedule_base_url = NULL;
  const char *path = "schedule.conference";
  g_auto(DlgFeedParseContext) ctx = { 0 };
  JsonObject *object, *conference;
  JsonNode *child;
  guint n_days;

  if (!dlg_json_get_object (root, "(document)", &object, error) ||
      !dlg_json_require (object, NULL, "schedule", &child, error) ||
      !dlg_json_get_object (child, "schedule", &object, error) ||
      !dlg_json_read_url (object, "schedule", "url", &schedule_url, error) ||
      !dlg_json_read_url (object, "schedule", "base_url", &schedule_base_url, error) ||
      !dlg_json_require (object, "schedule", "conference", &child, error) ||
      !dlg_json_get_object (child, path, &conference, error) ||
      !dlg_json_read_string (conference, path, "acronym", FALSE, &event->id, error) ||
      !dlg_json_read_text (preferences, conference, path, "title", FALSE, &event->title, error) ||
      !dlg_json_read_string (conference, path, "start", FALSE, &start, error) ||
      !dlg_json_read_string (conference, path, "end", FALSE, &end, error) ||
      !dlg_json_read_url (conference, path, "url", &event->url, error) ||
      !dlg_json_read_url (conference, path, "base_url", &base_url, error))
    return NULL;

  if (event->id == NULL && event->title == NULL)
    {
      g_autofree char *where = dlg_json_path_key (path, "acronym");

      dlg_json_invalid (error, _("%s: required, but missing"), where);
      return NULL;
    }
  if (event->id == NULL)
    event->id = g_strdup (event->title);
  if (event->title == NULL)
    event->title = g_strdup (event->id);
  /* pretalx and frab write their addresses beside the conference: pretalx's "url" is the
   * event's schedule page, its "base_url" the whole site's; frab's "base_url" is the
   * event's.  The conference's own come first, then the more particular. */
  if (event->url == NULL)
    event->url = g_steal_pointer (&schedule_url);
  if (event->url == NULL)
    event->url = g_steal_pointer (&base_url);
  if (event->url == NULL)
    event->url = g_steal_pointer (&schedule_base_url);

  feed->event = g_steal_pointer (&event);
  ctx.languages = preferences;
  ctx.feed = feed;
  ctx.wild = TRUE;
  ctx.notes = notes;

  if (!parse_schedule_holder (&ctx, root, NULL, error))
    return NULL;

  /* The conference's own dates, else those of its first and last day. */
  n_days = g_list_model_get_n_items (G_LIST_MODEL (feed->days));
  feed->event->start_date = leading_date (start);
  feed->event->end_date = leading_date (end);
  if (feed->event->start_date == NULL && n_days > 0)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), 0);

      feed->event->start_date = g_strdup (day->date);
    }
  if (feed->event->end_date == NULL && n_days > 0)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), n_days - 1);

      feed->event->end_date = g_strdup (day->date);
    }
  if (feed->event->start_date == NULL)
    {
      g_autofree char *where = dlg_json_path_key (path, "start");

      dlg_json_invalid (error, _("%s: required, but missing"), where);
      return NULL;
    }
  if (feed->event->end_date == NULL)
    feed->event->end_date = g_strdup (feed->event->start_date);

  return g_steal_pointer (&feed);
}

/* --- best practices ------------------------------------------------------ */
