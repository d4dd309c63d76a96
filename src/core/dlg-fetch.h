/* dlg-fetch.h: fetching one resource over HTTP, with the sync's limits: for DlgSync and
 * the command line (dlg-source.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dlg-sync.h"

G_BEGIN_DECLS

/* One HTTP resource: the feed or a section published at its own URL. */
typedef struct
{
  char        *name;          /* NULL for the feed, else the section name */
  char        *url;           /* what was asked for */
  DlgResource *stored;        /* the stored copy, whose validators are sent; nullable */

  /* Filled by the fetch. */
  char        *final_url;     /* after redirects */
  gboolean     permanent;     /* every redirect on the way was a 301/308 */
  guint        status;        /* 200 or 304 on success */
  GBytes      *body;          /* the new body on 200 */
  gboolean     unframed;      /* it came with no length declared: chunked, or to the close */
  char        *etag;
  char        *last_modified;
  gint64       max_age;
  guint        n_requests;
  guint64      n_bytes;
} DlgFetch;

/* A session as the app's sync makes it: Delegate's user agent, the system's proxy, gzip
 * and deflate decoded, 30 s of silence at most.  On the thread-default main context. */
SoupSession *dlg_fetch_session_new (void);

DlgFetch *dlg_fetch_new  (const char  *name,
                          const char  *url,
                          DlgResource *stored);
void      dlg_fetch_free (DlgFetch    *fetch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlgFetch, dlg_fetch_free)

/* A 410 ends in DLG_SYNC_ERROR_GONE; a 304 is a success with no body.  Redirects are
 * followed here, but never from https to plain http (DLG_SYNC_ERROR_INSECURE_REDIRECT). */
void      dlg_fetch_async  (SoupSession          *session,
                            DlgFetch             *fetch,
                            guint64               max_body_size,
                            guint                 total_timeout_ms,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data);
gboolean  dlg_fetch_finish (GAsyncResult         *result,
                            GError              **error);

/* Whether going from @from to @to leaves https: a redirect so is refused, and so is a section
 * at @to of a feed fetched from @from. */
gboolean  dlg_fetch_leaves_https (const char *from,
                                  const char *to);

/* DLG_SYNC_ERROR_INSECURE_SECTION for a feed fetched over https (@feed_url) that publishes a
 * section at @section_url, a plain http address: the app's sync and the command line say so
 * in the same words. */
GError   *dlg_fetch_insecure_section_error (const char *feed_url,
                                            const char *section_url);

/* DLG_SYNC_ERROR_TOO_LARGE for the feed at @where (a server's name, or a file's address)
 * over @max_size bytes: the sync says so of a download and of a file alike. */
GError   *dlg_fetch_too_large_error (const char *where,
                                     guint64     max_size);

/* DLG_SYNC_ERROR_TRUNCATED: the connection to @url's server broke off before the feed was
 * complete.  The sync and the command line say so in the same words. */
GError   *dlg_fetch_broken_off_error (const char *url);

/* Whether @body, a JSON or XML document, stops inside it: an object, a string or the root
 * element still open (dlg-fetch-cut.c).  For a body with no declared length, whose end
 * libsoup 3.2 does not check (DlgFetch.unframed), such a body is a connection broken off. */
gboolean  dlg_fetch_body_cut_short   (GBytes     *body);

G_END_DECLS
