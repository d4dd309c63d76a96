/* test-stars.c: stars survive a changed feed, and the changes are pointed out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "../notes/runtime-folder.h"
#include "full-store.h"

#include "dlg-source.h"
#include "dlg-stars.h"
#include "dlg-store.h"
#include "dlg-store-private.h"

static const char * const english[] = { "en", NULL };

#define OPENING "b0000000-0000-4000-8000-000000000001"
#define SMART   "b0000000-0000-4000-8000-000000000003"
#define VISIT   "b0000000-0000-4000-8000-000000000004"

static DlgFeed *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_source_load (path, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static DlgStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  DlgStore *store = dlg_store_open (path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static guint
change_of (GHashTable *changes,
           const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (changes, key));
}

static void
test_changed_feed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgFeed) before = load ("same.json");
  g_autoptr(DlgFeed) after = load ("same-changed.json");
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) starred = NULL;
  g_autofree char *title = NULL;
  const char *event = dlg_event_get_id (dlg_feed_get_event (before));

  {
    g_autoptr(DlgStore) store = open_store (path);
    const char *keys[] = { OPENING, SMART, VISIT };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_assert_true (dlg_store_set_starred (store, event, keys[i], TRUE, &error));
        g_assert_no_error (error);
        g_assert_true (dlg_stars_acknowledge (store, before,
                                              dlg_feed_find_session (before, keys[i]), &error));
        g_assert_no_error (error);
      }

    changes = dlg_stars_check (store, before);
    g_assert_cmpuint (g_hash_table_size (changes), ==, 0);
    g_clear_pointer (&changes, g_hash_table_unref);
  }

  /* A restart, then a sync brings the changed copy. */
  {
    g_autoptr(DlgStore) store = open_store (path);

    starred = dlg_store_list_starred (store, event);
    g_assert_cmpuint (g_strv_length (starred), ==, 3);

    changes = dlg_stars_check (store, after);
    g_assert_cmpuint (g_hash_table_size (changes), ==, 3);
    g_assert_cmpuint (change_of (changes, OPENING), ==, DLG_STAR_CHANGE_MOVED);
    g_assert_cmpuint (change_of (changes, SMART), ==, DLG_STAR_CHANGE_ROOM);
    g_assert_cmpuint (change_of (changes, VISIT), ==, DLG_STAR_CHANGE_GONE);

    /* The dropped session keeps its star and its title, to say which it was. */
    g_assert_true (dlg_store_is_starred (store, event, VISIT));
    title = dlg_stars_seen_title (store, after, VISIT);
    g_assert_cmpstr (title, ==, "Site visit");

    /* Once the delegate has looked at the moved session, it is no longer flagged. */
    g_assert_true (dlg_stars_acknowledge (store, after, dlg_feed_find_session (after, OPENING),
                                          &error));
    g_clear_pointer (&changes, g_hash_table_unref);
    changes = dlg_stars_check (store, after);
    g_assert_false (g_hash_table_contains (changes, OPENING));
    g_assert_cmpuint (change_of (changes, SMART), ==, DLG_STAR_CHANGE_ROOM);

    /* Back to the first copy: the opening moved back. */
    g_clear_pointer (&changes, g_hash_table_unref);
    changes = dlg_stars_check (store, before);
    g_assert_cmpuint (change_of (changes, OPENING), ==, DLG_STAR_CHANGE_MOVED);
    g_assert_false (g_hash_table_contains (changes, VISIT));
  }

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

