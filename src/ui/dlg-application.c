/* dlg-application.c: the Delegate application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "dlg-application.h"
#include "dlg-library.h"
#include "dlg-release-notes.h"
#include "dlg-toast.h"
#include "dlg-window.h"

#define DLG_WEBSITE "https://github.com/delegateapp/delegate"
#define DLG_ISSUE_URL "https://github.com/delegateapp/delegate/issues"

struct _DlgApplication
{
  AdwApplication  parent_instance;

  /* Opened once at startup and handed to every window. */
  DlgStore       *store;
  DlgSync        *sync;
  DlgLibrary     *library;
  /* Set when the store was damaged and moved aside: told once. */
  char           *store_notice;
};

G_DEFINE_FINAL_TYPE (DlgApplication, dlg_application, ADW_TYPE_APPLICATION)

DlgApplication *
dlg_application_new (void)
{
  return g_object_new (DLG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* `delegate URL-or-PATH` follows an event, also when
                        * Delegate is already running. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The .Devel build keeps the base resource path. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

#if !ADW_CHECK_VERSION (1, 4, 0)
/* libadwaita 1.2 cannot read the metainfo itself: take the newest release's notes from it,
 * in the user's language (the embedded metainfo is the built one, with the translations
 * merged in as xml:lang copies). */
static void
set_release_notes_from_metainfo (AdwAboutWindow *about)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *version = NULL;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (RESOURCE_PATH "/metainfo.xml", 0, NULL);
  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  notes = dlg_release_notes_from_metainfo (data, size, g_get_language_names (), &version,
                                           &error);
  if (error != NULL)
    g_debug ("Could not read release notes from the metainfo: %s", error->message);
  else if (notes != NULL)
    {
      adw_about_window_set_release_notes (about, notes);
      if (version != NULL)
        adw_about_window_set_release_notes_version (about, version);
    }
}
#endif

static void
dlg_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  DlgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about = NULL;

#if ADW_CHECK_VERSION (1, 4, 0)
  if (g_resources_get_info (RESOURCE_PATH "/metainfo.xml", 0, NULL, NULL, NULL))
    about = ADW_ABOUT_WINDOW (adw_about_window_new_from_appdata (RESOURCE_PATH "/metainfo.xml",
                                                                 PACKAGE_VERSION));
#endif

  if (about == NULL)
    {
      about = ADW_ABOUT_WINDOW (adw_about_window_new ());
      adw_about_window_set_application_name (about, _("Delegate"));
      adw_about_window_set_application_icon (about, APP_ID);
      adw_about_window_set_version (about, PACKAGE_VERSION);
      adw_about_window_set_developer_name (about, _("Delegate developers"));
      adw_about_window_set_website (about, DLG_WEBSITE);
      adw_about_window_set_issue_url (about, DLG_ISSUE_URL);
      adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
      adw_about_window_set_comments (about,
                                     _("Agenda, members and best practices of a forum of cities"));
#if !ADW_CHECK_VERSION (1, 4, 0)
      set_release_notes_from_metainfo (about);
#endif
    }

  /* Translators: your names, one per line; shown in the About window */
  if (g_strcmp0 (_("translator-credits"), "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
dlg_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  gboolean may_quit = TRUE;

  /* Quitting does not close the windows first: save their notes here.  Notes the store
   * refuses (a full disk) keep the app open the first time, as closing does, with the
   * notes' banner saying why. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    if (DLG_IS_WINDOW (l->data) && !dlg_window_may_close (DLG_WINDOW (l->data)))
      may_quit = FALSE;

  if (may_quit)
    g_application_quit (G_APPLICATION (user_data));
}

/* A logout, `kill` or Ctrl+C in a terminal ends the app at once: a save still running or
 * failing is finished or tried once more, but no one is there to read a warning. */
static gboolean
dlg_application_signal_cb (gpointer user_data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l; l = l->next)
    if (DLG_IS_WINDOW (l->data))
      dlg_window_save_notes (DLG_WINDOW (l->data));

  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", dlg_application_quit_action },
  { "about", dlg_application_about_action },
};

static void
show_notice (GtkWindow  *window,
             const char *text)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_application_window_get_content (
                                                  ADW_APPLICATION_WINDOW (window)));
  AdwToast *toast = dlg_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static GtkWindow *
ensure_window (DlgApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (dlg_window_new (self, self->library));

  if (self->store_notice != NULL)
    {
      show_notice (window, self->store_notice);
      g_clear_pointer (&self->store_notice, g_free);
    }

  return window;
}

static void
dlg_application_activate (GApplication *app)
{
  gtk_window_present (ensure_window (DLG_APPLICATION (app)));
}

static void
dlg_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  DlgApplication *self = DLG_APPLICATION (app);
  GtkWindow *window = ensure_window (self);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autoptr(GError) error = NULL;

      if (!dlg_library_add (self->library, uri, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Could not add the event: %s"),
                                                   error->message);

          g_printerr ("%s\n", text);
          show_notice (window, text);
        }
    }

  gtk_window_present (window);
}

