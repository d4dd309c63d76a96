/* dlg-release-notes.h: the newest release's notes from the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The description of the first (newest) <release> in the metainfo @data, as the markup
 * AdwAboutWindow's release notes take (<p>, <ul>, <ol>, <li>, <em>, <code>; text escaped).
 *
 * The built metainfo carries, after each translatable element, xml:lang copies of it (as
 * msgfmt --xml writes them).  Of each element and its copies, the one in the first of
 * @languages that has one is kept (as g_get_language_names() lists them: "id_ID.UTF-8",
 * "id_ID", "id", ..., "C"), else the untranslated element.  @languages NULL means
 * g_get_language_names().
 *
 * Returns NULL when the metainfo has no release notes, or cannot be read (then @error is set).
 * @version, when not NULL, is set to the release's version (or NULL). */
char *dlg_release_notes_from_metainfo (const char         *data,
                                       gssize              size,
                                       const char * const *languages,
                                       char              **version,
                                       GError            **error);

G_END_DECLS
