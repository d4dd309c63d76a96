/* dlg-vcard.c: members and their delegates as vCard 3.0 (RFC 2426)
 *
 * 3.0 and not 4.0: the address books delegates import into (Android's, GNOME Contacts through
 * Evolution, Outlook) read 3.0 whole, while 4.0's KIND, RELATED and tel: URIs were dropped or
 * shown as garbage by some of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-vcard"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dlg-vcard.h"

/* RFC 2425 5.8.1 and RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets, CRLF excluded. */
#define MAX_LINE_OCTETS 75

char *
dlg_vcard_escape_text (const char *text)
{
  GString *escaped;

  if (text == NULL)
    return g_strdup ("");

  escaped = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (escaped, "\\\\");
          break;

        case ',':
          g_string_append (escaped, "\\,");
          break;

        case ';':
          g_string_append (escaped, "\\;");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (escaped, "\\n");
          break;

        default:
          /* RFC 2426 and RFC 6350 3.3 allow no control character in a text value but
           * the tab: a vertical tab or an escape from the feed would make
           * the card unreadable, so it reads as the space it stood for. */
          if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7F)
            g_string_append_c (escaped, ' ');
          else
            g_string_append_c (escaped, *p);
        }
    }

  return g_string_free (escaped, FALSE);
}

/* Folds @line (one content line, valid UTF-8, no line break) into lines
 * of at most 75 octets: a continuation line starts with a space, which
 * counts.  A break never falls inside a multi-byte character. */
void
dlg_vcard_append_line (GString    *out,
                       const char *line)
{
  const char *p = line;
  gsize room = MAX_LINE_OCTETS;

  g_return_if_fail (out != NULL);
  g_return_if_fail (line != NULL);

  while (strlen (p) > room)
    {
      const char *end = p + room;

      /* Back up to the first byte of the character that would be cut. */
      while (end > p && ((guchar) *end & 0xC0) == 0x80)
        end--;

      g_string_append_len (out, p, end - p);
      g_string_append (out, "\r\n ");
      p = end;
      room = MAX_LINE_OCTETS - 1;
    }

  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

/* A name-based (version 5 style) UUID from SHA-1, as a URN. */
char *
dlg_vcard_uid (const char *seed)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "io.github.delegateapp.Delegate/", -1);
  g_checksum_update (checksum, (const guchar *) seed, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0F) | 0x50;
  digest[8] = (digest[8] & 0x3F) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *raw_value)
{
  g_autofree char *line = g_strconcat (name, ":", raw_value, NULL);

  dlg_vcard_append_line (out, line);
}

static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (!has_text (text))
    return;

  escaped = dlg_vcard_escape_text (text);
  append_property (out, name, escaped);
}

/* An Indonesian mobile number: 08... at home, +62 8... (or +62 (0)8...) from abroad. */
static gboolean
is_mobile (const char *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *plus = strchr (number, '+');
  const char *rest;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  rest = digits->str;
  if (plus != NULL && plus < number + strcspn (number, "0123456789"))
    {
      if (!g_str_has_prefix (rest, "62"))
        return FALSE;
      rest += 2;
    }
  else if (rest[0] != '0')
    return FALSE;

  if (rest[0] == '0') /* the trunk prefix */
    rest++;
  return rest[0] == '8';
}

/* TEL: an international number (+62 ..., (+62) ...) as a phone dials it, "+62-380-821000"
 * without the "(0)" dialled only at home; else the number as written.  One TEL for each
 * number the field holds (a phone dials one), a mobile's TYPE=CELL so that a phone offers
 * to send it a message. */
static void
append_phone (GString    *out,
              const char *phone)
{
  g_auto(GStrv) numbers = NULL;

  if (!has_text (phone))
    return;

  numbers = dlg_member_phone_numbers (phone);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *uri = dlg_member_phone_uri (numbers[i]);
      const char *name = is_mobile (numbers[i]) ? "TEL;TYPE=CELL,VOICE" : "TEL;TYPE=WORK,VOICE";

      if (uri == NULL || !g_str_has_prefix (uri, "tel:+"))
        append_text (out, name, numbers[i]);
      else
        append_property (out, name, uri + strlen ("tel:"));
    }
}

