/* test-agenda-page.c: the agenda pane's models, with a real schedule
 *
 * The tests are in agenda-page-*.c, by theme, and share agenda-page-fixture.h, which says
 * how the page is built and driven.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  agenda_page_add_detail_tests ();
  agenda_page_add_search_tests ();
  agenda_page_add_stars_tests ();
  agenda_page_add_now_tests ();
  agenda_page_add_times_tests ();
  agenda_page_add_lists_tests ();

  return g_test_run ();
}
