/* dlg-feed-parse-xml.c: a frab or Pentabarf schedule.xml into the models
 *
 * The XML form of the same schedule frab and pretalx publish as JSON:
 * <schedule><conference/><day date index><room name><event guid id>...
 * Read with GMarkup (no other XML dependency).  The whole document is
 * read first, since the event's zone may have to come from the sessions'
 * offsets; then the sessions are placed exactly as the JSON ones are.
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

typedef struct
{
  DlgSession *session;
  DlgDay     *day;      /* borrowed from the feed's day list */
  char       *date;
  char       *start;
  char       *duration;
  char       *guid;
  char       *path;
  GPtrArray  *attachments; /* address, title (nullable), …: read against the base URL
                            * once the whole document is */
} RawEvent;

typedef struct
{
  DlgFeed           *feed;
  GPtrArray         *languages;
  DlgFeedNotes      *notes;       /* nullable, borrowed */
  GPtrArray         *events;      /* RawEvent */
  GPtrArray         *persons;     /* of the event being read */
  GString           *text;
  GPtrArray         *stack;       /* element names, borrowed from GMarkup */

  char              *acronym;
  char              *title;
  char              *start;
  char              *end;
  char              *zone_name;
  char              *day_change;
  char              *url;
  char              *base_url;

  DlgDay            *day;
  char              *day_path;
  guint              n_days;
  char              *room;
  char              *room_path;
  guint              n_events_in_room;
  RawEvent          *event;
  char              *link_href;
  char              *attachment_href;

  /* An abstract or description written as XHTML inside the XML: its elements are kept as
   * the HTML text they are, the text around them escaped again. */
  guint              markup_depth;
  gboolean           field_markup;
} XmlState;

static void
raw_event_free (RawEvent *raw)
{
  g_clear_object (&raw->session);
  g_free (raw->date);
  g_free (raw->start);
  g_free (raw->duration);
  g_free (raw->guid);
  g_free (raw->path);
  g_clear_pointer (&raw->attachments, g_ptr_array_unref);
  g_free (raw);
}

static const char *
parent_name (XmlState *state)
{
  /* The stack holds the element being closed or opened last. */
  return state->stack->len >= 2 ? g_ptr_array_index (state->stack, state->stack->len - 2) : "";
}

static gboolean
set_error_at (GMarkupParseContext  *context,
              GError              **error,
              const char           *message)
{
  int line, column;

  g_markup_parse_context_get_position (context, &line, &column);
  /* Translators: where a schedule.xml went wrong, then what */
  g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, _("line %d, column %d: %s"),
               line, column, message);
  return FALSE;
}

