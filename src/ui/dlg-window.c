/* dlg-window.c: the main window with its three panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dlg-notes.h"
#include "dlg-settings.h"
#include "dlg-window-private.h"
#include "dlg-mnemonic-names.h"
#include "dlg-shortcuts-names.h"
#include "dlg-toast.h"

G_DEFINE_FINAL_TYPE (DlgWindow, dlg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FEED,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DlgWindow *
dlg_window_new (DlgApplication *application,
                DlgLibrary     *library)
{
  g_return_val_if_fail (DLG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DLG_IS_LIBRARY (library), NULL);

  return g_object_new (DLG_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

DlgLibrary *
dlg_window_get_library (DlgWindow *self)
{
  g_return_val_if_fail (DLG_IS_WINDOW (self), NULL);

  return self->library;
}

/* Only the agenda is made with the window.  The other panes are made when they are first
 * shown, or when an action reaches into them: each is a template of a few hundred widgets,
 * and AdwViewStack measures hidden pages too, so making them all held the first frame back
 * by about a third (docs/performance.md). */
/* A pane of @type in @slot; one with a @stale flag gets the event when it is shown. */
static gpointer
make_pane (AdwBin   *slot,
           GType     type,
           gboolean *stale)
{
  GtkWidget *page = g_object_new (type, NULL);

  adw_bin_set_child (slot, page);
  if (stale != NULL)
    *stale = TRUE;
  return page;
}

static DlgMembersPage *
members_page (DlgWindow *self)
{
  if (self->members_page == NULL)
    self->members_page = make_pane (self->members_slot, DLG_TYPE_MEMBERS_PAGE,
                                    &self->members_stale);
  return self->members_page;
}

static DlgPracticesPage *
practices_page (DlgWindow *self)
{
  if (self->practices_page == NULL)
    self->practices_page = make_pane (self->practices_slot, DLG_TYPE_PRACTICES_PAGE,
                                      &self->practices_stale);
  return self->practices_page;
}

/* The notes pane follows the feed at once (dlg_window_set_feed).  An event added offline,
 * with nothing downloaded yet, takes notes under its address; they join the event when its
 * first copy comes (dlg-notes.h). */
void
dlg_window_feed_notes_page (DlgWindow *self)
{
  DlgSubscription *current = self->library != NULL ? dlg_library_get_current (self->library)
                                                   : NULL;
  g_autofree char *pending = NULL;

  if (self->notes_page == NULL)
    return;
  /* With a feed, the library's feed is its current event's: the id says whose it is. */
  if (current != NULL && (self->feed != NULL || dlg_subscription_get_event_id (current) == NULL))
    pending = dlg_notes_pending_event_id (dlg_subscription_get_url (current));
  dlg_notes_page_set_feed (self->notes_page, self->feed, pending);
}

static DlgNotesPage *
notes_page (DlgWindow *self)
{
  if (self->notes_page == NULL)
    {
      self->notes_page = make_pane (self->notes_slot, DLG_TYPE_NOTES_PAGE, NULL);
      if (self->library != NULL)
        dlg_notes_page_set_store (self->notes_page, dlg_library_get_store (self->library));
      dlg_window_feed_notes_page (self);
    }
  return self->notes_page;
}

/* A pane hidden when the feed came gets it when it is shown, or when an action reaches into
 * it.  Filling a list pane builds up to 200 rows at once (GtkListView), and AdwViewStack
 * measures its hidden pages too: filling all three before the first frame made a start-up
 * with a large stored event about five times slower than a bare window (docs/performance.md). */
static void
feed_pane (DlgWindow *self,
           GtkWidget *page)
{
  gboolean *stale = NULL;

  if (page == NULL)
    return;
  else if (page == GTK_WIDGET (self->agenda_page))
    stale = &self->agenda_stale;
  else if (page == GTK_WIDGET (self->members_page))
    stale = &self->members_stale;
  else if (page == GTK_WIDGET (self->practices_page))
    stale = &self->practices_stale;

  if (stale != NULL && *stale)
    {
      *stale = FALSE;
      g_object_set (page, "feed", self->feed, NULL);
    }
}

