/* dlg-member-query.c: searching, filtering and sorting the members directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-member-query"

#include "config.h"

#include <string.h>

#include "dlg-member-query.h"
#include "dlg-models-private.h"

struct _DlgMemberQuery
{
  GObject   parent_instance;

  char     *text;
  char     *place;
  DlgMemberPlaceScope place_scope;
  int       kind;

  /* The folded words of text, each of which must match. */
  GStrv     words;
  char     *folded;
};

G_DEFINE_FINAL_TYPE (DlgMemberQuery, dlg_member_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACE,
  PROP_KIND,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
dlg_member_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL) /* not UTF-8: the parser never lets that through */
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          g_string_append_unichar (bare, c);
        }
    }

  return g_utf8_casefold (bare->str, bare->len);
}

/* Punctuation in @folded dropped (a search key) or made a space (what was typed), in place:
 * names come with titles and abbreviations written many ways ("H. Saiful Ilah, SH, M.Hum",
 * "Kab. Sidoarjo"), and a delegate types "kab. sidoarjo" or "saiful ilah mhum" and expects
 * to find them.  The newline between fields is no punctuation: it stays. */
static char *
unpunctuate (char     *folded,
             gboolean  as_space)
{
  char *out = folded;

  for (const char *p = folded; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_ispunct (c))
        {
          if (as_space)
            *out++ = ' ';
        }
      else
        {
          memmove (out, p, next - p);
          out += next - p;
        }
      p = next;
    }
  *out = '\0';

  return folded;
}

/* What delegates call a kind, in Indonesian and in English, whatever the language of the
 * feed's names: "kota contoh" finds "Contoh City", "sidoarjo regency" "Kabupaten Sidoarjo". */
static const char *
kind_search_words (DlgMemberKind kind)
{
  switch (kind)
    {
    case DLG_MEMBER_KIND_KOTA:
      return "kota city";
    case DLG_MEMBER_KIND_KABUPATEN:
      return "kabupaten regency";
    case DLG_MEMBER_KIND_PROVINCE:
      return "provinsi province";
    case DLG_MEMBER_KIND_ORGANISATION:
    case DLG_MEMBER_KIND_OTHER:
    default:
      return "";
    }
}

/* One person's fields, each ended by a tab (no search word holds one), on a line of their
 * own: so that the words of one search match within one person, as their name, role and
 * e-mail address, and never across two people. */
static void
append_person (GString    *people,
               const char *const *fields,
               guint       n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (people, "%s\t", fields[i] != NULL ? fields[i] : "");
  g_string_append_c (people, '\n');
}

/* One line per field, so that a search word never spans two fields: first the member's own
 * fields, then a line per person, from search_people on: its head, whose title is theirs
 * alone ("mayor siti" is not a member whose mayor is Ayu and one of whose delegates is Siti),
 * then each delegate with their role and e-mail address. */
static const char *
member_search_key (DlgMember *member)
{
  g_autoptr(GString) own = NULL;
  g_autoptr(GString) people = NULL;
  g_autofree char *own_key = NULL;
  g_autofree char *people_key = NULL;
  GListModel *delegates;

  if (member->search_key != NULL)
    return member->search_key;

  own = g_string_new (NULL);
  g_string_append_printf (own, "%s\n%s\n%s\n%s\n",
                          member->name != NULL ? member->name : "",
                          kind_search_words (member->kind),
                          member->province != NULL ? member->province : "",
                          member->region != NULL ? member->region : "");

  people = g_string_new (NULL);
  if (member->head_name != NULL || member->head_title != NULL)
    {
      const char *head[] = { member->head_title, member->head_name };

      append_person (people, head, G_N_ELEMENTS (head));
    }
  delegates = member->delegates;
  for (guint i = 0; delegates != NULL && i < g_list_model_get_n_items (delegates); i++)
    {
      g_autoptr(DlgPerson) person = g_list_model_get_item (delegates, i);
      const char *fields[] = {
        dlg_person_get_name (person), dlg_person_get_role (person), dlg_person_get_email (person),
      };

      append_person (people, fields, G_N_ELEMENTS (fields));
    }

  own_key = unpunctuate (dlg_member_fold_text (own->str), FALSE);
  people_key = unpunctuate (dlg_member_fold_text (people->str), FALSE);
  member->search_people = strlen (own_key);
  member->search_key = g_strconcat (own_key, people_key, NULL);
  return member->search_key;
}

static const char *
member_name_key (DlgMember *member)
{
  if (member->name_key == NULL)
    member->name_key = g_utf8_collate_key (member->name != NULL ? member->name : "", -1);

  return member->name_key;
}

