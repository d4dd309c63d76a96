/* test-agenda-page.c: the agenda pane's models, with a real schedule
 *
 * The page is built as the app builds it (its template, under Xvfb), fed
 * tests/agenda/fixtures/quirks.json, and driven through its own widgets:
 * the day, room and track drop-downs, the search entry, "My schedule" and
 * stars; what the list shows is read from the list view's model.  It runs
 * in machine zones other than the event's: times must not move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dlg-event-view.h"
#include "dlg-session-view.h"
#include "dlg-agenda-page-private.h"
#include "dlg-agenda-text.h"
#include "dlg-feed-label.h"
#include "dlg-source.h"
#include "schedule-fixture.h"

static const char * const english[] = { "en", NULL };

typedef struct
{
  DlgFeed       *feed;
  DlgStore      *store;
  DlgAgendaPage *page;
  GtkWidget     *window;
} Fixture;

static gpointer
child (Fixture    *f,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->page), DLG_TYPE_AGENDA_PAGE, name);
}

/* A widget of the session shown beside the list. */
static gpointer
session_child (Fixture    *f,
               const char *name)
{
  return gtk_widget_get_template_child (child (f, "session_view"), DLG_TYPE_SESSION_VIEW, name);
}

/* The title of the session shown beside the list. */
static const char *
session_title (Fixture *f)
{
  GtkWidget *title = dlg_session_view_get_title (DLG_SESSION_VIEW (child (f, "session_view")));

  return gtk_label_get_text (GTK_LABEL (title));
}

static GListModel *
shown (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (child (f, "list_view")));
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (shown (f));
}

static DlgSession *
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
static void
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

static void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = child (f, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before it says; a delegate would too. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_clear_object (&f->feed);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *days = child (f, "day_dropdown");

  /* Day 1 lists six sessions (one starts after midnight), day 2 one. */
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 6);
  gtk_drop_down_set_selected (days, 1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_drop_down_set_selected (days, 0);

  /* Rooms and tracks, as the drop-downs offer them. */
  choose (child (f, "room_dropdown"), "Hall B");
  g_assert_cmpuint (n_shown (f), ==, 2);
  choose (child (f, "track_dropdown"), "Main");
  g_assert_cmpuint (n_shown (f), ==, 1);
  choose (child (f, "room_dropdown"), "Aula/Ruang 2 — Bärensaal");
  g_assert_cmpuint (n_shown (f), ==, 0);
  choose (child (f, "track_dropdown"), "All tracks");
  g_assert_cmpuint (n_shown (f), ==, 3);
  choose (child (f, "room_dropdown"), "All rooms");
  g_assert_cmpuint (n_shown (f), ==, 6);

  /* A search looks at every day; typing on narrows; clearing brings the day back. */
  search (f, "d");
  g_assert_cmpuint (n_shown (f), ==, 6); /* all but "Room unknown", over both days */
  search (f, "day");
  g_assert_cmpuint (n_shown (f), ==, 2); /* "Day two", "Hackathon all day" */
  search (f, "day two");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "string person"); /* a speaker, on day 2 */
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 6);
}

/* The titles of the sessions the list shows, "; " between. */
static char *
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

/* A search finds a session by what its detail shows: the words of its description, and the
 * member presenting it by the name the detail and the Members pane give it ("Kabupaten
 * Banyuwangi"), which the English title does not say. */
static void
test_search_detail (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) kupang = NULL;
  g_autofree char *found = NULL;

  search (f, "emphasis");
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Opening 🎉 𝔘nicode");
  search (f, "");

  kupang = dlg_feed_new_default (english, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, kupang);
  search (f, "kabupaten banyuwangi");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Best practice sharing: Banyuwangi Regency");
  /* Typed as a delegate may: small letters, no "Kota". */
  search (f, "kota semarang");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Best practice sharing: Semarang City");
  search (f, "");
}

/* A group's header says the date of its time when that is not its day's, as its rows do: a
 * session listed under day 1 but after its midnight, and, in the laptop's zone, a morning in
 * Kupang that is the evening before in New York. */
