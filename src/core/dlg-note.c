/* dlg-note.c: one of the delegate's own notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-note"

#include "config.h"

#include <string.h>

#include "dlg-note.h"
#include "dlg-note-search.h"

struct _DlgNote
{
  GObject      parent_instance;

  char        *id;
  char        *event_id;
  DlgNoteKind  kind;
  char        *key;
  char        *title;
  char        *body;
  gint64       created;
  gint64       modified;
  gboolean     deleted;
  char        *item_title; /* what it is attached to, as last seen in the feed */
};

G_DEFINE_FINAL_TYPE (DlgNote, dlg_note, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DlgNoteKind, dlg_note_kind,
                    G_DEFINE_ENUM_VALUE (DLG_NOTE_FREE, "free"),
                    G_DEFINE_ENUM_VALUE (DLG_NOTE_SESSION, "session"),
                    G_DEFINE_ENUM_VALUE (DLG_NOTE_PRACTICE, "practice"),
                    G_DEFINE_ENUM_VALUE (DLG_NOTE_MEMBER, "member"))

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_ID,
  PROP_KIND,
  PROP_KEY,
  PROP_TITLE,
  PROP_BODY,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_DELETED,
  PROP_ITEM_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "free", "session", "practice", "member" };

const char *
dlg_note_kind_to_string (DlgNoteKind kind)
{
  g_return_val_if_fail (kind <= DLG_NOTE_MEMBER, "free");

  return kind_names[kind];
}

gboolean
dlg_note_kind_from_string (const char  *name,
                           DlgNoteKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Strictly increasing within the process, so that of two edits the later
 * one always has the later time, even within one microsecond. */
static gint64
next_time (void)
{
  static gint64 last;
  static GMutex lock;
  gint64 now = g_get_real_time ();

  g_mutex_lock (&lock);
  if (now <= last)
    now = last + 1;
  last = now;
  g_mutex_unlock (&lock);

  return now;
}

DlgNote *
dlg_note_new (const char  *event_id,
              DlgNoteKind  kind,
              const char  *key)
{
  g_autofree char *id = g_uuid_string_random ();
  gint64 now = next_time ();

  return dlg_note_new_full (id, event_id, kind, kind == DLG_NOTE_FREE ? NULL : key,
                            "", "", now, now, FALSE);
}

DlgNote *
dlg_note_new_full (const char  *id,
                   const char  *event_id,
                   DlgNoteKind  kind,
                   const char  *key,
                   const char  *title,
                   const char  *body,
                   gint64       created,
                   gint64       modified,
                   gboolean     deleted)
{
  DlgNote *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  self = g_object_new (DLG_TYPE_NOTE, NULL);
  self->id = g_strdup (id);
  self->event_id = g_strdup (event_id);
  self->kind = kind;
  self->key = g_strdup (key);
  self->title = g_strdup (title != NULL ? title : "");
  self->body = g_strdup (body != NULL ? body : "");
  self->created = created;
  self->modified = modified;
  self->deleted = deleted;
  return self;
}

DlgNote *
dlg_note_copy (DlgNote *self)
{
  DlgNote *copy;

  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);

  copy = dlg_note_new_full (self->id, self->event_id, self->kind, self->key, self->title,
                            self->body, self->created, self->modified, self->deleted);
  copy->item_title = g_strdup (self->item_title);
  return copy;
}

const char *
dlg_note_get_id (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->id;
}

const char *
dlg_note_get_event_id (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->event_id;
}

DlgNoteKind
dlg_note_get_kind (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), DLG_NOTE_FREE);
  return self->kind;
}

const char *
dlg_note_get_key (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->key;
}

const char *
dlg_note_get_title (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->title;
}

const char *
dlg_note_get_body (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->body;
}

gint64
dlg_note_get_created (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), 0);
  return self->created;
}

gint64
dlg_note_get_modified (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), 0);
  return self->modified;
}

gboolean
dlg_note_get_deleted (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), FALSE);
  return self->deleted;
}

const char *
dlg_note_get_item_title (DlgNote *self)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);
  return self->item_title;
}

void
dlg_note_set_item_title (DlgNote    *self,
                         const char *item_title)
{
  g_return_if_fail (DLG_IS_NOTE (self));

  /* g_set_str() is GLib 2.76. */
  if (g_strcmp0 (self->item_title, item_title) == 0)
    return;
  g_free (self->item_title);
  self->item_title = g_strdup (item_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_TITLE]);
}

gboolean
dlg_note_remember_item (DlgNote *self,
                        DlgFeed *feed)
{
  const char *name;

  g_return_val_if_fail (DLG_IS_NOTE (self), FALSE);

  name = dlg_note_get_item_name (self, feed);
  if (name == NULL || g_strcmp0 (name, self->item_title) == 0)
    return FALSE;
  dlg_note_set_item_title (self, name);
  return TRUE;
}

