/* dlg-text-column.h: wrapping text beside a button, as wide as it asks whatever its height
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DLG_TYPE_TEXT_COLUMN (dlg_text_column_get_type ())
G_DECLARE_FINAL_TYPE (DlgTextColumn, dlg_text_column, DLG, TEXT_COLUMN, AdwBin)

G_END_DECLS
