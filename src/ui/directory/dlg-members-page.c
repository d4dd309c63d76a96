/* dlg-members-page.c: the members pane, who is who in the forum
 *
 * The directory is the feed's members through a GtkFilterListModel (a
 * DlgMemberQuery from core decides what matches) and a GtkSortListModel
 * (dlg_member_compare), so searching 514 members stays instant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-members-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dlg-choice-rows.h"
#include "dlg-split.h"
#include "dlg-contact-line.h"
#include "dlg-empty-page.h"
#include "dlg-feed-scope.h"
#include "dlg-list-row.h"
#include "dlg-lazy-slice.h"
#include "dlg-member-query.h"
#include "dlg-member-view.h"
#include "dlg-members-page.h"
#include "dlg-pane-search.h"
#include "dlg-feed-label.h"
#include "dlg-save-file.h"
#include "dlg-toast.h"
#include "dlg-vcard.h"

struct _DlgMembersPage
{
  AdwBin               parent_instance;

  DlgFeed             *feed;
  DlgMemberQuery      *query;
  GtkFilter           *filter;
  GtkFilterListModel  *filter_model;
  GtkSorter           *sorter;
  GtkSortListModel    *sort_model;
  GListModel          *shown;        /* its first members, more as the list scrolls */
  GtkSingleSelection  *selection;
  DlgMemberSort        sort;
  GStrv                places;       /* the regions, then the provinces */
  guint                n_regions;
  DlgMemberKind       *kinds;
  guint                n_kinds;
  DlgMember           *member;      /* the one shown */
  /* The last key typed outside the search went into it: a space goes there too. */
  gboolean             typing_in_search;

  /* Template widgets */
  GtkStack            *page_stack;
  AdwStatusPage       *empty_page;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkWidget           *content;
  GtkWidget           *forum_box;
  GtkLabel            *host_label;
  GtkLabel            *president_label;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *place_dropdown;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *sort_dropdown;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkWidget           *back_button;
  GtkStack            *detail_stack;
  DlgMemberView       *member_view;
};

