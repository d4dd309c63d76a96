/* dlg-note-saver.c: saves notes while the delegate writes
 *
 * A change is written as soon as it is made: a kill or a crash a moment
 * later must not take the words just typed, and a save of a note is a
 * small transaction (no fsync in WAL mode), a few milliseconds in a
 * worker thread.  Changes made while a save runs wait in "pending" and
 * go together in the next save, so a slow disk means fewer, larger
 * saves rather than a queue.  The notes a save took wait in "in_flight"
 * so that a failure can queue them again.  The store keeps
 * the later of two versions of a note (dlg_notes_save), so a flush on
 * the main thread may overtake a save in flight without losing anything.
 *
 * What the store refuses (a full disk, a file that cannot be written) stays in memory until a
 * save succeeds, and a kill or a crash meanwhile would take it: each failed save also writes
 * it to a file in the user's runtime folder (a tmpfs, which a full disk does not fill and a
 * kill does not clear), and the next saver on the same store merges that file back in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-note-saver"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "dlg-note-saver.h"
#include "dlg-notes-export.h"
#include "dlg-notes.h"
#include "dlg-store-private.h"

struct _DlgNoteSaver
{
  GObject     parent_instance;

  DlgStore   *store;
  GHashTable *pending;    /* id -> DlgNote, the live objects */
  GHashTable *in_flight;  /* id -> DlgNote */
  guint       retry;
  guint       retry_id;
  gboolean    saving;
  gboolean    rescued;    /* the rescue file holds notes (write_rescue) */
  gboolean    rescue_failed;  /* the last write of the rescue file failed */
  gboolean    opened;     /* the file of a store in memory opened ("file-opened") */
  char       *error;
};

G_DEFINE_FINAL_TYPE (DlgNoteSaver, dlg_note_saver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RETRY,
  PROP_ERROR,
  PROP_UNSAVED,
  N_PROPS
};

enum {
  NOTE_SAVED,
  FILE_OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_save (DlgNoteSaver *self);

/* Where the unsaved notes of @store wait for a save to succeed: one file per data file,
 * named by a digest of its path (that of the file a store in memory keeps the notes for). */
static char *
rescue_path (DlgStore *store,
             gboolean *in_memory)
{
  const char *path = dlg_store_get_file_path (store, in_memory);
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  if (path == NULL || g_str_equal (path, ":memory:"))
    return NULL;
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  name = g_strdup_printf ("unsaved-notes-%.16s.json", digest);
  return g_build_filename (g_get_user_runtime_dir (), "delegate", name, NULL);
}

/* Keeps what is unsaved in the rescue file, or removes the file once nothing is. */
static void
write_rescue (DlgNoteSaver *self)
{
  gboolean in_memory;
  g_autofree char *path = rescue_path (self->store, &in_memory);
  g_autoptr(GPtrArray) unsaved = NULL;
  g_autofree char *data = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  unsaved = dlg_note_saver_dup_unsaved (self);
  if (unsaved->len == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
      self->rescued = FALSE;
      self->rescue_failed = FALSE;
      return;
    }

  data = dlg_notes_export_unsaved_json (unsaved);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Could not keep the unsaved notes in %s: %s", path,
                 error != NULL ? error->message : g_strerror (errno));
      self->rescue_failed = TRUE;
    }
  else
    {
      self->rescued = TRUE;
      self->rescue_failed = FALSE;
    }
}

char *
dlg_note_saver_dup_rescue_path (DlgNoteSaver *self,
                                gboolean     *kept)
{
  gboolean in_memory;

  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), NULL);

  if (!dlg_note_saver_get_unsaved (self))
    return NULL;
  if (kept != NULL)
    *kept = self->rescued && !self->rescue_failed;
  return rescue_path (self->store, &in_memory);
}

/* Merges into the store what a run that could not save left in the rescue file (it was
 * killed, or crashed, before the disk had room again). */
