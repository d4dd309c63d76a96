/* dlg-mnemonic-names.h: buttons with a mnemonic named as they read
 *
 * GTK 4.8 names a button whose label has a mnemonic ("_Add") by its raw label, then by the
 * label it is labelled by: a screen reader says "underscore Add Add".  Each such button below
 * @root keeps only the second, the text it shows.  Done once: these buttons never change their
 * label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline void
dlg_name_mnemonic_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      dlg_name_mnemonic_buttons (child);
    }
}

G_END_DECLS
