/* agenda-page-stars.c: stars and "My schedule", a new copy of the event from a sync, and
 * export
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"
#include "dlg-session-row.h"
#include "dlg-store-private.h"
#include "full-store.h"

static void
test_stars (Fixture       *f,
            gconstpointer  data)
{
  GtkToggleButton *mine = child (f, "mine_button");
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  DlgSession *utc = find (f, "UTC offset, no guid");
  DlgSession *day_two = find (f, "Day two");
  g_autofree char *flags = NULL;

  g_assert_true (dlg_agenda_page_can_star (f->page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mine)));
  dlg_agenda_page_toggle_star (f->page, opening);
  dlg_agenda_page_toggle_star (f->page, day_two);
  g_assert_true (dlg_agenda_page_is_starred (f->page, opening));
  g_assert_true (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));

  /* My schedule: the starred sessions of every day. */
  gtk_toggle_button_set_active (mine, TRUE);
  g_assert_cmpuint (n_shown (f), ==, 2);

  /* Two starred sessions at the same time are flagged. */
  flags = dlg_agenda_page_describe_flags (f->page, opening);
  g_assert_null (flags);
  dlg_agenda_page_toggle_star (f->page, utc);
  g_assert_cmpuint (n_shown (f), ==, 3);
  flags = dlg_agenda_page_describe_flags (f->page, opening);
  g_assert_cmpstr (flags, ==, "Overlaps another starred session");

  dlg_agenda_page_toggle_star (f->page, utc);
  dlg_agenda_page_toggle_star (f->page, opening);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_toggle_button_set_active (mine, FALSE);
  g_assert_cmpuint (n_shown (f), ==, 6);
}

/* The row the list shows @session in, once the list has built it. */
static GtkWidget *
row_in (GtkWidget  *widget,
        DlgSession *session)
{
  if (DLG_IS_SESSION_ROW (widget))
    {
      g_autoptr(DlgSession) item = NULL;

      g_object_get (widget, "item", &item, NULL);
      if (item == session)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *row = row_in (c, session);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static GtkButton *
row_star (Fixture    *f,
          DlgSession *session)
{
  GtkWidget *row = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((row = row_in (child (f, "list_view"), session)) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (row);
  return GTK_BUTTON (gtk_widget_get_template_child (row, DLG_TYPE_SESSION_ROW, "star_button"));
}

/* What a star shows: its icon and its tooltip (what a screen reader says goes with them). */
static void
assert_star (GtkButton *star,
             gboolean   starred)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (star)));
  g_assert_cmpstr (gtk_button_get_icon_name (star), ==,
                   starred ? "starred-symbolic" : "non-starred-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (star)), ==,
                   starred ? "Unstar Session" : "Star Session");
}

/* A session's page has its star too: on a narrow window the page is all there is in sight.
 * Starred there, its row shows it starred and "My schedule" lists it; unstarred from its row,
 * the page's star says so.  Where the rows have no star (no store to keep it), neither has
 * the page. */
static void
test_detail_star (Fixture       *f,
                  gconstpointer  data)
{
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkButton *star = session_child (f, "star_button");
  GtkToggleButton *mine = child (f, "mine_button");
  g_autofree char *mine_titles = NULL;

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (opening)));
  assert_star (star, FALSE);
  assert_star (row_star (f, opening), FALSE);

  g_signal_emit_by_name (star, "clicked");
  g_assert_true (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  assert_star (star, TRUE);
  assert_star (row_star (f, opening), TRUE);
  gtk_toggle_button_set_active (mine, TRUE);
  mine_titles = shown_titles (f);
  g_assert_cmpstr (mine_titles, ==, "Opening 🎉 𝔘nicode");
  g_assert_cmpstr (session_title (f), ==, "Opening 🎉 𝔘nicode");
  gtk_toggle_button_set_active (mine, FALSE);

  g_signal_emit_by_name (row_star (f, opening), "clicked");
  g_assert_false (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  assert_star (star, FALSE);
  assert_star (row_star (f, opening), FALSE);

  dlg_agenda_page_set_store (f->page, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_star (f, opening))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (star)));
}

