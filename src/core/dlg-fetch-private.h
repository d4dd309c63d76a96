/* dlg-fetch-private.h: what dlg-fetch.c and dlg-fetch-cut.c share to read a body's start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Skips a UTF-8 byte order mark at @p (a body's start, which ends at @end). */
const char *dlg_fetch_skip_bom    (const char *p,
                                   const char *end);

/* Skips a UTF-8 byte order mark at @p, then white space and what may come before a
 * document's first element: comments and an XML declaration (<?xml …?>) and, with
 * @whole_prolog, any other processing instruction or declaration (<!DOCTYPE …>) too.
 * Returns where the rest starts, or NULL when one of those never ends before @end. */
const char *dlg_fetch_skip_prolog (const char *p,
                                   const char *end,
                                   gboolean    whole_prolog);

G_END_DECLS
