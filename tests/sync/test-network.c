/* test-network.c: which changes of the network start a sync at once (dlg_network_should_sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-network.h"

#define OFF(c)  { FALSE, G_NETWORK_CONNECTIVITY_##c }
#define ON(c)   { TRUE, G_NETWORK_CONNECTIVITY_##c }

typedef struct
{
  DlgNetworkState before;
  DlgNetworkState after;
  gboolean        sync;
} NetworkCase;

static const NetworkCase cases[] = {
  /* The delegate signed in on the venue's page: the Internet is there now. */
  { ON (PORTAL), ON (FULL), TRUE },
  { ON (LIMITED), ON (FULL), TRUE },
  { ON (LOCAL), ON (FULL), TRUE },
  /* Back after none at all, as before: even a venue's own network may serve the feed. */
  { OFF (LOCAL), ON (FULL), TRUE },
  { OFF (LOCAL), ON (PORTAL), TRUE },
  /* Nothing new worth a download, nor a storm of them on every notice. */
  { ON (FULL), ON (FULL), FALSE },
  { ON (PORTAL), ON (PORTAL), FALSE },
  { ON (LIMITED), ON (PORTAL), FALSE },
  { ON (FULL), ON (PORTAL), FALSE },
  { ON (FULL), OFF (LOCAL), FALSE },
  { OFF (LOCAL), OFF (LOCAL), FALSE },
  { OFF (FULL), OFF (FULL), FALSE },
};

static void
test_should_sync (gconstpointer data)
{
  const NetworkCase *network_case = data;

  g_assert_cmpint (dlg_network_should_sync (&network_case->before, &network_case->after), ==,
                   network_case->sync);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/network/should-sync/%u", i);

      g_test_add_data_func (path, &cases[i], test_should_sync);
    }

  return g_test_run ();
}