static void
test_group_dates (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *late = NULL;
  g_autofree char *local = NULL;

  search (f, "after midnight");
  late = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_cmpstr (late, ==, "Day 1, Wednesday 16 October · 00:30 (Thu 17 Oct) WITA");

  g_settings_set_boolean (settings, "agenda-local-time", TRUE);
  search (f, "opening");
  local = dlg_agenda_page_describe_group (f->page, 0);
  if (g_strcmp0 (g_getenv ("TZ"), "America/New_York") == 0)
    g_assert_cmpstr (local, ==, "Day 1, Wednesday 16 October · 21:00 (Tue 15 Oct) EDT");
  else if (g_strcmp0 (g_getenv ("TZ"), "UTC") == 0)
    g_assert_cmpstr (local, ==, "Day 1, Wednesday 16 October · 01:00 UTC");
  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
  search (f, "");
}

/* A bilingual feed is searched in every language it gives: a delegate reading English who
 * saw "pengelolaan sampah" on a slide finds the talk, and one reading Indonesian who heard
 * "press conference" finds "Jumpa pers" in the built-in Kupang feed. */
static void
test_search_languages (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const indonesian[] = { "id", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "bilingual.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) bilingual = dlg_source_load (path, english, NULL, &error);
  g_autoptr(DlgFeed) kupang = NULL;
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, bilingual);
  search (f, "pengelolaan sampah");
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "City waste management");
  search (f, "");

  kupang = dlg_feed_new_default (indonesian, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, kupang);
  search (f, "press conference");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Jumpa pers");
  search (f, "");
}

static void
test_groups_and_times (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  g_autofree char *first = dlg_agenda_page_describe_group (f->page, 0);
  g_autofree char *second = dlg_agenda_page_describe_group (f->page, 1);
  g_autofree char *third = dlg_agenda_page_describe_group (f->page, 2);
  g_autofree char *time_text = dlg_agenda_page_format_time (f->page, opening);
  g_autofree char *place = dlg_agenda_page_describe_place (opening);
  g_autofree char *local = NULL;

  /* Two sessions start at 09:00 WITA (one given in UTC): one header for both. */
  g_assert_cmpstr (first, ==, "09:00 WITA");
  g_assert_null (second);
  g_assert_cmpstr (third, ==, "10:00 WITA");
  g_assert_cmpstr (time_text, ==, "09:00–09:45");
  /* Listed under day 1, but after its midnight; ending the next morning. */
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, find (f, "After midnight"));
  g_assert_cmpstr (time_text, ==, "00:30 (Thu 17 Oct)–02:00");
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, find (f, "Hackathon all day"));
  g_assert_cmpstr (time_text, ==, "10:00–20:00");
  g_assert_cmpstr (place, ==, "Aula/Ruang 2 — Bärensaal · Ana Public, Only Name");

  /* While a search spans days, headers say the day. */
  search (f, "opening");
  g_clear_pointer (&first, g_free);
  first = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_true (g_str_has_suffix (first, " · 09:00 WITA"));
  g_assert_true (g_str_has_prefix (first, "Day 1, "));
  search (f, "");

  /* The laptop's zone, when the delegate asks for it (TZ is set by meson). */
  g_settings_set_boolean (settings, "agenda-local-time", TRUE);
  local = dlg_agenda_page_format_time (f->page, opening);
  /* In New York the forum's Wednesday morning is Tuesday evening: said, not left to guess. */
  if (g_strcmp0 (g_getenv ("TZ"), "America/New_York") == 0)
    g_assert_cmpstr (local, ==, "21:00 (Tue 15 Oct)–21:45");
  else if (g_strcmp0 (g_getenv ("TZ"), "UTC") == 0)
    g_assert_cmpstr (local, ==, "01:00–01:45");
  g_settings_set_boolean (settings, "agenda-local-time", FALSE);
}

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

