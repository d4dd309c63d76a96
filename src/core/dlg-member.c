/* dlg-member.c: a member of the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-member"

#include "config.h"

#include <string.h>

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_ENUM_TYPE (DlgMemberKind, dlg_member_kind,
  G_DEFINE_ENUM_VALUE (DLG_MEMBER_KIND_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (DLG_MEMBER_KIND_KOTA, "kota"),
  G_DEFINE_ENUM_VALUE (DLG_MEMBER_KIND_KABUPATEN, "kabupaten"),
  G_DEFINE_ENUM_VALUE (DLG_MEMBER_KIND_PROVINCE, "provinsi"),
  G_DEFINE_ENUM_VALUE (DLG_MEMBER_KIND_ORGANISATION, "organisation"))

G_DEFINE_FINAL_TYPE (DlgMember, dlg_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_PROVINCE,
  PROP_REGION,
  PROP_JOINED,
  PROP_HEAD_TITLE,
  PROP_HEAD_NAME,
  PROP_WEBSITE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_HAS_COORDINATES,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_SMART_CITY,
  PROP_SMART_CITY_PROGRAMME,
  PROP_HAS_SMART_CITY_MASTERPLAN,
  PROP_SMART_CITY_MASTERPLAN,
  PROP_DESCRIPTION,
  PROP_DELEGATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_member_finalize (GObject *object)
{
  DlgMember *self = DLG_MEMBER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->head_title, g_free);
  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->smart_city, g_free);
  g_clear_pointer (&self->smart_city_programme, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->sort_key, g_free);

  G_OBJECT_CLASS (dlg_member_parent_class)->finalize (object);
}

static void
dlg_member_dispose (GObject *object)
{
  DlgMember *self = DLG_MEMBER (object);

  g_clear_object (&self->delegates);

  G_OBJECT_CLASS (dlg_member_parent_class)->dispose (object);
}

static void
dlg_member_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlgMember *self = DLG_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PROVINCE:
      g_value_set_string (value, self->province);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_JOINED:
      g_value_set_uint (value, self->joined);
      break;

    case PROP_HEAD_TITLE:
      g_value_set_string (value, self->head_title);
      break;

    case PROP_HEAD_NAME:
      g_value_set_string (value, self->head_name);
      break;

    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_HAS_COORDINATES:
      g_value_set_boolean (value, self->has_coordinates);
      break;

    case PROP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;

    case PROP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;

    case PROP_SMART_CITY:
      g_value_set_string (value, self->smart_city);
      break;

    case PROP_SMART_CITY_PROGRAMME:
      g_value_set_string (value, self->smart_city_programme);
      break;

    case PROP_HAS_SMART_CITY_MASTERPLAN:
      g_value_set_boolean (value, self->has_smart_city_masterplan);
      break;

    case PROP_SMART_CITY_MASTERPLAN:
      g_value_set_boolean (value, self->smart_city_masterplan);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DELEGATES:
      g_value_set_object (value, self->delegates);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_member_class_init (DlgMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dlg_member_dispose;
  object_class->finalize = dlg_member_finalize;
  object_class->get_property = dlg_member_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DLG_TYPE_MEMBER_KIND, DLG_MEMBER_KIND_OTHER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOINED] =
    g_param_spec_uint ("joined", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEAD_TITLE] =
    g_param_spec_string ("head-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEAD_NAME] =
    g_param_spec_string ("head-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_COORDINATES] =
    g_param_spec_boolean ("has-coordinates", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATITUDE] =
    g_param_spec_double ("latitude", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LONGITUDE] =
    g_param_spec_double ("longitude", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMART_CITY] =
    g_param_spec_string ("smart-city", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMART_CITY_PROGRAMME] =
    g_param_spec_string ("smart-city-programme", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SMART_CITY_MASTERPLAN] =
    g_param_spec_boolean ("has-smart-city-masterplan", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SMART_CITY_MASTERPLAN] =
    g_param_spec_boolean ("smart-city-masterplan", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELEGATES] =
    g_param_spec_object ("delegates", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_member_init (DlgMember *self)
{
  self->delegates = G_LIST_MODEL (g_list_store_new (DLG_TYPE_PERSON));
}

const char *
dlg_member_get_id (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->id;
}

const char *
dlg_member_get_name (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->name;
}

DlgMemberKind
dlg_member_get_kind (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), DLG_MEMBER_KIND_OTHER);

  return self->kind;
}

const char *
dlg_member_get_province (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->province;
}

const char *
dlg_member_get_region (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->region;
}

guint
dlg_member_get_joined (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), 0);

  return self->joined;
}

const char *
dlg_member_get_head_title (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->head_title;
}

const char *
dlg_member_get_head_name (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->head_name;
}

const char *
dlg_member_get_website (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->website;
}

const char *
dlg_member_get_email (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->email;
}

const char *
dlg_member_get_phone (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->phone;
}

const char *
dlg_member_get_address (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->address;
}

const char *
dlg_member_get_smart_city (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->smart_city;
}

const char *
dlg_member_get_smart_city_programme (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->smart_city_programme;
}

gboolean
dlg_member_get_smart_city_masterplan (DlgMember *self,
                                      gboolean  *known)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), FALSE);

  if (known != NULL)
    *known = self->has_smart_city_masterplan;

  return self->smart_city_masterplan;
}

const char *
dlg_member_get_description (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->description;
}

GListModel *
dlg_member_get_delegates (DlgMember *self)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), NULL);

  return self->delegates;
}

gboolean
dlg_member_get_coordinates (DlgMember *self,
                            double    *latitude,
                            double    *longitude)
{
  g_return_val_if_fail (DLG_IS_MEMBER (self), FALSE);

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;

  return self->has_coordinates;
}

char *
dlg_member_phone_uri (const char *phone)
{
  /* RFC 3966: "tel:+<digits>" for a global number, digits alone for a local one (kept as
   * written), "-" as the visual separator; no spaces or brackets. The international "+"
   * counts when only spaces or brackets come before it: "(+62) 380 123456" is
   * tel:+62-380-123456, not tel:62-380-123456, another number. */
  g_autoptr(GString) tel = g_string_new ("tel:");
  gboolean international = FALSE;
  gboolean digits = FALSE;

  if (phone == NULL)
    return NULL;

  for (const char *p = phone; *p != '\0'; p++)
    {
      /* "(0)" after the country code is the trunk prefix, dialled only from inside the
       * country: "+62 (0)380 821234" is +62 380 821234, and +62 0380 821234 reaches no one. */
      if (international && digits && g_str_has_prefix (p, "(0)"))
        {
          p += strlen ("(0)") - 1;
          if (tel->str[tel->len - 1] != '-')
            g_string_append_c (tel, '-');
        }
      else if (g_ascii_isdigit (*p))
        {
          g_string_append_c (tel, *p);
          digits = TRUE;
        }
      else if (*p == '+' && !digits && !international)
        {
          g_string_append_c (tel, '+');
          international = TRUE;
        }
      else if (digits && tel->str[tel->len - 1] != '-')
        g_string_append_c (tel, '-');
    }
  while (tel->str[tel->len - 1] == '-')
    g_string_truncate (tel, tel->len - 1);

  /* Nothing to dial ("call us", "+"). */
  if (!digits)
    return NULL;

  return g_string_free (g_steal_pointer (&tel), FALSE);
}