static void
test_star_without_seen (void)
{
  g_autoptr(DlgStore) store = open_store (":memory:");
  g_autoptr(DlgFeed) feed = load ("same.json");
  g_autoptr(GHashTable) changes = NULL;
  const char *event = dlg_event_get_id (dlg_feed_get_event (feed));
  gint64 start = 0;
  g_autofree char *room = NULL;
  g_autofree char *title = NULL;

  /* A star made before this version recorded anything: the current copy is the reference. */
  g_assert_true (dlg_store_set_starred (store, event, SMART, TRUE, NULL));
  g_assert_true (dlg_store_set_starred (store, event, "not-in-the-feed", TRUE, NULL));
  changes = dlg_stars_check (store, feed);
  g_assert_cmpuint (g_hash_table_size (changes), ==, 1);
  g_assert_cmpuint (change_of (changes, "not-in-the-feed"), ==, DLG_STAR_CHANGE_GONE);
  g_assert_true (dlg_store_get_starred_seen (store, event, SMART, &start, &room, &title));
  g_assert_cmpstr (room, ==, "Ruang 2/B");
  g_assert_cmpstr (title, ==, "Smart city data");
  g_assert_cmpint (start, ==, 1729044000); /* 2024-10-16T10:00:00+08:00 */

  /* Not starred: nothing is recorded. */
  g_assert_true (dlg_store_set_starred_seen (store, event, VISIT, 1, "x", "y", NULL));
  g_assert_false (dlg_store_get_starred_seen (store, event, VISIT, &start, &room, &title));
}

/* The keys of the sessions dlg_stars_due() reminds of at @now, in order, joined by spaces. */
static char *
due_at (DlgFeed            *feed,
        const char * const *starred,
        const char         *now,
        guint               minutes)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (now, NULL);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);

  g_assert_nonnull (when);
  due = dlg_stars_due (feed, starred, when, minutes);
  for (guint i = 0; i < due->len; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? " " : "",
                            dlg_session_get_key (g_ptr_array_index (due, i)));
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* A starred session is reminded of from @minutes before its start until it starts. */
static void
test_due (void)
{
  g_autoptr(DlgFeed) feed = load ("same.json");
  g_autoptr(DlgFeed) kupang = dlg_feed_new_default (english, NULL);
  const char * const all[] = { VISIT, SMART, OPENING, "not-in-the-feed", NULL };
  const char * const smart[] = { SMART, NULL };
  const char * const none[] = { NULL };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL, *g = NULL;
  g_autofree char *h = NULL, *i = NULL, *j = NULL;
  DlgSession *tba;
  g_autofree char *before_tba = NULL;
  const char * tba_key[2] = { NULL, NULL };

  /* Opening 09:00 and Smart city data 10:00 on the 16th (+08:00); the visit 09:00 the 17th. */
  a = due_at (feed, all, "2024-10-16T08:55:00+08:00", 10);
  g_assert_cmpstr (a, ==, OPENING);
  b = due_at (feed, all, "2024-10-16T08:55:00+08:00", 65);
  g_assert_cmpstr (b, ==, OPENING " " SMART);
  /* The same instant in another zone. */
  c = due_at (feed, all, "2024-10-16T00:55:00Z", 65);
  g_assert_cmpstr (c, ==, OPENING " " SMART);
  /* Up to the start itself; not once it has begun. */
  d = due_at (feed, all, "2024-10-16T09:00:00+08:00", 10);
  g_assert_cmpstr (d, ==, OPENING);
  e = due_at (feed, all, "2024-10-16T09:01:00+08:00", 10);
  g_assert_cmpstr (e, ==, "");
  /* Too early. */
  f = due_at (feed, all, "2024-10-16T08:49:00+08:00", 10);
  g_assert_cmpstr (f, ==, "");
  /* Only starred sessions. */
  g = due_at (feed, smart, "2024-10-16T08:55:00+08:00", 10);
  g_assert_cmpstr (g, ==, "");
  h = due_at (feed, none, "2024-10-16T08:55:00+08:00", 10);
  g_assert_cmpstr (h, ==, "");
  /* Reminders off. */
  i = due_at (feed, all, "2024-10-16T09:00:00+08:00", 0);
  g_assert_cmpstr (i, ==, "");

  /* Kupang's programme gives no times: nothing to be reminded of, whatever the hour. */
  g_assert_nonnull (kupang);
  tba = g_list_model_get_item (dlg_feed_get_sessions (kupang), 0);
  g_assert_true (dlg_session_get_time_tba (tba));
  tba_key[0] = dlg_session_get_key (tba);
  if (dlg_session_get_start (tba) != NULL)
    {
      g_autoptr(GDateTime) minute_before = g_date_time_add_minutes (dlg_session_get_start (tba), -1);

      before_tba = g_date_time_format_iso8601 (minute_before);
      j = due_at (kupang, tba_key, before_tba, 10);
      g_assert_cmpstr (j, ==, "");
    }
  g_object_unref (tba);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
overlapping (DlgFeed            *feed,
             const char * const *starred)
{
  g_autoptr(GHashTable) set = dlg_stars_overlapping (feed, starred);
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (set, NULL);

  qsort (keys, g_hash_table_size (set), sizeof (char *), compare_strings);
  return g_strjoinv (" ", (char **) keys);
}

/* Opening runs 09:00-10:30 and Smart city data 10:00-10:30 on the 16th; the visit is the 17th. */
static void
test_overlapping (void)
{
  g_autoptr(DlgFeed) feed = load ("same.json");
  const char * const all[] = { VISIT, SMART, OPENING, "not-in-the-feed", NULL };
  const char * const apart[] = { OPENING, VISIT, NULL };
  const char * const one[] = { SMART, NULL };
  g_autofree char *a = overlapping (feed, all);
  g_autofree char *b = overlapping (feed, apart);
  g_autofree char *c = overlapping (feed, one);
  g_autofree char *d = overlapping (feed, NULL);

  g_assert_cmpstr (a, ==, OPENING " " SMART);
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "");
}

