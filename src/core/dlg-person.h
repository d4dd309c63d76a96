/* dlg-person.h: a delegate a member sends to the event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DLG_TYPE_PERSON (dlg_person_get_type ())
G_DECLARE_FINAL_TYPE (DlgPerson, dlg_person, DLG, PERSON, GObject)

const char    *dlg_person_get_name         (DlgPerson *self);
const char    *dlg_person_get_role         (DlgPerson *self); /* nullable */
const char    *dlg_person_get_email        (DlgPerson *self); /* nullable */
const char    *dlg_person_get_phone        (DlgPerson *self); /* nullable */

G_END_DECLS
