/* main.c: start Delegate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dlg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlgApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* Tests run the uninstalled app against a locale dir in the build tree. */
  localedir = g_getenv ("DELEGATE_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dlg_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
