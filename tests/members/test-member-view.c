/* test-member-view.c: the member page, built as the app builds it (its template, under Xvfb)
 *
 * A member presents a timed session of an event in Asia/Makassar, given in UTC by the feed.
 * The page says when, as the agenda does: in the event's zone with its name ("09:00 WITA"),
 * or in the laptop's when the delegate chose so (GSettings "agenda-local-time"; meson runs
 * this in machine zones other than the event's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dlg-member-view.h"

static const char * const english[] = { "en", NULL };

static const char feed_json[] =
  "{\"delegate_feed\": 1,"
  " \"event\": {\"id\": \"member-view\", \"title\": \"Member view\","
  "  \"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"},"
  " \"agenda\": {\"schedule\": {\"conference\": {\"title\": \"Member view\","
  "  \"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, \"date\": \"2024-10-16\","
  "  \"rooms\": {\"Aula\": ["
  "   {\"guid\": \"s-utc\", \"date\": \"2024-10-16T01:00:00+00:00\", \"duration\": \"1:30\","
  "    \"title\": \"Given in UTC\", \"members\": [\"kota-contoh\"]},"
  "   {\"guid\": \"s-tba\", \"date\": \"2024-10-16T13:00:00+08:00\", \"duration\": \"1:00\","
  "    \"time_tba\": true, \"title\": \"Not announced\", \"members\": [\"kota-contoh\"]}"
  "  ]}}]}}},"
  " \"members\": [{\"id\": \"kota-contoh\", \"name\": \"Kota Contoh\", \"kind\": \"kota\"}]}";

typedef struct
{
  DlgFeed       *feed;
  DlgMember     *member;
  DlgMemberView *view;
  GtkWidget     *window;
  GSettings     *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (feed_json, strlen (feed_json));
  g_autoptr(GError) error = NULL;
  GListModel *members;

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "agenda-local-time");
  f->feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_assert_no_error (error);
  members = dlg_feed_get_members (f->feed);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  f->member = g_list_model_get_item (members, 0);

  f->view = g_object_new (DLG_TYPE_MEMBER_VIEW, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 800);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->member);
  g_clear_object (&f->feed);
  g_settings_reset (f->settings, "agenda-local-time");
  g_clear_object (&f->settings);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

/* The lines of the sessions list that say when ("Day 1, …"), in list order, joined by "; ". */
static char *
when_lines (Fixture *f)
{
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                DLG_TYPE_MEMBER_VIEW,
                                                                "sessions_view");
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_sessions = 2;
  guint n_lines = 0;

  /* The list makes its rows once the window lays it out; one line for each session. */
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_ptr_array_set_size (texts, 0);
      g_string_truncate (out, 0);
      collect_labels (list, texts);
      for (guint i = 0; i < texts->len; i++)
        if (g_str_has_prefix (g_ptr_array_index (texts, i), "Day "))
          {
            g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "",
                                    (const char *) g_ptr_array_index (texts, i));
            n_lines++;
          }
      if (n_lines >= n_sessions)
        break;
      n_lines = 0;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < end);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the laptop's clock says for 2024-10-16 01:00 UTC, with its zone. */
static char *
laptop_time (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2024, 10, 16, 1, 0, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *day = g_date_time_format (local, " (%a %-d %b)");

  /* West of Greenwich, the forum's morning is the evening before: said with its date. */
  return g_strdup_printf ("%s%s %s", clock, g_str_equal (date, "2024-10-16") ? "" : day,
                          g_date_time_get_timezone_abbreviation (local));
}

static void
test_session_time (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *event_zone = NULL;
  g_autofree char *laptop = NULL;
  g_autofree char *laptop_expected = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *again = NULL;

  /* The event's zone, with its name, whatever zone the feed gave the time in. */
  dlg_member_view_show (f->view, f->feed, f->member);
  event_zone = when_lines (f);
  g_assert_cmpstr (event_zone, ==, "Day 1, 09:00 WITA; Day 1, time to be announced");

  /* The laptop's, once the delegate asks for it: the page shown again says so. */
  g_settings_set_boolean (f->settings, "agenda-local-time", TRUE);
  dlg_member_view_show (f->view, f->feed, f->member);
  laptop = when_lines (f);
  laptop_expected = laptop_time ();
  expected = g_strdup_printf ("Day 1, %s; Day 1, time to be announced", laptop_expected);
  g_assert_cmpstr (laptop, ==, expected);
  if (g_strcmp0 (g_getenv ("TZ"), "UTC") == 0)
    g_assert_cmpstr (laptop, ==, "Day 1, 01:00 UTC; Day 1, time to be announced");
  else if (g_strcmp0 (g_getenv ("TZ"), "America/New_York") == 0)
    g_assert_cmpstr (laptop, ==, "Day 1, 21:00 (Tue 15 Oct) EDT; Day 1, time to be announced");

  /* And back. */
  g_settings_set_boolean (f->settings, "agenda-local-time", FALSE);
  dlg_member_view_show (f->view, f->feed, f->member);
  again = when_lines (f);
  g_assert_cmpstr (again, ==, "Day 1, 09:00 WITA; Day 1, time to be announced");
}

/* A delegate opens a member to find whom to contact: when the feed gives no way, the page
 * says so rather than leaving the section out. */
