/* schedule-fixture.h: a generated frab/pretalx schedule of any size, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n sessions over @n_rooms rooms and @n_days days (at most 5) from 2024-12-27, Europe/Berlin,
 * as schedule.xml when @xml, else schedule.json. */
GBytes *schedule_fixture_new (guint    n,
                              guint    n_rooms,
                              guint    n_days,
                              gboolean xml,
                              guint    version);

/* The same, and when @bilingual (schedule.json only) each title and abstract given in English
 * and Indonesian, as a bilingual forum's feed gives them. */
GBytes *schedule_fixture_new_full (guint    n,
                                   guint    n_rooms,
                                   guint    n_days,
                                   gboolean xml,
                                   guint    version,
                                   gboolean bilingual);

G_END_DECLS
