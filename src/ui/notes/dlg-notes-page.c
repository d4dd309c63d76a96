/* dlg-notes-page.c: the delegate's own notes, for the current event
 *
 * The editor writes into the DlgNote; each change goes to the
 * DlgNoteSaver, which saves it at once in a worker thread.  Closing and
 * quitting save what a save in flight has not written yet before they
 * return (dlg_notes_page_save).  A failed save leaves the text in the
 * editor and shows a banner until a retry works.  The report and the
 * personal data, out to files and back in, are in dlg-notes-page-files.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-notes-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dlg-agenda-text.h"
#include "dlg-feed-scope.h"
#include "dlg-empty-page.h"
#include "dlg-list-row.h"
#include "dlg-note-report.h"
#include "dlg-note-saver.h"
#include "dlg-note-search.h"
#include "dlg-notes.h"
#include "dlg-notes-page.h"
#include "dlg-notes-page-internal.h"
#include "dlg-pane-search.h"
#include "dlg-settings.h"
#include "dlg-split.h"
#include "dlg-toast.h"
#include "dlg-mnemonic-names.h"


G_DEFINE_FINAL_TYPE (DlgNotesPage, dlg_notes_page, ADW_TYPE_BIN)

/* --- rows ---------------------------------------------------------------- */

static char *
heading_cb (GtkListItem *item,
            const char  *title,
            const char  *body,
            DlgFeed     *feed)
{
  g_autoptr(DlgNote) note = dlg_note_new_full ("-", "-", DLG_NOTE_FREE, NULL, title, body,
                                               0, 0, FALSE);
  char *heading = dlg_note_dup_heading (note);

  return heading != NULL ? heading : g_strdup (_("Untitled note"));
}

/* What the note is about, as one line. */
static char *
describe_attachment (DlgNote *note,
                     DlgFeed *feed)
{
  const char *name = dlg_note_get_item_name (note, feed);

  if (dlg_note_get_kind (note) == DLG_NOTE_FREE)
    return g_strdup (_("Note"));
  /* Named as last seen: a delegate knows which session a feed update dropped. */
  if (name == NULL)
    return dlg_note_report_gone_item (note);

  switch (dlg_note_get_kind (note))
    {
    case DLG_NOTE_SESSION:
      /* Translators: a note about a session, e.g. "Session: Opening" */
      return g_strdup_printf (_("Session: %s"), name);
    case DLG_NOTE_PRACTICE:
      return g_strdup_printf (_("Best practice: %s"), name);
    case DLG_NOTE_MEMBER:
      return g_strdup_printf (_("Member: %s"), name);
    case DLG_NOTE_FREE:
    default:
      return g_strdup (name);
    }
}

/* When a note was last changed, in the zone the agenda shows times in (dlg-agenda-text.c):
 * the event's, as the trip report gives it, or the laptop's if the delegate asked the agenda
 * for that.  A delegate whose laptop kept its home time at Kupang would otherwise read one
 * time for a note here and another in the report and beside the session it was taken at.
 * The zone is named, as the agenda names it: back home, "10:32" alone reads as home's time. */
static char *
format_modified (gint64   modified,
                 DlgFeed *feed,
                 gboolean local_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (modified / G_USEC_PER_SEC);
  g_autoptr(GDateTime) shown = time != NULL ? dlg_agenda_shown_time (feed, time, local_time)
                                            : NULL;
  g_autofree char *when = NULL;
  const char *zone;

  if (shown == NULL)
    return g_strdup ("");

  /* Translators: when a note was last changed, e.g. "30 November, 14:05" */
  when = g_date_time_format (shown, _("%-d %B, %H:%M"));
  zone = dlg_agenda_zone_label (feed, shown);
  if (when == NULL || zone[0] == '\0')
    return g_steal_pointer (&when);

  /* Translators: when a note was last changed and the zone of that time, "30 November, 14:05
   * WITA" */
  return g_strdup_printf (C_("note time", "%s %s"), when, zone);
}

