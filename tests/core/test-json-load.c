/* test-json-load.c: the quick JSON reader gives json-glib's tree, or leaves
 * the document to json-glib
 *
 * What a delegate would notice if it did not: a feed read differently, or
 * a broken feed explained differently, depending on which reader took it.
 * So every document here goes both ways, and the two must agree: the same
 * tree node for node (json-same.h), or the same error word for word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-json-load"

#include "config.h"

#include <string.h>

#include "dlg-json-load.h"
#include "dlg-json-reader.h"
#include "json-same.h"

/* Reads @data through dlg_json_load() and through json-glib alone, and
 * checks they agree.  Returns whether the quick reader took it. */
static gboolean
check_agrees (const char *what,
              const char *data,
              gsize       size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) glib_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) strict = NULL;
  g_autoptr(JsonNode) root = NULL;
  gboolean glib_ok, ok;
  int line, column;

  strict = dlg_json_load_strict (data, size);

  /* json-glib is never given what the precheck refuses (its own faults);
   * the quick reader must refuse it too. */
  if (dlg_json_precheck (data, size, &line, &column) != NULL)
    {
      if (strict != NULL)
        g_error ("%s: read, but the precheck refuses it", what);
      return FALSE;
    }

  glib_ok = json_parser_load_from_data (parser, data, size, &glib_error);
  ok = dlg_json_load (data, size, &root, &error);

  if (ok != glib_ok)
    g_error ("%s: json-glib %s it, dlg_json_load() %s it (%s)", what,
             glib_ok ? "reads" : "refuses", ok ? "reads" : "refuses",
             glib_ok ? error->message : glib_error->message);
  if (!ok)
    {
      g_assert_cmpstr (error->message, ==, glib_error->message);
      g_assert_null (strict);
      return FALSE;
    }

  if (json_parser_get_root (parser) == NULL || root == NULL)
    g_assert_true (json_parser_get_root (parser) == root);
  else
    {
      g_autofree char *difference = json_same (root, json_parser_get_root (parser), "$");

      if (difference != NULL)
        g_error ("%s: read differently from json-glib at %s", what, difference);
    }
  if (strict != NULL)
    {
      g_autofree char *difference = json_same (strict, json_parser_get_root (parser), "$");

      if (difference != NULL)
        g_error ("%s: read differently from json-glib at %s", what, difference);
    }
  return strict != NULL;
}

static gboolean
check_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  return check_agrees (path, contents, size);
}

/* Every .json file under @dir, recursing; returns how many the quick reader took. */
static guint
check_dir (const char *dir,
           guint      *n_files)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint taken = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        taken += check_dir (path, n_files);
      else if (g_str_has_suffix (name, ".json") || strstr (dir, "corpus") != NULL ||
               strstr (dir, "regressions") != NULL)
        {
          taken += check_file (path);
          (*n_files)++;
        }
    }
  return taken;
}

/* The built-in feed, every valid fixture and every feed and schedule of the
 * fuzzers' corpora and regressions. */
static void
test_files (void)
{
  static const char * const dirs[][3] = {
    { "fixtures", NULL },
    { "fuzz", "corpus", },
    { "fuzz", "regressions", },
  };
  g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "feeds",
                                                    "kupang-2019.json", NULL);
  guint n_files = 0, taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, dirs[i][0], dirs[i][1], NULL);

      taken += check_dir (dir, &n_files);
    }
  g_test_message ("%u of %u files read by the quick reader", taken, n_files);
  g_assert_cmpuint (n_files, >, 100);

  /* Real feeds go the quick way: that is what it is for. */
  g_assert_true (check_file (builtin));
  for (const char * const *name = (const char * const []) {
         "full.json", "minimal.json", "plain-text.json", "pretalx-agenda.json",
         "sparse-members.json", "unknown-fields.json", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                     *name, NULL);

      g_assert_true (check_file (path));
    }
}

