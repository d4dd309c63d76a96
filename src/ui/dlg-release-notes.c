/* dlg-release-notes.c: the newest release's notes from the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-release-notes"

#include "config.h"

#include <string.h>

#include "dlg-release-notes.h"

/* The first <release> is read into a small tree, then written out with, of each element and
 * its xml:lang copies, only the one in the user's language. */
typedef struct _Node Node;
struct _Node
{
  char      *name;      /* NULL for text */
  char      *lang;      /* xml:lang, or NULL */
  GString   *text;      /* text nodes only */
  GPtrArray *children;  /* of Node, elements only */
  Node      *parent;
};

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->name);
  g_free (node->lang);
  if (node->text != NULL)
    g_string_free (node->text, TRUE);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node);
}

static Node *
node_new (Node       *parent,
          const char *name,
          const char *lang)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->lang = g_strdup (lang);
  node->children = g_ptr_array_new_with_free_func (node_free);
  node->parent = parent;
  if (parent != NULL)
    g_ptr_array_add (parent->children, node);

  return node;
}

typedef struct
{
  Node     *release;  /* the first <release>, once met */
  Node     *current;  /* the open element inside it, NULL outside */
  gboolean  done;
} ReleaseNotesParser;

static const char *
lookup_attribute (const char  *name,
                  const char **names,
                  const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (names[i], name) == 0)
        return values[i];
    }

  return NULL;
}

static void
notes_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  ReleaseNotesParser *p = user_data;
  const char *lang = lookup_attribute ("xml:lang", attribute_names, attribute_values);

  if (p->done)
    return;

  if (p->current != NULL)
    p->current = node_new (p->current, element_name, lang);
  else if (g_strcmp0 (element_name, "release") == 0)
    {
      p->release = node_new (NULL, element_name, NULL);
      p->release->text = g_string_new (lookup_attribute ("version", attribute_names,
                                                         attribute_values));
      p->current = p->release;
    }
}

static void
notes_end_element (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  ReleaseNotesParser *p = user_data;

  if (p->done || p->current == NULL)
    return;

  p->current = p->current->parent;
  if (p->current == NULL)
    p->done = TRUE;
}

static void
notes_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  ReleaseNotesParser *p = user_data;
  Node *node;

  if (p->done || p->current == NULL || p->current == p->release)
    return;

  node = node_new (p->current, NULL, NULL);
  node->text = g_string_new_len (text, text_len);
}

/* xml:lang="pt-BR" is g_get_language_names()'s "pt_BR". */
static gboolean
lang_matches (const char *xml_lang,
              const char *language)
{
  for (; *xml_lang != '\0' && *language != '\0'; xml_lang++, language++)
    {
      char a = *xml_lang == '-' ? '_' : g_ascii_tolower (*xml_lang);
      char b = *language == '-' ? '_' : g_ascii_tolower (*language);

      if (a != b)
        return FALSE;
    }

  return *xml_lang == '\0' && *language == '\0';
}

/* Of an element and its translated copies, the one to show, or NULL. */
static Node *
pick_translation (GPtrArray          *group,
                  const char * const *languages)
{
  Node *untranslated = NULL;

  for (guint i = 0; i < group->len; i++)
    {
      Node *node = g_ptr_array_index (group, i);

      if (node->lang == NULL)
        untranslated = node;
    }

  for (guint l = 0; languages[l] != NULL; l++)
    {
      if (g_strcmp0 (languages[l], "C") == 0)
        return untranslated;

      for (guint i = 0; i < group->len; i++)
        {
          Node *node = g_ptr_array_index (group, i);

          if (node->lang != NULL && lang_matches (node->lang, languages[l]))
            return node;
        }
    }

  return untranslated;
}

static void write_element (GString            *out,
                           Node               *node,
                           const char * const *languages);

/* Writes @parent's children, keeping of each element and the xml:lang copies right after it
 * only one.  Text counts only inside a paragraph or an item: between blocks it is layout. */
static void
write_children (GString            *out,
                Node               *parent,
                const char * const *languages)
{
  static const char * const blocks[] = { "release", "description", "ul", "ol", NULL };
  gboolean keep_text = !g_strv_contains (blocks, parent->name);
  g_autoptr(GPtrArray) group = g_ptr_array_new ();

  for (guint i = 0; i <= parent->children->len; i++)
    {
      Node *node = i < parent->children->len ? g_ptr_array_index (parent->children, i) : NULL;
      Node *first = group->len > 0 ? g_ptr_array_index (group, 0) : NULL;

      /* Layout between an element and its copies leaves the group open. */
      if (node != NULL && node->name == NULL && !keep_text)
        continue;

      if (node != NULL && node->name != NULL && node->lang != NULL && first != NULL &&
          g_strcmp0 (node->name, first->name) == 0)
        {
          g_ptr_array_add (group, node);
          continue;
        }

      if (group->len > 0)
        {
          Node *picked = pick_translation (group, languages);

          if (picked != NULL)
            write_element (out, picked, languages);
          g_ptr_array_set_size (group, 0);
        }

      if (node == NULL)
        break;

      if (node->name == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (node->text->str, node->text->len);

          g_string_append (out, escaped);
        }
      else
        g_ptr_array_add (group, node);
    }
}

static void
write_element (GString            *out,
               Node               *node,
               const char * const *languages)
{
  static const char * const allowed[] = { "p", "ul", "ol", "li", "em", "code", NULL };

  if (g_strcmp0 (node->name, "description") == 0 && g_strcmp0 (node->parent->name, "release") == 0)
    write_children (out, node, languages);
  else if (g_strv_contains (allowed, node->name) && g_strcmp0 (node->parent->name, "release") != 0)
    {
      g_string_append_printf (out, "<%s>", node->name);
      write_children (out, node, languages);
      g_string_append_printf (out, "</%s>", node->name);
    }
}

char *
dlg_release_notes_from_metainfo (const char         *data,
                                 gssize              size,
                                 const char * const *languages,
                                 char              **version,
                                 GError            **error)
{
  static const GMarkupParser parser = {
    notes_start_element, notes_end_element, notes_text, NULL, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  ReleaseNotesParser p = { 0 };
  GString *notes;

  g_return_val_if_fail (data != NULL, NULL);

  if (version != NULL)
    *version = NULL;
  if (languages == NULL)
    languages = g_get_language_names ();

  context = g_markup_parse_context_new (&parser, 0, &p, NULL);
  if (!g_markup_parse_context_parse (context, data, size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_clear_pointer (&p.release, node_free);
      return NULL;
    }

  if (p.release == NULL)
    return NULL;

  notes = g_string_new (NULL);
  write_children (notes, p.release, languages);
  if (version != NULL && p.release->text->len > 0)
    *version = g_strdup (p.release->text->str);
  node_free (p.release);

  if (notes->len == 0)
    {
      g_string_free (notes, TRUE);
      if (version != NULL)
        g_clear_pointer (version, g_free);
      return NULL;
    }

  return g_string_free (notes, FALSE);
}