static char *
about (DlgNote  *note,
       gint64    modified,
       DlgFeed  *feed,
       gboolean  local_time)
{
  g_autofree char *attachment = NULL;
  g_autofree char *when = NULL;

  if (note == NULL)
    return NULL;

  attachment = describe_attachment (note, feed);
  when = format_modified (modified, feed, local_time);
  /* Translators: what a note is about, and when it was changed */
  return g_strdup_printf (_("%s · %s"), attachment, when);
}

/* The same, in the event's zone and in the laptop's: setup_factories() picks one. */
static char *
about_cb (GtkListItem *item,
          DlgNote     *note,
          gint64       modified,
          DlgFeed     *feed)
{
  return about (note, modified, feed, FALSE);
}

static char *
about_local_cb (GtkListItem *item,
                DlgNote     *note,
                gint64       modified,
                DlgFeed     *feed)
{
  return about (note, modified, feed, TRUE);
}

static char *
member_name_cb (GtkListItem *item,
                const char  *member_id,
                DlgFeed     *feed)
{
  DlgMember *member;

  if (feed == NULL || member_id == NULL)
    return NULL;
  member = dlg_feed_find_member (feed, member_id);
  return g_strdup (member != NULL ? dlg_member_get_name (member) : NULL);
}

static gboolean
has_text_cb (GtkListItem *item,
             const char  *text,
             DlgFeed     *feed)
{
  return text != NULL && text[0] != '\0';
}

/* --- saving state -------------------------------------------------------- */

static void update_status (DlgNotesPage *self);

static gboolean
slow_save_cb (gpointer user_data)
{
  DlgNotesPage *self = user_data;

  self->slow_save_id = 0;
  self->slow_save = TRUE;
  update_status (self);
  return G_SOURCE_REMOVE;
}

static void
update_status (DlgNotesPage *self)
{
  const char *error = self->saver != NULL ? dlg_note_saver_get_error (self->saver) : NULL;
  gboolean unsaved = self->saver != NULL && dlg_note_saver_get_unsaved (self->saver);
  const char *status;

  gtk_label_set_text (self->save_error_label, error != NULL ? error : "");
  gtk_info_bar_set_revealed (self->save_banner, error != NULL);

  /* Every key is saved in milliseconds: "Saving…" would flicker at each
   * one.  It shows only when a save takes long (a busy disk). */
  if (!unsaved)
    {
      g_clear_handle_id (&self->slow_save_id, g_source_remove);
      self->slow_save = FALSE;
    }
  else if (!self->slow_save && self->slow_save_id == 0)
    self->slow_save_id = g_timeout_add (1000, slow_save_cb, self);

  if (error != NULL)
    status = _("Not saved");
  else if (unsaved && self->slow_save)
    status = _("Saving…");
  else
    status = _("All changes saved");
  gtk_label_set_text (self->status_label, self->current != NULL ? status : "");
}

static void
saver_changed_cb (DlgNotesPage *self)
{
  /* Once a save works again, a later failure warns again on closing. */
  if (dlg_note_saver_get_error (self->saver) == NULL)
    self->close_warned = FALSE;
  update_status (self);
}

static gboolean
is_listed (DlgNotesPage *self,
           const char   *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(DlgNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (g_strcmp0 (dlg_note_get_id (note), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void update_list_stack (DlgNotesPage *self);
static void update_actions (DlgNotesPage *self);

/* The file that could not be opened at start opened at a save: the notes written in it
 * before this start join the list, after those written since (until 4 December the list held
 * only those until the next start, and the search found nothing else).  The notes listed are
 * left as they are, the one open too, with its cursor. */
static void
file_opened_cb (DlgNotesPage *self)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->event_id == NULL)
    return;
  notes = dlg_note_saver_list (self->saver, self->event_id, &error);
  if (notes == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < notes->len; i++)
    if (!is_listed (self, dlg_note_get_id (g_ptr_array_index (notes, i))))
      g_list_store_append (self->notes, g_ptr_array_index (notes, i));
  update_list_stack (self);
  update_actions (self);
}

/* --- editor -------------------------------------------------------------- */

static const char *
attachment_action (DlgNoteKind kind)
{
  switch (kind)
    {
    case DLG_NOTE_SESSION:
      return "win.show-session";
    case DLG_NOTE_PRACTICE:
      return "win.show-practice";
    case DLG_NOTE_MEMBER:
      return "win.show-member";
    case DLG_NOTE_FREE:
    default:
      return NULL;
    }
}

/* Beside the list, with no note open.  With no notes at all, nothing: the list's empty page
 * says how to write one, and a "No Note Selected" beside it asked the delegate to choose from
 * a list with nothing in it. */
static void
show_no_note (DlgNotesPage *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->notes)) == 0;

  gtk_stack_set_visible_child_name (self->editor_stack, none ? "blank" : "none");
}

