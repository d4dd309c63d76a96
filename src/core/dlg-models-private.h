/* dlg-models-private.h: the fields of the model objects, for the feed parser
 *
 * Only core includes this.  The models are read-only to everyone else:
 * the parser builds each object once, fills its fields and never changes
 * it afterwards, so no property ever notifies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-feed.h"

G_BEGIN_DECLS

struct _DlgEvent
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *subtitle;
  char       *venue;
  char       *address;
  char       *city;
  char       *organiser;
  char       *url;
  char       *notice;
  char       *time_zone_name;
  GTimeZone  *time_zone;
  char       *start_date;
  char       *end_date;
  char      **languages;
  char       *host_member;
  char       *president_name;
  char       *president_role;
  char       *president_member;
  gboolean    floating_time;
};

struct _DlgDay
{
  GObject     parent_instance;

  guint       index;
  char       *date;
  guint       n_sessions;
};

struct _DlgSession
{
  GObject     parent_instance;

  char       *key;
  char       *title;
  char       *subtitle;
  char       *abstract;
  char       *description;
  char       *room;
  char       *track;
  char       *kind;
  char       *language;
  char       *url;
  char      **persons;
  char      **members;
  GDateTime  *start;
  GDateTime  *end;
  guint       duration;
  guint       day;
  gboolean    time_tba;
  GListModel *links;
  /* For search only: title, subtitle, track, abstract and description in the feed's languages
   * other than the one shown, plain text, a line each; NULL when it has none. */
  char       *other_languages;
};

struct _DlgMember
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  DlgMemberKind  kind;
  char          *province;
  char          *region;
  guint          joined;
  char          *head_title;
  char          *head_name;
  char          *website;
  char          *email;
  char          *phone;
  char          *address;
  gboolean       has_coordinates;
  double         latitude;
  double         longitude;
  char          *smart_city;
  char          *smart_city_programme;
  gboolean       has_smart_city_masterplan;
  gboolean       smart_city_masterplan;
  char          *description;
  GListModel    *delegates;

  /* Made on first use by dlg-member-query.c (the object is immutable). */
  char          *search_key;
  gsize          search_people;  /* where its people's names begin in search_key */
  char          *name_key;
  char          *sort_key;      /* of the name without "Kota", "Kabupaten", ... */
};

struct _DlgPerson
{
  GObject     parent_instance;

  char       *name;
  char       *role;
  char       *email;
  char       *phone;
};

struct _DlgPractice
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *member;
  char       *session;
  char       *summary;
  char       *body;
  char      **tags;
  GListModel *links;
};

struct _DlgLink
{
  GObject     parent_instance;

  char       *url;
  char       *title;
};

struct _DlgFeed
{
  GObject     parent_instance;

  DlgEvent   *event;
  GListStore *sessions;
  GListStore *days;
  GListStore *members;
  GListStore *practices;

  /* Borrowed keys (the objects' own ids) to objects held by the stores. */
  GHashTable *session_index;
  GHashTable *member_index;
  GHashTable *practice_index;
};

G_END_DECLS
