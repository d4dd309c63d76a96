/* dlg-feed-scope.c: a builder scope whose callbacks receive the feed
 *
 * Row templates in a GtkBuilderListItemFactory can only reach their own
 * item, yet a practice row shows its member's name and a session row the
 * names of presenting cities.  Closures created by this scope get the
 * feed as their last argument, so rows resolve ids without a global.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed-scope"

#include "config.h"

#include "dlg-feed-scope.h"

struct _DlgFeedScope
{
  GObject     parent_instance;

  DlgFeed    *feed;
  GHashTable *callbacks;
};

static void dlg_feed_scope_scope_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DlgFeedScope, dlg_feed_scope, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE,
                                                      dlg_feed_scope_scope_init))

static void
unref_feed_notify (gpointer  data,
                   GClosure *closure)
{
  g_object_unref (data);
}

static GClosure *
dlg_feed_scope_create_closure (GtkBuilderScope        *scope,
                               GtkBuilder             *builder,
                               const char             *function_name,
                               GtkBuilderClosureFlags  flags,
                               GObject                *object,
                               GError                **error)
{
  DlgFeedScope *self = DLG_FEED_SCOPE (scope);
  GCallback callback;

  callback = g_hash_table_lookup (self->callbacks, function_name);
  if (callback == NULL)
    {
      g_set_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_FUNCTION,
                   "No function named “%s” in the feed scope", function_name);
      return NULL;
    }

  if (self->feed == NULL)
    return g_cclosure_new (callback, NULL, NULL);

  return g_cclosure_new (callback, g_object_ref (self->feed), unref_feed_notify);
}

static void
dlg_feed_scope_scope_init (GtkBuilderScopeInterface *iface)
{
  iface->create_closure = dlg_feed_scope_create_closure;
}

static void
dlg_feed_scope_dispose (GObject *object)
{
  DlgFeedScope *self = DLG_FEED_SCOPE (object);

  g_clear_object (&self->feed);

  G_OBJECT_CLASS (dlg_feed_scope_parent_class)->dispose (object);
}

static void
dlg_feed_scope_finalize (GObject *object)
{
  DlgFeedScope *self = DLG_FEED_SCOPE (object);

  g_clear_pointer (&self->callbacks, g_hash_table_unref);

  G_OBJECT_CLASS (dlg_feed_scope_parent_class)->finalize (object);
}

static void
dlg_feed_scope_class_init (DlgFeedScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_feed_scope_dispose;
  object_class->finalize = dlg_feed_scope_finalize;
}

static void
dlg_feed_scope_init (DlgFeedScope *self)
{
  self->callbacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* @feed: (nullable): the feed passed to every callback */
DlgFeedScope *
dlg_feed_scope_new (DlgFeed *feed)
{
  DlgFeedScope *self = g_object_new (DLG_TYPE_FEED_SCOPE, NULL);

  g_set_object (&self->feed, feed);

  return self;
}

void
dlg_feed_scope_add_callback (DlgFeedScope *self,
                             const char   *name,
                             GCallback     callback)
{
  g_return_if_fail (DLG_IS_FEED_SCOPE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (callback != NULL);

  g_hash_table_insert (self->callbacks, g_strdup (name), callback);
}
