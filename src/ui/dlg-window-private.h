/* dlg-window-private.h: what the window's two files share
 *
 * dlg-window.c makes the window and feeds its panes; dlg-window-events.c keeps its header
 * telling of the event on screen (updated when, updating, why an update failed) and does
 * what the header's buttons do to events (update, add, remove).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-agenda-page.h"
#include "dlg-events-popover.h"
#include "dlg-members-page.h"
#include "dlg-notes-page.h"
#include "dlg-practices-page.h"
#include "dlg-window.h"

G_BEGIN_DECLS

struct _DlgWindow
{
  AdwApplicationWindow  parent_instance;

  DlgFeed              *feed;
  DlgLibrary           *library;
  DlgSubscription      *watched;  /* the current event, whose sync status shows */
  guint                 tick_id;
  guint                 sync_shown_id;
  guint                 switch_id;  /* a switch of event under way (see current_changed_cb) */
  gboolean              sync_shown; /* a sync has gone on long enough to say so */
  GSettings            *settings;

  /* Template widgets */
  GtkStack             *content_stack;
  AdwViewStack         *stack;
  DlgAgendaPage        *agenda_page;
  AdwToastOverlay      *toast_overlay;
  /* A close was held once for stars the store refused: the next one goes through. */
  gboolean              stars_close_warned;
  AdwBin               *members_slot;
  AdwBin               *practices_slot;
  AdwBin               *notes_slot;
  GtkStack             *practices_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *switcher_bar;
  GtkInfoBar           *banner;
  GtkLabel             *banner_title;
  GtkLabel             *banner_detail;
  GtkStack             *refresh_stack;
  GtkSpinner           *sync_spinner;
  DlgEventsPopover     *events_popover;

  GtkWindow            *help_overlay; /* made when first shown; weak */

  /* Made when first needed (see members_page ()). */
  DlgMembersPage       *members_page;
  DlgPracticesPage     *practices_page;
  DlgNotesPage         *notes_page;

  /* Panes hidden when the feed changed, which get it when they are shown. */
  gboolean              members_stale;
  gboolean              practices_stale;
  gboolean              agenda_stale;

  /* The library's feed waits for the first frame (see library_feed_changed_cb). */
  gboolean              painted;
  gboolean              fed;      /* the panes were told the feed, or that there is none */
  gulong                after_paint_id;
  guint                 feed_idle_id;
};

/* dlg-window.c */
void dlg_window_feed_notes_page   (DlgWindow *self);

/* dlg-window-events.c */
void dlg_window_add_event_actions (DlgWindow *self);
void dlg_window_watch_events      (DlgWindow *self);
void dlg_window_end_switch        (DlgWindow *self);

G_END_DECLS
