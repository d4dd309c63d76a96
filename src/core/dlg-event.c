/* dlg-event.c: the event a feed describes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dlg-models-private.h"

/* Read-only model object: the feed parser fills the fields through
 * dlg-models-private.h; everyone else reads them through the getters and
 * the properties of the same names. */

G_DEFINE_FINAL_TYPE (DlgEvent, dlg_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_VENUE,
  PROP_ADDRESS,
  PROP_CITY,
  PROP_ORGANISER,
  PROP_URL,
  PROP_NOTICE,
  PROP_TIME_ZONE_NAME,
  PROP_TIME_ZONE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_LANGUAGES,
  PROP_HOST_MEMBER,
  PROP_PRESIDENT_NAME,
  PROP_PRESIDENT_ROLE,
  PROP_PRESIDENT_MEMBER,
  PROP_FLOATING_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dlg_event_finalize (GObject *object)
{
  DlgEvent *self = DLG_EVENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->time_zone_name, g_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->host_member, g_free);
  g_clear_pointer (&self->president_name, g_free);
  g_clear_pointer (&self->president_role, g_free);
  g_clear_pointer (&self->president_member, g_free);

  G_OBJECT_CLASS (dlg_event_parent_class)->finalize (object);
}

static void
dlg_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DlgEvent *self = DLG_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    case PROP_TIME_ZONE_NAME:
      g_value_set_string (value, self->time_zone_name);
      break;

    case PROP_TIME_ZONE:
      g_value_set_boxed (value, self->time_zone);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;

    case PROP_HOST_MEMBER:
      g_value_set_string (value, self->host_member);
      break;

    case PROP_PRESIDENT_NAME:
      g_value_set_string (value, self->president_name);
      break;

    case PROP_PRESIDENT_ROLE:
      g_value_set_string (value, self->president_role);
      break;

    case PROP_FLOATING_TIME:
      g_value_set_boolean (value, self->floating_time);
      break;

    case PROP_PRESIDENT_MEMBER:
      g_value_set_string (value, self->president_member);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dlg_event_class_init (DlgEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dlg_event_finalize;
  object_class->get_property = dlg_event_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE_NAME] =
    g_param_spec_string ("time-zone-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL, G_TYPE_TIME_ZONE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOST_MEMBER] =
    g_param_spec_string ("host-member", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESIDENT_NAME] =
    g_param_spec_string ("president-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESIDENT_ROLE] =
    g_param_spec_string ("president-role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLOATING_TIME] =
    g_param_spec_boolean ("floating-time", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESIDENT_MEMBER] =
    g_param_spec_string ("president-member", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dlg_event_init (DlgEvent *self)
{
  self->languages = g_new0 (char *, 1);
}

const char *
dlg_event_get_id (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->id;
}

const char *
dlg_event_get_title (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->title;
}

const char *
dlg_event_get_subtitle (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->subtitle;
}

const char *
dlg_event_get_venue (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->venue;
}

const char *
dlg_event_get_address (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->address;
}

const char *
dlg_event_get_city (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->city;
}

const char *
dlg_event_get_organiser (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->organiser;
}

const char *
dlg_event_get_url (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->url;
}

const char *
dlg_event_get_notice (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->notice;
}

const char *
dlg_event_get_time_zone_name (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->time_zone_name;
}

GTimeZone *
dlg_event_get_time_zone (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->time_zone;
}

const char *
dlg_event_get_start_date (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->start_date;
}

const char *
dlg_event_get_end_date (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->end_date;
}

const char * const *
dlg_event_get_languages (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return (const char * const *) self->languages;
}

const char *
dlg_event_get_host_member (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->host_member;
}

const char *
dlg_event_get_president_name (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->president_name;
}

const char *
dlg_event_get_president_role (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->president_role;
}

const char *
dlg_event_get_president_member (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), NULL);

  return self->president_member;
}

gboolean
dlg_event_get_floating_time (DlgEvent *self)
{
  g_return_val_if_fail (DLG_IS_EVENT (self), FALSE);

  return self->floating_time;
}

GDateTime *
dlg_event_now (DlgEvent *self)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (self == NULL || DLG_IS_EVENT (self), NULL);

  if (self == NULL || !self->floating_time)
    return g_date_time_new_now_utc ();

  /* Floating times are kept as UTC with the wall-clock figures the feed gave. */
  local = g_date_time_new_now_local ();
  return g_date_time_new_utc (g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                              g_date_time_get_minute (local),
                              g_date_time_get_seconds (local));
}

static GDateTime *
parse_date (const char *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return NULL;
  iso = g_strconcat (date, "T00:00:00Z", NULL);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

char *
dlg_format_date (const char *date)
{
  g_autoptr(GDateTime) time = parse_date (date);

  /* Translators: a date, e.g. "16 October 2019" */
  return time != NULL ? g_date_time_format (time, _("%-d %B %Y")) : NULL;
}

char *
dlg_format_date_range (const char *start,
                       const char *end)
{
  g_autoptr(GDateTime) first = parse_date (start);
  g_autoptr(GDateTime) last = parse_date (end);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start == NULL)
    return NULL;
  if (first == NULL)
    return g_strdup (start);

  from = dlg_format_date (start);
  if (last == NULL || g_date_time_compare (last, first) <= 0)
    return g_steal_pointer (&from);

  to = dlg_format_date (end);
  if (g_date_time_get_year (first) == g_date_time_get_year (last) &&
      g_date_time_get_month (first) == g_date_time_get_month (last))
    {
      g_autofree char *first_day = g_date_time_format (first, "%-d");

      /* Translators: the first day of an event and its last date, in one month,
       * e.g. "16–18 October 2019" */
      return g_strdup_printf (_("%s–%s"), first_day, to);
    }
  if (g_date_time_get_year (first) == g_date_time_get_year (last))
    {
      g_clear_pointer (&from, g_free);
      /* Translators: a day and month, the year said once after them, e.g. "30 September" */
      from = g_date_time_format (first, _("%-d %B"));
    }
  /* Translators: an event's first and last dates, e.g. "30 September – 2 October 2019",
   * or "30 December 2024 – 2 January 2025" */
  return g_strdup_printf (_("%s – %s"), from, to);
}
