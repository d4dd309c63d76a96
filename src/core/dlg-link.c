/* dlg-link.c: a link of a session or a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-link"

#include "config.h"

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgLink, dlg_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_link_finalize (GObject *object)
{
  DlgLink *self = DLG_LINK (object);

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (dlg_link_parent_class)->finalize (object);
}

static void
dlg_link_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DlgLink *self = DLG_LINK (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_link_class_init (DlgLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_link_finalize;
  object_class->get_property = dlg_link_get_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_link_init (DlgLink *self)
{
}

const char *
dlg_link_get_url (DlgLink *self)
{
  g_return_val_if_fail (DLG_IS_LINK (self), NULL);

  return self->url;
}

const char *
dlg_link_get_title (DlgLink *self)
{
  g_return_val_if_fail (DLG_IS_LINK (self), NULL);

  return self->title;
}
