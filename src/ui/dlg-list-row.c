/* dlg-list-row.c: a list's row that names the list item it sits in
 *
 * GTK 4.8 gives a list view's items no accessible name (GtkListItem's
 * accessible-label came in 4.12), so a screen reader landing on a row had
 * nothing to say.  A row template wraps its content in a DlgListRow and
 * binds "item-label" to what the row shows; the row gives that name to the
 * list item widget it is the child of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-list-row"

#include "config.h"

#include "dlg-list-row.h"

struct _DlgListRow
{
  GtkWidget  parent_instance;

  char      *item_label;
};

static void dlg_list_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DlgListRow, dlg_list_row, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      dlg_list_row_buildable_init))

enum {
  PROP_0,
  PROP_ITEM_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable;

/* Names the list item @row is the child of, if it is one yet, unless it
 * already has that name: a row is updated far more often than it changes. */
void
dlg_list_item_set_label (GtkWidget  *row,
                         const char *label)
{
  GtkWidget *item = gtk_widget_get_parent (row);
  const char *named;

  if (item == NULL)
    return;

  named = g_object_get_data (G_OBJECT (item), "dlg-list-item-label");
  if (g_strcmp0 (named, label) == 0)
    return;

  g_object_set_data_full (G_OBJECT (item), "dlg-list-item-label", g_strdup (label), g_free);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
set_item_label (DlgListRow *self,
                const char *item_label)
{
  if (g_strcmp0 (self->item_label, item_label) != 0)
    {
      g_free (self->item_label);
      self->item_label = g_strdup (item_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_LABEL]);
    }
  dlg_list_item_set_label (GTK_WIDGET (self), self->item_label);
}

char *
dlg_list_row_join (const char * const *parts,
                   gsize               n_parts)
{
  GString *joined = g_string_new (NULL);

  for (gsize i = 0; i < n_parts; i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "", parts[i]);

  if (joined->len == 0)
    {
      g_string_free (joined, TRUE);
      return NULL;
    }
  return g_string_free (joined, FALSE);
}

char *
dlg_list_row_join_cb (GtkListItem *item,
                      const char  *first,
                      const char  *second,
                      gpointer     data)
{
  const char *parts[] = { first, second };

  return dlg_list_row_join (parts, G_N_ELEMENTS (parts));
}

static void
parent_changed_cb (DlgListRow *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  dlg_list_item_set_label (GTK_WIDGET (self), self->item_label);
}

static void
dlg_list_row_add_child (GtkBuildable *buildable,
                        GtkBuilder   *builder,
                        GObject      *child,
                        const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
dlg_list_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = dlg_list_row_add_child;
}

static void
dlg_list_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dlg_list_row_parent_class)->dispose (object);
}

static void
dlg_list_row_finalize (GObject *object)
{
  DlgListRow *self = DLG_LIST_ROW (object);

  g_free (self->item_label);

  G_OBJECT_CLASS (dlg_list_row_parent_class)->finalize (object);
}

static void
dlg_list_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DlgListRow *self = DLG_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_LABEL:
      g_value_set_string (value, self->item_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_list_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DlgListRow *self = DLG_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM_LABEL:
      set_item_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_list_row_class_init (DlgListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_list_row_dispose;
  object_class->finalize = dlg_list_row_finalize;
  object_class->get_property = dlg_list_row_get_property;
  object_class->set_property = dlg_list_row_set_property;

  properties[PROP_ITEM_LABEL] =
    g_param_spec_string ("item-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dlg_list_row_init (DlgListRow *self)
{
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
}
