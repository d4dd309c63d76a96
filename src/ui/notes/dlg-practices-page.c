/* dlg-practices-page.c: the best-practices pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-practices-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dlg-choice-rows.h"
#include "dlg-split.h"
#include "dlg-feed-label.h"
#include "dlg-feed-scope.h"
#include "dlg-list-row.h"
#include "dlg-markdown.h"
#include "dlg-note-search.h"
#include "dlg-practices-page.h"
#include "dlg-pane-search.h"
#include "dlg-detail-title.h"
#include "dlg-empty-page.h"

struct _DlgPracticesPage
{
  AdwBin              parent_instance;

  DlgFeed            *feed;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  GtkStringList      *tags;

  /* Template widgets */
  GtkStack           *page_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tag_dropdown;
  GtkStack           *list_stack;
  GtkWidget          *member_button;
  GtkWidget          *session_button;
  GtkWidget          *body_box;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  DlgDetailTitle     *title;
  GtkWidget          *member_box;
  GtkLabel           *member_label;
  GtkWidget          *session_box;
  GtkLabel           *session_label;
  GtkLabel           *summary_label;
  GtkWidget          *tags_box;
  GtkLabel           *tags_label;
};

G_DEFINE_FINAL_TYPE (DlgPracticesPage, dlg_practices_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* A list's indent. */
#define LIST_INDENT 12

/* A list item's bullet or number and the space after it, which its text follows. */
static char *
item_marker (const DlgMdBlock *block)
{
  return block->ordered ? g_strdup_printf ("%u.\u2002", block->number) : g_strdup ("•\u2002");
}

/* @label, a list item nested in others or an item's later paragraph, after the markers of
 * the items it is in (@markers, the outermost first), unseen: the label starts where their
 * text does, to the pixel, in whatever font and size the text is shown, as it is laid out
 * in the same font ("body", in italics in a quote).  A margin of so many pixels was 2 px
 * off a bullet's text in one font, and 3 to 12 off a number's. */
static GtkWidget *
under_item_text (GtkWidget   *label,
                 const char  *markers,
                 gboolean     quote)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_label_new (markers);

  if (quote)
    {
      g_autoptr(PangoAttrList) italic = pango_attr_list_new ();

      pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
      gtk_label_set_attributes (GTK_LABEL (spacer), italic);
    }
  gtk_widget_add_css_class (spacer, "body");
  gtk_widget_set_valign (spacer, GTK_ALIGN_START);
  gtk_widget_set_opacity (spacer, 0);
  gtk_widget_set_can_target (spacer, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (spacer), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* The body's Markdown subset as one label per block: every span was
 * escaped by dlg_md_block_to_markup, so feed text never becomes markup. */
static void
render_body (DlgPracticesPage *self,
             const char       *body)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (body);
  /* The marker of the last list item at each depth: a nested block's items. */
  char *markers[DLG_MD_LIST_DEPTH_MAX + 1] = { NULL, };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->body_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->body_box), child);

  for (guint i = 0; i < blocks->len; i++)
    {
      DlgMdBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *markup = dlg_md_block_to_markup (block);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *row = label;

      if (block->kind == DLG_MD_LIST_ITEM || block->continues_item)
        {
          guint depth = MIN (block->depth, DLG_MD_LIST_DEPTH_MAX);
          /* A nested item under the text of the one above it, an item's later paragraph
           * under the item's own text. */
          guint outer = block->continues_item ? depth + 1 : depth;
          g_autoptr(GString) spacer = g_string_new (NULL);

          if (block->kind == DLG_MD_LIST_ITEM)
            {
              g_autofree char *item = NULL;

              g_free (markers[depth]);
              markers[depth] = item_marker (block);
              item = g_strconcat (markers[depth], markup, NULL);
              g_free (markup);
              markup = g_steal_pointer (&item);
            }
          for (guint k = 0; k < outer; k++)
            g_string_append (spacer, markers[k] != NULL ? markers[k] : "•\u2002");
          if (outer > 0)
            row = under_item_text (label, spacer->str, block->quote);
          gtk_widget_set_margin_start (row, LIST_INDENT);
        }
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      if (block->kind == DLG_MD_HEADING)
        {
          gtk_widget_add_css_class (label, block->level <= 2 ? "title-3" : "heading");
          if (i > 0)
            gtk_widget_set_margin_top (label, 6);
        }
      else
        gtk_widget_add_css_class (label, "body");
      if (block->quote)
        gtk_widget_add_css_class (label, "md-quote");
      g_signal_connect (label, "activate-link", G_CALLBACK (dlg_feed_label_activate_link), NULL);
      gtk_box_append (GTK_BOX (self->body_box), row);
    }
  for (guint k = 0; k < G_N_ELEMENTS (markers); k++)
    g_free (markers[k]);
  gtk_widget_set_visible (self->body_box, blocks->len > 0);
}

static void
set_link (GtkWidget  *button,
          const char *action,
          const char *target)
{
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), target != NULL ? action : NULL);
}

