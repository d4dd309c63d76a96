/* dlg-lazy-slice.c: the first rows of a long list, more as the delegate scrolls
 *
 * GtkListView builds a row for up to 200 items at once (GTK_LIST_VIEW_MAX_LIST_ITEMS, in GTK
 * 4.8 and later), whatever fits on screen: with a few hundred sessions in a day, that was
 * most of the time from a start-up to the agenda on screen (docs/performance.md).  So a long
 * list is shown through a GtkSliceListModel of its first items, and the slice grows by a step
 * whenever the view is scrolled to within a screen of its end: by wheel, scroll bar or
 * keyboard, the rows are there before they come into sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-lazy-slice.h"

/* The first rows: a screen of them in a window of the default size (about seven sessions
 * show), and some; then about three screens of rows at a time, a cheap step to build.  Each
 * row is built, measured and drawn before the list is first seen: 25 rows at first took
 * half the time from the event's arrival to its sessions on screen (docs/performance.md). */
#define SLICE_FIRST 12
#define SLICE_STEP  25

static void
grow (GtkSliceListModel *slice,
      guint              size)
{
  GListModel *model = gtk_slice_list_model_get_model (slice);
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (size > gtk_slice_list_model_get_size (slice) &&
      gtk_slice_list_model_get_size (slice) < n_items)
    gtk_slice_list_model_set_size (slice, size);
}

/* Grows the slice when the view is within @screens screens of its end. */
static void
grow_near_end (GtkAdjustment     *adjustment,
               GtkSliceListModel *slice,
               double             screens)
{
  double page = gtk_adjustment_get_page_size (adjustment);

  /* Before the first allocation everything is 0: nothing to see yet. */
  if (page <= 0)
    return;
  if (gtk_adjustment_get_value (adjustment) + screens * page >= gtk_adjustment_get_upper (adjustment))
    grow (slice, gtk_slice_list_model_get_size (slice) + SLICE_STEP);
}

/* Scrolling: rows for the next screen before it comes into sight. */
static void
scrolled_cb (GtkAdjustment     *adjustment,
             GtkSliceListModel *slice)
{
  grow_near_end (adjustment, slice, 2);
}

/* A new size or content: more rows only if the view is not full, so that the first frame
 * with the list builds no rows it does not show. */
static void
resized_cb (GtkAdjustment     *adjustment,
            GtkSliceListModel *slice)
{
  grow_near_end (adjustment, slice, 1);
}

/* A slice of @model (transfer full) for @view, which must already be in its scrolled
 * window; the caller sets it (or a selection of it) as the view's model. */
GListModel *
dlg_lazy_slice_new (GListModel  *model,
                    GtkListView *view)
{
  GtkSliceListModel *slice;
  GtkAdjustment *adjustment;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);

  slice = gtk_slice_list_model_new (model, 0, SLICE_FIRST);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), slice, 0);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (resized_cb), slice, 0);
    }
  else
    gtk_slice_list_model_set_size (slice, G_MAXUINT);

  return G_LIST_MODEL (slice);
}

/* Makes sure the item at @position of the whole list has a row to scroll to. */
void
dlg_lazy_slice_cover (GListModel *slice,
                      guint       position)
{
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  if (position != GTK_INVALID_LIST_POSITION && position != G_MAXUINT)
    grow (GTK_SLICE_LIST_MODEL (slice), (position / SLICE_STEP + 2) * SLICE_STEP);
}
