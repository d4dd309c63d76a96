/* dlg-sync-stored.c: a subscription's saved event read at a start, and each feed's
 * parsed form kept for the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dlg-feed-pack.h"
#include "dlg-feed-private.h"
#include "dlg-sync-private.h"

/* --- the parsed form -------------------------------------------------------- */

static void
digest_bytes (GChecksum *sum,
              GBytes    *bytes)
{
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT ":", g_bytes_get_size (bytes));
  gsize n = 0;
  const guchar *data = g_bytes_get_data (bytes, &n);

  g_checksum_update (sum, (const guchar *) size, -1);
  if (n > 0)
    g_checksum_update (sum, data, n);
}

/* Names what a parse starts from: the languages asked for, the feed's bytes and each
 * section's, in their order.  A packed feed is used only under the same name, so that any
 * change to a copy (or to the delegate's languages) parses afresh.  Not a guard against
 * anyone: whoever could forge a collision writes the feed anyway. */
static char *
packed_digest (const char * const *languages,
               GBytes             *feed,
               GPtrArray          *sections)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  /* As the parser takes them (dlg-json-reader-languages.c): a delegate who switches the desktop to
   * Indonesian gets the feed's Indonesian texts, not the kept English ones. */
  if (languages == NULL)
    languages = g_get_language_names ();
  for (guint i = 0; languages[i] != NULL; i++)
    g_checksum_update (sum, (const guchar *) languages[i], strlen (languages[i]) + 1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
  digest_bytes (sum, feed);
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      DlgFetch *fetch = g_ptr_array_index (sections, i);
      GBytes *body = dlg_sync_current_body (fetch);

      g_checksum_update (sum, (const guchar *) fetch->name, strlen (fetch->name) + 1);
      if (body != NULL)
        digest_bytes (sum, body);
      else
        g_checksum_update (sum, (const guchar *) "-", 1);
    }

  return g_strdup (g_checksum_get_string (sum));
}

/* Keeps a feed's parsed form for the next start; only worth trying (dlg-store.h). */
typedef struct
{
  char      *url;
  GBytes    *packed;
  char      *digest;     /* or NULL, made from what follows */
  GStrv      languages;
  GBytes    *feed;
  GPtrArray *sections;   /* of DlgFetch */
} PackedSave;

static void
packed_save_free (PackedSave *save)
{
  g_free (save->url);
  g_bytes_unref (save->packed);
  g_free (save->digest);
  g_strfreev (save->languages);
  g_clear_pointer (&save->feed, g_bytes_unref);
  g_clear_pointer (&save->sections, g_ptr_array_unref);
  g_free (save);
}

void
dlg_sync_save_packed_func (gpointer data,
                           gpointer user_data)
{
  PackedSave *save = data;
  DlgSync *self = user_data;
  g_autoptr(GError) error = NULL;

  if (save->digest == NULL)
    save->digest = packed_digest ((const char * const *) save->languages, save->feed,
                                  save->sections);
  if (!dlg_store_save_packed (self->store, save->url, save->digest, save->packed, &error))
    g_debug ("The parsed form of %s was not kept: %s", save->url, error->message);
  packed_save_free (save);
}

/* Keeps @packed, the parsed form of the feed a task just returned, named by @digest or, when
 * that is NULL, by the digest of @languages, @feed and @sections: in a thread of its own, as
 * GTask hands a thread's result over only once the thread's function has returned, and
 * digesting and writing the form there (7-10 ms for a FOSDEM-size schedule) held the feed
 * back from the screen by as much. */
void
dlg_sync_save_packed (DlgSync            *self,
                      const char         *url,
                      GBytes             *packed,
                      const char         *digest,
                      const char * const *languages,
                      GBytes             *feed,
                      GPtrArray          *sections)
{
  PackedSave *save;

  if (packed == NULL)
    return;

  save = g_new0 (PackedSave, 1);
  save->url = g_strdup (url);
  save->packed = g_bytes_ref (packed);
  save->digest = g_strdup (digest);
  if (digest == NULL)
    {
      save->languages = g_strdupv ((char **) languages);
      save->feed = feed != NULL ? g_bytes_ref (feed) : NULL;
      save->sections = sections != NULL ? g_ptr_array_ref (sections) : NULL;
    }
  g_thread_pool_push (self->pack_saver, save, NULL);
}

/* --- the stored copy ------------------------------------------------------ */

typedef struct
{
  char    *url;
  GStrv    languages;
  gint64   fetched_at;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->url);
  g_strfreev (data->languages);
  g_free (data);
}

static void
load_stored_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DlgSync *self = source_object;
  LoadData *data = task_data;
  g_autoptr(DlgResource) stored = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *digest = NULL;
  DlgFeed *feed;

  /* An unreadable copy is no missing one: the feed parsed without its sections would be
   * called invalid, and "nothing saved" would have the window wait for a first sync. */
  if (!dlg_sync_read_stored (self->store, data->url, &stored, &sections, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (stored == NULL)
    {
      g_task_return_new_error (task, DLG_SYNC_ERROR, DLG_SYNC_ERROR_NOTHING_SAVED,
                               _("Nothing is saved yet for %s"), data->url);
      return;
    }

  /* Kept parsed by the sync that stored it (or the last start): no parse. */
  digest = packed_digest ((const char * const *) data->languages, stored->body, sections);
  packed = dlg_store_lookup_packed (self->store, data->url, digest);
  if (packed != NULL)
    {
      feed = dlg_feed_unpack (packed, &error);
      if (feed != NULL)
        {
          data->fetched_at = stored->fetched_at;
          g_task_return_pointer (task, feed, g_object_unref);
          return;
        }
      g_debug ("Parsing %s again: %s", data->url, error->message);
      g_clear_error (&error);
    }

  feed = dlg_source_parse_full (stored->body, (const char * const *) data->languages, NULL,
                                dlg_sync_load_fetched_section_cb, sections, cancellable, &error);
  if (feed == NULL)
    {
      g_task_return_error (task, dlg_sync_invalid_error (data->url, error));
      return;
    }
  g_clear_pointer (&packed, g_bytes_unref);
  packed = dlg_feed_pack (feed);
  data->fetched_at = stored->fetched_at;
  g_task_return_pointer (task, feed, g_object_unref);

  /* Kept while the feed goes to the screen (see dlg_sync_commit_thread). */
  dlg_sync_save_packed (self, data->url, packed, digest, NULL, NULL, NULL);
}

void
dlg_sync_load_stored_async (DlgSync              *self,
                            const char           *url,
                            const char * const   *languages,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (DLG_IS_SYNC (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dlg_sync_load_stored_async);
  data = g_new0 (LoadData, 1);
  data->url = g_strdup (url);
  data->languages = g_strdupv ((char **) languages);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_stored_thread);
}

DlgFeed *
dlg_sync_load_stored_finish (DlgSync       *self,
                             GAsyncResult  *result,
                             gint64        *fetched_at,
                             GError       **error)
{
  LoadData *data;
  DlgFeed *feed;

  g_return_val_if_fail (DLG_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  feed = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (fetched_at != NULL)
    *fetched_at = feed != NULL ? data->fetched_at : 0;
  return feed;
}
