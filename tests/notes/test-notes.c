/* test-notes.c: the delegate's notes in the store, and the saver that keeps
 * them while they write: timing, save on close, a feed update that removes
 * what a note is attached to, a store that cannot be written
 *
 * Real main loop, real timeouts, a real SQLite file: no fake clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-notes"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "dlg-note-saver.h"
#include "dlg-notes.h"
#include "dlg-store-private.h"
#include "fixture-store.h"
#include "runtime-folder.h"

/* The store as another process would see it: a connection of its own. */
static DlgNote *
lookup_fresh (Fixture    *f,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgStore) other = dlg_store_open (f->path, NULL, &error);

  g_assert_no_error (error);
  return dlg_notes_lookup (other, id);
}

static void
exec_sql (DlgStore   *store,
          const char *sql)
{
  sqlite3 *db = dlg_store_lock (store);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  dlg_store_unlock (store);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
test_store (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DlgNote) a = dlg_note_new ("e1", DLG_NOTE_SESSION, "s1");
  g_autoptr(DlgNote) b = dlg_note_new ("e1", DLG_NOTE_FREE, "ignored");
  g_autoptr(DlgNote) c = dlg_note_new ("e2", DLG_NOTE_MEMBER, "kupang");
  g_autoptr(DlgNote) old_a = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(DlgNote) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (dlg_note_get_key (b));
  dlg_note_set_title (a, "Opening");
  dlg_note_set_body (a, "Ask about <b>waste</b> & 'banks' \"now\"\n\nSecond paragraph ✓");
  dlg_note_set_body (b, "free");
  dlg_note_set_body (c, "member");
  g_ptr_array_add (notes, a);
  g_ptr_array_add (notes, b);
  g_ptr_array_add (notes, c);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  /* Per event, newest first. */
  listed = dlg_notes_list (f->store, "e1", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (dlg_note_get_id (g_ptr_array_index (listed, 0)), ==, dlg_note_get_id (b));
  g_assert_cmpstr (dlg_note_get_id (g_ptr_array_index (listed, 1)), ==, dlg_note_get_id (a));
  g_clear_pointer (&listed, g_ptr_array_unref);

  found = lookup_fresh (f, dlg_note_get_id (a));
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_body (found), ==, dlg_note_get_body (a));
  g_assert_cmpstr (dlg_note_get_title (found), ==, "Opening");
  g_assert_cmpint (dlg_note_get_kind (found), ==, DLG_NOTE_SESSION);
  g_assert_cmpstr (dlg_note_get_key (found), ==, "s1");
  g_assert_cmpint (dlg_note_get_modified (found), ==, dlg_note_get_modified (a));
  g_clear_object (&found);

  /* An older copy written last does not win over the newer one. */
  old_a = dlg_note_copy (a);
  dlg_note_set_body (a, "newer");
  g_ptr_array_set_size (notes, 0);
  g_ptr_array_add (notes, a);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_ptr_array_set_size (notes, 0);
  g_ptr_array_add (notes, old_a);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  found = dlg_notes_lookup (f->store, dlg_note_get_id (a));
  g_assert_cmpstr (dlg_note_get_body (found), ==, "newer");
  g_clear_object (&found);

  /* Deleted notes leave the list but stay as tombstones. */
  dlg_note_set_deleted (b, TRUE);
  g_ptr_array_set_size (notes, 0);
  g_ptr_array_add (notes, b);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  listed = dlg_notes_list (f->store, "e1", FALSE, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = dlg_notes_list (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (listed->len, ==, 3);
}

/* A note stamped ahead of this machine's clock (written on a laptop whose clock ran
 * ahead, then imported): an edit made here is kept all the same. */
static void
test_clock_behind (Fixture       *f,
                   gconstpointer  data)
{
  gint64 ahead = g_get_real_time () + 8 * G_TIME_SPAN_HOUR;
  g_autoptr(DlgNote) note = dlg_note_new_full ("n-ahead", "e1", DLG_NOTE_FREE, NULL,
                                               "Trip report", "imported", ahead, ahead,
                                               FALSE);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(DlgNote) found = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  dlg_note_set_body (note, "edited here");
  g_assert_cmpint (dlg_note_get_modified (note), >, ahead);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  found = lookup_fresh (f, "n-ahead");
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_body (found), ==, "edited here");
}

typedef struct
{
  GMainLoop *loop;
  gint64     saved_at;
  guint      n_saved;
  char      *last_body;
} Watch;

static void
note_saved_cb (DlgNoteSaver *saver,
               DlgNote      *copy,
               Watch        *watch)
{
  watch->saved_at = g_get_monotonic_time ();
  watch->n_saved++;
  g_free (watch->last_body);
  watch->last_body = g_strdup (dlg_note_get_body (copy));
  if (watch->loop != NULL)
    g_main_loop_quit (watch->loop);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

/* A delegate types a key every 150 ms, without a pause: before each next
 * key, another connection to the file (what the app reads after a kill
 * or a crash) already holds every key typed. */
static void
test_autosave_every_key (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DlgNoteSaver) saver = dlg_note_saver_new (f->store);
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(GString) typed = g_string_new (NULL);
  Watch watch = { NULL, };

  g_signal_connect (saver, "note-saved", G_CALLBACK (note_saved_cb), &watch);
  g_assert_false (dlg_note_saver_get_unsaved (saver));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(DlgNote) stored = NULL;

      g_string_append_printf (typed, "w%u ", i);
      dlg_note_set_body (note, typed->str);
      dlg_note_saver_queue (saver, note);
      g_assert_true (dlg_note_saver_get_unsaved (saver));
      run_for (150);

      stored = lookup_fresh (f, dlg_note_get_id (note));
      g_assert_nonnull (stored);
      g_assert_cmpstr (dlg_note_get_body (stored), ==, typed->str);
      g_assert_false (dlg_note_saver_get_unsaved (saver));
    }
  g_assert_cmpuint (watch.n_saved, ==, 5);
  g_assert_null (dlg_note_saver_get_error (saver));
  g_free (watch.last_body);
}

