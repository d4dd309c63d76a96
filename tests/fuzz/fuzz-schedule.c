/* fuzz-schedule.c: a bare frab/pretalx schedule.json or frab/Pentabarf schedule.xml, read
 * as the app reads a source (the targets schedule-json and schedule-xml: one code, two
 * corpora and dictionaries)
 *
 * Through dlg_source_parse() without a base URI (so nothing is fetched):
 * the format is detected from the bytes, as for a subscription.  The same
 * promises as for a Delegate feed hold for whatever comes out.  Then as
 * `delegate-feed validate` reads it (dlg_source_parse_noting()): its verdict must be the app's,
 * and each warning readable text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-source.h"
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
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) noting_error = NULL;
  g_autoptr(DlgFeed) noted = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  (void) dlg_source_detect (bytes);
  feed = dlg_source_parse (bytes, NULL, fuzz_languages, NULL, &error);
  fuzz_check_outcome ("dlg_source_parse", feed != NULL, error);
  if (feed != NULL)
    fuzz_check_feed (feed);
  else if (error->domain != DLG_FEED_ERROR)
    fuzz_fail ("an error outside DLG_FEED_ERROR: %s", error->message);

  noted = dlg_source_parse_noting (bytes, NULL, fuzz_languages, notes, NULL, &noting_error);
  if ((noted != NULL) != (feed != NULL))
    fuzz_fail ("validate says %s where the app %s", noted != NULL ? "usable" : "unusable",
               feed != NULL ? "reads it" : "refuses it");
  for (guint i = 0; i < notes->len; i++)
    {
      const char *note = g_ptr_array_index (notes, i);

      if (note == NULL || *note == '\0' || !g_utf8_validate (note, -1, NULL))
        fuzz_fail ("a warning that is no text");
    }
  return 0;
}
