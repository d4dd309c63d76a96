/* dlg-members-page.c: the members pane, who is who in the forum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-feed-scope.h"
#include "dlg-members-page.h"

struct _DlgMembersPage
{
  AdwBin              parent_instance;

  DlgFeed            *feed;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkWidget          *forum_box;
  GtkLabel           *host_label;
  GtkLabel           *president_label;
  GtkListView        *list_view;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkLabel           *kind_label;
  GtkWidget          *province_box;
  GtkLabel           *province_label;
  GtkWidget          *region_box;
  GtkLabel           *region_label;
  GtkWidget          *joined_box;
  GtkLabel           *joined_label;
  GtkWidget          *head_box;
  GtkLabel           *head_label;
  GtkWidget          *smart_city_box;
  GtkLabel           *smart_city_label;
  GtkLabel           *description_label;
  GtkWidget          *links_box;
  GtkWidget          *website_button;
  GtkLabel           *website_label;
  GtkWidget          *email_button;
  GtkLabel           *email_label;
  GtkWidget          *phone_button;
  GtkLabel           *phone_label;
  GtkWidget          *delegates_box;
  GtkListView        *delegates_view;
};

G_DEFINE_FINAL_TYPE (DlgMembersPage, dlg_members_page, ADW_TYPE_BIN)

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

static const char *
kind_to_string (DlgMemberKind kind)
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

static char *
member_summary (DlgMember *member)
{
  const char *province = dlg_member_get_province (member);
  const char *kind = kind_to_string (dlg_member_get_kind (member));

  if (province != NULL && province[0] != '\0')
    /* Translators: a member's kind and province, "City · Nusa Tenggara Timur" */
    return g_strdup_printf (_("%s · %s"), kind, province);

  return g_strdup (kind);
}

/* Row template callbacks: the scope appends the feed to every call. */

static char *
member_summary_cb (GtkListItem *item,
                   DlgMember   *member,
                   DlgFeed     *feed)
{
  if (member == NULL)
    return NULL;

  return member_summary (member);
}

static gboolean
has_text_cb (GtkListItem *item,
             const char  *text,
             DlgFeed     *feed)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
is_safe_uri (const char *uri)
{
  static const char * const schemes[] = { "https", "http", "mailto", "tel", NULL };
  const char *scheme = uri != NULL ? g_uri_peek_scheme (uri) : NULL;

  return scheme != NULL && g_strv_contains (schemes, scheme);
}