/* Keys typed while a save runs go together in the next one: a slow disk
 * means fewer saves, not a queue of them. */
static void
test_autosave_coalesces (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DlgNoteSaver) saver = dlg_note_saver_new (f->store);
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) stored = NULL;
  g_autoptr(GString) typed = g_string_new (NULL);
  Watch watch = { NULL, };

  g_signal_connect (saver, "note-saved", G_CALLBACK (note_saved_cb), &watch);
  for (guint i = 0; i < 50; i++)
    {
      g_string_append_printf (typed, "w%u ", i);
      dlg_note_set_body (note, typed->str);
      dlg_note_saver_queue (saver, note);
    }
  while (dlg_note_saver_get_unsaved (saver))
    g_main_context_iteration (NULL, TRUE);

  /* The first key's save, then one for the other 49. */
  g_assert_cmpuint (watch.n_saved, ==, 2);
  g_assert_cmpstr (watch.last_body, ==, typed->str);
  stored = lookup_fresh (f, dlg_note_get_id (note));
  g_assert_cmpstr (dlg_note_get_body (stored), ==, typed->str);
  g_free (watch.last_body);
}

/* A note begun on an event added offline joins the event once it is
 * downloaded: saved after the move, it is stored under the event's id,
 * and the move is not an edit. */
static void
test_move_to_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pending = dlg_notes_pending_event_id ("https://example.org/forum.json");
  g_autoptr(DlgNote) note = dlg_note_new (pending, DLG_NOTE_FREE, NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(DlgNote) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 modified;

  g_assert_true (g_str_has_prefix (pending, "pending:"));
  dlg_note_set_body (note, "Keynote");
  modified = dlg_note_get_modified (note);
  dlg_note_move_to_event (note, "forum");
  g_assert_cmpstr (dlg_note_get_event_id (note), ==, "forum");
  g_assert_cmpint (dlg_note_get_modified (note), ==, modified);

  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);
  stored = lookup_fresh (f, dlg_note_get_id (note));
  g_assert_cmpstr (dlg_note_get_event_id (stored), ==, "forum");
  g_assert_cmpstr (dlg_note_get_body (stored), ==, "Keynote");
}

