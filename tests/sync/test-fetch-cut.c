/* test-fetch-cut.c: which bodies stop inside their document (dlg_fetch_body_cut_short), so
 * that a download broken off is told apart from a feed that is not valid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-fetch.h"

typedef struct
{
  const char *body;
  gboolean    cut;
} CutCase;

static const CutCase cases[] = {
  { "{\"delegate_feed\": 1, \"event\": {\"id\": \"a\"}}", FALSE },
  { "\xEF\xBB\xBF  {\"delegate_feed\": 1}\n", FALSE },
  { "{\"delegate_feed\": 1, \"event\": {", TRUE },
  { "{\"delegate_feed\": 1, \"title\": \"Rapat {kota", TRUE },
  /* Braces in a string, an escaped quote: not structure. */
  { "{\"title\": \"a } \\\" ] b\"}", FALSE },
  { "[1, 2", TRUE },
  /* Balanced but not valid: the feed's fault, not the network's. */
  { "{\"delegate_feed\": 1, \"event\" }", FALSE },
  { "not json at all", FALSE },
  { "", FALSE },
  { "<?xml version=\"1.0\"?>\n<schedule><conference/></schedule>\n", FALSE },
  { "<?xml version=\"1.0\"?><!-- a --><!DOCTYPE schedule>\n<schedule>x</schedule >"
    "<!-- end -->\n", FALSE },
  { "<schedule/>", FALSE },
  { "<?xml version=\"1.0\"?>\n<schedule><conference><title>Citynet</title></conf", TRUE },
  { "<?xml version=\"1.0\"?>\n<schedule><day>\n</day>", TRUE },
  { "<?xml version=\"1.0\"?>\n<sched", TRUE },
  { "<?xml version=", TRUE },
};

static void
test_cut (gconstpointer data)
{
  const CutCase *cut_case = data;
  g_autoptr(GBytes) body = g_bytes_new_static (cut_case->body, strlen (cut_case->body));

  g_assert_cmpint (dlg_fetch_body_cut_short (body), ==, cut_case->cut);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fetch/cut-short/%u", i);

      g_test_add_data_func (path, &cases[i], test_cut);
    }

  return g_test_run ();
}