/* Two starred sessions that start together clash, whether or not one has a duration, and
 * whatever their keys (the sort puts the one of the smaller key first). */
static void
test_overlapping_same_start (void)
{
  static const char json[] =
    "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"c\", \"title\": \"C\", "
    "\"time_zone_name\": \"Asia/Makassar\", \"days\": [{\"index\": 1, \"date\": \"2019-10-16\", "
    "\"rooms\": {\"A\": ["
    "{\"guid\": \"a-zero\", \"date\": \"2019-10-16T10:00:00+08:00\", \"start\": \"10:00\", "
    "\"duration\": \"0:00\", \"title\": \"A\"},"
    "{\"guid\": \"z-zero\", \"date\": \"2019-10-16T10:00:00+08:00\", \"start\": \"10:00\", "
    "\"duration\": \"0:00\", \"title\": \"Z\"}], \"B\": ["
    "{\"guid\": \"b-hour\", \"date\": \"2019-10-16T10:00:00+08:00\", \"start\": \"10:00\", "
    "\"duration\": \"1:00\", \"title\": \"B\"}]}}]}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) feed = dlg_source_parse (bytes, NULL, NULL, NULL, &error);
  const char * const first[] = { "a-zero", "b-hour", NULL };
  const char * const last[] = { "z-zero", "b-hour", NULL };
  const char * const instants[] = { "a-zero", "z-zero", NULL };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_no_error (error);
  a = overlapping (feed, first);
  b = overlapping (feed, last);
  c = overlapping (feed, instants);
  g_assert_cmpstr (a, ==, "a-zero b-hour");
  g_assert_cmpstr (b, ==, "b-hour z-zero");
  g_assert_cmpstr (c, ==, "a-zero z-zero");
}

/* --- a full disk --------------------------------------------------------- */

/* What a second program reading the file sees (what the next start reads). */
static gboolean
in_file (const char *path,
         const char *event,
         const char *key)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM stars WHERE event_id = ?1 AND "
                                           "session_key = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, event, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static gboolean
strv_has (GStrv       strv,
          const char *text)
{
  return g_strv_contains ((const char * const *) strv, text);
}

static guint n_notified;

static void
notified_cb (void)
{
  n_notified++;
}

/* A star pressed, or taken away, while the disk is full takes all the same, and the delegate
 * is told why (until 4 December it was refused with a warning in the log alone, the star
 * showing nothing or vanishing); the file has it as soon as there is room, at the next try. */
