/* dlg-note-search.c: search across the delegate's notes and the cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-note-search"

#include "config.h"

#include <string.h>

#include "dlg-markdown.h"
#include "dlg-note-search.h"

gboolean
dlg_note_search_text (const char *haystack,
                      const char *query)
{
  g_autofree char *folded = NULL;
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;

  if (query == NULL || query[0] == '\0')
    return TRUE;
  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  folded_query = g_utf8_casefold (query, -1);
  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
dlg_note_search_practice (DlgPractice *practice,
                          const char  *query,
                          DlgFeed     *feed)
{
  g_autofree char *body = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *haystack = NULL;
  const char *member_id;
  DlgMember *member = NULL;

  g_return_val_if_fail (DLG_IS_PRACTICE (practice), FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;

  member_id = dlg_practice_get_member (practice);
  if (feed != NULL && member_id != NULL)
    member = dlg_feed_find_member (feed, member_id);
  body = dlg_markdown_to_plain (dlg_practice_get_body (practice));
  tags = g_strjoinv (" ", (char **) dlg_practice_get_tags (practice));
  haystack = g_strjoin ("\n",
                        dlg_practice_get_title (practice),
                        dlg_practice_get_summary (practice) != NULL
                        ? dlg_practice_get_summary (practice) : "",
                        body,
                        tags,
                        member != NULL ? dlg_member_get_name (member) : "",
                        NULL);
  return dlg_note_search_text (haystack, query);
}
