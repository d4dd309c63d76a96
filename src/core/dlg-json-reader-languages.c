/* dlg-json-reader-languages.c: texts given in several languages, read in the delegate's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-json-reader.h"

/* "id_ID.UTF-8@euro" -> "id_ID"; "C" and "POSIX" say nothing. */
GPtrArray *
dlg_json_normalise_languages (const char * const *languages)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *lang = g_strdup (languages[i]);
      char *end = lang + strcspn (lang, ".@");

      *end = '\0';
      if (lang[0] == '\0' || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        continue;
      g_ptr_array_add (result, g_steal_pointer (&lang));
    }

  return result;
}

/* Language tags compare without case, with "_" and "-" alike. */
static gboolean
language_equal (const char *a,
                const char *b,
                gsize       b_len)
{
  gsize i;

  for (i = 0; i < b_len; i++)
    {
      char ca = g_ascii_tolower (a[i]);
      char cb = g_ascii_tolower (b[i]);

      if (ca == '_')
        ca = '-';
      if (cb == '_')
        cb = '-';
      if (ca == '\0' || ca != cb)
        return FALSE;
    }

  return a[i] == '\0';
}

/* Whether @key reads as a language tag ("id", "en", "pt-BR", "zh_Hant"):
 * any other key of a text's object is a field of the organiser's own
 * (a draft, an internal note), never shown. */
static gboolean
is_language_tag (const char *key)
{
  gsize n = 0;

  while (g_ascii_isalpha (key[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (key[n] == '-' || key[n] == '_')
    {
      gsize start = ++n;

      while (g_ascii_isalnum (key[n]))
        n++;
      if (n - start < 2 || n - start > 8)
        return FALSE;
    }
  return key[n] == '\0';
}

/* The text of language @wanted (its first @wanted_len bytes) in @object,
 * or NULL when it has none, or only blank text. */
static char *
find_language (JsonObject *object,
               const char *wanted,
               gsize       wanted_len)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      if (is_language_tag (key) && language_equal (key, wanted, wanted_len)
          && dlg_json_node_is_string (node))
        {
          char *text = dlg_json_strip_or_null (json_node_get_string (node));

          if (text != NULL)
            return text;
        }
    }

  return NULL;
}

/* Text is a string, or an object of language codes to strings; pick the
 * best language: each preference, then its base language ("id" for
 * "id_ID"), then English, then the first language given.  Blank text
 * counts as missing in every language, as it does in a plain string, so
 * that a language left empty falls back to another one: a feed must not
 * read as complete in English and lack a title in Indonesian. */
gboolean
dlg_json_resolve_text (GPtrArray   *languages,
                       JsonNode    *node,
                       const char  *path,
                       char       **out,
                       GError     **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  char *chosen = NULL;

  if (dlg_json_node_is_string (node))
    {
      *out = dlg_json_strip_or_null (json_node_get_string (node));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return dlg_json_invalid (error, _("%s: expected text, or an object of languages and texts"),
                             path);

  object = json_node_get_object (node);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (is_language_tag (key) && !dlg_json_node_is_string (member)
          && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *where = dlg_json_path_key (path, key);
          return dlg_json_invalid (error, _("%s: expected text"), where);
        }
    }

  for (guint i = 0; chosen == NULL && i < languages->len; i++)
    {
      const char *lang = g_ptr_array_index (languages, i);

      chosen = find_language (object, lang, strlen (lang));
      if (chosen == NULL)
        chosen = find_language (object, lang, strcspn (lang, "_-"));
    }

  if (chosen == NULL)
    chosen = find_language (object, "en", 2);

  json_object_iter_init_ordered (&iter, object);
  while (chosen == NULL && json_object_iter_next_ordered (&iter, &key, &member))
    if (is_language_tag (key) && dlg_json_node_is_string (member))
      chosen = dlg_json_strip_or_null (json_node_get_string (member));

  *out = chosen;
  return TRUE;
}

/* What dlg_json_resolve_text() did not pick: the text of every other language of @node
 * (read by it already), trimmed, once each and never @shown's.  Delegates reading another
 * language are shown these; a search must find them too. */
GPtrArray *
dlg_json_other_texts (JsonNode   *node,
                      const char *shown)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return texts;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *text = NULL;

      if (!is_language_tag (key) || !dlg_json_node_is_string (member))
        continue;
      text = dlg_json_strip_or_null (json_node_get_string (member));
      if (text != NULL && g_strcmp0 (text, shown) != 0 &&
          !g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL))
        g_ptr_array_add (texts, g_steal_pointer (&text));
    }

  return texts;
}

gboolean
dlg_json_read_text (GPtrArray   *languages,
                    JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    gboolean     required,
                    char       **out,
                    GError     **error)
{
  JsonNode *node = dlg_json_lookup (object, key);
  g_autofree char *where = dlg_json_path_key (path, key);
  g_autofree char *value = NULL;

  if (node != NULL && !dlg_json_resolve_text (languages, node, where, &value, error))
    return FALSE;

  if (value == NULL && required)
    return dlg_json_invalid (error, _("%s: required, but missing"), where);

  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}
