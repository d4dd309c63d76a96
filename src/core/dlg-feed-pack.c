/* dlg-feed-pack.c: a parsed feed kept in a form that is read back without parsing
 *
 * Reading a large saved event at start-up used to mean parsing its JSON again: 2.7 MB for a
 * 1,000-session forum with 514 members, some 200 ms of a worker thread that built and freed a
 * 14 MiB tree while GTK started beside it, both contending for one malloc arena.  Once parsed,
 * a feed is packed and kept beside its source (dlg-sync-stored.c): a later start copies the
 * objects' fields straight out of it.
 *
 * The form is a plain sequence of fields, in the order the functions below write them:
 * numbers in this machine's byte order, strings as their length + 1 (0 for none) and their
 * bytes, lists as their count (+ 1 where "none" differs from empty) and their items.  A
 * GVariant of the same feed read back five times slower: it makes an object for every field.
 *
 * The pack is never the truth: it is made from a parsed feed, checked against the bytes it
 * came from by the store, and tagged with this build's version and byte order.  Anything
 * else (another version, a damaged row) makes dlg_feed_unpack() fail, and the source is
 * parsed again.  Every read is bounds-checked and every string UTF-8-checked, and what the
 * parser promises of a feed (both ends of every session, in order, only http(s) links, a
 * time zone it could load...) is checked again: a damaged pack can only be refused
 * (tests/fuzz/fuzz-pack.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed-pack"

#include "config.h"

#include <string.h>

#include "dlg-feed-pack.h"
#include "dlg-json-reader.h"
#include "dlg-models-private.h"

/* Bump PACK_FORMAT whenever the parser builds something different from the same bytes, or
 * the fields below change: packs of another format are not read. */
#define PACK_FORMAT "4"
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define PACK_TAG    "Delegate " PACKAGE_VERSION " feed pack " PACK_FORMAT " le"
#else
#define PACK_TAG    "Delegate " PACKAGE_VERSION " feed pack " PACK_FORMAT " be"
#endif
#define PACK_END    0x444e45u  /* after the last field: a pack cut short is refused */

/* --- writing ----------------------------------------------------------------------------- */

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

static void
put_i64 (GByteArray *out,
         gint64      value)
{
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

static void
put_f64 (GByteArray *out,
         double      value)
{
  g_byte_array_append (out, (const guint8 *) &value, sizeof value);
}

static void
put_str (GByteArray *out,
         const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  put_u32 (out, text != NULL ? (guint32) length + 1 : 0);
  g_byte_array_append (out, (const guint8 *) text, length);
}

/* A NULL list and an empty one differ: the count is one more than the length. */
static void
put_strv (GByteArray  *out,
          char       **strv)
{
  put_u32 (out, strv != NULL ? g_strv_length (strv) + 1 : 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    put_str (out, strv[i]);
}

static void
put_links (GByteArray *out,
           GListModel *links)
{
  guint n = g_list_model_get_n_items (links);

  put_u32 (out, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgLink) link = g_list_model_get_item (links, i);

      put_str (out, link->url);
      put_str (out, link->title);
    }
}

static void
put_event (GByteArray *out,
           DlgEvent   *e)
{
  put_str (out, e->id);
  put_str (out, e->title);
  put_str (out, e->subtitle);
  put_str (out, e->venue);
  put_str (out, e->address);
  put_str (out, e->city);
  put_str (out, e->organiser);
  put_str (out, e->url);
  put_str (out, e->notice);
  put_str (out, e->time_zone_name);
  put_str (out, g_time_zone_get_identifier (e->time_zone));
  put_str (out, e->start_date);
  put_str (out, e->end_date);
  put_strv (out, e->languages);
  put_str (out, e->host_member);
  put_str (out, e->president_name);
  put_str (out, e->president_role);
  put_str (out, e->president_member);
  put_u32 (out, e->floating_time);
}

static void
put_session (GByteArray *out,
             DlgSession *s)
{
  put_str (out, s->key);
  put_str (out, s->title);
  put_str (out, s->subtitle);
  put_str (out, s->abstract);
  put_str (out, s->description);
  put_str (out, s->room);
  put_str (out, s->track);
  put_str (out, s->kind);
  put_str (out, s->language);
  put_str (out, s->url);
  put_strv (out, s->persons);
  put_strv (out, s->members);
  put_i64 (out, g_date_time_to_unix (s->start));
  put_i64 (out, g_date_time_to_unix (s->end));
  put_u32 (out, s->duration);
  put_u32 (out, s->day);
  put_u32 (out, s->time_tba);
  put_links (out, s->links);
  put_str (out, s->other_languages);
}

static void
put_day (GByteArray *out,
         DlgDay     *d)
{
  put_u32 (out, d->index);
  put_str (out, d->date);
  put_u32 (out, d->n_sessions);
}

static void
put_member (GByteArray *out,
            DlgMember  *m)
{
  guint n = g_list_model_get_n_items (m->delegates);

  put_str (out, m->id);
  put_str (out, m->name);
  put_u32 (out, m->kind);
  put_str (out, m->province);
  put_str (out, m->region);
  put_u32 (out, m->joined);
  put_str (out, m->head_title);
  put_str (out, m->head_name);
  put_str (out, m->website);
  put_str (out, m->email);
  put_str (out, m->phone);
  put_str (out, m->address);
  put_u32 (out, m->has_coordinates);
  put_f64 (out, m->latitude);
  put_f64 (out, m->longitude);
  put_str (out, m->smart_city);
  put_str (out, m->smart_city_programme);
  put_u32 (out, m->has_smart_city_masterplan);
  put_u32 (out, m->smart_city_masterplan);
  put_str (out, m->description);
  put_u32 (out, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgPerson) p = g_list_model_get_item (m->delegates, i);

      put_str (out, p->name);
      put_str (out, p->role);
      put_str (out, p->email);
      put_str (out, p->phone);
    }
}

