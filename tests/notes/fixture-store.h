/* fixture-store.h: a store of its own for each test, in a folder removed after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "dlg-store.h"

typedef struct
{
  char     *dir;
  char     *path;
  DlgStore *store;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("delegate-notes-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "delegate.db", NULL);
  f->store = dlg_store_open (f->path, NULL, &error);
  g_assert_no_error (error);
}

/* The store closed, then every file in the folder (the database, its -wal and -shm, and
 * whatever a test wrote beside it) removed. */
static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}
