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

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

/* A selectable label that takes the keyboard selects all its text (GTK's
 * gtk-label-select-on-focus), and while text is selected, Tab leaves the label instead of
 * going to its links: an address in a session's abstract could not be reached, nor opened,
 * without a mouse.  Tab on the label as it came, all selected, drops the selection first, so
 * that GTK's Tab goes on to the label's first link, where Enter opens it.  GTK looks for the
 * first link after the cursor, so a link at the very start of the text was skipped: the
 * cursor put at the start is already on that link (Enter opens it), and Tab stops there. */
static gboolean
links_tab_cb (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkLabel              *label)
{
  int start, end;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      !gtk_label_get_selection_bounds (label, &start, &end) ||
      start != 0 || end != (int) g_utf8_strlen (gtk_label_get_text (label), -1))
    return FALSE;

  gtk_label_select_region (label, 0, 0);
  /* Otherwise GTK's own Tab goes on, now to the first link. */
  return g_object_get_data (G_OBJECT (label), "dlg-link-at-start") != NULL;
}

/* A click on the label makes it focusable again, just before GTK's own press handler gives it
 * the keyboard: the text selected with the mouse is then copied with Ctrl+C, as anywhere. */
static void
pass_by_pressed_cb (GtkGestureClick *click,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkWidget       *label)
{
  gtk_widget_set_can_focus (label, TRUE);
  gtk_widget_set_focusable (label, TRUE);
}

static void
pass_by_leave_cb (GtkEventControllerFocus *focus,
                  GtkWidget               *label)
{
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);
}

/* A detail page's facts, each under its heading (When, Room, Province), were each a stop for
 * Tab, where a keyboard saw only a text cursor and a screen reader heard the text without its
 * heading: Tab took eight presses to go from a session's title to its first link.  Read-only
 * text is no stop for Tab in GNOME's apps; what a delegate acts on is (the Note button, the
 * star, links), and so are the paragraphs of an abstract or a description, to be read out and
 * copied from the keyboard.  The session's list row already says its time, room and
 * speakers. */
void
dlg_feed_label_pass_by (GtkLabel *label)
{
  GtkGesture *click;
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_LABEL (label));

  /* After "selectable", which makes the label focusable.  Not "focusable" alone: GTK 4.8's
   * Tab still entered the label, which took it without taking the keyboard, and Tab stayed
   * there for good. */
  gtk_widget_set_focusable (GTK_WIDGET (label), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (label), FALSE);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pass_by_pressed_cb), label, 0);
  gtk_widget_add_controller (GTK_WIDGET (label), GTK_EVENT_CONTROLLER (click));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (pass_by_leave_cb), label, 0);
  gtk_widget_add_controller (GTK_WIDGET (label), focus);
}

void
dlg_feed_label_set_linked (GtkLabel   *label,
                           const char *text)
{
  static GRegex *url_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  int done = 0;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (gtk_label_get_selectable (label) &&
      g_object_get_data (G_OBJECT (label), "dlg-links-tab") == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (links_tab_cb), label, 0);
      gtk_widget_add_controller (GTK_WIDGET (label), keys);
      g_object_set_data (G_OBJECT (label), "dlg-links-tab", keys);
    }

  /* A mailto: address stops at its first header field ("?attach=", "&bcc="): only the
   * address is a link (see dlg_markdown_url_is_safe()). */
  if (g_once_init_enter (&url_regex))
    g_once_init_leave (&url_regex,
                       g_regex_new ("(https?://[^\\s<>\"()]+[^\\s<>\"().,;:!?'])|"
                                    "(mailto:[^\\s<>\"()?&,;%]+[^\\s<>\"().,;:!?&%'])",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  g_object_set_data (G_OBJECT (label), "dlg-link-at-start", NULL);
  if (text == NULL || text[0] == '\0')
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  /* Addresses are found in the feed's own text, then each piece is escaped: found in
   * escaped text, an address before a quote would take in part of "&quot;". */
  g_regex_match (url_regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *url = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (start == 0)
        g_object_set_data (G_OBJECT (label), "dlg-link-at-start", GINT_TO_POINTER (TRUE));
      url = g_markup_escape_text (text + start, end - start);
      append_escaped (markup, text + done, start - done);
      /* Pango reads "&amp;" in the href back as "&". */
      g_string_append_printf (markup, "<a href=\"%s\">%s</a>", url, url);
      done = end;
      g_match_info_next (match, NULL);
    }
  append_escaped (markup, text + done, -1);
  gtk_label_set_markup (label, markup->str);
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
