/* dlg-feed-parse.c: Delegate feed v1 into the models (see docs/feed-format.md)
 *
 * The document, the event, members and best practices; the agenda is in
 * dlg-feed-parse-agenda.c, the path-naming JSON readers in dlg-json-reader.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-json-load.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"
#include "dlg-text.h"

#define FEED_VERSION 1

gboolean
dlg_feed_parse_check_member (DlgFeedParseContext  *ctx,
                             const char           *id,
                             const char           *path,
                             GError              **error)
{
  if (id != NULL && !g_hash_table_contains (ctx->feed->member_index, id))
    return dlg_json_invalid (error, _("%s: no member has the id “%s”"), path, id);

  return TRUE;
}

/* --- event --------------------------------------------------------------- */

static gboolean
parse_event (DlgFeedParseContext  *ctx,
             JsonNode             *node,
             GError              **error)
{
  g_autoptr(DlgEvent) event = g_object_new (DLG_TYPE_EVENT, NULL);
  JsonObject *object;
  JsonNode *president;
  GDate start, end;

  if (!dlg_json_get_object (node, "event", &object, error) ||
      !dlg_json_read_string (object, "event", "id", TRUE, &event->id, error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "title", TRUE, &event->title, error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "subtitle", FALSE, &event->subtitle,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "venue", FALSE, &event->venue, error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "address", FALSE, &event->address,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "city", FALSE, &event->city, error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "organiser", FALSE, &event->organiser,
                           error) ||
      !dlg_json_read_url (object, "event", "url", &event->url, error) ||
      !dlg_json_read_text (ctx->languages, object, "event", "notice", FALSE, &event->notice,
                           error) ||
      !dlg_json_read_string (object, "event", "time_zone", FALSE, &event->time_zone_name, error) ||
      !dlg_json_read_date (object, "event", "start", TRUE, &event->start_date, &start, error) ||
      !dlg_json_read_date (object, "event", "end", FALSE, &event->end_date, &end, error) ||
      !dlg_json_read_string_list (object, "event", "languages", &event->languages, error) ||
      !dlg_json_read_string (object, "event", "host", FALSE, &event->host_member, error))
    return FALSE;

  if (event->end_date == NULL)
    event->end_date = g_strdup (event->start_date);
  else if (g_date_compare (&end, &start) < 0)
    return dlg_json_invalid (error, _("%s: the event ends before it starts"), "event.end");

  if (event->time_zone_name != NULL)
    {
      event->time_zone = dlg_json_time_zone_new (event->time_zone_name, "event.time_zone",
                                                 error);
      if (event->time_zone == NULL)
        return FALSE;
    }

  president = dlg_json_lookup (object, "president");
  if (president != NULL)
    {
      JsonObject *president_object;

      if (!dlg_json_get_object (president, "event.president", &president_object, error) ||
          !dlg_json_read_text (ctx->languages, president_object, "event.president", "name", FALSE,
                               &event->president_name, error) ||
          !dlg_json_read_text (ctx->languages, president_object, "event.president", "role", FALSE,
                               &event->president_role, error) ||
          !dlg_json_read_string (president_object, "event.president", "member", FALSE,
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

/* An address the app can put behind mailto: as it is: one @, a dotted
 * domain, and none of the characters that would add headers, recipients
 * or attachments to the mail ("?attach=", "&cc=", ","). */
static gboolean
is_email_address (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL || at[1] == '.' || g_str_has_suffix (text, "."))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f || strchr ("?&<>\"(),;:\\[]/%", *p) != NULL)
        return FALSE;
    }

  return g_utf8_validate (text, -1, NULL);
}

/* Digits with the usual separators, an optional + before the first digit, and
 * enough digits to dial: "+62 31 8921946", "(+62) 380 821-1234", "(0380) 821-1234".
 * *@n_digits says how many digits, *@international whether after a +. */
static gboolean
is_phone_number (const char *text,
                 guint      *n_digits,
                 gboolean   *international)
{
  guint digits = 0;
  gboolean plus = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' ? digits > 0 || plus : strchr (" -.()/", *p) == NULL)
        return FALSE;
      plus = plus || *p == '+';
    }

  *n_digits = digits;
  *international = plus;
  return digits >= 3 && digits <= 20;
}