/* In "My schedule", a session unstarred from its page leaves the list, but its page stays in
 * sight with the keyboard on its star, where a second press stars it again: on a narrow
 * window the page is all the delegate sees. */
static void
test_detail_star_mine (Fixture       *f,
                       gconstpointer  data)
{
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkButton *star = session_child (f, "star_button");

  dlg_agenda_page_toggle_star (f->page, opening);
  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (opening)));
  while (!gtk_widget_get_mapped (GTK_WIDGET (star)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (star)));

  g_signal_emit_by_name (star, "clicked");
  g_assert_false (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  g_assert_cmpstr (session_title (f), ==, "Opening 🎉 𝔘nicode");
  assert_star (star, FALSE);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (star)));

  g_signal_emit_by_name (star, "clicked");
  g_assert_true (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  g_assert_cmpuint (n_shown (f), ==, 1);
  assert_star (star, TRUE);
  assert_star (row_star (f, opening), TRUE);

  /* Another session opened, the kept one goes as any other. */
  gtk_toggle_button_set_active (child (f, "mine_button"), FALSE);
  g_assert_true (dlg_agenda_page_show_session (f->page,
                                               dlg_session_get_key (find (f, "Day two"))));
  g_assert_cmpstr (session_title (f), ==, "Day two");
  assert_star (star, FALSE);
}

/* The same from the session's row: unstarred there in "My schedule", the open session leaves
 * the list, but its page stays, its star there to undo it. */
static void
test_row_star_mine (Fixture       *f,
                    gconstpointer  data)
{
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkButton *star = session_child (f, "star_button");

  dlg_agenda_page_toggle_star (f->page, opening);
  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (opening)));

  g_signal_emit_by_name (row_star (f, opening), "clicked");
  g_assert_false (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  g_assert_cmpstr (session_title (f), ==, "Opening 🎉 𝔘nicode");
  assert_star (star, FALSE);

  g_signal_emit_by_name (star, "clicked");
  g_assert_true (dlg_store_is_starred (f->store, "wild24", dlg_session_get_key (opening)));
  g_assert_cmpuint (n_shown (f), ==, 1);
  assert_star (row_star (f, opening), TRUE);

  /* Another session unstarred from its row leaves the open one as it is. */
  dlg_agenda_page_toggle_star (f->page, find (f, "Day two"));
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_true (dlg_agenda_page_show_session (f->page,
                                               dlg_session_get_key (find (f, "Day two"))));
  g_assert_cmpstr (session_title (f), ==, "Day two");
  g_signal_emit_by_name (row_star (f, opening), "clicked");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (session_title (f), ==, "Day two");
  assert_star (star, TRUE);
}

/* A page kept in sight that way stays through a sync: a new copy of the event must not close
 * what the delegate was reading, nor star its session again. */
static void
test_kept_star_across_sync (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "quirks.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) copy = NULL;
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkButton *star = session_child (f, "star_button");
  const char *key = dlg_session_get_key (opening);

  dlg_agenda_page_toggle_star (f->page, opening);
  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, key));
  g_signal_emit_by_name (star, "clicked");
  g_assert_cmpuint (n_shown (f), ==, 0);

  copy = dlg_source_load (path, english, NULL, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, copy);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  g_assert_cmpstr (session_title (f), ==, "Opening 🎉 𝔘nicode");
  assert_star (star, FALSE);

  /* Its star is the new copy's session's. */
  g_signal_emit_by_name (star, "clicked");
  g_assert_true (dlg_store_is_starred (f->store, "wild24", key));
  g_assert_cmpuint (n_shown (f), ==, 1);
  assert_star (star, TRUE);

  /* Starred again, it is back in the list: the next copy opens it there. */
  g_clear_object (&copy);
  copy = dlg_source_load (path, english, NULL, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, copy);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown (f))) ==
                 (gpointer) dlg_feed_find_session (copy, key));
  g_assert_cmpstr (session_title (f), ==, "Opening 🎉 𝔘nicode");
  assert_star (star, TRUE);
}