G_DEFINE_FINAL_TYPE (DlgMembersPage, dlg_members_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
member_summary (DlgMember *member)
{
  const char *province = dlg_member_get_province (member);
  const char *kind = dlg_member_kind_to_string (dlg_member_get_kind (member));

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

static void
show_member (DlgMembersPage *self,
             DlgMember      *member)
{
  g_set_object (&self->member, member);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-member", member != NULL);
  dlg_member_view_show (self->member_view, self->feed, member);
  gtk_stack_set_visible_child_name (self->detail_stack, member != NULL ? "detail" : "none");
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Only web, mail and phone links ever leave the app. */
  if (!dlg_contact_uri_is_safe (uri))
    {
      g_debug ("Refusing to open %s", uri);
      return;
    }

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *text = g_variant_get_string (parameter, NULL);

  if (text[0] == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  dlg_toast (widget, _("Copied"));
}

/* --- export ------------------------------------------------------------ */

static void
export_members (DlgMembersPage *self,
                GListModel     *members,
                const char     *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GBytes) cards = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *done = NULL;
  guint n_members;
  char *text;

  if (members == NULL || g_list_model_get_n_items (members) == 0)
    return;

  n_members = g_list_model_get_n_items (members);
  text = dlg_vcard_from_members (members);
  cards = g_bytes_new_take (text, strlen (text));

  file_name = g_strconcat (suggested_name, ".vcf", NULL);

  /* Translators: a file type in the save dialog */
  gtk_file_filter_set_name (filter, _("vCard contacts"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_suffix (filter, "vcf");

  done = g_strdup_printf (g_dngettext (NULL, "%u member exported", "%u members exported",
                                       n_members),
                          n_members);
  dlg_save_file (GTK_WIDGET (self), _("Export Contacts"), file_name, filter, cards, done,
                 _("Could not export the contacts"));
}

static void
export_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (widget);
  g_autoptr(GListStore) one = NULL;

  if (self->member == NULL)
    return;

  one = g_list_store_new (DLG_TYPE_MEMBER);
  g_list_store_append (one, self->member);
  export_members (self, G_LIST_MODEL (one), dlg_member_get_name (self->member));
}

static void
export_shown_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (widget);

  /* In the order shown. */
  /* Translators: the file name an export of members suggests, without .vcf */
  export_members (self, G_LIST_MODEL (self->sort_model), _("Members"));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (widget);

  if (self->feed == NULL)
    return;

  /* Translators: the file name an export of members suggests, without .vcf */
  export_members (self, dlg_feed_get_members (self->feed), _("Members"));
}

/* --- the directory ------------------------------------------------------- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  return dlg_member_query_matches (user_data, item);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  DlgMembersPage *self = user_data;

  return dlg_member_compare ((DlgMember *) a, (DlgMember *) b, self->sort);
}

static void
query_changed_cb (DlgMembersPage *self,
                  int             change)
{
  static const GtkFilterChange changes[] = {
    [DLG_MEMBER_QUERY_CHANGE_DIFFERENT] = GTK_FILTER_CHANGE_DIFFERENT,
    [DLG_MEMBER_QUERY_CHANGE_MORE_STRICT] = GTK_FILTER_CHANGE_MORE_STRICT,
    [DLG_MEMBER_QUERY_CHANGE_LESS_STRICT] = GTK_FILTER_CHANGE_LESS_STRICT,
  };

  if (self->filter != NULL && change >= 0 && change < (int) G_N_ELEMENTS (changes))
    gtk_filter_changed (self->filter, changes[change]);
}

static void
update_count (DlgMembersPage *self)
{
  g_autofree char *text = NULL;
  guint shown, total;

  if (self->feed == NULL || self->filter_model == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = g_list_model_get_n_items (dlg_feed_get_members (self->feed));

  if (shown == total)
    text = g_strdup_printf (g_dngettext (NULL, "%u member", "%u members", total), total);
  else
    /* Translators: "2 of 6 members": the plural follows the second number */
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u member", "%u of %u members", total),
                            shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");
  /* Exporting what a search hides entirely would do nothing at all: say so by greying it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-shown", shown > 0);
}

static void
search_changed_cb (DlgMembersPage *self)
{
  dlg_member_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* GtkSearchEntry takes what is typed anywhere in the pane, the keyboard staying where it was,
 * but not a space, which it leaves to the widget that has the keyboard: on a member's row,
 * where a space selects it, "kota kupang" searched for "kotakupang".  A space typed straight
 * after text that went to the search goes there too; after anything else (an arrow, Enter,
 * a click) it is the row's again. */
static gboolean
pane_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     DlgMembersPage        *self)
{
  GtkWidget *entry = GTK_WIDGET (self->search_entry);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gunichar c = gdk_keyval_to_unicode (keyval);
  int position;

  /* Not in the search itself, another text field, or a drop-down's choices, where a space
   * is theirs. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) ||
      focus == entry || gtk_widget_is_ancestor (focus, entry) || GTK_IS_EDITABLE (focus) ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    {
      self->typing_in_search = FALSE;
      return GDK_EVENT_PROPAGATE;
    }

  if (keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space)
    {
      /* What the search entry takes: a character or a correction of one. */
      self->typing_in_search = (c != 0 && g_unichar_isprint (c)) || keyval == GDK_KEY_BackSpace;
      return GDK_EVENT_PROPAGATE;
    }

  if (!self->typing_in_search || gtk_editable_get_text (GTK_EDITABLE (entry))[0] == '\0')
    return GDK_EVENT_PROPAGATE;

  position = gtk_editable_get_position (GTK_EDITABLE (entry));
  gtk_editable_insert_text (GTK_EDITABLE (entry), " ", 1, &position);
  gtk_editable_set_position (GTK_EDITABLE (entry), position);
  return GDK_EVENT_STOP;
}

static void
pane_pressed_cb (DlgMembersPage *self)
{
  self->typing_in_search = FALSE;
}

static void
stop_search_cb (DlgMembersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
place_selected_cb (DlgMembersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->place_dropdown);

  /* Item 0 is "All places". */
  if (self->places == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length (self->places))
    dlg_member_query_set_place (self->query, NULL);
  else
    dlg_member_query_set_place_in (self->query, self->places[selected - 1],
                                   selected - 1 < self->n_regions ? DLG_MEMBER_PLACE_REGION
                                                                  : DLG_MEMBER_PLACE_PROVINCE);
}

