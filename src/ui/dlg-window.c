/* dlg-window.c: the main window with its three panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-agenda-page.h"
#include "dlg-members-page.h"
#include "dlg-practices-page.h"
#include "dlg-window.h"

struct _DlgWindow
{
  AdwApplicationWindow  parent_instance;

  DlgFeed              *feed;
  GSettings            *settings;

  /* Template widgets */
  AdwViewStack         *stack;
  DlgAgendaPage        *agenda_page;
  DlgMembersPage       *members_page;
  DlgPracticesPage     *practices_page;
};

G_DEFINE_FINAL_TYPE (DlgWindow, dlg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DlgWindow *
dlg_window_new (DlgApplication *application,
                DlgFeed        *feed)
{
  g_return_val_if_fail (DLG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (feed == NULL || DLG_IS_FEED (feed), NULL);

  return g_object_new (DLG_TYPE_WINDOW,
                       "application", application,
                       "feed", feed,
                       NULL);
}

DlgFeed *
dlg_window_get_feed (DlgWindow *self)
{
  g_return_val_if_fail (DLG_IS_WINDOW (self), NULL);

  return self->feed;
}

static void
dlg_window_show_page_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  DlgWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static const GActionEntry win_actions[] = {
  { "show-page", dlg_window_show_page_action, "s" },
};

static void
dlg_window_bind_settings (DlgWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled build may run without its schema: the window then
   * simply does not remember its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found; window size is not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
dlg_window_constructed (GObject *object)
{
  DlgWindow *self = DLG_WINDOW (object);

  G_OBJECT_CLASS (dlg_window_parent_class)->constructed (object);

  if (self->feed != NULL)
    {
      DlgEvent *event = dlg_feed_get_event (self->feed);

      if (event != NULL && dlg_event_get_title (event) != NULL)
        gtk_window_set_title (GTK_WINDOW (self), dlg_event_get_title (event));
    }

  g_object_set (self->agenda_page, "feed", self->feed, NULL);
  g_object_set (self->members_page, "feed", self->feed, NULL);
  g_object_set (self->practices_page, "feed", self->feed, NULL);

  dlg_window_bind_settings (self);
}

static void
dlg_window_dispose (GObject *object)
{
  DlgWindow *self = DLG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_window_parent_class)->dispose (object);
}

static void
dlg_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlgWindow *self = DLG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlgWindow *self = DLG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      self->feed = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_window_class_init (DlgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dlg_window_constructed;
  object_class->dispose = dlg_window_dispose;
  object_class->get_property = dlg_window_get_property;
  object_class->set_property = dlg_window_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DLG_TYPE_AGENDA_PAGE);
  g_type_ensure (DLG_TYPE_MEMBERS_PAGE);
  g_type_ensure (DLG_TYPE_PRACTICES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/dlg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, members_page);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, practices_page);
}

static void
dlg_window_init (DlgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
