/* dlg-cli-ics.c: delegate-feed export-ics SOURCE [-o FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dlg-cli.h"
#include "dlg-ics.h"
#include "dlg-source.h"

int
dlg_cli_export_ics (int    argc,
                    char **argv)
{
  static const char * const languages[] = { "en", NULL };
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  const char *source = NULL;
  const char *output = NULL;
  gboolean wrong = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        output = argv[++i];
      else if (source == NULL && argv[i][0] != '-')
        source = argv[i];
      else
        wrong = TRUE;
    }

  if (source == NULL || wrong)
    {
      g_printerr ("%s\n", _("Usage: delegate-feed export-ics SOURCE [-o FILE]"));
      return 2;
    }

  feed = dlg_source_load (source, languages, NULL, &error);
  if (feed == NULL)
    {
      dlg_cli_printerr (_("%s: not usable:\n  %s\n"), source, error->message);
      return 1;
    }

  ics = dlg_ics_export (feed, NULL, NULL, 0);

  if (output == NULL || g_str_equal (output, "-"))
    {
      fwrite (ics, 1, strlen (ics), stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }

  if (!dlg_cli_write_file (output, ics, &error))
    {
      dlg_cli_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
