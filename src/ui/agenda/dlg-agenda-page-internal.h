/* dlg-agenda-page-internal.h: the agenda pane's state, shared by the files that make it up
 *
 * dlg-agenda-page.c is the pane (its list, filters and feed); dlg-agenda-rows.c what the
 * session rows show (times, group headers, place, flags); dlg-agenda-stars.c the
 * delegate's stars; dlg-agenda-clock.c what follows the clock (now, the next start,
 * reminders).  Nothing outside the pane includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dlg-agenda-page-private.h"
#include "dlg-event-view.h"
#include "dlg-session-view.h"

G_BEGIN_DECLS

struct _DlgAgendaPage
{
  AdwBin              parent_instance;

  DlgFeed            *feed;
  DlgStore           *store;
  GSettings          *settings;
  GtkCustomFilter    *filter;
  GtkFilterListModel *visible;
  GListModel         *shown;         /* the first of them, more as the list scrolls */
  GtkSingleSelection *selection;
  GHashTable         *search_keys;   /* DlgSession* -> folded text */
  GHashTable         *starred;       /* key -> GINT_TO_POINTER (1) */
  GHashTable         *overlapping;   /* key of starred sessions that overlap another */
  GHashTable         *changes;       /* key -> DlgStarChange since the delegate last looked */
  GHashTable         *reminded;      /* "event session start" already reminded of */
  GStrv               terms;
  char               *room;          /* filter, NULL: all */
  char               *track;         /* filter, NULL: all */
  char               *shown_event_id; /* the event the filters and the open session are of */
  char               *reveal_key;    /* a session to show once the filter is done, or NULL */
  char               *reopened_key;  /* the session open before a sync, opened again by the
                                      * page, not by the delegate: its change not yet seen */
  char               *kept_key;      /* open, and unstarred in "My schedule": the list
                                      * lets it go, its page stays open */
  gboolean            reveal_open;   /* ...and to open, keyboard and all */
  gboolean            reveal_cleared; /* the filters hid it, and were cleared */
  gboolean            revealing;     /* clearing them: not yet to be shown */
  guint               reveal_idle_id;
  GDateTime          *next_start;    /* start of the next sessions, at the last tick */
  AdwToast           *stars_toast;   /* saying the stars are not saved, while it is up */
  guint               tick_id;

  /* Template widgets */
  GtkStack           *page_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkDropDown        *day_dropdown;
  GtkButton          *now_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *room_dropdown;
  GtkDropDown        *track_dropdown;
  GtkToggleButton    *mine_button;
  GtkWidget          *gone_box;
  GtkLabel           *gone_label;
  GtkWidget          *notice_box;
  GtkToggleButton    *notice_more_button;
  GtkLabel           *notice_label;
  GtkStack           *list_stack;
  AdwStatusPage      *list_empty_page;
  GtkListView        *list_view;
  GtkWidget          *back_button;
  GtkStack           *detail_stack;
  DlgEventView       *event_view;
  DlgSessionView     *session_view;
};

/* dlg-agenda-page.c */
gboolean  dlg_agenda_page_spans_days            (DlgAgendaPage *self);
/* Whether "My schedule", the room, the track and the search let @session through, whatever
 * its day. */
gboolean  dlg_agenda_page_filters_show          (DlgAgendaPage *self,
                                                 DlgSession    *session);
/* The session the detail shows: the list's selected one, or one kept open (kept_key). */
DlgSession *dlg_agenda_page_detail_session      (DlgAgendaPage *self);
void      dlg_agenda_page_open                  (DlgAgendaPage *self,
                                                 guint          position);
void      dlg_agenda_page_rows_changed          (DlgAgendaPage *self);
void      dlg_agenda_page_refilter              (DlgAgendaPage *self,
                                                 GtkFilterChange change);

/* dlg-agenda-rows.c */
char     *dlg_agenda_page_format_time_with_zone (DlgAgendaPage *self,
                                                 DlgSession    *session);

/* dlg-agenda-stars.c */
const char *dlg_agenda_page_event_id            (DlgAgendaPage *self);
void      dlg_agenda_page_load_stars            (DlgAgendaPage *self);
void      dlg_agenda_page_stars_error_cb        (DlgAgendaPage *self);
void      dlg_agenda_page_stars_changed_cb      (DlgAgendaPage *self,
                                                 const char    *changed_event_id);
void      dlg_agenda_page_remove_gone_cb        (DlgAgendaPage *self);
void      dlg_agenda_page_show_detail_star      (DlgAgendaPage *self);
void      dlg_agenda_page_detail_star_cb        (DlgAgendaPage *self);

/* dlg-agenda-clock.c */
void      dlg_agenda_page_reveal                (DlgAgendaPage *self,
                                                 DlgSession    *session,
                                                 gboolean       open);
void      dlg_agenda_page_show_now              (DlgAgendaPage *self);
void      dlg_agenda_page_finish_reveal         (DlgAgendaPage *self);
DlgDay   *dlg_agenda_page_today                 (DlgAgendaPage *self,
                                                 GDateTime     *now);
void      dlg_agenda_page_select_day            (DlgAgendaPage *self,
                                                 guint          index);
void      dlg_agenda_page_find_next_start       (DlgAgendaPage *self,
                                                 GDateTime     *now);
gboolean  dlg_agenda_page_tick                  (gpointer       user_data);
guint     dlg_agenda_page_reminder_minutes      (DlgAgendaPage *self);

G_END_DECLS