static void
put_practice (GByteArray  *out,
              DlgPractice *p)
{
  put_str (out, p->id);
  put_str (out, p->title);
  put_str (out, p->member);
  put_str (out, p->session);
  put_str (out, p->summary);
  put_str (out, p->body);
  put_strv (out, p->tags);
  put_links (out, p->links);
}

typedef void (*PutItem) (GByteArray *out,
                         gpointer    item);

static void
put_list (GByteArray *out,
          GListModel *list,
          PutItem     put_item)
{
  guint n = g_list_model_get_n_items (list);

  put_u32 (out, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      put_item (out, item);
    }
}

static gboolean
packable (DlgFeed *feed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (feed->sessions));

  if (feed->event == NULL || feed->event->time_zone == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (G_LIST_MODEL (feed->sessions), i);

      if (session->key == NULL || session->start == NULL || session->end == NULL)
        return FALSE;
    }
  return TRUE;
}

GBytes *
dlg_feed_pack (DlgFeed *feed)
{
  GByteArray *out;

  g_return_val_if_fail (DLG_IS_FEED (feed), NULL);

  if (!packable (feed))
    return NULL;

  out = g_byte_array_sized_new (1024 * 1024);
  put_str (out, PACK_TAG);
  put_event (out, feed->event);
  put_list (out, G_LIST_MODEL (feed->sessions), (PutItem) put_session);
  put_list (out, G_LIST_MODEL (feed->days), (PutItem) put_day);
  put_list (out, G_LIST_MODEL (feed->members), (PutItem) put_member);
  put_list (out, G_LIST_MODEL (feed->practices), (PutItem) put_practice);
  put_u32 (out, PACK_END);

  return g_byte_array_free_to_bytes (out);
}

/* --- reading ----------------------------------------------------------------------------- */

typedef struct
{
  const guint8 *at;
  const guint8 *end;
  gboolean      damaged;  /* once set, every read gives nothing */
} Reader;

static const guint8 *
take (Reader *r,
      gsize   size)
{
  const guint8 *at = r->at;

  if (r->damaged || (gsize) (r->end - r->at) < size)
    {
      r->damaged = TRUE;
      return NULL;
    }
  r->at += size;
  return at;
}

