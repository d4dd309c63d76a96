/* dlg-agenda-page.c: the agenda pane, sessions by day with their details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-agenda-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-agenda-page.h"
#include "dlg-feed-scope.h"

struct _DlgAgendaPage
{
  AdwBin              parent_instance;

  DlgFeed            *feed;
  GtkCustomFilter    *day_filter;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkDropDown        *day_dropdown;
  GtkWidget          *notice_box;
  GtkToggleButton    *notice_more_button;
  GtkLabel           *notice_label;
  GtkListView        *list_view;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkWidget          *when_box;
  GtkLabel           *when_label;
  GtkWidget          *room_box;
  GtkLabel           *room_label;
  GtkWidget          *track_box;
  GtkLabel           *track_label;
  GtkWidget          *speakers_box;
  GtkLabel           *speakers_label;
  GtkWidget          *members_box;
  GtkLabel           *members_label;
  GtkLabel           *abstract_label;
  GtkLabel           *description_label;
};

G_DEFINE_FINAL_TYPE (DlgAgendaPage, dlg_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Feed text is data: always set as plain text, hide what is empty. */
static void
set_text (GtkLabel   *label,
          GtkWidget  *container,
          const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_text (label, has_text ? text : "");
  gtk_widget_set_visible (container != NULL ? container : GTK_WIDGET (label), has_text);
}

static GTimeZone *
feed_time_zone (DlgFeed *feed)
{
  DlgEvent *event = feed != NULL ? dlg_feed_get_event (feed) : NULL;

  return event != NULL ? dlg_event_get_time_zone (event) : NULL;
}

/* "09:00–10:30 WITA", always in the event's zone, never the machine's. */
static char *
format_session_time (DlgSession *session,
                     DlgFeed    *feed)
{
  GTimeZone *zone = feed_time_zone (feed);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;

  if (dlg_session_get_time_tba (session) || dlg_session_get_start (session) == NULL)
    return g_strdup (_("Time to be announced"));

  if (zone != NULL)
    start = g_date_time_to_timezone (dlg_session_get_start (session), zone);
  else
    start = g_date_time_ref (dlg_session_get_start (session));

  if (dlg_session_get_end (session) != NULL)
    end = g_date_time_to_timezone (dlg_session_get_end (session),
                                   g_date_time_get_timezone (start));

  start_text = g_date_time_format (start, "%H:%M");

  if (end != NULL && g_date_time_compare (end, start) > 0)
    {
      g_autofree char *end_text = g_date_time_format (end, "%H:%M");

      /* Translators: a session's start, end and time zone, "09:00–10:30 WITA" */
      return g_strdup_printf (_("%s–%s %s"), start_text, end_text,
                              g_date_time_get_timezone_abbreviation (start));
    }

  /* Translators: a session's start and time zone, "09:00 WITA" */
  return g_strdup_printf (_("%s %s"), start_text, g_date_time_get_timezone_abbreviation (start));
}

/* "Day 1, Wednesday 16 October" */
static char *
format_day (DlgDay    *day,
            GTimeZone *zone)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;
  int year, month, mday;

  if (day == NULL)
    return NULL;

  if (zone == NULL)
    zone = utc = g_time_zone_new_utc ();

  if (dlg_day_get_date (day) != NULL &&
      sscanf (dlg_day_get_date (day), "%d-%d-%d", &year, &month, &mday) == 3)
    date = g_date_time_new (zone, year, month, mday, 12, 0, 0);

  if (date == NULL)
    /* Translators: a day of the event without a known date */
    return g_strdup_printf (_("Day %u"), dlg_day_get_index (day));

  /* Translators: a weekday, day of the month and month, see strftime(3) */
  date_text = g_date_time_format (date, _("%A %-d %B"));

  /* Translators: "Day 1, Wednesday 16 October" */
  return g_strdup_printf (_("Day %u, %s"), dlg_day_get_index (day), date_text);
}

static DlgDay *
find_day (DlgFeed *feed,
          guint    index)
{
  GListModel *days = dlg_feed_get_days (feed);
  guint n = days != NULL ? g_list_model_get_n_items (days) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (days, i);

      if (dlg_day_get_index (day) == index)
        return day;
    }

  return NULL;
}

/* Row template callbacks: the scope appends the feed to every call. */

static char *
session_time_cb (GtkListItem *item,
                 DlgSession  *session,
                 DlgFeed     *feed)
{
  if (session == NULL)
    return NULL;

  return format_session_time (session, feed);
}

