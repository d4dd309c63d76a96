/* dlg-stars.c: starred sessions that a new copy of the feed changed, or that start soon
 *
 * A star names a session by key; the agenda may move that session, give
 * it another room, or drop it in a later copy.  The store keeps what the
 * delegate last saw of each starred session, so the agenda can point out
 * the change instead of silently showing the new time, or nothing.  And
 * a starred session about to start is one the delegate is reminded of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-stars"

#include "config.h"

#include "dlg-stars.h"

static gint64
start_of (DlgSession *session)
{
  if (dlg_session_get_time_tba (session) || dlg_session_get_start (session) == NULL)
    return 0;

  return g_date_time_to_unix (dlg_session_get_start (session));
}

gboolean
dlg_stars_acknowledge (DlgStore    *store,
                       DlgFeed     *feed,
                       DlgSession  *session,
                       GError     **error)
{
  g_return_val_if_fail (DLG_IS_STORE (store), FALSE);
  g_return_val_if_fail (DLG_IS_FEED (feed), FALSE);
  g_return_val_if_fail (DLG_IS_SESSION (session), FALSE);

  return dlg_store_set_starred_seen (store, dlg_event_get_id (dlg_feed_get_event (feed)),
                                     dlg_session_get_key (session), start_of (session),
                                     dlg_session_get_room (session),
                                     dlg_session_get_title (session), error);
}

GHashTable *
dlg_stars_check (DlgStore *store,
                 DlgFeed  *feed)
{
  GHashTable *changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *event_id;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (DLG_IS_STORE (store), changes);
  g_return_val_if_fail (DLG_IS_FEED (feed), changes);

  event_id = dlg_event_get_id (dlg_feed_get_event (feed));
  keys = dlg_store_list_starred (store, event_id);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      DlgSession *session = dlg_feed_find_session (feed, keys[i]);
      g_autofree char *room = NULL;
      g_autofree char *title = NULL;
      DlgStarChange change = DLG_STAR_CHANGE_NONE;
      gint64 start;

      if (!dlg_store_get_starred_seen (store, event_id, keys[i], &start, &room, &title))
        {
          /* Starred before anything was recorded: this copy is the reference. */
          if (session != NULL)
            dlg_stars_acknowledge (store, feed, session, NULL);
          else
            g_hash_table_insert (changes, g_strdup (keys[i]),
                                 GUINT_TO_POINTER (DLG_STAR_CHANGE_GONE));
          continue;
        }

      if (session == NULL)
        change = DLG_STAR_CHANGE_GONE;
      else
        {
          if (start_of (session) != start)
            change |= DLG_STAR_CHANGE_MOVED;
          if (g_strcmp0 (dlg_session_get_room (session), room) != 0)
            change |= DLG_STAR_CHANGE_ROOM;
        }

      if (change != DLG_STAR_CHANGE_NONE)
        g_hash_table_insert (changes, g_strdup (keys[i]), GUINT_TO_POINTER (change));
    }

  return changes;
}

char *
dlg_stars_seen_title (DlgStore   *store,
                      DlgFeed    *feed,
                      const char *key)
{
  g_autofree char *room = NULL;
  char *title = NULL;
  gint64 start;

  g_return_val_if_fail (DLG_IS_STORE (store), NULL);
  g_return_val_if_fail (DLG_IS_FEED (feed), NULL);

  if (!dlg_store_get_starred_seen (store, dlg_event_get_id (dlg_feed_get_event (feed)), key,
                                   &start, &room, &title))
    return NULL;

  return title;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  DlgSession *x = *(DlgSession **) a;
  DlgSession *y = *(DlgSession **) b;
  int order = g_date_time_compare (dlg_session_get_start (x), dlg_session_get_start (y));

  return order != 0 ? order : g_strcmp0 (dlg_session_get_key (x), dlg_session_get_key (y));
}

GPtrArray *
dlg_stars_due (DlgFeed            *feed,
               const char * const *starred,
               GDateTime          *now,
               guint               minutes)
{
  GPtrArray *due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) horizon = NULL;

  g_return_val_if_fail (DLG_IS_FEED (feed), due);
  g_return_val_if_fail (now != NULL, due);

  if (minutes == 0 || starred == NULL)
    return due;

  horizon = g_date_time_add_minutes (now, minutes);
  for (guint i = 0; starred[i] != NULL; i++)
    {
      DlgSession *session = dlg_feed_find_session (feed, starred[i]);

      /* A star can outlive its session, which the agenda dropped. */
      if (session == NULL || dlg_session_get_time_tba (session) ||
          dlg_session_get_start (session) == NULL ||
          g_date_time_compare (dlg_session_get_start (session), now) < 0 ||
          g_date_time_compare (dlg_session_get_start (session), horizon) > 0)
        continue;

      g_ptr_array_add (due, g_object_ref (session));
    }
  g_ptr_array_sort (due, compare_start);

  return due;
}

GHashTable *
dlg_stars_overlapping (DlgFeed            *feed,
                       const char * const *starred)
{
  GHashTable *overlapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  GDateTime *latest_end = NULL;
  DlgSession *latest = NULL;

  g_return_val_if_fail (DLG_IS_FEED (feed), overlapping);

  for (guint i = 0; starred != NULL && starred[i] != NULL; i++)
    {
      DlgSession *session = dlg_feed_find_session (feed, starred[i]);

      if (session != NULL && !dlg_session_get_time_tba (session) &&
          dlg_session_get_start (session) != NULL)
        g_ptr_array_add (chosen, session);
    }
  g_ptr_array_sort (chosen, compare_start);

  /* In start order, each session against the one that ends latest before it, and against
   * the one before it when both start together: a session without a duration still takes
   * the delegate at its start, whichever of the two the sort put first. */
  for (guint i = 0; i < chosen->len; i++)
    {
      DlgSession *session = g_ptr_array_index (chosen, i);
      DlgSession *previous = i > 0 ? g_ptr_array_index (chosen, i - 1) : NULL;

      if (previous != NULL &&
          g_date_time_equal (dlg_session_get_start (session), dlg_session_get_start (previous)))
        {
          g_hash_table_add (overlapping, g_strdup (dlg_session_get_key (session)));
          g_hash_table_add (overlapping, g_strdup (dlg_session_get_key (previous)));
        }
      if (latest_end != NULL &&
          g_date_time_compare (dlg_session_get_start (session), latest_end) < 0)
        {
          g_hash_table_add (overlapping, g_strdup (dlg_session_get_key (session)));
          g_hash_table_add (overlapping, g_strdup (dlg_session_get_key (latest)));
        }
      if (latest_end == NULL ||
          g_date_time_compare (dlg_session_get_end (session), latest_end) > 0)
        {
          latest_end = dlg_session_get_end (session);
          latest = session;
        }
    }

  return overlapping;
}
