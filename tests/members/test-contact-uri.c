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
#include "dlg-member.h"

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

/* The numbers of @phone joined by " | ", and the links each would dial. */
static void
assert_numbers (const char *phone,
                const char *expected,
                const char *expected_uris)
{
  g_auto(GStrv) numbers = dlg_member_phone_numbers (phone);
  g_autofree char *joined = g_strjoinv (" | ", numbers);
  g_autoptr(GString) uris = g_string_new (NULL);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *uri = dlg_contact_uri (DLG_CONTACT_PHONE, numbers[i]);

      g_string_append_printf (uris, "%s%s", i > 0 ? " | " : "", uri != NULL ? uri : "no link");
    }
  g_assert_cmpstr (joined, ==, expected);
  g_assert_cmpstr (uris->str, ==, expected_uris);
}

/* Offices often give two numbers in one field: each is a link of its own, which dials it
 * (one link of both dialled "0380821000081234567890", neither). */
static void
test_two_numbers (void)
{
  assert_numbers ("0380 821 000 / 0812 3456 789", "0380 821 000 | 0812 3456 789",
                  "tel:0380-821-000 | tel:0812-3456-789");
  assert_numbers ("(0380) 821000, 081234567890", "(0380) 821000 | 081234567890",
                  "tel:0380-821000 | tel:081234567890");
  assert_numbers ("+62 380 821000/+62 812 3456 789", "+62 380 821000 | +62 812 3456 789",
                  "tel:+62-380-821000 | tel:+62-812-3456-789");
  assert_numbers ("(+62) 380 821000 / (0380) 821001 / 0812 1",
                  "(+62) 380 821000 | (0380) 821001 | 0812 1",
                  "tel:+62-380-821000 | tel:0380-821001 | tel:0812-1");
  /* A second number given by its last digits, as offices list them, is the first with those
   * digits in place of its own, laid out as the first is. */
  assert_numbers ("+62 380 821234 / 821235", "+62 380 821234 | +62 380 821235",
                  "tel:+62-380-821234 | tel:+62-380-821235");
  assert_numbers ("(0380) 821000, 821001", "(0380) 821000 | (0380) 821001",
                  "tel:0380-821000 | tel:0380-821001");
  assert_numbers ("0380-821000/01/02", "0380-821000 | 0380-821001 | 0380-821002",
                  "tel:0380-821000 | tel:0380-821001 | tel:0380-821002");
  assert_numbers ("0380 821 000 / 821 001", "0380 821 000 | 0380 821 001",
                  "tel:0380-821-000 | tel:0380-821-001");
  assert_numbers ("0380 821000 / 0812 3456 789, 790", "0380 821000 | 0812 3456 789 | 0812 3456 790",
                  "tel:0380-821000 | tel:0812-3456-789 | tel:0812-3456-790");
  /* One number: what follows a "/" or "," without its "+" or "0", and not fewer digits than
   * the number before, is part of it. */
  assert_numbers ("+62 31 8921946", "+62 31 8921946", "tel:+62-31-8921946");
  assert_numbers (" (0380) 821-1234 ", "(0380) 821-1234", "tel:0380-821-1234");
  assert_numbers ("0380 821000, ext. 12", "0380 821000, ext. 12", "tel:0380-821000-12");
  assert_numbers ("021 5550 / 12345678", "021 5550 / 12345678", "tel:021-5550-12345678");
  assert_numbers ("0380 821000 /", "0380 821000 /", "tel:0380-821000");
  /* Last digits that would change the area code are no second number ((0388) 210011). */
  assert_numbers ("(0380) 821000, 8210011", "(0380) 821000, 8210011",
                  "tel:0380-821000-8210011");
  assert_numbers ("+62 380 821234 / 380 821235", "+62 380 821234 | +62 380 821235",
                  "tel:+62-380-821234 | tel:+62-380-821235");
  assert_numbers ("+62 380 821234 / 3380821235", "+62 380 821234 / 3380821235",
                  "tel:+62-380-821234-3380821235");
  assert_numbers ("call us", "call us", "no link");
  g_assert_null (dlg_member_phone_numbers (NULL));
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
  g_test_add_func ("/members/contact/two-numbers", test_two_numbers);

  return g_test_run ();
}