static void
feed_shown_panes (DlgWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "agenda") == 0)
    feed_pane (self, GTK_WIDGET (self->agenda_page));
  else if (g_strcmp0 (name, "members") == 0)
    feed_pane (self, GTK_WIDGET (members_page (self)));
  else if (g_strcmp0 (name, "practices") == 0)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->practices_stack), "cases") == 0)
        feed_pane (self, GTK_WIDGET (practices_page (self)));
      else
        notes_page (self);
    }
}

static void
visible_pane_changed_cb (DlgWindow *self)
{
  feed_shown_panes (self);
}

/* The pages follow the feed: a sync or a switch of event replaces it. */
void
dlg_window_set_feed (DlgWindow *self,
                     DlgFeed   *feed)
{
  DlgEvent *event;

  g_return_if_fail (DLG_IS_WINDOW (self));
  g_return_if_fail (feed == NULL || DLG_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed) && self->fed)
    return;
  self->fed = TRUE;

  event = feed != NULL ? dlg_feed_get_event (feed) : NULL;
  if (event != NULL && dlg_event_get_title (event) != NULL)
    gtk_window_set_title (GTK_WINDOW (self), dlg_event_get_title (event));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Delegate"));

  /* The notes pane is cheap to fill and keeps the delegate's typing tied to its event: it
   * always follows at once. */
  self->agenda_stale = self->members_stale = self->practices_stale = TRUE;
  feed_shown_panes (self);
  dlg_window_feed_notes_page (self);
  dlg_window_end_switch (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

DlgFeed *
dlg_window_get_feed (DlgWindow *self)
{
  g_return_val_if_fail (DLG_IS_WINDOW (self), NULL);

  return self->feed;
}

/* Three panes; the third holds the published cases ("practices") and the
 * delegate's own notes ("notes"), each reachable by name. */
static void
show_page (DlgWindow  *self,
           const char *name)
{
  if (g_strcmp0 (name, "practices") == 0 || g_strcmp0 (name, "notes") == 0)
    {
      gtk_stack_set_visible_child_name (self->practices_stack,
                                        name[0] == 'n' ? "notes" : "cases");
      adw_view_stack_set_visible_child_name (self->stack, "practices");
    }
  else if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/* Ctrl+1 to Ctrl+4 also put the keyboard in the pane they show, at its
 * first control, unless it is there already.  Left in the header bar, it
 * reached no pane: arrows and Tab started from the top of the window, and
 * typing in the Members pane, which searches it, went nowhere. */
static void
focus_page (DlgWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *shown = page;

  /* In the third pane, the cases or the notes shown: Ctrl+4 goes into the notes, past the
   * Cases | Notes switch above them. */
  if (page != NULL && gtk_widget_is_ancestor (GTK_WIDGET (self->practices_stack), page))
    shown = gtk_stack_get_visible_child (self->practices_stack);
  /* Back on a pane, its stack gives the keyboard back to where it last was there: often a
   * detail's title, a selectable label, whose text GTK then selects whole, as if the delegate
   * had selected it.  The keyboard arrives as it does when a row is opened (dlg_split_open). */
  if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);
  if (shown == NULL ||
      (focus != NULL && gtk_widget_get_mapped (focus) && gtk_widget_is_ancestor (focus, shown)))
    return;
  if (!gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD) && shown != page)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
dlg_window_show_page_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  show_page (user_data, g_variant_get_string (parameter, NULL));
  focus_page (user_data);
}

/* Cross-pane navigation: switch to the pane and open the item there.
 * An id the feed does not have leaves everything as it was.  The keyboard
 * goes to the item's detail, as Enter on its row puts it, once the pane is
 * shown: switching panes moves it to where it last was in the new pane. */