static void
test_show_session (Fixture       *f,
                   gconstpointer  data)
{
  DlgSession *day_two = find (f, "Day two");
  GtkSingleSelection *selection;

  /* Hidden by the room and the day: showing it clears them. */
  choose (child (f, "room_dropdown"), "Aula/Ruang 2 — Bärensaal");
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (day_two)));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (child (f, "list_view")));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) day_two);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "day_dropdown")), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  g_assert_cmpstr (session_title (f), ==, "Day two");
  g_assert_false (dlg_agenda_page_show_session (f->page, "no-such-key"));
}

static void
test_detail_links (Fixture       *f,
                   gconstpointer  data)
{
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkLabel *abstract;

  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (opening)));
  abstract = session_child (f, "abstract_label");
  /* Plain text shown as such; its web address made a link (escaped markup). */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (abstract), "First paragraph with bold & an"));
  g_assert_nonnull (strstr (gtk_label_get_label (abstract),
                            "<a href=\"https://example.org/two\">https://example.org/two</a>"));
  g_assert_nonnull (strstr (gtk_label_get_label (abstract), "&lt;3"));
  /* Codes become names. */
  g_assert_cmpstr (gtk_label_get_text (session_child (f, "language_label")), ==, "German, English");
}

/* Tab pressed with the keyboard on @widget: its key handlers first, then the window's move
 * to the next control, as GTK does with a key typed. */
static void
press_tab (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
    }
  if (!handled)
    gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (widget)), GTK_DIR_TAB_FORWARD);
}

/* A keyboard user reaches the address in a session's description: Tab from the description
 * (which GTK selects whole when it takes the keyboard) goes to its link, where Enter opens
 * it, not on past it to the next control. */
static void
test_detail_link_by_keyboard (Fixture       *f,
                              gconstpointer  data)
{
  DlgSession *opening = find (f, "Opening 🎉 𝔘nicode");
  GtkLabel *description;

  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, dlg_session_get_key (opening)));
  description = session_child (f, "description_label");
  while (!gtk_widget_get_mapped (GTK_WIDGET (description)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (description)));
  g_assert_null (gtk_label_get_current_uri (description));
  press_tab (GTK_WIDGET (description));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (description)));
  g_assert_cmpstr (gtk_label_get_current_uri (description), ==, "https://example.org/md");
}

/* The link buttons in one of the session view's lists: "label → action(target)" each. */
static char *
links_of (GtkWidget *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (GtkWidget *button = gtk_widget_get_first_child (list); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      g_string_append_printf (out, "%s%s → %s(%s)", out->len > 0 ? "; " : "",
                              gtk_label_get_text (GTK_LABEL (label)),
                              gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                              g_variant_get_string (target, NULL));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gpointer
view_child (DlgSessionView *view,
            const char     *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (view), DLG_TYPE_SESSION_VIEW, name);
}

/* A session of the built-in forum names who presents it and the case presented, each a link
 * to its page; a session with neither shows no such heading. */
static void
test_session_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_default (english, &error);
  DlgSessionView *view = g_object_ref_sink (g_object_new (DLG_TYPE_SESSION_VIEW, NULL));
  g_autofree char *members = NULL;
  g_autofree char *practices = NULL;

  g_assert_no_error (error);
  dlg_session_view_show (view, feed,
                         dlg_feed_find_session (feed, "citynet2019-best-practice-semarang"),
                         NULL);
  members = links_of (view_child (view, "members_list"));
  practices = links_of (view_child (view, "practices_list"));
  g_assert_cmpstr (members, ==, "Kota Semarang → win.show-member(kota-semarang)");
  g_assert_cmpstr (practices, ==, "Infrastructure financing strategy and administrative reform"
                   " → win.show-practice(semarang-pembiayaan-reformasi)");
  g_assert_true (gtk_widget_get_visible (view_child (view, "practices_box")));

  /* The opening presents no case: no heading for one. */
  dlg_session_view_show (view, feed, dlg_feed_find_session (feed, "citynet2019-pembukaan"), NULL);
  g_assert_false (gtk_widget_get_visible (view_child (view, "practices_box")));
  g_object_unref (view);
}