/* The store, the sync and the subscriptions, shared by every window. */
static void
open_library (DlgApplication *self)
{
  g_autofree char *path = dlg_store_default_path ();
  g_autofree char *moved_aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GNetworkMonitor) monitor = NULL;

  self->store = dlg_store_open (path, &moved_aside, &error);
  if (self->store == NULL)
    {
      /* Still start, on the built-in feed; nothing but the notes and stars is kept this time. */
      g_warning ("%s", error->message);
      /* Notes typed meanwhile are saved in the file as soon as it opens (the Notes pane's
       * banner says until then that they are not). */
      self->store_notice = g_strdup_printf (_("Your saved events could not be opened (%s). "
                                              "Changes will not be kept, except your notes "
                                              "and stars, saved as soon as the file can be "
                                              "opened."),
                                            error->message);
      g_clear_error (&error);
      self->store = dlg_store_open_in_memory_for (path);
    }
  else if (moved_aside != NULL)
    /* The notes, stars and events added came over from it (dlg_store_open()). */
    self->store_notice = g_strdup_printf (_("Your saved events were damaged; the file was moved "
                                            "to %s, and your notes and stars were recovered "
                                            "from it as far as it could be read."), moved_aside);

  monitor = g_object_ref (g_network_monitor_get_default ());
  self->sync = dlg_sync_new (self->store, NULL, monitor);
  self->library = dlg_library_new (self->sync, monitor);
  if (!dlg_library_start (self->library, &error))
    {
      /* The window opens with no event, and says why; the saved events stay for the next
       * start.  The store's message already says what failed. */
      g_warning ("Could not read the subscriptions: %s", error->message);
      if (self->store_notice == NULL)
        self->store_notice = g_strdup (error->message);
    }
}

