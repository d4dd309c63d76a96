/* dlg-cli-write.c: the files export-ics and export-vcf write with -o
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "dlg-cli.h"

gboolean
dlg_cli_write_file (const char  *path,
                    const char  *contents,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Replaced whole, as g_file_set_contents() does; but a failure names the file asked
   * for, where g_file_set_contents() named its temporary file ("forum.ics.NI6YZ3"), a name
   * the organiser never typed and cannot find. */
  return g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