static const char *
event_text (DlgEventView *view,
            const char   *name)
{
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                   DLG_TYPE_EVENT_VIEW, name);
  GtkWidget *box;

  /* A row hidden as a whole shows nothing. */
  for (box = label; box != NULL; box = gtk_widget_get_parent (box))
    if (!gtk_widget_get_visible (box))
      return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Before a session is chosen, the pane beside the agenda says when and where the forum is
 * and who runs it; what the feed does not say is not shown, nor an unsafe website. */
static void
test_event_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_default (english, &error);
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"<b>Forum</b>\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-09-30\", \"end\": \"2024-10-02\", "
    "\"address\": \"Jl. El Tari No. 1, Kota Kupang\", \"city\": \"Kota Kupang\", "
    "\"url\": \"javascript:alert(1)\"}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(DlgFeed) other = NULL;
  DlgEventView *view = g_object_ref_sink (g_object_new (DLG_TYPE_EVENT_VIEW, NULL));
  struct { const char *start, *end, *text; } dates[] = {
    { "2019-10-16", "2019-10-18", "16–18 October 2019" },
    { "2019-10-16", "2019-10-16", "16 October 2019" },
    { "2019-10-16", NULL, "16 October 2019" },
    { "2024-09-30", "2024-10-02", "30 September – 2 October 2024" },
    { "2024-12-30", "2025-01-02", "30 December 2024 – 2 January 2025" },
    { "Oktober 2019", NULL, "Oktober 2019" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *text = dlg_format_date_range (dates[i].start, dates[i].end);
      g_assert_cmpstr (text, ==, dates[i].text);
    }

  dlg_event_view_set_event (view, dlg_feed_get_event (feed));
  g_assert_cmpstr (event_text (view, "title_label"), ==,
                   "Citynet 2019 Best Practice Seminar and Sharing");
  g_assert_cmpstr (event_text (view, "subtitle_label"), ==,
                   "A strategic forum for regencies and cities on the way to Smart City");
  g_assert_cmpstr (event_text (view, "when_label"), ==, "16–18 October 2019");
  g_assert_cmpstr (event_text (view, "where_label"), ==, "Sumba Suka Paradise\nKota Kupang");
  g_assert_cmpstr (event_text (view, "organiser_label"), ==, "Citynet Indonesia, hosted by Kota Kupang");
  g_assert_null (event_text (view, "website_label"));

  other = dlg_feed_new_from_bytes (bytes, english, &error);
  g_assert_no_error (error);
  dlg_event_view_set_event (view, dlg_feed_get_event (other));
  /* Feed text, not markup; the city is not said twice; no javascript: link. */
  g_assert_cmpstr (event_text (view, "title_label"), ==, "<b>Forum</b>");
  g_assert_null (event_text (view, "subtitle_label"));
  g_assert_cmpstr (event_text (view, "when_label"), ==, "30 September – 2 October 2024");
  g_assert_cmpstr (event_text (view, "where_label"), ==, "Jl. El Tari No. 1, Kota Kupang");
  g_assert_null (event_text (view, "organiser_label"));
  g_assert_null (event_text (view, "website_label"));
  g_object_unref (view);
}

