/* dlg-practices-page.c: the best-practices pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-practices-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-feed-scope.h"
#include "dlg-practices-page.h"

struct _DlgPracticesPage
{
  AdwBin              parent_instance;

  DlgFeed            *feed;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkListView        *list_view;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  GtkLabel           *title_label;
  GtkWidget          *member_box;
  GtkLabel           *member_label;
  GtkWidget          *session_box;
  GtkLabel           *session_label;
  GtkLabel           *summary_label;
  GtkWidget          *tags_box;
  GtkLabel           *tags_label;
  GtkLabel           *body_label;
};

G_DEFINE_FINAL_TYPE (DlgPracticesPage, dlg_practices_page, ADW_TYPE_BIN)

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
member_name (DlgFeed    *feed,
             const char *member_id)
{
  DlgMember *member;

  if (feed == NULL || member_id == NULL || member_id[0] == '\0')
    return NULL;

  member = dlg_feed_find_member (feed, member_id);

  return member != NULL ? dlg_member_get_name (member) : member_id;
}

/* Row template callbacks: the scope appends the feed to every call. */

static char *
member_name_cb (GtkListItem *item,
                const char  *member_id,
                DlgFeed     *feed)
{
  return g_strdup (member_name (feed, member_id));
}

static gboolean
has_text_cb (GtkListItem *item,
             const char  *text,
             DlgFeed     *feed)
{
  return text != NULL && text[0] != '\0';
}

static void
show_practice (DlgPracticesPage *self,
               DlgPractice      *practice)
{
  const char * const *tags;
  const char *session_key;
  DlgSession *session = NULL;
  g_autofree char *tags_text = NULL;

  if (practice == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  set_text (self->title_label, NULL, dlg_practice_get_title (practice));
  set_text (self->member_label, self->member_box,
            member_name (self->feed, dlg_practice_get_member (practice)));

  session_key = dlg_practice_get_session (practice);
  if (session_key != NULL)
    session = dlg_feed_find_session (self->feed, session_key);
  set_text (self->session_label, self->session_box,
            session != NULL ? dlg_session_get_title (session) : NULL);

  set_text (self->summary_label, NULL, dlg_practice_get_summary (practice));

  tags = dlg_practice_get_tags (practice);
  if (tags != NULL && tags[0] != NULL)
    tags_text = g_strjoinv (", ", (char **) tags);
  set_text (self->tags_label, self->tags_box, tags_text);

  /* Plain text for now: the Markdown subset gets its renderer later. */
  set_text (self->body_label, NULL, dlg_practice_get_body (practice));

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
selection_changed_cb (DlgPracticesPage *self)
{
  show_practice (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
list_activate_cb (DlgPracticesPage *self,
                  guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      gtk_widget_grab_focus (self->back_button);
    }
}

static void
back_clicked_cb (DlgPracticesPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
dlg_practices_page_reload (DlgPracticesPage *self)
{
  g_autoptr(DlgFeedScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GListModel *practices;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);

  if (self->feed == NULL ||
      (practices = dlg_feed_get_practices (self->feed)) == NULL ||
      g_list_model_get_n_items (practices) == 0)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_stack_set_visible_child_name (self->page_stack, "empty");
      return;
    }

  scope = dlg_feed_scope_new (self->feed);
  dlg_feed_scope_add_callback (scope, "member_name_cb", G_CALLBACK (member_name_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-practice-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_single_selection_new (g_object_ref (practices));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  show_practice (self, NULL);

  gtk_stack_set_visible_child_name (self->page_stack, "content");
}

/**
 * dlg_practices_page_show_practice:
 * @id: a best practice id of the feed
 *
 * Selects the best practice and shows it.  Returns FALSE when the feed
 * has no such best practice.
 */
gboolean
dlg_practices_page_show_practice (DlgPracticesPage *self,
                                  const char       *id)
{
  GListModel *practices;

  g_return_val_if_fail (DLG_IS_PRACTICES_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->feed == NULL || self->selection == NULL)
    return FALSE;

  practices = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);

      if (g_strcmp0 (dlg_practice_get_id (practice), id) != 0)
        continue;

      gtk_single_selection_set_selected (self->selection, i);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
      return TRUE;
    }

  return FALSE;
}

DlgFeed *
dlg_practices_page_get_feed (DlgPracticesPage *self)
{
  g_return_val_if_fail (DLG_IS_PRACTICES_PAGE (self), NULL);

  return self->feed;
}

void
dlg_practices_page_set_feed (DlgPracticesPage *self,
                             DlgFeed          *feed)
{
  g_return_if_fail (DLG_IS_PRACTICES_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  dlg_practices_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

static void
dlg_practices_page_dispose (GObject *object)
{
  DlgPracticesPage *self = DLG_PRACTICES_PAGE (object);

  /* AdwBin unparents its child itself; let it go before the template
   * drops its references, or both tear it down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_PRACTICES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_practices_page_parent_class)->dispose (object);
}

static void
dlg_practices_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DlgPracticesPage *self = DLG_PRACTICES_PAGE (object);

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
dlg_practices_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DlgPracticesPage *self = DLG_PRACTICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      dlg_practices_page_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_practices_page_class_init (DlgPracticesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_practices_page_dispose;
  object_class->get_property = dlg_practices_page_get_property;
  object_class->set_property = dlg_practices_page_set_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-practices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, member_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, member_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, session_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, tags_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, body_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
dlg_practices_page_init (DlgPracticesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
