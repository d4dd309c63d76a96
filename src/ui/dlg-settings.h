/* dlg-settings.h: the app's settings, when they are installed
 *
 * An uninstalled build and the tests may run without the app's GSettings schema, or with an
 * older one that lacks a key added since, where g_settings_new() or a read of the key would
 * abort: the window and the panes then keep to their defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The app's settings, or NULL when its schema is not installed or has no @key (NULL: any). */
static inline GSettings *
dlg_settings_new (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || (key != NULL && !g_settings_schema_has_key (schema, key)))
    return NULL;
  return g_settings_new (APP_ID);
}

G_END_DECLS
