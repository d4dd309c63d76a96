/* dlg-member-view.c: one member, whole, beside the directory's list
 *
 * What the feed says of a member city or regency: its kind, province and region, the year it
 * joined, its head of region, its Smart City work, its contacts, its delegates, the sessions it
 * presents and the best practices it shares (each a link to its pane), and buttons to write a
 * note on it and to export it as a contact card.  All of it is feed text, shown as text
 * (dlg-feed-label.c); what is missing is hidden, not shown empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-member-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dlg-agenda-text.h"
#include "dlg-contact-line.h"
#include "dlg-delegate-row.h"
#include "dlg-feed-label.h"
#include "dlg-feed-scope.h"
#include "dlg-list-row.h"
#include "dlg-member-query.h"
#include "dlg-member-view.h"
#include "dlg-settings.h"
#include "dlg-detail-title.h"

struct _DlgMemberView
{
  GtkWidget          parent_instance;

  GListStore        *sessions;       /* that the member shown presents */
  GListStore        *practices;      /* that it shares */
  GSettings         *settings;       /* "agenda-local-time"; NULL without the schema (a test) */

  /* Template widgets */
  GtkScrolledWindow *scroller;       /* the child: bound so that dispose_template unparents it */
  DlgDetailTitle    *title;
  GtkLabel          *kind_label;
  GtkWidget         *province_box;
  GtkLabel          *province_label;
  GtkWidget         *region_box;
  GtkLabel          *region_label;
  GtkWidget         *joined_box;
  GtkLabel          *joined_label;
  GtkWidget         *head_box;
  GtkLabel          *head_heading;
  GtkLabel          *head_label;
  GtkWidget         *smart_city_box;
  GtkLabel          *programme_label;
  GtkLabel          *masterplan_label;
  GtkLabel          *smart_city_label;
  GtkLabel          *description_label;
  GtkWidget         *no_contact_label;
  DlgContactLine    *website_line;
  DlgContactLine    *email_line;
  DlgContactLine    *phone_line;
  DlgContactLine    *address_line;
  GtkWidget         *delegates_box;
  GtkListView       *delegates_view;
  GtkWidget         *sessions_box;
  GtkListView       *sessions_view;
  GtkWidget         *practices_box;
  GtkListView       *practices_view;
};

G_DEFINE_FINAL_TYPE (DlgMemberView, dlg_member_view, GTK_TYPE_WIDGET)

const char *
dlg_member_kind_to_string (DlgMemberKind kind)
{
  switch (kind)
    {
    case DLG_MEMBER_KIND_KOTA:
      return _("City");
    case DLG_MEMBER_KIND_KABUPATEN:
      return _("Regency");
    case DLG_MEMBER_KIND_PROVINCE:
      return _("Province");
    case DLG_MEMBER_KIND_ORGANISATION:
      return _("Organisation");
    case DLG_MEMBER_KIND_OTHER:
    default:
      return _("Member");
    }
}

static gboolean
is_region (DlgMemberKind kind)
{
  return kind == DLG_MEMBER_KIND_KOTA || kind == DLG_MEMBER_KIND_KABUPATEN ||
         kind == DLG_MEMBER_KIND_PROVINCE;
}

/* Row template callbacks: the scope appends the feed to every call. */

static char *
link_title_cb (GtkListItem *item,
               GObject     *object,
               DlgFeed     *feed)
{
  if (DLG_IS_SESSION (object))
    return g_strdup (dlg_session_get_title (DLG_SESSION (object)));
  if (DLG_IS_PRACTICE (object))
    return g_strdup (dlg_practice_get_title (DLG_PRACTICE (object)));

  return NULL;
}

/* A session's time is said in the zone the agenda shows it in (dlg-agenda-text.c), with the
 * zone's name: "Day 1, 09:00 WITA". */
