/* dlg-person.c: a delegate of a member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-person"

#include "config.h"

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgPerson, dlg_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_person_finalize (GObject *object)
{
  DlgPerson *self = DLG_PERSON (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (dlg_person_parent_class)->finalize (object);
}

static void
dlg_person_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlgPerson *self = DLG_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_person_class_init (DlgPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_person_finalize;
  object_class->get_property = dlg_person_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_person_init (DlgPerson *self)
{
}

const char *
dlg_person_get_name (DlgPerson *self)
{
  g_return_val_if_fail (DLG_IS_PERSON (self), NULL);

  return self->name;
}

const char *
dlg_person_get_role (DlgPerson *self)
{
  g_return_val_if_fail (DLG_IS_PERSON (self), NULL);

  return self->role;
}

const char *
dlg_person_get_email (DlgPerson *self)
{
  g_return_val_if_fail (DLG_IS_PERSON (self), NULL);

  return self->email;
}

const char *
dlg_person_get_phone (DlgPerson *self)
{
  g_return_val_if_fail (DLG_IS_PERSON (self), NULL);

  return self->phone;
}