static void
set_link (GtkWidget  *button,
          GtkLabel   *label,
          const char *text,
          const char *uri,
          const char *description)
{
  gboolean usable = text != NULL && text[0] != '\0' && is_safe_uri (uri);

  gtk_widget_set_visible (button, usable);
  if (!usable)
    return;

  gtk_label_set_text (label, text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
show_member (DlgMembersPage *self,
             DlgMember      *member)
{
  g_autofree char *joined = NULL;
  g_autofree char *head = NULL;
  g_autofree char *email_uri = NULL;
  g_autofree char *phone_uri = NULL;
  g_autofree char *website_description = NULL;
  g_autofree char *email_description = NULL;
  g_autofree char *phone_description = NULL;
  const char *head_title;
  const char *head_name;
  const char *email;
  const char *phone;
  const char *website;
  GListModel *delegates;
  g_autoptr(GtkNoSelection) delegates_selection = NULL;

  if (member == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  set_text (self->title_label, NULL, dlg_member_get_name (member));
  set_text (self->kind_label, NULL, kind_to_string (dlg_member_get_kind (member)));
  set_text (self->province_label, self->province_box, dlg_member_get_province (member));
  set_text (self->region_label, self->region_box, dlg_member_get_region (member));
  if (dlg_member_get_joined (member) > 0)
    joined = g_strdup_printf ("%u", dlg_member_get_joined (member));
  set_text (self->joined_label, self->joined_box, joined);

  head_title = dlg_member_get_head_title (member);
  head_name = dlg_member_get_head_name (member);
  if (head_title != NULL && head_name != NULL)
    /* Translators: a head of region's title and name, "Wali Kota: Jefri Riwu Kore" */
    head = g_strdup_printf (_("%s: %s"), head_title, head_name);
  else
    head = g_strdup (head_name != NULL ? head_name : head_title);
  set_text (self->head_label, self->head_box, head);

  set_text (self->smart_city_label, self->smart_city_box, dlg_member_get_smart_city (member));
  set_text (self->description_label, NULL, dlg_member_get_description (member));

  website = dlg_member_get_website (member);
  /* Translators: accessible label of a link button */
  website_description = g_strdup_printf (_("Website: %s"), website != NULL ? website : "");
  set_link (self->website_button, self->website_label, website, website, website_description);

  email = dlg_member_get_email (member);
  if (email != NULL && email[0] != '\0')
    email_uri = g_strconcat ("mailto:", email, NULL);
  /* Translators: accessible label of a link button */
  email_description = g_strdup_printf (_("E-mail: %s"), email != NULL ? email : "");
  set_link (self->email_button, self->email_label, email, email_uri, email_description);

  phone = dlg_member_get_phone (member);
  if (phone != NULL && phone[0] != '\0')
    {
      GString *uri = g_string_new ("tel:");

      /* tel: URIs carry no spaces or punctuation other than + and - */
      for (const char *p = phone; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == '+' || *p == '-')
          g_string_append_c (uri, *p);
      phone_uri = g_string_free (uri, FALSE);
    }
  /* Translators: accessible label of a link button */
  phone_description = g_strdup_printf (_("Phone: %s"), phone != NULL ? phone : "");
  set_link (self->phone_button, self->phone_label, phone, phone_uri, phone_description);

  gtk_widget_set_visible (self->links_box,
                          gtk_widget_get_visible (self->website_button) ||
                          gtk_widget_get_visible (self->email_button) ||
                          gtk_widget_get_visible (self->phone_button));

  delegates = dlg_member_get_delegates (member);
  if (delegates != NULL && g_list_model_get_n_items (delegates) > 0)
    {
      delegates_selection = gtk_no_selection_new (g_object_ref (delegates));
      gtk_list_view_set_model (self->delegates_view, GTK_SELECTION_MODEL (delegates_selection));
      gtk_widget_set_visible (self->delegates_box, TRUE);
    }
  else
    {
      gtk_list_view_set_model (self->delegates_view, NULL);
      gtk_widget_set_visible (self->delegates_box, FALSE);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Only web, mail and phone links ever leave the app. */
  if (!is_safe_uri (uri))
    {
      g_debug ("Refusing to open %s", uri);
      return;
    }

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
selection_changed_cb (DlgMembersPage *self)
{
  show_member (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
list_activate_cb (DlgMembersPage *self,
                  guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      gtk_widget_grab_focus (self->back_button);
    }
}

static void
back_clicked_cb (DlgMembersPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
show_forum (DlgMembersPage *self)
{
  DlgEvent *event = dlg_feed_get_event (self->feed);
  g_autofree char *host = NULL;
  g_autofree char *president = NULL;
  const char *host_id = event != NULL ? dlg_event_get_host_member (event) : NULL;
  const char *president_name = event != NULL ? dlg_event_get_president_name (event) : NULL;

  if (host_id != NULL)
    {
      DlgMember *member = dlg_feed_find_member (self->feed, host_id);

      /* Translators: the member hosting the event */
      host = g_strdup_printf (_("Host: %s"),
                              member != NULL ? dlg_member_get_name (member) : host_id);
    }
  set_text (self->host_label, NULL, host);

  if (president_name != NULL && president_name[0] != '\0')
    {
      const char *role = dlg_event_get_president_role (event);
      const char *member_id = dlg_event_get_president_member (event);
      DlgMember *member = member_id != NULL ? dlg_feed_find_member (self->feed, member_id) : NULL;
      g_autofree char *who = NULL;

      if (role != NULL && role[0] != '\0')
        /* Translators: a person's name and role */
        who = g_strdup_printf (_("%s, %s"), president_name, role);
      else
        who = g_strdup (president_name);

      if (member != NULL)
        /* Translators: the president of the network, then their member */
        president = g_strdup_printf (_("President: %s (%s)"), who, dlg_member_get_name (member));
      else
        /* Translators: the president of the network */
        president = g_strdup_printf (_("President: %s"), who);
    }
  set_text (self->president_label, NULL, president);

  gtk_widget_set_visible (self->forum_box, host != NULL || president != NULL);
}

static void
dlg_members_page_reload (DlgMembersPage *self)
{
  g_autoptr(DlgFeedScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) person_factory = NULL;
  GListModel *members;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);

  if (self->feed == NULL ||
      (members = dlg_feed_get_members (self->feed)) == NULL ||
      g_list_model_get_n_items (members) == 0)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_stack_set_visible_child_name (self->page_stack, "empty");
      return;
    }

  show_forum (self);

  scope = dlg_feed_scope_new (self->feed);
  dlg_feed_scope_add_callback (scope, "member_summary_cb", G_CALLBACK (member_summary_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-member-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
  person_factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                                    RESOURCE_PATH "/ui/dlg-person-row.ui");
  gtk_list_view_set_factory (self->delegates_view, person_factory);

  self->selection = gtk_single_selection_new (g_object_ref (members));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  show_member (self, NULL);

  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

DlgFeed *
dlg_members_page_get_feed (DlgMembersPage *self)
{
  g_return_val_if_fail (DLG_IS_MEMBERS_PAGE (self), NULL);

  return self->feed;
}

void
dlg_members_page_set_feed (DlgMembersPage *self,
                           DlgFeed        *feed)
{
  g_return_if_fail (DLG_IS_MEMBERS_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  dlg_members_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

static void
dlg_members_page_dispose (GObject *object)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (object);

  /* AdwBin unparents its child itself; let it go before the template
   * drops its references, or both tear it down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_MEMBERS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_members_page_parent_class)->dispose (object);
}

static void
dlg_members_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (object);

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
dlg_members_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      dlg_members_page_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_members_page_class_init (DlgMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_members_page_dispose;
  object_class->get_property = dlg_members_page_get_property;
  object_class->set_property = dlg_members_page_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.open-link", "s", open_link_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, forum_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, host_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, president_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, province_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, province_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, region_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, joined_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, joined_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, head_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, head_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, smart_city_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, smart_city_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, links_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, website_button);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, website_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, email_button);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, email_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, phone_button);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, delegates_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, delegates_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
dlg_members_page_init (DlgMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