/* Whether an element opened now is inside an event's abstract or description. */
static gboolean
in_markup_field (XmlState *state)
{
  guint len = state->stack->len;
  const char *field;

  if (state->markup_depth > 0)
    return TRUE;
  if (state->event == NULL || len < 2 ||
      !g_str_equal (g_ptr_array_index (state->stack, len - 2), "event"))
    return FALSE;
  field = g_ptr_array_index (state->stack, len - 1);
  return g_str_equal (field, "abstract") || g_str_equal (field, "description");
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  XmlState *state = user_data;
  const char *parent = state->stack->len > 0 ? g_ptr_array_index (state->stack,
                                                                  state->stack->len - 1) : NULL;

  if (in_markup_field (state))
    {
      if (!state->field_markup)
        {
          g_autofree char *escaped = g_markup_escape_text (state->text->str, -1);

          g_string_assign (state->text, escaped);
          state->field_markup = TRUE;
        }
      g_string_append_printf (state->text, "<%s", name);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          g_autofree char *value = g_markup_escape_text (attribute_values[i], -1);

          g_string_append_printf (state->text, " %s=\"%s\"", attribute_names[i], value);
        }
      g_string_append_c (state->text, '>');
      state->markup_depth++;
      g_ptr_array_add (state->stack, (gpointer) name);
      return;
    }

  g_ptr_array_add (state->stack, (gpointer) name);
  g_string_truncate (state->text, 0);

  if (parent == NULL)
    {
      if (!g_str_equal (name, "schedule"))
        {
          g_autofree char *message =
            g_strdup_printf (_("the document is <%s>, not a frab or Pentabarf <schedule>"), name);
          set_error_at (context, error, message);
        }
      return;
    }

  if (g_str_equal (name, "day") && g_str_equal (parent, "schedule"))
    {
      const char *date = NULL, *index = NULL;
      GDate parsed;
      guint64 number;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (g_str_equal (attribute_names[i], "date"))
            date = attribute_values[i];
          else if (g_str_equal (attribute_names[i], "index"))
            index = attribute_values[i];
        }

      g_clear_pointer (&state->day_path, g_free);
      state->day_path = g_strdup_printf ("schedule.day[%u]", state->n_days);
      state->day = g_object_new (DLG_TYPE_DAY, NULL);
      state->day->index = state->n_days + 1;
      if (index != NULL && g_ascii_string_to_unsigned (index, 10, 0, G_MAXINT, &number, NULL))
        state->day->index = number;
      else if (index != NULL)
        dlg_feed_note (state->notes, "index",
                       _("%s.index: “%s” is not a day number: Delegate numbers the day by its "
                         "place, %u"), state->day_path, index, state->day->index);
      state->n_days++;

      if (date == NULL || strlen (date) < 10 ||
          !dlg_json_parse_date ((state->day->date = g_strndup (date, 10)), &parsed))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s.date: expected a date such as “2019-10-16”"), state->day_path);
          set_error_at (context, error, message);
          g_clear_object (&state->day);
          return;
        }
      g_list_store_append (state->feed->days, state->day);
      g_object_unref (state->day); /* the list holds it */
    }
  else if (g_str_equal (name, "room") && g_str_equal (parent, "day"))
    {
      const char *room = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "name"))
          room = attribute_values[i];

      g_clear_pointer (&state->room, g_free);
      g_clear_pointer (&state->room_path, g_free);
      state->room = dlg_json_strip_or_null (room);
      {
        g_autofree char *rooms = g_strconcat (state->day_path, ".room", NULL);

        state->room_path = dlg_json_path_name (rooms, room != NULL ? room : "");
      }
      state->n_events_in_room = 0;
    }
  else if (g_str_equal (name, "event") && g_str_equal (parent, "room"))
    {
      RawEvent *raw;
      const char *room_parent = state->stack->len >= 3
                                ? g_ptr_array_index (state->stack, state->stack->len - 3) : "";

      /* A <room> outside a <day> gives its events no day (found by fuzzing: the app
       * crashed on such a file). */
      if (!g_str_equal (room_parent, "day") || state->day == NULL)
        {
          set_error_at (context, error, _("an event outside a day"));
          return;
        }

      /* A second <schedule> inside an event can hold events: the outer
       * one would then never be checked (its title, found by fuzzing). */
      if (state->event != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s: an event inside another event"), state->event->path);
          set_error_at (context, error, message);
          return;
        }

      raw = g_new0 (RawEvent, 1);
      raw->attachments = g_ptr_array_new_with_free_func (g_free);

      /* GMarkup lets an attribute repeat: the last one counts (and the
       * others must not leak, found by fuzzing). */
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "guid"))
          {
            g_free (raw->guid);
            raw->guid = dlg_json_strip_or_null (attribute_values[i]);
          }

      raw->session = g_object_new (DLG_TYPE_SESSION, NULL);
      raw->day = state->day;
      {
        g_autofree char *events = g_strconcat (state->room_path, ".event", NULL);

        raw->path = dlg_json_path_index (events, state->n_events_in_room++);
      }
      state->event = raw;
      g_ptr_array_add (state->events, raw);
      g_ptr_array_set_size (state->persons, 0);
    }
  else if (g_str_equal (name, "link") && state->event != NULL)
    {
      g_clear_pointer (&state->link_href, g_free);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "href"))
          {
            g_free (state->link_href);
            state->link_href = dlg_json_safe_url (attribute_values[i]);
          }
    }
  else if (g_str_equal (name, "attachment") && state->event != NULL)
    {
      g_clear_pointer (&state->attachment_href, g_free);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "href"))
          {
            g_free (state->attachment_href);
            state->attachment_href = g_strdup (attribute_values[i]);
          }
    }
}

