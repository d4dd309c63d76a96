/* json-same.h: are two json-glib trees the same, node for node?
 *
 * Stricter than json_node_equal(): an integer is not the same as a double
 * of the same value, doubles are compared bit for bit (-0.0 is not 0.0),
 * members must come in the same order, and each node's parent must be the
 * node that holds it.  Shared by tests/core/test-json-load.c and the fuzz
 * target json (tests/fuzz/fuzz-json.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

/* NULL when @a and @b are the same; else the path of the first difference
 * ("$.days[2].title"), which the caller frees. */
static inline char *
json_same (JsonNode   *a,
           JsonNode   *b,
           const char *path)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return g_strdup_printf ("%s (a %s and a %s)", path,
                            json_node_type_name (a), json_node_type_name (b));

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_NULL:
      return NULL;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (a);
        gboolean same;

        if (type != json_node_get_value_type (b))
          return g_strdup_printf ("%s (a %s and a %s)", path,
                                  g_type_name (type),
                                  g_type_name (json_node_get_value_type (b)));
        if (type == G_TYPE_STRING)
          same = strcmp (json_node_get_string (a), json_node_get_string (b)) == 0;
        else if (type == G_TYPE_INT64)
          same = json_node_get_int (a) == json_node_get_int (b);
        else if (type == G_TYPE_BOOLEAN)
          same = json_node_get_boolean (a) == json_node_get_boolean (b);
        else if (type == G_TYPE_DOUBLE)
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            same = memcmp (&x, &y, sizeof x) == 0;
          }
        else
          same = FALSE;
        return same ? NULL : g_strdup_printf ("%s (values differ)", path);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (n != json_array_get_length (y))
          return g_strdup_printf ("%s (%u and %u elements)", path, n, json_array_get_length (y));
        for (guint i = 0; i < n; i++)
          {
            JsonNode *p = json_array_get_element (x, i), *q = json_array_get_element (y, i);
            g_autofree char *here = g_strdup_printf ("%s[%u]", path, i);
            char *difference;

            if (json_node_get_parent (p) != a || json_node_get_parent (q) != b)
              return g_strdup_printf ("%s (its parent)", here);
            if ((difference = json_same (p, q, here)) != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        g_autoptr(GList) names_a = json_object_get_members (x);
        g_autoptr(GList) names_b = json_object_get_members (y);
        GList *l, *m;

        if (g_list_length (names_a) != g_list_length (names_b))
          return g_strdup_printf ("%s (%u and %u members)", path,
                                  g_list_length (names_a), g_list_length (names_b));
        for (l = names_a, m = names_b; l != NULL; l = l->next, m = m->next)
          {
            g_autofree char *here = g_strdup_printf ("%s.%s", path, (const char *) l->data);
            JsonNode *p, *q;
            char *difference;

            if (strcmp (l->data, m->data) != 0)
              return g_strdup_printf ("%s (the next member is “%s”)", here,
                                      (const char *) m->data);
            p = json_object_get_member (x, l->data);
            q = json_object_get_member (y, m->data);
            if (json_node_get_parent (p) != a || json_node_get_parent (q) != b)
              return g_strdup_printf ("%s (its parent)", here);
            if ((difference = json_same (p, q, here)) != NULL)
              return difference;
          }
        return NULL;
      }

    default:
      return g_strdup_printf ("%s (an unknown node)", path);
    }
}