static guint32
get_u32 (Reader *r)
{
  const guint8 *at = take (r, sizeof (guint32));
  guint32 value = 0;

  if (at != NULL)
    memcpy (&value, at, sizeof value);
  return value;
}

static gint64
get_i64 (Reader *r)
{
  const guint8 *at = take (r, sizeof (gint64));
  gint64 value = 0;

  if (at != NULL)
    memcpy (&value, at, sizeof value);
  return value;
}

static double
get_f64 (Reader *r)
{
  const guint8 *at = take (r, sizeof (double));
  double value = 0;

  if (at != NULL)
    memcpy (&value, at, sizeof value);
  return value;
}

static gboolean
get_bool (Reader *r)
{
  guint32 value = get_u32 (r);

  if (value > 1)
    r->damaged = TRUE;
  return value == 1;
}

/* A count of items that take at least 4 bytes each: one larger than what is left is damage
 * (and would only make a long loop). */
static guint32
get_count (Reader *r)
{
  guint32 n = get_u32 (r);

  if (n > (gsize) (r->end - r->at) / 4)
    {
      r->damaged = TRUE;
      return 0;
    }
  return n;
}

static char *
get_str (Reader *r)
{
  guint32 size = get_u32 (r);
  const char *text;

  if (size == 0 || (text = (const char *) take (r, size - 1)) == NULL)
    return NULL;
  /* No NUL inside, and valid UTF-8: labels show these as they are. */
  if (!g_utf8_validate_len (text, size - 1, NULL))
    {
      r->damaged = TRUE;
      return NULL;
    }
  return g_strndup (text, size - 1);
}

static char **
get_strv (Reader *r)
{
  guint32 n = get_count (r);
  char **strv;

  if (n == 0)
    return NULL;
  strv = g_new0 (char *, n);
  for (guint32 i = 0; i < n - 1 && !r->damaged; i++)
    {
      strv[i] = get_str (r);
      if (strv[i] == NULL)
        r->damaged = TRUE;
    }
  return strv;
}

/* Into a list field the object made empty (the models' lists are never NULL): "none" is
 * damage. */
static void
take_strv (Reader   *r,
           char   ***field)
{
  char **strv = get_strv (r);

  if (strv == NULL)
    {
      r->damaged = TRUE;
      return;
    }
  g_strfreev (*field);
  *field = strv;
}

/* A pack can be damaged where its bytes still read as fields (a flipped bit in a time, a
 * string's length), and the panes count on what the parser promises: so that is checked
 * too, field by field (found by fuzzing: a session that ended before it began).  NULL, or
 * an address the parser would have kept. */
static gboolean
url_sound (const char *url)
{
  g_autofree char *safe = NULL;

  if (url == NULL)
    return TRUE;
  safe = dlg_json_safe_url (url);
  return g_strcmp0 (safe, url) == 0;
}

static void
get_links (Reader     *r,
           GListModel *links)
{
  guint32 n = get_count (r);

  for (guint32 i = 0; i < n && !r->damaged; i++)
    {
      g_autoptr(DlgLink) link = g_object_new (DLG_TYPE_LINK, NULL);

      link->url = get_str (r);
      link->title = get_str (r);
      if (link->url == NULL || !url_sound (link->url))
        r->damaged = TRUE;
      g_list_store_append (G_LIST_STORE (links), link);
    }
}

