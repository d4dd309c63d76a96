/* test-practices-page.c: a case's page as the app shows it, under Xvfb
 *
 * A list item's later paragraph (DlgMdBlock.continues_item) starts where its item's text
 * starts, to the pixel, and a nested item's bullet where its parent's text starts: measured
 * where GTK lays the text out (the item's text after its bullet or number, from the
 * label's own Pango layout), in whatever font the machine has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dlg-practices-page.h"

static const char * const english[] = { "en", NULL };

static const char feed_json[] =
  "{ \"delegate_feed\": 1,\n"
  "  \"event\": { \"id\": \"lists\", \"title\": \"Lists\", \"time_zone\": \"Asia/Makassar\",\n"
  "             \"start\": \"2024-10-16\" },\n"
  "  \"best_practices\": [\n"
  "    { \"id\": \"p1\", \"title\": \"Smart city\",\n"
  "      \"body\": \"- Smart parking\\n\\n  It cut queues by half.\\n\\n"
  "1. Bike lanes\\n\\n   Along the coast.\\n\\n"
  "10. Ten lanes\\n\\n    Ten more.\\n\\n"
  "- Parent\\n  - Nested\\n\\n    Nested on.\\n\\n  Parent on.\\n\\n"
  "> - Quoted item\\n>\\n>   Quoted on.\" }\n"
  "  ]\n"
  "}\n";

static void
find_labels (GtkWidget  *widget,
             GHashTable *labels)
{
  if (GTK_IS_LABEL (widget))
    g_hash_table_insert (labels, g_strdup (gtk_label_get_text (GTK_LABEL (widget))), widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels (child, labels);
}

/* Where, in @window, the text of @label starts @index bytes in: where GTK lays out that
 * character (an item's text after its marker), from the label's own Pango layout. */
static double
text_x (GtkWidget  *window,
        GHashTable *labels,
        const char *text,
        gsize       index)
{
  GtkWidget *label = g_hash_table_lookup (labels, text);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t point;
  PangoRectangle pos;

  if (label == NULL)
    g_test_message ("no label “%s”", text);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_compute_point (label, window, &origin, &point));
  pango_layout_index_to_pos (gtk_label_get_layout (GTK_LABEL (label)), (int) index, &pos);
  return point.x + (double) pos.x / PANGO_SCALE;
}

/* The text of @item past its marker ("•" or "10." and an en space) starts where @block
 * does: its later paragraph's text, or a nested item's bullet. */
static void
assert_under (GtkWidget  *window,
              GHashTable *labels,
              const char *item,
              const char *block)
{
  gsize marker = strstr (item, "\u2002") - item + strlen ("\u2002");
  double item_x = text_x (window, labels, item, marker);
  double block_x = text_x (window, labels, block, 0);

  g_test_message ("“%s” at %.2f px, “%s” at %.2f px", item + marker, item_x, block, block_x);
  g_assert_cmpfloat_with_epsilon (block_x, item_x, 0.01);
}

/* The test's feed, read as the app reads a downloaded one. */
static DlgFeed *
load_feed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (feed_json, strlen (feed_json));
  DlgFeed *feed = dlg_feed_new_from_bytes (bytes, english, &error);

  g_assert_no_error (error);
  return feed;
}

static void
test_list_paragraphs (void)
{
  g_autoptr(DlgFeed) feed = load_feed ();
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DlgPracticesPage *page = g_object_new (DLG_TYPE_PRACTICES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GtkCssProvider) css = NULL;
  gint64 until;


  /* The app's style, as AdwApplication loads it: a quote's labels in italics. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  dlg_practices_page_set_feed (page, feed);
  g_assert_true (dlg_practices_page_show_practice (page, "p1"));

  /* Until the page is laid out. */
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    {
      GtkWidget *label;

      g_main_context_iteration (NULL, FALSE);
      g_hash_table_remove_all (labels);
      find_labels (window, labels);
      label = g_hash_table_lookup (labels, "Nested on.");
      if (label != NULL && gtk_widget_get_mapped (label) && gtk_widget_get_width (label) > 0)
        break;
    }
  while (g_get_monotonic_time () < until);

  assert_under (window, labels, "•\u2002Smart parking", "It cut queues by half.");
  assert_under (window, labels, "1.\u2002Bike lanes", "Along the coast.");
  assert_under (window, labels, "10.\u2002Ten lanes", "Ten more.");
  assert_under (window, labels, "•\u2002Nested", "Nested on.");
  assert_under (window, labels, "•\u2002Parent", "Parent on.");
  assert_under (window, labels, "•\u2002Quoted item", "Quoted on.");
  g_assert_true (gtk_widget_has_css_class (g_hash_table_lookup (labels, "Quoted on."),
                                           "md-quote"));
  /* A nested item's bullet under its parent's text too. */
  assert_under (window, labels, "•\u2002Parent", "•\u2002Nested");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search that finds no case says so, and what to try, as the members' search does. */
static void
test_no_match (void)
{
  g_autoptr(DlgFeed) feed = load_feed ();
  DlgPracticesPage *page = g_object_new (DLG_TYPE_PRACTICES_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry, *status;
  GtkStack *stack;


  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  dlg_practices_page_set_feed (page, feed);
  entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), DLG_TYPE_PRACTICES_PAGE,
                                                     "search_entry"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), DLG_TYPE_PRACTICES_PAGE,
                                                    "list_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");
  status = gtk_stack_get_child_by_name (stack, "no-match");
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "No Matching Best Practices");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Try other words, or another tag.");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/practices-page/list-paragraphs", test_list_paragraphs);
  g_test_add_func ("/practices-page/no-match", test_no_match);

  return g_test_run ();
}
