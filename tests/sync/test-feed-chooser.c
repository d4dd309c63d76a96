/* test-feed-chooser.c: the Add Event dialog's file chooser shows every file Delegate reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dlg-add-feed-dialog.h"

/* What the chooser's list is given for a file: its name and the type GIO guessed for it. */
static gboolean
shows (GtkFileFilter *filter,
       const char    *name,
       const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static void
test_feeds_and_schedules (void)
{
  g_autoptr(GtkFileFilter) filter = dlg_feed_file_filter_new ();

  g_assert_true (shows (filter, "kupang-2019.json", "application/json"));
  g_assert_true (shows (filter, "schedule.json", "application/json"));
  /* A frab or Pentabarf schedule, as FOSDEM and pretalx publish it. */
  g_assert_true (shows (filter, "schedule.xml", "application/xml"));
  g_assert_true (shows (filter, "schedule.xml", "text/xml"));
  /* On a USB stick GIO may know no more than the name, in any case. */
  g_assert_true (shows (filter, "SCHEDULE.XML", "application/octet-stream"));
  g_assert_true (shows (filter, "Feed.Json", "application/octet-stream"));

  g_assert_false (shows (filter, "trip-report.pdf", "application/pdf"));
  g_assert_false (shows (filter, "notes.txt", "text/plain"));
  g_assert_false (shows (filter, "photo.png", "image/png"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/feed-chooser/feeds-and-schedules", test_feeds_and_schedules);
  return g_test_run ();
}