/* Closing the window or quitting saves at once, whatever the timers. */
static void
test_save_on_close (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DlgNoteSaver) saver = dlg_note_saver_new (f->store);
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_PRACTICE, "p1");
  g_autoptr(DlgNote) stored = NULL;
  g_autoptr(GError) error = NULL;

  dlg_note_set_title (note, "Closing");
  dlg_note_set_body (note, "typed just before closing");
  dlg_note_saver_queue (saver, note);
  g_assert_true (dlg_note_saver_get_unsaved (saver));

  g_assert_true (dlg_note_saver_flush (saver, &error));
  g_assert_no_error (error);
  g_assert_false (dlg_note_saver_get_unsaved (saver));
  g_clear_object (&saver);

  stored = lookup_fresh (f, dlg_note_get_id (note));
  g_assert_nonnull (stored);
  g_assert_cmpstr (dlg_note_get_title (stored), ==, "Closing");
  g_assert_cmpstr (dlg_note_get_body (stored), ==, "typed just before closing");

  /* A flush while a background save is in flight loses nothing either. */
  saver = dlg_note_saver_new (f->store);
  dlg_note_set_body (note, "first");
  dlg_note_saver_queue (saver, note);
  dlg_note_set_body (note, "second");
  dlg_note_saver_queue (saver, note);
  g_assert_true (dlg_note_saver_flush (saver, &error));
  run_for (200);
  g_clear_object (&stored);
  stored = lookup_fresh (f, dlg_note_get_id (note));
  g_assert_cmpstr (dlg_note_get_body (stored), ==, "second");
}

static DlgFeed *
load_fixture (const char *name)
{
  static const char * const english[] = { "en", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "notes", "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlgFeed *feed = dlg_feed_new_from_file (file, english, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

/* A feed update drops the session and the case two notes are attached
 * to: the notes stay, whole, and say that their item is gone. */
static void
test_orphaned (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DlgFeed) before = load_fixture ("before.json");
  g_autoptr(DlgFeed) after = load_fixture ("after.json");
  const char *event_id = dlg_event_get_id (dlg_feed_get_event (before));
  g_autoptr(DlgNote) on_s1 = dlg_note_new (event_id, DLG_NOTE_SESSION, "s1");
  g_autoptr(DlgNote) on_s2 = dlg_note_new (event_id, DLG_NOTE_SESSION, "s2");
  g_autoptr(DlgNote) on_p1 = dlg_note_new (event_id, DLG_NOTE_PRACTICE, "p1");
  g_autoptr(DlgNote) on_member = dlg_note_new (event_id, DLG_NOTE_MEMBER, "kupang");
  g_autoptr(DlgNote) free_note = dlg_note_new (event_id, DLG_NOTE_FREE, NULL);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  DlgNote *all[] = { on_s1, on_s2, on_p1, on_member, free_note };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *body = g_strdup_printf ("note %u", i);

      dlg_note_set_body (all[i], body);
      g_ptr_array_add (notes, all[i]);
      g_assert_false (dlg_note_is_orphaned (all[i], before));
    }
  g_assert_cmpstr (dlg_note_get_item_name (on_s2, before), ==, "Waste banks");
  g_assert_cmpstr (dlg_note_get_item_name (on_p1, before), ==, "Waste banks in every village");
  g_assert_cmpstr (dlg_note_get_item_name (on_member, before), ==, "Kota Kupang");
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_no_error (error);

  /* After the update, as the pane reads them. */
  listed = dlg_notes_list (f->store, dlg_event_get_id (dlg_feed_get_event (after)), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 5);
  for (guint i = 0; i < listed->len; i++)
    {
      DlgNote *note = g_ptr_array_index (listed, i);
      const char *id = dlg_note_get_id (note);
      gboolean gone = g_str_equal (id, dlg_note_get_id (on_s2)) ||
                      g_str_equal (id, dlg_note_get_id (on_p1));

      g_assert_cmpint (dlg_note_is_orphaned (note, after), ==, gone);
      g_assert_true (g_str_has_prefix (dlg_note_get_body (note), "note "));
    }
}

/* The store refuses writes (read-only, or full): the note stays queued
 * and whole, the error says so, and it saves once the store takes writes
 * again, without another change. */