/* Whether @text, past spaces and brackets, begins as a whole number does: with the
 * international "+" or the trunk "0". */
static gboolean
begins_whole_number (const char *text)
{
  while (*text == ' ' || *text == '(')
    text++;

  return *text == '+' || *text == '0';
}

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += g_ascii_isdigit (*p) ? 1 : 0;
  return n;
}

/* How many digits @number's first group has ("(0380)", "+62") when other digits follow it:
 * last digits never reach into an area or country code. 1 for a number of one group. */
static guint
first_group_digits (const char *number)
{
  const char *p = number + strcspn (number, "0123456789");
  guint n = 0;

  for (; g_ascii_isdigit (*p); p++)
    n++;
  return count_digits (p) > 0 ? n : 1;
}

/* Whether @part gives only the last digits of a number, those that differ from @before's:
 * digits, with spaces or "-" between, fewer than @before has, and four at most when they
 * begin with "0" (with more, it is a number of its own). They leave the first group as it
 * is: "(0380) 821000, 8210011" is no (0388) 210011; not guessing, it stays one number. */
static gboolean
is_last_digits (const char    *part,
                const GString *before)
{
  guint n = count_digits (part);

  /* No phone number is that long: nor is the field's text worth copying again and again
   * ("1/1/1/..."). */
  if (before->len > 64)
    return FALSE;

  if (!g_ascii_isdigit (*part) || !g_ascii_isdigit (part[strlen (part) - 1]))
    return FALSE;

  for (const char *p = part; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '-')
      return FALSE;
  return n + first_group_digits (before->str) <= count_digits (before->str)
         && (part[0] != '0' || n <= 4);
}

/* @number with its last digits replaced by those of @last_digits, kept as @number is laid
 * out: ("0380 821 000", "01") is "0380 821 001". */
static char *
replace_last_digits (const char *number,
                     const char *last_digits)
{
  g_autofree char *digits = g_malloc (strlen (last_digits) + 1);
  char *whole = g_strdup (number);
  gsize n = 0;
  char *p;

  for (const char *q = last_digits; *q != '\0'; q++)
    if (g_ascii_isdigit (*q))
      digits[n++] = *q;

  for (p = whole + strlen (whole); n > 0 && p > whole; )
    if (g_ascii_isdigit (*--p))
      *p = digits[--n];

  return whole;
}

char **
dlg_member_phone_numbers (const char *phone)
{
  GPtrArray *numbers;
  GString *number = NULL;  /* the number being read, as written */
  const char *start;

  if (phone == NULL)
    return NULL;

  numbers = g_ptr_array_new ();
  for (const char *p = start = phone; ; p++)
    {
      g_autofree char *part = NULL;

      if (*p != '/' && *p != ',' && *p != '\0')
        continue;

      part = g_strstrip (g_strndup (start, p - start));
      if (number == NULL)
        number = g_string_new_len (start, p - start);
      /* "0380 821000/821001" or "/01", as offices list numbers that differ in their last
       * digits: the second is 0380 821001 (dialled as one with the first, it reached neither). */
      else if (is_last_digits (part, number))
        {
          char *whole = g_strstrip (g_string_free (number, FALSE));
          g_autofree char *next = replace_last_digits (whole, part);

          g_ptr_array_add (numbers, whole);
          number = g_string_new (next);
        }
      else if (begins_whole_number (part))
        {
          g_ptr_array_add (numbers, g_strstrip (g_string_free (number, FALSE)));
          number = g_string_new_len (start, p - start);
        }
      else
        {
          /* Part of the number before ("ext. 12"), as written. */
          g_string_append_c (number, start[-1]);
          g_string_append_len (number, start, p - start);
        }

      if (*p == '\0')
        break;
      start = p + 1;
    }
  g_ptr_array_add (numbers, g_strstrip (g_string_free (number, FALSE)));
  g_ptr_array_add (numbers, NULL);

  return (char **) g_ptr_array_free (numbers, FALSE);
}
