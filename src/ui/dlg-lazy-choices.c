/* dlg-lazy-choices.c: a drop-down's choices, listed once it opens
 *
 * GtkDropDown (GTK 4.8) builds a row of its hidden popup for every choice as soon as it is
 * given them: its list view makes up to 200 rows at once, shown or not.  For the 30 rooms and
 * 60 tracks of a congress that took 4-13 ms of every event the agenda took in, before its
 * sessions reached the screen (docs/performance.md).  So such a drop-down is given a slice of
 * its choices: the first (its "All rooms", which a new list selects) until its popup is
 * shown, then all of them, by keyboard, pointer or screen reader alike, as every way of
 * opening it shows the popup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-choice-rows.h"
#include "dlg-lazy-choices.h"

#define CONNECTED_KEY "dlg-lazy-choices-connected"

/* Only this file gives these drop-downs a slice. */
static void
popup_shown_cb (GtkWidget   *popup,
                GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  if (GTK_IS_SLICE_LIST_MODEL (model))
    gtk_slice_list_model_set_size (GTK_SLICE_LIST_MODEL (model), G_MAXUINT);
}

/* Sets @choices as the choices of @dropdown, whose first is selected; the popup lists
 * the others once it is first shown. */
void
dlg_lazy_choices_set (GtkDropDown *dropdown,
                      GListModel  *choices)
{
  GtkWidget *popup;
  g_autoptr(GtkSliceListModel) slice = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (choices == NULL || G_IS_LIST_MODEL (choices));

  /* A GTK whose drop-down has no popover of its own gets them all at once. */
  popup = dlg_drop_down_find_part (dropdown, GTK_TYPE_POPOVER);
  if (choices == NULL || popup == NULL)
    {
      gtk_drop_down_set_model (dropdown, choices);
      return;
    }

  if (g_object_get_data (G_OBJECT (dropdown), CONNECTED_KEY) == NULL)
    {
      g_signal_connect_object (popup, "show", G_CALLBACK (popup_shown_cb), dropdown, 0);
      g_object_set_data (G_OBJECT (dropdown), CONNECTED_KEY, GINT_TO_POINTER (TRUE));
    }

  /* Open already (new choices while the delegate looks at the old ones): all of them. */
  slice = gtk_slice_list_model_new (g_object_ref (choices), 0,
                                    gtk_widget_get_visible (popup) ? G_MAXUINT : 1);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (slice));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* Selects the choice reading @text (a GtkStringList's), all of them listed first if it is not
 * the first; FALSE when there is none. */
gboolean
dlg_lazy_choices_select (GtkDropDown *dropdown,
                         const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  GListModel *choices = model;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), FALSE);

  if (GTK_IS_SLICE_LIST_MODEL (model))
    choices = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));
  for (guint i = 0; choices != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          if (i > 0 && GTK_IS_SLICE_LIST_MODEL (model))
            gtk_slice_list_model_set_size (GTK_SLICE_LIST_MODEL (model), G_MAXUINT);
          gtk_drop_down_set_selected (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}