static void
append_begin (GString    *out,
              const char *uid_seed)
{
  g_autofree char *uid = dlg_vcard_uid (uid_seed);

  dlg_vcard_append_line (out, "BEGIN:VCARD");
  dlg_vcard_append_line (out, "VERSION:3.0");
  append_property (out, "PRODID", "-//Delegate//Delegate " PACKAGE_VERSION "//EN");
  append_property (out, "UID", uid);
}

/* Escaped and joined by @separator: the values of a component of N. */
static void
append_values (GString    *n,
               GPtrArray  *values,
               guint       from,
               guint       to,
               const char *separator)
{
  for (guint i = from; i < to; i++)
    {
      g_autofree char *escaped = dlg_vcard_escape_text (g_ptr_array_index (values, i));

      g_string_append_printf (n, "%s%s", i > from ? separator : "", escaped);
    }
}

static gboolean
is_title (const char *word)
{
  static const char * const titles[] = {
    "dr.", "drs.", "dra.", "ir.", "h.", "hj.", "prof.", "k.h.", "kh.", "ny.", "tn.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      if (g_ascii_strcasecmp (word, titles[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

char *
dlg_vcard_name (const char *name)
{
  g_autofree char *copy = g_strdup (name != NULL ? name : "");
  char *comma = strchr (copy, ',');
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GPtrArray) suffixes = g_ptr_array_new ();
  g_auto(GStrv) split = NULL;
  g_auto(GStrv) split_suffixes = NULL;
  GString *n = g_string_new (NULL);
  guint prefixes = 0;

  /* After the first comma, the degrees: "Siti Nurhaliza, S.T., M.T.". */
  if (comma != NULL)
    {
      *comma = '\0';
      split_suffixes = g_strsplit (comma + 1, ",", -1);
      for (guint i = 0; split_suffixes[i] != NULL; i++)
        {
          if (g_strstrip (split_suffixes[i])[0] != '\0')
            g_ptr_array_add (suffixes, split_suffixes[i]);
        }
    }

  split = g_strsplit_set (copy, " \t", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] != '\0')
        g_ptr_array_add (words, split[i]);
    }

  /* Before the name, the titles Indonesians write there ("Dr.", "H.", "Ir."); not all of it. */
  while (prefixes + 1 < words->len && is_title (g_ptr_array_index (words, prefixes)))
    prefixes++;

  /* Family;Given;Additional;Prefixes;Suffixes.  Many Indonesians have one name, and no
   * family name: a single name is the given name; of several, the last is the family's. */
  if (words->len - prefixes >= 2)
    append_values (n, words, words->len - 1, words->len, " ");
  g_string_append_c (n, ';');
  append_values (n, words, prefixes, words->len - prefixes >= 2 ? words->len - 1 : words->len,
                 " ");
  g_string_append (n, ";;");
  append_values (n, words, 0, prefixes, ",");
  g_string_append_c (n, ';');
  append_values (n, suffixes, 0, suffixes->len, ",");

  return g_string_free (n, FALSE);
}

/* @person, the @nth (from 1) of @member's delegates of that name. */
static void
append_person (GString    *out,
               DlgMember  *member,
               DlgPerson  *person,
               guint       nth)
{
  /* Two delegates of one name (single names are common: "Sari") had one UID, and an
   * address book kept one of them.  The first keeps the UID it always had. */
  g_autofree char *seed = nth <= 1
                          ? g_strdup_printf ("member/%s/delegate/%s", dlg_member_get_id (member),
                                             dlg_person_get_name (person))
                          : g_strdup_printf ("member/%s/delegate/%s/%u",
                                             dlg_member_get_id (member),
                                             dlg_person_get_name (person), nth);
  g_autofree char *org = dlg_vcard_escape_text (dlg_member_get_name (member));
  g_autofree char *n = dlg_vcard_name (dlg_person_get_name (person));

  append_begin (out, seed);
  append_property (out, "N", n);
  append_text (out, "FN", dlg_person_get_name (person));
  append_property (out, "ORG", org);
  append_text (out, "TITLE", dlg_person_get_role (person));
  append_text (out, "EMAIL;TYPE=INTERNET,WORK", dlg_person_get_email (person));
  append_phone (out, dlg_person_get_phone (person));
  dlg_vcard_append_line (out, "END:VCARD");
}

