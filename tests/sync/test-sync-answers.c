/* test-sync-answers.c: what a delegate sees when a server answers oddly: a venue's sign-in
 * page that the network monitor has not noticed, an unchanged feed under a new ETag
 *
 * A real SoupServer on 127.0.0.1 and a real store in a temporary directory (sync-fixture.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sync-answers"

#include "config.h"

#include <string.h>

#include "sync-fixture.h"

#define FEED "{\"delegate_feed\": 1, \"event\": {\"id\": \"x\", \"title\": \"X\", " \
             "\"time_zone\": \"Asia/Makassar\", \"start\": \"2024-10-16\"}, " \
             "\"members\": \"members.json\"}"
#define MEMBERS "[{\"id\": \"kota-kupang\", \"name\": \"Kota Kupang\"}]"

typedef struct
{
  SyncFixture    sf;

  const char    *page;     /* what /login answers, and /feed.json redirects to; NULL: the feed */
  const char    *feed_type;  /* the Content-Type of /feed.json; NULL: application/json */
  const char    *etag;     /* of /feed.json and /members.json, which answer 304 to it */
  guint          members_status;  /* what /members.json answers instead, if not 0 */
} Fixture;

/* @body with the fixture's ETag, or 304 when the client has it. */
static void
serve (Fixture           *f,
       SoupServerMessage *msg,
       const char        *body,
       const char        *type)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "ETag", f->etag);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), f->etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, type != NULL ? type : "application/json",
                                    SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;

  if (g_str_equal (path, "/feed.json") && f->page == NULL)
    serve (f, msg, FEED, f->feed_type);
  else if (g_str_equal (path, "/members.json") && f->members_status != 0)
    soup_server_message_set_status (msg, f->members_status, NULL);
  else if (g_str_equal (path, "/members.json"))
    serve (f, msg, MEMBERS, NULL);
  else if (g_str_equal (path, "/feed.json"))
    /* As a venue's network does: every address is sent to its sign-in page. */
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/login?from=feed.json");
  else if (g_str_equal (path, "/login") && f->page != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        f->page, strlen (f->page));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* No network monitor: it has not noticed the sign-in page, as NetworkManager does not when no
 * connectivity check is set up. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  sync_fixture_set_up (&f->sf, 2, 5000, server_cb, f);
  f->etag = "\"v1\"";
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sync_fixture_tear_down (&f->sf);
}

static void
sync_once (Fixture *f)
{
  sync_fixture_sync (&f->sf, f->sf.url);
}

/* At the venue, the Wi-Fi sends the feed's address to its sign-in page.  The delegate is told
 * to sign in (docs/publishing-feeds.md, "At the venue"), not that the feed "is <html>, not a
 * frab or Pentabarf <schedule>"; the saved copy stays. */
static void
test_sign_in_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlgResource) before = NULL;
  g_autoptr(DlgResource) after = NULL;

  sync_once (f);
  g_assert_no_error (f->sf.error);
  before = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_nonnull (before);

  f->page = data;
  sync_once (f);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_INVALID);
  g_test_message ("reported: %s", f->sf.error->message);
  g_assert_nonnull (strstr (f->sf.error->message, "sign in"));
  g_assert_nonnull (strstr (f->sf.error->message, "web page"));
  g_assert_nonnull (strstr (f->sf.error->message, "127.0.0.1"));
  g_assert_null (strstr (f->sf.error->message, "schedule"));

  after = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_true (g_bytes_equal (before->body, after->body));
  g_assert_cmpstr (after->etag, ==, "\"v1\"");
}

/* A server that labels every file a web page (text/html), as some hosting does: the feed
 * is read all the same, for the content says what it is; the label alone refuses nothing. */
static void
test_feed_labelled_web_page (Fixture       *f,
                             gconstpointer  data)
{
  f->feed_type = "text/html; charset=utf-8";
  sync_once (f);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpstr (dlg_event_get_title (dlg_feed_get_event (f->sf.report->feed)), ==, "X");
}

/* Two servers behind one address, each with its own ETag for the same files (Apache makes it
 * from the file's inode), or a script that writes the same feed again: the bytes are those
 * saved.  Nothing changed: the event on screen is not replaced (a new feed showed the member a
 * delegate was reading anew, back at its top), nothing is parsed, and the new ETags are kept,
 * so that the next sync is a cheap 304 again. */
