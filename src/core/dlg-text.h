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

/* @text without its HTML comments ("<!-- to confirm -->"); one left open runs to the end.
 * For Markdown, whose readers never see them. */
char *dlg_text_without_comments (const char *text);

G_END_DECLS
