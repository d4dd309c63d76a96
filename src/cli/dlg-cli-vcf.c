/* dlg-cli-vcf.c: delegate-feed export-vcf SOURCE [-o FILE], SOURCE a path or URL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dlg-cli.h"
#include "dlg-feed.h"
#include "dlg-source.h"
#include "dlg-vcard.h"

int
dlg_cli_export_vcf (int    argc,
                    char **argv)
{
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cards = NULL;
  const char *source = NULL;
  const char *output = NULL;
  guint n_members;

  for (int i = 1; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        output = argv[++i];
      else if (g_str_has_prefix (argv[i], "--output="))
        output = argv[i] + strlen ("--output=");
      else if (source == NULL && argv[i][0] != '-')
        source = argv[i];
      else
        source = NULL, i = argc; /* wrong usage */
    }

  if (source == NULL)
    {
      g_printerr ("%s\n", _("Usage: delegate-feed export-vcf SOURCE [-o FILE]"));
      return 2;
    }

  /* A path or URL; text in the delegate's language, as the app shows it. */
  feed = dlg_source_load (source, NULL, NULL, &error);
  if (feed == NULL)
    {
      dlg_cli_printerr (_("%s: not usable:\n  %s\n"), source, error->message);
      return 1;
    }

  cards = dlg_vcard_from_members (dlg_feed_get_members (feed));

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (cards, 1, strlen (cards), stdout) != strlen (cards) || fflush (stdout) != 0)
        {
          g_printerr (_("delegate-feed: cannot write the contacts: %s\n"), g_strerror (errno));
          return 1;
        }
      return 0;
    }

  if (!dlg_cli_write_file (output, cards, &error))
    {
      dlg_cli_printerr (_("delegate-feed: cannot write the contacts: %s\n"), error->message);
      return 1;
    }

  n_members = g_list_model_get_n_items (dlg_feed_get_members (feed));
  /* Translators: the feed's path or URL, how many members, the file written */
  dlg_cli_printerr (g_dngettext (NULL, "%s: %u member written to %s\n",
                                 "%s: %u members written to %s\n", n_members),
                    source, n_members, output);
  return 0;
}
