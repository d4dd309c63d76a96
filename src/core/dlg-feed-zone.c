/* dlg-feed-zone.c: the event's zone, from a schedule's time_zone_name and its sessions' offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-feed-private.h"
#include "dlg-json-reader.h"

typedef struct
{
  gboolean valid;   /* has an offset, and parses */
  gint64   instant; /* seconds since 1970, UTC */
  gint32   offset;  /* seconds east of UTC */
  gboolean agrees;  /* the named zone has the same offset at that instant */
} DateVerdict;

GTimeZone *
dlg_feed_choose_zone (const char  *name,
                      const char  *name_path,
                      GPtrArray   *dates,
                      gboolean     wild,
                      char       **zone_name,
                      gboolean    *floating,
                      GError     **error)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GTimeZone) named = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GHashTable) verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n_offsets = 0, n_agree = 0, best_count = 0;
  gint32 best_offset = 0;

  *floating = FALSE;

  /* A bare export's zone Delegate cannot name ("WITA") is left to its sessions' offsets, as
   * one they contradict is; with no offset to go by, it is refused below. */
  if (name != NULL)
    {
      named = dlg_json_time_zone_new (name, name_path, &name_error);
      if (named == NULL && !wild)
        {
          g_propagate_error (error, g_steal_pointer (&name_error));
          return NULL;
        }
    }

  for (guint i = 0; dates != NULL && i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      DateVerdict *verdict = g_hash_table_lookup (verdicts, date);
      gint32 offset;
      guint count;

      /* Sessions in parallel rooms share their start: each distinct date
       * is worked out once (parsing dates was most of this function). */
      if (verdict == NULL)
        {
          g_autoptr(GDateTime) instant = NULL;
          gboolean has_offset = FALSE;

          verdict = g_new0 (DateVerdict, 1);
          g_hash_table_insert (verdicts, (gpointer) date, verdict);
          instant = dlg_json_parse_instant (date, utc, &has_offset);
          if (instant != NULL && has_offset)
            {
              verdict->valid = TRUE;
              verdict->instant = g_date_time_to_unix (instant);
              verdict->offset = g_date_time_get_utc_offset (instant) / G_TIME_SPAN_SECOND;
              if (named != NULL)
                {
                  g_autoptr(GDateTime) there = g_date_time_to_timezone (instant, named);

                  verdict->agrees = g_date_time_get_utc_offset (there) / G_TIME_SPAN_SECOND ==
                                    verdict->offset;
                }
            }
        }

      if (!verdict->valid)
        continue;

      offset = verdict->offset;
      n_offsets++;
      if (verdict->agrees)
        n_agree++;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (offset))) + 1;
      g_hash_table_insert (counts, GINT_TO_POINTER (offset), GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best_offset = offset;
        }
    }

  /* A named zone stands unless most sessions' own offsets contradict it
   * (exports keep a tool's default zone, e.g. Europe/Berlin, for events
   * held elsewhere); then the offsets, which place every session right,
   * decide. */
  if (named != NULL && (n_offsets == 0 || n_agree * 2 >= n_offsets))
    {
      *zone_name = g_strdup (name);
      return g_steal_pointer (&named);
    }

  if (name_error != NULL && n_offsets == 0)
    {
      g_propagate_error (error, g_steal_pointer (&name_error));
      return NULL;
    }

  /* Offsets that change within the event, as the clocks do in spring and autumn: one offset
   * for all put half the sessions an hour off the clock the feed gives them.  A zone whose
   * clock gives every session its own offset shows each as given, and the event's days and
   * "Now" on the same clock; it has no name from the feed (the zone found is one of many with
   * that clock), so the offsets are shown, not its abbreviations. */
  if (g_hash_table_size (counts) > 1)
    {
      g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gint32));
      GHashTableIter iter;
      DateVerdict *verdict;
      GTimeZone *keeping;

      g_hash_table_iter_init (&iter, verdicts);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &verdict))
        if (verdict->valid)
          {
            g_array_append_val (instants, verdict->instant);
            g_array_append_val (offsets, verdict->offset);
          }
      keeping = dlg_json_time_zone_keeping ((const gint64 *) (gpointer) instants->data,
                                            (const gint32 *) (gpointer) offsets->data,
                                            instants->len);
      if (keeping != NULL)
        {
          *zone_name = NULL;
          return keeping;
        }
    }

  if (n_offsets > 0)
    {
      gint32 minutes = ABS (best_offset) / 60;

      /* "+08:00": GLib names offset zones with seconds, nobody else does. */
      *zone_name = g_strdup_printf ("%c%02d:%02d", best_offset < 0 ? '-' : '+',
                                    minutes / 60, minutes % 60);
      return g_time_zone_new_offset (best_offset);
    }

  *zone_name = NULL;
  *floating = TRUE;
  return g_time_zone_new_utc ();
}

void
dlg_feed_note_zone (DlgFeedNotes *notes,
                    const char   *name,
                    const char   *name_path,
                    const char   *chosen,
                    gboolean      floating)
{
  g_autoptr(GTimeZone) named = NULL;

  if (notes == NULL || (name != NULL && g_strcmp0 (name, chosen) == 0))
    return;

  /* A name that is no zone, with no offset to go by, was refused. */
  if (floating)
    dlg_feed_note (notes, "zone",
                   _("%s: missing, and the sessions’ dates give no offset: the times are "
                     "shown as written, in no zone, and calendars place them in the zone of "
                     "each computer"),
                   name_path);
  /* No name chosen, yet a zone: one whose clock changes as the sessions' offsets do. */
  else if (chosen == NULL && name == NULL)
    dlg_feed_note (notes, "zone",
                   _("%s: missing, and the sessions’ offsets change within the event: each "
                     "session is shown at its own offset, not in a named zone: give the "
                     "zone’s name, such as “Europe/Brussels”"),
                   name_path);
  else if (chosen == NULL)
    dlg_feed_note (notes, "zone",
                   _("%s: “%s” is no time zone Delegate knows, or not the sessions’, whose "
                     "offsets change within the event: each session is shown at its own "
                     "offset: check the zone and the offsets"),
                   name_path, name);
  else if (name == NULL)
    dlg_feed_note (notes, "zone",
                   _("%s: missing: times are shown at %s, the sessions’ most common offset, "
                     "not in a named zone: give the zone’s name, such as “Asia/Makassar”"),
                   name_path, chosen);
  else if ((named = dlg_json_time_zone_new (name, name_path, NULL)) == NULL)
    dlg_feed_note (notes, "zone",
                   _("%s: “%s” is no time zone Delegate knows: the sessions are placed by "
                     "their offsets, and times are shown at %s: give the zone’s name, such as "
                     "“Asia/Makassar”"),
                   name_path, name, chosen);
  else
    dlg_feed_note (notes, "zone",
                   _("%s: most sessions’ offsets are not %s’s: times are shown at %s, the "
                     "sessions’ most common offset: check the zone and the offsets"),
                   name_path, name, chosen);
}
