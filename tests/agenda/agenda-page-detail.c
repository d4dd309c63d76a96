/* agenda-page-detail.c: a session's and the event's detail beside the agenda's list, their
 * facts and links, and how the keyboard reaches them
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

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

static gboolean
link_opened_cb (GtkLabel   *label,
                const char *uri,
                char      **opened)
{
  g_free (*opened);
  *opened = g_strdup (uri);
  return TRUE;  /* no browser in a test */
}

/* An abstract that begins with its address: Tab from it (selected whole as it took the
 * keyboard) goes to that first link, where Enter opens it, then to the next; not past the
 * first. */
static void
test_detail_first_link_by_keyboard (Fixture       *f,
                                    gconstpointer  data)
{
  static const char schedule[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"m\", "
    "\"title\": \"M\", \"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, "
    "\"date\": \"2024-10-16\", \"rooms\": {\"Aula\": [{\"guid\": \"s1\", "
    "\"date\": \"2024-10-16T09:00:00+08:00\", \"start\": \"09:00\", \"duration\": \"1:00\", "
    "\"title\": \"S1\", \"abstract\": \"https://example.org/first has the slides; "
    "https://example.org/second the recording.\"}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (schedule, strlen (schedule));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, english, NULL, &error);
  g_autofree char *opened = NULL;
  GtkLabel *abstract;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, feed);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (dlg_agenda_page_show_session (f->page, "s1"));
  abstract = session_child (f, "abstract_label");
  while (!gtk_widget_get_mapped (GTK_WIDGET (abstract)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (abstract)));
  g_assert_null (gtk_label_get_current_uri (abstract));
  press_tab (GTK_WIDGET (abstract));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (abstract)));
  g_assert_cmpstr (gtk_label_get_current_uri (abstract), ==, "https://example.org/first");
  g_signal_connect (abstract, "activate-link", G_CALLBACK (link_opened_cb), &opened);
  g_signal_emit_by_name (abstract, "activate-current-link");  /* as Enter does */
  g_assert_cmpstr (opened, ==, "https://example.org/first");
  g_signal_handlers_disconnect_by_func (abstract, link_opened_cb, &opened);
  press_tab (GTK_WIDGET (abstract));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (abstract)));
  g_assert_cmpstr (gtk_label_get_current_uri (abstract), ==, "https://example.org/second");
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

void
agenda_page_add_detail_tests (void)
{
  g_test_add_func ("/agenda-text/links-markup", test_links_markup);
  g_test_add_func ("/feed-label/linked", test_feed_label_linked);
  g_test_add_func ("/session-view/links", test_session_links);
  g_test_add_func ("/event-view/facts", test_event_view);
  g_test_add ("/agenda-page/show-session", Fixture, NULL, fixture_set_up, test_show_session,
              fixture_tear_down);
  g_test_add ("/agenda-page/detail-links", Fixture, NULL, fixture_set_up, test_detail_links,
              fixture_tear_down);
  g_test_add ("/agenda-page/detail-link-by-keyboard", Fixture, NULL, fixture_set_up,
              test_detail_link_by_keyboard, fixture_tear_down);
  g_test_add ("/agenda-page/detail-first-link-by-keyboard", Fixture, NULL, fixture_set_up,
              test_detail_first_link_by_keyboard, fixture_tear_down);
}