static void
test_no_contact (Fixture       *f,
                 gconstpointer  data)
{
  static const char with_mail[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2019-10-16\"}, "
    "\"members\": [{\"id\": \"kota-surat\", \"name\": \"Kota Surat\", \"kind\": \"kota\", "
    "\"email\": \"humas@surat.go.id\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (with_mail, strlen (with_mail));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autoptr(DlgMember) member = NULL;
  GtkWidget *none = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                 DLG_TYPE_MEMBER_VIEW,
                                                                 "no_contact_label");

  g_assert_no_error (error);
  dlg_member_view_show (f->view, f->feed, f->member);
  g_assert_true (gtk_widget_is_visible (none));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (none)), ==,
                   "The organiser has published no contact for this member yet.");

  member = g_list_model_get_item (dlg_feed_get_members (feed), 0);
  dlg_member_view_show (f->view, feed, member);
  g_assert_false (gtk_widget_is_visible (none));
  dlg_member_view_show (f->view, NULL, NULL);
}

/* What the buttons under @widget that a delegate sees do with @action_name: their targets,
 * in the order they are laid out, joined by " | ". */
static void
collect_targets (GtkWidget  *widget,
                 const char *action_name,
                 GString    *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      g_string_append_printf (out, "%s%s", out->len > 0 ? " | " : "",
                              g_variant_get_string (target, NULL));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_targets (c, action_name, out);
}

static char *
targets (GtkWidget  *widget,
         const char *action_name)
{
  GString *out = g_string_new (NULL);

  collect_targets (widget, action_name, out);
  return g_string_free (out, FALSE);
}

/* An office line and a mobile in one field, the member's and its delegate's, or a second line
 * by its last digits: each number is a link of its own, which dials it, with a copy button of
 * its own (one link of both dialled "03808210000812345678", neither). */
static void
test_two_numbers (Fixture       *f,
                  gconstpointer  data)
{
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2019-10-16\"}, "
    "\"members\": [{\"id\": \"kota-kupang\", \"name\": \"Kota Kupang\", \"kind\": \"kota\", "
    "\"phone\": \"0380 821 000 / 0812 3456 78\", "
    "\"delegates\": [{\"name\": \"Sari\", \"phone\": \"(0380) 821001/02, +62 813 0000 0001\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autoptr(DlgMember) member = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree char *links = NULL;
  g_autofree char *copies = NULL;
  const char *want_links = "tel:0380-821-000 | tel:0812-3456-78 | "
                           "tel:0380-821001 | tel:0380-821002 | tel:+62-813-0000-0001";
  /* The line given by its last digits ("/02") is copied whole. */
  const char *want_copies = "0380 821 000 | 0812 3456 78 | (0380) 821001 | (0380) 821002 | "
                            "+62 813 0000 0001";

  g_assert_no_error (error);
  member = g_list_model_get_item (dlg_feed_get_members (feed), 0);
  dlg_member_view_show (f->view, feed, member);
  /* The delegates' list makes its rows once the window lays it out. */
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_clear_pointer (&links, g_free);
      links = targets (GTK_WIDGET (f->view), "page.open-link");
      if (g_str_equal (links, want_links))
        break;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < end);
  g_assert_cmpstr (links, ==, want_links);
  copies = targets (GTK_WIDGET (f->view), "page.copy");
  g_assert_cmpstr (copies, ==, want_copies);

  /* Another member, with one number: one link again. */
  dlg_member_view_show (f->view, f->feed, f->member);
  g_clear_pointer (&links, g_free);
  links = targets (GTK_WIDGET (f->view), "page.open-link");
  g_assert_null (strstr (links, "tel:"));
  dlg_member_view_show (f->view, NULL, NULL);
}

/* A best practice the feed gives no summary for is one line, its title: not a title over an
 * empty line, which looked like a summary that did not load. */
static void
test_practice_without_summary (Fixture       *f,
                               gconstpointer  data)
{
  static const char json[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"e\", \"title\": \"E\", "
    "\"time_zone\": \"Asia/Makassar\", \"start\": \"2019-10-16\"}, "
    "\"members\": [{\"id\": \"kota-kupang\", \"name\": \"Kota Kupang\", \"kind\": \"kota\"}], "
    "\"best_practices\": ["
    " {\"id\": \"one-stop\", \"title\": \"One-stop services\", \"member\": \"kota-kupang\"},"
    " {\"id\": \"e-budget\", \"title\": \"E-budgeting\", \"member\": \"kota-kupang\","
    "  \"summary\": \"The budget online.\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, english, &error);
  g_autoptr(DlgMember) member = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lines = NULL;
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                                DLG_TYPE_MEMBER_VIEW,
                                                                "practices_view");
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  member = g_list_model_get_item (dlg_feed_get_members (feed), 0);
  dlg_member_view_show (f->view, feed, member);
  /* The list makes its rows once the window lays it out. */
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_ptr_array_set_size (texts, 0);
      collect_labels (list, texts);
      if (texts->len >= 3)
        break;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < end);
  g_ptr_array_add (texts, NULL);
  lines = g_strjoinv (" | ", (char **) texts->pdata);
  g_assert_cmpstr (lines, ==, "One-stop services | E-budgeting | The budget online.");
  dlg_member_view_show (f->view, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/member-view/session-time", Fixture, NULL, fixture_set_up, test_session_time,
              fixture_tear_down);
  g_test_add ("/member-view/no-contact", Fixture, NULL, fixture_set_up, test_no_contact,
              fixture_tear_down);
  g_test_add ("/member-view/two-numbers", Fixture, NULL, fixture_set_up, test_two_numbers,
              fixture_tear_down);
  g_test_add ("/member-view/practice-without-summary", Fixture, NULL, fixture_set_up,
              test_practice_without_summary, fixture_tear_down);

  return g_test_run ();
}