static char *
take_text (XmlState *state)
{
  return dlg_json_strip_or_null (state->text->str);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *name,
                gpointer              user_data,
                GError              **error)
{
  XmlState *state = user_data;
  const char *parent = parent_name (state);
  RawEvent *raw = state->event;

  if (state->markup_depth > 0)
    {
      g_string_append_printf (state->text, "</%s>", name);
      state->markup_depth--;
      g_ptr_array_remove_index (state->stack, state->stack->len - 1);
      return;
    }

  if (g_str_equal (parent, "conference"))
    {
      char **field = NULL;

      if (g_str_equal (name, "acronym"))
        field = &state->acronym;
      else if (g_str_equal (name, "title"))
        field = &state->title;
      else if (g_str_equal (name, "start"))
        field = &state->start;
      else if (g_str_equal (name, "end"))
        field = &state->end;
      else if (g_str_equal (name, "time_zone_name"))
        field = &state->zone_name;
      else if (g_str_equal (name, "day_change"))
        field = &state->day_change;
      else if (g_str_equal (name, "base_url") || g_str_equal (name, "url"))
        {
          if (state->url == NULL)
            state->url = dlg_json_safe_url (state->text->str);
          if (g_str_equal (name, "base_url") && state->base_url == NULL)
            state->base_url = dlg_json_safe_url (state->text->str);
        }

      if (field != NULL)
        {
          g_free (*field);
          *field = take_text (state);
        }
    }
  else if (raw != NULL && g_str_equal (parent, "event"))
    {
      DlgSession *session = raw->session;
      char **field = NULL;

      if (g_str_equal (name, "title"))
        field = &session->title;
      else if (g_str_equal (name, "subtitle"))
        field = &session->subtitle;
      else if (g_str_equal (name, "abstract"))
        field = &session->abstract;
      else if (g_str_equal (name, "description"))
        field = &session->description;
      else if (g_str_equal (name, "room"))
        field = &session->room;
      else if (g_str_equal (name, "track"))
        field = &session->track;
      else if (g_str_equal (name, "type"))
        field = &session->kind;
      else if (g_str_equal (name, "language"))
        field = &session->language;
      else if (g_str_equal (name, "date"))
        field = &raw->date;
      else if (g_str_equal (name, "start"))
        field = &raw->start;
      else if (g_str_equal (name, "duration"))
        field = &raw->duration;
      else if (g_str_equal (name, "url"))
        {
          g_free (session->url);
          session->url = dlg_json_safe_url (state->text->str);
        }

      if (field != NULL)
        {
          g_free (*field);
          *field = take_text (state);
        }
    }
  else if (raw != NULL && g_str_equal (name, "person") && g_str_equal (parent, "persons"))
    {
      char *person = take_text (state);

      if (person != NULL)
        g_ptr_array_add (state->persons, person);
    }
  else if (raw != NULL && g_str_equal (name, "link") && g_str_equal (parent, "links"))
    {
      if (state->link_href != NULL)
        {
          g_autoptr(DlgLink) link = g_object_new (DLG_TYPE_LINK, NULL);

          link->url = g_steal_pointer (&state->link_href);
          link->title = take_text (state);
          g_list_store_append (G_LIST_STORE (raw->session->links), link);
        }
    }
  else if (raw != NULL && g_str_equal (name, "attachment") && g_str_equal (parent, "attachments"))
    {
      if (state->attachment_href != NULL)
        {
          g_ptr_array_add (raw->attachments, g_steal_pointer (&state->attachment_href));
          g_ptr_array_add (raw->attachments, take_text (state));
        }
    }
  else if (raw != NULL && g_str_equal (name, "event"))
    {
      g_ptr_array_add (state->persons, NULL);
      g_strfreev (raw->session->persons);
      raw->session->persons = (char **) g_ptr_array_steal (state->persons, NULL);
      if (raw->session->room == NULL)
        raw->session->room = g_strdup (state->room);
      if (raw->session->title == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("%s.title: required, but missing"),
                                                      raw->path);
          set_error_at (context, error, message);
        }
      state->event = NULL;
    }

  g_string_truncate (state->text, 0);
  state->field_markup = FALSE;
  g_ptr_array_remove_index (state->stack, state->stack->len - 1);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  XmlState *state = user_data;

  if (state->field_markup)
    {
      g_autofree char *escaped = g_markup_escape_text (text, length);

      g_string_append (state->text, escaped);
    }
  else
    g_string_append_len (state->text, text, length);
}