/* Longer forms before the shorter ones they begin with. */
static const char * const name_prefixes[] = {
  "kota administrasi", "kabupaten administrasi", "kotamadya", "kota", "kabupaten", "kab.",
  "kab", "provinsi", "city of", "regency of", "province of",
};
static const char * const name_suffixes[] = { "city", "regency", "province" };

char *
dlg_member_name_for_sorting (const char *name)
{
  g_autofree char *bare = g_strstrip (g_strdup (name != NULL ? name : ""));
  const char *start = bare;
  gsize len;

  for (guint i = 0; i < G_N_ELEMENTS (name_prefixes); i++)
    {
      gsize n = strlen (name_prefixes[i]);

      /* A whole word ("Kotabaru" is a name, not "Kota" + "baru"), or one ending in a dot
       * ("Kab.Sidoarjo"); never the whole name ("Kota" alone stays "Kota"). */
      if (g_ascii_strncasecmp (bare, name_prefixes[i], n) == 0 &&
          (g_ascii_isspace (bare[n]) || (name_prefixes[i][n - 1] == '.' && bare[n] != '\0')))
        {
          const char *rest = bare + n;

          while (g_ascii_isspace (*rest))
            rest++;
          if (*rest != '\0')
            start = rest;
          break;
        }
    }

  len = strlen (start);
  for (guint i = 0; i < G_N_ELEMENTS (name_suffixes); i++)
    {
      gsize n = strlen (name_suffixes[i]);

      if (len > n + 1 && g_ascii_strcasecmp (start + len - n, name_suffixes[i]) == 0 &&
          g_ascii_isspace (start[len - n - 1]))
        {
          len -= n;
          while (len > 0 && g_ascii_isspace (start[len - 1]))
            len--;
          break;
        }
    }

  return g_strndup (start, len);
}

/* An organisation's name has no administrative word to skip ("Kota Tua Foundation"). */
static const char *
member_sort_key (DlgMember *member)
{
  if (member->sort_key == NULL)
    {
      g_autofree char *sort_name = NULL;

      if (member->kind == DLG_MEMBER_KIND_ORGANISATION)
        sort_name = g_strdup (member->name != NULL ? member->name : "");
      else
        sort_name = dlg_member_name_for_sorting (member->name);
      member->sort_key = g_utf8_collate_key (sort_name, -1);
    }

  return member->sort_key;
}

static void
dlg_member_query_finalize (GObject *object)
{
  DlgMemberQuery *self = DLG_MEMBER_QUERY (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (dlg_member_query_parent_class)->finalize (object);
}

static void
dlg_member_query_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DlgMemberQuery *self = DLG_MEMBER_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_member_query_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DlgMemberQuery *self = DLG_MEMBER_QUERY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      dlg_member_query_set_text (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      dlg_member_query_set_place (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      dlg_member_query_set_kind (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_member_query_class_init (DlgMemberQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_member_query_finalize;
  object_class->get_property = dlg_member_query_get_property;
  object_class->set_property = dlg_member_query_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      DLG_MEMBER_QUERY_ANY_KIND, G_MAXINT, DLG_MEMBER_QUERY_ANY_KIND,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
dlg_member_query_init (DlgMemberQuery *self)
{
  self->kind = DLG_MEMBER_QUERY_ANY_KIND;
  self->folded = g_strdup ("");
  self->words = g_new0 (char *, 1);
}

DlgMemberQuery *
dlg_member_query_new (void)
{
  return g_object_new (DLG_TYPE_MEMBER_QUERY, NULL);
}

const char *
dlg_member_query_get_text (DlgMemberQuery *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), NULL);

  return self->text;
}

void
dlg_member_query_set_text (DlgMemberQuery *self,
                           const char     *text)
{
  g_autofree char *folded = NULL;
  DlgMemberQueryChange change;

  g_return_if_fail (DLG_IS_MEMBER_QUERY (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  folded = g_strstrip (unpunctuate (dlg_member_fold_text (text), TRUE));

  /* Typing on adds to the words or lengthens the last: every member
   * that matches now matched before. */
  if (g_str_equal (folded, self->folded))
    change = DLG_MEMBER_QUERY_CHANGE_DIFFERENT;
  else if (g_str_has_prefix (folded, self->folded))
    change = DLG_MEMBER_QUERY_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->folded, folded))
    change = DLG_MEMBER_QUERY_CHANGE_LESS_STRICT;
  else
    change = DLG_MEMBER_QUERY_CHANGE_DIFFERENT;

  g_strfreev (self->words);
  self->words = g_strsplit_set (folded, " \t\n", -1);
  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

const char *
dlg_member_query_get_place (DlgMemberQuery *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), NULL);

  return self->place;
}

void
dlg_member_query_set_place (DlgMemberQuery *self,
                            const char     *place)
{
  dlg_member_query_set_place_in (self, place, DLG_MEMBER_PLACE_ANY);
}

DlgMemberPlaceScope
dlg_member_query_get_place_scope (DlgMemberQuery *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), DLG_MEMBER_PLACE_ANY);

  return self->place_scope;
}