/* Link titles and addresses are feed text: they reach the label as text, never as markup. */
static void
test_links_markup (void)
{
  static const char schedule[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"m\", "
    "\"title\": \"M\", \"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, "
    "\"date\": \"2024-10-16\", \"rooms\": {\"Aula\": [{\"guid\": \"s1\", "
    "\"date\": \"2024-10-16T09:00:00+08:00\", \"start\": \"09:00\", \"duration\": \"1:00\", "
    "\"title\": \"S1\", \"url\": \"https://example.org/e?x=1&y=2\", "
    "\"links\": [{\"url\": \"https://example.org/s?a=1&b=<2>\", "
    "\"title\": \"<b>Slides</b> & \\\"notes\\\" <a href='javascript:x'>\"}]}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (schedule, strlen (schedule));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, NULL, NULL, &error);
  g_autofree char *markup = NULL;
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  DlgSession *session;

  g_assert_no_error (error);
  session = dlg_feed_find_session (feed, "s1");
  g_assert_nonnull (session);

  markup = dlg_agenda_links_markup (session);
  g_assert_nonnull (markup);
  /* Valid for a label (a warning would fail the test), which shows the feed's text,
   * character for character. */
  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)),
                                   "\n<b>Slides</b> & \"notes\" <a href='javascript:x'>"));
  g_object_unref (label);
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/e?x=1&amp;y=2\">"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://example.org/s?a=1&amp;b=&lt;2&gt;\">"));
  g_assert_null (strstr (markup, "javascript:x'>"));
}

/* A session's abstract shows its text as written, its addresses as links, whatever
 * stands around them: quotes, angle brackets, "&". */
static void
test_feed_label_linked (void)
{
  static const char text[] =
    "See \"https://c.org/a\", <https://d.org/?a=1&b=2> and 'mailto:x@e.org'; "
    "<b>not bold</b> & https://f.org. Ask mailto:humas@e.org?attach=/etc/passwd&bcc=spy@e.org";
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  const char *markup;

  dlg_feed_label_set_linked (GTK_LABEL (label), "The previous session's text");
  dlg_feed_label_set_linked (GTK_LABEL (label), text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  markup = gtk_label_get_label (GTK_LABEL (label));
  g_assert_nonnull (strstr (markup, "<a href=\"https://c.org/a\">https://c.org/a</a>&quot;"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://d.org/?a=1&amp;b=2\">"));
  g_assert_nonnull (strstr (markup, "<a href=\"mailto:x@e.org\">mailto:x@e.org</a>"));
  g_assert_nonnull (strstr (markup, "<a href=\"https://f.org\">https://f.org</a>."));
  g_assert_nonnull (strstr (markup, "&lt;b&gt;not bold&lt;/b&gt; &amp; "));
  /* Only the address is a link: the fields after it (an attachment, a hidden copy) are text. */
  g_assert_nonnull (strstr (markup, "Ask <a href=\"mailto:humas@e.org\">mailto:humas@e.org</a>"
                                    "?attach=/etc/passwd&amp;bcc=spy@e.org"));
  g_object_unref (label);
}

/* An event whose feed gives no zone (floating times): a session is "Now" when this laptop's
 * clock is within its printed times, whatever the laptop's zone (the suite runs in several). */
static void
test_floating_now (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_minutes (local, -30);
  g_autoptr(GDateTime) later = g_date_time_add_hours (local, 3);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *json = g_strdup_printf (
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"f\", "
    "\"title\": \"F\", \"days\": [{\"index\": 1, \"date\": \"%s\", \"rooms\": {\"Aula\": ["
    "{\"guid\": \"now\", \"date\": \"%s\", \"start\": \"00:00\", \"duration\": \"1:00\", "
    "\"title\": \"Running\"}, "
    "{\"guid\": \"later\", \"date\": \"%s\", \"start\": \"00:00\", \"duration\": \"1:00\", "
    "\"title\": \"Later\"}]}}]}}}", day, start_text, later_text);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *running = NULL;
  g_autofree char *next = NULL;

  g_assert_no_error (error);
  g_assert_true (dlg_event_get_floating_time (dlg_feed_get_event (feed)));
  dlg_agenda_page_set_feed (f->page, feed);

  running = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (feed, "now"));
  g_assert_cmpstr (running, ==, "Now");
  next = dlg_agenda_page_describe_flags (f->page, dlg_feed_find_session (feed, "later"));
  g_assert_cmpstr (next, ==, "Next");
}

/* Runs the main loop until @done; FALSE if it never is, within 10 s. */
static gboolean
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

/* Days around today in Asia/Makassar: "YYYY-MM-DD" of today plus @offset days. */
static char *
makassar_date (int offset)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The test's days are worked out from the clock, a few times over: not across Makassar's
 * midnight (16:00 UTC), which would move "today" between two of them. */
static void
away_from_midnight (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");

  for (;;)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      if (g_date_time_get_hour (now) != 23 || g_date_time_get_minute (now) != 59 ||
          g_date_time_get_second (now) < 50)
        return;
      g_usleep (G_USEC_PER_SEC);
    }
}

/* A three-day forum of the Kupang kind: the days @first, @first+1 and @first+2 days from
 * today, numbered from @index, a session a day whose time is not announced yet; with
 * @exhibition, also one that runs from the first morning over all three days, and today's
 * talks running all day. */
static DlgFeed *
forum_around_today (int      first,
                    guint    index,
                    gboolean exhibition)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DlgFeed *feed;

  /* Each its own event. */
  g_string_append_printf (json, "{\"schedule\": {\"version\": \"1\", \"conference\": {"
                                "\"acronym\": \"forum%d-%u%s\", \"title\": \"Forum\", "
                                "\"time_zone_name\": \"Asia/Makassar\", \"days\": [",
                          first, index, exhibition ? "x" : "");
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *date = makassar_date (first + i);

      g_string_append_printf (json, "%s{\"index\": %d, \"date\": \"%s\", \"rooms\": {\"Aula\": ["
                                    "{\"guid\": \"tba-%d\", \"date\": \"%sT08:00:00+08:00\", "
                                    "\"start\": \"08:00\", \"duration\": \"0:00\", "
                                    "\"time_tba\": true, \"title\": \"Day %d\"}",
                              i > 0 ? ", " : "", index + i, date, i + 1, date, i + 1);
      if (exhibition && i == 0)
        g_string_append_printf (json, ", {\"guid\": \"exhibition\", \"date\": \"%sT00:00:00+08:00\", "
                                      "\"start\": \"00:00\", \"duration\": \"72:00\", "
                                      "\"title\": \"Exhibition\"}", date);
      if (exhibition && first + i == 0)
        g_string_append_printf (json, ", {\"guid\": \"talks\", \"date\": \"%sT00:00:00+08:00\", "
                                      "\"start\": \"00:00\", \"duration\": \"24:00\", "
                                      "\"title\": \"Talks\"}", date);
      g_string_append (json, "]}}");
    }
  g_string_append (json, "]}}}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static const char *
selected_title (Fixture *f)
{
  DlgSession *session = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown (f)));

  return session != NULL ? dlg_session_get_title (session) : NULL;
}