static void
check_unwritable (Fixture    *f,
                  const char *refuse,
                  const char *allow,
                  const char *reason)
{
  g_autoptr(DlgNoteSaver) saver = g_object_new (DLG_TYPE_NOTE_SAVER, "store", f->store,
                                                "retry", 300, NULL);
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) stored = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) unsaved = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { NULL, };

  g_signal_connect (saver, "note-saved", G_CALLBACK (note_saved_cb), &watch);

  /* Enough text to need new pages in the file. */
  while (body->len < 256 * 1024)
    g_string_append (body, "Every word matters. ");

  exec_sql (f->store, refuse);
  dlg_note_set_body (note, body->str);
  dlg_note_saver_queue (saver, note);

  g_test_expect_message ("dlg-note-saver", G_LOG_LEVEL_WARNING, "*could not be saved*");
  run_for (200);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (watch.n_saved, ==, 0);
  g_assert_nonnull (dlg_note_saver_get_error (saver));
  g_test_message ("error: %s", dlg_note_saver_get_error (saver));
  /* In plain words, not SQLite's English ("database or disk is full"). */
  g_assert_cmpstr (dlg_note_saver_get_error (saver), ==, reason);
  g_assert_true (dlg_note_saver_get_unsaved (saver));
  g_assert_cmpstr (dlg_note_get_body (note), ==, body->str);
  g_assert_null (dlg_notes_lookup (f->store, dlg_note_get_id (note)));

  /* A flush (closing) fails too, and says so. */
  g_assert_false (dlg_note_saver_flush (saver, &error));
  g_assert_error (error, DLG_STORE_ERROR, DLG_STORE_ERROR_FAILED);

  /* What the store would give back is older than the note: the saver still has it. */
  unsaved = dlg_note_saver_dup_unsaved (saver);
  g_assert_cmpuint (unsaved->len, ==, 1);
  g_assert_true (g_ptr_array_index (unsaved, 0) == note);

  exec_sql (f->store, allow);
  watch.loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (watch.loop);
  g_clear_pointer (&watch.loop, g_main_loop_unref);

  g_assert_null (dlg_note_saver_get_error (saver));
  g_assert_false (dlg_note_saver_get_unsaved (saver));
  stored = lookup_fresh (f, dlg_note_get_id (note));
  g_assert_nonnull (stored);
  g_assert_cmpstr (dlg_note_get_body (stored), ==, body->str);
  g_clear_pointer (&unsaved, g_ptr_array_unref);
  unsaved = dlg_note_saver_dup_unsaved (saver);
  g_assert_cmpuint (unsaved->len, ==, 0);
  g_free (watch.last_body);
}

/* While the store refuses writes, the event's notes as listed (switching back to the event)
 * are the newest: an edit not yet saved, a note begun since; a note that moved to another
 * event, or was deleted, is not among them. */
static void
test_list_unsaved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgNoteSaver) saver = g_object_new (DLG_TYPE_NOTE_SAVER, "store", f->store,
                                                "retry", 60000, NULL);
  g_autoptr(DlgNote) edited = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) moved = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) begun = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  dlg_note_set_body (edited, "saved");
  dlg_note_set_body (moved, "moved");
  g_ptr_array_add (notes, edited);
  g_ptr_array_add (notes, moved);
  g_assert_true (dlg_notes_save (f->store, notes, &error));

  exec_sql (f->store, "PRAGMA query_only = ON");
  g_test_expect_message ("dlg-note-saver", G_LOG_LEVEL_WARNING, "*could not be saved*");
  dlg_note_set_body (edited, "saved, then edited");
  dlg_note_saver_queue (saver, edited);
  dlg_note_move_to_event (moved, "e2");
  dlg_note_saver_queue (saver, moved);
  begun = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  dlg_note_set_body (begun, "begun");
  dlg_note_saver_queue (saver, begun);
  run_for (200);
  g_test_assert_expected_messages ();
  g_assert_nonnull (dlg_note_saver_get_error (saver));

  listed = dlg_note_saver_list (saver, "e1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  /* Newest first. */
  g_assert_true (g_ptr_array_index (listed, 0) == begun);
  g_assert_true (g_ptr_array_index (listed, 1) == edited);
  g_assert_cmpstr (dlg_note_get_body (g_ptr_array_index (listed, 1)), ==, "saved, then edited");
  g_clear_pointer (&listed, g_ptr_array_unref);

  listed = dlg_note_saver_list (saver, "e2", &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (g_ptr_array_index (listed, 0) == moved);
  exec_sql (f->store, "PRAGMA query_only = OFF");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  check_unwritable (f, "PRAGMA query_only = ON", "PRAGMA query_only = OFF",
                    "Your notes could not be saved: the file may not be written");
}

static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  sqlite3 *db = dlg_store_lock (f->store);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *refuse = NULL;
  int pages;

  sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  dlg_store_unlock (f->store);

  /* SQLite's own "database or disk is full", as on a full disk. */
  refuse = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 1);
  check_unwritable (f, refuse, "PRAGMA max_page_count = 1073741823",
                    "Your notes could not be saved: the disk is full");
}

