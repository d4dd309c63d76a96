/* dlg-session-view.c: one session, whole, beside the agenda's list
 *
 * Everything the feed says of a session: its day and time, room, track, speakers,
 * languages, the members presenting it and the cases presented in it (links to their
 * pages), its abstract and description with their addresses made links, its links, a
 * button to write a note on it and its star.  All of it is feed text, shown as text
 * (dlg-feed-label.c); what is missing is hidden, not shown empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-session-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dlg-agenda-text.h"
#include "dlg-detail-title.h"
#include "dlg-feed-label.h"
#include "dlg-session-view.h"

struct _DlgSessionView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *scroller;       /* the child: bound so that dispose_template unparents it */
  DlgDetailTitle *title;
  GtkLabel       *subtitle_label;
  GtkWidget      *when_box;
  GtkLabel       *when_label;
  GtkWidget      *room_box;
  GtkLabel       *room_label;
  GtkWidget      *track_box;
  GtkLabel       *track_label;
  GtkWidget      *speakers_box;
  GtkLabel       *speakers_label;
  GtkWidget      *language_box;
  GtkLabel       *language_label;
  GtkWidget      *members_box;
  GtkBox         *members_list;
  GtkWidget      *practices_box;
  GtkBox         *practices_list;
  GtkLabel       *abstract_label;
  GtkLabel       *description_label;
  GtkWidget      *links_box;
  GtkLabel       *links_label;
  GtkButton      *star_button;

  gboolean        starred;        /* as the star shows it (the template: not starred) */
};

G_DEFINE_FINAL_TYPE (DlgSessionView, dlg_session_view, GTK_TYPE_WIDGET)

enum {
  TOGGLE_STAR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
dlg_session_view_get_title (DlgSessionView *self)
{
  g_return_val_if_fail (DLG_IS_SESSION_VIEW (self), NULL);

  return dlg_detail_title_get_label (self->title);
}

void
dlg_session_view_set_starred (DlgSessionView *self,
                              gboolean        can_star,
                              gboolean        starred)
{
  GtkWidget *title;

  g_return_if_fail (DLG_IS_SESSION_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->star_button), can_star);
  if (self->starred != starred)
    {
      self->starred = starred;
      dlg_agenda_show_star (self->star_button, starred);
    }
  /* Tab from the title and the Note button reaches the star: it says which session it stars,
   * as a row's star does.  Set after the star's tooltip, which GTK makes its description
   * too. */
  title = dlg_detail_title_get_label (self->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (GTK_LABEL (title)), -1);
}

static void
star_clicked_cb (DlgSessionView *self)
{
  g_signal_emit (self, signals[TOGGLE_STAR], 0);
}

static void
clear_links (GtkBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_box_remove (list, child);
}

/* A link that opens a member or a case in its pane: its text is the feed's, never markup. */
static void
add_link (GtkBox     *list,
          const char *text,
          const char *action,
          const char *target,
          const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "link");
  gtk_widget_add_css_class (button, "inline");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (list, button);
}

/* The members presenting the session, each a link to its page in the directory. */
static void
show_members (DlgSessionView *self,
              DlgFeed        *feed,
              DlgSession     *session)
{
  const char * const *members = dlg_session_get_members (session);

  clear_links (self->members_list);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      DlgMember *member = dlg_feed_find_member (feed, members[i]);

      if (member != NULL)
        add_link (self->members_list, dlg_member_get_name (member), "win.show-member",
                  members[i], _("Show this member"));
    }
  gtk_widget_set_visible (self->members_box,
                          gtk_widget_get_first_child (GTK_WIDGET (self->members_list)) != NULL);
}

/* The cases presented in the session, each a link to its page. */
static void
show_practices (DlgSessionView *self,
                DlgFeed        *feed,
                DlgSession     *session)
{
  GListModel *practices = dlg_feed_get_practices (feed);

  clear_links (self->practices_list);
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);

      if (g_strcmp0 (dlg_practice_get_session (practice), dlg_session_get_key (session)) == 0)
        add_link (self->practices_list, dlg_practice_get_title (practice), "win.show-practice",
                  dlg_practice_get_id (practice), _("Show this best practice"));
    }
  gtk_widget_set_visible (self->practices_box,
                          gtk_widget_get_first_child (GTK_WIDGET (self->practices_list)) != NULL);
}

