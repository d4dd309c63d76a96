/* dlg-contact-line.c: one way to reach a member or delegate, to open or copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-contact-line"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dlg-contact-line.h"
#include "dlg-member.h"

struct _DlgContactLine
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkWidget  *link_button;
  GtkImage   *link_icon;
  GtkLabel   *link_label;
  GtkWidget  *text_box;
  GtkImage   *text_icon;
  GtkLabel   *text_label;
  GtkWidget  *copy_button;
};

G_DEFINE_FINAL_TYPE (DlgContactLine, dlg_contact_line, GTK_TYPE_WIDGET)

gboolean
dlg_contact_uri_is_safe (const char *uri)
{
  static const char * const schemes[] = { "https", "http", "mailto", "tel", NULL };
  g_autofree char *scheme = uri != NULL ? g_uri_parse_scheme (uri) : NULL;

  if (scheme == NULL)
    return FALSE;

  for (char *p = scheme; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  return g_strv_contains (schemes, scheme);
}

char *
dlg_contact_uri (DlgContactKind  kind,
                 const char     *text)
{
  g_autofree char *uri = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;

  switch (kind)
    {
    case DLG_CONTACT_WEBSITE:
      uri = g_strdup (text);
      break;

    case DLG_CONTACT_EMAIL:
      /* The parser lets no "?", "&" or "," through: nothing to escape. */
      uri = g_strconcat ("mailto:", text, NULL);
      break;

    case DLG_CONTACT_PHONE:
      /* Nothing to dial ("call us", "+"): no link, the text stays copyable. */
      uri = dlg_member_phone_uri (text);
      break;

    case DLG_CONTACT_ADDRESS:
    default:
      return NULL;
    }

  return dlg_contact_uri_is_safe (uri) ? g_steal_pointer (&uri) : NULL;
}

static void
show_one (DlgContactLine *self,
          DlgContactKind  kind,
          const char     *text)
{
  g_autofree char *uri = NULL;
  g_autofree char *link_label = NULL;
  const char *icon_name = NULL;
  const char *tooltip = NULL;
  const char *copy_label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL && text[0] != '\0');
  if (text == NULL || text[0] == '\0')
    return;

  switch (kind)
    {
    case DLG_CONTACT_WEBSITE:
      icon_name = "web-browser-symbolic";
      tooltip = _("Open the website");
      copy_label = _("Copy website address");
      /* Translators: accessible label of a link button */
      link_label = g_strdup_printf (_("Website: %s"), text);
      break;

    case DLG_CONTACT_EMAIL:
      icon_name = "mail-unread-symbolic";
      tooltip = _("Write an e-mail");
      copy_label = _("Copy e-mail address");
      /* Translators: accessible label of a link button */
      link_label = g_strdup_printf (_("E-mail: %s"), text);
      break;

    case DLG_CONTACT_PHONE:
      icon_name = "call-start-symbolic";
      tooltip = _("Call");
      copy_label = _("Copy phone number");
      /* Translators: accessible label of a link button */
      link_label = g_strdup_printf (_("Phone: %s"), text);
      break;

    case DLG_CONTACT_ADDRESS:
    default:
      icon_name = "mark-location-symbolic";
      copy_label = _("Copy address");
      break;
    }

  uri = dlg_contact_uri (kind, text);

  gtk_widget_set_visible (self->link_button, uri != NULL);
  gtk_widget_set_visible (self->text_box, uri == NULL);
  if (uri != NULL)
    {
      gtk_image_set_from_icon_name (self->link_icon, icon_name);
      gtk_label_set_text (self->link_label, text);
      gtk_widget_set_tooltip_text (self->link_button, tooltip);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->link_button), "s", uri);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, link_label,
                                      -1);
    }
  else
    {
      gtk_image_set_from_icon_name (self->text_icon, icon_name);
      gtk_label_set_text (self->text_label, text);
    }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", text);
  gtk_widget_set_tooltip_text (self->copy_button, copy_label);
  /* Described by what it copies (after the tooltip, which GTK makes the description): a
   * member's page has a "Copy e-mail address" for the member and one for each delegate, and
   * a screen reader said the same of each. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

void
dlg_contact_line_set (DlgContactLine *self,
                      DlgContactKind  kind,
                      const char     *text)
{
  g_auto(GStrv) numbers = NULL;
  GtkWidget *extra;

  g_return_if_fail (DLG_IS_CONTACT_LINE (self));

  while ((extra = gtk_widget_get_next_sibling (gtk_widget_get_first_child (self->box))) != NULL)
    gtk_box_remove (GTK_BOX (self->box), extra);

  /* Each number of a phone field its own link and copy button: one tel: link of two numbers
   * dials neither. */
  if (kind == DLG_CONTACT_PHONE)
    numbers = dlg_member_phone_numbers (text);
  show_one (self, kind, numbers != NULL ? numbers[0] : text);
  for (guint i = 1; numbers != NULL && numbers[i] != NULL; i++)
    {
      DlgContactLine *line = g_object_new (DLG_TYPE_CONTACT_LINE, NULL);

      show_one (line, kind, numbers[i]);
      gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (line));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL && text[0] != '\0');
}

static void
dlg_contact_line_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DLG_TYPE_CONTACT_LINE);

  G_OBJECT_CLASS (dlg_contact_line_parent_class)->dispose (object);
}

static void
dlg_contact_line_class_init (DlgContactLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_contact_line_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-contact-line.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, box);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, link_button);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, link_icon);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, link_label);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, text_box);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, text_icon);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, text_label);
  gtk_widget_class_bind_template_child (widget_class, DlgContactLine, copy_button);
}

static void
dlg_contact_line_init (DlgContactLine *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
