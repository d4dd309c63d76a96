/* dlg-feed-lint.c: what an organiser should hear about a feed that loads
 *
 * The reader ignores fields it does not know, as the format promises, and drops addresses
 * it will not open: right for delegates, silent for the organiser who misspelt "time_zone"
 * or wrote "www.kupangkota.go.id".  `delegate-feed validate` says so, from this walk of the
 * document beside the published JSON Schema (delegate-feed-v1.schema.json, in the core's
 * resources), which names every field of every object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed-lint"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed-lint.h"
#include "dlg-json-load.h"
#include "dlg-json-reader.h"

#define SCHEMA_PATH RESOURCE_PATH "/delegate-feed-v1.schema.json"

typedef struct
{
  JsonObject *defs;      /* the schema's $defs */
  GPtrArray  *warnings;
} Lint;

static void walk (Lint *lint, JsonNode *node, JsonObject *schema, const char *path, guint depth);

/* The schema @schema stands for, through "$ref": "#/$defs/NAME"; *@name is NAME. */
static JsonObject *
resolve (Lint        *lint,
         JsonObject  *schema,
         const char **name)
{
  for (guint i = 0; i < 8 && schema != NULL && json_object_has_member (schema, "$ref"); i++)
    {
      const char *ref = json_object_get_string_member (schema, "$ref");

      if (ref == NULL || !g_str_has_prefix (ref, "#/$defs/") ||
          !json_object_has_member (lint->defs, ref + strlen ("#/$defs/")))
        return NULL;
      *name = ref + strlen ("#/$defs/");
      schema = json_object_get_object_member (lint->defs, *name);
    }
  return schema;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return "string";
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return "boolean";
      return "number";
    }
}

/* The forms @schema offers under @combinator ("oneOf", "anyOf"), or NULL: a schema with
 * its own properties or items is one form, whose "anyOf" of "required" lists only
 * constrains it (a session has a "date" or a "start"). */
static JsonArray *
form_choices (JsonObject *schema,
              const char *combinator)
{
  JsonNode *choices = json_object_get_member (schema, combinator);

  if (choices == NULL || !JSON_NODE_HOLDS_ARRAY (choices) ||
      json_object_has_member (schema, "properties") || json_object_has_member (schema, "items"))
    return NULL;
  return json_node_get_array (choices);
}

static gboolean allows (Lint *lint, JsonObject *schema, JsonNode *node);

/* Whether @node is of a type @schema allows (as far as its "type", or failing that its
 * "properties" or "items", say). */
static gboolean
allows (Lint       *lint,
        JsonObject *schema,
        JsonNode   *node)
{
  const char *name = NULL;
  const char *type = json_type_name (node);
  JsonNode *types;

  schema = resolve (lint, schema, &name);
  if (schema == NULL)
    return FALSE;

  /* An object of languages is no smart_city object: its keys say which. */
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (schema, "propertyNames"))
    {
      JsonObject *names = json_object_get_object_member (schema, "propertyNames");
      const char *pattern = names != NULL && json_object_has_member (names, "pattern")
                            ? json_object_get_string_member (names, "pattern") : NULL;
      g_autoptr(GList) keys = json_object_get_members (json_node_get_object (node));

      for (GList *l = keys; pattern != NULL && l != NULL; l = l->next)
        if (!g_regex_match_simple (pattern, l->data, 0, 0))
          return FALSE;
    }

  /* A choice of forms allows what any of them does. */
  for (guint k = 0; k < 2 && !json_object_has_member (schema, "type"); k++)
    {
      JsonArray *choices = form_choices (schema, k == 0 ? "oneOf" : "anyOf");

      for (guint i = 0; choices != NULL && i < json_array_get_length (choices); i++)
        {
          JsonNode *choice = json_array_get_element (choices, i);

          if (JSON_NODE_HOLDS_OBJECT (choice) && allows (lint, json_node_get_object (choice), node))
            return TRUE;
        }
      if (choices != NULL)
        return FALSE;
    }

  types = json_object_get_member (schema, "type");
  if (types != NULL && JSON_NODE_HOLDS_VALUE (types))
    return g_str_equal (json_node_get_string (types), type) ||
           (g_str_equal (json_node_get_string (types), "integer") && g_str_equal (type, "number"));
  if (types != NULL && JSON_NODE_HOLDS_ARRAY (types))
    {
      JsonArray *array = json_node_get_array (types);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (g_strcmp0 (json_array_get_string_element (array, i), type) == 0)
          return TRUE;
      return FALSE;
    }
  if (json_object_has_member (schema, "properties"))
    return g_str_equal (type, "object");
  if (json_object_has_member (schema, "items"))
    return g_str_equal (type, "array");
  return TRUE;
}

/* "time_zone", "Time-Zone" and "timezone" alike. */
static char *
normalize (const char *key)
{
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    if (*p != '_' && *p != '-' && *p != ' ')
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* Edit distance of two short ASCII words, or more than @limit. */
static guint
distance (const char *a,
          const char *b,
          guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return row[lb];
}

/* The field of @properties that @key most likely meant, or NULL. */
static const char *
near_miss (JsonObject *properties,
           const char *key)
{
  g_autofree char *wanted = normalize (key);
  g_autoptr(GList) names = json_object_get_members (properties);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *known = normalize (l->data);
      gsize len = MAX (strlen (known), strlen (wanted));
      /* "program" for "programme", "e-mail" for "email"; not "id" for "url". */
      guint limit = len >= 8 ? 2 : len >= 4 ? 1 : 0;

      if (g_str_equal (known, wanted) || distance (known, wanted, limit) <= limit)
        return l->data;
    }
  return NULL;
}

