/* dlg-cli.h: the subcommands of delegate-feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each subcommand gets argv from its own name on ("validate", "SOURCE", ...)
 * and returns the process exit status: 0 success, 1 the input is not
 * usable, 2 wrong usage. */
typedef int (*DlgCliCommand) (int    argc,
                              char **argv);

int dlg_cli_validate   (int    argc,
                        char **argv);
int dlg_cli_export_ics (int    argc,
                        char **argv);
int dlg_cli_export_vcf (int    argc,
                        char **argv);

/* @text with its control characters, line breaks and tabs included, shown as "\u001b": safe
 * to print on a terminal however a feed was written. */
char *dlg_cli_printable  (const char  *text);

/* g_print() and g_printerr() of @format, each of its arguments (%s, %u only) through
 * dlg_cli_printable(): for every message that may quote a feed (an error, a warning) or a
 * path or URL.  The format's own line breaks stay. */
void  dlg_cli_print      (const char  *format,
                          ...) G_GNUC_PRINTF (1, 2);
void  dlg_cli_printerr   (const char  *format,
                          ...) G_GNUC_PRINTF (1, 2);

/* Writes @contents to @path (as typed: relative to the current folder), replacing it
 * whole; an error names @path. */
gboolean dlg_cli_write_file (const char  *path,
                             const char  *contents,
                             GError     **error);

G_END_DECLS