static DlgEvent *
get_event (Reader *r)
{
  DlgEvent *e = g_object_new (DLG_TYPE_EVENT, NULL);
  g_autofree char *zone = NULL;

  e->id = get_str (r);
  e->title = get_str (r);
  e->subtitle = get_str (r);
  e->venue = get_str (r);
  e->address = get_str (r);
  e->city = get_str (r);
  e->organiser = get_str (r);
  e->url = get_str (r);
  e->notice = get_str (r);
  e->time_zone_name = get_str (r);
  zone = get_str (r);
  e->start_date = get_str (r);
  e->end_date = get_str (r);
  take_strv (r, &e->languages);
  e->host_member = get_str (r);
  e->president_name = get_str (r);
  e->president_role = get_str (r);
  e->president_member = get_str (r);
  e->floating_time = get_bool (r);
  if (zone != NULL)
    e->time_zone = g_time_zone_new_identifier (zone);
  if (e->time_zone == NULL || e->id == NULL || e->title == NULL || !url_sound (e->url))
    r->damaged = TRUE;
  /* A name the parser could load (calendar exports write it out as it is). */
  if (!r->damaged && e->time_zone_name != NULL)
    {
      g_autoptr(GTimeZone) named = g_time_zone_new_identifier (e->time_zone_name);

      if (named == NULL)
        r->damaged = TRUE;
    }
  return e;
}

static GDateTime *
get_instant (Reader    *r,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (get_i64 (r));

  if (utc == NULL)
    {
      r->damaged = TRUE;
      return NULL;
    }
  return g_date_time_to_timezone (utc, zone);
}

static DlgSession *
get_session (Reader    *r,
             GTimeZone *zone)
{
  DlgSession *s = g_object_new (DLG_TYPE_SESSION, NULL);

  s->key = get_str (r);
  s->title = get_str (r);
  s->subtitle = get_str (r);
  s->abstract = get_str (r);
  s->description = get_str (r);
  s->room = get_str (r);
  s->track = get_str (r);
  s->kind = get_str (r);
  s->language = get_str (r);
  s->url = get_str (r);
  take_strv (r, &s->persons);
  take_strv (r, &s->members);
  s->start = get_instant (r, zone);
  s->end = get_instant (r, zone);
  s->duration = get_u32 (r);
  s->day = get_u32 (r);
  s->time_tba = get_bool (r);
  get_links (r, s->links);
  s->other_languages = get_str (r);
  if (s->key == NULL || s->title == NULL || !url_sound (s->url) ||
      s->start == NULL || s->end == NULL || g_date_time_compare (s->end, s->start) < 0)
    r->damaged = TRUE;
  return s;
}

static DlgDay *
get_day (Reader *r)
{
  DlgDay *d = g_object_new (DLG_TYPE_DAY, NULL);

  d->index = get_u32 (r);
  d->date = get_str (r);
  d->n_sessions = get_u32 (r);
  if (d->date == NULL)
    r->damaged = TRUE;
  return d;
}

static DlgMember *
get_member (Reader *r)
{
  DlgMember *m = g_object_new (DLG_TYPE_MEMBER, NULL);
  guint32 n;

  m->id = get_str (r);
  m->name = get_str (r);
  m->kind = get_u32 (r);
  if (m->kind > DLG_MEMBER_KIND_ORGANISATION)
    r->damaged = TRUE;
  m->province = get_str (r);
  m->region = get_str (r);
  m->joined = get_u32 (r);
  m->head_title = get_str (r);
  m->head_name = get_str (r);
  m->website = get_str (r);
  m->email = get_str (r);
  m->phone = get_str (r);
  m->address = get_str (r);
  m->has_coordinates = get_bool (r);
  m->latitude = get_f64 (r);
  m->longitude = get_f64 (r);
  m->smart_city = get_str (r);
  m->smart_city_programme = get_str (r);
  m->has_smart_city_masterplan = get_bool (r);
  m->smart_city_masterplan = get_bool (r);
  m->description = get_str (r);
  n = get_count (r);
  for (guint32 i = 0; i < n && !r->damaged; i++)
    {
      g_autoptr(DlgPerson) p = g_object_new (DLG_TYPE_PERSON, NULL);

      p->name = get_str (r);
      p->role = get_str (r);
      p->email = get_str (r);
      p->phone = get_str (r);
      if (p->name == NULL)
        r->damaged = TRUE;
      g_list_store_append (G_LIST_STORE (m->delegates), p);
    }
  if (m->id == NULL || m->name == NULL || !url_sound (m->website))
    r->damaged = TRUE;
  if (m->has_coordinates &&
      !(m->latitude >= -90 && m->latitude <= 90 && m->longitude >= -180 && m->longitude <= 180))
    r->damaged = TRUE;
  return m;
}

