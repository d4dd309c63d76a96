/* dlg-session-search.c: finding sessions as a delegate types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-search"

#include "config.h"

#include <string.h>

#include "dlg-session-search.h"

char *
dlg_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, bare->len);
}

char *
dlg_session_search_key (DlgSession *session)
{
  g_autoptr(GString) all = g_string_new (NULL);
  const char * const *persons = dlg_session_get_persons (session);
  const char *parts[] = {
    dlg_session_get_title (session),
    dlg_session_get_subtitle (session),
    dlg_session_get_room (session),
    dlg_session_get_track (session),
    dlg_session_get_abstract (session),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (all, "%s\n", parts[i]);
  for (guint i = 0; persons[i] != NULL; i++)
    g_string_append_printf (all, "%s\n", persons[i]);

  return dlg_search_fold (all->str);
}

GStrv
dlg_search_terms (const char *query)
{
  g_autofree char *folded = dlg_search_fold (query);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);

  return g_strv_builder_end (builder);
}

gboolean
dlg_search_matches (const char         *key,
                    const char * const *terms)
{
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    if (strstr (key, terms[i]) == NULL)
      return FALSE;

  return TRUE;
}
