/* bare-window.c: the floor for any GTK 4 + libadwaita app's start-up on this machine
 *
 * An AdwApplication (registered on the session bus, as Delegate is) with one
 * AdwApplicationWindow of Delegate's default size (980 x 700, its GSettings defaults), a header
 * bar and a label.  The start-up benchmark (tests/bench/run-bench.py) times it side by side with
 * Delegate through watch-window: what Delegate takes beyond this is Delegate's own cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <adwaita.h>

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label = gtk_label_new ("A bare libadwaita window");

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
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

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