static gboolean
read_email (JsonObject  *object,
            const char  *path,
            char       **out,
            GError     **error)
{
  if (!dlg_json_read_string (object, path, "email", FALSE, out, error))
    return FALSE;

  if (*out != NULL && !is_email_address (*out))
    {
      g_autofree char *where = dlg_json_path_key (path, "email");

      g_clear_pointer (out, g_free);
      return dlg_json_invalid (error, _("%s: expected an e-mail address such as %s"),
                               where, "humas@example.go.id");
    }

  return TRUE;
}

/* One number or more (dlg_member_phone_numbers: "0380 821 000 / 0812 3456 789"), each of
 * which must be one. */
#define MAX_PHONE_NUMBERS 10

static gboolean
read_phone (JsonObject  *object,
            const char  *path,
            char       **out,
            GError     **error)
{
  g_auto(GStrv) numbers = NULL;

  if (!dlg_json_read_string (object, path, "phone", FALSE, out, error))
    return FALSE;

  numbers = dlg_member_phone_numbers (*out);
  /* Each number is a link and a copy button on the member's page: a field of thousands
   * ("0380 821000/01/02/...") would hang it. */
  if (numbers != NULL && g_strv_length (numbers) > MAX_PHONE_NUMBERS)
    {
      g_autofree char *where = dlg_json_path_key (path, "phone");

      g_clear_pointer (out, g_free);
      return dlg_json_invalid (error, _("%s: more than %d phone numbers: give the main ones"),
                               where, MAX_PHONE_NUMBERS);
    }
  for (guint i = 0; numbers != NULL && numbers[i] != NULL; i++)
    {
      guint n_digits = 0;
      gboolean international = FALSE;
      g_autofree char *where = NULL;

      if (!is_phone_number (numbers[i], &n_digits, &international))
        {
          where = dlg_json_path_key (path, "phone");
          g_clear_pointer (out, g_free);
          return dlg_json_invalid (error, _("%s: expected a phone number such as %s"),
                                   where, "+62 31 896 1234");
        }
      /* No number in the world has more (ITU-T E.164: 15 with the country code; without it
       * 14, after a trunk prefix of one or two digits): such a field is two numbers written
       * as one ("(0380) 821000/8210011"), and its tel: link would dial neither. */
      if (n_digits > (international ? 15 : 16))
        {
          where = dlg_json_path_key (path, "phone");
          g_clear_pointer (out, g_free);
          return dlg_json_invalid (error,
                                   /* Translators: “+” stays as it is; the example is a number */
                                   _("%s: more digits than one phone number has (15 at most "
                                     "after “+”, 16 without it): give one number, such as %s"),
                                   where, "+62 31 896 1234");
        }
    }

  return TRUE;
}

/* "smart_city" is text (the status in words), or an object:
 * {"programme": text, "masterplan": boolean, "status": text}. */
static gboolean
parse_smart_city (DlgFeedParseContext  *ctx,
                  JsonObject           *member_object,
                  const char           *path,
                  DlgMember            *member,
                  GError              **error)
{
  JsonNode *node = dlg_json_lookup (member_object, "smart_city");
  g_autofree char *smart_path = dlg_json_path_key (path, "smart_city");
  JsonObject *object;

  if (node == NULL || dlg_json_node_is_string (node))
    return dlg_json_read_text (ctx->languages, member_object, path, "smart_city", FALSE,
                               &member->smart_city, error);

  if (!dlg_json_get_object (node, smart_path, &object, error))
    return FALSE;

  /* A bilingual text is an object too: it has no field of the structured form. */
  if (dlg_json_lookup (object, "programme") == NULL &&
      dlg_json_lookup (object, "masterplan") == NULL &&
      dlg_json_lookup (object, "status") == NULL)
    return dlg_json_read_text (ctx->languages, member_object, path, "smart_city", FALSE,
                               &member->smart_city, error);

  if (!dlg_json_read_text (ctx->languages, object, smart_path, "programme", FALSE,
                           &member->smart_city_programme, error) ||
      !dlg_json_read_text (ctx->languages, object, smart_path, "status", FALSE,
                           &member->smart_city, error))
    return FALSE;

  if (dlg_json_lookup (object, "masterplan") != NULL)
    {
      if (!dlg_json_read_boolean (object, smart_path, "masterplan",
                                  &member->smart_city_masterplan, error))
        return FALSE;
      member->has_smart_city_masterplan = TRUE;
    }

  return TRUE;
}