static void
kind_selected_cb (DlgMembersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  /* Item 0 is "All kinds". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->n_kinds)
    dlg_member_query_set_kind (self->query, DLG_MEMBER_QUERY_ANY_KIND);
  else
    dlg_member_query_set_kind (self->query, self->kinds[selected - 1]);
}

static void
sort_selected_cb (DlgMembersPage *self)
{
  static const DlgMemberSort sorts[] = {
    DLG_MEMBER_SORT_NAME, DLG_MEMBER_SORT_PROVINCE, DLG_MEMBER_SORT_JOINED,
  };
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  self->sort = selected < G_N_ELEMENTS (sorts) ? sorts[selected] : DLG_MEMBER_SORT_NAME;
  if (self->sorter != NULL)
    gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (DlgMembersPage *self)
{
  DlgMember *member = gtk_single_selection_get_selected_item (self->selection);

  /* A search that hides the member being read leaves it on screen. */
  if (member != NULL)
    show_member (self, member);
}

static void
list_activate_cb (DlgMembersPage *self,
                  guint           position)
{
  g_autoptr(DlgMember) member = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  gtk_single_selection_set_selected (self->selection, position);
  /* The member already shown, opened again (back on a narrow window, then Enter), starts at
   * its name as any member opened does, not where it was left scrolled: selecting it again
   * did not show it anew. */
  if (member != NULL && member == self->member)
    show_member (self, member);

  dlg_members_page_focus_detail (self);
}

static void
back_clicked_cb (DlgMembersPage *self)
{
  dlg_split_back (self->leaflet, self->sidebar, GTK_WIDGET (self->list_view));
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
  dlg_feed_label_set_text (self->host_label, NULL, host);

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
  dlg_feed_label_set_text (self->president_label, NULL, president);

  gtk_widget_set_visible (self->forum_box, host != NULL || president != NULL);
}

static void
show_empty (DlgMembersPage *self)
{
  dlg_empty_page_explain (self->empty_page, self->feed != NULL, _("No Members"),
                          _("This event has not published its members yet."),
                          _("The members will show here once Delegate has downloaded this event."));
  gtk_stack_set_visible_child_name (self->page_stack, "empty");
}

/* The filter choices this feed offers: its places and kinds. */
static void
fill_filters (DlgMembersPage *self,
              GListModel     *members)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_clear_pointer (&self->places, g_strfreev);
  g_clear_pointer (&self->kinds, g_free);

  /* The regions first, each named so: "Papua" is the province alone, "Papua (region)" also
   * Papua Barat's members (both were one "Papua", which showed the whole region). */
  {
    g_auto(GStrv) regions = dlg_member_list_regions (members);
    g_auto(GStrv) provinces = dlg_member_list_provinces (members);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    self->n_regions = g_strv_length (regions);
    g_strv_builder_addv (builder, (const char **) regions);
    g_strv_builder_addv (builder, (const char **) provinces);
    self->places = g_strv_builder_end (builder);
  }
  gtk_string_list_append (places, _("All places"));
  for (guint i = 0; self->places[i] != NULL; i++)
    {
      /* TRANSLATORS: a place filter's choice: %s is a region of Indonesia, an island or a
       * group of them ("Jawa", "Nusa Tenggara"), apart from its provinces. */
      g_autofree char *label = i < self->n_regions ? g_strdup_printf (_("%s (region)"),
                                                                      self->places[i])
                                                   : g_strdup (self->places[i]);

      gtk_string_list_append (places, label);
    }

  self->kinds = dlg_member_list_kinds (members, &self->n_kinds);
  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < self->n_kinds; i++)
    gtk_string_list_append (kinds, dlg_member_kind_to_string (self->kinds[i]));

  gtk_drop_down_set_model (self->place_dropdown, G_LIST_MODEL (places));
  gtk_drop_down_set_selected (self->place_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->place_dropdown), self->places[0] != NULL);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_dropdown), self->n_kinds > 1);
}

static void
clear_directory (DlgMembersPage *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_func (self->filter_model, update_count, self);

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
}

