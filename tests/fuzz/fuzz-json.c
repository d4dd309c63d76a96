/* fuzz-json.c: the quick JSON reader against json-glib (the target json)
 *
 * dlg_json_load_strict() builds json-glib's tree itself, for speed, and
 * leaves to json-glib whatever it does not read.  Whatever it does read,
 * json-glib must read too, to the same tree, node for node: else a feed
 * would mean one thing or another depending on which reader took it.  And
 * it must never read what dlg_json_precheck() refuses (json-glib's own
 * faults, which the app keeps from it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-json-load.h"
#include "dlg-json-reader.h"
#include "fuzz-common.h"
#include "../core/json-same.h"

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
  const char *text = (const char *) data;
  g_autoptr(JsonNode) strict = dlg_json_load_strict (text, size);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  int line, column;

  if (strict == NULL)
    return 0;

  if (dlg_json_precheck (text, size, &line, &column) != NULL)
    fuzz_fail ("read, but the precheck refuses it");

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, size, &error))
    fuzz_fail ("read, but json-glib refuses it: %s", error->message);
  if (json_parser_get_root (parser) == NULL)
    fuzz_fail ("read, but json-glib finds it empty");
  difference = json_same (strict, json_parser_get_root (parser), "$");
  if (difference != NULL)
    fuzz_fail ("read differently from json-glib at %s", difference);
  return 0;
}