static char *
link_subtitle (GObject  *object,
               DlgFeed  *feed,
               gboolean  local_time)
{
  if (DLG_IS_SESSION (object))
    {
      DlgSession *session = DLG_SESSION (object);
      GDateTime *start = dlg_session_get_start (session);
      g_autofree char *time = NULL;
      DlgDay *day;

      if (dlg_session_get_time_tba (session) || start == NULL)
        /* Translators: when a session is, "Day 1, time to be announced" */
        return g_strdup_printf (_("Day %u, time to be announced"), dlg_session_get_day (session));

      day = feed != NULL ? dlg_feed_find_day (feed, dlg_session_get_day (session)) : NULL;
      time = dlg_agenda_format_clock (feed, start, local_time,
                                      day != NULL ? dlg_day_get_date (day) : NULL);
      /* Translators: when a session is, "Day 1, 09:00 WITA" */
      return g_strdup_printf (_("Day %u, %s"), dlg_session_get_day (session), time);
    }

  if (DLG_IS_PRACTICE (object))
    return g_strdup (dlg_practice_get_summary (DLG_PRACTICE (object)));

  return NULL;
}

static gboolean
has_text_cb (GtkListItem *item,
             const char  *text,
             DlgFeed     *feed)
{
  return text != NULL && text[0] != '\0';
}

/* The same, in the event's zone and in the laptop's: the factory picks one when a member is
 * shown (see link_factory_new()). */
static char *
link_subtitle_cb (GtkListItem *item,
                  GObject     *object,
                  DlgFeed     *feed)
{
  return link_subtitle (object, feed, FALSE);
}

static char *
link_subtitle_local_cb (GtkListItem *item,
                        GObject     *object,
                        DlgFeed     *feed)
{
  return link_subtitle (object, feed, TRUE);
}

/* Rows of sessions and practices whose callbacks get @feed (NULL: none, times in the zone the
 * feed gave them), times shown in the laptop's zone when @local_time. */
static GtkListItemFactory *
link_factory_new (DlgFeed  *feed,
                  gboolean  local_time)
{
  g_autoptr(DlgFeedScope) scope = dlg_feed_scope_new (feed);

  dlg_feed_scope_add_callback (scope, "link_title_cb", G_CALLBACK (link_title_cb));
  dlg_feed_scope_add_callback (scope, "link_subtitle_cb",
                               local_time ? G_CALLBACK (link_subtitle_local_cb)
                                          : G_CALLBACK (link_subtitle_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  dlg_feed_scope_add_callback (scope, "join_cb", G_CALLBACK (dlg_list_row_join_cb));

  return gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                          RESOURCE_PATH "/ui/dlg-member-link-row.ui");
}

GtkWidget *
dlg_member_view_get_title (DlgMemberView *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_VIEW (self), NULL);

  return dlg_detail_title_get_label (self->title);
}

