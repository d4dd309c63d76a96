/* dlg-day.h: one day of the agenda, as the organiser listed it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DLG_TYPE_DAY (dlg_day_get_type ())
G_DECLARE_FINAL_TYPE (DlgDay, dlg_day, DLG, DAY, GObject)

guint               dlg_day_get_index            (DlgDay   *self); /* 1-based, as in frab */
const char         *dlg_day_get_date             (DlgDay   *self); /* "YYYY-MM-DD" */
/* Number of sessions listed under this day. */
guint               dlg_day_get_n_sessions       (DlgDay   *self);

G_END_DECLS
