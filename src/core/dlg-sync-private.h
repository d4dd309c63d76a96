/* dlg-sync-private.h: what the parts of the sync share: its fields, one update's data, and
 * the steps one part hands over to another
 *
 * dlg-sync.c holds the entry points, the joined calls and the stored state an update starts
 * from; dlg-sync-http.c and dlg-sync-local.c get the new bytes; dlg-sync-commit.c parses and
 * writes them; dlg-sync-stored.c reads a saved event at a start and keeps parsed forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-fetch.h"
#include "dlg-sync.h"

G_BEGIN_DECLS

struct _DlgSync
{
  GObject          parent_instance;

  DlgStore        *store;
  SoupSession     *session;
  GNetworkMonitor *monitor;
  guint64          max_body_size;
  guint            total_timeout_ms;

  /* url -> the Flight syncing it (owned by its task, see update_done_cb) */
  GHashTable      *in_flight;

  /* Keeps parsed forms, one at a time, off the path to the screen (see dlg_sync_save_packed) */
  GThreadPool     *pack_saver;
};

typedef struct
{
  char          *url;
  GStrv          languages;
  DlgFetch      *feed;       /* the feed itself */
  GPtrArray     *sections;   /* DlgFetch, one per section published apart */
  guint          next_section;
  DlgSyncReport *report;
} UpdateData;

/* dlg-sync.c */
gboolean            dlg_sync_is_http                 (const char         *url);
/* What the store holds of @url: the feed's copy (NULL when nothing is saved yet) and a
 * DlgFetch, with its copy, for each section of the last good copy.  A failed read is
 * FALSE with a DLG_SYNC_ERROR_STORE error, never taken for nothing saved. */
gboolean            dlg_sync_read_stored             (DlgStore           *store,
                                                      const char         *url,
                                                      DlgResource       **feed,
                                                      GPtrArray         **sections,
                                                      GError            **error);
/* @error, the store's, as the sync of @url reports it (DLG_SYNC_ERROR_STORE). */
GError             *dlg_sync_store_error             (const char         *url,
                                                      const GError       *error);
/* @error, a section's (@url) fetch's, as the sync reports it: naming the section's address. */
GError             *dlg_sync_section_error           (const char         *url,
                                                      const GError       *error);
GBytes             *dlg_sync_current_body            (DlgFetch           *fetch);

/* dlg-sync-stored.c */
void                dlg_sync_save_packed_func        (gpointer            data,
                                                      gpointer            user_data);
void                dlg_sync_save_packed             (DlgSync            *self,
                                                      const char         *url,
                                                      GBytes             *packed,
                                                      const char         *digest,
                                                      const char * const *languages,
                                                      GBytes             *feed,
                                                      GPtrArray          *sections);

/* dlg-sync-commit.c */
GBytes             *dlg_sync_load_fetched_section_cb (const char         *section,
                                                      const char         *reference,
                                                      gpointer            user_data,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
GError             *dlg_sync_invalid_error           (const char         *url,
                                                      const GError       *error);
void                dlg_sync_parse_and_commit_thread (GTask              *task,
                                                      gpointer            source_object,
                                                      gpointer            task_data,
                                                      GCancellable       *cancellable);
void                dlg_sync_commit_thread           (GTask              *task,
                                                      DlgSync            *self,
                                                      DlgFeed            *parsed);
void                dlg_sync_touch_thread            (GTask              *task,
                                                      gpointer            source_object,
                                                      gpointer            task_data,
                                                      GCancellable       *cancellable);
void                dlg_sync_mark_ended_thread       (GTask              *task,
                                                      gpointer            source_object,
                                                      gpointer            task_data,
                                                      GCancellable       *cancellable);

/* dlg-sync-http.c */
void                dlg_sync_load_state_thread       (GTask              *task,
                                                      gpointer            source_object,
                                                      gpointer            task_data,
                                                      GCancellable       *cancellable);
void                dlg_sync_state_loaded_cb         (GObject            *object,
                                                      GAsyncResult       *result,
                                                      gpointer            user_data);

/* dlg-sync-local.c */
void                dlg_sync_local_update_thread     (GTask              *task,
                                                      gpointer            source_object,
                                                      gpointer            task_data,
                                                      GCancellable       *cancellable);

G_END_DECLS