/* @keep: the new feed is an update of the same event (a sync): keep the
 * search, the filters that still apply and the member being read. */
static void
dlg_members_page_reload (DlgMembersPage *self,
                         gboolean        keep)
{
  g_autofree char *shown_id = NULL;
  g_autofree char *place = NULL;
  DlgMemberPlaceScope scope = DLG_MEMBER_PLACE_ANY;
  int kind = DLG_MEMBER_QUERY_ANY_KIND;
  GListModel *members;

  if (keep)
    {
      shown_id = self->member != NULL ? g_strdup (dlg_member_get_id (self->member)) : NULL;
      place = g_strdup (dlg_member_query_get_place (self->query));
      scope = dlg_member_query_get_place_scope (self->query);
      kind = dlg_member_query_get_kind (self->query);
    }

  clear_directory (self);
  show_member (self, NULL);

  if (self->feed == NULL ||
      (members = dlg_feed_get_members (self->feed)) == NULL ||
      g_list_model_get_n_items (members) == 0)
    {
      show_empty (self);
      return;
    }

  show_forum (self);

  if (!keep)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  dlg_member_query_set_text (self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  fill_filters (self, members);
  for (guint i = 0; place != NULL && self->places[i] != NULL; i++)
    {
      if (g_str_equal (self->places[i], place) &&
          scope == (i < self->n_regions ? DLG_MEMBER_PLACE_REGION : DLG_MEMBER_PLACE_PROVINCE))
        gtk_drop_down_set_selected (self->place_dropdown, i + 1);
    }
  for (guint i = 0; kind != DLG_MEMBER_QUERY_ANY_KIND && i < self->n_kinds; i++)
    {
      if ((int) self->kinds[i] == kind)
        gtk_drop_down_set_selected (self->kind_dropdown, i + 1);
    }

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, g_object_ref (self->query),
                                                    g_object_unref));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (members),
                                                  g_object_ref (self->filter));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, self, NULL));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (self->sorter));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  self->shown = dlg_lazy_slice_new (g_object_ref (G_LIST_MODEL (self->sort_model)), self->list_view);
  self->selection = gtk_single_selection_new (g_object_ref (self->shown));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);

  gtk_stack_set_visible_child_name (self->page_stack, "content");

  if (shown_id != NULL)
    dlg_members_page_show_member (self, shown_id);
}

static guint
find_in_directory (DlgMembersPage *self,
                   DlgMember      *member)
{
  GListModel *shown = G_LIST_MODEL (self->sort_model);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlgMember) item = g_list_model_get_item (shown, i);

      if (item == member)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * dlg_members_page_show_member:
 * @id: a member id of the feed
 *
 * Selects the member and shows its page, clearing the search and filters
 * if they hide it.  Returns FALSE when the feed has no such member.
 */
gboolean
dlg_members_page_show_member (DlgMembersPage *self,
                              const char     *id)
{
  DlgMember *member;
  guint position;

  g_return_val_if_fail (DLG_IS_MEMBERS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->feed == NULL || self->selection == NULL ||
      (member = dlg_feed_find_member (self->feed, id)) == NULL)
    return FALSE;

  position = find_in_directory (self, member);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      dlg_member_query_set_text (self->query, NULL);
      gtk_drop_down_set_selected (self->place_dropdown, 0);
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      position = find_in_directory (self, member);
    }
  g_return_val_if_fail (position != GTK_INVALID_LIST_POSITION, FALSE);

  dlg_lazy_slice_cover (self->shown, position);
  gtk_single_selection_set_selected (self->selection, position);
  show_member (self, member);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);

  return TRUE;
}

