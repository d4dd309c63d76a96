/* main.c: delegate-feed, Delegate's command-line tool for organisers and scripts
 *
 * It needs no display: it links the core only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "dlg-cli.h"

static const struct
{
  const char    *name;
  DlgCliCommand  run;
  const char    *usage;
} commands[] = {
  { "validate", dlg_cli_validate, N_("validate SOURCE      tell whether a feed is usable, and what is wrong") },
  { "export-ics", dlg_cli_export_ics, N_("export-ics SOURCE [-o FILE]  the sessions as an iCalendar file") },
  { "export-vcf", dlg_cli_export_vcf, N_("export-vcf SOURCE [-o FILE]  the members and their delegates as vCard 4.0 contacts") },
};

static int
usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: delegate-feed COMMAND [ARGUMENTS]"));
  fprintf (out, "%s\n", _("SOURCE is a path or URL of a Delegate feed, a schedule.json or a schedule.xml."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", _(commands[i].usage));
  return out == stderr ? 2 : 0;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("DELEGATE_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return usage (stdout);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("delegate-feed %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  dlg_cli_printerr (_("delegate-feed: unknown command “%s”\n"), argv[1]);
  return usage (stderr);
}
