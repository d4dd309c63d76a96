/* dlg-event-view.c: the event itself, beside the agenda's list when no session is open
 *
 * A delegate arriving at a forum asks first when and where it is, and who runs it: the
 * feed says so (dates, venue, address, organiser, website), and this page shows it in the
 * place a session's page takes once one is chosen.  All of it is feed text, shown as text
 * (dlg-feed-label.c); what is missing is hidden, not shown empty.
 *
 * Its labels are not selectable: with a selectable one shown here, unstarring the last
 * session of "My schedule" by its row's star (the row, holding the keyboard, goes away)
 * made GTK 4.8 fail a critical check in the next layout (found by agenda-gui; without it,
 * the test passes).  The session's own page keeps its selectable labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-event-view"

#include "config.h"


#include "dlg-event-view.h"
#include "dlg-feed-label.h"

struct _DlgEventView
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *scroller;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkWidget *when_box;
  GtkLabel  *when_label;
  GtkWidget *where_box;
  GtkLabel  *where_label;
  GtkWidget *organiser_box;
  GtkLabel  *organiser_label;
  GtkWidget *website_box;
  GtkLabel  *website_label;
};

G_DEFINE_FINAL_TYPE (DlgEventView, dlg_event_view, GTK_TYPE_WIDGET)

/* The venue, its address and its city, a line each, without repeating the city when
 * the address already ends with it. */
static char *
format_place (DlgEvent *event)
{
  const char *parts[] = { dlg_event_get_venue (event), dlg_event_get_address (event),
                          dlg_event_get_city (event) };
  g_autoptr(GString) place = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (i == 2 && parts[1] != NULL && g_str_has_suffix (parts[1], parts[2]))
        continue;
      if (place->len > 0)
        g_string_append_c (place, '\n');
      g_string_append (place, parts[i]);
    }
  return place->len > 0 ? g_string_free (g_steal_pointer (&place), FALSE) : NULL;
}

void
dlg_event_view_set_event (DlgEventView *self,
                          DlgEvent     *event)
{
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;

  g_return_if_fail (DLG_IS_EVENT_VIEW (self));
  g_return_if_fail (event == NULL || DLG_IS_EVENT (event));

  if (event != NULL)
    {
      dates = dlg_format_date_range (dlg_event_get_start_date (event),
                                     dlg_event_get_end_date (event));
      place = format_place (event);
    }
  dlg_feed_label_set_text (self->title_label, NULL, event != NULL ? dlg_event_get_title (event) : NULL);
  dlg_feed_label_set_text (self->subtitle_label, NULL,
                           event != NULL ? dlg_event_get_subtitle (event) : NULL);
  dlg_feed_label_set_text (self->when_label, self->when_box, dates);
  dlg_feed_label_set_text (self->where_label, self->where_box, place);
  dlg_feed_label_set_text (self->organiser_label, self->organiser_box,
                           event != NULL ? dlg_event_get_organiser (event) : NULL);
  /* Only an http(s) address is kept (dlg_event_get_url). */
  dlg_feed_label_set_linked (self->website_label, event != NULL ? dlg_event_get_url (event) : NULL);
  gtk_widget_set_visible (self->website_box, gtk_widget_get_visible (GTK_WIDGET (self->website_label)));
}

static void
dlg_event_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DLG_TYPE_EVENT_VIEW);

  G_OBJECT_CLASS (dlg_event_view_parent_class)->dispose (object);
}

static void
dlg_event_view_class_init (DlgEventViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_event_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-event-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, when_box);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, when_label);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, where_box);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, where_label);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, organiser_box);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, organiser_label);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, website_box);
  gtk_widget_class_bind_template_child (widget_class, DlgEventView, website_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "activate_link_cb",
                                                G_CALLBACK (dlg_feed_label_activate_link));
}

static void
dlg_event_view_init (DlgEventView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