static gboolean
parse_person (DlgFeedParseContext  *ctx,
              JsonNode             *node,
              const char           *path,
              GListModel           *delegates,
              GError              **error)
{
  g_autoptr(DlgPerson) person = g_object_new (DLG_TYPE_PERSON, NULL);
  JsonObject *object;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "name", TRUE, &person->name, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "role", FALSE, &person->role, error) ||
      !read_email (object, path, &person->email, error) ||
      !read_phone (object, path, &person->phone, error))
    return FALSE;

  g_list_store_append (G_LIST_STORE (delegates), person);
  return TRUE;
}

static gboolean
parse_coordinates (JsonNode    *node,
                   const char  *path,
                   DlgMember   *member,
                   GError     **error)
{
  JsonObject *object;
  JsonNode *lat, *lon;
  g_autofree char *lat_path = dlg_json_path_key (path, "lat");
  g_autofree char *lon_path = dlg_json_path_key (path, "lon");

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_require (object, path, "lat", &lat, error) ||
      !dlg_json_require (object, path, "lon", &lon, error))
    return FALSE;

  if (!dlg_json_node_is_number (lat) || ABS (json_node_get_double (lat)) > 90.0)
    return dlg_json_invalid (error, _("%s: expected a latitude between -90 and 90"), lat_path);
  if (!dlg_json_node_is_number (lon) || ABS (json_node_get_double (lon)) > 180.0)
    return dlg_json_invalid (error, _("%s: expected a longitude between -180 and 180"), lon_path);

  member->has_coordinates = TRUE;
  member->latitude = json_node_get_double (lat);
  member->longitude = json_node_get_double (lon);
  return TRUE;
}