void
dlg_session_view_show (DlgSessionView *self,
                       DlgFeed        *feed,
                       DlgSession     *session,
                       const char     *time_text)
{
  g_autofree char *note_target = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *links = NULL;

  g_return_if_fail (DLG_IS_SESSION_VIEW (self));
  g_return_if_fail (DLG_IS_FEED (feed));
  g_return_if_fail (DLG_IS_SESSION (session));

  note_target = g_strconcat ("session:", dlg_session_get_key (session), NULL);
  dlg_detail_title_set (self->title, dlg_session_get_title (session), note_target);
  dlg_feed_label_set_text (self->subtitle_label, NULL, dlg_session_get_subtitle (session));

  day_text = dlg_agenda_day_name (feed, dlg_session_get_day (session));
  if (day_text != NULL && time_text != NULL)
    /* Translators: the day and time of a session */
    when = g_strdup_printf (_("%s · %s"), day_text, time_text);
  else
    when = g_strdup (day_text != NULL ? day_text : time_text);
  dlg_feed_label_set_text (self->when_label, self->when_box, when);

  dlg_feed_label_set_text (self->room_label, self->room_box, dlg_session_get_room (session));
  dlg_feed_label_set_text (self->track_label, self->track_box, dlg_session_get_track (session));
  languages = dlg_agenda_language_names (dlg_session_get_language (session));
  dlg_feed_label_set_text (self->language_label, self->language_box, languages);

  speakers = dlg_session_dup_persons_text (session);
  dlg_feed_label_set_text (self->speakers_label, self->speakers_box, speakers);

  show_members (self, feed, session);
  show_practices (self, feed, session);

  dlg_feed_label_set_linked (self->abstract_label, dlg_session_get_abstract (session));
  dlg_feed_label_set_linked (self->description_label, dlg_session_get_description (session));

  /* Every title and address in it is escaped (dlg-agenda-text.c). */
  links = dlg_agenda_links_markup (session);
  gtk_label_set_markup (self->links_label, links != NULL ? links : "");
  gtk_widget_set_visible (self->links_box, links != NULL);
}

static void
dlg_session_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DLG_TYPE_SESSION_VIEW);

  G_OBJECT_CLASS (dlg_session_view_parent_class)->dispose (object);
}

static void
dlg_session_view_class_init (DlgSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dlg_session_view_dispose;

  /* The delegate pressed the star: whoever knows the stars (the agenda's page) changes it, and
   * says so back with dlg_session_view_set_starred(). */
  signals[TOGGLE_STAR] =
    g_signal_new ("toggle-star", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (DLG_TYPE_DETAIL_TITLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dlg-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, title);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, when_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, when_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, room_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, room_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, track_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, track_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, speakers_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, speakers_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, language_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, language_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, members_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, members_list);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, practices_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, practices_list);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, abstract_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, description_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, links_box);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, links_label);
  gtk_widget_class_bind_template_child (widget_class, DlgSessionView, star_button);
  gtk_widget_class_bind_template_callback (widget_class, star_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "activate_link_cb",
                                                G_CALLBACK (dlg_feed_label_activate_link));
}

static void
dlg_session_view_init (DlgSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tab goes from the title to the Note button, the star and the links, then the abstract
   * and description; the facts beside their headings are read, and selected, as they are. */
  dlg_feed_label_pass_by (self->subtitle_label);
  dlg_feed_label_pass_by (self->when_label);
  dlg_feed_label_pass_by (self->room_label);
  dlg_feed_label_pass_by (self->track_label);
  dlg_feed_label_pass_by (self->speakers_label);
  dlg_feed_label_pass_by (self->language_label);
}
