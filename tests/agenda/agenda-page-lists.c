/* agenda-page-lists.c: long agendas, whose rows are built as the list is scrolled and which
 * are filtered bit by bit
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

static gboolean
laid_out (gpointer data)
{
  return gtk_adjustment_get_page_size (data) > 0 && gtk_adjustment_get_upper (data) > 0;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         upper;   /* before the scroll */
} Scroll;

static gboolean
upper_changed (gpointer data)
{
  Scroll *scroll = data;

  return gtk_adjustment_get_upper (scroll->adjustment) != scroll->upper;
}

/* A day of 300 sessions: the list builds rows as it is scrolled (GtkListView would build
 * 200 at once), and a delegate still reaches every one, by scrolling or by a link. */
static void
test_long_day (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = schedule_fixture_new (300, 6, 1, FALSE, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  GListModel *sessions;
  g_autoptr(DlgSession) last = NULL;
  g_autoptr(DlgSession) shown_last = NULL;
  GtkAdjustment *adjustment;
  GtkSingleSelection *selection;
  guint n_before;

  g_assert_no_error (error);
  sessions = dlg_feed_get_sessions (feed);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 300);
  last = g_list_model_get_item (sessions, 299);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 980, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  dlg_agenda_page_set_feed (f->page, feed);
  adjustment = gtk_scrollable_get_vadjustment (child (f, "list_view"));
  if (!wait_until (laid_out, adjustment))
    g_error ("the session list was never laid out");
  n_before = n_shown (f);
  g_assert_cmpuint (n_before, <, 300);

  /* Scrolled to the end, again and again: the list grows to the last session. */
  for (guint i = 0; i < 40 && n_shown (f) < 300; i++)
    {
      Scroll scroll = { adjustment, gtk_adjustment_get_upper (adjustment) };

      gtk_adjustment_set_value (adjustment, scroll.upper -
                                            gtk_adjustment_get_page_size (adjustment));
      if (!wait_until (upper_changed, &scroll))
        g_error ("scrolled to its end, the list did not grow past %u sessions", n_shown (f));
    }
  g_assert_cmpuint (n_shown (f), ==, 300);
  shown_last = g_list_model_get_item (shown (f), 299);
  g_assert_true (shown_last == last);

  /* A link to the last session, on a list scrolled back to the start with a fresh event. */
  dlg_agenda_page_set_feed (f->page, NULL);
  dlg_agenda_page_set_feed (f->page, feed);
  if (!wait_until (laid_out, adjustment))
    g_error ("the session list was never laid out");
  g_assert_cmpuint (n_shown (f), ==, n_before);
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (last)));
  selection = GTK_SINGLE_SELECTION (shown (f));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) last);
  g_assert_cmpstr (session_title (f), ==,
                   dlg_session_get_title (last));
}

static gboolean
last_selected (gpointer data)
{
  Fixture *f = data;
  GListModel *sessions = dlg_feed_get_sessions (dlg_agenda_page_get_feed (f->page));
  g_autoptr(DlgSession) last = g_list_model_get_item (sessions,
                                                      g_list_model_get_n_items (sessions) - 1);

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown (f))) ==
         (gpointer) last;
}

static gboolean
ran_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A link to a session of a congress large enough to be filtered bit by bit (over 2,000
 * sessions) opens it at once, without running the main loop meanwhile: a sync handled there
 * replaced the feed under the link, and the reload of a new copy reveals its open session
 * the same way. */
static void
test_reveal_in_long_list (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = schedule_fixture_new (3000, 30, 2, FALSE, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autoptr(DlgSession) last = NULL;
  GListModel *sessions;
  gboolean ran = FALSE;

  g_assert_no_error (error);
  sessions = dlg_feed_get_sessions (feed);
  last = g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 980, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  dlg_agenda_page_set_feed (f->page, feed);
  search (f, "a");

  g_idle_add (ran_cb, &ran);
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (last)));
  g_assert_false (ran);
  /* The filter finishes between frames, then the session is shown. */
  if (!wait_until (last_selected, f))
    g_error ("the linked session was never shown");
  g_assert_cmpstr (session_title (f), ==, dlg_session_get_title (last));
}

void
agenda_page_add_lists_tests (void)
{
  g_test_add ("/agenda-page/long-day", Fixture, NULL, fixture_set_up, test_long_day,
              fixture_tear_down);
  g_test_add ("/agenda-page/reveal-in-long-list", Fixture, NULL, fixture_set_up,
              test_reveal_in_long_list, fixture_tear_down);
}