/* A page of the file is damaged where the saved copies of feeds are (a bad sector, a crash
 * of the disk's cache): the store moves the file aside and starts afresh, as before, but the
 * delegate's notes and stars come over from the damaged file (until 4 December a damaged page
 * anywhere left every note behind in the file moved aside). */
static void
test_damaged_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_SESSION, "s1");
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_auto(GStrv) stars = NULL;
  g_autoptr(GString) blob = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int root, page_size;
  FILE *file;
  char garbage[64];

  dlg_note_set_title (note, "Opening");
  dlg_note_set_body (note, "Ask the mayor about the water board ✓");
  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (f->store, notes, &error));
  g_assert_true (dlg_store_set_starred (f->store, "e1", "s1", TRUE, &error));
  g_assert_no_error (error);

  /* Saved copies of feeds, over several pages of the file. */
  while (blob->len < 8000)
    g_string_append (blob, "{\"sessions\": []} ");
  db = dlg_store_lock (f->store);
  for (guint i = 0; i < 40; i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO resources (url, body, fetched_at) "
                                               "VALUES (?1, ?2, 0)", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, g_strdup_printf ("https://feed.example/%u.json", i), -1,
                         g_free);
      sqlite3_bind_blob (stmt, 2, blob->str, blob->len, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master "
                                           "WHERE name = 'resources'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  dlg_store_unlock (f->store);
  /* Closed: everything is in the file itself. */
  g_clear_object (&f->store);

  /* The page at the root of the feeds' table is damaged. */
  memset (garbage, 0xa5, sizeof garbage);
  file = fopen (f->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  fclose (file);

  g_test_expect_message ("dlg-store", G_LOG_LEVEL_MESSAGE, "*moving it to*");
  f->store = dlg_store_open (f->path, &aside, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (aside);

  listed = dlg_notes_list (f->store, "e1", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (dlg_note_get_body (g_ptr_array_index (listed, 0)), ==,
                   "Ask the mayor about the water board ✓");
  g_assert_cmpint (dlg_note_get_modified (g_ptr_array_index (listed, 0)), ==,
                   dlg_note_get_modified (note));
  stars = dlg_store_list_starred (f->store, "e1");
  g_assert_cmpuint (g_strv_length (stars), ==, 1);
  g_assert_cmpstr (stars[0], ==, "s1");
}

/* The saved data could not be opened at start (here its folder could not be made): the app
 * runs on a store in memory.  A note typed then is not called saved; once the file can be
 * opened, it is saved there by itself, and the notes listed (the pane, the report) are the
 * file's: those written before this start too. */
static void
test_file_not_opened (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "data", NULL);
  g_autofree char *path = g_build_filename (folder, "delegate.db", NULL);
  g_autoptr(DlgStore) memory = dlg_store_open_in_memory_for (path);
  g_autoptr(DlgNoteSaver) saver = g_object_new (DLG_TYPE_NOTE_SAVER, "store", memory,
                                                "retry", 300, NULL);
  g_autoptr(DlgNote) earlier = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_SESSION, "s1");
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(DlgStore) file = NULL;
  g_autoptr(DlgStore) again = NULL;
  g_autoptr(DlgNote) stored = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { NULL, };

  /* Where the folder should be, a file. */
  g_assert_true (g_file_set_contents (folder, "", 0, &error));
  g_signal_connect (saver, "note-saved", G_CALLBACK (note_saved_cb), &watch);

  g_test_expect_message ("dlg-note-saver", G_LOG_LEVEL_WARNING, "*could not be saved*");
  dlg_note_set_body (note, "Typed while the file was not open.");
  dlg_note_saver_queue (saver, note);
  run_for (200);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (watch.n_saved, ==, 0);
  g_assert_nonnull (dlg_note_saver_get_error (saver));
  g_test_message ("error: %s", dlg_note_saver_get_error (saver));
  g_assert_true (dlg_note_saver_get_unsaved (saver));

  /* The folder is there again, with the file and a note written before. */
  g_assert_cmpint (g_unlink (folder), ==, 0);
  file = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  dlg_note_set_body (earlier, "Written at an earlier start.");
  g_ptr_array_add (notes, earlier);
  g_assert_true (dlg_notes_save (file, notes, &error));
  g_clear_object (&file);

  watch.loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (watch.loop);
  g_clear_pointer (&watch.loop, g_main_loop_unref);
  g_assert_null (dlg_note_saver_get_error (saver));
  g_assert_false (dlg_note_saver_get_unsaved (saver));

  again = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  stored = dlg_notes_lookup (again, dlg_note_get_id (note));
  g_assert_nonnull (stored);
  g_assert_cmpstr (dlg_note_get_body (stored), ==, "Typed while the file was not open.");

  listed = dlg_notes_list (memory, "e1", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_free (watch.last_body);

  /* The folder goes with the fixture's. */
  g_clear_object (&again);
  g_clear_object (&saver);
  g_clear_object (&memory);
  for (const char * const *name = (const char * const[]) { "", "-wal", "-shm", NULL };
       *name != NULL; name++)
    {
      g_autofree char *file_path = g_strconcat (path, *name, NULL);
      g_unlink (file_path);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* The disk is full, the delegate types on (the banner says the note is not saved), and the
 * app is killed before the disk has room again: what they typed is there at the next start
 * (until 4 December it was only in the killed app's memory).  The app is a child process
 * here, killed with SIGKILL; the store is one file both use, in the runtime folder main()
 * made for this run. */
static void
save_note (DlgStore *store,
           DlgNote  *note)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (notes, note);
  g_assert_true (dlg_notes_save (store, notes, &error));
  g_assert_no_error (error);
}

/* What the next start reads: the file at @f's path, every note and star in it. */
static void
assert_restart_has (Fixture    *f,
                    DlgNote    *before,
                    DlgNote    *after)
{
  g_autoptr(DlgNote) found = NULL;

  g_clear_object (&f->store);
  found = lookup_fresh (f, dlg_note_get_id (before));
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_body (found), ==, dlg_note_get_body (before));
  g_clear_object (&found);
  found = lookup_fresh (f, dlg_note_get_id (after));
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_body (found), ==, dlg_note_get_body (after));

  f->store = dlg_store_open (f->path, NULL, NULL);
  g_assert_nonnull (f->store);
  g_assert_true (dlg_store_is_starred (f->store, "e1", "s1"));
  g_assert_true (dlg_store_is_starred (f->store, "e1", "s2"));
}

/* The data file deleted while the app runs (a delegate tidying their files, a cleaning tool;
 * its -wal and -shm beside it stay): the next save writes it again where it belongs, with
 * every note and star it held and the new ones, as the next start reads it (until 4 December
 * SQLite wrote on into the file no longer there, and all of it was gone at the next start). */
static void
test_file_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgNote) before = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) after = dlg_note_new ("e1", DLG_NOTE_SESSION, "s2");

  dlg_note_set_body (before, "Written before the file was deleted");
  save_note (f->store, before);
  g_assert_true (dlg_store_set_starred (f->store, "e1", "s1", TRUE, NULL));

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  dlg_note_set_body (after, "Written after");
  save_note (f->store, after);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (dlg_store_set_starred (f->store, "e1", "s2", TRUE, NULL));

  assert_restart_has (f, before, after);
}

