/* dlg-json-load.h: reading a JSON document into json-glib's tree, quickly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The tree json_parser_load_from_data() makes of strict JSON (an object or
 * an array at the top), built directly from the bytes; NULL when @data is
 * anything else, which it leaves to json-glib. */
JsonNode *dlg_json_load_strict (const char *data,
                                gsize       size);

/* Reads @data as json_parser_load_from_data() does, with the same result and
 * the same errors: through dlg_json_load_strict() when it can, else through
 * json-glib.  On success, *@root is the document's value, or NULL for an
 * empty document. */
gboolean  dlg_json_load        (const char  *data,
                                gsize        size,
                                JsonNode   **root,
                                GError     **error);

/* Reads a document from outside (a feed, a schedule, a delegate's saved
 * file): what json-glib must never see is refused first
 * (dlg_json_precheck()), the rest is read by dlg_json_load().  On failure,
 * @error says what is wrong in plain words, valid UTF-8, and *@line and
 * *@column (either may be NULL) where it is, when that is known (else both
 * are 0). */
gboolean  dlg_json_read        (const char  *data,
                                gsize        size,
                                JsonNode   **root,
                                int         *line,
                                int         *column,
                                GError     **error);

/* What went wrong in a document, and where: "line 3, column 7: unexpected
 * end of data", from dlg_json_read()'s @error, @line and @column. */
char     *dlg_json_describe    (const GError *error,
                                int           line,
                                int           column);

G_END_DECLS
