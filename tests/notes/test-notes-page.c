/* test-notes-page.c: the Notes pane across copies of the feed, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dlg-notes-page.h"
#include "dlg-store.h"

static const char * const english[] = { "en", NULL };

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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/notes-page/copies-let-go", test_copies_let_go);

  return g_test_run ();
}
