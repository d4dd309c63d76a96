/* dlg-store-private.h: the store's connection, for core modules that keep
 * their own tables in it (the notes, dlg-notes.c)
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

G_END_DECLS