/* The data folder moved away whole while the app runs: the same, in a new folder where the
 * old one was; the folder moved away keeps its own copy, as it was. */
static void
test_folder_moved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgNote) before = dlg_note_new ("e1", DLG_NOTE_FREE, NULL);
  g_autoptr(DlgNote) after = dlg_note_new ("e1", DLG_NOTE_SESSION, "s2");
  g_autofree char *moved = g_strconcat (f->dir, "-moved", NULL);
  g_autoptr(GDir) dir = NULL;

  dlg_note_set_body (before, "Written before the folder was moved");
  save_note (f->store, before);
  g_assert_true (dlg_store_set_starred (f->store, "e1", "s1", TRUE, NULL));

  g_assert_cmpint (g_rename (f->dir, moved), ==, 0);
  g_assert_true (dlg_store_set_starred (f->store, "e1", "s2", TRUE, NULL));
  dlg_note_set_body (after, "Written after");
  save_note (f->store, after);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  assert_restart_has (f, before, after);

  dir = g_dir_open (moved, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *file = g_build_filename (moved, name, NULL);

      g_unlink (file);
    }
  g_rmdir (moved);
}

#define KILLED_NOTE_ID_FILE "killed-note-id"

static char *
killed_store_path (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "killed.db", NULL);
}

