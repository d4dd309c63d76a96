/* directory-fixture.h: a generated members directory at the scale of a country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Indonesia has 514 kabupaten and kota. */
#define DIRECTORY_N_MEMBERS 514
#define DIRECTORY_N_DELEGATES 5

/* A Delegate feed (JSON) with @n_members members, each with
 * @n_delegates delegates, names made up from syllables, spread over the
 * 34 provinces of 2019.  The same arguments give the same bytes.
 * Member i (from 0) is "Kabupaten <name>" when i is even, "Kota <name>"
 * when odd; it joined in 2000 + i % 20, or never says when i % 7 == 0. */
GBytes *directory_feed_new (guint n_members,
                            guint n_delegates);

G_END_DECLS
