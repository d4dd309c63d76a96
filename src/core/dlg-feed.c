/* dlg-feed.c: one parsed Delegate feed (event, agenda, members, best practices)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-file.h"
#include "dlg-models-private.h"

#define DEFAULT_FEED_PATH RESOURCE_PATH "/feeds/kupang-2019.json"

G_DEFINE_QUARK (dlg-feed-error-quark, dlg_feed_error)

G_DEFINE_FINAL_TYPE (DlgFeed, dlg_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_SESSIONS,
  PROP_DAYS,
  PROP_MEMBERS,
  PROP_PRACTICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_feed_dispose (GObject *object)
{
  DlgFeed *self = DLG_FEED (object);

  /* The indexes borrow from the objects the stores hold: drop them first. */
  g_hash_table_remove_all (self->session_index);
  g_hash_table_remove_all (self->member_index);
  g_hash_table_remove_all (self->practice_index);

  g_clear_object (&self->event);
  g_clear_object (&self->sessions);
  g_clear_object (&self->days);
  g_clear_object (&self->members);
  g_clear_object (&self->practices);

  G_OBJECT_CLASS (dlg_feed_parent_class)->dispose (object);
}

static void
dlg_feed_finalize (GObject *object)
{
  DlgFeed *self = DLG_FEED (object);

  g_clear_pointer (&self->session_index, g_hash_table_unref);
  g_clear_pointer (&self->member_index, g_hash_table_unref);
  g_clear_pointer (&self->practice_index, g_hash_table_unref);

  G_OBJECT_CLASS (dlg_feed_parent_class)->finalize (object);
}

static void
dlg_feed_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DlgFeed *self = DLG_FEED (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;

    case PROP_DAYS:
      g_value_set_object (value, self->days);
      break;

    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;

    case PROP_PRACTICES:
      g_value_set_object (value, self->practices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_feed_class_init (DlgFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_feed_dispose;
  object_class->finalize = dlg_feed_finalize;
  object_class->get_property = dlg_feed_get_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, DLG_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_object ("days", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRACTICES] =
    g_param_spec_object ("practices", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_feed_init (DlgFeed *self)
{
  self->sessions = g_list_store_new (DLG_TYPE_SESSION);
  self->days = g_list_store_new (DLG_TYPE_DAY);
  self->members = g_list_store_new (DLG_TYPE_MEMBER);
  self->practices = g_list_store_new (DLG_TYPE_PRACTICE);
  self->session_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->member_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->practice_index = g_hash_table_new (g_str_hash, g_str_equal);
}

DlgFeed *
dlg_feed_new_from_bytes (GBytes              *bytes,
                         const char * const  *languages,
                         GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dlg_feed_parse (bytes, languages, NULL, NULL, NULL, error);
}

GBytes *
dlg_feed_load_relative_file (GFile         *base,
                             const char    *section,
                             const char    *reference,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *base_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *scheme = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (base), NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  base_uri = g_file_get_uri (base);
  uri = g_uri_resolve_relative (base_uri, reference, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: “%s” is not a valid address: %s"),
                   section, reference, local_error->message);
      return NULL;
    }

  scheme = g_uri_parse_scheme (uri);
  if (g_strcmp0 (scheme, "file") != 0)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: published at “%s”, which must be downloaded"),
                   section, uri);
      return NULL;
    }

  file = g_file_new_for_uri (uri);
  bytes = dlg_file_load_limited (file, DLG_FILE_MAX_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DLG_FEED_ERROR, DLG_FEED_ERROR_EXTERNAL_SECTION,
                   _("%s: cannot read “%s”: %s"),
                   section, reference, local_error->message);
      return NULL;
    }

  return bytes;
}

static GBytes *
load_section_beside_file_cb (const char    *section,
                             const char    *reference,
                             gpointer       user_data,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return dlg_feed_load_relative_file (G_FILE (user_data), section, reference, cancellable, error);
}

DlgFeed *
dlg_feed_new_from_file (GFile               *file,
                        const char * const  *languages,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = dlg_file_load_limited (file, DLG_FILE_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return dlg_feed_parse (bytes, languages, load_section_beside_file_cb, file, cancellable, error);
}

DlgFeed *
dlg_feed_new_default (const char * const  *languages,
                      GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DEFAULT_FEED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return dlg_feed_parse (bytes, languages, NULL, NULL, NULL, error);
}

DlgEvent *
dlg_feed_get_event (DlgFeed *self)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  return self->event;
}

GListModel *
dlg_feed_get_sessions (DlgFeed *self)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

GListModel *
dlg_feed_get_days (DlgFeed *self)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  return G_LIST_MODEL (self->days);
}

GListModel *
dlg_feed_get_members (DlgFeed *self)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  return G_LIST_MODEL (self->members);
}

GListModel *
dlg_feed_get_practices (DlgFeed *self)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  return G_LIST_MODEL (self->practices);
}

DlgSession *
dlg_feed_find_session (DlgFeed    *self,
                       const char *key)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->session_index, key);
}

DlgDay *
dlg_feed_find_day (DlgFeed *self,
                   guint    index)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->days)); i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (self->days), i);

      if (dlg_day_get_index (day) == index)
        return day; /* the feed holds it */
    }
  return NULL;
}

DlgDay *
dlg_feed_find_day_on (DlgFeed    *self,
                      const char *date,
                      gboolean    or_after)
{
  DlgDay *found = NULL;

  g_return_val_if_fail (DLG_IS_FEED (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  /* ISO dates compare as text; a feed may list its days in any order. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->days)); i++)
    {
      g_autoptr(DlgDay) day = g_list_model_get_item (G_LIST_MODEL (self->days), i);
      const char *day_date = dlg_day_get_date (day);
      int order = day_date != NULL ? strcmp (day_date, date) : -1;

      if (order == 0)
        return day; /* the feed holds it */
      if (or_after && order > 0 &&
          (found == NULL || strcmp (day_date, dlg_day_get_date (found)) < 0))
        found = day;
    }
  return found;
}

DlgMember *
dlg_feed_find_member (DlgFeed    *self,
                      const char *id)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->member_index, id);
}

DlgPractice *
dlg_feed_find_practice (DlgFeed    *self,
                        const char *id)
{
  g_return_val_if_fail (DLG_IS_FEED (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->practice_index, id);
}
