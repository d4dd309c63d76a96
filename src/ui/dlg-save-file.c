/* dlg-save-file.c: save where the delegate chooses, and say how it went
 *
 * Every export (the agenda's calendar, the members' contacts, the trip report as Markdown or
 * PDF, the personal data) goes the same way: the file dialog of the GTK at hand
 * (GtkFileDialog from 4.10, the native file chooser before: both use the portal in a
 * Flatpak), a suggested name that feed text cannot turn into a path, a write that never
 * blocks the window, and a toast that says it is done, or why not: a full disk or a folder
 * that cannot be written must not pass in silence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-save-file"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dlg-save-file.h"
#include "dlg-toast.h"

/* --- choosing where ----------------------------------------------------- */

typedef struct
{
  GtkWidget         *widget;
  DlgSaveFileChosen  chosen;
  gpointer           user_data;
  GDestroyNotify     destroy;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_clear_object (&data->widget);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChooseData, choose_data_free)

#if GTK_CHECK_VERSION (4, 10, 0)
static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ChooseData) data = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    data->chosen (data->widget, file, data->user_data);
}
#else
static void
chosen_cb (GtkNativeDialog *dialog,
           int              response,
           gpointer         user_data)
{
  g_autoptr(ChooseData) data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file != NULL)
    data->chosen (data->widget, file, data->user_data);
}
#endif

void
dlg_choose_save_file (GtkWidget         *widget,
                      const char        *title,
                      const char        *file_name,
                      GtkFileFilter     *filter,
                      DlgSaveFileChosen  chosen,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  g_autofree char *name = NULL;
  GtkRoot *root;
  GtkWindow *window;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL && file_name != NULL && chosen != NULL);

  root = gtk_widget_get_root (widget);
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  data = g_new0 (ChooseData, 1);
  data->widget = g_object_ref (widget);
  data->chosen = chosen;
  data->user_data = user_data;
  data->destroy = destroy;

  /* Names are made from feed text (an event's id, a member's name): never a path. */
  name = g_strdelimit (g_strdup (file_name), "/\\:", '-');

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, name);
    if (filter != NULL)
      {
        g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

        g_list_store_append (filters, filter);
        gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      }
    gtk_file_dialog_save (dialog, window, NULL, chosen_cb, data);
  }
#else
  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (title, window,
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Save"), _("_Cancel"));

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    if (filter != NULL)
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (chosen_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* --- writing bytes there ------------------------------------------------ */

typedef struct
{
  GtkWidget *widget;
  GBytes    *bytes;
  char      *done;
  char      *failed;
  gboolean   existed;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->widget);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->done);
  g_free (data->failed);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    dlg_toast (data->widget, data->done);
  else
    {
      /* Translators: why something could not be saved, e.g. "Could not export the calendar:
       * No space left on device" */
      g_autofree char *text = g_strdup_printf (_("%s: %s"), data->failed, error->message);

      /* A new file that could not be written whole (a full USB stick) is not left behind,
       * empty or cut short, as if it were the report: GIO writes a new file in place. */
      if (!data->existed)
        g_file_delete (G_FILE (object), NULL, NULL);
      g_debug ("%s", text);
      dlg_toast (data->widget, text);
    }
}

static void
write_chosen (GtkWidget *widget,
              GFile     *file,
              gpointer   user_data)
{
  SaveData *data = user_data;
  SaveData *write = g_new0 (SaveData, 1);

  /* The dialog frees @data when this returns: the write takes its contents over. */
  *write = *data;
  *data = (SaveData) { NULL };
  write->existed = g_file_query_exists (file, NULL);
  g_file_replace_contents_bytes_async (file, write->bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       NULL, written_cb, write);
}

void
dlg_save_file (GtkWidget     *widget,
               const char    *title,
               const char    *file_name,
               GtkFileFilter *filter,
               GBytes        *bytes,
               const char    *done,
               const char    *failed)
{
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL && file_name != NULL && bytes != NULL);
  g_return_if_fail (done != NULL && failed != NULL);

  data = g_new0 (SaveData, 1);
  data->widget = g_object_ref (widget);
  data->bytes = g_bytes_ref (bytes);
  data->done = g_strdup (done);
  data->failed = g_strdup (failed);
  dlg_choose_save_file (widget, title, file_name, filter, write_chosen, data,
                        (GDestroyNotify) save_data_free);
}
