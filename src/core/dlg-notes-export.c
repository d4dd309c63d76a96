/* dlg-notes-export.c: the delegate's personal data as one JSON file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-notes-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dlg-file.h"
#include "dlg-json-load.h"
#include "dlg-notes-export.h"
#include "dlg-notes.h"
#include "dlg-store-private.h"

#define FORMAT_VERSION 1

/* "notes": [...], each with what an import needs to merge it. */
static void
add_notes (JsonBuilder *builder,
           GPtrArray   *notes)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      DlgNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dlg_note_get_id (note));
      json_builder_set_member_name (builder, "event_id");
      json_builder_add_string_value (builder, dlg_note_get_event_id (note));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, dlg_note_kind_to_string (dlg_note_get_kind (note)));
      if (dlg_note_get_key (note) != NULL)
        {
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, dlg_note_get_key (note));
        }
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, dlg_note_get_title (note));
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, dlg_note_get_body (note));
      json_builder_set_member_name (builder, "created");
      json_builder_add_int_value (builder, dlg_note_get_created (note));
      json_builder_set_member_name (builder, "modified");
      json_builder_add_int_value (builder, dlg_note_get_modified (note));
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_boolean_value (builder, dlg_note_get_deleted (note));
      /* What it is about by name, so that a session removed before the move is still named. */
      if (dlg_note_get_item_title (note) != NULL)
        {
          json_builder_set_member_name (builder, "item_title");
          json_builder_add_string_value (builder, dlg_note_get_item_title (note));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
to_data (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
dlg_notes_export_json (DlgStore   *store,
                       GPtrArray  *unsaved,
                       GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) stars = NULL;

  g_return_val_if_fail (DLG_IS_STORE (store), NULL);

  notes = dlg_notes_list_with_unsaved (store, NULL, TRUE, unsaved, error);
  if (notes == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "delegate_personal_data");
  json_builder_add_int_value (builder, FORMAT_VERSION);

  /* Every event's stars, also of events no longer subscribed to. */
  json_builder_set_member_name (builder, "stars");
  json_builder_begin_array (builder);
  /* Those the file refused too (a full disk): the export is how they leave the laptop. */
  stars = dlg_store_list_all_starred (store);
  for (guint i = 0; i + 1 < stars->len; i += 2)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "event_id");
      json_builder_add_string_value (builder, g_ptr_array_index (stars, i));
      json_builder_set_member_name (builder, "session_key");
      json_builder_add_string_value (builder, g_ptr_array_index (stars, i + 1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_notes (builder, notes);
  json_builder_end_object (builder);
  return to_data (builder);
}

char *
dlg_notes_export_unsaved_json (GPtrArray *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "delegate_personal_data");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  add_notes (builder, notes);
  json_builder_end_object (builder);
  return to_data (builder);
}

/* What an export holds, read whole before any of it is written. */
typedef struct
{
  GPtrArray *notes;  /* DlgNote */
  GPtrArray *stars;  /* event id, session key, event id, session key… */
} Import;

static void
import_free (Import *import)
{
  g_clear_pointer (&import->notes, g_ptr_array_unref);
  g_clear_pointer (&import->stars, g_ptr_array_unref);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static gboolean
invalid (GError     **error,
         const char  *where)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("This is not a Delegate personal data file (%s)"), where);
  return FALSE;
}

static Import *
refused (GError     **error,
         const char  *where)
{
  invalid (error, where);
  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The number or boolean at @name, @fallback when absent or not a value:
 * json_object_get_int_member_with_default() and its boolean sibling log a
 * critical on an object or array (found by fuzzing). */
static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_int (node);
}

static gboolean
member_boolean (JsonObject *object,
                const char *name,
                gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_boolean (node);
}

/* Whether every string member of @object is valid UTF-8: json-glib 1.6
 * turns a lone surrogate escape ("\ud800") into bytes that are not. */
static gboolean
strings_valid (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
        !g_utf8_validate (json_node_get_string (node), -1, NULL))
      return FALSE;
  return TRUE;
}

/* The array at @name, NULL when absent or null; FALSE when it is
 * something else.  (json_object_get_array_member() and friends are for
 * trusted documents: on a wrong type they log a critical.) */
static gboolean
member_array (JsonObject  *object,
              const char  *name,
              JsonArray  **array)
{
  JsonNode *node = json_object_get_member (object, name);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  *array = json_node_get_array (node);
  return TRUE;
}

/* Element @index of @array if it is an object, else NULL. */
static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