static const GMarkupParser parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  NULL,
  NULL,
};

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

static void
xml_state_clear (XmlState *state)
{
  g_clear_pointer (&state->events, g_ptr_array_unref);
  g_clear_pointer (&state->persons, g_ptr_array_unref);
  g_clear_pointer (&state->stack, g_ptr_array_unref);
  if (state->text != NULL)
    g_string_free (state->text, TRUE);
  g_free (state->acronym);
  g_free (state->title);
  g_free (state->start);
  g_free (state->end);
  g_free (state->zone_name);
  g_free (state->day_change);
  g_free (state->url);
  g_free (state->day_path);
  g_free (state->room);
  g_free (state->room_path);
  g_free (state->link_href);
  g_free (state->attachment_href);
  g_free (state->base_url);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XmlState, xml_state_clear)

/* The encoding the XML declaration at the start of @data names ("ISO-8859-1"), or NULL. */
static char *
declared_encoding (const char *data,
                   gsize       size)
{
  const char *p = data, *end = data + MIN (size, 512);
  const char *close, *value;
  char quote;

  while (p < end && g_ascii_isspace (*p))
    p++;
  if (end - p < 5 || memcmp (p, "<?xml", 5) != 0 ||
      (close = g_strstr_len (p, end - p, "?>")) == NULL ||
      (value = g_strstr_len (p, close - p, "encoding")) == NULL)
    return NULL;

  /* encoding = "name" (or 'name'), spaces allowed around the "=". */
  value += strlen ("encoding");
  while (value < close && g_ascii_isspace (*value))
    value++;
  if (value >= close || *value++ != '=')
    return NULL;
  while (value < close && g_ascii_isspace (*value))
    value++;
  if (value >= close || (*value != '"' && *value != '\''))
    return NULL;
  quote = *value++;
  for (p = value; p < close && *p != quote; p++)
    ;
  return p < close ? g_strndup (value, p - value) : NULL;
}

/* @bytes in UTF-8: converted from the encoding its XML declaration names, as every XML
 * reader does (older generators write Latin-1), or as they are. */
