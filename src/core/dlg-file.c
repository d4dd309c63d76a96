/* dlg-file.c: reading a feed from a local file
 *
 * A feed on a USB stick names its sections by path, and the app reads its
 * local feeds at each start: a section at /dev/zero, or a file of
 * gigabytes, must fail as a download of that size fails, not take all the
 * laptop's memory first (g_file_load_bytes() reads until the end).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-file.h"

#define CHUNK_SIZE (64 * 1024)

gboolean
dlg_file_too_large (gsize    max_size,
                    GError **error)
{
  g_autofree char *limit = g_format_size (max_size);

  /* Translators: why a feed file is refused, e.g. "larger than 33.6 MB, the most Delegate accepts" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("larger than %s, the most Delegate accepts"), limit);
  return FALSE;
}

GBytes *
dlg_file_load_limited (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Asked before opening: opening a FIFO waits for a writer, for ever. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) < 0 || (guint64) g_file_info_get_size (info) > max_size)
    {
      dlg_file_too_large (max_size, error);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* The file may grow while it is read. */
  buffer = g_byte_array_sized_new ((guint) g_file_info_get_size (info));
  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), CHUNK_SIZE,
                                                           cancellable, error);

      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        break;
      if (buffer->len + g_bytes_get_size (chunk) > max_size)
        {
          dlg_file_too_large (max_size, error);
          return NULL;
        }
      g_byte_array_append (buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