static gboolean
parse_member (DlgFeedParseContext  *ctx,
              JsonNode             *node,
              const char           *path,
              GError              **error)
{
  g_autoptr(DlgMember) member = g_object_new (DLG_TYPE_MEMBER, NULL);
  g_autofree char *kind = NULL;
  g_autofree char *id_path = dlg_json_path_key (path, "id");
  JsonObject *object;
  JsonNode *child;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_string (object, path, "id", TRUE, &member->id, error) ||
      !dlg_json_check_unique (ctx->feed->member_index, member->id, id_path, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "name", TRUE, &member->name, error) ||
      !dlg_json_read_string (object, path, "kind", FALSE, &kind, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "province", FALSE, &member->province,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, path, "region", FALSE, &member->region, error) ||
      !dlg_json_read_url (object, path, "website", &member->website, error) ||
      !read_email (object, path, &member->email, error) ||
      !read_phone (object, path, &member->phone, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "address", FALSE, &member->address,
                           error) ||
      !parse_smart_city (ctx, object, path, member, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "description", FALSE,
                           &member->description, error))
    return FALSE;

  member->kind = member_kind_from_string (kind);

  if ((child = dlg_json_lookup (object, "joined")) != NULL)
    {
      if (!dlg_json_node_is_integer (child) ||
          json_node_get_int (child) < 1000 || json_node_get_int (child) > 9999)
        {
          g_autofree char *where = dlg_json_path_key (path, "joined");
          return dlg_json_invalid (error, _("%s: expected a year"), where);
        }
      member->joined = json_node_get_int (child);
    }

  if ((child = dlg_json_lookup (object, "head")) != NULL)
    {
      g_autofree char *head_path = dlg_json_path_key (path, "head");
      JsonObject *head;

      if (!dlg_json_get_object (child, head_path, &head, error) ||
          !dlg_json_read_text (ctx->languages, head, head_path, "title", FALSE,
                               &member->head_title, error) ||
          !dlg_json_read_text (ctx->languages, head, head_path, "name", FALSE, &member->head_name,
                               error))
        return FALSE;
    }

  if ((child = dlg_json_lookup (object, "coordinates")) != NULL)
    {
      g_autofree char *coordinates_path = dlg_json_path_key (path, "coordinates");

      if (!parse_coordinates (child, coordinates_path, member, error))
        return FALSE;
    }

  if ((child = dlg_json_lookup (object, "delegates")) != NULL)
    {
      g_autofree char *delegates_path = dlg_json_path_key (path, "delegates");
      JsonArray *array;

      if (!dlg_json_get_array (child, delegates_path, &array, error))
        return FALSE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *person_path = dlg_json_path_index (delegates_path, i);

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
parse_members (DlgFeedParseContext  *ctx,
               JsonNode             *node,
               GError              **error)
{
  JsonArray *array;

  if (!dlg_json_get_array (node, "members", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = dlg_json_path_index ("members", i);

      if (!parse_member (ctx, json_array_get_element (array, i), path, error))
        return FALSE;
    }

  return TRUE;
}

/* --- agenda (frab/pretalx schedule.json) --------------------------------- */

static gboolean
parse_practice (DlgFeedParseContext  *ctx,
                JsonNode             *node,
                const char           *path,
                GError              **error)
{
  g_autoptr(DlgPractice) practice = g_object_new (DLG_TYPE_PRACTICE, NULL);
  g_autofree char *id_path = dlg_json_path_key (path, "id");
  g_autofree char *member_path = dlg_json_path_key (path, "member");
  g_autofree char *session_path = dlg_json_path_key (path, "session");
  JsonObject *object;

  if (!dlg_json_get_object (node, path, &object, error) ||
      !dlg_json_read_string (object, path, "id", TRUE, &practice->id, error) ||
      !dlg_json_check_unique (ctx->feed->practice_index, practice->id, id_path, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "title", TRUE, &practice->title, error) ||
      !dlg_json_read_string (object, path, "member", FALSE, &practice->member, error) ||
      !dlg_feed_parse_check_member (ctx, practice->member, member_path, error) ||
      !dlg_json_read_string (object, path, "session", FALSE, &practice->session, error) ||
      !dlg_json_read_text (ctx->languages, object, path, "summary", FALSE, &practice->summary,
                           error) ||
      !dlg_json_read_text (ctx->languages, object, path, "body", FALSE, &practice->body, error) ||
      !dlg_json_read_text_list (ctx->languages, object, path, "tags", &practice->tags, error) ||
      !dlg_json_read_links (object, path, practice->links, error))
    return FALSE;

  /* A body is Markdown: a note to self in a comment is never shown, in any reader, nor
   * what was struck out. */
  if (practice->body != NULL && strchr (practice->body, '<') != NULL)
    {
      g_autofree char *shown = dlg_text_without_unshown (practice->body);

      g_free (practice->body);
      practice->body = dlg_json_strip_or_null (shown);
    }

  if (practice->session != NULL &&
      !g_hash_table_contains (ctx->feed->session_index, practice->session))
    return dlg_json_invalid (error, _("%s: no session has the key “%s”"),
                             session_path, practice->session);

  g_hash_table_insert (ctx->feed->practice_index, practice->id, practice);
  g_list_store_append (ctx->feed->practices, practice);
  return TRUE;
}

static gboolean
parse_practices (DlgFeedParseContext  *ctx,
                 JsonNode             *node,
                 GError              **error)
{
  JsonArray *array;

  if (!dlg_json_get_array (node, "best_practices", &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = dlg_json_path_index ("best_practices", i);

      if (!parse_practice (ctx, json_array_get_element (array, i), path, error))
        return FALSE;
    }

  return TRUE;
}

/* --- document ------------------------------------------------------------ */

/* @what: NULL for the feed itself, else the section name. */
/* The document's value, which the caller frees. */
static JsonNode *
load_json (GBytes      *bytes,
           const char  *what,
           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *prefix = what != NULL ? what : _("the feed");
  int line, column;

  if (!dlg_json_read (data, size, &root, &line, &column, &local_error))
    {
      if (line > 0)
        g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                     _("%s: not valid JSON at line %u, column %u: %s"),
                     prefix, (guint) line, (guint) column, local_error->message);
      else
        g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                     _("%s: not valid JSON: %s"), prefix, local_error->message);
      return NULL;
    }

  if (root == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                   _("%s: not valid JSON: the document is empty"), prefix);
      return NULL;
    }

  return g_steal_pointer (&root);
}

