/* fuzz-pack-tag.c: the first field of this build's packs, taken from a pack it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-feed-pack.h"
#include "fuzz-common.h"
#include "fuzz-pack.h"

GBytes *
fuzz_pack_tag (void)
{
  static const char minimal[] =
    "{\"delegate_feed\": 1, \"event\": {\"id\": \"t\", \"title\": \"T\","
    " \"time_zone\": \"Asia/Jakarta\", \"start\": \"2024-03-05\"}}";
  g_autoptr(GBytes) source = g_bytes_new_static (minimal, strlen (minimal));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (source, fuzz_languages, &error);
  g_autoptr(GBytes) packed = NULL;
  const guint8 *data;
  gsize size;
  guint32 length;

  if (feed == NULL)
    fuzz_fail ("the feed that gives the tag does not parse: %s", error->message);
  packed = dlg_feed_pack (feed);
  if (packed == NULL)
    fuzz_fail ("the feed that gives the tag does not pack");

  /* The tag is a string field: its length + 1, then its bytes. */
  data = g_bytes_get_data (packed, &size);
  if (size < sizeof length)
    fuzz_fail ("a pack shorter than its tag");
  memcpy (&length, data, sizeof length);
  if (length == 0 || length - 1 > size - sizeof length)
    fuzz_fail ("a pack whose tag runs past its end");
  return g_bytes_new (data, sizeof length + length - 1);
}
