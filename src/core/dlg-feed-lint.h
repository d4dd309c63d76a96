/* dlg-feed-lint.h: what an organiser should hear about a feed that loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Warnings about the Delegate feed @document (its JSON, already read), in
 * the document's order, each "PATH: what": a field Delegate does not read
 * whose name is close to one it does ("e-mail", "timezone": a typo, so the
 * value is silently missing), and an address Delegate drops (not http or
 * https: "www.example.org"); then, once each for all the sessions alike,
 * session dates whose offset is not the event's zone's at that instant, and
 * those more than a day from the day they are listed under.  A GPtrArray of
 * strings, empty when there is nothing to say.  Guided by the feed's JSON
 * Schema, which names every field. */
GPtrArray *dlg_feed_lint         (JsonNode   *document);

/* The same about a section a feed publishes apart (@section: "agenda",
 * "members" or "best_practices"), @document being that section's file;
 * paths start with @section, as if it were inline.  @feed (nullable) is the
 * feed publishing it, whose event's zone the agenda's times are held to. */
GPtrArray *dlg_feed_lint_section (JsonNode   *document,
                                  const char *section,
                                  JsonNode   *feed);

G_END_DECLS
