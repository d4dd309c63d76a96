/* dlg-member.h: a member city, regency or organisation, and its delegates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-person.h"

G_BEGIN_DECLS

typedef enum
{
  DLG_MEMBER_KIND_OTHER,
  DLG_MEMBER_KIND_KOTA,        /* city */
  DLG_MEMBER_KIND_KABUPATEN,   /* regency */
  DLG_MEMBER_KIND_PROVINCE,
  DLG_MEMBER_KIND_ORGANISATION /* a ministry, a network, a company */
} DlgMemberKind;

/* A GEnum; nicks are the feed's words: "kota", "kabupaten", "provinsi",
 * "organisation", "other". */
#define DLG_TYPE_MEMBER_KIND (dlg_member_kind_get_type ())
GType dlg_member_kind_get_type (void) G_GNUC_CONST;

#define DLG_TYPE_MEMBER (dlg_member_get_type ())
G_DECLARE_FINAL_TYPE (DlgMember, dlg_member, DLG, MEMBER, GObject)

const char    *dlg_member_get_id           (DlgMember *self);
const char    *dlg_member_get_name         (DlgMember *self);
DlgMemberKind  dlg_member_get_kind         (DlgMember *self);
const char    *dlg_member_get_province     (DlgMember *self); /* nullable */
const char    *dlg_member_get_region       (DlgMember *self); /* island or region, nullable */
guint          dlg_member_get_joined       (DlgMember *self); /* year, 0 when not given */
const char    *dlg_member_get_head_title   (DlgMember *self); /* "Bupati", nullable */
const char    *dlg_member_get_head_name    (DlgMember *self); /* nullable */
const char    *dlg_member_get_website      (DlgMember *self); /* nullable, http(s) only */
const char    *dlg_member_get_email        (DlgMember *self); /* nullable */
const char    *dlg_member_get_phone        (DlgMember *self); /* nullable */
const char    *dlg_member_get_address      (DlgMember *self); /* nullable */
gboolean       dlg_member_get_coordinates  (DlgMember *self,
                                            double    *latitude,
                                            double    *longitude);
const char    *dlg_member_get_smart_city   (DlgMember *self); /* status text, nullable */
/* The programme the member takes part in, e.g. "Gerakan Menuju 100 Smart
 * City" (nullable), and whether its Smart City masterplan is ready: FALSE
 * with *known FALSE when the feed does not say. */
const char    *dlg_member_get_smart_city_programme  (DlgMember *self);
gboolean       dlg_member_get_smart_city_masterplan (DlgMember *self,
                                                     gboolean  *known);
const char    *dlg_member_get_description  (DlgMember *self); /* nullable */
/* Also the properties "has-coordinates", "latitude" and "longitude",
 * "smart-city-programme", "has-smart-city-masterplan" and
 * "smart-city-masterplan". */
/* GListModel of DlgPerson: the member's delegates to this event. */
GListModel    *dlg_member_get_delegates    (DlgMember *self);

/* A member's or delegate's phone number as written in the feed, as the tel: URI that dials
 * it ("+62 (0)380 821-1234" is tel:+62-380-821-1234); NULL when it has no digit. */
char          *dlg_member_phone_uri        (const char *phone);
/* The numbers a phone field holds, each as written (trimmed): an office often gives two,
 * "0380 821 000 / 0812 3456 789" or "(0380) 821000, 081234567890".  A "/" or "," parts two
 * numbers when what follows it begins, past spaces and brackets, with "+" or "0", as a whole
 * number does, or gives only the last digits of another (fewer digits than the number
 * before, four at most if they begin with "0"): "0380 821000/821001" or "0380-821000/01"
 * is 0380 821000 and 0380 821001, the second laid out as the first.  Anything else ("ext.
 * 12") stays part of the number before.  At least one string for any @phone but NULL. */
char         **dlg_member_phone_numbers    (const char *phone);

G_END_DECLS
