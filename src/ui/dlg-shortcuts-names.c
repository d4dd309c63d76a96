/* dlg-shortcuts-names.c: names for the controls GTK puts in the shortcuts window
 *
 * GTK 4.8 gives the controls in the shortcuts window's header bar no name: a screen reader
 * opening it with Ctrl+? landed on "GtkImage", its search button, and its search field and
 * section menu were "GtkSearchEntry" and "GtkMenuButton".  The button and the field are named
 * as the field's placeholder, "Search Shortcuts" in GTK's own translations, and the menu by
 * the section it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-shortcuts-names.h"

/* The first widget of @type below @widget, or NULL. */
static GtkWidget *
find_below (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_below (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The menu button, and the toggle button GTK 4.8 puts in it, which takes the keyboard. */
static void
name_menu_button (GtkWidget *menu_button)
{
  GtkWidget *label = find_below (menu_button, GTK_TYPE_LABEL);

  if (label == NULL)
    return;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  for (GtkWidget *inner = gtk_widget_get_first_child (menu_button);
       inner != NULL;
       inner = gtk_widget_get_next_sibling (inner))
    if (GTK_IS_BUTTON (inner))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

static void
name_below (GtkWidget  *widget,
            const char *search_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        {
          name_menu_button (child);
          continue;
        }
      if (search_name != NULL &&
          (GTK_IS_SEARCH_ENTRY (child) ||
           (GTK_IS_TOGGLE_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, search_name, -1);
      name_below (child, search_name);
    }
}

void
dlg_name_shortcuts_controls (GtkWindow *shortcuts)
{
  GtkWidget *entry = find_below (GTK_WIDGET (shortcuts), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *search_name = NULL;

  g_return_if_fail (GTK_IS_WINDOW (shortcuts));

  if (entry != NULL)
    g_object_get (entry, "placeholder-text", &search_name, NULL);
  name_below (GTK_WIDGET (shortcuts), search_name);
}
