/* dlg-contact-line.h: one way to reach a member or delegate, to open or copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  DLG_CONTACT_WEBSITE,
  DLG_CONTACT_EMAIL,
  DLG_CONTACT_PHONE,
  DLG_CONTACT_ADDRESS   /* copied only: nothing to open */
} DlgContactKind;

#define DLG_TYPE_CONTACT_LINE (dlg_contact_line_get_type ())
G_DECLARE_FINAL_TYPE (DlgContactLine, dlg_contact_line, DLG, CONTACT_LINE, GtkWidget)

/* Shows @text (hidden when NULL or empty) with a button that opens it
 * through the "page.open-link" action (https:, mailto:, tel:) and one
 * that copies it through "page.copy". */
void     dlg_contact_line_set      (DlgContactLine *self,
                                    DlgContactKind  kind,
                                    const char     *text);
/* The URI the link opens: NULL for an address, or when @text cannot be
 * made into a safe link. */
char    *dlg_contact_uri           (DlgContactKind  kind,
                                    const char     *text);
gboolean dlg_contact_uri_is_safe   (const char     *uri);

G_END_DECLS
