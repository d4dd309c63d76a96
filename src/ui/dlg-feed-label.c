/* dlg-feed-label.c: feed text into labels, as text
 *
 * Feed text is data: an organiser's "<b>" or "&amp;" is shown as typed, never read as
 * markup.  Text goes into labels as plain text; where its addresses become links, the text
 * is escaped first, and the only links that open are those a feed may offer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed-label"

#include "config.h"

#include "dlg-feed-label.h"
#include "dlg-markdown.h"

void
dlg_feed_label_set_text (GtkLabel   *label,
                         GtkWidget  *container,
                         const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (container != NULL ? container : GTK_WIDGET (label), has_text);
}

void
dlg_feed_label_set_linked (GtkLabel   *label,
                           const char *text)
{
  static GRegex *url_regex;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_once_init_enter (&url_regex))
    g_once_init_leave (&url_regex,
                       g_regex_new ("(https?://[^\\s<>\"()]+[^\\s<>\"().,;:!?'])|"
                                    "(mailto:[^\\s<>\"()]+[^\\s<>\"().,;:!?'])",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (text == NULL || text[0] == '\0')
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  escaped = g_markup_escape_text (text, -1);
  /* &amp; inside an escaped URL stays escaped in the href: Pango unescapes it. */
  markup = g_regex_replace (url_regex, escaped, -1, 0, "<a href=\"\\0\">\\0</a>", 0, NULL);
  gtk_label_set_markup (label, markup != NULL ? markup : escaped);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

gboolean
dlg_feed_label_activate_link (GtkLabel   *label,
                              const char *uri,
                              gpointer    user_data)
{
  if (dlg_markdown_url_is_safe (uri))
    return FALSE; /* GTK opens it */

  g_debug ("Not opening %s", uri);
  return TRUE;
}
