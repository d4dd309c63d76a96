/* dlg-toast.h: a few words at the bottom of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast saying @text as it is spelt.  libadwaita reads a toast's title as Pango markup, and
 * what a toast says often quotes a file's name, an address or an error: an "&" or a "<" in it
 * would blank the toast (and warn), or style it. */
static inline AdwToast *
dlg_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
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