/* What the open note is about, as the current copy of the feed has it: a sync may have
 * removed it.  The text is left alone, with its cursor and undo history. */
static void
show_attachment (DlgNotesPage *self)
{
  DlgNote *note = self->current;
  g_autofree char *about = NULL;
  gboolean gone;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete", note != NULL);
  if (note == NULL)
    {
      show_no_note (self);
      update_status (self);
      return;
    }

  gone = dlg_note_get_kind (note) != DLG_NOTE_FREE &&
         (self->feed == NULL || dlg_note_is_orphaned (note, self->feed));
  about = describe_attachment (note, self->feed);
  gtk_label_set_text (self->attached_label, about);
  gtk_widget_set_visible (self->attached_box, dlg_note_get_kind (note) != DLG_NOTE_FREE);
  if (gone)
    gtk_widget_add_css_class (GTK_WIDGET (self->attached_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->attached_label), "warning");
  gtk_widget_set_visible (self->attached_button, !gone);
  if (!gone && dlg_note_get_key (note) != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->attached_button), "s",
                                        dlg_note_get_key (note));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attached_button),
                                      attachment_action (dlg_note_get_kind (note)));
    }

  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  update_status (self);
}

static void
load_editor (DlgNotesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (self->current != NULL)
    {
      self->loading_editor = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), dlg_note_get_title (self->current));
      /* Another note's text is not something to undo into. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, dlg_note_get_body (self->current), -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      self->loading_editor = FALSE;
    }
  show_attachment (self);
}

static void
set_current (DlgNotesPage *self,
             DlgNote      *note)
{
  if (self->current == note)
    return;

  g_set_object (&self->current, note);
  load_editor (self);
}

static void
title_changed_cb (DlgNotesPage *self)
{
  if (self->loading_editor || self->current == NULL)
    return;

  dlg_note_set_title (self->current, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  dlg_note_saver_queue (self->saver, self->current);
}

/* Enter after the title goes on to the text, as a delegate typing without the mouse
 * expects (it did nothing: only Tab went there). */
static void
title_activate_cb (DlgNotesPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
buffer_changed_cb (DlgNotesPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading_editor || self->current == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  dlg_note_set_body (self->current, text);
  dlg_note_saver_queue (self->saver, self->current);
}

/* --- list ---------------------------------------------------------------- */

static void
update_list_stack (DlgNotesPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = query[0] != '\0';
  guint n_notes = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_cases = self->cases != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cases)) : 0;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_notes > 0 || (searching && n_cases > 0) ? "list" : "empty");
  if (searching && n_shown == 0)
    {
      /* What was searched for, as typed, so that a typo shows. */
      g_autofree char *typed = g_strstrip (g_strdup (query));
      /* TRANSLATORS: above the notes' list when a search finds no note (best practices it
       * finds may follow); %s is what the delegate typed in the search. */
      g_autofree char *text = g_strdup_printf (_("No notes match “%s”"), typed);

      gtk_label_set_text (GTK_LABEL (self->no_match_label), text);
    }
  gtk_widget_set_visible (self->no_match_label, searching && n_shown == 0);
  gtk_widget_set_visible (self->cases_heading, searching && n_cases > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_view), searching && n_cases > 0);
  if (self->current == NULL)
    show_no_note (self);
}

