/* fuzz-pack.h: the tag that opens this build's packs, shared by fuzz-pack and pack-seeds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first field of every pack this build writes (its length, then the tag itself). */
GBytes *fuzz_pack_tag (void);

G_END_DECLS