static void
touch (DlgNote *self,
       guint    prop)
{
  /* Later than the note's own time as well as the clock's: a note written on a
   * laptop whose clock ran ahead (imported, or before the clock was set back) must
   * still take its newer edits, as the store keeps only the later of two copies. */
  self->modified = MAX (next_time (), self->modified + 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
dlg_note_set_title (DlgNote    *self,
                    const char *title)
{
  g_return_if_fail (DLG_IS_NOTE (self));

  if (g_strcmp0 (self->title, title != NULL ? title : "") == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  touch (self, PROP_TITLE);
}

void
dlg_note_set_body (DlgNote    *self,
                   const char *body)
{
  g_return_if_fail (DLG_IS_NOTE (self));

  if (g_strcmp0 (self->body, body != NULL ? body : "") == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (body != NULL ? body : "");
  touch (self, PROP_BODY);
}

void
dlg_note_set_deleted (DlgNote  *self,
                      gboolean  deleted)
{
  g_return_if_fail (DLG_IS_NOTE (self));

  if (self->deleted == !!deleted)
    return;
  self->deleted = !!deleted;
  touch (self, PROP_DELETED);
}

void
dlg_note_move_to_event (DlgNote    *self,
                        const char *event_id)
{
  g_return_if_fail (DLG_IS_NOTE (self));
  g_return_if_fail (event_id != NULL);

  if (g_strcmp0 (self->event_id, event_id) == 0)
    return;
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

char *
dlg_note_dup_heading (DlgNote *self)
{
  g_autofree char *title = NULL;
  const char *body;
  const char *end;

  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);

  title = g_strstrip (g_strdup (self->title));
  if (title[0] != '\0')
    return g_steal_pointer (&title);

  body = self->body;
  while (*body == '\n' || *body == ' ' || *body == '\t' || *body == '\r')
    body++;
  if (*body == '\0')
    return NULL;
  end = strchr (body, '\n');
  return g_strstrip (g_strndup (body, end != NULL ? (gsize) (end - body) : strlen (body)));
}

gboolean
dlg_note_matches (DlgNote    *self,
                  const char *query)
{
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (DLG_IS_NOTE (self), FALSE);

  /* What it is about too, as its row in the list says it: "opening" finds the notes on
   * the opening session. */
  haystack = g_strconcat (self->title, "\n", self->body, "\n",
                          self->item_title != NULL ? self->item_title : "", NULL);
  return dlg_note_search_text (haystack, query);
}

const char *
dlg_note_get_item_name (DlgNote *self,
                        DlgFeed *feed)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), NULL);

  if (feed == NULL || self->key == NULL)
    return NULL;

  switch (self->kind)
    {
    case DLG_NOTE_SESSION:
      {
        DlgSession *session = dlg_feed_find_session (feed, self->key);
        return session != NULL ? dlg_session_get_title (session) : NULL;
      }

    case DLG_NOTE_PRACTICE:
      {
        DlgPractice *practice = dlg_feed_find_practice (feed, self->key);
        return practice != NULL ? dlg_practice_get_title (practice) : NULL;
      }

    case DLG_NOTE_MEMBER:
      {
        DlgMember *member = dlg_feed_find_member (feed, self->key);
        return member != NULL ? dlg_member_get_name (member) : NULL;
      }

    case DLG_NOTE_FREE:
    default:
      return NULL;
    }
}

gboolean
dlg_note_is_orphaned (DlgNote *self,
                      DlgFeed *feed)
{
  g_return_val_if_fail (DLG_IS_NOTE (self), FALSE);
  g_return_val_if_fail (DLG_IS_FEED (feed), FALSE);

  if (self->kind == DLG_NOTE_FREE)
    return FALSE;
  return dlg_note_get_item_name (self, feed) == NULL;
}

static void
dlg_note_finalize (GObject *object)
{
  DlgNote *self = DLG_NOTE (object);

  g_free (self->id);
  g_free (self->event_id);
  g_free (self->key);
  g_free (self->title);
  g_free (self->body);
  g_free (self->item_title);

  G_OBJECT_CLASS (dlg_note_parent_class)->finalize (object);
}

static void
dlg_note_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DlgNote *self = DLG_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, self->modified);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted);
      break;
    case PROP_ITEM_TITLE:
      g_value_set_string (value, self->item_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_note_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  DlgNote *self = DLG_NOTE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      dlg_note_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      dlg_note_set_body (self, g_value_get_string (value));
      break;
    case PROP_DELETED:
      dlg_note_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_note_class_init (DlgNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dlg_note_finalize;
  object_class->get_property = dlg_note_get_property;
  object_class->set_property = dlg_note_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_ID] = g_param_spec_string ("event-id", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, DLG_TYPE_NOTE_KIND,
                                             DLG_NOTE_FREE, ro);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL,
                                                 0, G_MAXINT64, 0, ro);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL,
                                                  0, G_MAXINT64, 0, ro);
  properties[PROP_DELETED] = g_param_spec_boolean ("deleted", NULL, NULL, FALSE, rw);
  properties[PROP_ITEM_TITLE] = g_param_spec_string ("item-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_note_init (DlgNote *self)
{
}
