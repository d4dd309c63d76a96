/* through-pack.h: run the feed tests on a feed read back from its packed form
 *
 * A start reads the saved event from its packed form (dlg-feed-pack.c), not from its JSON.
 * The feed tests therefore run twice: on the parsed feed, and on that feed packed and
 * unpacked (the same paths under /feed/packed/), where every field they check must have survived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "dlg-feed-pack.h"

static gboolean through_pack_mode;

/* Takes @feed; returns it, or in packed mode what its packed form reads back as. */
static inline DlgFeed *
through_pack (DlgFeed *feed)
{
  g_autoptr(DlgFeed) parsed = feed;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  DlgFeed *unpacked;

  if (!through_pack_mode)
    return g_steal_pointer (&parsed);

  packed = dlg_feed_pack (parsed);
  g_assert_nonnull (packed);
  unpacked = dlg_feed_unpack (packed, &error);
  g_assert_no_error (error);
  g_assert_true (DLG_IS_FEED (unpacked));
  /* Nothing lost on the way: what was read back packs to the same bytes. */
  again = dlg_feed_pack (unpacked);
  g_assert_true (g_bytes_equal (packed, again));
  return unpacked;
}

typedef void (*ThroughPackTest) (void);

static inline void
run_through_pack (gconstpointer test)
{
  through_pack_mode = TRUE;
  ((ThroughPackTest) test) ();
  through_pack_mode = FALSE;
}

/* Adds @test at @path ("/feed/...") and, packed, at "/feed/packed/...". */
static inline void
add_with_packed (const char      *path,
                 ThroughPackTest  test)
{
  g_autofree char *packed_path = g_strconcat ("/feed/packed", path + strlen ("/feed"), NULL);

  g_test_add_func (path, test);
  g_test_add_data_func (packed_path, (gconstpointer) test, run_through_pack);
}