static void
test_same_bytes_new_etag (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *members_url = NULL;
  g_autoptr(DlgResource) feed = NULL;
  g_autoptr(DlgResource) members = NULL;

  sync_once (f);
  g_assert_no_error (f->sf.error);
  g_assert_nonnull (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);

  f->etag = "\"v1-other-server\"";
  sync_once (f);
  g_assert_no_error (f->sf.error);
  g_assert_null (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_parses, ==, 0);
  g_assert_cmpint (f->sf.report->fetched_at, >, 0);

  feed = dlg_store_lookup_resource (f->sf.store, f->sf.url);
  g_assert_cmpstr (feed->etag, ==, "\"v1-other-server\"");
  members_url = g_uri_resolve_relative (f->sf.url, "members.json", G_URI_FLAGS_NONE, NULL);
  members = dlg_store_lookup_resource (f->sf.store, members_url);
  g_assert_nonnull (members);
  g_assert_cmpstr (members->etag, ==, "\"v1-other-server\"");

  /* Asked with the new ETags: two 304s. */
  sync_once (f);
  g_assert_no_error (f->sf.error);
  g_assert_null (f->sf.report->feed);
  g_assert_cmpuint (f->sf.report->n_requests, ==, 2);
  g_assert_cmpuint (f->sf.report->n_bytes, <, 1000);
}

/* The feed answers, its members list (published apart) does not: the delegate is told which
 * address failed, not only "The server 127.0.0.1 answered with error 404", which sent the
 * organiser to check a feed that was fine.  The saved copy stays, as for any failure. */
static void
test_section_fails (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *members_url = g_uri_resolve_relative (f->sf.url, "members.json",
                                                         G_URI_FLAGS_NONE, NULL);
  g_autoptr(DlgResource) before = NULL;
  g_autoptr(DlgResource) after = NULL;

  sync_once (f);
  g_assert_no_error (f->sf.error);
  before = dlg_store_lookup_resource (f->sf.store, members_url);

  f->etag = "\"v2\"";
  f->members_status = GPOINTER_TO_UINT (data);
  sync_once (f);
  g_assert_error (f->sf.error, DLG_SYNC_ERROR, DLG_SYNC_ERROR_SERVER);
  g_test_message ("reported: %s", f->sf.error->message);
  g_assert_nonnull (strstr (f->sf.error->message, members_url));
  g_assert_nonnull (strstr (f->sf.error->message, "published apart"));

  after = dlg_store_lookup_resource (f->sf.store, members_url);
  g_assert_true (g_bytes_equal (before->body, after->body));
  g_assert_cmpstr (after->etag, ==, "\"v1\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-answers/sign-in-page", Fixture,
              "<!DOCTYPE html>\n<html lang=\"id\"><head><title>Wi-Fi Hotel</title></head>"
              "<body><form>Masuk</form></body></html>",
              fixture_set_up, test_sign_in_page, fixture_tear_down);
  g_test_add ("/sync-answers/sign-in-page-xhtml", Fixture,
              "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<!-- portal -->\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
              "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
              "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>Sign in</body></html>",
              fixture_set_up, test_sign_in_page, fixture_tear_down);

  /* A hotspot's sign-in form with no <html> around it, labelled a web page (text/html). */
  g_test_add ("/sync-answers/sign-in-page-fragment", Fixture,
              "\n<form name=\"login\" action=\"http://10.5.50.1/login\" method=\"post\">"
              "<input name=\"username\"><input type=\"password\" name=\"password\"></form>",
              fixture_set_up, test_sign_in_page, fixture_tear_down);
  g_test_add ("/sync-answers/feed-labelled-web-page", Fixture, NULL,
              fixture_set_up, test_feed_labelled_web_page, fixture_tear_down);

  g_test_add ("/sync-answers/same-bytes-new-etag", Fixture, NULL,
              fixture_set_up, test_same_bytes_new_etag, fixture_tear_down);

  g_test_add ("/sync-answers/section-not-found", Fixture, GUINT_TO_POINTER (404),
              fixture_set_up, test_section_fails, fixture_tear_down);
  g_test_add ("/sync-answers/section-server-error", Fixture, GUINT_TO_POINTER (500),
              fixture_set_up, test_section_fails, fixture_tear_down);

  return g_test_run ();
}