static void
dlg_window_show_session_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  DlgWindow *self = user_data;

  feed_pane (self, GTK_WIDGET (self->agenda_page));
  if (dlg_agenda_page_show_session (self->agenda_page, g_variant_get_string (parameter, NULL)))
    {
      adw_view_stack_set_visible_child_name (self->stack, "agenda");
      dlg_agenda_page_focus_detail (self->agenda_page);
    }
}

static void
dlg_window_show_member_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  DlgWindow *self = user_data;

  feed_pane (self, GTK_WIDGET (members_page (self)));
  if (dlg_members_page_show_member (self->members_page, g_variant_get_string (parameter, NULL)))
    {
      adw_view_stack_set_visible_child_name (self->stack, "members");
      dlg_members_page_focus_detail (self->members_page);
    }
}

static void
dlg_window_show_practice_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  DlgWindow *self = user_data;

  feed_pane (self, GTK_WIDGET (practices_page (self)));
  if (dlg_practices_page_show_practice (self->practices_page,
                                        g_variant_get_string (parameter, NULL)))
    {
      show_page (self, "practices");
      dlg_practices_page_focus_detail (self->practices_page);
    }
}

/* The window shows before the event is in it: a stored event read on a worker thread is often
 * ready just as the window maps, and filling the panes first would hold the first frame back
 * for as long as their layout takes.  The feed waits for that frame, then fills the panes. */
static void
library_feed_changed_cb (DlgWindow *self)
{
  DlgFeed *feed = dlg_library_get_feed (self->library);

  if (!self->painted || self->feed_idle_id != 0)
    return;
  /* While the saved copy is read, the panes keep what they show (nothing yet, at start)
   * rather than say "No Sessions". */
  if (feed == NULL && dlg_library_get_loading (self->library))
    return;
  dlg_window_set_feed (self, feed);
}

static gboolean
feed_after_first_frame_cb (gpointer user_data)
{
  DlgWindow *self = user_data;

  self->feed_idle_id = 0;
  library_feed_changed_cb (self);
  return G_SOURCE_REMOVE;
}

static void
after_first_paint_cb (GdkFrameClock *clock,
                      DlgWindow     *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->painted = TRUE;
  if (self->library != NULL)
    /* Before the next frame (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE + 20), or the
     * event's sessions wait for one more frame drawn without them. */
    self->feed_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, feed_after_first_frame_cb,
                                          self, NULL);
}

static void
dlg_window_realize (GtkWidget *widget)
{
  DlgWindow *self = DLG_WINDOW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (dlg_window_parent_class)->realize (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (!self->painted && self->after_paint_id == 0 && clock != NULL)
    self->after_paint_id = g_signal_connect (clock, "after-paint",
                                             G_CALLBACK (after_first_paint_cb), self);
}

static void
dlg_window_unrealize (GtkWidget *widget)
{
  DlgWindow *self = DLG_WINDOW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, clock);

  GTK_WIDGET_CLASS (dlg_window_parent_class)->unrealize (widget);
}

/* win.new-note("KIND:KEY"): a note about a session, best practice or
 * member ("session:KEY", "practice:ID", "member:ID"), or a free one ("" or
 * "free"), opened in the Notes pane. */
static void
dlg_window_new_note_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  DlgWindow *self = user_data;
  const char *target = g_variant_get_string (parameter, NULL);
  const char *colon = strchr (target, ':');
  g_autofree char *kind_name = g_strndup (target, colon != NULL ? (gsize) (colon - target)
                                                                : strlen (target));
  DlgNoteKind kind = DLG_NOTE_FREE;

  if (!dlg_note_kind_from_string (kind_name, &kind) || colon == NULL || colon[1] == '\0')
    kind = DLG_NOTE_FREE;
  if (dlg_notes_page_new_note (notes_page (self), kind, kind != DLG_NOTE_FREE ? colon + 1 : NULL))
    show_page (self, "notes");
}

