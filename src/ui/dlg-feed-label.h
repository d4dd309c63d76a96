/* dlg-feed-label.h: feed text into labels, as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @text as plain text in @label, and hides @container (or the label itself, when
 * @container is NULL) when there is none. */
void     dlg_feed_label_set_text      (GtkLabel   *label,
                                       GtkWidget  *container,
                                       const char *text);

/* Shows @text in @label with its web and mail addresses made links, which Tab reaches; hides
 * the label when there is no text. */
void     dlg_feed_label_set_linked    (GtkLabel   *label,
                                       const char *text);

/* Makes @label, a selectable fact under its heading (a session's room, a member's province),
 * no stop for Tab: it can still be selected with the mouse and copied. */
void     dlg_feed_label_pass_by       (GtkLabel   *label);

/* A label's "activate-link" handler that lets only http, https and mailto links open. */
gboolean dlg_feed_label_activate_link (GtkLabel   *label,
                                       const char *uri,
                                       gpointer    user_data);

G_END_DECLS
