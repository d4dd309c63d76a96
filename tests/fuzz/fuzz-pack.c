/* fuzz-pack.c: the packed form of a parsed feed, as a later start reads it from the store
 *
 * The store keeps every parsed feed packed (dlg-feed-pack.c) and reads that instead of
 * parsing again; a disk error or a damaged database can hand the reader any bytes.  It must
 * refuse them with an error or give a feed that keeps every promise a parsed one keeps.
 *
 * Each input is a pack without its first field, the tag naming the build that wrote it: the
 * target puts this build's tag in front, so that the fuzzer spends its time on the fields
 * (a tag of another build is refused at once, and the seeds stay good when the version
 * changes).  The seeds are the packs of the feed and schedule corpora, made by pack-seeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-feed-pack.h"
#include "fuzz-common.h"

static GBytes *tag;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  tag = fuzz_pack_tag ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) packed = g_byte_array_sized_new (g_bytes_get_size (tag) + size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = NULL;

  g_byte_array_append (packed, g_bytes_get_data (tag, NULL), g_bytes_get_size (tag));
  if (size > 0)
    g_byte_array_append (packed, data, size);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&packed));

  feed = dlg_feed_unpack (bytes, &error);
  fuzz_check_outcome ("dlg_feed_unpack", feed != NULL, error);
  if (feed != NULL)
    fuzz_check_feed (feed);
  else if (error->domain != DLG_FEED_ERROR)
    fuzz_fail ("an error outside DLG_FEED_ERROR: %s", error->message);
  return 0;
}