void
dlg_member_query_set_place_in (DlgMemberQuery      *self,
                               const char          *place,
                               DlgMemberPlaceScope  scope)
{
  DlgMemberQueryChange change;

  g_return_if_fail (DLG_IS_MEMBER_QUERY (self));

  if (place != NULL && place[0] == '\0')
    place = NULL;
  if (place == NULL)
    scope = DLG_MEMBER_PLACE_ANY;
  if (g_strcmp0 (self->place, place) == 0 && self->place_scope == scope)
    return;

  if (self->place == NULL)
    change = DLG_MEMBER_QUERY_CHANGE_MORE_STRICT;
  else if (place == NULL)
    change = DLG_MEMBER_QUERY_CHANGE_LESS_STRICT;
  else if (g_strcmp0 (self->place, place) == 0 && self->place_scope == DLG_MEMBER_PLACE_ANY)
    change = DLG_MEMBER_QUERY_CHANGE_MORE_STRICT;
  else if (g_strcmp0 (self->place, place) == 0 && scope == DLG_MEMBER_PLACE_ANY)
    change = DLG_MEMBER_QUERY_CHANGE_LESS_STRICT;
  else
    change = DLG_MEMBER_QUERY_CHANGE_DIFFERENT;

  g_free (self->place);
  self->place = g_strdup (place);
  self->place_scope = scope;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

int
dlg_member_query_get_kind (DlgMemberQuery *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), DLG_MEMBER_QUERY_ANY_KIND);

  return self->kind;
}

void
dlg_member_query_set_kind (DlgMemberQuery *self,
                           int             kind)
{
  DlgMemberQueryChange change;

  g_return_if_fail (DLG_IS_MEMBER_QUERY (self));
  g_return_if_fail (kind >= DLG_MEMBER_QUERY_ANY_KIND);

  if (self->kind == kind)
    return;

  if (self->kind == DLG_MEMBER_QUERY_ANY_KIND)
    change = DLG_MEMBER_QUERY_CHANGE_MORE_STRICT;
  else if (kind == DLG_MEMBER_QUERY_ANY_KIND)
    change = DLG_MEMBER_QUERY_CHANGE_LESS_STRICT;
  else
    change = DLG_MEMBER_QUERY_CHANGE_DIFFERENT;

  self->kind = kind;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

gboolean
dlg_member_query_is_empty (DlgMemberQuery *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), TRUE);

  return self->folded[0] == '\0' && self->place == NULL &&
         self->kind == DLG_MEMBER_QUERY_ANY_KIND;
}

gboolean
dlg_member_query_matches (DlgMemberQuery *self,
                          DlgMember      *member)
{
  const char *key;
  const char *people;

  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), FALSE);
  g_return_val_if_fail (DLG_IS_MEMBER (member), FALSE);

  if (self->kind != DLG_MEMBER_QUERY_ANY_KIND && (int) member->kind != self->kind)
    return FALSE;

  if (self->place != NULL)
    {
      gboolean in_province = g_strcmp0 (member->province, self->place) == 0;
      gboolean in_region = g_strcmp0 (member->region, self->place) == 0;

      switch (self->place_scope)
        {
        case DLG_MEMBER_PLACE_REGION:
          if (!in_region)
            return FALSE;
          break;

        case DLG_MEMBER_PLACE_PROVINCE:
          if (!in_province)
            return FALSE;
          break;

        case DLG_MEMBER_PLACE_ANY:
        default:
          if (!in_province && !in_region)
            return FALSE;
        }
    }

  if (self->folded[0] == '\0')
    return TRUE;

  key = member_search_key (member);
  people = key + member->search_people;

  /* Each word is in the member's own fields or in one of its people's (name, title or role,
   * e-mail address), the same person for all such words: "sari lubis" is someone called so,
   * not the head Sari Manurung and a delegate Dian Lubis (in a feed of 514 members, 37
   * matched, 8 of them with a Sari Lubis); "kepala bappeda" is one delegate's role.
   * A member without people is tried once, against its own fields alone. */
  for (const char *line = people; ; )
    {
      const char *end = line + strcspn (line, "\n");
      gboolean all = TRUE;

      for (guint i = 0; all && self->words[i] != NULL; i++)
        {
          const char *word = self->words[i];

          all = word[0] == '\0' ||
                g_strstr_len (key, people - key, word) != NULL ||
                g_strstr_len (line, end - line, word) != NULL;
        }

      if (all)
        return TRUE;
      if (*end == '\0' || end[1] == '\0')
        return FALSE;
      line = end + 1;
    }
}