static gboolean
note_filter_func (gpointer item,
                  gpointer user_data)
{
  DlgNotesPage *self = user_data;

  return dlg_note_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static gboolean
case_filter_func (gpointer item,
                  gpointer user_data)
{
  DlgNotesPage *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return query[0] != '\0' && dlg_note_search_practice (item, query, self->feed);
}

static void
search_changed_cb (DlgNotesPage *self)
{
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered),
                      GTK_FILTER_CHANGE_DIFFERENT);
  if (self->cases != NULL)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->cases),
                        GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

/* Escape in the search clears it, as in the agenda and the members. */
static void
stop_search_cb (DlgNotesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
selection_changed_cb (DlgNotesPage *self)
{
  DlgNote *note = gtk_single_selection_get_selected_item (self->selection);

  /* A search that hides the open note keeps it open. */
  if (note != NULL)
    set_current (self, note);
}

/* The note, not the list, whether folded now or not: a pane hidden until a Note button shows
 * it (a case's, in a narrow window) folds only once shown, and then showed the list, the
 * keyboard lost with the note's text out of sight. */
static void
show_content (DlgNotesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (self->back_button);
}

static void
list_activate_cb (DlgNotesPage *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_content (self);
}

static void
case_activate_cb (DlgNotesPage *self,
                  guint         position)
{
  g_autoptr(DlgPractice) practice = g_list_model_get_item (G_LIST_MODEL (self->cases), position);

  if (practice != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-practice", "s",
                                dlg_practice_get_id (practice));
}

static void
back_clicked_cb (DlgNotesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
select_note (DlgNotesPage *self,
             DlgNote      *note)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlgNote) item = g_list_model_get_item (shown, i);

      if (item == note)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  set_current (self, note);
}

static void
setup_factories (DlgNotesPage *self)
{
  g_autoptr(DlgFeedScope) scope = dlg_feed_scope_new (self->feed);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) case_factory = NULL;
  gboolean local_time = self->settings != NULL &&
                        g_settings_get_boolean (self->settings, "agenda-local-time");

  dlg_feed_scope_add_callback (scope, "heading_cb", G_CALLBACK (heading_cb));
  dlg_feed_scope_add_callback (scope, "join_cb", G_CALLBACK (dlg_list_row_join_cb));
  dlg_feed_scope_add_callback (scope, "about_cb", local_time ? G_CALLBACK (about_local_cb)
                                                              : G_CALLBACK (about_cb));
  dlg_feed_scope_add_callback (scope, "member_name_cb", G_CALLBACK (member_name_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-note-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  case_factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                                  RESOURCE_PATH "/ui/dlg-practice-row.ui");
  gtk_list_view_set_factory (self->cases_view, case_factory);
}

/* What the page says with no notes.  Notes belong to an event, known by its id once it is
 * downloaded: before that (an event added offline) none can be written, and the page says
 * why rather than invite a note its button will not make. */
static void
show_empty_reason (DlgNotesPage *self)
{
  gboolean saved = self->feed != NULL;
  /* Added offline: notes of its own can wait for the event under its address. */
  gboolean waiting = !saved && self->pending_id != NULL;

  dlg_empty_page_explain (self->empty_page, saved || waiting, _("No Notes"),
                          waiting
                          ? _("Write down what you learn. Delegate has not downloaded this event "
                              "yet: your notes will join it when it does.")
                          : _("Start a note of your own with Ctrl+N, or one about a session, a "
                              "best practice or a member with the Note button on its page."),
                          _("Notes on this event can be written once Delegate has downloaded it."));
  gtk_widget_set_visible (self->empty_new_button, saved || waiting);
  adw_status_page_set_description (self->none_page, saved || waiting
    ? _("Choose a note from the list, or start a new one.") : NULL);
}

static void
update_actions (DlgNotesPage *self)
{
  gboolean writable = self->store != NULL && self->event_id != NULL;
  /* A report tells of the event's sessions and cases: it needs a copy of it. */
  gboolean reportable = writable && self->feed != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report-pdf", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report-odt", reportable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-data", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.import-data", self->store != NULL);
}

/* Each note keeps the name of what it is about as this copy of the feed has it: a later
 * copy may drop the session, and the report should still say which it was. */
