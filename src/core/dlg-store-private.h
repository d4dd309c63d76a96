/* dlg-store-private.h: the store's connection, for core modules that keep
 * their own tables in it (the notes, dlg-notes.c), the SQLite helpers they
 * share with the store, and the notes' one use of the store's own transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dlg-store.h"

G_BEGIN_DECLS

/* Takes the store's lock and returns its connection; every call must be
 * matched by dlg_store_unlock() from the same thread.  Keep the critical
 * section short: one statement or one transaction. */
sqlite3 *dlg_store_lock   (DlgStore *self);
void     dlg_store_unlock (DlgStore *self);

/* For a store of dlg_store_open_in_memory_for(): the store at its file, opened now if it can
 * be, or NULL with @error set; for any other store, NULL and no error. */
DlgStore *dlg_store_dup_keeper (DlgStore  *self,
                                GError   **error);
/* The same if it is open already, without trying to open it: else NULL. */
DlgStore *dlg_store_peek_keeper (DlgStore  *self);
/* The file the delegate's data belongs in: @self's, or the one a store of
 * dlg_store_open_in_memory_for() keeps the notes for (in memory: TRUE in *@in_memory). */
const char *dlg_store_get_file_path (DlgStore  *self,
                                     gboolean  *in_memory);

/* Every event's stars as pairs (event id, session key, event id, …), oldest first, those the
 * file refused (dlg_store_set_starred()) among them: the personal-data export. */
GPtrArray *dlg_store_list_all_starred (DlgStore *self);

/* Why SQLite failed, in plain words for the delegate ("the disk is full"),
 * from @rc, the extended code of @db's last error (sqlite3_extended_errcode())
 * or of an open that gave no connection (@db NULL); SQLite's own English for
 * the rare others. */
const char *dlg_store_sqlite_reason (sqlite3 *db,
                                     int      rc);

/* Binds @text to parameter @index of @stmt, or NULL when @text is NULL (dlg-store-sqlite.c). */
void     dlg_store_bind_text (sqlite3_stmt *stmt,
                              int           index,
                              const char   *text);

/* dlg_notes_adopt() for a caller that holds the lock, inside its own
 * transaction (the sync storing an event's first copy, dlg-store-subscriptions.c). */
gboolean dlg_notes_adopt_locked (sqlite3     *db,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error);

G_END_DECLS
