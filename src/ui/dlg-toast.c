/* dlg-toast.c: a few words at the bottom of the window
 *
 * What a toast says often quotes a file's name, an address or an error.  libadwaita 1.2
 * reads a toast's title as Pango markup (an "&" or a "<" in it would blank the toast, and
 * warn, or style it), and keeps it to one line, cutting off the end, often the very file or
 * address the delegate needs.  So the title is a plain label of our own, which wraps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-toast.h"

/* The toast's margins and padding, and its close button beside the text. */
#define TOAST_CHROME 140
/* A reading width, in a wide window. */
#define TOAST_MAX_CHARS 60

/* A wrapping label asks for the width of its whole text on one line, and libadwaita 1.2
 * gives a toast the height its natural width needs even when the window is narrower (the
 * text is then cut off on the right and below): keep the text to the width the window
 * has. */
static void
fit (GtkWidget *label)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY);
  PangoFontMetrics *metrics;
  int char_width, room;

  if (overlay == NULL)
    return;
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL, NULL);
  /* An average character of the text's bold, a little wider than the font's plain one. */
  char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics) * 5 / 4 /
                       PANGO_SCALE);
  pango_font_metrics_unref (metrics);
  room = gtk_widget_get_width (overlay) - TOAST_CHROME;
  /* Only a change queues a new layout (GtkLabel compares). */
  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 room > 0 ? CLAMP (room / char_width, 12, TOAST_MAX_CHARS)
                                          : TOAST_MAX_CHARS);
}

/* A notice may stay up while the window is narrowed or widened: after each layout of the
 * window, the text takes the width the window now has (the next frame shows it so). */
static void
layout_cb (GdkFrameClock *clock,
           GtkWidget     *label)
{
  fit (label);
}

static void
realize_cb (GtkWidget *label)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (label);

  fit (label);
  g_signal_connect_object (clock, "layout", G_CALLBACK (layout_cb), label, G_CONNECT_AFTER);
  g_object_set_data_full (G_OBJECT (label), "dlg-toast-clock", g_object_ref (clock),
                          g_object_unref);
}

static void
unrealize_cb (GtkWidget *label)
{
  GdkFrameClock *clock = g_object_get_data (G_OBJECT (label), "dlg-toast-clock");

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, layout_cb, label);
  g_object_set_data (G_OBJECT (label), "dlg-toast-clock", NULL);
}

/* A toast saying @text as it is spelt, and all of it.  A short one looks as libadwaita's
 * own. */
AdwToast *
dlg_toast_new (const char *text)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Asking for the width of its text on one line (up to the width above): a short toast
   * keeps to one line, as libadwaita's own. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOAST_MAX_CHARS);
  gtk_widget_add_css_class (label, "heading");
  g_signal_connect (label, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (label, "unrealize", G_CALLBACK (unrealize_cb), NULL);
  adw_toast_set_custom_title (toast, label);
  return toast;
}

/* Shows @text (see dlg_toast_new()) in the window @widget is in; nothing when it is in none
 * (a page made alone, in a test). */
void
dlg_toast (GtkWidget  *widget,
           const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), dlg_toast_new (text));
}