static void
recover_rescue (DlgNoteSaver *self)
{
  gboolean in_memory;
  g_autofree char *path = rescue_path (self->store, &in_memory);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint n_stars, n_notes;

  /* Merged into a store in memory, the notes would be gone at the end of this run too: kept
   * for a start where the file opens. */
  if (path == NULL || in_memory || !g_file_get_contents (path, &data, &length, NULL))
    return;
  if (!dlg_notes_import_json (self->store, data, length, &n_stars, &n_notes, &error))
    {
      /* Still no room: kept for the next start. */
      g_warning ("Could not save the notes kept in %s: %s", path, error->message);
      return;
    }
  g_message ("Saved %u notes that a previous run could not save", n_notes);
  g_unlink (path);
}

DlgNoteSaver *
dlg_note_saver_new (DlgStore *store)
{
  g_return_val_if_fail (DLG_IS_STORE (store), NULL);

  return g_object_new (DLG_TYPE_NOTE_SAVER, "store", store, NULL);
}

DlgStore *
dlg_note_saver_get_store (DlgNoteSaver *self)
{
  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), NULL);

  return self->store;
}

const char *
dlg_note_saver_get_error (DlgNoteSaver *self)
{
  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), NULL);

  return self->error;
}

gboolean
dlg_note_saver_get_unsaved (DlgNoteSaver *self)
{
  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), FALSE);

  return g_hash_table_size (self->pending) > 0 || g_hash_table_size (self->in_flight) > 0;
}

GPtrArray *
dlg_note_saver_dup_unsaved (DlgNoteSaver *self)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), notes);

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (notes, g_object_ref (value));
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->pending, key))
      g_ptr_array_add (notes, g_object_ref (value));
  return notes;
}

GPtrArray *
dlg_note_saver_list (DlgNoteSaver  *self,
                     const char    *event_id,
                     GError       **error)
{
  g_autoptr(GPtrArray) unsaved = NULL;

  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  unsaved = dlg_note_saver_dup_unsaved (self);
  return dlg_notes_list_with_unsaved (self->store, event_id, FALSE, unsaved, error);
}