static void
test_full (void)
{
  g_autofree char *dir = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgStore) store = open_store (path);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) starred = NULL;
  const char *before;

  stored = full_store_fill (store, "e1");
  g_assert_cmpuint (stored->len, >, 0);
  before = g_ptr_array_index (stored, 0);
  g_assert_null (dlg_store_get_stars_error (store));
  g_signal_connect (store, "notify::stars-error", G_CALLBACK (notified_cb), NULL);
  n_notified = 0;

  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*could not be saved: the disk is full");
  g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "Your stars could not be saved: the disk is full");
  g_clear_error (&error);
  g_assert_cmpstr (dlg_store_get_stars_error (store), ==,
                   "Your stars could not be saved: the disk is full");
  g_assert_cmpuint (n_notified, ==, 1);

  /* Taken, for the agenda, "My schedule", the report: newest last. */
  g_assert_true (dlg_store_is_starred (store, "e1", "s-new-session"));
  g_assert_false (dlg_store_set_starred (store, "e1", before, FALSE, NULL));
  g_assert_false (dlg_store_is_starred (store, "e1", before));
  starred = dlg_store_list_starred (store, "e1");
  g_assert_cmpuint (g_strv_length (starred), ==, stored->len);
  g_assert_false (strv_has (starred, before));
  g_assert_cmpstr (starred[stored->len - 1], ==, "s-new-session");
  g_clear_pointer (&starred, g_strfreev);
  /* Told once for the one problem. */
  g_assert_cmpuint (n_notified, ==, 1);

  /* Kept meanwhile in the runtime folder, in the file a held close names. */
  {
    gboolean kept = FALSE;
    g_autofree char *rescue = dlg_store_dup_stars_rescue_path (store, &kept);
    g_autofree char *data = NULL;

    g_assert_nonnull (rescue);
    g_assert_true (kept);
    g_assert_true (g_str_has_prefix (rescue, g_get_user_runtime_dir ()));
    g_assert_true (g_file_get_contents (rescue, &data, NULL, NULL));
    g_assert_nonnull (strstr (data, "s-new-session"));
  }

  /* Not in the file yet. */
  g_assert_false (in_file (path, "e1", "s-new-session"));
  g_assert_true (in_file (path, "e1", before));

  /* Room again: the next try writes them, in the file as on screen. */
  full_store_make_room (store);
  g_assert_true (dlg_store_save_stars (store, &error));
  g_assert_no_error (error);
  g_assert_null (dlg_store_get_stars_error (store));
  /* Saved: nothing left unsaved to name. */
  g_assert_null (dlg_store_dup_stars_rescue_path (store, NULL));
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_true (in_file (path, "e1", "s-new-session"));
  g_assert_false (in_file (path, "e1", before));
  g_assert_true (dlg_store_is_starred (store, "e1", "s-new-session"));
  g_assert_false (dlg_store_is_starred (store, "e1", before));

  g_clear_object (&store);
  runtime_folder_remove (dir);
}

/* The try every few seconds, on its own: a delegate who stars nothing more still has the star
 * saved once there is room. */
static gboolean
saved_cb (gpointer data)
{
  return dlg_store_get_stars_error (data) == NULL;
}

static void
test_full_retried (void)
{
  g_autofree char *dir = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgStore) store = open_store (path);
  g_autoptr(GPtrArray) stored = full_store_fill (store, "e1");
  gint64 end;

  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*the disk is full");
  g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, NULL));
  g_test_assert_expected_messages ();
  full_store_make_room (store);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!saved_cb (store) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dlg_store_get_stars_error (store));
  g_assert_true (in_file (path, "e1", "s-new-session"));

  g_clear_object (&store);
  runtime_folder_remove (dir);
}

/* Stars pressed while the disk is full, then the app killed (or crashed) before it had room:
 * the next start writes them, one taken away too, and leaves nothing behind in the runtime
 * folder. */