typedef gboolean (*SectionParser) (DlgFeedParseContext  *ctx,
                                   JsonNode      *node,
                                   GError       **error);

/* A section is inline, or a string: the URL it is published at. */
static gboolean
parse_section (DlgFeedParseContext  *ctx,
               JsonObject           *root,
               const char           *name,
               SectionParser         parse,
               GError              **error)
{
  JsonNode *node = dlg_json_lookup (root, name);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (node == NULL)
    return TRUE;

  if (!dlg_json_node_is_string (node))
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

  document = load_json (bytes, name, error);
  if (document == NULL)
    return FALSE;

  return parse (ctx, document, error);
}

static gboolean
parse_no_agenda (DlgFeedParseContext  *ctx,
                 GError              **error)
{
  DlgEvent *event = ctx->feed->event;

  if (event->time_zone == NULL)
    return dlg_json_invalid (error, _("%s: required, but missing"), "event.time_zone");

  ctx->zone = event->time_zone;
  return TRUE;
}

DlgFeed *
dlg_feed_parse (GBytes                *bytes,
                const char * const    *languages,
                DlgFeedSectionLoader   loader,
                gpointer               loader_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GPtrArray) preferences = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_auto(DlgFeedParseContext) ctx = { 0 };
  JsonObject *root;
  JsonNode *version;
  DlgEvent *event;

  g_return_val_if_fail (bytes != NULL, NULL);

  document = load_json (bytes, NULL, error);
  if (document == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("The feed is not a JSON object with a “delegate_feed” version"));
      return NULL;
    }
  root = json_node_get_object (document);

  version = dlg_json_lookup (root, "delegate_feed");
  if (version == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: missing: this is not a Delegate feed"), "delegate_feed");
      return NULL;
    }
  if (!dlg_json_node_is_integer (version) || json_node_get_int (version) < 1)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: expected a version number"), "delegate_feed");
      return NULL;
    }
  if (json_node_get_int (version) > FEED_VERSION)
    {
      /* Formatted apart: xgettext cannot see through G_GINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_UNSUPPORTED,
                   _("%s: version %s is newer than this app reads (%d)"),
                   "delegate_feed", number, FEED_VERSION);
      return NULL;
    }

  feed = g_object_new (DLG_TYPE_FEED, NULL);
  preferences = dlg_json_normalise_languages (languages);
  ctx.languages = preferences;
  ctx.loader = loader;
  ctx.loader_data = loader_data;
  ctx.cancellable = cancellable;
  ctx.feed = feed;

  {
    JsonNode *event_node;

    if (!dlg_json_require (root, NULL, "event", &event_node, error) ||
        !parse_event (&ctx, event_node, error))
      return NULL;
  }

  if (!parse_section (&ctx, root, "members", parse_members, error))
    return NULL;

  if (dlg_json_lookup (root, "agenda") == NULL)
    {
      if (!parse_no_agenda (&ctx, error))
        return NULL;
    }
  else if (!parse_section (&ctx, root, "agenda", dlg_feed_parse_agenda, error))
    return NULL;

  if (!parse_section (&ctx, root, "best_practices", parse_practices, error))
    return NULL;

  event = feed->event;
  if (!dlg_feed_parse_check_member (&ctx, event->host_member, "event.host", error) ||
      !dlg_feed_parse_check_member (&ctx, event->president_member, "event.president.member", error))
    return NULL;

  return g_steal_pointer (&feed);
}