void
dlg_vcard_append_member (GString   *out,
                         DlgMember *member)
{
  g_autofree char *seed = NULL;
  g_autofree char *org = NULL;
  g_autoptr(GString) note = NULL;
  const char *head_title;
  const char *head_name;
  const char *programme;
  double latitude, longitude;
  gboolean masterplan_known = FALSE;
  g_autoptr(GHashTable) seen = NULL;
  GListModel *delegates;

  g_return_if_fail (out != NULL);
  g_return_if_fail (DLG_IS_MEMBER (member));

  seed = g_strdup_printf ("member/%s", dlg_member_get_id (member));
  append_begin (out, seed);
  /* A card of an organisation: its N empty, as RFC 2426 3.1.2 requires one; Apple's
   * Contacts, Evolution and Android show and sort it by its ORG when it says so. */
  dlg_vcard_append_line (out, "N:;;;;");
  append_text (out, "FN", dlg_member_get_name (member));
  org = dlg_vcard_escape_text (dlg_member_get_name (member));
  append_property (out, "ORG", org);
  dlg_vcard_append_line (out, "X-ABShowAs:COMPANY");

  if (has_text (dlg_member_get_address (member)) || has_text (dlg_member_get_province (member)))
    {
      g_autofree char *street = dlg_vcard_escape_text (dlg_member_get_address (member));
      g_autofree char *region = dlg_vcard_escape_text (dlg_member_get_province (member));
      g_autofree char *adr = g_strdup_printf (";;%s;;%s;;", street, region);

      append_property (out, "ADR;TYPE=WORK", adr);
    }

  append_phone (out, dlg_member_get_phone (member));
  append_text (out, "EMAIL;TYPE=INTERNET,WORK", dlg_member_get_email (member));
  if (has_text (dlg_member_get_website (member)))
    append_property (out, "URL", dlg_member_get_website (member));

  if (dlg_member_get_coordinates (member, &latitude, &longitude))
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
      /* RFC 2426 3.4.2: two floats, split by a semicolon. */
      g_autofree char *geo = g_strdup_printf ("%s;%s",
                                              g_ascii_formatd (lat, sizeof lat, "%.6f", latitude),
                                              g_ascii_formatd (lon, sizeof lon, "%.6f", longitude));

      append_property (out, "GEO", geo);
    }

  /* NOTE: what has no property of its own, a paragraph each. */
  note = g_string_new (NULL);
  if (has_text (dlg_member_get_description (member)))
    g_string_append (note, dlg_member_get_description (member));
  head_title = dlg_member_get_head_title (member);
  head_name = dlg_member_get_head_name (member);
  if (has_text (head_name))
    g_string_append_printf (note, "%s%s%s%s", note->len > 0 ? "\n\n" : "",
                            has_text (head_title) ? head_title : "",
                            has_text (head_title) ? ": " : "", head_name);
  programme = dlg_member_get_smart_city_programme (member);
  if (has_text (programme))
    g_string_append_printf (note, "%s%s", note->len > 0 ? "\n\n" : "", programme);
  if (dlg_member_get_smart_city_masterplan (member, &masterplan_known) || masterplan_known)
    g_string_append_printf (note, "%s%s", note->len > 0 ? "\n\n" : "",
                            dlg_member_get_smart_city_masterplan (member, NULL)
                            ? _("Smart City masterplan: ready")
                            : _("Smart City masterplan: not ready yet"));
  if (has_text (dlg_member_get_smart_city (member)))
    g_string_append_printf (note, "%s%s", note->len > 0 ? "\n\n" : "",
                            dlg_member_get_smart_city (member));
  append_text (out, "NOTE", note->str);

  dlg_vcard_append_line (out, "END:VCARD");

  delegates = dlg_member_get_delegates (member);
  /* Each name, to how many delegates had it so far. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; delegates != NULL && i < g_list_model_get_n_items (delegates); i++)
    {
      g_autoptr(DlgPerson) person = g_list_model_get_item (delegates, i);
      const char *name = dlg_person_get_name (person) != NULL ? dlg_person_get_name (person) : "";
      guint nth = GPOINTER_TO_UINT (g_hash_table_lookup (seen, name)) + 1;

      /* The person lives as long as the member, and its name with it. */
      g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (nth));
      append_person (out, member, person, nth);
    }
}

char *
dlg_vcard_from_members (GListModel *members)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (members), g_string_free (out, FALSE));

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

      dlg_vcard_append_member (out, member);
    }

  return g_string_free (out, FALSE);
}
