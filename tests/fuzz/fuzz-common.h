/* fuzz-common.h: what every fuzz target checks, whatever it parses
 *
 * A target aborts (so that libFuzzer, or the replay runner, reports the
 * input) when the code under test breaks a promise a user would notice:
 * a string that is not valid UTF-8 on screen, a link with a scheme we do
 * not open, a failure without an error, an export a calendar cannot read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "dlg-feed.h"

G_BEGIN_DECLS

/* The libFuzzer entry points each target defines. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* GLib set up as the tests run it: warnings and criticals abort. */
void fuzz_init              (void);

/* The languages a delegate's desktop might ask for, best first. */
extern const char * const fuzz_languages[];

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
void fuzz_fail              (const char     *format,
                             ...);

/* Valid UTF-8, or NULL when @nullable. */
void fuzz_check_utf8        (const char     *what,
                             const char     *text,
                             gboolean        nullable);
/* NULL, or an http(s) (and mailto when @mailto) URL. */
void fuzz_check_url         (const char     *what,
                             const char     *url,
                             gboolean        mailto);
/* A result and no error, or no result and an error with a readable message. */
void fuzz_check_outcome     (const char     *what,
                             gboolean        ok,
                             const GError   *error);
/* Every line ends with CRLF and is at most 75 octets, folded lines
 * included (RFC 5545 3.1, RFC 6350 3.2); the whole is valid UTF-8. */
void fuzz_check_folded      (const char     *what,
                             const char     *text);
/* Everything a pane shows of @feed, and its calendar and vCard exports. */
void fuzz_check_feed        (DlgFeed        *feed);
/* The first field of every pack this build writes (its length, then its tag): the pack
 * target puts it in front of each input, pack-seeds takes it off each seed. */
GBytes *fuzz_pack_tag       (void);

G_END_DECLS
