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

G_END_DECLS