/* "Now" and the day an event opens on follow the calendar: the programme's times may all be
 * still to be announced (as in the Kupang forum's feed), and a session may run for days. */
static void
test_now_by_days (Fixture       *f,
                  gconstpointer  data)
{
  GtkDropDown *days = child (f, "day_dropdown");
  GtkWidget *now = child (f, "now_button");
  g_autoptr(DlgFeed) running = NULL;
  g_autoptr(DlgFeed) coming = NULL;
  g_autoptr(DlgFeed) over = NULL;
  g_autoptr(DlgFeed) long_session = NULL;
  g_autoptr(DlgFeed) first_day = NULL;
  g_autoptr(DlgFeed) last_day = NULL;
  g_autoptr(DlgFeed) from_zero = NULL;
  g_autoptr(DlgFeed) coming_from_zero = NULL;

  away_from_midnight ();
  running = forum_around_today (-1, 1, FALSE);
  coming = forum_around_today (400, 1, FALSE);
  over = forum_around_today (-400, 1, FALSE);
  long_session = forum_around_today (-1, 1, TRUE);
  first_day = forum_around_today (0, 1, FALSE);
  last_day = forum_around_today (-2, 1, FALSE);
  from_zero = forum_around_today (-1, 0, FALSE);
  coming_from_zero = forum_around_today (400, 0, FALSE);

  /* Today is day 2: the agenda opens on it, and Now stays there. */
  dlg_agenda_page_set_feed (f->page, running);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);

  /* A forum next year opens on its first day; Now goes there, not to its last. */
  dlg_agenda_page_set_feed (f->page, coming);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);

  /* One that is over: its last day. */
  dlg_agenda_page_set_feed (f->page, over);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);

  /* An exhibition since yesterday morning does not keep Now on day 1: today's talks. */
  dlg_agenda_page_set_feed (f->page, long_session);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  g_assert_cmpstr (selected_title (f), ==, "Talks");

  /* On its first day and on its last. */
  dlg_agenda_page_set_feed (f->page, first_day);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  dlg_agenda_page_set_feed (f->page, last_day);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);
  gtk_drop_down_set_selected (days, 0);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 2);

  /* Days numbered from 0, as a feed may: day 0 is a day like any other. */
  dlg_agenda_page_set_feed (f->page, from_zero);
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  dlg_agenda_page_set_feed (f->page, coming_from_zero);
  gtk_drop_down_set_selected (days, 2);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
}

