/* agenda-page-search.c: the agenda's search and filters: what the list shows as a delegate
 * types or picks a day, a room or a track, in every language the feed gives
 *
 * Part of test-agenda-page (see agenda-page-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "agenda-page-fixture.h"

/* The empty list's title and description, as shown. */
static void
assert_empty_says (Fixture    *f,
                   const char *expected)
{
  g_autofree char *text = empty_text (f);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *days = child (f, "day_dropdown");

  /* Day 1 lists six sessions (one starts after midnight), day 2 one. */
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 6);
  gtk_drop_down_set_selected (days, 1);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_drop_down_set_selected (days, 0);

  /* Rooms and tracks, as the drop-downs offer them. */
  choose (child (f, "room_dropdown"), "Hall B");
  g_assert_cmpuint (n_shown (f), ==, 2);
  choose (child (f, "track_dropdown"), "Main");
  g_assert_cmpuint (n_shown (f), ==, 1);
  choose (child (f, "room_dropdown"), "Aula/Ruang 2 — Bärensaal");
  g_assert_cmpuint (n_shown (f), ==, 0);
  /* Filters, not a search, hide every session: the list says only that. */
  assert_empty_says (f, "No Matching Sessions\nTry another room or track.");
  choose (child (f, "track_dropdown"), "All tracks");
  g_assert_cmpuint (n_shown (f), ==, 3);
  choose (child (f, "room_dropdown"), "All rooms");
  g_assert_cmpuint (n_shown (f), ==, 6);

  /* A search looks at every day; typing on narrows; clearing brings the day back. */
  search (f, "d");
  g_assert_cmpuint (n_shown (f), ==, 6); /* all but "Room unknown", over both days */
  search (f, "day");
  g_assert_cmpuint (n_shown (f), ==, 2); /* "Day two", "Hackathon all day" */
  search (f, "day two");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "string person"); /* a speaker, on day 2 */
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 6);

  /* A search that finds nothing says what was searched for, as it now reads, so that a typo
   * shows; typed otherwise ("Zebra "), the same words still name it. */
  search (f, "zebra");
  g_assert_cmpuint (n_shown (f), ==, 0);
  assert_empty_says (f, "No Matching Sessions\n"
                     "Nothing matches “zebra”. Try other words, or another room or track.");
  search (f, "Zebra ");
  assert_empty_says (f, "No Matching Sessions\n"
                     "Nothing matches “Zebra”. Try other words, or another room or track.");
  /* What was typed is shown as typed, never read as markup. */
  search (f, "<b>a&b");
  g_assert_cmpuint (n_shown (f), ==, 0);
  assert_empty_says (f, "No Matching Sessions\n"
                     "Nothing matches “<b>a&b”. Try other words, or another room or track.");
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 6);
}

/* A search finds a session by what its detail shows: the words of its description, and the
 * member presenting it by the name the detail and the Members pane give it ("Kabupaten
 * Banyuwangi"), which the English title does not say. */
static void
test_search_detail (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) kupang = NULL;
  g_autofree char *found = NULL;

  search (f, "emphasis");
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Opening 🎉 𝔘nicode");
  search (f, "");

  kupang = dlg_feed_new_default (english, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, kupang);
  search (f, "kabupaten banyuwangi");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Best practice sharing: Banyuwangi Regency");
  /* Typed as a delegate may: small letters, no "Kota". */
  search (f, "kota semarang");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Best practice sharing: Semarang City");
  search (f, "");
}

/* A bilingual feed is searched in every language it gives: a delegate reading English who
 * saw "pengelolaan sampah" on a slide finds the talk, and one reading Indonesian who heard
 * "press conference" finds "Jumpa pers" in the built-in Kupang feed. */
static void
test_search_languages (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const indonesian[] = { "id", NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "agenda", "fixtures",
                                                 "bilingual.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlgFeed) bilingual = dlg_source_load (path, english, NULL, &error);
  g_autoptr(DlgFeed) kupang = NULL;
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, bilingual);
  search (f, "pengelolaan sampah");
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "City waste management");
  search (f, "");

  kupang = dlg_feed_new_default (indonesian, &error);
  g_assert_no_error (error);
  dlg_agenda_page_set_feed (f->page, kupang);
  search (f, "press conference");
  g_clear_pointer (&found, g_free);
  found = shown_titles (f);
  g_assert_cmpstr (found, ==, "Jumpa pers");
  search (f, "");
}

void
agenda_page_add_search_tests (void)
{
  g_test_add ("/agenda-page/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/agenda-page/search-detail", Fixture, NULL, fixture_set_up, test_search_detail,
              fixture_tear_down);
  g_test_add ("/agenda-page/search-languages", Fixture, NULL, fixture_set_up,
              test_search_languages, fixture_tear_down);
}
