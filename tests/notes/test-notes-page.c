/* test-notes-page.c: the Notes pane across copies of the feed, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dlg-note-report.h"
#include "dlg-notes.h"
#include "dlg-notes-page.h"
#include "dlg-store.h"

static const char * const english[] = { "en", NULL };

static DlgFeed *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "notes", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_file (file, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static DlgFeed *
builtin_feed (void)
{
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_default (english, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dlg_feed_get_practices (feed)), >, 0);
  return feed;
}

/* Each sync or switch of event hands the pane a new copy of the feed: the copy before, with
 * its best practices, goes (a list the pane made for the cases kept each one, some 120 KB a
 * switch for a congress of 100 cases). */
static void
test_copies_let_go (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  DlgFeed *first = builtin_feed ();
  g_autoptr(DlgFeed) second = builtin_feed ();
  gpointer practices = dlg_feed_get_practices (first);

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, first, NULL);

  g_object_add_weak_pointer (G_OBJECT (practices), &practices);
  g_object_unref (first);
  dlg_notes_page_set_feed (page, second, NULL);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (practices);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
wait_for_text (GtkWidget  *window,
               const char *text)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!shows_text (window, text) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  if (!shows_text (window, text))
    g_error ("the Notes list never shows “%s”", text);
}

/* A note written at Kupang at 10:32 (WITA, UTC+8) on a laptop left on Berlin's time (main()
 * sets TZ): the list says 10:32, as the trip report and the agenda do, not 04:32.  With the
 * agenda's "Times in This Computer's Time Zone", the list follows it, as every time the app
 * shows does. */
static void
test_time_in_event_zone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  g_autoptr(DlgFeed) feed = builtin_feed ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gint64 written = G_GINT64_CONSTANT (1571193120) * G_USEC_PER_SEC; /* 2019-10-16 02:32 UTC */
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();

  g_assert_no_error (error);
  g_ptr_array_add (notes, dlg_note_new_full ("n1", dlg_event_get_id (dlg_feed_get_event (feed)),
                                             DLG_NOTE_FREE, NULL, "Kupang visit", "",
                                             written, written, FALSE));
  g_assert_true (dlg_notes_save (store, notes, &error));
  g_assert_no_error (error);

  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, feed, NULL);
  wait_for_text (window, "Note · 16 October, 10:32");

  g_settings_set_boolean (settings, "agenda-local-time", TRUE);
  wait_for_text (window, "Note · 16 October, 04:32");

  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A note begun from a session's Note button, and one on a case written by a Delegate that kept
 * no item's name, then a feed update that drops both: the trip report still says which
 * session and which case each note was about. */