static void
test_full_then_killed (void)
{
  g_autofree char *path = g_build_filename (g_get_user_runtime_dir (), "killed-stars.db", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(GDir) dir = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) stored = NULL;

      store = open_store (path);
      g_assert_true (dlg_store_set_starred (store, "e1", "a-old-session", TRUE, NULL));
      stored = full_store_fill (store, "e1");
      g_assert_cmpuint (stored->len, >, 0);
      g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*the disk is full");
      g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, NULL));
      g_test_assert_expected_messages ();
      g_assert_false (dlg_store_set_starred (store, "e1", "a-old-session", FALSE, NULL));
      raise (SIGKILL);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_false (in_file (path, "e1", "s-new-session"));
  g_assert_true (in_file (path, "e1", "a-old-session"));

  /* The next start, with room on the disk again. */
  store = open_store (path);
  g_assert_true (dlg_store_is_starred (store, "e1", "s-new-session"));
  g_assert_false (dlg_store_is_starred (store, "e1", "a-old-session"));
  g_assert_null (dlg_store_get_stars_error (store));
  g_assert_true (in_file (path, "e1", "s-new-session"));
  g_assert_false (in_file (path, "e1", "a-old-session"));

  /* Once saved, no copy of them is left behind. */
  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    g_assert_false (g_str_has_prefix (name, "unsaved-stars-"));

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
}

/* --- a data file that could not be opened at start ----------------------- */

/* The data file's folder made a plain file, which no one, root included, can open a file
 * under; and back. */
static void
block (const char *dir)
{
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (dir, aside), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
}

static void
unblock (const char *dir)
{
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);

  g_assert_cmpint (g_unlink (dir), ==, 0);
  if (g_file_test (aside, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (aside, dir), ==, 0);
}

static gboolean
rescue_left (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    if (g_str_has_prefix (name, "unsaved-stars-"))
      return TRUE;
  return FALSE;
}

static void
remove_tree (const char *top)
{
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);

  runtime_folder_remove (dir);
  runtime_folder_remove (aside);
  g_unlink (dir);
  g_rmdir (top);
}

/* Starred while the data file cannot be opened (the app runs on a store in memory): the star
 * takes, the delegate is told it is not saved yet, and it waits in the runtime folder (until
 * 4 December it went into memory alone, gone at the next start); the next start that opens
 * the file writes it in, and only then lets the runtime folder's copy go. */
static void
test_unopened (void)
{
  g_autofree char *top = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) starred = NULL;

  block (dir);
  store = dlg_store_open_in_memory_for (path);
  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*not saved yet*");
  g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED);
  g_assert_cmpstr (dlg_store_get_stars_error (store), ==,
                   "Your stars are not saved yet: the file of your saved data could not be "
                   "opened");
  g_assert_true (dlg_store_is_starred (store, "e1", "s-new-session"));
  starred = dlg_store_list_starred (store, "e1");
  g_assert_cmpstrv (starred, ((const char *[]) { "s-new-session", NULL }));
  g_assert_true (rescue_left ());
  g_assert_false (dlg_store_has_file (store));
  /* Quit with the file still closed: kept for the next start. */
  g_assert_false (dlg_store_save_stars (store, NULL));
  g_clear_object (&store);
  g_assert_true (rescue_left ());

  unblock (dir);
  store = open_store (path);
  g_assert_true (dlg_store_is_starred (store, "e1", "s-new-session"));
  g_assert_null (dlg_store_get_stars_error (store));
  g_assert_true (in_file (path, "e1", "s-new-session"));
  g_assert_false (rescue_left ());

  g_clear_object (&store);
  remove_tree (top);
}

/* The file opens while the app runs, and the delegate quits: the stars go into it at quit
 * (dlg_store_save_stars(), from the app's shutdown), none left in the runtime folder. */
static void
test_unopened_saved_at_quit (void)
{
  g_autofree char *top = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgStore) store = NULL;

  block (dir);
  store = dlg_store_open_in_memory_for (path);
  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*not saved yet*");
  g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, NULL));
  g_test_assert_expected_messages ();
  g_assert_false (dlg_store_set_starred (store, "e1", "s-other", TRUE, NULL));
  g_assert_false (dlg_store_set_starred (store, "e1", "s-other", FALSE, NULL));

  unblock (dir);
  g_assert_true (dlg_store_save_stars (store, NULL));
  g_assert_null (dlg_store_get_stars_error (store));
  g_assert_true (dlg_store_has_file (store));
  g_assert_true (in_file (path, "e1", "s-new-session"));
  g_assert_false (in_file (path, "e1", "s-other"));
  g_assert_false (rescue_left ());
  /* The next star goes straight into the file. */
  g_assert_true (dlg_store_set_starred (store, "e1", "s-third", TRUE, NULL));
  g_assert_true (in_file (path, "e1", "s-third"));

  g_clear_object (&store);
  remove_tree (top);
}