static GBytes *
to_utf8 (GBytes        *bytes,
         DlgFeedNotes  *notes,
         GError       **error)
{
  gsize size, written;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *encoding = data != NULL ? declared_encoding (data, size) : NULL;
  g_autoptr(GError) local_error = NULL;
  char *converted = NULL;
  gboolean valid_name;

  /* A declaration read byte by byte is in no 16- or 32-bit encoding, whatever it says (a
   * file really in UTF-16 is refused before this, in words that say so). */
  if (encoding == NULL || g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
      g_ascii_strcasecmp (encoding, "UTF8") == 0 ||
      g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0 ||
      g_ascii_strncasecmp (encoding, "UTF-32", 6) == 0 ||
      g_ascii_strncasecmp (encoding, "UCS", 3) == 0)
    return g_bytes_ref (bytes);

  /* Many a template says ISO-8859-1 over text in UTF-8: text that reads as UTF-8 is UTF-8
   * (Latin-1 text is almost never also valid UTF-8), and "José" does not become "JosÃ©". */
  if (g_utf8_validate_len (data, size, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (encoding, -1);

      /* Pure ASCII reads the same in both: nothing to say. */
      for (gsize i = 0; i < size; i++)
        if ((guchar) data[i] >= 0x80)
          {
            dlg_feed_note (notes, "encoding",
                           /* Translators: the encoding a schedule.xml names, e.g. “ISO-8859-1” */
                           _("(document): it says it is in “%s”, but is written in UTF-8: "
                             "Delegate reads it as UTF-8, but other programs may show its "
                             "accented letters wrong: declare encoding=\"UTF-8\""), shown);
            break;
          }
      return g_bytes_ref (bytes);
    }

  /* Only a name as XML spells one ([A-Za-z][A-Za-z0-9._-]*) goes to iconv. */
  valid_name = g_ascii_isalpha (encoding[0]) && strlen (encoding) <= 40;
  for (const char *p = encoding; valid_name && *p != '\0'; p++)
    valid_name = g_ascii_isalnum (*p) || strchr ("._-", *p) != NULL;
  if (valid_name)
    converted = g_convert (data, size, "UTF-8", encoding, NULL, &written, &local_error);
  else
    g_set_error_literal (&local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION, "");
  if (converted == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (encoding, -1);

      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                     /* Translators: the encoding a schedule.xml names, e.g. “ISO-8859-1” */
                     _("not valid XML: it says it is in “%s”, which this computer cannot read: "
                       "save it as UTF-8"), shown);
      else
        g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                     /* Translators: the encoding a schedule.xml names, e.g. “ISO-8859-1” */
                     _("not valid XML: the text is not in “%s”, as it says it is: "
                       "save it as UTF-8"), shown);
      return NULL;
    }

  dlg_feed_note (notes, "encoding",
                 /* Translators: the encoding a schedule.xml names, e.g. “ISO-8859-1” */
                 _("(document): in “%s”, as it says: Delegate converts it, but other programs "
                   "may not: save it as UTF-8"), encoding);
  return g_bytes_new_take (converted, written);
}