GListStore *
dlg_member_query_filter (DlgMemberQuery *self,
                         GListModel     *members)
{
  GListStore *store = g_list_store_new (DLG_TYPE_MEMBER);

  g_return_val_if_fail (DLG_IS_MEMBER_QUERY (self), store);
  g_return_val_if_fail (G_IS_LIST_MODEL (members), store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

      if (dlg_member_query_matches (self, member))
        g_list_store_append (store, member);
    }

  return store;
}

/* Members without the field sort after those with it. */
static int
compare_optional (const char *a,
                  const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_utf8_collate (a, b);
}

int
dlg_member_compare (DlgMember     *a,
                    DlgMember     *b,
                    DlgMemberSort  sort)
{
  int result = 0;

  g_return_val_if_fail (DLG_IS_MEMBER (a), 0);
  g_return_val_if_fail (DLG_IS_MEMBER (b), 0);

  switch (sort)
    {
    case DLG_MEMBER_SORT_PROVINCE:
      result = compare_optional (a->province, b->province);
      break;

    case DLG_MEMBER_SORT_JOINED:
      if (a->joined != b->joined)
        result = a->joined == 0 ? 1 : b->joined == 0 ? -1 : (a->joined < b->joined ? -1 : 1);
      break;

    case DLG_MEMBER_SORT_NAME:
    default:
      break;
    }

  /* By the place's own name, so that Kupang is under K and Banyuwangi under B, whether the
   * feed writes "Kota Kupang" or "Kupang City"; then by the whole name ("Kabupaten Kupang"
   * before "Kota Kupang"). */
  if (result == 0)
    result = strcmp (member_sort_key (a), member_sort_key (b));
  if (result == 0)
    result = strcmp (member_name_key (a), member_name_key (b));
  if (result == 0)
    result = g_strcmp0 (a->id, b->id);

  return result;
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_places (GListModel *members,
             gboolean    regions,
             gboolean    provinces)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);
      const char *fields[] = {
        regions ? member->region : NULL, provinces ? member->province : NULL,
      };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          if (fields[j] != NULL && g_hash_table_add (seen, (gpointer) fields[j]))
            g_ptr_array_add (places, g_strdup (fields[j]));
        }
    }

  g_ptr_array_sort (places, compare_places);
  g_ptr_array_add (places, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&places), FALSE);
}

GStrv
dlg_member_list_places (GListModel *members)
{
  return list_places (members, TRUE, TRUE);
}

GStrv
dlg_member_list_regions (GListModel *members)
{
  return list_places (members, TRUE, FALSE);
}

GStrv
dlg_member_list_provinces (GListModel *members)
{
  return list_places (members, FALSE, TRUE);
}

DlgMemberKind *
dlg_member_list_kinds (GListModel *members,
                       guint      *n_kinds)
{
  GEnumClass *enum_class = g_type_class_ref (DLG_TYPE_MEMBER_KIND);
  gboolean *present = g_new0 (gboolean, enum_class->maximum + 1);
  DlgMemberKind *kinds = g_new0 (DlgMemberKind, enum_class->maximum + 1);
  guint n = 0;

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(DlgMember) member = g_list_model_get_item (members, i);

      present[member->kind] = TRUE;
    }

  for (int kind = 0; kind <= enum_class->maximum; kind++)
    {
      if (present[kind])
        kinds[n++] = kind;
    }

  g_free (present);
  g_type_class_unref (enum_class);

  if (n_kinds != NULL)
    *n_kinds = n;
  return kinds;
}

GListStore *
dlg_member_find_sessions (DlgMember *member,
                          DlgFeed   *feed)
{
  GListStore *store = g_list_store_new (DLG_TYPE_SESSION);
  GListModel *sessions;

  g_return_val_if_fail (DLG_IS_MEMBER (member), store);
  g_return_val_if_fail (DLG_IS_FEED (feed), store);

  sessions = dlg_feed_get_sessions (feed);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(DlgSession) session = g_list_model_get_item (sessions, i);
      const char * const *members = dlg_session_get_members (session);

      if (members != NULL && g_strv_contains (members, member->id))
        g_list_store_append (store, session);
    }

  return store;
}

GListStore *
dlg_member_find_practices (DlgMember *member,
                           DlgFeed   *feed)
{
  GListStore *store = g_list_store_new (DLG_TYPE_PRACTICE);
  GListModel *practices;

  g_return_val_if_fail (DLG_IS_MEMBER (member), store);
  g_return_val_if_fail (DLG_IS_FEED (feed), store);

  practices = dlg_feed_get_practices (feed);
  for (guint i = 0; i < g_list_model_get_n_items (practices); i++)
    {
      g_autoptr(DlgPractice) practice = g_list_model_get_item (practices, i);

      if (g_strcmp0 (dlg_practice_get_member (practice), member->id) == 0)
        g_list_store_append (store, practice);
    }

  return store;
}
