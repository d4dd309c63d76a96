/* dlg-file.h: reading a feed from a local file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most a feed, a schedule or a section may weigh, downloaded or read
 * from a file: a congress of a thousand sessions is some 2 MB. */
#define DLG_FILE_MAX_SIZE (32 * 1024 * 1024)

/* The contents of @file, when it is a regular file of at most @max_size
 * bytes.  Anything else fails without reading it all: a device such as
 * /dev/zero (G_IO_ERROR_NOT_REGULAR_FILE) and a larger file
 * (G_IO_ERROR_MESSAGE_TOO_LARGE), each with a message in plain words. */
GBytes *dlg_file_load_limited (GFile         *file,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               GError       **error);

/* Sets G_IO_ERROR_MESSAGE_TOO_LARGE, "larger than 33.6 MB, the most Delegate accepts"; FALSE. */
gboolean dlg_file_too_large    (gsize          max_size,
                                GError       **error);

G_END_DECLS