/* Closing the window saves the notes first, whatever the timers.  If the
 * store refuses them, the first close keeps the window open, with the
 * notes' banner saying so; closing again closes. */
static gboolean
dlg_window_close_request_cb (DlgWindow *self)
{
  return !dlg_window_may_close (self);
}

/* Says, as a close is held, what is not saved and where it is kept meanwhile, or plainly
 * that even that copy could not be written.  The toast stays until dismissed: it names a
 * file the delegate may want to copy down. */
static void
say_unsaved (DlgWindow *self,
             gboolean   notes,
             gboolean   stars)
{
  g_autofree char *notes_path = NULL;
  g_autofree char *stars_path = NULL;
  gboolean notes_kept = FALSE, stars_kept = FALSE;
  g_autoptr(GString) paths = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *what;
  AdwToast *toast;

  if (notes && self->notes_page != NULL)
    notes_path = dlg_notes_page_dup_rescue_path (self->notes_page, &notes_kept);
  if (stars)
    stars_path = dlg_store_dup_stars_rescue_path (dlg_library_get_store (self->library),
                                                  &stars_kept);
  what = notes && stars ? _("Your notes and stars are not saved")
         : notes ? _("Your notes are not saved") : _("Your stars are not saved");
  if ((!notes || (notes_path != NULL && notes_kept)) &&
      (!stars || (stars_path != NULL && stars_kept)))
    {
      g_string_append (paths, notes_path != NULL ? notes_path : "");
      if (notes_path != NULL && stars_path != NULL)
        g_string_append (paths, ", ");
      g_string_append (paths, stars_path != NULL ? stars_path : "");
      /* Translators: the first %s is "Your notes are not saved" or the like, the second
       * the file (or files, apart by commas) that keeps them meanwhile */
      text = g_strdup_printf (_("%s: a copy is kept in %s, and the next start saves it. Close "
                                "again to close."), what, paths->str);
    }
  else
    /* Translators: %s is "Your notes are not saved" or the like */
    text = g_strdup_printf (_("%s, and not even a copy of them could be written: closing "
                              "loses them. Close again to close anyway."), what);
  toast = dlg_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Stars saved since a close was held: a later refusal holds the next close again, as notes
 * do, a warning given once being no licence to lose stars taken later. */
static void
stars_error_changed_cb (DlgWindow *self)
{
  DlgStore *store = dlg_library_get_store (self->library);

  if (dlg_store_get_stars_error (store) == NULL)
    self->stars_close_warned = FALSE;
}

gboolean
dlg_window_may_close (DlgWindow *self)
{
  DlgStore *store;
  gboolean notes_held, stars_unsaved = FALSE, stars_held;

  g_return_val_if_fail (DLG_IS_WINDOW (self), FALSE);

  notes_held = self->notes_page != NULL && !dlg_notes_page_may_close (self->notes_page);
  store = self->library != NULL ? dlg_library_get_store (self->library) : NULL;
  if (store != NULL && dlg_store_get_stars_error (store) != NULL)
    stars_unsaved = !dlg_store_save_stars (store, NULL);
  /* Held once, never twice: a window that will not close traps the delegate. */
  stars_held = stars_unsaved && !self->stars_close_warned;
  self->stars_close_warned = stars_unsaved;
  if (!notes_held && !stars_held)
    return TRUE;
  say_unsaved (self, notes_held, stars_unsaved);
  if (notes_held)
    show_page (self, "notes");
  return FALSE;
}

gboolean
dlg_window_save_notes (DlgWindow *self)
{
  g_return_val_if_fail (DLG_IS_WINDOW (self), FALSE);

  /* Notes are typed in the notes pane: none if it was never made. */
  return self->notes_page == NULL || dlg_notes_page_save (self->notes_page);
}

/* The keyboard shortcuts, built when first asked for.  GtkApplication would build them into
 * every window as it is made (from gtk/help-overlay.ui), some 7 ms of a start for a window
 * most delegates never open. */
static void
dlg_window_show_help_overlay_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  DlgWindow *self = user_data;

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PATH "/ui/help-overlay.ui");

      self->help_overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      g_object_add_weak_pointer (G_OBJECT (self->help_overlay),
                                 (gpointer *) &self->help_overlay);
      /* As GtkApplicationWindow sets up its own. */
      gtk_window_set_modal (self->help_overlay, TRUE);
      gtk_window_set_transient_for (self->help_overlay, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->help_overlay, TRUE);
      dlg_name_shortcuts_controls (self->help_overlay);
    }
  gtk_window_present (self->help_overlay);
}