/* Strict JSON the quick reader must take, each the way json-glib reads it. */
static void
test_taken (void)
{
  static const char * const documents[] = {
    "{}",
    "[]",
    " \r\n\t[ ] \n",
    "{\"a\":-0.0,\"b\":-0,\"c\":1.5,\"d\":0.1,\"e\":-12.75,\"f\":123456789012345678}",
    "{\"d\":\"\\u00e9\\ud83d\\ude00\\n\\/\\\\\\\"\\b\\f\\r\\t\",\"e\":\"Kupang é 😀\"}",
    "[true,false,null,{},[],\"\",0,-1]",
    "{\"a\":1,\"a\":\"twice\",\"b\":{\"a\":[1,{\"c\":null}]}}",
    "{\"a\" : [ 1 , 2 ] , \"b\" : { } }",
    "{\"\\u0041\":\"the name escaped\"}",
  };
  GString *deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (!check_agrees (documents[i], documents[i], strlen (documents[i])))
      g_error ("not read the quick way: %s", documents[i]);

  for (guint i = 0; i < 90; i++)
    g_string_append (deep, "{\"a\":[");
  for (guint i = 0; i < 90; i++)
    g_string_append (deep, "]}");
  g_assert_true (check_agrees ("180 levels deep", deep->str, deep->len));
  g_string_free (deep, TRUE);
}

/* What is not strict JSON, or what json-glib reads its own way, goes to
 * json-glib, which reads or refuses it as it always did. */
static void
test_left (void)
{
  static const char * const documents[] = {
    "",
    "  ",
    "1",
    "\"a string\"",
    "null",
    "{\"a\":1e5}",
    "{\"a\":1.5E-3}",
    "{\"a\":\"\\u0000\"}",
    "{\"\":1}",
    "{\"a\":12345678901234567890}",
    "{\"a\":-1234567890123456789}",
    "{\"a\":\"a\ttab\"}",
    "[01]",
    "[1.]",
    "[.5]",
    "[-]",
    "[+1]",
    "{\"a\":1,}",
    "[1,]",
    "{\"a\" 1}",
    "{\"a\":1 \"b\":2}",
    "{a:1}",
    "{'a':1}",
    "[tru]",
    "[True]",
    "[nul]",
    "// a comment\n{}",
    "{} // a comment",
    "/* a comment */ {}",
    "\xEF\xBB\xBF{}",
    "{\"a\":\"\xC3\x28\"}",
    "{\"a\":\"\\x41\"}",
    "{\"a\":\"\\u12\"}",
    "{\"a\":\"unterminated",
    "{\"a\":[1,2}",
    "[1]]",
    "var a = {};",
  };
  GString *deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (check_agrees (documents[i], documents[i], strlen (documents[i])))
      g_error ("read the quick way: %s", documents[i]);

  for (guint i = 0; i < 250; i++)
    g_string_append (deep, "[");
  for (guint i = 0; i < 250; i++)
    g_string_append (deep, "]");
  g_assert_false (check_agrees ("250 levels deep", deep->str, deep->len));
  g_string_free (deep, TRUE);
}

static char *
load_builtin (gsize *size)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "feeds",
                                                 "kupang-2019.json", NULL);
  char *contents;

  g_assert_true (g_file_get_contents (path, &contents, size, NULL));
  return contents;
}

/* A download cut short: refused, with json-glib's words. */
static void
test_truncated (void)
{
  gsize size;
  g_autofree char *feed = load_builtin (&size);

  for (gsize cut = 0; cut < size - 1; cut += 37)
    if (check_agrees ("the built-in feed, cut short", feed, cut))
      g_error ("the built-in feed cut at %" G_GSIZE_FORMAT " bytes is read", cut);
}

/* The built-in feed with bytes changed at random (the same ones every run). */
static void
test_mutated (void)
{
  static const char replacements[] = "{}[]\":,\\ 0123456789.-+eEtfnul\"\n\t\x80\xC3\xA9";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20191016);
  gsize size;
  g_autofree char *feed = load_builtin (&size);
  guint taken = 0, n = 3000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *copy = g_memdup2 (feed, size);
      guint changes = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < changes; j++)
        copy[g_rand_int_range (rand, 0, size)] =
          replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];
      taken += check_agrees ("the built-in feed, changed", copy, size);
    }
  g_test_message ("%u of %u changed feeds read by the quick reader", taken, n);
  /* Some changes leave it valid JSON (a digit for a digit, inside a string). */
  g_assert_cmpuint (taken, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-load/files", test_files);
  g_test_add_func ("/json-load/taken", test_taken);
  g_test_add_func ("/json-load/left", test_left);
  g_test_add_func ("/json-load/truncated", test_truncated);
  g_test_add_func ("/json-load/mutated", test_mutated);

  return g_test_run ();
}