void
dlg_members_page_focus_detail (DlgMembersPage *self)
{
  g_return_if_fail (DLG_IS_MEMBERS_PAGE (self));

  dlg_split_open (self->leaflet, self->content, self->back_button,
                  dlg_member_view_get_title (self->member_view));
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
  gboolean same_event;

  g_return_if_fail (DLG_IS_MEMBERS_PAGE (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  if (self->feed == feed)
    return;

  same_event = self->feed != NULL && feed != NULL &&
               dlg_feed_get_event (self->feed) != NULL && dlg_feed_get_event (feed) != NULL &&
               g_strcmp0 (dlg_event_get_id (dlg_feed_get_event (self->feed)),
                          dlg_event_get_id (dlg_feed_get_event (feed))) == 0;
  g_set_object (&self->feed, feed);

  dlg_members_page_reload (self, same_event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

static void
dlg_members_page_dispose (GObject *object)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (object);

  clear_directory (self);

  /* AdwBin unparents its child itself; let it go before the template
   * drops its references, or both tear it down. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_MEMBERS_PAGE);

  g_clear_object (&self->member);
  g_clear_object (&self->query);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_members_page_parent_class)->dispose (object);
}

static void
dlg_members_page_finalize (GObject *object)
{
  DlgMembersPage *self = DLG_MEMBERS_PAGE (object);

  g_clear_pointer (&self->places, g_strfreev);
  g_clear_pointer (&self->kinds, g_free);

  G_OBJECT_CLASS (dlg_members_page_parent_class)->finalize (object);
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

  g_type_ensure (DLG_TYPE_LIST_ROW);

  object_class->dispose = dlg_members_page_dispose;
  object_class->finalize = dlg_members_page_finalize;
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
  gtk_widget_class_install_action (widget_class, "page.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "page.export-member", NULL, export_member_action);
  gtk_widget_class_install_action (widget_class, "page.export-shown", NULL, export_shown_action);
  gtk_widget_class_install_action (widget_class, "page.export-all", NULL, export_all_action);

  g_type_ensure (DLG_TYPE_MEMBER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, content);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, forum_box);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, host_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, president_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, place_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgMembersPage, member_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
dlg_members_page_init (DlgMembersPage *self)
{
  g_autoptr(DlgFeedScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) chosen_factory = NULL;
  g_autoptr(GtkStringList) sorts = NULL;
  GtkEventController *keys;
  GtkGesture *clicks;

  gtk_widget_init_template (GTK_WIDGET (self));
  dlg_split_escape_goes_back (GTK_WIDGET (self->content), self->back_button);
  /* No feed until one is set (and none, if the event was never downloaded). */
  show_empty (self);

  self->query = dlg_member_query_new ();
  g_signal_connect_object (self->query, "changed",
                           G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);

  /* Factories after the template (GTK 4.8 builds rows before _init ends). */
  scope = dlg_feed_scope_new (NULL);
  dlg_feed_scope_add_callback (scope, "member_summary_cb", G_CALLBACK (member_summary_cb));
  dlg_feed_scope_add_callback (scope, "join_cb", G_CALLBACK (dlg_list_row_join_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (GTK_BUILDER_SCOPE (scope),
                                                             RESOURCE_PATH "/ui/dlg-member-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  chosen_factory = gtk_builder_list_item_factory_new_from_resource (NULL,
                                                                    RESOURCE_PATH "/ui/dlg-dropdown-item.ui");
  gtk_drop_down_set_factory (self->place_dropdown, chosen_factory);
  dlg_choice_rows_set_searchable (self->place_dropdown, _("Filter by place"));
  gtk_drop_down_set_factory (self->kind_dropdown, chosen_factory);
  dlg_choice_rows_set (self->kind_dropdown, _("Filter by kind"));
  dlg_choice_rows_set (self->sort_dropdown, _("Sort members"));

  sorts = gtk_string_list_new (NULL);
  gtk_string_list_append (sorts, _("Name"));
  gtk_string_list_append (sorts, _("Province"));
  gtk_string_list_append (sorts, _("Year joined"));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));

  g_signal_connect_object (self->place_dropdown, "notify::selected",
                           G_CALLBACK (place_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (sort_selected_cb), self, G_CONNECT_SWAPPED);

  /* Typing anywhere in the pane searches, spaces too. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (pane_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  clicks = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (clicks), GTK_PHASE_CAPTURE);
  g_signal_connect_object (clicks, "pressed", G_CALLBACK (pane_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (clicks));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  dlg_pane_add_search_shortcut (GTK_WIDGET (self), GTK_WIDGET (self->search_entry));
  dlg_pane_search_leads_to (GTK_WIDGET (self->search_entry), GTK_WIDGET (self->list_view));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-member", FALSE);
}