static const GActionEntry win_actions[] = {
  { "show-help-overlay", dlg_window_show_help_overlay_action },
  { "new-note", dlg_window_new_note_action, "s" },
  { "show-page", dlg_window_show_page_action, "s" },
  { "show-session", dlg_window_show_session_action, "s" },
  { "show-member", dlg_window_show_member_action, "s" },
  { "show-practice", dlg_window_show_practice_action, "s" },
};

static void
dlg_window_bind_settings (DlgWindow *self)
{
  /* An uninstalled build may run without its schema: the window then
   * simply does not remember its size. */
  self->settings = dlg_settings_new ("window-maximized");
  if (self->settings == NULL)
    {
      g_debug ("GSettings schema %s not found; window size is not kept", APP_ID);
      return;
    }

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
dlg_window_constructed (GObject *object)
{
  DlgWindow *self = DLG_WINDOW (object);

  G_OBJECT_CLASS (dlg_window_parent_class)->constructed (object);

  if (self->library != NULL)
    {
      g_signal_connect_object (self->library, "notify::feed",
                               G_CALLBACK (library_feed_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->library, "notify::loading",
                               G_CALLBACK (library_feed_changed_cb), self, G_CONNECT_SWAPPED);
      dlg_events_popover_set_library (self->events_popover, self->library);
      /* Stars live in the store, per event. */
      dlg_agenda_page_set_store (self->agenda_page, dlg_library_get_store (self->library));
      g_signal_connect_object (dlg_library_get_store (self->library), "notify::stars-error",
                               G_CALLBACK (stars_error_changed_cb), self, G_CONNECT_SWAPPED);
      library_feed_changed_cb (self);
      dlg_window_watch_events (self);
    }

  dlg_window_bind_settings (self);
}

static void
dlg_window_dispose (GObject *object)
{
  DlgWindow *self = DLG_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DLG_TYPE_WINDOW);

  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->sync_shown_id, g_source_remove);
  g_clear_handle_id (&self->switch_id, g_source_remove);
  g_clear_handle_id (&self->feed_idle_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed);
  g_clear_object (&self->watched);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dlg_window_parent_class)->dispose (object);
}

static void
dlg_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlgWindow *self = DLG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlgWindow *self = DLG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FEED:
      dlg_window_set_feed (self, g_value_get_object (value));
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_window_class_init (DlgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dlg_window_constructed;
  object_class->dispose = dlg_window_dispose;
  object_class->get_property = dlg_window_get_property;
  object_class->set_property = dlg_window_set_property;
  widget_class->realize = dlg_window_realize;
  widget_class->unrealize = dlg_window_unrealize;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         DLG_TYPE_FEED,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         DLG_TYPE_LIBRARY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DLG_TYPE_AGENDA_PAGE);
  g_type_ensure (DLG_TYPE_EVENTS_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/dlg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, agenda_page);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, members_slot);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, practices_slot);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, notes_slot);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, practices_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, banner_title);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, banner_detail);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, DlgWindow, events_popover);
}

static void
dlg_window_init (DlgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dlg_name_mnemonic_buttons (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_pane_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->practices_stack, "notify::visible-child",
                           G_CALLBACK (visible_pane_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  dlg_window_add_event_actions (self);
  g_signal_connect (self, "close-request", G_CALLBACK (dlg_window_close_request_cb), NULL);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