static void
test_full_then_killed (void)
{
  g_autofree char *path = killed_store_path ();
  g_autofree char *id_file = g_build_filename (g_get_user_runtime_dir (), KILLED_NOTE_ID_FILE,
                                               NULL);
  g_autofree char *id = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "delegate", NULL);
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(DlgNoteSaver) saver = NULL;
  g_autoptr(DlgNote) found = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(DlgNote) note = dlg_note_new ("e1", DLG_NOTE_SESSION, "s1");
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *refuse = NULL;
      sqlite3 *db;
      sqlite3_stmt *stmt = NULL;
      int pages;

      store = dlg_store_open (path, NULL, &error);
      g_assert_no_error (error);
      saver = g_object_new (DLG_TYPE_NOTE_SAVER, "store", store, "retry", 60000, NULL);
      /* SQLite's own "database or disk is full", as on a full disk. */
      db = dlg_store_lock (store);
      sqlite3_prepare_v2 (db, "PRAGMA page_count", -1, &stmt, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      pages = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      dlg_store_unlock (store);
      refuse = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
      exec_sql (store, refuse);

      while (body->len < 64 * 1024)
        g_string_append (body, "Banyuwangi: one counter for every permit. ");
      dlg_note_set_title (note, "Smart Kampung");
      dlg_note_set_body (note, body->str);
      g_assert_true (g_file_set_contents (id_file, dlg_note_get_id (note), -1, NULL));
      g_test_expect_message ("dlg-note-saver", G_LOG_LEVEL_WARNING, "*could not be saved*");
      dlg_note_saver_queue (saver, note);
      while (dlg_note_saver_get_error (saver) == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (dlg_note_saver_get_unsaved (saver));
      raise (SIGKILL);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_get_contents (id_file, &id, NULL, NULL));

  /* Not in the file: the disk was full. */
  store = dlg_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (dlg_notes_lookup (store, id));

  /* The next start, with room on the disk again. */
  saver = dlg_note_saver_new (store);
  found = dlg_notes_lookup (store, id);
  g_assert_nonnull (found);
  g_assert_cmpstr (dlg_note_get_title (found), ==, "Smart Kampung");
  g_assert_true (g_str_has_prefix (dlg_note_get_body (found), "Banyuwangi: one counter"));
  g_assert_cmpuint (strlen (dlg_note_get_body (found)), >=, 64 * 1024);

  /* Once saved, no copy of it is left behind in the runtime folder. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *file = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
      g_assert_null (strstr (contents, id));
    }

  g_clear_object (&saver);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (file);
    }
  g_unlink (id_file);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A runtime folder of this run's own, which the child process of full-then-killed shares
   * (it inherits the environment). */
  if (g_getenv ("DELEGATE_TEST_NOTES_RUNTIME") == NULL)
    {
      g_autofree char *runtime = g_dir_make_tmp ("delegate-notes-runtime-XXXXXX", NULL);

      g_assert_nonnull (runtime);
      runtime_folder_use (runtime);
      g_setenv ("DELEGATE_TEST_NOTES_RUNTIME", runtime, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/notes/store", test_store);
  ADD ("/notes/clock-behind", test_clock_behind);
  ADD ("/notes/autosave-every-key", test_autosave_every_key);
  ADD ("/notes/autosave-coalesces", test_autosave_coalesces);
  ADD ("/notes/save-on-close", test_save_on_close);
  ADD ("/notes/move-to-event", test_move_to_event);
  ADD ("/notes/orphaned", test_orphaned);
  ADD ("/notes/list-unsaved", test_list_unsaved);
  ADD ("/notes/read-only", test_read_only);
  ADD ("/notes/full", test_full);
  ADD ("/notes/damaged-file", test_damaged_file);
  ADD ("/notes/file-not-opened", test_file_not_opened);
  ADD ("/notes/file-deleted", test_file_deleted);
  ADD ("/notes/folder-moved", test_folder_moved);
#undef ADD
  g_test_add_func ("/notes/full-then-killed", test_full_then_killed);

  status = g_test_run ();
  if (!g_test_subprocess ())
    runtime_folder_remove (g_getenv ("DELEGATE_TEST_NOTES_RUNTIME"));
  return status;
}