/* A new copy of the same event (a sync, as an organiser fixes a room) keeps what the delegate
 * was looking at: the day, the room and the session open. Another event starts afresh. */
static void
test_kept_across_sync (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "quirks.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) copy = NULL;
  g_autoptr(DlgFeed) other = NULL;
  g_autoptr(GBytes) bytes = schedule_fixture_new (40, 4, 2, FALSE, 1);
  GtkDropDown *days = child (f, "day_dropdown");
  GtkDropDown *rooms = child (f, "room_dropdown");
  GtkSingleSelection *selection;
  DlgSession *day_two = find (f, "Day two");

  choose (rooms, "Hall B");
  g_assert_cmpuint (n_shown (f), ==, 2);
  gtk_drop_down_set_selected (days, 1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  selection = GTK_SINGLE_SELECTION (shown (f));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_cmpstr (session_title (f), ==, dlg_session_get_title (day_two));

  copy = dlg_source_load (path, english, NULL, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, copy);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (rooms)), ==,
                   "Hall B");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  selection = GTK_SINGLE_SELECTION (shown (f));
  g_assert_true (gtk_single_selection_get_selected_item (selection) ==
                 (gpointer) dlg_feed_find_session (copy, dlg_session_get_key (day_two)));
  g_assert_cmpstr (session_title (f), ==, "Day two");

  /* Back on day 1 in Hall B, nothing open: still so after the next copy. */
  gtk_drop_down_set_selected (days, 0);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown (f)), GTK_INVALID_LIST_POSITION);
  g_clear_object (&copy);
  copy = dlg_source_load (path, english, NULL, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, copy);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "none");

  /* Another event: all its rooms, its first day, nothing open. */
  other = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, other);
  g_assert_cmpuint (gtk_drop_down_get_selected (rooms), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
}

static DlgFeed *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_load (path, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* The delegate reads their next starred session, and leaves it open; a sync moves it (09:00
 * to 09:30).  The agenda opens it again, and says it moved, until the delegate opens it
 * themselves: the time beside the list changing quietly is what the flag is for. */
static void
test_open_star_moved (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DlgFeed) before = load_fixture ("same.json");
  g_autoptr(DlgFeed) after = load_fixture ("same-changed.json");
  const char *key = "b0000000-0000-4000-8000-000000000001";
  GtkSingleSelection *selection;
  g_autofree char *flags = NULL;

  dlg_agenda_page_set_feed (f->page, before);
  dlg_agenda_page_toggle_star (f->page, dlg_feed_find_session (before, key));
  g_assert_true (dlg_agenda_page_show_session (f->page, key));
  g_assert_cmpstr (session_title (f), ==, "Pembukaan — Opening 🌏");

  dlg_agenda_page_set_feed (f->page, after);
  selection = GTK_SINGLE_SELECTION (shown (f));
  g_assert_true (gtk_single_selection_get_selected_item (selection) ==
                 (gpointer) dlg_feed_find_session (after, key));
  g_assert_cmpstr (session_title (f), ==, "Pembukaan — Opening 🌏");
  flags = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (after, key));
  g_assert_cmpstr (flags, ==, "Time changed");

  /* Another copy the same: still not looked at. */
  dlg_agenda_page_set_feed (f->page, before);
  dlg_agenda_page_set_feed (f->page, after);
  g_clear_pointer (&flags, g_free);
  flags = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (after, key));
  g_assert_cmpstr (flags, ==, "Time changed");

  /* The delegate opens it (Enter, or a click on its row): seen. */
  g_signal_emit_by_name (child (f, "list_view"), "activate",
                         gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown (f))));
  g_clear_pointer (&flags, g_free);
  flags = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (after, key));
  g_assert_null (flags);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
any_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window))
        return TRUE;
    }
  return FALSE;
}

/* "Export to Calendar…" in "My schedule" with nothing starred says so, instead of asking
 * where to save a calendar with no event in it (which calendars refuse, or import as
 * nothing). */
