/* dlg-vcard.h: members and their delegates as vCard 3.0 (RFC 2426)
 *
 * A member is an organisation's card (an empty N, FN, ORG,
 * X-ABShowAs:COMPANY, ADR, TEL, EMAIL, URL, GEO, NOTE); each of its
 * delegates a person's card with N, FN, ORG and TITLE.  A mobile number
 * is TYPE=CELL.  Lines end
 * in CRLF and are folded at 75 octets, never inside a UTF-8 character;
 * text escapes backslash, comma, semicolon and newlines.  UIDs come from
 * the member's id (and the delegate's name, and which of that name it is),
 * so exporting the same feed again updates the contacts instead of adding
 * copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-member.h"

G_BEGIN_DECLS

/* Appends @member's card, then its delegates' cards, to @out. */
void   dlg_vcard_append_member  (GString    *out,
                                 DlgMember  *member);
/* All cards of @members, a GListModel of DlgMember: a .vcf file. */
char  *dlg_vcard_from_members   (GListModel *members);

/* The pieces, for tests and for whoever writes other cards. */
char  *dlg_vcard_escape_text    (const char *text);
void   dlg_vcard_append_line    (GString    *out,
                                 const char *line);
char  *dlg_vcard_uid            (const char *seed);
/* @name as the value of N, Family;Given;Additional;Prefixes;Suffixes:
 * "Dr. Ayu Pratiwi, M.Si" is "Pratiwi;Ayu;;Dr.;M.Si", "Sari" ";Sari;;;". */
char  *dlg_vcard_name           (const char *name);

G_END_DECLS
