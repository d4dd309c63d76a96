/* replay.c: runs a fuzz target over files, without libFuzzer
 *
 *   replay-<target> PATH...
 *
 * Each PATH is a file or a directory (its files, sorted, not recursing).
 * Every input goes to LLVMFuzzerTestOneInput once, as libFuzzer would
 * pass it; a broken promise aborts.  So the seed corpus and the inputs
 * that once crashed (regressions/<target>/) run in every build, with gcc
 * too, and under the sanitizers in CI.  Fails when no input was found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint8 *copy;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  /* An exact-size copy, so ASan sees a read past the end as libFuzzer
   * would; malloc(), as an empty input is not NULL there either. */
  copy = malloc (length);
  if (copy == NULL && length > 0)
    abort ();
  if (length > 0)
    memcpy (copy, contents, length);
  printf ("%s (%zu bytes)\n", path, (size_t) length);
  fflush (stdout);
  LLVMFuzzerTestOneInput (copy, length);
  free (copy);
  n_inputs++;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      run_file (g_ptr_array_index (names, i));
}

int
main (int    argc,
      char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);

  printf ("%u inputs, no promise broken\n", n_inputs);
  return n_inputs > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