static void
remember_items (DlgNotesPage *self)
{
  GListModel *notes = G_LIST_MODEL (self->notes);

  for (guint i = 0; self->feed != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DlgNote) note = g_list_model_get_item (notes, i);

      if (dlg_note_remember_item (note, self->feed))
        dlg_note_saver_queue (self->saver, note);
    }
}

/* Reads the event's notes from the store: once per event, on the main
 * thread (one indexed query); every later change is the page's own. */
void
dlg_notes_page_reload (DlgNotesPage *self)
{
  const char *event_id = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *practices = NULL;

  if (self->feed != NULL && dlg_feed_get_event (self->feed) != NULL)
    event_id = dlg_event_get_id (dlg_feed_get_event (self->feed));
  else if (self->feed == NULL)
    event_id = self->pending_id;

  setup_factories (self);
  show_empty_reason (self);

  /* The matching cases follow the feed; the notes only the event. */
  if (self->feed != NULL)
    practices = dlg_feed_get_practices (self->feed);
  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_func (self->cases, update_list_stack, self);
  g_clear_object (&self->cases);
  if (practices != NULL)
    {
      self->cases = gtk_filter_list_model_new (g_object_ref (practices),
                                               GTK_FILTER (gtk_custom_filter_new (case_filter_func,
                                                                                  self, NULL)));
      g_signal_connect_object (self->cases, "items-changed",
                               G_CALLBACK (update_list_stack), self, G_CONNECT_SWAPPED);
    }
  {
    /* The view takes a reference of its own: the copy before, with its cases, goes. */
    g_autoptr(GtkNoSelection) cases = self->cases != NULL
                                      ? gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->cases)))
                                      : NULL;

    gtk_list_view_set_model (self->cases_view, GTK_SELECTION_MODEL (cases));
  }

  if (g_strcmp0 (event_id, self->event_id) != 0 && self->feed != NULL &&
      self->event_id != NULL && g_strcmp0 (self->event_id, self->pending_id) == 0)
    {
      /* The first copy of the event these notes waited for (added offline): its sync moved
       * them to the event (dlg_store_commit_sync).  The notes shown, and any save of them
       * still to come, are the event's too, as is a note begun since the sync.  The same
       * notes stay open, with the delegate's cursor where it was. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
        {
          g_autoptr(DlgNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

          dlg_note_move_to_event (note, event_id);
        }
      dlg_notes_page_save (self);
      if (!dlg_notes_adopt (self->store, self->event_id, event_id, &error))
        g_warning ("%s", error->message);
      g_free (self->event_id);
      self->event_id = g_strdup (event_id);
    }

  if (g_strcmp0 (event_id, self->event_id) == 0)
    {
      /* Same event, new copy of the feed: attachments may have gone. */
      remember_items (self);
      show_attachment (self);
      update_list_stack (self);
      update_actions (self);
      return;
    }

  dlg_notes_page_save (self);
  set_current (self, NULL);
  g_list_store_remove_all (self->notes);
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);

  if (self->store != NULL && event_id != NULL)
    {
      notes = dlg_note_saver_list (self->saver, event_id, &error);
      if (notes == NULL)
        g_warning ("%s", error->message);
      else
        g_list_store_splice (self->notes, 0, 0, notes->pdata, notes->len);
      remember_items (self);
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_list_stack (self);
  update_actions (self);
}

/* --- public -------------------------------------------------------------- */

void
dlg_notes_page_set_store (DlgNotesPage *self,
                          DlgStore     *store)
{
  g_return_if_fail (DLG_IS_NOTES_PAGE (self));
  g_return_if_fail (store == NULL || DLG_IS_STORE (store));

  if (self->store == store)
    return;

  dlg_notes_page_save (self);
  if (self->saver != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->saver, saver_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->saver, file_opened_cb, self);
    }
  g_clear_object (&self->saver);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      self->saver = dlg_note_saver_new (store);
      g_signal_connect_object (self->saver, "notify::error",
                               G_CALLBACK (saver_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->saver, "notify::unsaved",
                               G_CALLBACK (saver_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->saver, "file-opened",
                               G_CALLBACK (file_opened_cb), self, G_CONNECT_SWAPPED);
    }

  /* Reload from this store. */
  g_clear_pointer (&self->event_id, g_free);
  dlg_notes_page_reload (self);
}

