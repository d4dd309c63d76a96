/* dlg-practice.h: a published best-practice case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-link.h"

G_BEGIN_DECLS

#define DLG_TYPE_PRACTICE (dlg_practice_get_type ())
G_DECLARE_FINAL_TYPE (DlgPractice, dlg_practice, DLG, PRACTICE, GObject)

const char         *dlg_practice_get_id          (DlgPractice *self);
const char         *dlg_practice_get_title       (DlgPractice *self);
const char         *dlg_practice_get_member      (DlgPractice *self); /* member id, nullable */
const char         *dlg_practice_get_session     (DlgPractice *self); /* session key, nullable */
const char         *dlg_practice_get_summary     (DlgPractice *self); /* nullable */
/* The body as the feed wrote it (a safe Markdown subset); never markup. */
const char         *dlg_practice_get_body        (DlgPractice *self); /* nullable */
const char * const *dlg_practice_get_tags        (DlgPractice *self); /* never NULL */
/* GListModel of DlgLink (http(s) only), never NULL. */
GListModel         *dlg_practice_get_links       (DlgPractice *self);

G_END_DECLS
