/* dlg-events-popover.c: the events a delegate follows: switch, add, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-events-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-events-popover.h"
#include "dlg-text-column.h"
#include "dlg-list-row.h"
#include "dlg-mnemonic-names.h"

struct _DlgEventsPopover
{
  GtkPopover   parent_instance;

  DlgLibrary  *library;

  /* Template widgets */
  GtkListView *list_view;
  GtkWidget   *remove_button;
};

G_DEFINE_FINAL_TYPE (DlgEventsPopover, dlg_events_popover, GTK_TYPE_POPOVER)

/* An event's address, under its title: not the built-in forum's, which has none to show, and
 * not an event's that has not downloaded yet, whose title is its address already. */
static gboolean
url_shown (gboolean    builtin,
           const char *title,
           const char *url)
{
  return !builtin && g_strcmp0 (title, url) != 0;
}

static gboolean
url_shown_cb (gpointer    unused,
              gboolean    builtin,
              const char *title,
              const char *url)
{
  return url_shown (builtin, title, url);
}

/* The checkmark of the event shown: hidden in the other rows, but taking its room in each, so
 * that every row is as wide as it was measured (see dlg-event-row.ui). */
static double
current_opacity_cb (gpointer  unused,
                    gboolean  current)
{
  return current ? 1.0 : 0.0;
}

/* "Updated 5 minutes ago", or what is happening instead.  The built-in forum is never
 * downloaded: "updated" would say it was, on a first launch with no network. */
static char *
status_cb (gpointer  unused,
           gboolean  builtin,
           gint64    updated_at,
           gboolean  syncing,
           gboolean  ended,
           int       last_try)
{
  g_autofree char *age = NULL;
  const char *last = dlg_format_last_try (last_try);

  if (builtin)
    return g_strdup (_("Built into Delegate"));
  if (syncing)
    return g_strdup (_("Updating…"));
  if (ended)
    return g_strdup (_("The event is over"));
  age = dlg_format_updated_ago (updated_at, g_get_real_time () / G_USEC_PER_SEC);
  /* Under the age: how old the copy is, then why it is not newer. */
  if (last != NULL)
    return g_strdup_printf ("%s\n%s", age, last);
  return g_steal_pointer (&age);
}

/* What a screen reader says on a row: what the row shows, and whether it is
 * the event the window shows (the row's checkmark). */
static char *
row_label_cb (gpointer    unused,
              const char *title,
              const char *url,
              gboolean    builtin,
              const char *status,
              gboolean    current)
{
  /* The status's two lines (the age, how the last try went) as two parts. */
  g_auto(GStrv) lines = g_strsplit (status != NULL ? status : "", "\n", 2);
  const char *parts[] = {
    title, url_shown (builtin, title, url) ? url : NULL, lines[0], lines[0] ? lines[1] : NULL,
    /* Translators: what a screen reader says last on the row of the event shown */
    current ? _("current event") : NULL,
  };

  return dlg_list_row_join (parts, G_N_ELEMENTS (parts));
}

/* "Remove" stops following the event shown: a screen reader names it, as the
 * tooltip only says "the event shown". */
static void
describe_remove (DlgEventsPopover *self)
{
  DlgSubscription *current = self->library != NULL ? dlg_library_get_current (self->library) : NULL;
  g_autofree char *description = NULL;

  if (current != NULL && dlg_subscription_get_title (current) != NULL)
    /* Translators: what a screen reader says of the events' Remove button */
    description = g_strdup_printf (_("Stop following “%s”"), dlg_subscription_get_title (current));
  else
    description = g_strdup (gtk_widget_get_tooltip_text (self->remove_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The times are relative: bind the rows afresh each time the list shows. */
static void
popover_shown_cb (DlgEventsPopover *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->list_view);

  describe_remove (self);
  if (model == NULL)
    return;
  g_object_ref (model);
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_model (self->list_view, model);
  g_object_unref (model);
}

/* The toast's Undo is then one click away, not behind the popover. */
static void
remove_clicked_cb (DlgEventsPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
row_activated_cb (DlgEventsPopover *self,
                  guint             position)
{
  g_autoptr(DlgSubscription) subscription = NULL;

  if (self->library == NULL)
    return;

  subscription = g_list_model_get_item (dlg_library_get_subscriptions (self->library), position);
  if (subscription != NULL)
    dlg_library_set_current (self->library, subscription);
  gtk_popover_popdown (GTK_POPOVER (self));
}

void
dlg_events_popover_set_library (DlgEventsPopover *self,
                                DlgLibrary       *library)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkNoSelection *selection;

  g_return_if_fail (DLG_IS_EVENTS_POPOVER (self));
  g_return_if_fail (library == NULL || DLG_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  if (library == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      return;
    }

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "current_opacity_cb",
                                          G_CALLBACK (current_opacity_cb));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "url_shown_cb",
                                          G_CALLBACK (url_shown_cb));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "row_label_cb",
                                          G_CALLBACK (row_label_cb));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "status_cb",
                                          G_CALLBACK (status_cb));
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             RESOURCE_PATH "/ui/dlg-event-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  selection = gtk_no_selection_new (g_object_ref (dlg_library_get_subscriptions (library)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
dlg_events_popover_dispose (GObject *object)
{
  DlgEventsPopover *self = DLG_EVENTS_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_EVENTS_POPOVER);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dlg_events_popover_parent_class)->dispose (object);
}

static void
dlg_events_popover_class_init (DlgEventsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_events_popover_dispose;

  g_type_ensure (DLG_TYPE_SUBSCRIPTION);
  g_type_ensure (DLG_TYPE_TEXT_COLUMN);
  g_type_ensure (DLG_TYPE_LIST_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-events-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgEventsPopover, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlgEventsPopover, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
dlg_events_popover_init (DlgEventsPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dlg_name_mnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_swapped (self, "show", G_CALLBACK (popover_shown_cb), self);
}
