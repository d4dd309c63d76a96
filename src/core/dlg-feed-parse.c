/* dlg-feed-parse.c: Delegate feed v1 into the models (see docs/feed-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dlg-feed-private.h"
#include "dlg-models-private.h"

DlgFeed *
dlg_feed_parse (GBytes               *bytes,
                const char * const   *languages,
                DlgFeedSectionLoader  loader,
                gpointer              loader_data,
                GCancellable         *cancellable,
                GError              **error)
{
  g_set_error_literal (error, DLG_FEED_ERROR, DLG_FEED_ERROR_INVALID, "not yet");
  return NULL;
}
