/* dlg-cli-print.c: what delegate-feed prints for a person at a terminal
 *
 * Its messages quote feeds ("unknown time zone “...”", a dropped address), and a feed is
 * anyone's text: an escape sequence in it would reach the terminal and could set its title,
 * erase a line or print a fake "usable".  Every message that may quote a feed, a path or a
 * URL goes through here; the files export-ics and export-vcf write are data, and escaped
 * by their own formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-cli"

#include "config.h"

#include <string.h>

#include "dlg-cli.h"

char *
dlg_cli_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C1 too: in a locale that is not UTF-8, g_print() turns U+009B into the single
       * byte 0x9B, which an 8-bit terminal reads as the start of a control sequence.
       * Shown as \u001b rather than replaced by U+FFFD: the message then says which
       * character it was, written as the organiser finds it in a JSON feed (where a
       * control character can only be written so) and can search for it.  Line breaks
       * and tabs too: in a feed's text they would start a line that looks like the tool's
       * own ("feed.json: usable: …"). */
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* @format with its arguments, each argument made printable: the format's own line breaks
 * stay, those of a feed's text do not.  The tool's messages use only %s, %u and %%. */
static void
print_printable (gboolean    to_stderr,
                 const char *format,
                 va_list     args)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (text, *p);
          continue;
        }
      p++;
      if (*p == 's')
        {
          const char *arg = va_arg (args, const char *);
          g_autofree char *printable = dlg_cli_printable (arg != NULL ? arg : "(null)");

          g_string_append (text, printable);
        }
      else if (*p == 'u')
        g_string_append_printf (text, "%u", va_arg (args, guint));
      else if (*p == '%')
        g_string_append_c (text, '%');
      else
        g_return_if_reached ();
    }

  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

void
dlg_cli_print (const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  print_printable (FALSE, format, args);
  va_end (args);
}

void
dlg_cli_printerr (const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  print_printable (TRUE, format, args);
  va_end (args);
}
