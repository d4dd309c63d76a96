/* dlg-notes-page-internal.h: the Notes pane's state, shared by the files that make it up
 *
 * dlg-notes-page.c is the pane (its list, editor and saving); dlg-notes-page-files.c the
 * report and personal data, out to files and back.  Nothing outside the pane includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-note-saver.h"
#include "dlg-notes-page.h"

G_BEGIN_DECLS

struct _DlgNotesPage
{
  AdwBin              parent_instance;

  DlgStore           *store;
  DlgFeed            *feed;
  GSettings          *settings;     /* "agenda-local-time"; NULL without the schema (a test) */
  char               *event_id;
  char               *pending_id;
  DlgNoteSaver       *saver;
  GListStore         *notes;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkFilterListModel *cases;
  DlgNote            *current;
  gboolean            loading_editor;
  guint               slow_save_id;
  gboolean            slow_save;
  gboolean            close_warned; /* since the saves began to fail */

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_new_button;
  AdwStatusPage      *none_page;
  GtkWidget          *no_match_label;
  GtkListView        *list_view;
  GtkWidget          *cases_heading;
  GtkListView        *cases_view;
  GtkInfoBar         *save_banner;
  GtkLabel           *save_error_label;
  GtkWidget          *back_button;
  GtkLabel           *status_label;
  GtkStack           *editor_stack;
  GtkWidget          *attached_box;
  GtkLabel           *attached_label;
  GtkWidget          *attached_button;
  GtkEntry           *title_entry;
  GtkTextView        *text_view;
};

/* Shows the current event's notes as the store (and the saver) has them now. */
void dlg_notes_page_reload               (DlgNotesPage   *self);
void dlg_notes_page_install_file_actions (GtkWidgetClass *widget_class);

G_END_DECLS
