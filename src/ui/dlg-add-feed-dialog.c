/* dlg-add-feed-dialog.c: follow a new event by its feed's address or file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-add-feed-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-add-feed-dialog.h"
#include "dlg-mnemonic-names.h"

struct _DlgAddFeedDialog
{
  AdwWindow             parent_instance;

  DlgLibrary           *library;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwEntryRow          *location_row;
  GtkButton            *add_button;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (DlgAddFeedDialog, dlg_add_feed_dialog, ADW_TYPE_WINDOW)

static void
location_changed_cb (DlgAddFeedDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->location_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), stripped[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->location_row), "error");
}

static void
add_clicked_cb (DlgAddFeedDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->location_row));
  g_autoptr(GError) error = NULL;

  if (!dlg_library_add (self->library, text, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->location_row), "error");
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (DlgAddFeedDialog *self,
                     int               response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_editable_set_text (GTK_EDITABLE (self->location_row), path != NULL ? path : uri);
    }
  g_clear_object (&self->chooser);
}

/* Everything Delegate reads: its own feeds and frab or pretalx schedules in JSON, and frab
 * or Pentabarf schedule.xml files. By type, and by name too, for files whose type a
 * USB stick's file system leaves unknown. */
GtkFileFilter *
dlg_feed_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Event feeds and schedules"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "json");  /* of any case */
  gtk_file_filter_add_suffix (filter, "xml");
  return filter;
}

static void
choose_file_cb (DlgAddFeedDialog *self)
{
  g_autoptr(GtkFileFilter) filter = dlg_feed_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Feed"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

DlgAddFeedDialog *
dlg_add_feed_dialog_new (GtkWindow  *parent,
                         DlgLibrary *library)
{
  DlgAddFeedDialog *self;

  g_return_val_if_fail (DLG_IS_LIBRARY (library), NULL);

  self = g_object_new (DLG_TYPE_ADD_FEED_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  return self;
}

static void
dlg_add_feed_dialog_dispose (GObject *object)
{
  DlgAddFeedDialog *self = DLG_ADD_FEED_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_ADD_FEED_DIALOG);
  g_clear_object (&self->chooser);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dlg_add_feed_dialog_parent_class)->dispose (object);
}

/* Ctrl+O, then the address: what is typed goes straight into it. (Not set before the window
 * is shown: GTK 4.8 would then give the window's accessible a role of "filler", which screen
 * readers don't announce as a dialog.) */
static void
dlg_add_feed_dialog_map (GtkWidget *widget)
{
  DlgAddFeedDialog *self = DLG_ADD_FEED_DIALOG (widget);

  GTK_WIDGET_CLASS (dlg_add_feed_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->location_row));
}

static void
dlg_add_feed_dialog_class_init (DlgAddFeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_add_feed_dialog_dispose;
  widget_class->map = dlg_add_feed_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-add-feed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgAddFeedDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, DlgAddFeedDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAddFeedDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, location_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dlg_add_feed_dialog_init (DlgAddFeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dlg_name_mnemonic_buttons (GTK_WIDGET (self));
}
