/* dlg-detail-title.c: a detail's title, with its Note button beside it
 *
 * A session's, a member's and a case's detail open on their title, feed
 * text shown as text, and a button to write a note on what is shown.  The
 * keyboard lands on the title when a row is opened (dlg-split.c); Tab then
 * goes to the button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-detail-title"

#include "config.h"

#include <adwaita.h>

#include "dlg-detail-title.h"
#include "dlg-feed-label.h"
#include "dlg-text-column.h"

struct _DlgDetailTitle
{
  GtkWidget  parent_instance;

  GtkWidget *box;          /* the child: bound so that dispose_template unparents it */
  GtkLabel  *label;
  GtkWidget *note_button;
};

G_DEFINE_FINAL_TYPE (DlgDetailTitle, dlg_detail_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTE_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows @title, and makes the button write a note on @note_target (as
 * "session:KEY", "member:ID", "practice:ID"). */
void
dlg_detail_title_set (DlgDetailTitle *self,
                      const char     *title,
                      const char     *note_target)
{
  g_return_if_fail (DLG_IS_DETAIL_TITLE (self));
  g_return_if_fail (note_target != NULL);

  dlg_feed_label_set_text (self->label, NULL, title);
  /* Target first: a button naming the action without its target warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->note_button), "s", note_target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->note_button), "win.new-note");
}

/* The label the keyboard goes to when the detail is opened. */
GtkWidget *
dlg_detail_title_get_label (DlgDetailTitle *self)
{
  g_return_val_if_fail (DLG_IS_DETAIL_TITLE (self), NULL);

  return GTK_WIDGET (self->label);
}

static void
dlg_detail_title_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DlgDetailTitle *self = DLG_DETAIL_TITLE (object);

  switch (prop_id)
    {
    case PROP_NOTE_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (self->note_button));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_detail_title_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DlgDetailTitle *self = DLG_DETAIL_TITLE (object);

  switch (prop_id)
    {
    case PROP_NOTE_TOOLTIP:
      if (g_strcmp0 (gtk_widget_get_tooltip_text (self->note_button),
                     g_value_get_string (value)) != 0)
        {
          gtk_widget_set_tooltip_text (self->note_button, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_detail_title_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DLG_TYPE_DETAIL_TITLE);

  G_OBJECT_CLASS (dlg_detail_title_parent_class)->dispose (object);
}

static void
dlg_detail_title_class_init (DlgDetailTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_detail_title_dispose;
  object_class->get_property = dlg_detail_title_get_property;
  object_class->set_property = dlg_detail_title_set_property;

  /* What the Note button's tooltip says: what the note will be about. */
  properties[PROP_NOTE_TOOLTIP] =
    g_param_spec_string ("note-tooltip", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DLG_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-detail-title.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgDetailTitle, box);
  gtk_widget_class_bind_template_child (widget_class, DlgDetailTitle, label);
  gtk_widget_class_bind_template_child (widget_class, DlgDetailTitle, note_button);
}

static void
dlg_detail_title_init (DlgDetailTitle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
