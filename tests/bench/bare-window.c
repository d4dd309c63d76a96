/* bare-window.c: the floor for any GTK 4 + libadwaita app's start-up on this machine
 *
 * An AdwApplication (registered on the session bus, as Delegate is) with one
 * AdwApplicationWindow of Delegate's default size (980 x 700, its GSettings defaults), a header
 * bar and a label.  The start-up benchmark (tests/bench/run-bench.py) times it side by side with
 * Delegate through watch-window: what Delegate takes beyond this is Delegate's own cost.
 *
 * With --style-sheet=FILE (Delegate's src/ui/style.css), it is styled as Delegate's window is,
 * so that both draw their frame the same way (see the style sheet): without it, the stock
 * libadwaita window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

static const char *style_sheet;

static void
startup_cb (GtkApplication *app)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (style_sheet == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_path (provider, style_sheet);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label = gtk_label_new ("A bare libadwaita window");

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  /* The classes Delegate's style sheet knows its window and content by. */
  gtk_widget_add_css_class (window, "main-window");
  gtk_widget_add_css_class (box, "window-content");
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 700);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.delegateapp.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  if (argc > 1 && g_str_has_prefix (argv[1], "--style-sheet="))
    {
      style_sheet = argv[1] + strlen ("--style-sheet=");
      argv[1] = argv[0];
      argc--, argv++;
    }

  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