static DlgPractice *
get_practice (Reader *r)
{
  DlgPractice *p = g_object_new (DLG_TYPE_PRACTICE, NULL);

  p->id = get_str (r);
  p->title = get_str (r);
  p->member = get_str (r);
  p->session = get_str (r);
  p->summary = get_str (r);
  p->body = get_str (r);
  take_strv (r, &p->tags);
  get_links (r, p->links);
  if (p->id == NULL || p->title == NULL)
    r->damaged = TRUE;
  return p;
}

/* Reads a count and that many items into @store, indexing them by @key_offset (a char *
 * field of the item) in @index when given; stops at the first damage or repeated key. */
static void
get_list (Reader     *r,
          GListStore *store,
          GHashTable *index,
          gsize       key_offset,
          gpointer  (*get_item) (Reader *, gpointer),
          gpointer    data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 n = get_count (r);

  for (guint32 i = 0; i < n && !r->damaged; i++)
    {
      gpointer item = get_item (r, data);

      g_ptr_array_add (items, item);
      if (index != NULL && !r->damaged)
        {
          const char *key = G_STRUCT_MEMBER (const char *, item, key_offset);

          if (g_hash_table_contains (index, key))
            r->damaged = TRUE;
          else
            g_hash_table_insert (index, (gpointer) key, item);
        }
    }
  /* In the parser's order already. */
  if (!r->damaged)
    g_list_store_splice (store, 0, 0, items->pdata, items->len);
}

static gpointer
get_session_cb (Reader   *r,
                gpointer  zone)
{
  return get_session (r, zone);
}

static gpointer
get_day_cb (Reader   *r,
            gpointer  data)
{
  return get_day (r);
}

static gpointer
get_member_cb (Reader   *r,
               gpointer  data)
{
  return get_member (r);
}

static gpointer
get_practice_cb (Reader   *r,
                 gpointer  data)
{
  return get_practice (r);
}

/* The agenda lists sessions by start. */
static gboolean
sessions_in_order (GListModel *sessions)
{
  GDateTime *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) s = g_list_model_get_item (sessions, i);

      if (previous != NULL && g_date_time_compare (s->start, previous) < 0)
        return FALSE;
      previous = s->start;  /* the list keeps the session, and so its start */
    }
  return TRUE;
}

DlgFeed *
dlg_feed_unpack (GBytes  *packed,
                 GError **error)
{
  g_autoptr(DlgFeed) feed = NULL;
  g_autofree char *tag = NULL;
  gsize size = 0;
  Reader r = { NULL, NULL, FALSE };

  g_return_val_if_fail (packed != NULL, NULL);

  r.at = g_bytes_get_data (packed, &size);
  r.end = r.at + size;
  tag = get_str (&r);
  if (g_strcmp0 (tag, PACK_TAG) != 0)
    {
      g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                           "the feed was packed by another version");
      return NULL;
    }

  feed = g_object_new (DLG_TYPE_FEED, NULL);
  feed->event = get_event (&r);
  if (!r.damaged)
    get_list (&r, feed->sessions, feed->session_index, G_STRUCT_OFFSET (DlgSession, key),
              get_session_cb, feed->event->time_zone);
  get_list (&r, feed->days, NULL, 0, get_day_cb, NULL);
  get_list (&r, feed->members, feed->member_index, G_STRUCT_OFFSET (DlgMember, id),
            get_member_cb, NULL);
  get_list (&r, feed->practices, feed->practice_index, G_STRUCT_OFFSET (DlgPractice, id),
            get_practice_cb, NULL);
  if (get_u32 (&r) != PACK_END || r.at != r.end)
    r.damaged = TRUE;
  if (!r.damaged && !sessions_in_order (G_LIST_MODEL (feed->sessions)))
    r.damaged = TRUE;

  if (r.damaged)
    {
      g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID,
                           "the packed feed is damaged");
      return NULL;
    }
  return g_steal_pointer (&feed);
}
