/* dlg-session-row.c: one session in the agenda list
 *
 * What a row shows depends on its neighbours (a group header when its
 * start differs from the row above) and on the delegate's state (stars,
 * the clock, the zone preference): the row asks its DlgAgendaPage
 * ancestor, which knows the filtered list, and listens to the page's
 * "rows-changed" to ask again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-agenda-page-private.h"
#include "dlg-agenda-text.h"
#include "dlg-session-row.h"
#include "dlg-list-row.h"
#include "dlg-text-column.h"

struct _DlgSessionRow
{
  GtkWidget      parent_instance;

  DlgSession    *session;
  guint          position;
  DlgAgendaPage *page;       /* weak: the ancestor we listen to */

  GtkWidget     *box;
  GtkLabel      *header_label;
  GtkLabel      *time_label;
  GtkLabel      *title_label;
  GtkLabel      *place_label;
  GtkLabel      *flags_label;
  GtkButton     *star_button;

  gboolean       starred;    /* as the star shows it (the template: not starred) */
};

G_DEFINE_FINAL_TYPE (DlgSessionRow, dlg_session_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows are updated often (bound, moved, rooted, and on every change of
 * the page) and mostly nothing changed: touching a label or the star
 * anyway makes GTK measure the row again, which with wrapping labels was
 * most of the agenda's start-up.  So only what differs is set. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
set_starred (DlgSessionRow *self,
             gboolean       starred)
{
  if (self->starred == starred)
    return;
  self->starred = starred;

  dlg_agenda_show_star (self->star_button, starred);
}

static void
rows_changed_cb (DlgSessionRow *self)
{
  dlg_session_row_update (self);
}

static void
find_page (DlgSessionRow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), DLG_TYPE_AGENDA_PAGE);

  if ((DlgAgendaPage *) page == self->page)
    return;

  if (self->page != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->page, rows_changed_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->page), (gpointer *) &self->page);
    }

  self->page = (DlgAgendaPage *) page;

  if (self->page != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (self->page), (gpointer *) &self->page);
      g_signal_connect_object (self->page, "rows-changed", G_CALLBACK (rows_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/* A screen reader landing on the row says what it shows (dlg-list-row.c). */
static void
name_list_item (DlgSessionRow *self,
                const char    *header,
                const char    *time_text,
                const char    *place,
                const char    *flags)
{
  const char *parts[] = {
    header, time_text, dlg_session_get_title (self->session), place, flags,
    /* Translators: what a screen reader says last on a starred session's row */
    self->starred ? _("in My schedule") : NULL,
  };
  g_autofree char *name = dlg_list_row_join (parts, G_N_ELEMENTS (parts));

  dlg_list_item_set_label (GTK_WIDGET (self), name);
}

void
dlg_session_row_update (DlgSessionRow *self)
{
  g_autofree char *header = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *place = NULL;
  g_autofree char *flags = NULL;

  g_return_if_fail (DLG_IS_SESSION_ROW (self));

  find_page (self);

  if (self->session == NULL || self->page == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->header_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->star_button), FALSE);
      return;
    }

  header = dlg_agenda_page_describe_group (self->page, self->position);
  set_optional (self->header_label, header);

  /* A session without a time has it shown once, in its group's header. */
  if (!dlg_session_get_time_tba (self->session))
    time_text = dlg_agenda_page_format_time (self->page, self->session);
  set_optional (self->time_label, time_text);
  set_label (self->title_label, dlg_session_get_title (self->session));

  place = dlg_agenda_page_describe_place (self->session);
  set_optional (self->place_label, place);

  flags = dlg_agenda_page_describe_flags (self->page, self->session);
  set_optional (self->flags_label, flags);

  gtk_widget_set_visible (GTK_WIDGET (self->star_button),
                          dlg_agenda_page_can_star (self->page));
  set_starred (self, dlg_agenda_page_is_starred (self->page, self->session));
  /* Tab from the row reaches the star: it says which session it stars.  Set after the star's
   * tooltip, which GTK makes its description too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  dlg_session_get_title (self->session), -1);
  /* A screen reader goes row by row, not by what is above: each row of such a group says its
   * time is to be announced, the first in its header. */
  name_list_item (self, header,
                  time_text == NULL && header == NULL ? _("Time to be announced") : time_text,
                  place, flags);
}

static void
star_clicked_cb (DlgSessionRow *self)
{
  if (self->page != NULL && self->session != NULL)
    dlg_agenda_page_toggle_star (self->page, self->session);
}

static void
root_changed_cb (DlgSessionRow *self,
                 GParamSpec    *pspec,
                 gpointer       user_data)
{
  dlg_session_row_update (self);
}

static void
dlg_session_row_dispose (GObject *object)
{
  DlgSessionRow *self = DLG_SESSION_ROW (object);

  if (self->page != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->page, rows_changed_cb, self);
      g_object_remove_weak_pointer (G_OBJECT (self->page), (gpointer *) &self->page);
      self->page = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_SESSION_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (dlg_session_row_parent_class)->dispose (object);
}

static void
dlg_session_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DlgSessionRow *self = DLG_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->session);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_session_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DlgSessionRow *self = DLG_SESSION_ROW (object);
  GObject *item;

  switch (prop_id)
    {
    case PROP_ITEM:
      item = g_value_get_object (value);
      if (item != NULL && !DLG_IS_SESSION (item))
        item = NULL;
      if (g_set_object (&self->session, (DlgSession *) item))
        {
          dlg_session_row_update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_POSITION:
      if (self->position != g_value_get_uint (value))
        {
          self->position = g_value_get_uint (value);
          dlg_session_row_update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_session_row_class_init (DlgSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_session_row_dispose;
  object_class->get_property = dlg_session_row_get_property;
  object_class->set_property = dlg_session_row_set_property;

  /* "item" is the list item's GObject: a DlgSession, or NULL while unbound. */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DLG_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, flags_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionRow, star_button);
  gtk_widget_class_bind_template_callback (widget_class, star_clicked_cb);
}

static void
dlg_session_row_init (DlgSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);
}
