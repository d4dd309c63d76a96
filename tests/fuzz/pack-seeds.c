/* pack-seeds.c: the seeds of the pack target, made from the feed and schedule corpora
 *
 *   pack-seeds OUTDIR STAMP PATH...
 *
 * Parses each file of each PATH (a file or a directory) as the app reads a source, packs
 * what parses, and writes the pack without its tag (fuzz-pack.c puts this build's in front)
 * to OUTDIR/<corpus>-<name>.pack; then touches STAMP.  Made at build time, the seeds always follow
 * the form this build writes.  Fails when nothing packed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlg-feed-pack.h"
#include "dlg-source.h"
#include "fuzz-common.h"

static guint n_seeds;

static void
pack_file (const char *path,
           const char *outdir,
           GBytes     *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) source = NULL;
  g_autoptr(DlgFeed) feed = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  const char *data;
  gsize length;
  gsize size;

  if (!g_file_get_contents (path, &contents, &length, &error))
    fuzz_fail ("%s", error->message);
  source = g_bytes_new_take (g_steal_pointer (&contents), length);
  feed = dlg_source_parse (source, NULL, fuzz_languages, NULL, &error);
  if (feed == NULL)
    return;  /* the corpora hold broken inputs too */
  packed = dlg_feed_pack (feed);
  if (packed == NULL)
    return;

  data = g_bytes_get_data (packed, &size);
  if (size < g_bytes_get_size (tag) ||
      memcmp (data, g_bytes_get_data (tag, NULL), g_bytes_get_size (tag)) != 0)
    fuzz_fail ("%s: a pack that does not start with this build's tag", path);

  /* Named after the corpus too: feed/ and schedule-json/ may hold the same names. */
  base = g_path_get_basename (path);
  dir = g_path_get_dirname (path);
  corpus = g_path_get_basename (dir);
  name = g_strconcat (corpus, "-", base, ".pack", NULL);
  out = g_build_filename (outdir, name, NULL);
  if (!g_file_set_contents (out, data + g_bytes_get_size (tag),
                            size - g_bytes_get_size (tag), &error))
    fuzz_fail ("%s", error->message);
  n_seeds++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) tag = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 4)
    {
      fprintf (stderr, "usage: %s OUTDIR STAMP PATH...\n", argv[0]);
      return EXIT_FAILURE;
    }
  fuzz_init ();
  tag = fuzz_pack_tag ();
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    fuzz_fail ("cannot make %s", argv[1]);

  for (int i = 3; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          pack_file (argv[i], argv[1], tag);
          continue;
        }
      dir = g_dir_open (argv[i], 0, &error);
      if (dir == NULL)
        fuzz_fail ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          {
            g_autofree char *path = g_build_filename (argv[i], name, NULL);
            pack_file (path, argv[1], tag);
          }
    }

  if (n_seeds == 0)
    fuzz_fail ("no seed packed");
  if (!g_file_set_contents (argv[2], "", 0, &error))
    fuzz_fail ("%s", error->message);
  printf ("%u seeds in %s\n", n_seeds, argv[1]);
  return EXIT_SUCCESS;
}