/* A day of talks in Makassar around now: "Keynote" in the Aula, begun half an hour ago and
 * running an hour more, and "Water" in Hall B, an hour from now. */
static DlgFeed *
talks_around_now (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Makassar");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) begun = g_date_time_add_minutes (now, -30);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 60);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *begun_text = g_date_time_format (begun, "%Y-%m-%dT%H:%M:00+08:00");
  g_autofree char *later_text = g_date_time_format (later, "%Y-%m-%dT%H:%M:00+08:00");
  g_autofree char *json = g_strdup_printf (
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"talks-now\", "
    "\"title\": \"Talks\", \"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, "
    "\"date\": \"%s\", \"rooms\": {"
    "\"Aula\": [{\"guid\": \"keynote\", \"date\": \"%s\", \"duration\": \"1:30\", "
    "\"title\": \"Keynote\"}], "
    "\"Hall B\": [{\"guid\": \"water\", \"date\": \"%s\", \"duration\": \"1:00\", "
    "\"title\": \"Water\"}]}}]}}}",
    today, begun_text, later_text);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_parse (bytes, NULL, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* "Now" in "My schedule" goes to the delegate's own next session, and in a room to that
 * room's: not to whatever runs elsewhere, turning their choice off. */
static void
test_now_keeps_filters (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DlgFeed) feed = talks_around_now ();
  GtkToggleButton *mine = child (f, "mine_button");
  GtkDropDown *rooms = child (f, "room_dropdown");
  GtkWidget *now = child (f, "now_button");

  dlg_agenda_page_set_feed (f->page, feed);

  /* Nothing chosen: the keynote, running. */
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (selected_title (f), ==, "Keynote");

  dlg_agenda_page_toggle_star (f->page, dlg_feed_find_session (feed, "water"));
  gtk_toggle_button_set_active (mine, TRUE);
  g_signal_emit_by_name (now, "clicked");
  g_assert_true (gtk_toggle_button_get_active (mine));
  g_assert_cmpstr (selected_title (f), ==, "Water");
  gtk_toggle_button_set_active (mine, FALSE);

  choose (rooms, "Hall B");
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (rooms)), ==,
                   "Hall B");
  g_assert_cmpstr (selected_title (f), ==, "Water");

  /* Nothing of the room's today: the programme's, the room let go, as before. */
  choose (rooms, "Aula");
  dlg_agenda_page_toggle_star (f->page, dlg_feed_find_session (feed, "water"));
  gtk_toggle_button_set_active (mine, TRUE);
  g_signal_emit_by_name (now, "clicked");
  g_assert_cmpstr (selected_title (f), ==, "Keynote");
}

/* A schedule that gives only offsets ("+02:00", no zone name) is labelled as it was written,
 * and an exhibition over three days says the date it ends. */
