/* dlg-text.h: organisers' HTML or Markdown as readable plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Turns an abstract or description, written in HTML, Markdown or plain
 * text with any line ends, into plain text: tags removed, entities
 * decoded, paragraphs kept apart by a blank line, list items on their own
 * lines starting with "• ", links kept as "text (URL)" (or the URL alone)
 * for http, https and mailto.  Returns NULL when nothing readable is left. */
char *dlg_text_to_plain (const char *text);

/* @text without what its organiser did not mean to be read: its HTML comments ("<!-- to
 * confirm -->") and text struck out ("<del>Aula Hotel Aston</del>", <s>, <strike>); one left
 * open runs to the end.  For Markdown, whose readers never see the one, and see the other
 * as withdrawn. */
char *dlg_text_without_unshown (const char *text);

G_END_DECLS
