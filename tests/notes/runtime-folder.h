/* runtime-folder.h: a runtime folder ($XDG_RUNTIME_DIR) of a test program's own, where the
 * notes that a full disk kept from being saved wait (dlg-note-saver.c), and its removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

/* @runtime made the user's runtime folder, before GLib first reads it. */
static inline void
runtime_folder_use (const char *runtime)
{
  g_mkdir_with_parents (runtime, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
}

/* @path removed, and all it holds (the saver's files; GIO's dbus-1/services). */
static inline void
runtime_folder_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        runtime_folder_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