static Import *
import_read (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(Import) import = g_new0 (Import, 1);
  JsonObject *root;
  JsonArray *stars, *list;
  JsonNode *node;
  g_autoptr(GError) local_error = NULL;
  int line, column;

  import->notes = g_ptr_array_new_with_free_func (g_object_unref);
  import->stars = g_ptr_array_new_with_free_func (g_free);
  if (!dlg_json_read (data, length, &document, &line, &column, &local_error))
    {
      g_autofree char *where = dlg_json_describe (local_error, line, column);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("not valid JSON: %s"), where);
      return NULL;
    }
  /* Whatever the file holds, a wrong type is an error, never a critical:
   * an empty file has no root at all. */
  if (document == NULL || !JSON_NODE_HOLDS_OBJECT (document))
    return refused (error, "root");
  root = json_node_get_object (document);
  node = json_object_get_member (root, "delegate_personal_data");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != FORMAT_VERSION)
    return refused (error, "delegate_personal_data");
  if (!member_array (root, "stars", &stars))
    return refused (error, "stars");
  if (!member_array (root, "notes", &list))
    return refused (error, "notes");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = element_object (list, i);
      const char *id, *event_id;
      DlgNoteKind kind = DLG_NOTE_FREE;
      DlgNote *note;

      if (object == NULL || !strings_valid (object) ||
          (id = member_string (object, "id")) == NULL ||
          (event_id = member_string (object, "event_id")) == NULL ||
          !dlg_note_kind_from_string (member_string (object, "kind"), &kind))
        return refused (error, "notes");
      note = dlg_note_new_full (id, event_id, kind, member_string (object, "key"),
                                member_string (object, "title"),
                                member_string (object, "body"),
                                member_int (object, "created", 0),
                                member_int (object, "modified", 0),
                                member_boolean (object, "deleted", FALSE));
      dlg_note_set_item_title (note, member_string (object, "item_title"));
      g_ptr_array_add (import->notes, note);
    }
  for (guint i = 0; stars != NULL && i < json_array_get_length (stars); i++)
    {
      JsonObject *object = element_object (stars, i);

      if (object == NULL || !strings_valid (object) ||
          member_string (object, "event_id") == NULL ||
          member_string (object, "session_key") == NULL)
        return refused (error, "stars");
      g_ptr_array_add (import->stars, g_strdup (member_string (object, "event_id")));
      g_ptr_array_add (import->stars, g_strdup (member_string (object, "session_key")));
    }

  return g_steal_pointer (&import);
}

/* On the thread the store's signals are to be sent from: the panes listen to them. */
static gboolean
import_write (DlgStore  *store,
              Import    *import,
              guint     *n_stars,
              guint     *n_notes,
              GError   **error)
{
  if (!dlg_notes_save (store, import->notes, error))
    return FALSE;
  for (guint i = 0; i + 1 < import->stars->len; i += 2)
    if (!dlg_store_set_starred (store, g_ptr_array_index (import->stars, i),
                                g_ptr_array_index (import->stars, i + 1), TRUE, error))
      return FALSE;

  if (n_stars != NULL)
    *n_stars = import->stars->len / 2;
  if (n_notes != NULL)
    *n_notes = import->notes->len;
  return TRUE;
}

gboolean
dlg_notes_import_json (DlgStore    *store,
                       const char  *data,
                       gssize       length,
                       guint       *n_stars,
                       guint       *n_notes,
                       GError     **error)
{
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (DLG_IS_STORE (store), FALSE);

  if (length < 0)
    length = strlen (data);
  import = import_read (data, length, error);
  return import != NULL && import_write (store, import, n_stars, n_notes, error);
}

/* Only the reading runs in the worker thread: the writing sends the store's signals, which
 * the panes handle with GTK, on the main thread (see dlg_notes_import_file_finish()). */
static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Import *import = NULL;
  gsize length = 0;
  const char *data;

  bytes = dlg_file_load_limited (task_data, DLG_FILE_MAX_SIZE, cancellable, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      import = import_read (data != NULL ? data : "", length, &error);
    }
  if (import != NULL)
    g_task_return_pointer (task, import, (GDestroyNotify) import_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
dlg_notes_import_file_async (DlgStore            *store,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DLG_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, dlg_notes_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

gboolean
dlg_notes_import_file_finish (DlgStore      *store,
                              GAsyncResult  *result,
                              guint         *n_stars,
                              guint         *n_notes,
                              GError       **error)
{
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  import = g_task_propagate_pointer (G_TASK (result), error);
  return import != NULL && import_write (store, import, n_stars, n_notes, error);
}