static char *changed_event;

static void
stars_changed_cb (DlgStore   *store,
                  const char *event_id)
{
  g_free (changed_event);
  changed_event = g_strdup (event_id);
}

/* The file, with stars of a start before, opens while the app runs (a note's save opens it,
 * dlg_store_dup_keeper()): the agenda hears of its stars at once, "My schedule" holding them
 * beside the one starred meanwhile (until 4 December only after a restart), which is written
 * into the file. */
static void
test_unopened_opens_mid_run (void)
{
  g_autofree char *top = g_dir_make_tmp ("delegate-stars-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DlgStore) store = open_store (path);
  g_autoptr(DlgStore) keeper = NULL;
  g_auto(GStrv) starred = NULL;
  gint64 end;

  g_assert_true (dlg_store_set_starred (store, "e1", "s-before", TRUE, NULL));
  g_clear_object (&store);

  block (dir);
  store = dlg_store_open_in_memory_for (path);
  g_assert_false (dlg_store_is_starred (store, "e1", "s-before"));
  g_test_expect_message ("dlg-store", G_LOG_LEVEL_WARNING, "*not saved yet*");
  g_assert_false (dlg_store_set_starred (store, "e1", "s-new-session", TRUE, NULL));
  g_test_assert_expected_messages ();
  g_signal_connect (store, "stars-changed", G_CALLBACK (stars_changed_cb), NULL);
  g_signal_connect (store, "notify::stars-error", G_CALLBACK (notified_cb), NULL);
  n_notified = 0;

  unblock (dir);
  keeper = dlg_store_dup_keeper (store, NULL);
  g_assert_nonnull (keeper);
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (changed_event == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (changed_event, ==, "e1");
  g_assert_cmpuint (n_notified, >=, 1);
  g_assert_null (dlg_store_get_stars_error (store));

  starred = dlg_store_list_starred (store, "e1");
  g_assert_cmpstrv (starred, ((const char *[]) { "s-before", "s-new-session", NULL }));
  g_assert_true (dlg_store_is_starred (store, "e1", "s-before"));
  g_assert_true (in_file (path, "e1", "s-new-session"));
  g_assert_false (rescue_left ());

  g_clear_pointer (&changed_event, g_free);
  g_clear_object (&keeper);
  g_clear_object (&store);
  remove_tree (top);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* A runtime folder of this run's own, which the child process of full-then-killed shares
   * (it inherits the environment): the stars a full disk refused wait there. */
  if (g_getenv ("DELEGATE_TEST_STARS_RUNTIME") == NULL)
    {
      g_autofree char *runtime = g_dir_make_tmp ("delegate-stars-runtime-XXXXXX", NULL);

      g_assert_nonnull (runtime);
      runtime_folder_use (runtime);
      g_setenv ("DELEGATE_TEST_STARS_RUNTIME", runtime, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stars/changed-feed", test_changed_feed);
  g_test_add_func ("/stars/star-without-seen", test_star_without_seen);
  g_test_add_func ("/stars/due", test_due);
  g_test_add_func ("/stars/overlapping", test_overlapping);
  g_test_add_func ("/stars/overlapping-same-start", test_overlapping_same_start);
  g_test_add_func ("/stars/full", test_full);
  g_test_add_func ("/stars/full-retried", test_full_retried);
  g_test_add_func ("/stars/full-then-killed", test_full_then_killed);
  g_test_add_func ("/stars/unopened", test_unopened);
  g_test_add_func ("/stars/unopened-saved-at-quit", test_unopened_saved_at_quit);
  g_test_add_func ("/stars/unopened-opens-mid-run", test_unopened_opens_mid_run);

  status = g_test_run ();
  if (!g_test_subprocess ())
    runtime_folder_remove (g_getenv ("DELEGATE_TEST_STARS_RUNTIME"));
  return status;
}
