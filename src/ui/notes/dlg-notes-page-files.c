/* dlg-notes-page-files.c: the Notes pane's files: the trip report out, as a document for a
 * word processor, a PDF or Markdown, and the personal data (stars and notes of every event) out and back in
 *
 * Each is written or read where the delegate chooses, after what is typed is saved: the
 * report and the export read the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-note-report.h"
#include "dlg-notes-export.h"
#include "dlg-notes-page-internal.h"
#include "dlg-report-odt.h"
#include "dlg-report-print.h"
#include "dlg-save-file.h"
#include "dlg-toast.h"

static GtkFileFilter *
file_filter (const char *name,
             const char *mime_type,
             const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

/* A report needs the event's copy and its notes. */
static gboolean
reportable (DlgNotesPage *self)
{
  return self->feed != NULL && self->event_id != NULL && self->store != NULL;
}

/* @bytes, made from the store before the dialog shows (it is modal: nothing is typed while
 * it is open), saved where the delegate chooses; or, when they could not be made, @error in
 * a toast.  Takes @bytes. */
static void
save_export (DlgNotesPage  *self,
             GBytes        *bytes,
             const GError  *error,
             const char    *title,
             const char    *file_name,
             GtkFileFilter *filter,
             const char    *done,
             const char    *failed)
{
  g_autoptr(GBytes) owned = bytes;

  if (owned == NULL)
    {
      dlg_toast (GTK_WIDGET (self), error->message);
      return;
    }
  dlg_save_file (GTK_WIDGET (self), title, file_name, filter, owned, done, failed);
}

/* What is typed and saved now, or when the store refuses it (a full disk, a locked file),
 * still only in the pane: a report or an export taken then, to keep the notes somewhere
 * else, must hold their newest text, not the store's older copy. */
static GPtrArray *
save_and_dup_unsaved (DlgNotesPage *self)
{
  dlg_notes_page_save (self);
  return self->saver != NULL ? dlg_note_saver_dup_unsaved (self->saver) : NULL;
}

static GBytes *
take_text (char *text)
{
  return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
}

/* The trip report as an OpenDocument text, to finish in LibreOffice, Word or any word
 * processor: most reports are handed in as such a document. */
static void
export_report_odt_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  GBytes *bytes;

  if (!reportable (self))
    return;

  /* The report reads the store: what is typed must be in it, or go with it. */
  unsaved = save_and_dup_unsaved (self);
  bytes = dlg_report_odt (self->feed, self->store, unsaved, &error);
  /* Translators: a file type in the save dialog */
  filter = file_filter (_("Text documents (ODF)"), "application/vnd.oasis.opendocument.text",
                        "odt");
  /* Translators: the report's file name as a document; %s is the event's id */
  name = g_strdup_printf (_("report-%s.odt"), self->event_id);
  save_export (self, bytes, error, _("Export Trip Report as Document"), name, filter,
               _("Trip report saved"), _("Could not save the report"));
}

/* The trip report as Markdown, for those who write in it. */
static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  GBytes *bytes;

  if (!reportable (self))
    return;

  unsaved = save_and_dup_unsaved (self);
  bytes = take_text (dlg_note_report_markdown (self->feed, self->store, unsaved, &error));
  /* Translators: the report's file name; %s is the event's id */
  name = g_strdup_printf (_("report-%s.md"), self->event_id);
  save_export (self, bytes, error, _("Export Trip Report as Markdown"), name, NULL,
               _("Trip report saved"), _("Could not save the report"));
}

static void
report_pdf_chosen (GtkWidget *widget,
                   GFile     *file,
                   gpointer   user_data)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) unsaved = NULL;

  if (self->store == NULL || self->feed == NULL)
    return;
  /* The print operation writes the file itself, and only to a path. */
  if (path == NULL)
    {
      dlg_toast (GTK_WIDGET (self), _("Could not save the report: choose a local folder"));
      return;
    }

  /* The report reads the store: what is typed must be in it, or go with it. */
  unsaved = save_and_dup_unsaved (self);
  if (!dlg_report_print_export (self->feed, self->store, unsaved,
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                path, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the report: %s"),
                                               error != NULL ? error->message : "");
      dlg_toast (GTK_WIDGET (self), text);
      return;
    }
  dlg_toast (GTK_WIDGET (self), _("Trip report saved"));
}

/* The trip report as a PDF on A4 pages, where the delegate chooses. */
static void
export_report_pdf_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (!reportable (self))
    return;

  /* Translators: a file type in the save dialog */
  filter = file_filter (_("PDF documents"), "application/pdf", "pdf");
  /* Translators: the PDF report's file name; %s is the event's id */
  name = g_strdup_printf (_("report-%s.pdf"), self->event_id);
  dlg_choose_save_file (widget, _("Export Trip Report as PDF"), name, filter,
                        report_pdf_chosen, NULL, NULL);
}

/* Stars and notes of every event, to move to another laptop. */
static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unsaved = NULL;
  GBytes *bytes;

  if (self->store == NULL)
    return;

  /* The export reads the store: what is typed must be in it, or go with it. */
  unsaved = save_and_dup_unsaved (self);
  bytes = take_text (dlg_notes_export_json (self->store, unsaved, &error));
  save_export (self, bytes, error, _("Export Personal Data"),
               /* Translators: the file name of an export of stars and notes */
               _("delegate-personal-data.json"), NULL,
               _("Personal data saved"), _("Could not save the personal data"));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DlgNotesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_stars = 0, n_notes = 0;

  if (!dlg_notes_import_file_finish (DLG_STORE (object), result, &n_stars, &n_notes, &error))
    {
      text = g_strdup_printf (_("Could not import: %s"), error->message);
      dlg_toast (GTK_WIDGET (self), text);
      return;
    }

  /* Show what arrived for this event, and keep what was typed meanwhile. */
  dlg_notes_page_save (self);
  g_clear_pointer (&self->event_id, g_free);
  dlg_notes_page_reload (self);
  text = g_strdup_printf (_("Imported: notes %u, stars %u"), n_notes, n_stars);
  dlg_toast (GTK_WIDGET (self), text);
}

static void
import_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(DlgNotesPage) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file == NULL || self->store == NULL)
    return;

  /* What is typed here is newer than the file: save it first. */
  dlg_notes_page_save (self);
  dlg_notes_import_file_async (self->store, file, NULL, imported_cb, g_object_ref (self));
}

static void
import_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Import Personal Data"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Personal data (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
dlg_notes_page_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "notes.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_install_action (widget_class, "notes.export-report-pdf", NULL,
                                   export_report_pdf_action);
  gtk_widget_class_install_action (widget_class, "notes.export-report-odt", NULL,
                                   export_report_odt_action);
  gtk_widget_class_install_action (widget_class, "notes.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "notes.import-data", NULL, import_data_action);
}