static void
warn (Lint       *lint,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (Lint       *lint,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (lint->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
walk_object (Lint       *lint,
             JsonObject *object,
             JsonObject *schema,
             const char *path,
             guint       depth)
{
  JsonObject *properties = json_object_get_member (schema, "properties") != NULL
                           ? json_object_get_object_member (schema, "properties") : NULL;
  JsonNode *additional = json_object_get_member (schema, "additionalProperties");
  JsonObjectIter iter;
  const char *key;
  JsonNode *child;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &child))
    {
      g_autofree char *where = path != NULL ? dlg_json_path_key (path, key) : g_strdup (key);

      if (properties != NULL && json_object_has_member (properties, key))
        walk (lint, child, json_object_get_object_member (properties, key), where, depth + 1);
      else if (additional != NULL && JSON_NODE_HOLDS_OBJECT (additional))
        {
          /* A map's keys are names, written as the reader writes them: rooms["Aula"]. */
          g_autofree char *named = dlg_json_path_name (path, key);

          walk (lint, child, json_node_get_object (additional), named, depth + 1);
        }
      else if (properties != NULL)
        {
          const char *meant = near_miss (properties, key);

          if (meant != NULL)
            /* Translators: a warning of "delegate-feed validate", e.g.
             * "event.timezone: Delegate does not read this field: did you mean “time_zone”?" */
            warn (lint, _("%s: Delegate does not read this field: did you mean “%s”?"), where, meant);
        }
    }
}

static void
walk (Lint       *lint,
      JsonNode   *node,
      JsonObject *schema,
      const char *path,
      guint       depth)
{
  const char *name = NULL;
  JsonNode *items;

  schema = resolve (lint, schema, &name);
  if (schema == NULL || depth > 32)
    return;

  /* An address the reader drops. */
  if (g_strcmp0 (name, "url") == 0 && dlg_json_node_is_string (node))
    {
      g_autofree char *kept = dlg_json_safe_url (json_node_get_string (node));
      g_autofree char *given = dlg_json_strip_or_null (json_node_get_string (node));

      if (given != NULL && kept == NULL)
        /* Translators: a warning of "delegate-feed validate", e.g.
         * "event.url: “www.kupang.go.id” is not an http or https address: it is not shown" */
        warn (lint, _("%s: “%s” is not an http or https address: it is not shown"), path, given);
      return;
    }

  /* Of several forms (a text or an object of languages; a section inline or its URL), the
   * one @node has. */
  for (guint k = 0; k < 2; k++)
    {
      JsonArray *choices = form_choices (schema, k == 0 ? "oneOf" : "anyOf");

      for (guint i = 0; choices != NULL && i < json_array_get_length (choices); i++)
        {
          JsonNode *choice = json_array_get_element (choices, i);

          if (JSON_NODE_HOLDS_OBJECT (choice) && allows (lint, json_node_get_object (choice), node))
            {
              walk (lint, node, json_node_get_object (choice), path, depth + 1);
              return;
            }
        }
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    walk_object (lint, json_node_get_object (node), schema, path, depth);
  else if (JSON_NODE_HOLDS_ARRAY (node) && (items = json_object_get_member (schema, "items")) != NULL &&
           JSON_NODE_HOLDS_OBJECT (items))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);

          walk (lint, json_array_get_element (array, i), json_node_get_object (items), where,
                depth + 1);
        }
    }
}

/* The warnings about @node, which stands at @key of a feed (NULL: the whole feed). */
static GPtrArray *
lint (JsonNode   *node,
      const char *key)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     NULL);
  g_autoptr(JsonNode) schema = NULL;
  Lint lint = { NULL, g_ptr_array_new_with_free_func (g_free) };
  JsonObject *root, *properties;
  gsize size;
  const char *data;

  /* The schema is ours, built in: it reads. */
  data = g_bytes_get_data (bytes, &size);
  if (!dlg_json_load (data, size, &schema, NULL) || !JSON_NODE_HOLDS_OBJECT (schema) ||
      !json_object_has_member (json_node_get_object (schema), "$defs"))
    g_return_val_if_reached (lint.warnings);

  root = json_node_get_object (schema);
  lint.defs = json_object_get_object_member (root, "$defs");
  if (key == NULL)
    walk (&lint, node, root, NULL, 0);
  else if ((properties = json_object_get_object_member (root, "properties")) != NULL &&
           json_object_has_member (properties, key))
    walk (&lint, node, json_object_get_object_member (properties, key), key, 0);
  return lint.warnings;
}

GPtrArray *
dlg_feed_lint (JsonNode *document)
{
  g_return_val_if_fail (document != NULL, g_ptr_array_new_with_free_func (g_free));

  return lint (document, NULL);
}

GPtrArray *
dlg_feed_lint_section (JsonNode   *document,
                       const char *section)
{
  g_return_val_if_fail (document != NULL, g_ptr_array_new_with_free_func (g_free));
  g_return_val_if_fail (section != NULL, g_ptr_array_new_with_free_func (g_free));

  return lint (document, section);
}
