/* agenda-page-fixture.c: the agenda pane built as the app builds it, and a delegate's ways
 * of driving it, for the test-agenda-page files (see agenda-page-fixture.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

const char * const english[] = { "en", NULL };

gpointer
child (Fixture    *f,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->page), DLG_TYPE_AGENDA_PAGE, name);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "",
                            gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

/* The text of the list's empty page as the labels show it: markup read, not its source. */
char *
empty_text (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  collect_labels (child (f, "list_empty_page"), out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A widget of the session shown beside the list. */
gpointer
session_child (Fixture    *f,
               const char *name)
{
  return gtk_widget_get_template_child (child (f, "session_view"), DLG_TYPE_SESSION_VIEW, name);
}

/* The title of the session shown beside the list. */
const char *
session_title (Fixture *f)
{
  GtkWidget *title = dlg_session_view_get_title (DLG_SESSION_VIEW (child (f, "session_view")));

  return gtk_label_get_text (GTK_LABEL (title));
}

GListModel *
shown (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (child (f, "list_view")));
}

guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (shown (f));
}

DlgSession *
find (Fixture    *f,
      const char *title)
{
  GListModel *sessions = dlg_feed_get_sessions (f->feed);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);

      if (g_str_equal (dlg_session_get_title (session), title))
        return session;
    }
  g_assert_not_reached ();
}

static GtkPopover *
popup_of (GtkDropDown *dropdown)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER (c))
      return GTK_POPOVER (c);
  g_assert_not_reached ();
}

/* As a delegate does: opens the drop-down in the window (its choices are listed only then),
 * picks one, and the drop-down closes. */
void
choose (GtkDropDown *dropdown,
        const char  *text)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (dropdown)));
  GtkPopover *popup = popup_of (dropdown);
  GListModel *model;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dropdown)))
    g_main_context_iteration (NULL, TRUE);
  /* As Enter does: the button shows itself pressed for a moment, then the list opens. */
  gtk_widget_activate (GTK_WIDGET (dropdown));
  while (!gtk_widget_get_mapped (GTK_WIDGET (popup)))
    g_main_context_iteration (NULL, TRUE);

  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          gtk_popover_popdown (popup);
          return;
        }
    }
  g_assert_not_reached ();
}

void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = child (f, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before it says; a delegate would too. */
  g_signal_emit_by_name (entry, "search-changed");
}

/* The titles of the sessions the list shows, "; " between. */
char *
shown_titles (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (shown (f), i);

      g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", dlg_session_get_title (session));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Runs the main loop until @done; FALSE if it never is, within 10 s. */
gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "quirks.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "agenda-local-time");
  f->feed = dlg_source_load (path, english, NULL, &error);
  g_assert_no_error (error);
  f->store = dlg_store_open (":memory:", NULL, &error);
  g_assert_no_error (error);

  f->page = g_object_new (DLG_TYPE_AGENDA_PAGE, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  dlg_agenda_page_set_store (f->page, f->store);
  dlg_agenda_page_set_feed (f->page, f->feed);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_object (&f->feed);
}
