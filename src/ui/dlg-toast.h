/* dlg-toast.h: a few words at the bottom of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A wrapping label asks for the width of its whole text on one line, and libadwaita 1.2
 * gives a toast the height its natural width needs even when the window is narrower (the
 * text is then cut off on the right and below): keep the text to the width the window
 * has, and to a reading width in a wide one. */
static inline void
dlg_toast_fit_cb (GtkWidget *label)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label),
                                                         NULL, NULL);
  /* An average character of the text's bold, a little wider than the font's plain one. */
  int char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics) * 5 / 4 /
                           PANGO_SCALE);
  /* The toast's margins and padding, and its close button beside the text. */
  int room = overlay != NULL ? gtk_widget_get_width (overlay) - 140 : 0;

  pango_font_metrics_unref (metrics);
  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 room > 0 ? CLAMP (room / char_width, 12, 60) : 60);
}

/* A toast saying @text as it is spelt, and all of it.  What a toast says often quotes a
 * file's name, an address or an error: libadwaita reads a toast's title as Pango markup (an
 * "&" or a "<" in it would blank the toast, and warn, or style it), and keeps it to one line,
 * cutting off the end, often the very file or address the delegate needs.  So the title is
 * a plain label of our own, which wraps.  A short one looks as libadwaita's own. */
static inline AdwToast *
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
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_add_css_class (label, "heading");
  g_signal_connect (label, "realize", G_CALLBACK (dlg_toast_fit_cb), NULL);
  adw_toast_set_custom_title (toast, label);
  return toast;
}

/* Shows @text (see dlg_toast_new()) in the window @widget is in; nothing when it is in none
 * (a page made alone, in a test). */
static inline void
dlg_toast (GtkWidget  *widget,
           const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), dlg_toast_new (text));
}

G_END_DECLS