static void
test_export_nothing_starred (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  g_object_ref (f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  g_object_unref (f->page);

  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.export", NULL));
  g_assert_true (shows_text (overlay, "No starred sessions to export"));
  g_assert_false (any_file_chooser ());
}

/* "My schedule" with the only star on a session the organiser has since dropped (listed in
 * the card above the list) says there is no starred session to show, not that nothing
 * matches: no filter or search is hiding one. */
static void
test_mine_only_dropped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (dlg_store_set_starred (f->store, "wild24", "a-session-since-dropped", TRUE,
                                        &error));
  g_assert_no_error (error);
  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  g_assert_cmpuint (n_shown (f), ==, 0);
  text = empty_text (f);
  g_assert_cmpstr (text, ==, "No Starred Sessions\nStar the sessions you will attend.");
}

static gboolean
stars_saved (gpointer store)
{
  return dlg_store_get_stars_error (store) == NULL;
}

#define TOLD_UNSAVED "Your stars could not be saved: the disk is full. Keep Delegate open: " \
                     "your stars stay as shown and are saved as soon as the disk takes them."

static gboolean
toast_gone (gpointer overlay)
{
  return !shows_text (overlay, TOLD_UNSAVED);
}

/* A star pressed while the disk is full takes: the session shows starred and is in "My
 * schedule", and a toast says why it is not saved yet, until it is (until 4 December the star
 * did not take, with a warning in the log alone).  Once there is room, the next try saves it,
 * and the toast goes. */
static void
test_star_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  g_autoptr(GPtrArray) filler = NULL;

  g_object_ref (f->page);
  gtk_window_set_child (GTK_WINDOW (f->window), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  g_object_unref (f->page);
  gtk_window_present (GTK_WINDOW (f->window));

  filler = full_store_fill (f->store, "filler");
  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*the disk is full");
  g_signal_emit_by_name (row_star (f, opening), "clicked");
  g_test_assert_expected_messages ();
  assert_star (row_star (f, opening), TRUE);
  gtk_toggle_button_set_active (child (f, "mine_button"), TRUE);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shows_text (overlay, TOLD_UNSAVED));

  full_store_make_room (f->store);
  g_assert_true (wait_until (stars_saved, f->store));
  g_assert_true (wait_until (toast_gone, overlay));
  assert_star (row_star (f, opening), TRUE);
  g_assert_cmpuint (n_shown (f), ==, 1);
}

void
agenda_page_add_stars_tests (void)
{
  g_test_add ("/agenda-page/mine-only-dropped", Fixture, NULL, fixture_set_up,
              test_mine_only_dropped, fixture_tear_down);
  g_test_add ("/agenda-page/open-star-moved", Fixture, NULL, fixture_set_up,
              test_open_star_moved, fixture_tear_down);
  g_test_add ("/agenda-page/export-nothing-starred", Fixture, NULL, fixture_set_up,
              test_export_nothing_starred, fixture_tear_down);
  g_test_add ("/agenda-page/stars", Fixture, NULL, fixture_set_up, test_stars,
              fixture_tear_down);
  g_test_add ("/agenda-page/star-disk-full", Fixture, NULL, fixture_set_up,
              test_star_disk_full, fixture_tear_down);
  g_test_add ("/agenda-page/detail-star", Fixture, NULL, fixture_set_up, test_detail_star,
              fixture_tear_down);
  g_test_add ("/agenda-page/detail-star-mine", Fixture, NULL, fixture_set_up,
              test_detail_star_mine, fixture_tear_down);
  g_test_add ("/agenda-page/kept-across-sync", Fixture, NULL, fixture_set_up,
              test_kept_across_sync, fixture_tear_down);
  g_test_add ("/agenda-page/row-star-mine", Fixture, NULL, fixture_set_up,
              test_row_star_mine, fixture_tear_down);
  g_test_add ("/agenda-page/kept-star-across-sync", Fixture, NULL, fixture_set_up,
              test_kept_star_across_sync, fixture_tear_down);
}
