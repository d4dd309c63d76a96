/* dlg-store-internal.h: what the store's own files (dlg-store*.c) share: its fields, the
 * SQLite helpers (dlg-store-sqlite.c) and the writing of a resource (dlg-store-resources.c)
 *
 * Other core modules that keep tables in the store use dlg-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <sys/types.h>

#include "dlg-store-private.h"

G_BEGIN_DECLS

struct _DlgStore
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  GMutex    mutex;

  /* The file the connection opened, while it has one at @path (dlg_store_keep_file_locked()). */
  gboolean  file_known;
  dev_t     file_dev;
  ino_t     file_ino;

  /* dlg_store_open_in_memory_for(): the file the notes are to be kept in, and its store once
   * it opened, under their own lock (opening may wait 5 s for another program). */
  char     *keep_path;
  DlgStore *keeper;
  GMutex    keeper_mutex;

  /* dlg-store-stars.c: the stars the file refused, kept until it takes them (UnsavedStar,
   * oldest first, under the store's lock), why, and the next try. */
  GPtrArray *unsaved_stars;
  char      *stars_error;
  gboolean   stars_rescued;
  gboolean   stars_rescue_failed;  /* the last write of the rescue file failed */
  guint      stars_retry_id;
  /* A store in memory: its keeper's stars told to the panes (dlg_store_stars_file_opened()). */
  gboolean   stars_keeper_announced;
};

/* dlg-store-sqlite.c */
gboolean      dlg_store_set_sqlite_error (DlgStore           *self,
                                          GError            **error);
gboolean      dlg_store_exec             (DlgStore           *self,
                                          const char         *sql,
                                          GError            **error);
/* Ends the transaction begun with "BEGIN IMMEDIATE": COMMIT when @ok, else ROLLBACK (@error
 * set by the step that failed).  Whether it was all written. */
gboolean      dlg_store_finish           (DlgStore           *self,
                                          gboolean            ok,
                                          GError            **error);
sqlite3_stmt *dlg_store_prepare          (DlgStore           *self,
                                          const char         *sql,
                                          GError            **error);
gboolean      dlg_store_step_done        (DlgStore           *self,
                                          sqlite3_stmt       *stmt,
                                          GError            **error);
/* Prepares @sql, binds @key to ?1 and steps to its first row: the statement, on that row
 * when *@found, for the caller to finalize; NULL, with @error set, when the read failed
 * (never as if there were no row). */
sqlite3_stmt *dlg_store_query_one        (DlgStore           *self,
                                          const char         *sql,
                                          const char         *key,
                                          gboolean           *found,
                                          GError            **error);
gboolean      dlg_store_run_text         (DlgStore           *self,
                                          const char         *sql,
                                          const char         *first,
                                          const char         *second,
                                          GError            **error);
char         *dlg_store_column_text      (sqlite3_stmt       *stmt,
                                          int                 column);

/* dlg-store.c */
/* With the lock held: the file deleted or moved away while the app runs is written again at
 * its path from what the connection holds (SQLite would write on into the file no longer
 * there, lost at the next start).  Before each write of the delegate's notes and stars. */
void          dlg_store_keep_file_locked   (DlgStore         *self);
void          dlg_store_emit_stars_changed (DlgStore         *self,
                                            const char       *event_id);
void          dlg_store_notify_stars_error (DlgStore         *self);

/* dlg-store-stars.c */
GPtrArray    *dlg_store_new_unsaved_stars (void);
/* The stars a run that could not write them left in the runtime folder, written now (or kept
 * in memory while the file still refuses them). */
void          dlg_store_recover_stars    (DlgStore           *self);
/* For a store in memory, on the main thread: its file just opened (dlg_store_dup_keeper()),
 * the stars kept meanwhile are written into it, and the panes hear of those it held. */
void          dlg_store_stars_file_opened (DlgStore          *self);

/* dlg-store-resources.c */
gboolean      dlg_store_write_resource   (DlgStore           *self,
                                          const DlgResource  *resource,
                                          GError            **error);

G_END_DECLS
