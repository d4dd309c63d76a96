/* dlg-cli-validate.c: delegate-feed validate SOURCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-cli.h"
#include "dlg-source.h"

int
dlg_cli_validate (int    argc,
                  char **argv)
{
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const languages[] = { "en", NULL };

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: delegate-feed validate SOURCE"));
      return 2;
    }

  /* A Delegate feed, a schedule.json or a schedule.xml; a path or a URL. */
  feed = dlg_source_load (argv[1], languages, NULL, &error);
  if (feed == NULL)
    {
      g_printerr (_("%s: not usable:\n  %s\n"), argv[1], error->message);
      return 1;
    }

  g_print (_("%s: usable: %u sessions, %u members, %u best practices\n"), argv[1],
           g_list_model_get_n_items (dlg_feed_get_sessions (feed)),
           g_list_model_get_n_items (dlg_feed_get_members (feed)),
           g_list_model_get_n_items (dlg_feed_get_practices (feed)));
  return 0;
}
