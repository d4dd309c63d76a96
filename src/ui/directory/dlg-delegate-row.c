/* dlg-delegate-row.c: a member's delegate, with ways to reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-delegate-row"

#include "config.h"

#include "dlg-contact-line.h"
#include "dlg-delegate-row.h"
#include "dlg-list-row.h"

struct _DlgDelegateRow
{
  GtkWidget       parent_instance;

  DlgPerson      *person;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *name_label;
  GtkLabel       *role_label;
  DlgContactLine *email_line;
  DlgContactLine *phone_line;
};

G_DEFINE_FINAL_TYPE (DlgDelegateRow, dlg_delegate_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DlgPerson *
dlg_delegate_row_get_person (DlgDelegateRow *self)
{
  g_return_val_if_fail (DLG_IS_DELEGATE_ROW (self), NULL);

  return self->person;
}

void
dlg_delegate_row_set_person (DlgDelegateRow *self,
                             DlgPerson      *person)
{
  const char *role;

  g_return_if_fail (DLG_IS_DELEGATE_ROW (self));
  g_return_if_fail (person == NULL || DLG_IS_PERSON (person));

  if (!g_set_object (&self->person, person))
    return;

  /* Feed text is data: plain text only. */
  gtk_label_set_text (self->name_label, person != NULL ? dlg_person_get_name (person) : "");
  role = person != NULL ? dlg_person_get_role (person) : NULL;
  gtk_label_set_text (self->role_label, role != NULL ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL && role[0] != '\0');
  dlg_contact_line_set (self->email_line, DLG_CONTACT_EMAIL,
                        person != NULL ? dlg_person_get_email (person) : NULL);
  dlg_contact_line_set (self->phone_line, DLG_CONTACT_PHONE,
                        person != NULL ? dlg_person_get_phone (person) : NULL);

  /* A screen reader on the row says who it is: "name, role". */
  {
    const char *parts[] = { person != NULL ? dlg_person_get_name (person) : NULL, role };
    g_autofree char *label = dlg_list_row_join (parts, G_N_ELEMENTS (parts));

    dlg_list_item_set_label (GTK_WIDGET (self), label);
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

static void
dlg_delegate_row_dispose (GObject *object)
{
  DlgDelegateRow *self = DLG_DELEGATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_DELEGATE_ROW);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (dlg_delegate_row_parent_class)->dispose (object);
}

static void
dlg_delegate_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DlgDelegateRow *self = DLG_DELEGATE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_delegate_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DlgDelegateRow *self = DLG_DELEGATE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      dlg_delegate_row_set_person (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_delegate_row_class_init (DlgDelegateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_delegate_row_dispose;
  object_class->get_property = dlg_delegate_row_get_property;
  object_class->set_property = dlg_delegate_row_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         DLG_TYPE_PERSON,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DLG_TYPE_CONTACT_LINE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-delegate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgDelegateRow, box);
  gtk_widget_class_bind_template_child (widget_class, DlgDelegateRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, DlgDelegateRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, DlgDelegateRow, email_line);
  gtk_widget_class_bind_template_child (widget_class, DlgDelegateRow, phone_line);
}

static void
dlg_delegate_row_init (DlgDelegateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
