/* dlg-session.c: one session of the agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-session"

#include "config.h"

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgSession, dlg_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ABSTRACT,
  PROP_DESCRIPTION,
  PROP_ROOM,
  PROP_TRACK,
  PROP_KIND,
  PROP_LANGUAGE,
  PROP_URL,
  PROP_PERSONS,
  PROP_MEMBERS,
  PROP_START,
  PROP_END,
  PROP_DURATION,
  PROP_DAY,
  PROP_TIME_TBA,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_session_finalize (GObject *object)
{
  DlgSession *self = DLG_SESSION (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->abstract, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->persons, g_strfreev);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->other_languages, g_free);

  G_OBJECT_CLASS (dlg_session_parent_class)->finalize (object);
}

static void
dlg_session_dispose (GObject *object)
{
  DlgSession *self = DLG_SESSION (object);

  g_clear_object (&self->links);

  G_OBJECT_CLASS (dlg_session_parent_class)->dispose (object);
}

static void
dlg_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DlgSession *self = DLG_SESSION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_ABSTRACT:
      g_value_set_string (value, self->abstract);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    case PROP_TRACK:
      g_value_set_string (value, self->track);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PERSONS:
      g_value_set_boxed (value, self->persons);
      break;

    case PROP_MEMBERS:
      g_value_set_boxed (value, self->members);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;

    case PROP_TIME_TBA:
      g_value_set_boolean (value, self->time_tba);
      break;

    case PROP_LINKS:
      g_value_set_object (value, self->links);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_session_class_init (DlgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_session_dispose;
  object_class->finalize = dlg_session_finalize;
  object_class->get_property = dlg_session_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABSTRACT] =
    g_param_spec_string ("abstract", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] =
    g_param_spec_string ("track", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSONS] =
    g_param_spec_boxed ("persons", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_boxed ("members", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_TBA] =
    g_param_spec_boolean ("time-tba", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINKS] =
    g_param_spec_object ("links", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_session_init (DlgSession *self)
{
  self->persons = g_new0 (char *, 1);
  self->members = g_new0 (char *, 1);
  self->links = G_LIST_MODEL (g_list_store_new (DLG_TYPE_LINK));
}

const char *
dlg_session_get_key (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->key;
}

const char *
dlg_session_get_title (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->title;
}

const char *
dlg_session_get_subtitle (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->subtitle;
}

const char *
dlg_session_get_abstract (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->abstract;
}

const char *
dlg_session_get_description (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->description;
}

const char *
dlg_session_get_room (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->room;
}

const char *
dlg_session_get_track (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->track;
}

const char *
dlg_session_get_kind (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->kind;
}

const char *
dlg_session_get_language (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->language;
}

const char *
dlg_session_get_url (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->url;
}

const char * const *
dlg_session_get_persons (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return (const char * const *) self->persons;
}

char *
dlg_session_dup_persons_text (DlgSession *self)
{
  const char *separator = ", ";

  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  if (self->persons == NULL || self->persons[0] == NULL)
    return NULL;
  for (guint i = 0; self->persons[i] != NULL; i++)
    if (strchr (self->persons[i], ',') != NULL)
      separator = "; ";
  return g_strjoinv (separator, self->persons);
}

const char * const *
dlg_session_get_members (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return (const char * const *) self->members;
}

GDateTime *
dlg_session_get_start (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->start;
}

GDateTime *
dlg_session_get_end (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->end;
}

guint
dlg_session_get_duration (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), 0);

  return self->duration;
}

guint
dlg_session_get_day (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), 0);

  return self->day;
}

gboolean
dlg_session_get_time_tba (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), FALSE);

  return self->time_tba;
}

GListModel *
dlg_session_get_links (DlgSession *self)
{
  g_return_val_if_fail (DLG_IS_SESSION (self), NULL);

  return self->links;
}