static void
set_error (DlgNoteSaver *self,
           const char   *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
notify_unsaved (DlgNoteSaver *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static gboolean
retry_cb (gpointer user_data)
{
  DlgNoteSaver *self = user_data;

  self->retry_id = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

void
dlg_note_saver_queue (DlgNoteSaver *self,
                      DlgNote      *note)
{
  gboolean was_unsaved;

  g_return_if_fail (DLG_IS_NOTE_SAVER (self));
  g_return_if_fail (DLG_IS_NOTE (note));

  was_unsaved = dlg_note_saver_get_unsaved (self);
  g_hash_table_replace (self->pending, g_strdup (dlg_note_get_id (note)), g_object_ref (note));

  /* Saved now; during a save, by the next one (save_done_cb); after a
   * failure, this is the retry. */
  start_save (self);

  if (!was_unsaved && dlg_note_saver_get_unsaved (self))
    notify_unsaved (self);
}

void
dlg_note_saver_save_now (DlgNoteSaver *self)
{
  g_return_if_fail (DLG_IS_NOTE_SAVER (self));

  start_save (self);
}

static GPtrArray *
take_snapshots (DlgNoteSaver *self,
                GHashTable   *into)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (copies, dlg_note_copy (value));
      if (into != NULL)
        g_hash_table_replace (into, g_strdup (key), g_object_ref (value));
      g_hash_table_iter_remove (&iter);
    }
  return copies;
}

static void
emit_saved (DlgNoteSaver *self,
            GPtrArray    *copies)
{
  g_autoptr(DlgStore) keeper = NULL;

  for (guint i = 0; i < copies->len; i++)
    g_signal_emit (self, signals[NOTE_SAVED], 0, g_ptr_array_index (copies, i));

  /* The first save to the file a store in memory could not open at start: the file's notes,
   * those written before this start, are to be read now. */
  if (self->opened || (keeper = dlg_store_peek_keeper (self->store)) == NULL)
    return;
  self->opened = TRUE;
  g_signal_emit (self, signals[FILE_OPENED], 0);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DlgNoteSaver *self = source_object;
  GError *error = NULL;

  if (dlg_notes_save (self->store, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A failure puts the notes back in the queue (unless a newer change is
 * there already) and tries again later. */
static void
requeue_in_flight (DlgNoteSaver *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (self->pending, key))
        g_hash_table_insert (self->pending, g_strdup (key), g_object_ref (value));
      g_hash_table_iter_remove (&iter);
    }
}

static void
schedule_retry (DlgNoteSaver *self)
{
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (self->retry, retry_cb, self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);
  GPtrArray *copies = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Once per problem: the retries would repeat it every few seconds. */
      if (g_strcmp0 (self->error, error->message) != 0)
        g_warning ("%s", error->message);
      requeue_in_flight (self);
      set_error (self, error->message);
      write_rescue (self);
      schedule_retry (self);
      return;
    }

  g_hash_table_remove_all (self->in_flight);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_error (self, NULL);
  emit_saved (self, copies);

  /* Changes made while saving. */
  if (g_hash_table_size (self->pending) > 0)
    start_save (self);
  else
    {
      if (self->rescued)
        write_rescue (self);
      notify_unsaved (self);
    }
}

static void
start_save (DlgNoteSaver *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copies;

  /* The save in flight starts the next one when it ends. */
  if (self->saving || g_hash_table_size (self->pending) == 0)
    return;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  copies = take_snapshots (self, self->in_flight);
  self->saving = TRUE;

  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, copies, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
dlg_note_saver_flush (DlgNoteSaver  *self,
                      GError       **error)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) taken = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DLG_IS_NOTE_SAVER (self), FALSE);

  /* What is in flight is written again: it may yet fail. */
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->pending, key))
      g_hash_table_insert (self->pending, g_strdup (key), g_object_ref (value));

  if (g_hash_table_size (self->pending) == 0)
    return TRUE;

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  copies = take_snapshots (self, taken);
  if (!dlg_notes_save (self->store, copies, &local_error))
    {
      g_hash_table_iter_init (&iter, taken);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (self->pending, key))
          g_hash_table_insert (self->pending, g_strdup (key), g_object_ref (value));
      set_error (self, local_error->message);
      write_rescue (self);
      schedule_retry (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The save in flight wrote nothing the flush did not write again. */
  g_hash_table_remove_all (self->in_flight);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_error (self, NULL);
  emit_saved (self, copies);
  if (self->rescued)
    write_rescue (self);
  notify_unsaved (self);
  return TRUE;
}

static void
dlg_note_saver_constructed (GObject *object)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);

  G_OBJECT_CLASS (dlg_note_saver_parent_class)->constructed (object);

  if (self->store != NULL)
    recover_rescue (self);
}

static void
dlg_note_saver_dispose (GObject *object)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);

  G_OBJECT_CLASS (dlg_note_saver_parent_class)->dispose (object);
}

static void
dlg_note_saver_finalize (GObject *object)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (dlg_note_saver_parent_class)->finalize (object);
}

static void
dlg_note_saver_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RETRY:
      g_value_set_uint (value, self->retry);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_UNSAVED:
      g_value_set_boolean (value, dlg_note_saver_get_unsaved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_note_saver_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DlgNoteSaver *self = DLG_NOTE_SAVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RETRY:
      self->retry = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_note_saver_class_init (DlgNoteSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = dlg_note_saver_constructed;
  object_class->dispose = dlg_note_saver_dispose;
  object_class->finalize = dlg_note_saver_finalize;
  object_class->get_property = dlg_note_saver_get_property;
  object_class->set_property = dlg_note_saver_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DLG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRY] =
    g_param_spec_uint ("retry", NULL, NULL, 1, G_MAXUINT, 5000, rw | G_PARAM_CONSTRUCT);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlgNoteSaver::note-saved:
   * @note: the copy of the note as it is now in the store
   */
  signals[NOTE_SAVED] =
    g_signal_new ("note-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DLG_TYPE_NOTE);

  /**
   * DlgNoteSaver::file-opened:
   *
   * The store is one in memory (dlg_store_open_in_memory_for()) and a save has just opened
   * its file: dlg_note_saver_list() now lists the file's notes too.
   */
  signals[FILE_OPENED] =
    g_signal_new ("file-opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dlg_note_saver_init (DlgNoteSaver *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}
