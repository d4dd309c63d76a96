/* dlg-json-reader.h: reading a JSON document with errors that name the place
 *
 * Every reader takes the JSON path of the object it reads from
 * ("members[3]") and, on failure, sets a DLG_FEED_ERROR_INVALID error whose
 * message starts with the path of the offending value
 * ("members[3].joined: expected a year").  Absent members and JSON null are
 * the same: missing.  Strings are trimmed; empty strings count as missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean    dlg_json_invalid             (GError     **error,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);
char       *dlg_json_path_key            (const char *path,
                                          const char *key);
char       *dlg_json_path_index          (const char *path,
                                          guint       index);
char       *dlg_json_path_name           (const char *path,
                                          const char *name);
JsonNode   *dlg_json_lookup              (JsonObject *object,
                                          const char *key);
gboolean    dlg_json_node_is_string      (JsonNode *node);
gboolean    dlg_json_node_is_integer     (JsonNode *node);
gboolean    dlg_json_node_is_number      (JsonNode *node);
char       *dlg_json_strip_or_null       (const char *text);
/* The 1-based line and column of byte @offset of @data. */
void        dlg_json_position            (const char *data,
                                          gsize       offset,
                                          int        *line,
                                          int        *column);
/* NULL when json-glib may read @data; else why not ("more than one
 * value", translated), with the line and column of the place. */
const char *dlg_json_precheck            (const char *data,
                                          gsize       size,
                                          int        *line,
                                          int        *column);
gboolean    dlg_json_require             (JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          JsonNode   **out,
                                          GError     **error);
gboolean    dlg_json_get_object          (JsonNode    *node,
                                          const char  *path,
                                          JsonObject **out,
                                          GError     **error);
gboolean    dlg_json_get_array           (JsonNode    *node,
                                          const char  *path,
                                          JsonArray  **out,
                                          GError     **error);
gboolean    dlg_json_read_string         (JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          gboolean     required,
                                          char       **out,
                                          GError     **error);
GPtrArray  *dlg_json_normalise_languages (const char * const *languages);
gboolean    dlg_json_resolve_text        (GPtrArray   *languages,
                                          JsonNode    *node,
                                          const char  *path,
                                          char       **out,
                                          GError     **error);
GPtrArray  *dlg_json_other_texts         (JsonNode    *node,
                                          const char  *shown);
gboolean    dlg_json_read_text           (GPtrArray   *languages,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          gboolean     required,
                                          char       **out,
                                          GError     **error);
char       *dlg_json_safe_url            (const char *text);
gboolean    dlg_json_read_url            (JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          char       **out,
                                          GError     **error);
gboolean    dlg_json_read_boolean        (JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          gboolean    *out,
                                          GError     **error);
gboolean    dlg_json_read_string_list    (JsonObject   *object,
                                          const char   *path,
                                          const char   *key,
                                          char       ***out,
                                          GError      **error);
gboolean    dlg_json_read_text_list      (GPtrArray    *languages,
                                          JsonObject   *object,
                                          const char   *path,
                                          const char   *key,
                                          char       ***out,
                                          GError      **error);
gboolean    dlg_json_parse_date          (const char *text,
                                          GDate      *date);
gboolean    dlg_json_read_date           (JsonObject  *object,
                                          const char  *path,
                                          const char  *key,
                                          gboolean     required,
                                          char       **out,
                                          GDate       *date,
                                          GError     **error);
gboolean    dlg_json_parse_duration      (const char *text,
                                          guint      *minutes);
gboolean    dlg_json_parse_clock         (const char *text,
                                          guint      *hour,
                                          guint      *minute);
/* A session's date and time, in the forms the feed's JSON Schema allows: RFC 3339 with the
 * seconds optional (with up to nine decimals), a "T", "t" or a space between date and time,
 * and an optional offset "Z", "+08", "+0800" or "+08:00" ("2019-10-16T09:00:00+08:00",
 * "2019-10-16 09:00").  Without an offset it is read in @zone.  NULL when @text is none
 * of these or names no time that exists; *@has_offset (nullable) tells whether it gave
 * its offset. */
GDateTime  *dlg_json_parse_instant       (const char *text,
                                          GTimeZone  *zone,
                                          gboolean   *has_offset);
/* The time zone a feed names in @path: an IANA name ("Asia/Makassar") or an offset from UTC
 * ("+08:00", "+0800", "+08", "Z"); NULL, with an error naming @path, for anything else. */
GTimeZone  *dlg_json_time_zone_new       (const char  *name,
                                          const char  *path,
                                          GError     **error);
/* "UTC+8", "GMT+07:00": a zone spelt as UTC or GMT and an offset, as the offset it means
 * ("+08:00"); NULL for anything else. */
char       *dlg_json_zone_offset_spelt   (const char  *name);
/* A zone of the system's database whose clock has, at each of the @n instants (seconds since
 * 1970, UTC), the offset given beside it (seconds east of UTC): the clock of an event whose
 * feed gives its sessions' offsets across a change of the clocks, but not its zone.  NULL when
 * no zone has them all. */
GTimeZone  *dlg_json_time_zone_keeping   (const gint64 *instants,
                                          const gint32 *offsets,
                                          guint         n);
gboolean    dlg_json_read_links          (JsonObject  *object,
                                          const char  *path,
                                          GListModel  *links,
                                          GError     **error);
gboolean    dlg_json_check_unique        (GHashTable  *index,
                                          const char  *id,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
