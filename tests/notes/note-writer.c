/* note-writer.c: a delegate typing a note, for test-kill
 *
 * usage: note-writer DB-PATH
 *
 * Types "word0 word1 ..." into a new note through the app's save path
 * (DlgNoteSaver on a DlgStore), ten words 20 ms apart, then a pause of
 * 900 ms, and again.  Prints "id ID" first, then "saved LENGTH" each
 * time a save is in the store, until it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "note-writer"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dlg-note-saver.h"

typedef struct
{
  DlgNoteSaver *saver;
  DlgNote      *note;
  GString      *body;
  guint         words;
} Writer;

static gboolean type_cb (gpointer user_data);

static gboolean
resume_cb (gpointer user_data)
{
  g_timeout_add (20, type_cb, user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
type_cb (gpointer user_data)
{
  Writer *writer = user_data;

  g_string_append_printf (writer->body, "word%u ", writer->words++);
  dlg_note_set_body (writer->note, writer->body->str);
  dlg_note_saver_queue (writer->saver, writer->note);

  if (writer->words % 10 != 0)
    return G_SOURCE_CONTINUE;
  g_timeout_add (900, resume_cb, writer);
  return G_SOURCE_REMOVE;
}

static void
note_saved_cb (DlgNoteSaver *saver,
               DlgNote      *copy)
{
  printf ("saved %zu\n", strlen (dlg_note_get_body (copy)));
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(DlgStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Writer writer = { NULL, };

  if (argc != 2)
    {
      g_printerr ("usage: note-writer DB-PATH\n");
      return 2;
    }

  store = dlg_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  writer.saver = dlg_note_saver_new (store);
  writer.note = dlg_note_new ("kill-test", DLG_NOTE_FREE, NULL);
  writer.body = g_string_new (NULL);
  g_signal_connect (writer.saver, "note-saved", G_CALLBACK (note_saved_cb), NULL);

  printf ("id %s\n", dlg_note_get_id (writer.note));
  fflush (stdout);

  g_timeout_add (20, type_cb, &writer);
  g_main_loop_run (loop);

  return 0;
}
