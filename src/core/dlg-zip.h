/* dlg-zip.h: a ZIP archive written in memory, its entries stored as they are
 *
 * Enough for an OpenDocument file, whose first entry must be stored uncompressed; a trip
 * report's few kilobytes gain nothing from compression.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlgZip DlgZip;

DlgZip *dlg_zip_new    (void);
/* Adds @name (ASCII, with "/" between folders) holding @size bytes of @data, after the
 * entries added before it. */
void    dlg_zip_add    (DlgZip     *zip,
                        const char *name,
                        const void *data,
                        gsize       size);
/* The archive; frees @zip. */
GBytes *dlg_zip_finish (DlgZip     *zip);

G_END_DECLS