static void
test_gone_session_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  g_autoptr(DlgFeed) before = load_fixture ("before.json");
  g_autoptr(DlgFeed) after = load_fixture ("after.json");
  g_autofree char *report = NULL;
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *focus;
  g_autoptr(GPtrArray) older = g_ptr_array_new_with_free_func (g_object_unref);
  DlgNote *on_case = dlg_note_new ("notes-fixture", DLG_NOTE_PRACTICE, "p1");

  g_assert_no_error (error);
  dlg_note_set_body (on_case, "In our city.");
  g_ptr_array_add (older, on_case);
  g_assert_true (dlg_notes_save (store, older, &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, before, NULL);
  g_assert_true (dlg_notes_page_new_note (page, DLG_NOTE_SESSION, "s2"));
  /* The keyboard is in the note's text: typed there. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), "Banks pay cash.", -1);

  dlg_notes_page_set_feed (page, after, NULL);
  /* The open note says so too, above its text. */
  wait_for_text (window, "Session: Waste banks (no longer in the programme)");
  g_assert_true (dlg_notes_page_save (page));
  report = dlg_note_report_markdown (after, store, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "*Session: Waste banks (no longer in the programme)*"));
  g_assert_nonnull (strstr (report, "*Best practice: Waste banks in every village "
                                    "(no longer in the programme)*"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
set_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The main loop run for @ms milliseconds. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The search entry under @widget. */
static GtkEditable *
find_search (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_search (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A search finds a note by what it is about, as its row says: "waste bank" finds the note
 * on the session "Waste banks", whose own text says "recycling"; a word in neither does not. */
static void
test_search_by_item (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  DlgNote *note = dlg_note_new ("notes-fixture", DLG_NOTE_SESSION, "s2");
  GtkEditable *search;

  g_assert_no_error (error);
  dlg_note_set_title (note, "Recycling");
  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (store, notes, &error));
  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, feed, NULL);
  wait_for_text (window, "Recycling");

  search = find_search (window);
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "zzz");
  wait_for_text (window, "No matching notes");
  gtk_editable_set_text (search, "waste bank");
  /* The entry says the search changed a moment after the last key. */
  settle (500);
  g_assert_false (shows_text (window, "No matching notes"));
  g_assert_true (shows_text (window, "Recycling"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Keyboard only: Ctrl+N (notes.new) puts the keyboard in the new note's title, and Enter
 * there takes it on to the text. */
static void
test_title_enter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  g_autoptr(DlgFeed) feed = load_fixture ("before.json");
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *focus;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, feed, NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "notes.new", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY));

  /* Enter, as the entry's text hears it. */
  g_signal_emit_by_name (focus, "activate");
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first list under @widget: the notes. */
static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many empty-state pages (AdwStatusPage) under @widget a delegate sees. */
static guint
count_status_pages (GtkWidget *widget)
{
  guint n = ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_status_pages (child);
  return n;
}

/* A delegate with no notes sees one message, which says how to write one (Ctrl+N, or the Note
 * button), not a second "No Note Selected" beside it asking them to choose from an empty list.
 * Once there are notes, that second one is back for when none is open. */
static void
test_one_empty_state (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) store = dlg_store_open (":memory:", NULL, &error);
  g_autoptr(DlgFeed) feed = builtin_feed ();
  DlgNotesPage *page = g_object_new (DLG_TYPE_NOTES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  const char *how = "Start a note of your own with Ctrl+N, or one about a session, a best "
                    "practice or a member with the Note button on its page.";

  g_assert_no_error (error);
  /* Wide enough for the list and the note side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_notes_page_set_store (page, store);
  dlg_notes_page_set_feed (page, feed, NULL);
  wait_for_text (window, "No Notes");
  settle (100);
  g_assert_true (shows_text (window, how));
  g_assert_false (shows_text (window, "No Note Selected"));
  g_assert_cmpuint (count_status_pages (window), ==, 1);

  /* Two notes, one deleted: the other is in the list, and none is open. */
  gtk_widget_activate_action (GTK_WIDGET (page), "notes.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "notes.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "notes.delete", NULL);
  wait_for_text (window, "No Note Selected");
  g_assert_false (shows_text (window, "No Notes"));
  g_assert_cmpuint (count_status_pages (window), ==, 1);

  /* The other one opened (Enter on its row) and deleted: back to the one message. */
  g_signal_emit_by_name (find_list (window), "activate", 0);
  g_assert_cmpuint (count_status_pages (window), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "notes.delete", NULL);
  wait_for_text (window, "No Notes");
  settle (100);
  g_assert_false (shows_text (window, "No Note Selected"));
  g_assert_cmpuint (count_status_pages (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* A laptop that kept its home's time (CEST, UTC+2) at an event at UTC+8. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/notes-page/copies-let-go", test_copies_let_go);
  g_test_add_func ("/notes-page/time-in-event-zone", test_time_in_event_zone);
  g_test_add_func ("/notes-page/gone-session-named", test_gone_session_named);
  g_test_add_func ("/notes-page/search-by-item", test_search_by_item);
  g_test_add_func ("/notes-page/title-enter", test_title_enter);
  g_test_add_func ("/notes-page/one-empty-state", test_one_empty_state);

  return g_test_run ();
}