static char *
session_place_cb (GtkListItem *item,
                  DlgSession  *session,
                  DlgFeed     *feed)
{
  const char * const *persons;
  const char *room;
  g_autofree char *speakers = NULL;

  if (session == NULL)
    return NULL;

  room = dlg_session_get_room (session);
  persons = dlg_session_get_persons (session);
  if (persons != NULL && persons[0] != NULL)
    speakers = g_strjoinv (", ", (char **) persons);

  if (room != NULL && room[0] != '\0' && speakers != NULL)
    /* Translators: a session's room and speakers */
    return g_strdup_printf (_("%s · %s"), room, speakers);
  else if (room != NULL && room[0] != '\0')
    return g_strdup (room);

  return g_steal_pointer (&speakers);
}

static gboolean
has_text_cb (GtkListItem *item,
             const char  *text,
             DlgFeed     *feed)
{
  return text != NULL && text[0] != '\0';
}

static char *
day_label_cb (DlgDay        *day,
              DlgAgendaPage *self)
{
  return format_day (day, feed_time_zone (self->feed));
}

static gboolean
day_filter_func (gpointer item,
                 gpointer user_data)
{
  DlgAgendaPage *self = user_data;
  DlgDay *day = gtk_drop_down_get_selected_item (self->day_dropdown);

  if (day == NULL)
    return TRUE;

  return dlg_session_get_day (DLG_SESSION (item)) == dlg_day_get_index (day);
}

