/* dlg-choice-rows.c: a drop-down's popup rows, named for screen readers
 *
 * GTK 4.8 builds a drop-down's popup as a list view whose items have no
 * accessible name, and names the list itself "GtkListView": a screen reader
 * moving through the rooms, days or places had nothing to say.  These rows
 * look as GTK's own do (the choice's text, and a checkmark on the chosen
 * one) and name their list item after that text; the list, and the search
 * above it, are named after the drop-down.
 *
 * The text is what the drop-down's expression gives for a choice (the same
 * text its search matches), or a GtkStringObject's string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-choice-rows.h"
#include "dlg-list-row.h"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type inside @dropdown (its popover, the popup's list
 * or search), or NULL: GTK 4.8 gives no other way to reach them. */
GtkWidget *
dlg_drop_down_find_part (GtkDropDown *dropdown,
                         GType        type)
{
  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  return find_descendant (GTK_WIDGET (dropdown), type);
}

static char *
choice_text (GtkDropDown *dropdown,
             gpointer     choice)
{
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, choice, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (choice))
    return g_strdup (gtk_string_object_get_string (choice));
  return NULL;
}

static void
update_check (GtkDropDown *dropdown,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  gboolean chosen = gtk_list_item_get_item (item) != NULL &&
                    gtk_list_item_get_item (item) == gtk_drop_down_get_selected_item (dropdown);

  gtk_widget_set_opacity (check, chosen ? 1.0 : 0.0);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         GtkDropDown              *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *text = choice_text (dropdown, gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text != NULL ? text : "");
  dlg_list_item_set_label (box, text);
  update_check (dropdown, NULL, item);
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_check), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, update_check, item);
}

/* The button inside the drop-down is what takes the keyboard focus; GTK 4.8
 * names it "GtkToggleButton".  It is named after the choice it shows. */
static void
name_button (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  gpointer chosen = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *text = chosen != NULL ? choice_text (dropdown, chosen) : NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
selected_item_changed_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          gpointer     user_data)
{
  name_button (dropdown);
}

/* Escape in a drop-down's search.  GTK's own answer (4.8, and newer ones
 * too) unsets the list's filter and closes the popup only if it was unset:
 * typed text stayed in the search while every choice came back, and once the
 * popup had closed once (which leaves the filter set to "") the first Escape
 * did nothing to be seen, and the room list closed only on a second.  Here
 * Escape clears what was typed, and otherwise closes the popup. */
static void
stop_search_cb (GtkSearchEntry *search,
                GtkDropDown    *dropdown)
{
  GtkWidget *popover;

  if (*gtk_editable_get_text (GTK_EDITABLE (search)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      return;
    }
  popover = dlg_drop_down_find_part (dropdown, GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Gives @dropdown's popup these rows, and names its list @list_name. */
void
dlg_choice_rows_set (GtkDropDown *dropdown,
                     const char  *list_name)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list, *search;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  /* The rows live in the drop-down's own popup, so never outlive it. */
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), dropdown);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), dropdown);
  gtk_drop_down_set_list_factory (dropdown, factory);

  g_signal_connect (dropdown, "notify::selected-item",
                    G_CALLBACK (selected_item_changed_cb), NULL);
  name_button (dropdown);

  /* The search above the list (shown with enable-search), which narrows it. */
  search = dlg_drop_down_find_part (dropdown, GTK_TYPE_SEARCH_ENTRY);
  if (search != NULL)
    g_signal_connect_object (search, "stop-search", G_CALLBACK (stop_search_cb), dropdown, 0);

  if (list_name == NULL)
    return;
  list = dlg_drop_down_find_part (dropdown, GTK_TYPE_LIST_VIEW);
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    list_name, -1);
  if (search != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    list_name, -1);
}

/* The same, for a drop-down of GtkStringObject choices that a big event makes long (rooms,
 * tracks, a nation's provinces, tags): a search above them narrows them as one types. */
void
dlg_choice_rows_set_searchable (GtkDropDown *dropdown,
                                const char  *list_name)
{
  gtk_drop_down_set_expression (dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  dlg_choice_rows_set (dropdown, list_name);
}