void
dlg_notes_page_set_feed (DlgNotesPage *self,
                         DlgFeed      *feed,
                         const char   *pending_id)
{
  gboolean pending_changed;

  g_return_if_fail (DLG_IS_NOTES_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  pending_changed = g_strcmp0 (pending_id, self->pending_id) != 0;
  if (pending_changed)
    {
      g_free (self->pending_id);
      self->pending_id = g_strdup (pending_id);
    }
  /* Waiting notes are shown only without a feed; with one, the id only says whose feed. */
  if (g_set_object (&self->feed, feed) || (feed == NULL && pending_changed))
    dlg_notes_page_reload (self);
}

/* The newest note of the current event attached to @key, or NULL. */
static DlgNote *
find_attached (DlgNotesPage *self,
               DlgNoteKind   kind,
               const char   *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(DlgNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (dlg_note_get_kind (note) == kind && g_strcmp0 (dlg_note_get_key (note), key) == 0 &&
          !dlg_note_get_deleted (note))
        return g_steal_pointer (&note);
    }
  return NULL;
}

gboolean
dlg_notes_page_new_note (DlgNotesPage *self,
                         DlgNoteKind   kind,
                         const char   *key)
{
  g_autoptr(DlgNote) note = NULL;

  g_return_val_if_fail (DLG_IS_NOTES_PAGE (self), FALSE);

  if (self->store == NULL || self->event_id == NULL)
    return FALSE;

  if (key == NULL)
    kind = DLG_NOTE_FREE;

  /* A session, member or case that has a note already: "Note" opens it, to write on. */
  if (kind != DLG_NOTE_FREE)
    note = find_attached (self, kind, key);
  if (note != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter end;

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      select_note (self, note);
      show_content (self);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return TRUE;
    }

  note = dlg_note_new (self->event_id, kind, key);
  dlg_note_remember_item (note, self->feed);
  /* Kept at once, so an empty new note is there after a restart too. */
  dlg_note_saver_queue (self->saver, note);

  /* Newest first; a search must not hide the new note. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_list_store_insert (self->notes, 0, note);
  update_list_stack (self);
  select_note (self, note);
  show_content (self);
  gtk_widget_grab_focus (kind == DLG_NOTE_FREE ? GTK_WIDGET (self->title_entry)
                                               : GTK_WIDGET (self->text_view));
  return TRUE;
}

gboolean
dlg_notes_page_save (DlgNotesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DLG_IS_NOTES_PAGE (self), FALSE);

  if (self->saver == NULL)
    return TRUE;
  if (!dlg_note_saver_flush (self->saver, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
dlg_notes_page_may_close (DlgNotesPage *self)
{
  g_return_val_if_fail (DLG_IS_NOTES_PAGE (self), FALSE);

  if (dlg_notes_page_save (self))
    return TRUE;
  if (self->close_warned)
    return TRUE;
  self->close_warned = TRUE;
  return FALSE;
}

char *
dlg_notes_page_dup_rescue_path (DlgNotesPage *self,
                                gboolean     *kept)
{
  g_return_val_if_fail (DLG_IS_NOTES_PAGE (self), NULL);

  return self->saver != NULL ? dlg_note_saver_dup_rescue_path (self->saver, kept) : NULL;
}

/* --- actions ------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  dlg_notes_page_new_note (DLG_NOTES_PAGE (widget), DLG_NOTE_FREE, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);

  if (self->saver != NULL)
    dlg_note_saver_save_now (self->saver);
}

static gboolean
find_note (DlgNotesPage *self,
           const char   *id,
           guint        *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->notes)); i++)
    {
      g_autoptr(DlgNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);

      if (g_strcmp0 (dlg_note_get_id (note), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  DlgNotesPage *self = g_object_get_data (G_OBJECT (toast), "page");
  DlgNote *note = user_data;

  if (self == NULL || note == NULL)
    return;

  /* Deleted while its event waited for its first download, and taken back once it came: the
   * note joins the event, as the others did (reload), instead of waiting for a download that
   * has already happened. */
  if (self->feed != NULL && self->event_id != NULL &&
      g_strcmp0 (dlg_note_get_event_id (note), self->pending_id) == 0)
    dlg_note_move_to_event (note, self->event_id);
  dlg_note_set_deleted (note, FALSE);
  dlg_note_saver_queue (self->saver, note);
  if (g_strcmp0 (dlg_note_get_event_id (note), self->event_id) == 0)
    {
      g_list_store_insert (self->notes, 0, note);
      update_list_stack (self);
      select_note (self, note);
    }
}

/* Deleting is a tombstone, saved like any change: Undo brings it back. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (widget);
  g_autoptr(DlgNote) note = NULL;
  GtkWidget *overlay;
  AdwToast *toast;
  guint position;

  if (self->current == NULL)
    return;

  note = g_object_ref (self->current);
  dlg_note_set_deleted (note, TRUE);
  dlg_note_saver_queue (self->saver, note);
  set_current (self, NULL);
  if (find_note (self, dlg_note_get_id (note), &position))
    g_list_store_remove (self->notes, position);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  update_list_stack (self);

  /* The keyboard was on the editor or its Delete button, now empty or gone: back to the list
   * (or, with no note left, to "New Note"), a Tab or two from the toast's Undo. */
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else if (gtk_widget_is_visible (self->empty_new_button))
    gtk_widget_grab_focus (self->empty_new_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = dlg_toast_new (_("Note deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Time enough to notice a slip and take it back. */
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         g_object_ref (note), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* --- GObject ------------------------------------------------------------- */

static void
dlg_notes_page_dispose (GObject *object)
{
  DlgNotesPage *self = DLG_NOTES_PAGE (object);

  /* Whatever closes the page, nothing typed is lost. */
  if (self->saver != NULL)
    dlg_notes_page_save (self);

  g_clear_handle_id (&self->slow_save_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_NOTES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->cases);
  g_clear_object (&self->notes);
  g_clear_object (&self->current);
  g_clear_object (&self->saver);
  g_clear_object (&self->store);
  g_clear_object (&self->feed);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->pending_id, g_free);

  G_OBJECT_CLASS (dlg_notes_page_parent_class)->dispose (object);
}

static void
dlg_notes_page_class_init (DlgNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (DLG_TYPE_LIST_ROW);

  object_class->dispose = dlg_notes_page_dispose;

  gtk_widget_class_install_action (widget_class, "notes.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "notes.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "notes.save", NULL, save_action);
  dlg_notes_page_install_file_actions (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, cases_heading);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, cases_view);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, save_banner);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, attached_box);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, attached_label);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, attached_button);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DlgNotesPage, text_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activate_cb);
}

static void
dlg_notes_page_init (DlgNotesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* As the agenda: without the installed schema (a test), times follow the event's zone.  The
   * rows are made again when the delegate changes the zone there. */
  self->settings = dlg_settings_new ("agenda-local-time");
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::agenda-local-time",
                             G_CALLBACK (setup_factories), self, G_CONNECT_SWAPPED);
  dlg_name_mnemonic_buttons (GTK_WIDGET (self));

  self->notes = g_list_store_new (DLG_TYPE_NOTE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->notes)),
                                              GTK_FILTER (gtk_custom_filter_new (note_filter_func,
                                                                                 self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_list_stack), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), TRUE);

  setup_factories (self);
  show_empty_reason (self);
  dlg_pane_add_search_shortcut (GTK_WIDGET (self), GTK_WIDGET (self->search_entry));
  dlg_pane_search_leads_to (GTK_WIDGET (self->search_entry), GTK_WIDGET (self->list_view));
  /* Narrow, Escape in a note goes back to the list, as in the other panes' details (the
   * text is saved as it is typed: nothing to lose). */
  dlg_split_escape_goes_back (self->content, self->back_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-report-odt", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.export-data", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.import-data", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete", FALSE);
  update_list_stack (self);
  load_editor (self);
}