static void
dlg_application_startup (GApplication *app)
{
  DlgApplication *self = DLG_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *agenda_accels[] = { "<Control>1", NULL };
  static const char *members_accels[] = { "<Control>2", NULL };
  static const char *practices_accels[] = { "<Control>3", NULL };
  static const char *notes_accels[] = { "<Control>4", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *add_event_accels[] = { "<Control>o", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  /* A note at once, from any pane: the keynote has started. */
  static const char *new_note_accels[] = { "<Control>n", NULL };

  /* The library first: it starts reading the saved event in a worker thread while GTK
   * starts, instead of after.  Usually it reads the event's packed form back (some 40 ms for
   * a 1,000-session forum, dlg-feed-pack.c); when it must parse the JSON (some 200 ms), the
   * parse's tree is freed before GTK's drawing and the window take their memory, which then
   * reuses it (one malloc arena, see main.c).  Nothing in it needs GTK. */
  open_library (self);

  G_APPLICATION_CLASS (dlg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  g_unix_signal_add (SIGTERM, dlg_application_signal_cb, app);
  g_unix_signal_add (SIGINT, dlg_application_signal_cb, app);
  g_unix_signal_add (SIGHUP, dlg_application_signal_cb, app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "win.show-page::agenda", agenda_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "win.show-page::members", members_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "win.show-page::practices", practices_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                         "win.show-page::notes", notes_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add-event",
                                         add_event_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-note::free",
                                         new_note_accels);
}

/* An event removed while the toast's Undo was still offered is gone for good once the app
 * ends (dlg_window_remove_event_action).  The saved data deleted or moved away since the
 * last write is written again first: else the next start would find nothing. */
static void
dlg_application_shutdown (GApplication *app)
{
  DlgApplication *self = DLG_APPLICATION (app);

  if (self->store != NULL)
    {
      /* Stars taken while the file could not be opened go into it if it opens now. */
      dlg_store_save_stars (self->store, NULL);
      dlg_store_keep_file (self->store);
    }
  if (self->library != NULL)
    dlg_library_forget_removed (self->library, NULL);

  G_APPLICATION_CLASS (dlg_application_parent_class)->shutdown (app);
}

static void
dlg_application_dispose (GObject *object)
{
  DlgApplication *self = DLG_APPLICATION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_notice, g_free);

  G_OBJECT_CLASS (dlg_application_parent_class)->dispose (object);
}

/* `delegate kupangkota.go.id/forum.json`, an address as a poster prints it: GApplication would
 * take each argument for a file name, and the event for a file that is not there.  Each is read
 * here as the Add Event dialog reads what is typed (dlg_library_normalise_location): a file of
 * that name wins, a host name is a web address.  Here, in the process started from the
 * terminal, whose folder a relative path is from; what cannot be an event is said there, before
 * anything starts (no display needed). */
static gboolean
dlg_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  char **argv = *arguments;
  gboolean options_ended = FALSE;

  /* Asked for help or the version, one gets that, whatever else is there. */
  for (guint i = 1; argv[i] != NULL && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "-h") || g_str_has_prefix (argv[i], "--help") ||
        g_str_equal (argv[i], "--version"))
      goto chain;

  for (guint i = 1; argv[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      char *location;

      if (!options_ended && argv[i][0] == '-')
        {
          options_ended = g_str_equal (argv[i], "--");
          continue;
        }

      location = dlg_library_normalise_location (argv[i], &error);
      if (location == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not add the event: %s"),
                                                   error->message);

          g_printerr ("%s\n", text);
          *exit_status = EXIT_FAILURE;
          return TRUE;
        }
      g_free (argv[i]);
      argv[i] = location;
    }

chain:
  return G_APPLICATION_CLASS (dlg_application_parent_class)->local_command_line (app, arguments,
                                                                                 exit_status);
}

/* `delegate --version`, before anything starts (no display needed). */
static int
dlg_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Delegate %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  return -1;
}

static void
dlg_application_class_init (DlgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = dlg_application_dispose;

  app_class->local_command_line = dlg_application_local_command_line;
  app_class->handle_local_options = dlg_application_handle_local_options;
  app_class->activate = dlg_application_activate;
  app_class->open = dlg_application_open;
  app_class->startup = dlg_application_startup;
  app_class->shutdown = dlg_application_shutdown;
}

static void
dlg_application_init (DlgApplication *self)
{
  GApplication *app = G_APPLICATION (self);

  g_application_add_main_option (app, "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show Delegate's version"), NULL);
  /* TRANSLATORS: in `delegate --help`, what may follow the command; the summary below
   * names it again. */
  g_application_set_option_context_parameter_string (app, _("[ADDRESS-OR-FILE…]"));
  g_application_set_option_context_summary (app,
                                            _("Follow a forum's agenda, members and best "
                                              "practices, and write your notes.\n\n"
                                              "ADDRESS-OR-FILE adds an event: the web address "
                                              "of its feed, or a Delegate feed, schedule.json or "
                                              "schedule.xml file. If Delegate is already "
                                              "running, its window shows the event."));
}