DlgFeed *
dlg_feed_parse_schedule_xml (GBytes              *bytes,
                             const char * const  *languages,
                             DlgFeedNotes        *notes,
                             GError             **error)
{
  g_autoptr(DlgFeed) feed = g_object_new (DLG_TYPE_FEED, NULL);
  g_autoptr(GPtrArray) preferences = dlg_json_normalise_languages (languages);
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_auto(XmlState) state = { 0 };
  g_auto(DlgFeedParseContext) ctx = { 0 };
  g_autoptr(GBytes) text = NULL;
  DlgEvent *event;
  gsize size;
  const char *data;
  const char *invalid = NULL;
  g_autofree char *chosen = NULL;
  gboolean floating;
  guint n_days;

  state.feed = feed;
  state.languages = preferences;
  state.notes = notes;
  state.events = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_event_free);
  state.persons = g_ptr_array_new_with_free_func (g_free);
  state.stack = g_ptr_array_new ();
  state.text = g_string_new (NULL);

  text = to_utf8 (bytes, notes, error);
  if (text == NULL)
    return NULL;
  data = g_bytes_get_data (text, &size);

  /* GMarkup reads UTF-8 only, and GLib 2.74's goes on after invalid UTF-8
   * in a CDATA section and sets a second error over the first (found by
   * fuzzing): check the whole text first. */
  if (data != NULL && !g_utf8_validate_len (data, size, &invalid))
    {
      int line, column;
      g_autofree char *where = NULL;

      dlg_json_position (data, invalid - data, &line, &column);
      /* Translators: where a schedule.xml went wrong, then what */
      where = g_strdup_printf (_("line %d, column %d: %s"), line, column,
                               _("the text is not valid UTF-8"));
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON, _("not valid XML: %s"),
                   where);
      return NULL;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      /* GMarkup's own messages already give the line and character. */
      if (error != NULL && *error != NULL && (*error)->domain == G_MARKUP_ERROR)
        {
          /* GMarkup quotes the invalid bytes it found as they are: an
           * error a label shows must be valid UTF-8. */
          g_autofree char *message = g_utf8_make_valid ((*error)->message, -1);

          g_clear_error (error);
          g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID_JSON,
                       _("not valid XML: %s"), message);
        }
      return NULL;
    }

  event = g_object_new (DLG_TYPE_EVENT, NULL);
  feed->event = event;
  event->id = g_strdup (state.acronym != NULL ? state.acronym : state.title);
  event->title = g_strdup (state.title != NULL ? state.title : state.acronym);
  event->url = g_steal_pointer (&state.url);
  if (event->id == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: required, but missing"), "schedule.conference.acronym");
      return NULL;
    }

  for (guint i = 0; i < state.events->len; i++)
    {
      RawEvent *raw = g_ptr_array_index (state.events, i);

      if (raw->date != NULL)
        g_ptr_array_add (dates, raw->date);
    }

  /* A day copied from the one before, its index left as it was, would list the other's
   * sessions too: the days are numbered by their place instead, as in a schedule.json. */
  n_days = g_list_model_get_n_items (G_LIST_MODEL (feed->days));
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
    gboolean twice = FALSE;

    for (guint i = 0; i < n_days && !twice; i++)
      {
        g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), i);

        twice = !g_hash_table_add (seen, GUINT_TO_POINTER (day->index + 1));
        if (twice)
          dlg_feed_note (notes, "index twice",
                         _("schedule.day[%u].index: day %u is numbered twice: Delegate numbers "
                           "every day by its place (1, 2, …)"), i, day->index);
      }
    for (guint i = 0; i < n_days && twice; i++)
      {
        g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), i);

        day->index = i + 1;
      }
  }

  event->time_zone = dlg_feed_choose_zone (state.zone_name, "schedule.conference.time_zone_name",
                                           dates, TRUE, &chosen, &floating, error);
  if (event->time_zone == NULL)
    return NULL;
  dlg_feed_note_zone (notes, state.zone_name, "schedule.conference.time_zone_name", chosen,
                      floating);
  event->time_zone_name = g_steal_pointer (&chosen);
  event->floating_time = floating;

  ctx.languages = preferences;
  ctx.feed = feed;
  ctx.zone = event->time_zone;
  ctx.wild = TRUE;
  ctx.notes = notes;
  if (!dlg_feed_set_day_change (&ctx, state.day_change, "schedule.conference.day_change", error))
    return NULL;

  for (guint i = 0; i < state.events->len; i++)
    {
      RawEvent *raw = g_ptr_array_index (state.events, i);

      for (guint j = 0; j + 1 < raw->attachments->len; j += 2)
        if (!dlg_feed_add_attachment (raw->session, state.base_url,
                                      g_ptr_array_index (raw->attachments, j),
                                      g_ptr_array_index (raw->attachments, j + 1)))
          dlg_feed_note (notes, "attachment",
                         _("%s.attachments.attachment[%u]: no http or https address Delegate "
                           "can link to (an “href”, or a path on the site and a “base_url”): "
                           "the file is not shown"), raw->path, j / 2);
      if (!dlg_feed_place_session (&ctx, raw->session, raw->day, raw->date, raw->start,
                                   raw->duration, raw->guid, raw->path, error))
        return NULL;
      g_ptr_array_add (sessions, g_steal_pointer (&raw->session));
    }
  dlg_feed_add_sessions (feed, sessions);

  n_days = g_list_model_get_n_items (G_LIST_MODEL (feed->days));
  event->start_date = leading_date (state.start);
  event->end_date = leading_date (state.end);
  if (event->start_date == NULL && n_days > 0)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), 0);

      event->start_date = g_strdup (day->date);
    }
  if (event->end_date == NULL && n_days > 0)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (feed->days), n_days - 1);

      event->end_date = g_strdup (day->date);
    }
  if (event->start_date == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                   _("%s: required, but missing"), "schedule.conference.start");
      return NULL;
    }
  if (event->end_date == NULL)
    event->end_date = g_strdup (event->start_date);

  return g_steal_pointer (&feed);
}
