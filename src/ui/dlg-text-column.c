/* dlg-text-column.c: wrapping text beside a button, as wide as it asks whatever its height
 *
 * A horizontal GtkBox asks each child, when it lays them out, how wide it
 * must be *for the box's height*.  A column of labels passes the question on
 * to each label, and GtkLabel answers it for a wrapping label by trying one
 * width after another (a binary search), laying its text out again with
 * Pango at each.  An agenda row (its labels beside the star) laid its
 * two-line title out 25 to 40 times this way, every time a row was built:
 * 44% of the text shaping before the agenda's first rows were on screen.
 *
 * Such a column's width never depends on its height (it only grows taller
 * when narrower), so DlgTextColumn answers as if no height were given, and
 * its labels are laid out once or twice.  Heights are asked for as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-text-column.h"

struct _DlgTextColumn
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (DlgTextColumn, dlg_text_column, ADW_TYPE_BIN)

static GtkSizeRequestMode
dlg_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dlg_text_column_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
dlg_text_column_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
dlg_text_column_class_init (DlgTextColumnClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = dlg_text_column_get_request_mode;
  widget_class->measure = dlg_text_column_measure;
  widget_class->size_allocate = dlg_text_column_size_allocate;
}

static void
dlg_text_column_init (DlgTextColumn *self)
{
  /* AdwBin lays its child out with a GtkBinLayout, which GTK asks instead
   * of the class's measure and size_allocate: none, so that those count. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}
