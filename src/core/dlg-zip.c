/* dlg-zip.c: a ZIP archive written in memory, its entries stored as they are
 *
 * The format is PKWARE's APPNOTE: each entry's local header and data, then the central
 * directory (the headers again, with each one's offset), then its end record.  All numbers
 * are little-endian.  Sizes stay far below the 4 GiB that would need ZIP64.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-zip"

#include "config.h"

#include <string.h>

#include "dlg-zip.h"

struct _DlgZip
{
  GByteArray *data;       /* local headers and contents */
  GByteArray *directory;  /* central directory */
  guint       n_entries;
  guint16     dos_time;
  guint16     dos_date;
};

/* The CRC-32 of ZIP, gzip and PNG (ISO 3309). */
static guint32
crc32 (const void *data,
       gsize       size)
{
  static guint32 table[256];
  static gsize table_made = 0;
  const guint8 *p = data;
  guint32 crc = 0xffffffff;

  if (g_once_init_enter (&table_made))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&table_made, 1);
    }

  for (gsize i = 0; i < size; i++)
    crc = table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffff;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, sizeof bytes);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

DlgZip *
dlg_zip_new (void)
{
  DlgZip *zip = g_new0 (DlgZip, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  zip->data = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  /* The file managers and word processors show the entries' time in the laptop's. */
  zip->dos_time = g_date_time_get_hour (now) << 11 | g_date_time_get_minute (now) << 5
                  | g_date_time_get_second (now) / 2;
  zip->dos_date = (MAX (g_date_time_get_year (now), 1980) - 1980) << 9
                  | g_date_time_get_month (now) << 5 | g_date_time_get_day_of_month (now);
  return zip;
}

/* What the local header and the central directory's header share, from "version needed". */
static void
put_common (GByteArray *out,
            DlgZip     *zip,
            guint32     crc,
            gsize       size,
            gsize       name_length)
{
  put16 (out, 10);            /* version needed: 1.0, stored entries */
  put16 (out, 0);             /* flags */
  put16 (out, 0);             /* method: stored */
  put16 (out, zip->dos_time);
  put16 (out, zip->dos_date);
  put32 (out, crc);
  put32 (out, size);          /* compressed */
  put32 (out, size);          /* uncompressed */
  put16 (out, name_length);
  put16 (out, 0);             /* extra field */
}

void
dlg_zip_add (DlgZip     *zip,
             const char *name,
             const void *data,
             gsize       size)
{
  gsize name_length = strlen (name);
  guint32 offset = zip->data->len;
  guint32 crc;

  g_return_if_fail (size < G_MAXUINT32 - zip->data->len && name_length < G_MAXUINT16);
  g_return_if_fail (zip->n_entries < G_MAXUINT16);

  crc = crc32 (data, size);

  put32 (zip->data, 0x04034b50);
  put_common (zip->data, zip, crc, size, name_length);
  g_byte_array_append (zip->data, (const guint8 *) name, name_length);
  g_byte_array_append (zip->data, data, size);

  put32 (zip->directory, 0x02014b50);
  put16 (zip->directory, 20);  /* made by: MS-DOS attributes, version 2.0 */
  put_common (zip->directory, zip, crc, size, name_length);
  put16 (zip->directory, 0);   /* comment */
  put16 (zip->directory, 0);   /* disk */
  put16 (zip->directory, 0);   /* internal attributes */
  put32 (zip->directory, 0);   /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, name_length);
  zip->n_entries++;
}

GBytes *
dlg_zip_finish (DlgZip *zip)
{
  guint32 directory_offset = zip->data->len;
  guint32 directory_size = zip->directory->len;
  GBytes *archive;

  g_byte_array_append (zip->data, zip->directory->data, zip->directory->len);
  put32 (zip->data, 0x06054b50);
  put16 (zip->data, 0);  /* this disk */
  put16 (zip->data, 0);  /* the directory's disk */
  put16 (zip->data, zip->n_entries);
  put16 (zip->data, zip->n_entries);
  put32 (zip->data, directory_size);
  put32 (zip->data, directory_offset);
  put16 (zip->data, 0);  /* comment */

  archive = g_byte_array_free_to_bytes (zip->data);
  g_byte_array_unref (zip->directory);
  g_free (zip);
  return archive;
}
