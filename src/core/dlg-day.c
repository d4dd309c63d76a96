/* dlg-day.c: one day of the agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-day"

#include "config.h"

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgDay, dlg_day, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_DATE,
  PROP_N_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_day_finalize (GObject *object)
{
  DlgDay *self = DLG_DAY (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (dlg_day_parent_class)->finalize (object);
}

static void
dlg_day_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  DlgDay *self = DLG_DAY (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->n_sessions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_day_class_init (DlgDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_day_finalize;
  object_class->get_property = dlg_day_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_day_init (DlgDay *self)
{
}

guint
dlg_day_get_index (DlgDay *self)
{
  g_return_val_if_fail (DLG_IS_DAY (self), 0);

  return self->index;
}

const char *
dlg_day_get_date (DlgDay *self)
{
  g_return_val_if_fail (DLG_IS_DAY (self), NULL);

  return self->date;
}

guint
dlg_day_get_n_sessions (DlgDay *self)
{
  g_return_val_if_fail (DLG_IS_DAY (self), 0);

  return self->n_sessions;
}
