/* test-contact-uri.c: which contact details become links, and to what
 *
 * Only https:, http:, mailto: and tel: ever open (the members pane's
 * page.open-link action checks dlg_contact_uri_is_safe() again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-contact-uri"

#include "config.h"

#include <locale.h>

#include "dlg-contact-line.h"

static void
assert_uri (DlgContactKind  kind,
            const char     *text,
            const char     *expected)
{
  g_autofree char *uri = dlg_contact_uri (kind, text);

  g_assert_cmpstr (uri, ==, expected);
}

static void
test_uris (void)
{
  assert_uri (DLG_CONTACT_EMAIL, "humas@sidoarjokab.go.id", "mailto:humas@sidoarjokab.go.id");
  assert_uri (DLG_CONTACT_PHONE, "+62 31 8921946", "tel:+62-31-8921946");
  assert_uri (DLG_CONTACT_PHONE, "(0380) 821-1234", "tel:0380-821-1234");
  assert_uri (DLG_CONTACT_PHONE, "+62 (31) 896.1234 ", "tel:+62-31-896-1234");
  /* The international "+" is kept when brackets or spaces come before it:
   * dropping it would dial another number. */
  assert_uri (DLG_CONTACT_PHONE, "(+62) 380 123456", "tel:+62-380-123456");
  assert_uri (DLG_CONTACT_PHONE, " +62 380-123-456", "tel:+62-380-123-456");
  assert_uri (DLG_CONTACT_PHONE, "[+62] (380) 123456", "tel:+62-380-123456");
  assert_uri (DLG_CONTACT_PHONE, "+62 380-123-456", "tel:+62-380-123-456");
  assert_uri (DLG_CONTACT_PHONE, "+(62) 380", "tel:+62-380");
  /* "(0)" after the country code is dialled only from inside the country: left out, or the
   * link calls +62 0380 ..., which reaches no one. */
  assert_uri (DLG_CONTACT_PHONE, "+62 (0)380 821-1234", "tel:+62-380-821-1234");
  assert_uri (DLG_CONTACT_PHONE, "+62 (0) 31 8921946", "tel:+62-31-8921946");
  assert_uri (DLG_CONTACT_PHONE, "(+62) (0)380 123456", "tel:+62-380-123456");
  /* A local number's 0 is dialled, bracketed or not. */
  assert_uri (DLG_CONTACT_PHONE, "(0)380 123456", "tel:0-380-123456");
  /* A local number stays local; a "+" after digits is no international prefix. */
  assert_uri (DLG_CONTACT_PHONE, "0380 123456", "tel:0380-123456");
  assert_uri (DLG_CONTACT_PHONE, "(0380) 123456", "tel:0380-123456");
  assert_uri (DLG_CONTACT_PHONE, "0380 + 123456", "tel:0380-123456");
  /* Nothing to dial: no link. */
  assert_uri (DLG_CONTACT_PHONE, "call us", NULL);
  assert_uri (DLG_CONTACT_PHONE, "abc", NULL);
  assert_uri (DLG_CONTACT_PHONE, "+", NULL);
  assert_uri (DLG_CONTACT_PHONE, " (+) ", NULL);
  assert_uri (DLG_CONTACT_PHONE, "()", NULL);
  assert_uri (DLG_CONTACT_WEBSITE, "https://www.sidoarjokab.go.id/", "https://www.sidoarjokab.go.id/");
  assert_uri (DLG_CONTACT_WEBSITE, "http://kupangkota.go.id", "http://kupangkota.go.id");
  assert_uri (DLG_CONTACT_WEBSITE, "HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG");
  /* Nothing else opens, whatever a feed (or a future parser) lets through. */
  assert_uri (DLG_CONTACT_WEBSITE, "javascript:alert(1)", NULL);
  assert_uri (DLG_CONTACT_WEBSITE, "file:///etc/passwd", NULL);
  assert_uri (DLG_CONTACT_WEBSITE, "www.example.org", NULL);
  assert_uri (DLG_CONTACT_ADDRESS, "Jl. Merdeka No. 1", NULL);
  assert_uri (DLG_CONTACT_EMAIL, NULL, NULL);
  assert_uri (DLG_CONTACT_EMAIL, "", NULL);
}

static void
test_safe (void)
{
  g_assert_true (dlg_contact_uri_is_safe ("https://example.org"));
  g_assert_true (dlg_contact_uri_is_safe ("mailto:a@example.org"));
  g_assert_true (dlg_contact_uri_is_safe ("tel:+62-31-8921946"));
  g_assert_false (dlg_contact_uri_is_safe ("javascript:alert(1)"));
  g_assert_false (dlg_contact_uri_is_safe ("file:///etc/passwd"));
  g_assert_false (dlg_contact_uri_is_safe ("data:text/html,hi"));
  g_assert_false (dlg_contact_uri_is_safe ("sms:+62"));
  g_assert_false (dlg_contact_uri_is_safe (""));
  g_assert_false (dlg_contact_uri_is_safe (NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/members/contact/uris", test_uris);
  g_test_add_func ("/members/contact/safe", test_safe);

  return g_test_run ();
}