static void
show_session (DlgAgendaPage *self,
              DlgSession    *session)
{
  g_autofree char *time_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *speakers = NULL;
  g_autoptr(GPtrArray) member_names = NULL;
  const char * const *persons;
  const char * const *members;

  if (session == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  set_text (self->title_label, NULL, dlg_session_get_title (session));
  set_text (self->subtitle_label, NULL, dlg_session_get_subtitle (session));

  time_text = format_session_time (session, self->feed);
  day_text = format_day (find_day (self->feed, dlg_session_get_day (session)),
                         feed_time_zone (self->feed));
  if (day_text != NULL)
    /* Translators: the day and time of a session */
    when = g_strdup_printf (_("%s · %s"), day_text, time_text);
  else
    when = g_steal_pointer (&time_text);
  set_text (self->when_label, self->when_box, when);

  set_text (self->room_label, self->room_box, dlg_session_get_room (session));
  set_text (self->track_label, self->track_box, dlg_session_get_track (session));

  persons = dlg_session_get_persons (session);
  if (persons != NULL && persons[0] != NULL)
    speakers = g_strjoinv (", ", (char **) persons);
  set_text (self->speakers_label, self->speakers_box, speakers);

  member_names = g_ptr_array_new ();
  members = dlg_session_get_members (session);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      DlgMember *member = dlg_feed_find_member (self->feed, members[i]);

      g_ptr_array_add (member_names,
                       (gpointer) (member != NULL ? dlg_member_get_name (member) : members[i]));
    }
  g_ptr_array_add (member_names, NULL);
  if (member_names->len > 1)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) member_names->pdata);
      set_text (self->members_label, self->members_box, names);
    }
  else
    set_text (self->members_label, self->members_box, NULL);

  set_text (self->abstract_label, NULL, dlg_session_get_abstract (session));
  set_text (self->description_label, NULL, dlg_session_get_description (session));

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
selection_changed_cb (DlgAgendaPage *self)
{
  show_session (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
list_activate_cb (DlgAgendaPage *self,
                  guint          position)
{
  gtk_single_selection_set_selected (self->selection, position);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      gtk_widget_grab_focus (self->back_button);
    }
}

static void
back_clicked_cb (DlgAgendaPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
day_changed_cb (DlgAgendaPage *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->day_dropdown));
  g_autofree char *day_text = NULL;

  /* GTK 4.8 leaves the drop-down's own button unnamed, and that button is
   * what takes focus: name it after the day it shows. */
  day_text = format_day (gtk_drop_down_get_selected_item (self->day_dropdown),
                         feed_time_zone (self->feed));
  if (GTK_IS_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    day_text != NULL ? day_text : _("Day"),
                                    -1);

  gtk_filter_changed (GTK_FILTER (self->day_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The notice can be long: two lines until the delegate asks for more. */
static void
notice_more_cb (DlgAgendaPage *self)
{
  gboolean more = gtk_toggle_button_get_active (self->notice_more_button);

  gtk_label_set_lines (self->notice_label, more ? -1 : 2);
  gtk_label_set_ellipsize (self->notice_label, more ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_button_set_label (GTK_BUTTON (self->notice_more_button), more ? _("Show Less") : _("Show More"));
}

static void
dlg_agenda_page_reload (DlgAgendaPage *self)
{
  g_autoptr(DlgFeedScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkFilterListModel *filtered;
  GListModel *sessions;
  GListModel *days;
  DlgEvent *event;

  if (self->feed == NULL ||
      (sessions = dlg_feed_get_sessions (self->feed)) == NULL ||
      g_list_model_get_n_items (sessions) == 0)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_drop_down_set_model (self->day_dropdown, NULL);
      g_clear_object (&self->selection);
      gtk_stack_set_visible_child_name (self->page_stack, "empty");
      return;
    }

  event = dlg_feed_get_event (self->feed);
  set_text (self->notice_label, self->notice_box,
            event != NULL ? dlg_event_get_notice (event) : NULL);

  days = dlg_feed_get_days (self->feed);
  gtk_drop_down_set_model (self->day_dropdown, days);
  day_changed_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self->day_dropdown),
                          days != NULL && g_list_model_get_n_items (days) > 1);

  scope = dlg_feed_scope_new (self->feed);
  dlg_feed_scope_add_callback (scope, "session_time_cb", G_CALLBACK (session_time_cb));
  dlg_feed_scope_add_callback (scope, "session_place_cb", G_CALLBACK (session_place_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-session-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  filtered = gtk_filter_list_model_new (g_object_ref (sessions),
                                        GTK_FILTER (g_object_ref (self->day_filter)));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  show_session (self, NULL);

  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

DlgFeed *
dlg_agenda_page_get_feed (DlgAgendaPage *self)
{
  g_return_val_if_fail (DLG_IS_AGENDA_PAGE (self), NULL);

  return self->feed;
}

void
dlg_agenda_page_set_feed (DlgAgendaPage *self,
                          DlgFeed       *feed)
{
  g_return_if_fail (DLG_IS_AGENDA_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  dlg_agenda_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

static void
dlg_agenda_page_dispose (GObject *object)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  /* AdwBin unparents its child itself; let it go before the template
   * drops its references, or both tear it down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_AGENDA_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->day_filter);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_agenda_page_parent_class)->dispose (object);
}

static void
dlg_agenda_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_agenda_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DlgAgendaPage *self = DLG_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      dlg_agenda_page_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_agenda_page_class_init (DlgAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_agenda_page_dispose;
  object_class->get_property = dlg_agenda_page_get_property;
  object_class->set_property = dlg_agenda_page_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, day_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_more_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, when_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, room_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, room_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, track_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, track_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, speakers_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, speakers_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, members_box);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, members_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, abstract_label);
  gtk_widget_class_bind_template_child (widget_class, DlgAgendaPage, description_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, notice_more_cb);
}

static void
dlg_agenda_page_init (DlgAgendaPage *self)
{
  g_autoptr(GtkExpression) day_expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Models are set after the template: GTK 4.8 builds rows before _init ends. */
  self->day_filter = gtk_custom_filter_new (day_filter_func, self, NULL);

  day_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (day_label_cb), self, NULL);
  gtk_drop_down_set_expression (self->day_dropdown, day_expression);
  g_signal_connect_object (self->day_dropdown, "notify::selected",
                           G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Minimal version by the members helper, so that win.show-session works
 * from a member's page: it picks the session's day and selects the
 * session.  The agenda helper owns this file: take it over freely. */
gboolean
dlg_agenda_page_show_session (DlgAgendaPage *self,
                              const char    *key)
{
  DlgSession *session;
  GListModel *days;
  GListModel *shown;

  g_return_val_if_fail (DLG_IS_AGENDA_PAGE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->feed == NULL || self->selection == NULL ||
      (session = dlg_feed_find_session (self->feed, key)) == NULL)
    return FALSE;

  days = dlg_feed_get_days (self->feed);
  for (guint i = 0; days != NULL && i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (days, i);

      if (dlg_day_get_index (day) == dlg_session_get_day (session))
        {
          gtk_drop_down_set_selected (self->day_dropdown, i);
          break;
        }
    }

  shown = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlgSession) item = g_list_model_get_item (shown, i);

      if (item != session)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
      return TRUE;
    }

  return FALSE;
}
