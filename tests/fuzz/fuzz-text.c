/* fuzz-text.c: organisers' HTML or Markdown abstracts as plain text
 *
 * Abstracts come from JSON or XML, so valid UTF-8: the input is made
 * valid first.  What comes out is NULL (nothing readable) or non-empty
 * valid UTF-8 with "\n" line ends only, as a label shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dlg-text.h"
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
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *plain = dlg_text_to_plain (text);

  if (plain == NULL)
    return 0;
  fuzz_check_utf8 ("dlg_text_to_plain", plain, FALSE);
  if (plain[0] == '\0')
    fuzz_fail ("dlg_text_to_plain: an empty string instead of NULL");
  if (strchr (plain, '\r') != NULL)
    fuzz_fail ("dlg_text_to_plain: a carriage return left in");
  return 0;
}
