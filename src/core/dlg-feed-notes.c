/* dlg-feed-notes.c: what a bare schedule gets wrong that Delegate reads past
 *
 * A pretalx, frab or Pentabarf export is read as the app finds it in the wild: a day_change
 * of 09:00, a zone named "WITA", a day copied with its index, a subtitle that is a number.
 * The delegate sees a programme, not a fault; the organiser checking the schedule before
 * publishing it (`delegate-feed validate`) is told of each, with what Delegate does instead.
 * Faults of one kind are said once, with how many places have it: a generator that writes
 * every subtitle as a number would otherwise fill the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"

typedef struct
{
  char  *text;  /* the first place of its kind, and what Delegate does */
  guint  n;     /* places of its kind */
} Note;

struct _DlgFeedNotes
{
  GPtrArray  *order;  /* Note, by first place */
  GHashTable *kinds;  /* kind -> Note */
};

static void
note_free (gpointer data)
{
  Note *note = data;

  g_free (note->text);
  g_free (note);
}

DlgFeedNotes *
dlg_feed_notes_new (void)
{
  DlgFeedNotes *notes = g_new0 (DlgFeedNotes, 1);

  notes->order = g_ptr_array_new_with_free_func (note_free);
  notes->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return notes;
}

void
dlg_feed_notes_free (DlgFeedNotes *notes)
{
  if (notes == NULL)
    return;
  g_ptr_array_unref (notes->order);
  g_hash_table_unref (notes->kinds);
  g_free (notes);
}

void
dlg_feed_note (DlgFeedNotes *notes,
               const char   *kind,
               const char   *format,
               ...)
{
  Note *note;
  va_list args;

  if (notes == NULL)
    return;
  note = g_hash_table_lookup (notes->kinds, kind);
  if (note != NULL)
    {
      note->n++;
      return;
    }

  note = g_new0 (Note, 1);
  va_start (args, format);
  note->text = g_strdup_vprintf (format, args);
  va_end (args);
  note->n = 1;
  g_hash_table_insert (notes->kinds, g_strdup (kind), note);
  g_ptr_array_add (notes->order, note);
}

void
dlg_feed_notes_move_to (DlgFeedNotes *notes,
                        GPtrArray    *out)
{
  if (notes == NULL || out == NULL)
    return;
  for (guint i = 0; i < notes->order->len; i++)
    {
      Note *note = g_ptr_array_index (notes->order, i);

      if (note->n == 1)
        g_ptr_array_add (out, g_steal_pointer (&note->text));
      else
        /* Translators: a warning of "delegate-feed validate", then how many places have it */
        g_ptr_array_add (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u place in all)",
                                                            "%s (%u places in all)", note->n),
                                               note->text, note->n));
    }
  g_ptr_array_set_size (notes->order, 0);
  g_hash_table_remove_all (notes->kinds);
}
