/* test-release-notes.c: the About window's "What's New" in the user's language
 *
 * The release notes are read from the metainfo the app embeds (the built one, with the
 * translations merged in as xml:lang copies), as libadwaita 1.2's About window shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "dlg-release-notes.h"

static char *
embedded_notes (const char * const *languages,
                char              **version)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;
  char *notes;

  bytes = g_resources_lookup_data (RESOURCE_PATH "/metainfo.xml", 0, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  notes = dlg_release_notes_from_metainfo (data, size, languages, version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notes);

  return notes;
}

static void
test_embedded_indonesian (void)
{
  /* As g_get_language_names() lists them for LANGUAGE=id LANG=id_ID.UTF-8. */
  const char * const languages[] = { "id_ID.UTF-8", "id_ID", "id", "C", NULL };
  g_autofree char *version = NULL;
  g_autofree char *notes = embedded_notes (languages, &version);

  g_test_message ("id: %s", notes);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (notes, "<p>Rilis pertama.</p>"));
  g_assert_nonnull (strstr (notes, "<li>Agenda, anggota, dan praktik terbaik "));
  g_assert_nonnull (strstr (notes, "<li>Bahasa Inggris dan bahasa Indonesia</li>"));
  g_assert_null (strstr (notes, "First release."));
  g_assert_null (strstr (notes, "English and Indonesian"));
  g_assert_null (strstr (notes, "The agenda, members"));
}

static void
test_embedded_english (void)
{
  const char * const languages[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  g_autofree char *notes = embedded_notes (languages, NULL);

  g_test_message ("en: %s", notes);
  g_assert_nonnull (strstr (notes, "<p>First release.</p>"));
  g_assert_nonnull (strstr (notes, "<li>The agenda, members and best practices "));
  g_assert_nonnull (strstr (notes, "<li>English and Indonesian</li>"));
  g_assert_null (strstr (notes, "Rilis pertama."));
  g_assert_null (strstr (notes, "Bahasa Inggris"));
}

/* The languages the app passes: g_get_language_names(), here from LANGUAGE. */
static void
test_embedded_language_names (void)
{
  g_autofree char *notes = NULL;

  g_setenv ("LANGUAGE", "id", TRUE);
  notes = embedded_notes (g_get_language_names (), NULL);
  g_assert_nonnull (strstr (notes, "<p>Rilis pertama.</p>"));
  g_assert_null (strstr (notes, "First release."));
  g_clear_pointer (&notes, g_free);

  g_setenv ("LANGUAGE", "en", TRUE);
  notes = embedded_notes (g_get_language_names (), NULL);
  g_assert_nonnull (strstr (notes, "<p>First release.</p>"));
  g_assert_null (strstr (notes, "Rilis pertama."));
}

static const char metainfo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <description><p>Not release notes</p><p xml:lang=\"id\">Bukan</p></description>\n"
  "  <releases>\n"
  "    <release version=\"2.0\" date=\"2027-01-01\">\n"
  "      <url>https://example.org/</url>\n"
  "      <description>\n"
  "        <p>Fish &amp; <em>chips</em></p>\n"
  "        <p xml:lang=\"id\">Ikan &amp; <em>keripik</em></p>\n"
  "        <p xml:lang=\"pt-BR\">Peixe &amp; <em>batatas</em></p>\n"
  "        <p>Not translated &lt;yet&gt;</p>\n"
  "        <ol>\n"
  "          <li>One</li>\n"
  "          <li xml:lang=\"id\">Satu</li>\n"
  "          <li>Two</li>\n"
  "          <li xml:lang=\"pt_BR\">Dois</li>\n"
  "        </ol>\n"
  "        <unknown>skipped</unknown>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"1.0\" date=\"2026-01-01\">\n"
  "      <description><p>Older</p><p xml:lang=\"id\">Lebih lama</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static char *
sample_notes (const char * const *languages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  char *notes = dlg_release_notes_from_metainfo (metainfo, -1, languages, &version, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "2.0");

  return notes;
}

/* Each element in the first of the languages that has it, else untranslated; text escaped. */
static void
test_sample (void)
{
  const char * const id[] = { "id_ID.UTF-8", "id_ID", "id", "C", NULL };
  const char * const pt[] = { "pt_BR.UTF-8", "pt_BR", "pt", "C", NULL };
  const char * const id_then_pt[] = { "id", "pt_BR", "C", NULL };
  const char * const c[] = { "C", NULL };
  const char * const none[] = { NULL };
  g_autofree char *notes_id = sample_notes (id);
  g_autofree char *notes_pt = sample_notes (pt);
  g_autofree char *notes_id_pt = sample_notes (id_then_pt);
  g_autofree char *notes_c = sample_notes (c);
  g_autofree char *notes_none = sample_notes (none);

  g_assert_cmpstr (notes_id, ==,
                   "<p>Ikan &amp; <em>keripik</em></p>"
                   "<p>Not translated &lt;yet&gt;</p>"
                   "<ol><li>Satu</li><li>Two</li></ol>");
  g_assert_cmpstr (notes_pt, ==,
                   "<p>Peixe &amp; <em>batatas</em></p>"
                   "<p>Not translated &lt;yet&gt;</p>"
                   "<ol><li>One</li><li>Dois</li></ol>");
  g_assert_cmpstr (notes_id_pt, ==,
                   "<p>Ikan &amp; <em>keripik</em></p>"
                   "<p>Not translated &lt;yet&gt;</p>"
                   "<ol><li>Satu</li><li>Dois</li></ol>");
  g_assert_cmpstr (notes_c, ==,
                   "<p>Fish &amp; <em>chips</em></p>"
                   "<p>Not translated &lt;yet&gt;</p>"
                   "<ol><li>One</li><li>Two</li></ol>");
  g_assert_cmpstr (notes_none, ==, notes_c);
}

static void
test_no_notes (void)
{
  const char * const languages[] = { "C", NULL };
  g_autoptr(GError) error = NULL;
  char *version = (char *) "unset";
  char *notes;

  notes = dlg_release_notes_from_metainfo ("<component><releases/></component>", -1,
                                           languages, &version, &error);
  g_assert_no_error (error);
  g_assert_null (notes);
  g_assert_null (version);

  notes = dlg_release_notes_from_metainfo ("<component><release>", -1, languages, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (notes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/release-notes/embedded/indonesian", test_embedded_indonesian);
  g_test_add_func ("/release-notes/embedded/english", test_embedded_english);
  g_test_add_func ("/release-notes/embedded/language-names", test_embedded_language_names);
  g_test_add_func ("/release-notes/sample", test_sample);
  g_test_add_func ("/release-notes/no-notes", test_no_notes);

  return g_test_run ();
}
