/* dlg-cli-validate.c: delegate-feed validate SOURCE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-cli.h"
#include "dlg-feed-lint.h"
#include "dlg-json-load.h"
#include "dlg-source.h"

/* The warnings about a Delegate feed (dlg_feed_lint()), and about each section it publishes
 * apart (read again: the parse keeps no bytes).  A schedule.json or schedule.xml is warned of
 * as it is parsed (dlg_source_parse_noting()): what it gets wrong that Delegate reads past. */
static GPtrArray *
feed_warnings (GBytes     *bytes,
               const char *uri)
{
  static const char * const sections[] = { "agenda", "members", "best_practices" };
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *warnings;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (dlg_source_detect (bytes) != DLG_SOURCE_FORMAT_DELEGATE_FEED ||
      !dlg_json_read (data, size, &root, NULL, NULL, NULL) || root == NULL)
    return g_ptr_array_new_with_free_func (g_free);

  warnings = dlg_feed_lint (root);
  for (guint i = 0; JSON_NODE_HOLDS_OBJECT (root) && i < G_N_ELEMENTS (sections); i++)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), sections[i]);
      g_autoptr(GBytes) section_bytes = NULL;
      g_autoptr(JsonNode) section = NULL;
      g_autoptr(GPtrArray) more = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      /* The feed parsed: its sections read. */
      section_bytes = dlg_source_read_section (uri, sections[i], json_node_get_string (node),
                                               NULL, NULL);
      if (section_bytes == NULL)
        continue;
      data = g_bytes_get_data (section_bytes, &size);
      if (!dlg_json_read (data, size, &section, NULL, NULL, NULL) || section == NULL)
        continue;
      more = dlg_feed_lint_section (section, sections[i], root);
      for (guint j = 0; j < more->len; j++)
        g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (more, j)));
    }
  return warnings;
}

int
dlg_cli_validate (int    argc,
                  char **argv)
{
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uri = NULL;
  static const char * const languages[] = { "en", NULL };
  g_autofree char *sessions = NULL;
  g_autofree char *members = NULL;
  g_autofree char *practices = NULL;
  guint n_sessions, n_members, n_practices;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: delegate-feed validate SOURCE"));
      return 2;
    }

  /* A Delegate feed, a schedule.json or a schedule.xml; a path or a URL. */
  bytes = dlg_source_read (argv[1], &uri, NULL, &error);
  if (bytes != NULL)
    feed = dlg_source_parse_noting (bytes, uri, languages, notes, NULL, &error);
  if (feed == NULL)
    {
      dlg_cli_printerr (_("%s: not usable:\n  %s\n"), argv[1], error->message);
      return 1;
    }

  n_sessions = g_list_model_get_n_items (dlg_feed_get_sessions (feed));
  n_members = g_list_model_get_n_items (dlg_feed_get_members (feed));
  n_practices = g_list_model_get_n_items (dlg_feed_get_practices (feed));
  /* Translators: the first of three counts in "SOURCE: usable: 1 session, 2 members, 3 best practices" */
  sessions = g_strdup_printf (g_dngettext (NULL, "%u session", "%u sessions", n_sessions), n_sessions);
  /* Translators: the second of three counts in "SOURCE: usable: 1 session, 2 members, 3 best practices" */
  members = g_strdup_printf (g_dngettext (NULL, "%u member", "%u members", n_members), n_members);
  /* Translators: the third of three counts in "SOURCE: usable: 1 session, 2 members, 3 best practices" */
  practices = g_strdup_printf (g_dngettext (NULL, "%u best practice", "%u best practices", n_practices),
                               n_practices);

  /* Translators: the feed's path or URL, then "1 session", "2 members" and "3 best practices" */
  dlg_cli_print (_("%s: usable: %s, %s, %s\n"), argv[1], sessions, members, practices);

  /* What the app reads past without a word: fields it does not know that look like
   * misspelt ones, addresses it will not open; in a bare schedule, what it tolerates. */
  warnings = feed_warnings (bytes, uri);
  g_ptr_array_extend_and_steal (warnings, g_steal_pointer (&notes));
  for (guint i = 0; i < warnings->len; i++)
    /* Translators: a warning of "delegate-feed validate" about a usable feed */
    dlg_cli_print (_("  warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
  return 0;
}
