/* fuzz-feed.c: the Delegate feed (JSON) parser
 *
 * Any bytes: a feed and no error, or an error and no feed.  Every string
 * of a feed parsed is valid UTF-8, every link http(s), the sessions in
 * order, the calendar and vCard exports of it well folded, and its packed
 * form (what the next start reads) read back as itself.  Sections
 * published apart are not fetched (no loader), they fail with an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-feed.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_feed_new_from_bytes (bytes, fuzz_languages, &error);

  fuzz_check_outcome ("dlg_feed_new_from_bytes", feed != NULL, error);
  if (feed != NULL)
    fuzz_check_feed (feed);
  else if (error->domain != DLG_FEED_ERROR)
    fuzz_fail ("an error outside DLG_FEED_ERROR: %s", error->message);
  return 0;
}
