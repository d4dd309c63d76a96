/* main.c: start Delegate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dlg-application.h"
#include "dlg-relayout.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlgApplication) app = NULL;
  const char *localedir;

#ifdef __GLIBC__
  /* One malloc arena for all threads.  Events are read and parsed in worker threads: a
   * parse's JSON tree (some 14 MiB for a 2.7 MB feed) is freed once the model is built, and
   * with an arena per thread that memory stayed with the worker while the window grew
   * elsewhere.  One arena reuses it: 13 MiB less at the peak when a start had to parse a
   * 1,000-session event, and still 7 MiB less when it reads the event's packed form back
   * (docs/performance.md). */
  mallopt (M_ARENA_MAX, 1);
#endif

  /* Before anything logs: GLib takes one log writer, once. */
  dlg_relayout_install ();

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
