/* dlg-markdown-write.h: blocks of the Markdown subset written back as CommonMark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-markdown.h"

G_BEGIN_DECLS

/* Appends @blocks (of dlg_markdown_parse_full()) to @out as CommonMark that a Markdown
 * viewer reads as Delegate read them, and that Delegate's reader reads back to the same
 * blocks: every line break a hard one, every other mark escaped, the headings @shift levels
 * lower (at most 6).  No blank line after the last block. */
void dlg_markdown_write (GString   *out,
                         GPtrArray *blocks,
                         guint      shift);

G_END_DECLS