static void
test_offsets_and_long_sessions (Fixture       *f,
                                gconstpointer  data)
{
  static const char json[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"o\", \"title\": \"O\", "
    "\"days\": [{\"index\": 1, \"date\": \"2019-10-16\", \"rooms\": {\"Hall\": ["
    "{\"guid\": \"fair\", \"date\": \"2019-10-16T08:00:00+02:00\", \"start\": \"08:00\", "
    "\"duration\": \"57:00\", \"title\": \"Exhibition\"}, "
    "{\"guid\": \"late\", \"date\": \"2019-10-16T23:00:00+02:00\", \"start\": \"23:00\", "
    "\"duration\": \"1:00\", \"title\": \"Late\"}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *group = NULL;
  g_autofree char *time_text = NULL;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, feed);
  group = dlg_agenda_page_describe_group (f->page, 0);
  g_assert_cmpstr (group, ==, "08:00 +02:00");
  time_text = dlg_agenda_page_format_time (f->page, dlg_feed_find_session (feed, "fair"));
  g_assert_cmpstr (time_text, ==, "08:00–17:00 (Fri 18 Oct)");
  /* One ending at midnight ends on its day. */
  g_clear_pointer (&time_text, g_free);
  time_text = dlg_agenda_page_format_time (f->page, dlg_feed_find_session (feed, "late"));
  g_assert_cmpstr (time_text, ==, "23:00–00:00");
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

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/agenda-text/links-markup", test_links_markup);
  g_test_add_func ("/feed-label/linked", test_feed_label_linked);
  g_test_add_func ("/session-view/links", test_session_links);
  g_test_add_func ("/event-view/facts", test_event_view);
  g_test_add ("/agenda-page/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/agenda-page/search-detail", Fixture, NULL, fixture_set_up, test_search_detail,
              fixture_tear_down);
  g_test_add ("/agenda-page/search-languages", Fixture, NULL, fixture_set_up,
              test_search_languages, fixture_tear_down);
  g_test_add ("/agenda-page/open-star-moved", Fixture, NULL, fixture_set_up,
              test_open_star_moved, fixture_tear_down);
  g_test_add ("/agenda-page/now-keeps-filters", Fixture, NULL, fixture_set_up,
              test_now_keeps_filters, fixture_tear_down);
  g_test_add ("/agenda-page/export-nothing-starred", Fixture, NULL, fixture_set_up,
              test_export_nothing_starred, fixture_tear_down);
  g_test_add ("/agenda-page/groups-and-times", Fixture, NULL, fixture_set_up,
              test_groups_and_times, fixture_tear_down);
  g_test_add ("/agenda-page/group-dates", Fixture, NULL, fixture_set_up, test_group_dates,
              fixture_tear_down);
  g_test_add ("/agenda-page/stars", Fixture, NULL, fixture_set_up, test_stars,
              fixture_tear_down);
  g_test_add ("/agenda-page/show-session", Fixture, NULL, fixture_set_up, test_show_session,
              fixture_tear_down);
  g_test_add ("/agenda-page/detail-links", Fixture, NULL, fixture_set_up, test_detail_links,
              fixture_tear_down);
  g_test_add ("/agenda-page/detail-link-by-keyboard", Fixture, NULL, fixture_set_up,
              test_detail_link_by_keyboard, fixture_tear_down);
  g_test_add ("/agenda-page/long-day", Fixture, NULL, fixture_set_up, test_long_day,
              fixture_tear_down);
  g_test_add ("/agenda-page/kept-across-sync", Fixture, NULL, fixture_set_up,
              test_kept_across_sync, fixture_tear_down);
  g_test_add ("/agenda-page/now-by-days", Fixture, NULL, fixture_set_up, test_now_by_days,
              fixture_tear_down);
  g_test_add ("/agenda-page/offsets-and-long-sessions", Fixture, NULL, fixture_set_up,
              test_offsets_and_long_sessions, fixture_tear_down);
  g_test_add ("/agenda-page/reveal-in-long-list", Fixture, NULL, fixture_set_up,
              test_reveal_in_long_list, fixture_tear_down);
  g_test_add ("/agenda-page/floating-now", Fixture, NULL, fixture_set_up, test_floating_now,
              fixture_tear_down);

  return g_test_run ();
}