static void
show_practice (DlgPracticesPage *self,
               DlgPractice      *practice)
{
  g_autofree char *note_target = NULL;
  const char * const *tags;
  const char *session_key;
  DlgSession *session = NULL;
  g_autofree char *tags_text = NULL;

  if (practice == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  dlg_feed_label_set_text (self->member_label, self->member_box,
            member_name (self->feed, dlg_practice_get_member (practice)));
  set_link (self->member_button, "win.show-member", dlg_practice_get_member (practice));

  session_key = dlg_practice_get_session (practice);
  if (session_key != NULL)
    session = dlg_feed_find_session (self->feed, session_key);
  dlg_feed_label_set_text (self->session_label, self->session_box,
            session != NULL ? dlg_session_get_title (session) : NULL);
  set_link (self->session_button, "win.show-session", session != NULL ? session_key : NULL);

  dlg_feed_label_set_text (self->summary_label, NULL, dlg_practice_get_summary (practice));

  tags = dlg_practice_get_tags (practice);
  if (tags != NULL && tags[0] != NULL)
    tags_text = g_strjoinv (", ", (char **) tags);
  dlg_feed_label_set_text (self->tags_label, self->tags_box, tags_text);

  render_body (self, dlg_practice_get_body (practice));

  note_target = g_strconcat ("practice:", dlg_practice_get_id (practice), NULL);
  dlg_detail_title_set (self->title, dlg_practice_get_title (practice), note_target);

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* The search (see dlg_note_search_practice) and the chosen tag, if any. */
static gboolean
practice_matches (DlgPractice *practice,
                  const char  *query,
                  const char  *tag,
                  DlgFeed     *feed)
{
  if (tag != NULL && !g_strv_contains (dlg_practice_get_tags (practice), tag))
    return FALSE;
  return dlg_note_search_practice (practice, query, feed);
}

/* The tag chosen in the drop-down, or NULL for "All tags". */
static const char *
selected_tag (DlgPracticesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->tags == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->tags, selected);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DlgPracticesPage *self = user_data;

  return practice_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                           selected_tag (self), self->feed);
}

static void
update_list_stack (DlgPracticesPage *self)
{
  gboolean empty = self->filtered == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "no-match" : "list");
}

static void
filter_changed_cb (DlgPracticesPage *self)
{
  GtkFilter *filter;

  if (self->filtered == NULL)
    return;
  filter = gtk_filter_list_model_get_filter (self->filtered);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

/* Escape in the search clears it, as in the agenda and the members. */
static void
stop_search_cb (DlgPracticesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* "All tags" and every tag of the feed's cases, sorted. */
static GtkStringList *
collect_tags (GListModel *practices)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkStringList *tags = gtk_string_list_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);
      const char * const *list = dlg_practice_get_tags (practice);

      for (guint j = 0; list[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) list[j]))
          g_ptr_array_add (found, (gpointer) list[j]);
    }
  g_ptr_array_sort (found, compare_tags);

  gtk_string_list_append (tags, _("All tags"));
  for (guint i = 0; i < found->len; i++)
    gtk_string_list_append (tags, g_ptr_array_index (found, i));
  return tags;
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

  dlg_practices_page_focus_detail (self);
}

static void
back_clicked_cb (DlgPracticesPage *self)
{
  dlg_split_back (self->leaflet, self->sidebar, GTK_WIDGET (self->list_view));
}

static void
show_empty (DlgPracticesPage *self)
{
  dlg_empty_page_explain (self->empty_page, self->feed != NULL, _("No Best Practices"),
                          _("This event has not published any best practices yet."),
                          _("The best practices will show here once Delegate has downloaded this event."));
  gtk_stack_set_visible_child_name (self->page_stack, "empty");
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
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_list_stack, self);
  g_clear_object (&self->filtered);
  g_clear_object (&self->tags);

  if (self->feed == NULL ||
      (practices = dlg_feed_get_practices (self->feed)) == NULL ||
      g_list_model_get_n_items (practices) == 0)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      show_empty (self);
      return;
    }

  scope = dlg_feed_scope_new (self->feed);
  dlg_feed_scope_add_callback (scope, "member_name_cb", G_CALLBACK (member_name_cb));
  dlg_feed_scope_add_callback (scope, "join_cb", G_CALLBACK (dlg_list_row_join_cb));
  dlg_feed_scope_add_callback (scope, "has_text_cb", G_CALLBACK (has_text_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-practice-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->tags = collect_tags (practices);
  g_signal_handlers_block_by_func (self->tag_dropdown, filter_changed_cb, self);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->tag_dropdown, filter_changed_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown),
                          g_list_model_get_n_items (G_LIST_MODEL (self->tags)) > 1);

  self->filtered = gtk_filter_list_model_new (g_object_ref (practices),
                                              GTK_FILTER (gtk_custom_filter_new (filter_func,
                                                                                 self, NULL)));
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_list_stack), self, G_CONNECT_SWAPPED);
  update_list_stack (self);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
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

  /* A search or tag must not hide the case asked for. */
  if (dlg_feed_find_practice (self->feed, id) == NULL)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  filter_changed_cb (self);

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

void
dlg_practices_page_focus_detail (DlgPracticesPage *self)
{
  g_return_if_fail (DLG_IS_PRACTICES_PAGE (self));

  dlg_split_open (self->leaflet, self->content, self->back_button,
                  dlg_detail_title_get_label (self->title));
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
  g_clear_object (&self->filtered);
  g_clear_object (&self->tags);
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

  g_type_ensure (DLG_TYPE_DETAIL_TITLE);
  g_type_ensure (DLG_TYPE_LIST_ROW);

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
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, title);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, member_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, member_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, session_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, tags_label);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, member_button);
  gtk_widget_class_bind_template_child (widget_class, DlgPracticesPage, session_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
dlg_practices_page_init (DlgPracticesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The tags are facts, read and selected as they are; the summary is a paragraph. */
  dlg_feed_label_pass_by (self->tags_label);
  dlg_split_escape_goes_back (GTK_WIDGET (self->content), self->back_button);
  dlg_choice_rows_set_searchable (self->tag_dropdown, _("Tag"));
  dlg_pane_add_search_shortcut (GTK_WIDGET (self), GTK_WIDGET (self->search_entry));
  dlg_pane_search_leads_to (GTK_WIDGET (self->search_entry), GTK_WIDGET (self->list_view));
  /* No feed until one is set (and none, if the event was never downloaded). */
  show_empty (self);
}