void
dlg_member_view_show (DlgMemberView *self,
                      DlgFeed       *feed,
                      DlgMember     *member)
{
  g_autofree char *joined = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GtkNoSelection) delegates_selection = NULL;
  g_autoptr(GtkNoSelection) sessions_selection = NULL;
  g_autoptr(GtkNoSelection) practices_selection = NULL;
  g_autoptr(GtkListItemFactory) sessions_factory = NULL;
  const char *head_title;
  const char *head_name;
  const char *masterplan = NULL;
  gboolean masterplan_known = FALSE;
  GListModel *delegates;

  g_return_if_fail (DLG_IS_MEMBER_VIEW (self));
  g_return_if_fail (member == NULL || DLG_IS_FEED (feed));

  g_clear_object (&self->sessions);
  g_clear_object (&self->practices);

  if (member == NULL)
    {
      gtk_list_view_set_model (self->delegates_view, NULL);
      gtk_list_view_set_model (self->sessions_view, NULL);
      gtk_list_view_set_model (self->practices_view, NULL);
      /* Lets go of the feed too, which the sessions' rows hold. */
      sessions_factory = link_factory_new (NULL, FALSE);
      gtk_list_view_set_factory (self->sessions_view, sessions_factory);
      return;
    }

  {
    g_autofree char *note_target = g_strconcat ("member:", dlg_member_get_id (member), NULL);

    dlg_detail_title_set (self->title, dlg_member_get_name (member), note_target);
  }
  dlg_feed_label_set_text (self->kind_label, NULL,
                           dlg_member_kind_to_string (dlg_member_get_kind (member)));
  dlg_feed_label_set_text (self->province_label, self->province_box, dlg_member_get_province (member));
  dlg_feed_label_set_text (self->region_label, self->region_box, dlg_member_get_region (member));
  if (dlg_member_get_joined (member) > 0)
    joined = g_strdup_printf ("%u", dlg_member_get_joined (member));
  dlg_feed_label_set_text (self->joined_label, self->joined_box, joined);

  head_title = dlg_member_get_head_title (member);
  head_name = dlg_member_get_head_name (member);
  if (head_title != NULL && head_name != NULL)
    /* Translators: a head of region's title and name, "Wali Kota: Jefri Riwu Kore" */
    head = g_strdup_printf (_("%s: %s"), head_title, head_name);
  else
    head = g_strdup (head_name != NULL ? head_name : head_title);
  dlg_feed_label_set_text (self->head_label, self->head_box, head);
  /* A ministry or a network has a minister or a president, not a head of region. */
  gtk_label_set_text (self->head_heading,
                      is_region (dlg_member_get_kind (member)) ? _("Head of region") : _("Led by"));

  /* Smart City: say only what the feed says. */
  if (dlg_member_get_smart_city_masterplan (member, &masterplan_known) || masterplan_known)
    masterplan = dlg_member_get_smart_city_masterplan (member, NULL)
                 ? _("Smart City masterplan: ready")
                 : _("Smart City masterplan: not ready yet");
  dlg_feed_label_set_text (self->programme_label, NULL,
                           dlg_member_get_smart_city_programme (member));
  dlg_feed_label_set_text (self->masterplan_label, NULL, masterplan);
  dlg_feed_label_set_text (self->smart_city_label, NULL, dlg_member_get_smart_city (member));
  gtk_widget_set_visible (self->smart_city_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->programme_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->masterplan_label)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->smart_city_label)));

  dlg_feed_label_set_text (self->description_label, NULL, dlg_member_get_description (member));

  dlg_contact_line_set (self->website_line, DLG_CONTACT_WEBSITE, dlg_member_get_website (member));
  dlg_contact_line_set (self->email_line, DLG_CONTACT_EMAIL, dlg_member_get_email (member));
  dlg_contact_line_set (self->phone_line, DLG_CONTACT_PHONE, dlg_member_get_phone (member));
  dlg_contact_line_set (self->address_line, DLG_CONTACT_ADDRESS, dlg_member_get_address (member));
  /* "Whom to contact" is what a delegate opens a member for: none published is said, not
   * left for the delegate to wonder about. */
  gtk_widget_set_visible (self->no_contact_label,
                          !gtk_widget_get_visible (GTK_WIDGET (self->website_line)) &&
                          !gtk_widget_get_visible (GTK_WIDGET (self->email_line)) &&
                          !gtk_widget_get_visible (GTK_WIDGET (self->phone_line)) &&
                          !gtk_widget_get_visible (GTK_WIDGET (self->address_line)));

  delegates = dlg_member_get_delegates (member);
  delegates_selection = gtk_no_selection_new (g_object_ref (delegates));
  gtk_list_view_set_model (self->delegates_view, GTK_SELECTION_MODEL (delegates_selection));
  gtk_widget_set_visible (self->delegates_box, g_list_model_get_n_items (delegates) > 0);

  /* Sessions say when in the zone the agenda shows (the delegate's "agenda-local-time"), as
   * set when the member is shown: rows made anew each time follow a changed setting. */
  sessions_factory = link_factory_new (feed, self->settings != NULL &&
                                             g_settings_get_boolean (self->settings,
                                                                     "agenda-local-time"));
  gtk_list_view_set_model (self->sessions_view, NULL);
  gtk_list_view_set_factory (self->sessions_view, sessions_factory);
  self->sessions = dlg_member_find_sessions (member, feed);
  sessions_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sessions)));
  gtk_list_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (sessions_selection));
  gtk_widget_set_visible (self->sessions_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sessions)) > 0);

  self->practices = dlg_member_find_practices (member, feed);
  practices_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->practices)));
  gtk_list_view_set_model (self->practices_view, GTK_SELECTION_MODEL (practices_selection));
  gtk_widget_set_visible (self->practices_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->practices)) > 0);

  /* A new member starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
session_activate_cb (DlgMemberView *self,
                     guint          position)
{
  g_autoptr(DlgSession) session = NULL;

  if (self->sessions == NULL)
    return;

  session = g_list_model_get_item (G_LIST_MODEL (self->sessions), position);
  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "s",
                                dlg_session_get_key (session));
}

static void
practice_activate_cb (DlgMemberView *self,
                      guint          position)
{
  g_autoptr(DlgPractice) practice = NULL;

  if (self->practices == NULL)
    return;

  practice = g_list_model_get_item (G_LIST_MODEL (self->practices), position);
  if (practice != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-practice", "s",
                                dlg_practice_get_id (practice));
}

static void
dlg_member_view_dispose (GObject *object)
{
  DlgMemberView *self = DLG_MEMBER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_MEMBER_VIEW);
  g_clear_object (&self->sessions);
  g_clear_object (&self->practices);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dlg_member_view_parent_class)->dispose (object);
}

static void
dlg_member_view_class_init (DlgMemberViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_member_view_dispose;

  g_type_ensure (DLG_TYPE_DETAIL_TITLE);
  g_type_ensure (DLG_TYPE_CONTACT_LINE);
  g_type_ensure (DLG_TYPE_DELEGATE_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-member-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, title);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, province_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, province_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, region_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, region_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, joined_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, joined_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, head_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, head_heading);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, head_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, smart_city_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, programme_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, masterplan_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, smart_city_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, description_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, no_contact_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, website_line);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, email_line);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, phone_line);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, address_line);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, delegates_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, delegates_view);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, sessions_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, practices_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMemberView, practices_view);
  gtk_widget_class_bind_template_callback (widget_class, session_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_activate_cb);

  g_type_ensure (DLG_TYPE_LIST_ROW);
}

static void
dlg_member_view_init (DlgMemberView *self)
{
  g_autoptr(GtkListItemFactory) person_factory = NULL;
  g_autoptr(GtkListItemFactory) link_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tab goes from the name to the Note button, the contacts and the rows; the facts beside
   * their headings are read, and selected, as they are (the description is a paragraph). */
  dlg_feed_label_pass_by (self->kind_label);
  dlg_feed_label_pass_by (self->province_label);
  dlg_feed_label_pass_by (self->region_label);
  dlg_feed_label_pass_by (self->joined_label);
  dlg_feed_label_pass_by (self->head_label);
  dlg_feed_label_pass_by (self->programme_label);
  dlg_feed_label_pass_by (self->masterplan_label);

  /* Factories after the template (GTK 4.8 builds rows before _init ends). */
  person_factory = gtk_builder_list_item_factory_new_from_resource (NULL,
                                                                    RESOURCE_PATH "/ui/dlg-person-row.ui");
  gtk_list_view_set_factory (self->delegates_view, person_factory);
  link_factory = link_factory_new (NULL, FALSE);
  gtk_list_view_set_factory (self->sessions_view, link_factory);
  gtk_list_view_set_factory (self->practices_view, link_factory);

  /* As the agenda: without the installed schema (a test), times follow the event's zone. */
  self->settings = dlg_settings_new ("agenda-local-time");
}
