/* dlg-member-query.h: searching, filtering and sorting the members directory
 *
 * GTK-free, so that the directory's logic is tested on the models alone:
 * the members pane wraps a DlgMemberQuery in a GtkCustomFilter and
 * dlg_member_compare() in a GtkCustomSorter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

/* Any kind: the "kind" property's value that filters nothing. */
#define DLG_MEMBER_QUERY_ANY_KIND (-1)

typedef enum
{
  DLG_MEMBER_SORT_NAME,
  DLG_MEMBER_SORT_PROVINCE, /* then name; members without a province last */
  DLG_MEMBER_SORT_JOINED    /* earliest first, then name; unknown years last */
} DlgMemberSort;

/* How a change narrowed or widened the matches, so a filter model can
 * look only at what it showed (MORE_STRICT) or hid (LESS_STRICT). */
typedef enum
{
  DLG_MEMBER_QUERY_CHANGE_DIFFERENT,
  DLG_MEMBER_QUERY_CHANGE_MORE_STRICT,
  DLG_MEMBER_QUERY_CHANGE_LESS_STRICT
} DlgMemberQueryChange;

/* What a place filter's name is: a region (an island or group of them, "Jawa") and a
 * province ("Papua") may share a name, and a region holds provinces of other names
 * ("Papua Barat" is in the region Papua, not the province). */
typedef enum
{
  DLG_MEMBER_PLACE_ANY,      /* a province or a region of that name */
  DLG_MEMBER_PLACE_REGION,
  DLG_MEMBER_PLACE_PROVINCE
} DlgMemberPlaceScope;

#define DLG_TYPE_MEMBER_QUERY (dlg_member_query_get_type ())
G_DECLARE_FINAL_TYPE (DlgMemberQuery, dlg_member_query, DLG, MEMBER_QUERY, GObject)

/* Properties "text", "place" and "kind"; the signal "changed" (one
 * DlgMemberQueryChange argument) follows any change of them. */
DlgMemberQuery *dlg_member_query_new        (void);
const char     *dlg_member_query_get_text   (DlgMemberQuery *self);
/* Words typed in a search: each must occur in the member's name, its
 * kind in Indonesian or English ("kota", "city"), province or region, or
 * in one person's fields, the same person for all such words: the head
 * of region's title or name, a delegate's name, role or e-mail address;
 * ignoring case, accents and punctuation ("sidoarjo saiful" finds
 * Kabupaten Sidoarjo, "kota contoh" Contoh City, "kepala bappeda" and
 * "@kupangkota" the member with such a delegate). */
void            dlg_member_query_set_text   (DlgMemberQuery *self,
                                             const char     *text);
const char     *dlg_member_query_get_place  (DlgMemberQuery *self);
/* A province or region (island) name, exactly as the feed gives it;
 * NULL for any place. */
void            dlg_member_query_set_place  (DlgMemberQuery *self,
                                             const char     *place);
/* @place as a region or as a province only, exactly as the feed gives it. */
void            dlg_member_query_set_place_in (DlgMemberQuery      *self,
                                               const char          *place,
                                               DlgMemberPlaceScope  scope);
DlgMemberPlaceScope dlg_member_query_get_place_scope (DlgMemberQuery *self);
int             dlg_member_query_get_kind   (DlgMemberQuery *self);
/* A DlgMemberKind, or DLG_MEMBER_QUERY_ANY_KIND. */
void            dlg_member_query_set_kind   (DlgMemberQuery *self,
                                             int             kind);
gboolean        dlg_member_query_is_empty   (DlgMemberQuery *self);
gboolean        dlg_member_query_matches    (DlgMemberQuery *self,
                                             DlgMember      *member);

/* The members of @members (a GListModel of DlgMember) that match. */
GListStore     *dlg_member_query_filter     (DlgMemberQuery *self,
                                             GListModel     *members);

/* Names sort by the place's own name, without "Kota", "Kabupaten", "Kab.", "Provinsi",
 * "City of" or a trailing "City" / "Regency" (organisations by their whole name), then by
 * the whole name; the keys are made once per member. */
int             dlg_member_compare          (DlgMember      *a,
                                             DlgMember      *b,
                                             DlgMemberSort   sort);
/* @name without its administrative word: "Kab. Sidoarjo" and "Sidoarjo Regency" give
 * "Sidoarjo"; a name that is nothing else ("Kota") is kept. */
char           *dlg_member_name_for_sorting (const char     *name);

/* Sorted, without duplicates: every region and province named by
 * @members, for a place filter. */
GStrv           dlg_member_list_places      (GListModel     *members);
/* Sorted, without duplicates: the regions, or the provinces, @members name. */
GStrv           dlg_member_list_regions     (GListModel     *members);
GStrv           dlg_member_list_provinces   (GListModel     *members);
/* The kinds @members have, in DlgMemberKind order; *n_kinds set. */
DlgMemberKind  *dlg_member_list_kinds       (GListModel     *members,
                                             guint          *n_kinds);

/* Cross-links: the sessions in which @member presents (the sessions
 * naming it in "members"), in agenda order, and the best practices it
 * shared.  New GListStores of DlgSession and DlgPractice. */
GListStore     *dlg_member_find_sessions    (DlgMember      *member,
                                             DlgFeed        *feed);
GListStore     *dlg_member_find_practices   (DlgMember      *member,
                                             DlgFeed        *feed);

/* @text casefolded, decomposed and without accents: how the search
 * compares ("Müller" folds to "muller"). */
char           *dlg_member_fold_text        (const char     *text);

G_END_DECLS
