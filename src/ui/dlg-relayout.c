/* dlg-relayout.c: lay the windows out again when GTK skipped drawing part of one
 *
 * A list beside its detail (an AdwLeaflet) folds or unfolds in the middle of laying the
 * window out, when the window is resized across the width where the two stop fitting side
 * by side (about half of a 1366 px laptop screen), or when a pane is shown at a width other
 * than the one it was last laid out at; the header's view switcher makes way for the title
 * about there too.  Their back buttons and switchers then show or hide, which asks for
 * another layout, and GTK 4.8 does not always do it: a part of the pane is left without a
 * size, GTK says "Trying to snapshot GtkBox … without a current allocation" and skips it,
 * and the whole pane stayed blank until the window was resized again
 * (tests/gui/test_widths.py).  Nothing else tells when that happens, so that warning does:
 * laying out what the windows show once more puts it right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-relayout.h"

/* At most this many layouts again in a row, should one bring the same warning back. */
#define RELAYOUT_MAX 3

static gint pending;   /* a relayout is queued */
static guint in_a_row;
static gint64 last_time;

static void
lay_out_again (GtkWidget *widget)
{
  gtk_widget_queue_resize (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child))
      lay_out_again (child);
}

static gboolean
relayout_cb (gpointer data)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  gint64 now = g_get_monotonic_time ();

  g_atomic_int_set (&pending, FALSE);
  in_a_row = now - last_time < G_USEC_PER_SEC ? in_a_row + 1 : 1;
  last_time = now;
  if (in_a_row > RELAYOUT_MAX)
    return G_SOURCE_REMOVE;

  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data))
      lay_out_again (l->data);
  return G_SOURCE_REMOVE;
}

static gboolean
is_skipped_snapshot (const GLogField *fields,
                     gsize            n_fields)
{
  gboolean gtk = FALSE;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        gtk = g_strcmp0 (fields[i].value, "Gtk") == 0;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }
  return gtk && message != NULL && strstr (message, "without a current allocation") != NULL;
}

static GLogWriterOutput
writer (GLogLevelFlags   level,
        const GLogField *fields,
        gsize            n_fields,
        gpointer         user_data)
{
  /* From whichever thread logs: the layout happens in the main one. */
  if (is_skipped_snapshot (fields, n_fields) &&
      g_atomic_int_compare_and_exchange (&pending, FALSE, TRUE))
    g_idle_add (relayout_cb, NULL);

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Before anything is logged (GLib takes one writer, set once). */
void
dlg_relayout_install (void)
{
  g_log_set_writer_func (writer, NULL, NULL);
}
