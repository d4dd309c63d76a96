/* dlg-practice.c: a published best-practice case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-practice"

#include "config.h"

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgPractice, dlg_practice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_MEMBER,
  PROP_SESSION,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_TAGS,
  PROP_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_practice_finalize (GObject *object)
{
  DlgPractice *self = DLG_PRACTICE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->member, g_free);
  g_clear_pointer (&self->session, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (dlg_practice_parent_class)->finalize (object);
}

static void
dlg_practice_dispose (GObject *object)
{
  DlgPractice *self = DLG_PRACTICE (object);

  g_clear_object (&self->links);

  G_OBJECT_CLASS (dlg_practice_parent_class)->dispose (object);
}

static void
dlg_practice_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DlgPractice *self = DLG_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MEMBER:
      g_value_set_string (value, self->member);
      break;

    case PROP_SESSION:
      g_value_set_string (value, self->session);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_LINKS:
      g_value_set_object (value, self->links);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_practice_class_init (DlgPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_practice_dispose;
  object_class->finalize = dlg_practice_finalize;
  object_class->get_property = dlg_practice_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER] =
    g_param_spec_string ("member", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_string ("session", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINKS] =
    g_param_spec_object ("links", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_practice_init (DlgPractice *self)
{
  self->tags = g_new0 (char *, 1);
  self->links = G_LIST_MODEL (g_list_store_new (DLG_TYPE_LINK));
}

const char *
dlg_practice_get_id (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->id;
}

const char *
dlg_practice_get_title (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->title;
}

const char *
dlg_practice_get_member (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->member;
}

const char *
dlg_practice_get_session (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->session;
}

const char *
dlg_practice_get_summary (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->summary;
}

const char *
dlg_practice_get_body (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->body;
}

const char * const *
dlg_practice_get_tags (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return (const char * const *) self->tags;
}

GListModel *
dlg_practice_get_links (DlgPractice *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICE (self), NULL);

  return self->links;
}
