/* dlg-session-search.c: finding sessions as a delegate types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-search"

#include "config.h"

#include <string.h>

#include "dlg-models-private.h"
#include "dlg-session-search.h"

char *
dlg_search_fold (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* One pass, ASCII inline: a search key is made for every session of a
   * congress at the first keystroke, so this must be quick. */
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c, parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      /* "é" is "e" and a mark; "ﬁ" is "fi": drop the marks, lower the rest. */
      n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
      for (gsize i = 0; i < n; i++)
        if (!g_unichar_ismark (parts[i]))
          g_string_append_unichar (out, g_unichar_tolower (parts[i]));

      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

char *
dlg_session_search_key (DlgSession *session,
                        DlgFeed    *feed)
{
  g_autoptr(GString) all = g_string_new (NULL);
  const char * const *persons = dlg_session_get_persons (session);
  const char * const *members = dlg_session_get_members (session);
  const char *parts[] = {
    dlg_session_get_title (session),
    dlg_session_get_subtitle (session),
    dlg_session_get_room (session),
    dlg_session_get_track (session),
    dlg_session_get_abstract (session),
    dlg_session_get_description (session),
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_c (g_string_append (all, parts[i]), '\n');
  for (guint i = 0; persons[i] != NULL; i++)
    g_string_append_c (g_string_append (all, persons[i]), '\n');
  /* The feed's other languages: delegates hear and read those too, on slides and in talks. */
  if (session->other_languages != NULL)
    g_string_append (all, session->other_languages);

  /* The members presenting it, by the names the session shows them under ("Kabupaten
   * Banyuwangi"), which the title in another language may not say. */
  for (guint i = 0; feed != NULL && members != NULL && members[i] != NULL; i++)
    {
      DlgMember *member = dlg_feed_find_member (feed, members[i]);

      if (member != NULL && dlg_member_get_name (member) != NULL)
        g_string_append_c (g_string_append (all, dlg_member_get_name (member)), '\n');
    }

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
