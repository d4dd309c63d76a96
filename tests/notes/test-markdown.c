/* test-markdown.c: the safe Markdown subset of best-practice bodies, against
 * ordinary and hostile feed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-markdown"

#include "config.h"

#include <string.h>

#include "dlg-markdown.h"
#include "dlg-markdown-write.h"

/* The blocks as "KIND:markup" lines, to compare whole; a quote's blocks
 * start with ">", a list item nested at depth n with 2n spaces, and a paragraph that
 * continues a list item is "+:" at its item's depth. */
static char *
render_full (const char      *text,
             DlgMdParseFlags  flags)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (text, flags);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      DlgMdBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *markup = dlg_md_block_to_markup (block);

      if (block->quote)
        g_string_append_c (out, '>');
      if (block->kind != DLG_MD_LIST_ITEM && !block->continues_item)
        g_assert_cmpuint (block->depth, ==, 0);
      if (block->kind != DLG_MD_PARAGRAPH)
        g_assert_false (block->continues_item);
      for (guint d = 0; d < block->depth; d++)
        g_string_append (out, "  ");

      switch (block->kind)
        {
        case DLG_MD_HEADING:
          g_string_append_printf (out, "H%u:", block->level);
          break;
        case DLG_MD_LIST_ITEM:
          if (block->ordered)
            g_string_append_printf (out, "%u.:", block->number);
          else
            g_string_append (out, "-:");
          break;
        case DLG_MD_PARAGRAPH:
        default:
          g_string_append (out, block->continues_item ? "+:" : "P:");
        }
      g_string_append (out, markup);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
render (const char *text)
{
  return render_full (text, DLG_MD_PARSE_DEFAULT);
}

/* Every block's markup must parse as Pango markup would: well-formed,
 * only the elements the renderer writes. */
static void
assert_markup_is_safe (const char *text)
{
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (text);

  for (guint i = 0; i < blocks->len; i++)
    {
      g_autofree char *markup = dlg_md_block_to_markup (g_ptr_array_index (blocks, i));
      g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      static const GMarkupParser parser = { NULL, };

      context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_markup_parse_context_parse (context, wrapped, -1, &error);
      g_assert_no_error (error);
      g_markup_parse_context_end_parse (context, &error);
      g_assert_no_error (error);

      /* Only our own elements appear. */
      for (const char *p = strchr (markup, '<'); p != NULL; p = strchr (p + 1, '<'))
        g_assert_true (g_str_has_prefix (p, "<b>") || g_str_has_prefix (p, "</b>") ||
                       g_str_has_prefix (p, "<i>") || g_str_has_prefix (p, "</i>") ||
                       g_str_has_prefix (p, "<tt>") || g_str_has_prefix (p, "</tt>") ||
                       g_str_has_prefix (p, "<a href=\"") || g_str_has_prefix (p, "</a>"));
    }
}

/* Each case: Markdown, then its blocks as render() writes them; its markup safe too. */
static void
check_cases (const char *(*cases)[2],
             guint         n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *out = render (cases[i][0]);

      if (g_strcmp0 (out, cases[i][1]) != 0)
        g_test_message ("case %u", i);
      g_assert_cmpstr (out, ==, cases[i][1]);
      assert_markup_is_safe (cases[i][0]);
    }
}

static void
test_blocks (void)
{
  g_autofree char *out = render ("# Kupang\n"
                                 "\n"
                                 "The city *built* a **network**\n"
                                 "across `12` offices.\n"
                                 "\n"
                                 "## Results ##\n"
                                 "- one\n"
                                 "- two\n"
                                 "  continued\n"
                                 "3. three\n"
                                 "\r\n"
                                 "---\n"
                                 "Last.");

  g_assert_cmpstr (out, ==,
                   "H1:Kupang\n"
                   "P:The city <i>built</i> a <b>network</b> across <tt>12</tt> offices.\n"
                   "H2:Results\n"
                   "-:one\n"
                   "-:two continued\n"
                   "3.:three\n"
                   "P:Last.\n");
}

static void
test_links (void)
{
  g_autofree char *out = render ("See [the report](https://example.org/a?b=1&c=2), "
                                 "[mail us](mailto:info@example.org), <http://example.org/x> "
                                 "and [bad](javascript:alert(1)) or [file](file:///etc/passwd) "
                                 "or [data](data:text/html,<b>x</b>).");

  g_assert_cmpstr (out, ==,
                   "P:See <a href=\"https://example.org/a?b=1&amp;c=2\">the report</a>, "
                   "<a href=\"mailto:info@example.org\">mail us</a>, "
                   "<a href=\"http://example.org/x\">http://example.org/x</a> "
                   "and bad (javascript:alert(1))"
                   " or file (file:///etc/passwd) or data (data:text/html,&lt;b&gt;x&lt;/b&gt;).\n");

  g_assert_true (dlg_markdown_url_is_safe ("https://example.org"));
  g_assert_true (dlg_markdown_url_is_safe ("HTTP://example.org"));
  g_assert_true (dlg_markdown_url_is_safe ("mailto:a@b.c"));
  /* An address, without fields a mail program acts on: attachments, hidden copies. */
  g_assert_false (dlg_markdown_url_is_safe ("mailto:a@b.c?attach=%2Fhome%2Fd%2F.ssh%2Fid_rsa"));
  g_assert_false (dlg_markdown_url_is_safe ("mailto:a@b.c?body=x"));
  g_assert_false (dlg_markdown_url_is_safe ("mailto:a@b.c&bcc=spy@evil.example"));
  g_assert_false (dlg_markdown_url_is_safe ("mailto:a@b.c,spy@evil.example"));
  g_assert_false (dlg_markdown_url_is_safe ("mailto:a@b.c%3Fattach=/etc/passwd"));
  g_assert_false (dlg_markdown_url_is_safe ("mailto:"));
  g_assert_false (dlg_markdown_url_is_safe ("javascript:alert(1)"));
  g_assert_false (dlg_markdown_url_is_safe (" javascript:alert(1)"));
  g_assert_false (dlg_markdown_url_is_safe ("JaVaScRiPt:alert(1)"));
  g_assert_false (dlg_markdown_url_is_safe ("https://a.b/\"onclick=\"x"));
  g_assert_false (dlg_markdown_url_is_safe ("https://"));
  g_assert_false (dlg_markdown_url_is_safe ("tel:123"));
  g_assert_false (dlg_markdown_url_is_safe (""));
  g_assert_false (dlg_markdown_url_is_safe (NULL));
}

/* An autolink is a link to the address it holds, shown as that address (a mail address
 * without "mailto:", which means nothing to a reader); anything else between angle
 * brackets, an address that may not open among it, is the text it is. */
static void
test_autolinks (void)
{
  const char *cases[][2] = {
    { "<https://kupangkota.go.id>",
      "P:<a href=\"https://kupangkota.go.id\">https://kupangkota.go.id</a>\n" },
    { "See <http://e.org/a_b?c=1&d=2>.",
      "P:See <a href=\"http://e.org/a_b?c=1&amp;d=2\">http://e.org/a_b?c=1&amp;d=2</a>.\n" },
    { "<mailto:a@b.id>", "P:<a href=\"mailto:a@b.id\">a@b.id</a>\n" },
    { "Mail <MAILTO:a@b.id>, **<https://e.org>**",
      "P:Mail <a href=\"MAILTO:a@b.id\">a@b.id</a>, "
      "<a href=\"https://e.org\"><b>https://e.org</b></a>\n" },
    { "<https://a.id><mailto:b@c.id>",
      "P:<a href=\"https://a.id\">https://a.id</a><a href=\"mailto:b@c.id\">b@c.id</a>\n" },
    /* Literal, exactly as written. */
    { "<ftp://x>", "P:&lt;ftp://x&gt;\n" },
    { "<javascript:alert(1)>", "P:&lt;javascript:alert(1)&gt;\n" },
    { "<b>", "P:&lt;b&gt;\n" },
    { "<b>bold</b>", "P:&lt;b&gt;bold&lt;/b&gt;\n" },
    { "<httpx://e.org> <http://> <https://a b>",
      "P:&lt;httpx://e.org&gt; &lt;http://&gt; &lt;https://a b&gt;\n" },
    { "<mailto:> <mailto:a@b.id?attach=/etc/passwd> <mailto:a@b.id,c@d.id>",
      "P:&lt;mailto:&gt; &lt;mailto:a@b.id?attach=/etc/passwd&gt; "
      "&lt;mailto:a@b.id,c@d.id&gt;\n" },
    { "<https://e.org", "P:&lt;https://e.org\n" },
    /* In a link's text, the link's own address is the one. */
    { "[see <https://a.id>](https://b.id)",
      "P:<a href=\"https://b.id\">see &lt;https://a.id&gt;</a>\n" },
    /* In code, text. */
    { "`<https://a.id>`", "P:<tt>&lt;https://a.id&gt;</tt>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  /* Paper needs no more than the address itself; search finds the address. */
  {
    g_autoptr(GPtrArray) blocks = dlg_markdown_parse ("<mailto:a@b.id> <https://e.org>");
    const DlgMdBlock *block = g_ptr_array_index (blocks, 0);
    g_autofree char *plain = dlg_markdown_to_plain ("Write to <mailto:a@b.id>.");

    for (guint i = 0; i < block->spans->len; i++)
      {
        g_autofree char *address = dlg_md_link_address (block, i);
        g_assert_null (address);
      }
    g_assert_cmpstr (plain, ==, "Write to a@b.id.");
  }
}

/* Emphasis around an autolink: the address is read whole first, as CommonMark reads it, so
 * that a "*" or "_" in it closes nothing ("…/Kupang_(kota)"); the link is in italics or
 * bold.  Only an autolink is read so: elsewhere such a "_" or "*" still closes. */
static void
test_autolink_emphasis (void)
{
  const char *cases[][2] = {
    { "*<https://x.id>*", "P:<a href=\"https://x.id\"><i>https://x.id</i></a>\n" },
    { "**see <https://x.id>**",
      "P:<b>see </b><a href=\"https://x.id\"><b>https://x.id</b></a>\n" },
    { "_<https://id.wikipedia.org/wiki/Kupang_(kota)>_",
      "P:<a href=\"https://id.wikipedia.org/wiki/Kupang_(kota)\">"
      "<i>https://id.wikipedia.org/wiki/Kupang_(kota)</i></a>\n" },
    { "*<https://x.id/a*b>*", "P:<a href=\"https://x.id/a*b\"><i>https://x.id/a*b</i></a>\n" },
    { "**see <https://x.id/**>** now",
      "P:<b>see </b><a href=\"https://x.id/**\"><b>https://x.id/**</b></a> now\n" },
    { "*a <https://x.id/a*b> b* c",
      "P:<i>a </i><a href=\"https://x.id/a*b\"><i>https://x.id/a*b</i></a><i> b</i> c\n" },
    { "__<mailto:a__b@c.id>__",
      "P:<a href=\"mailto:a__b@c.id\"><b>a__b@c.id</b></a>\n" },
    /* Not an autolink: the "*" in it closes, as before. */
    { "*<ftp://x*y>*", "P:<i>&lt;ftp://x</i>y&gt;*\n" },
    { "*\\<https://x.id/a*b>*", "P:<i>&lt;https://x.id/a</i>b&gt;*\n" },
    /* An address no emphasis closes in stays as it was. */
    { "*a <https://x.id/a*b>", "P:*a <a href=\"https://x.id/a*b\">https://x.id/a*b</a>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A mail address in angle brackets, without "mailto:", as CommonMark reads one: a link to
 * it shown as the address, as "<mailto:…>" is.  Only what CommonMark's email autolink
 * grammar takes is an address, and only one a mail program reads as no more than an
 * address may open: anything else stays as written. */
static void
test_mail_autolinks (void)
{
  const char *cases[][2] = {
    { "<a@b.id>", "P:<a href=\"mailto:a@b.id\">a@b.id</a>\n" },
    { "Write to <Info.Forum+kota_2019@kupang-kota.go.id>.",
      "P:Write to <a href=\"mailto:Info.Forum+kota_2019@kupang-kota.go.id\">"
      "Info.Forum+kota_2019@kupang-kota.go.id</a>.\n" },
    { "<o'brien@x1.id> <a@b>",
      "P:<a href=\"mailto:o&apos;brien@x1.id\">o&apos;brien@x1.id</a> "
      "<a href=\"mailto:a@b\">a@b</a>\n" },
    { "*<a_b@c.id>*", "P:<a href=\"mailto:a_b@c.id\"><i>a_b@c.id</i></a>\n" },
    /* A label of 63 letters is one; of 64, none. */
    { "<a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.id>",
      "P:<a href=\"mailto:a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.id\">"
      "a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.id</a>\n" },
    { "<a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.id>",
      "P:&lt;a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.id&gt;\n" },
    /* Not an address: literal, exactly as written. */
    { "<@b.id> <a@> <a@b.> <a@.b> <a@b..id> <a@-b.id> <a@b-.id> <a@b_c.id>",
      "P:&lt;@b.id&gt; &lt;a@&gt; &lt;a@b.&gt; &lt;a@.b&gt; &lt;a@b..id&gt; &lt;a@-b.id&gt; "
      "&lt;a@b-.id&gt; &lt;a@b_c.id&gt;\n" },
    { "<a b@c.id> <a,b@c.id> <a@b@c.id> <a@b.id/x> <\xc3\xa4@b.id> <a@b.id?x>",
      "P:&lt;a b@c.id&gt; &lt;a,b@c.id&gt; &lt;a@b@c.id&gt; &lt;a@b.id/x&gt; "
      "&lt;\xc3\xa4@b.id&gt; &lt;a@b.id?x&gt;\n" },
    /* No backslash escapes in an address (CommonMark's "<foo\+@bar.example.com>"). */
    { "<a\\+@b.id>", "P:&lt;a+@b.id&gt;\n" },
    /* An address, yet one a mail program would act on or cut: attachments, more
     * recipients, escapes of them, a fragment. */
    { "<a?attach=/etc/passwd@b.id> <a&bcc=c@b.id> <a%3F@b.id> <a;b@c.id> <a#b@c.id>",
      "P:&lt;a?attach=/etc/passwd@b.id&gt; &lt;a&amp;bcc=c@b.id&gt; &lt;a%3F@b.id&gt; "
      "&lt;a;b@c.id&gt; &lt;a#b@c.id&gt;\n" },
    /* In a link's text, the link's own address is the one; in code, text. */
    { "[ask <a@b.id>](https://b.id) `<a@b.id>`",
      "P:<a href=\"https://b.id\">ask &lt;a@b.id&gt;</a> <tt>&lt;a@b.id&gt;</tt>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  /* Paper needs no more than the address itself; search finds the address. */
  {
    g_autoptr(GPtrArray) blocks = dlg_markdown_parse ("<a@b.id>");
    const DlgMdBlock *block = g_ptr_array_index (blocks, 0);
    g_autofree char *address = dlg_md_link_address (block, 0);
    g_autofree char *plain = dlg_markdown_to_plain ("Write to <a@b.id>.");

    g_assert_null (address);
    g_assert_cmpstr (plain, ==, "Write to a@b.id.");
  }
}

/* A link that may not open still says where it goes: its target follows its text, as
 * text, so that nothing the delegate or an organiser wrote is lost. */
static void
test_unsafe_link_targets (void)
{
  const char *cases[][2] = {
    { "[Pemkot](www.kupangkota.go.id)", "P:Pemkot (www.kupangkota.go.id)\n" },
    { "[berkas](file:///home/x/a.pdf)", "P:berkas (file:///home/x/a.pdf)\n" },
    { "[skrip](javascript:alert(1))", "P:skrip (javascript:alert(1))\n" },
    { "See **[the plan](rencana.pdf)**.", "P:See <b>the plan</b><b> (rencana.pdf)</b>.\n" },
    { "[*Dinas* PU](pu.kupangkota.go.id )", "P:<i>Dinas</i> PU (pu.kupangkota.go.id)\n" },
    /* Nothing to add: no target, or the text already is the target. */
    { "[Pemkot]()", "P:Pemkot\n" },
    { "[Pemkot]( )", "P:Pemkot\n" },
    { "[www.kupangkota.go.id](www.kupangkota.go.id)", "P:www.kupangkota.go.id\n" },
    { "[](www.kupangkota.go.id)", "P:www.kupangkota.go.id\n" },
    /* Markup in the target is text, as everywhere. */
    { "[x](<b>y</b>)", "P:x (&lt;b&gt;y&lt;/b&gt;)\n" },
    { "[x](\"><a href=\"javascript:y\">)", "P:x (&quot;&gt;&lt;a href=&quot;javascript:y&quot;&gt;)\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) blocks = dlg_markdown_parse (cases[i][0]);
      g_autofree char *out = render (cases[i][0]);

      g_assert_cmpstr (out, ==, cases[i][1]);
      assert_markup_is_safe (cases[i][0]);
      for (guint b = 0; b < blocks->len; b++)
        {
          DlgMdBlock *block = g_ptr_array_index (blocks, b);

          for (guint j = 0; j < block->spans->len; j++)
            g_assert_null (((DlgMdSpan *) g_ptr_array_index (block->spans, j))->url);
        }
    }

  /* Safe links are as they were: the address is the link's, not text. */
  {
    g_autofree char *out = render ("[Pemkot](https://kupangkota.go.id) [](https://e.org)");

    g_assert_cmpstr (out, ==, "P:<a href=\"https://kupangkota.go.id\">Pemkot</a> "
                              "<a href=\"https://e.org\">https://e.org</a>\n");
  }
  /* And the plain text (note search) has the target too. */
  {
    g_autofree char *plain = dlg_markdown_to_plain ("Ask [Pemkot](www.kupangkota.go.id).");

    g_assert_cmpstr (plain, ==, "Ask Pemkot (www.kupangkota.go.id).");
  }
}

/* A link's target holds balanced parentheses, as CommonMark reads it: Wikipedia's
 * "Kupang_(kota)" is one address, not one cut short and a stray ")". */
static void
test_link_parentheses (void)
{
  const char *cases[][2] = {
    { "[Kupang](https://id.wikipedia.org/wiki/Kupang_(kota))",
      "P:<a href=\"https://id.wikipedia.org/wiki/Kupang_(kota)\">Kupang</a>\n" },
    { "(see [Kupang](https://e.org/K_(kota)), a city)",
      "P:(see <a href=\"https://e.org/K_(kota)\">Kupang</a>, a city)\n" },
    { "[x](https://e.org/a_(b_(c)))d", "P:<a href=\"https://e.org/a_(b_(c))\">x</a>d\n" },
    { "[x](https://e.org/()) [y](https://e.org/y)",
      "P:<a href=\"https://e.org/()\">x</a> <a href=\"https://e.org/y\">y</a>\n" },
    /* Escaped parentheses count for nothing, and lose their backslash. */
    { "[x](https://e.org/a_\\(b)", "P:<a href=\"https://e.org/a_(b\">x</a>\n" },
    { "[x](https://e.org/a\\))", "P:<a href=\"https://e.org/a)\">x</a>\n" },
    /* Not balanced: not a link. */
    { "[x](https://e.org/a_(b) c", "P:[x](https://e.org/a_(b) c\n" },
    /* A target that may not open is shown whole. */
    { "[w](Kupang_(kota)) [s](javascript:alert(1))",
      "P:w (Kupang_(kota)) s (javascript:alert(1))\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = render (cases[i][0]);

      g_assert_cmpstr (out, ==, cases[i][1]);
      assert_markup_is_safe (cases[i][0]);
    }
}

/* A link may have a title after its address, in double or single quotes: the link goes to
 * the address, and the title is dropped (paper has nowhere to show it). */
static void
test_link_titles (void)
{
  const char *cases[][2] = {
    { "[Smart City](https://x.id \"Official site\")",
      "P:<a href=\"https://x.id\">Smart City</a>\n" },
    { "[Smart City](https://x.id 'Official site')",
      "P:<a href=\"https://x.id\">Smart City</a>\n" },
    { "[a]( https://x.id/a_(b)\n\t\"t (1)\"  ) after",
      "P:<a href=\"https://x.id/a_(b)\">a</a> after\n" },
    { "[a](https://x.id \"say \\\"hi\\\"\") [b](mailto:a@b.id 'it''s')",
      "P:<a href=\"https://x.id\">a</a> b (mailto:a@b.id &apos;it&apos;&apos;s&apos;)\n" },
    { "[a](https://x.id \"it's\")", "P:<a href=\"https://x.id\">a</a>\n" },
    { "[](https://x.id \"t\")", "P:<a href=\"https://x.id\">https://x.id</a>\n" },
    /* Whatever parentheses the title holds: the link ends at the ")" after it. */
    { "[Smart City](https://x.id \"Official (site)\")",
      "P:<a href=\"https://x.id\">Smart City</a>\n" },
    { "[a](https://x.id \"a)b\")", "P:<a href=\"https://x.id\">a</a>\n" },
    { "[Smart City](https://x.id \"Official (site\") (2019)",
      "P:<a href=\"https://x.id\">Smart City</a> (2019)\n" },
    { "[a](https://x.id/a_(b)\n'a)b' ) c)", "P:<a href=\"https://x.id/a_(b)\">a</a> c)\n" },
    { "[a](https://x.id \":)\") [b](https://y.id \"(\\\")\")",
      "P:<a href=\"https://x.id\">a</a> <a href=\"https://y.id\">b</a>\n" },
    { "[x](javascript:alert(1) \"a)b\")", "P:x (javascript:alert(1))\n" },

    /* A link that may not open shows its address, without the title. */
    { "[Pemkot](www.kupangkota.go.id \"Situs resmi\")", "P:Pemkot (www.kupangkota.go.id)\n" },
    { "[x](javascript:alert(1) 'y')", "P:x (javascript:alert(1))\n" },
    /* Not a title: the target as written, which may not open. */
    { "[a](https://x.id \"t)", "P:a (https://x.id &quot;t)\n" },
    { "[a](https://x.id \"t')", "P:a (https://x.id &quot;t&apos;)\n" },
    { "[a](https://x.id\"t\")", "P:a (https://x.id&quot;t&quot;)\n" },
    { "[a](https://x.id \"t\" more)", "P:a (https://x.id &quot;t&quot; more)\n" },
    { "[a](https://x.id \"t\\\")", "P:a (https://x.id &quot;t&quot;)\n" },
    { "[a](https://x.id \")", "P:a (https://x.id &quot;)\n" },
    { "[a]( \"t\")", "P:a (&quot;t&quot;)\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_markup_is_text (void)
{
  const char *hostile = "<b>bold</b> <span foreground=\"red\">x</span> "
                        "<a href=\"javascript:x\">y</a> &amp; &lt;i&gt; &#60;b&#62; &bogus; "
                        "<script>alert(1)</script> <img src=x onerror=alert(1)>";
  g_autoptr(GPtrArray) blocks = dlg_markdown_parse (hostile);
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  g_assert_cmpuint (blocks->len, ==, 1);
  plain = dlg_md_block_to_plain (g_ptr_array_index (blocks, 0));
  /* Shown exactly as written: nothing interpreted, nothing lost. */
  g_assert_cmpstr (plain, ==, hostile);
  markup = dlg_md_block_to_markup (g_ptr_array_index (blocks, 0));
  g_assert_null (strstr (markup, "<b>"));
  g_assert_null (strstr (markup, "<span"));
  g_assert_null (strstr (markup, "<a "));
  g_assert_nonnull (strstr (markup, "&amp;amp;"));
  assert_markup_is_safe (hostile);

  /* Markup inside link text and URLs stays text too. */
  assert_markup_is_safe ("[<b>x</b>](https://e.org/\"><b>) *<i>* `<tt>`");
  {
    g_autofree char *out = render ("[<b>x</b> &amp;](https://e.org/?q=<b>)");
    g_assert_cmpstr (out, ==, "P:&lt;b&gt;x&lt;/b&gt; &amp;amp; (https://e.org/?q=&lt;b&gt;)\n");
  }
}

static void
test_unbalanced (void)
{
  const char *cases[][2] = {
    { "*open", "P:*open\n" },
    { "**open", "P:**open\n" },
    { "close*", "P:close*\n" },
    { "a * b * c", "P:a * b * c\n" },
    { "***x**", "P:<b>*x</b>\n" },
    { "snake_case_name", "P:snake_case_name\n" },
    { "`code", "P:`code\n" },
    { "[text](https://no-close", "P:[text](https://no-close\n" },
    { "[text] (https://e.org)", "P:[text] (https://e.org)\n" },
    { "\\*not emphasis\\*", "P:*not emphasis*\n" },
    { "**bold *both* bold**", "P:<b>bold </b><b><i>both</i></b><b> bold</b>\n" },
    { "#not a heading", "P:#not a heading\n" },
    { "####### seven", "P:####### seven\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = render (cases[i][0]);

      g_assert_cmpstr (out, ==, cases[i][1]);
      assert_markup_is_safe (cases[i][0]);
    }
}

/* An escaped "*" or "_" inside emphasis is text, and closes nothing, as in CommonMark: a
 * delegate's "*2 \\* 3 = 6*" reads "2 * 3 = 6" in italics, and so does the trip report's
 * copy of a note with an asterisk in italics. */
static void
test_escaped_delimiters (void)
{
  const char *cases[][2] = {
    { "*2 \\* 3 = 6*", "P:<i>2 * 3 = 6</i>\n" },
    { "**a \\** b**", "P:<b>a ** b</b>\n" },
    { "_a\\_b_ c", "P:<i>a_b</i> c\n" },
    { "*a \\\\* b", "P:<i>a \\</i> b\n" },
    { "*a \\*", "P:*a *\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A "*" or "_" in code closes no emphasis around it, and an escaped "]" ends no link's
 * text, as in CommonMark: "*use `*` for bold*" is in italics whole, its code in it. */
static void
test_code_in_emphasis (void)
{
  const char *cases[][2] = {
    { "*use `*` for bold*", "P:<i>use </i><i><tt>*</tt></i><i> for bold</i>\n" },
    { "_see `a_b` here_", "P:<i>see </i><i><tt>a_b</tt></i><i> here</i>\n" },
    { "**a `**` b**", "P:<b>a </b><b><tt>**</tt></b><b> b</b>\n" },
    /* An empty pair is no code: the "`" after it may open one. */
    { "*a ``*", "P:<i>a ``</i>\n" },
    { "[a\\]b](https://x.id)", "P:<a href=\"https://x.id\">a]b</a>\n" },
    /* Nor does one after an "autolink" that starts in code: "<``@d>" is none. */
    { "*`<``@d>*`*", "P:<i><tt>&lt;</tt></i><i><tt>@d&gt;*</tt></i>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Bold italics as Markdown's guides teach them, "***Penting***" or "___Penting___", are
 * bold and italic, as in CommonMark (until 4 December they were bold, a star or "_" left
 * at each end); a run of three that nothing closes stays as before. */
static void
test_bold_italics (void)
{
  const char *cases[][2] = {
    { "***Penting***: bawa", "P:<b><i>Penting</i></b>: bawa\n" },
    { "___Penting___ ini", "P:<b><i>Penting</i></b> ini\n" },
    { "a ***b c*** d ***e***", "P:a <b><i>b c</i></b> d <b><i>e</i></b>\n" },
    { "***[lapor](https://x.id/a_b)***",
      "P:<a href=\"https://x.id/a_b\"><b><i>lapor</i></b></a>\n" },
    /* A run of three that nothing closes is no emphasis. */
    { "***a", "P:***a\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Emphasis nested by hand, closed by one run of three, reads as CommonMark reads it (its
 * reference implementation's HTML in each comment): no star is left to show. */
static void
test_nested_emphasis (void)
{
  const char *cases[][2] = {
    /* <strong>a <em>b</em></strong> */
    { "**a *b***", "P:<b>a </b><b><i>b</i></b>\n" },
    /* <em><strong>a</strong> b</em> */
    { "***a** b*", "P:<b><i>a</i></b><i> b</i>\n" },
    /* <strong><em>a</em> b</strong> */
    { "***a* b**", "P:<b><i>a</i></b><b> b</b>\n" },
    /* <strong>a <em>b</em></strong> */
    { "__a _b___", "P:<b>a </b><b><i>b</i></b>\n" },
    /* Bawa <strong>formulir <em>A</em></strong>, lalu <em><strong>tanya</strong> Pak Budi</em>. */
    { "Bawa **formulir *A***, lalu ***tanya** Pak Budi*.",
      "P:Bawa <b>formulir </b><b><i>A</i></b>, lalu <b><i>tanya</i></b><i> Pak Budi</i>.\n" },
    /* <strong>a</strong>* (no italics open inside: the third star stays) */
    { "**a***", "P:<b>a</b>*\n" },
    /* An escaped star, or one in code, opens no italics inside: "**" closes first. */
    { "**`*`\\*i***n*", "P:<b><tt>*</tt></b><b>*i</b><i>n</i>\n" },
    /* <strong>*<em>a</em></strong>: the escaped star is no part of a run */
    { "**\\**a***", "P:<b>*</b><b><i>a</i></b>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The trip report's copy of a note (dlg-markdown-write.c) reads as the note did: the same
 * text, styles and links, with the same targets.  Each case was found by the markdown fuzz
 * target's round trip (tests/fuzz/regressions/markdown/writer-*): until 4 December a "*" in
 * a link's address inside italics ended the italics there, and the link went (its text and
 * address shown as text, "[l](https://x.id/"), and bold inside italics ended the italics. */
static void
test_write_round_trip (void)
{
  const char *cases[][2] = {
    /* Note, then the report's Markdown of it. */
    { "_see [l](https://x.id/**) `a` now_", "*see [l](https://x.id/\\*\\*) `a` now*" },
    { "__see [l](https://x.id/**) now__", "**see [l](https://x.id/\\*\\*) now**" },
    { "_see [l](https://x.id/`a`) `b`_", "*see [l](https://x.id/\\`a\\`) `b`*" },
    { "_a **b** c_", "_a **b** c_" },
    { "_a **b** c_d", "*a __b__ c*d" },
    { "Lihat https://x.id/** dan _`kode`_ ini", "Lihat https://x.id/\\*\\* dan *`kode`* ini" },
    /* Code keeps its spaces, at a line's start too. */
    { "` `\nc", "` `  \nc" },
    /* "__" before the italics' "*" closes: it is not beside the letter after. */
    { "*)__?__*t", "*)__?__*t" },
    /* Bold that opens as italics close is "__…__": "*" then "**" is a run of three. */
    { "t***-**-****k**", "t***-**-*__\\*k__" },
    /* A "_" after a mark, not after a letter, is escaped: it would open italics. */
    { "_g_\\_a <_@c>", "*g*\\_a [\\_@c](mailto:_@c)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (cases[i][0],
                                                             DLG_MD_PARSE_LINE_BREAKS);
      g_autoptr(GString) written = g_string_new (NULL);
      g_autofree char *before = render_full (cases[i][0], DLG_MD_PARSE_LINE_BREAKS);
      g_autofree char *after = NULL;

      dlg_markdown_write (written, blocks, 0);
      g_test_message ("%s -> %s", cases[i][0], written->str);
      g_assert_cmpstr (written->str, ==, cases[i][1]);
      after = render_full (written->str, DLG_MD_PARSE_LINE_BREAKS);
      g_assert_cmpstr (after, ==, before);
    }
}

/* White space at the ends of bold or italics is written outside their marks: a mark
 * after a space closes nothing.  "_a []()_" is italics that end in a space once the empty
 * link is left out; until 4 December the report wrote "*a *", and its reader saw stars. */
static void
test_write_spaces (void)
{
  const char *cases[][3] = {
    /* Note, the report's Markdown of it, and how that reads. */
    { "_a []()_ b", "*a*  b", "P:<i>a</i>  b\n" },
    { "**x []()**y", "**x** y", "P:<b>x</b> y\n" },
    { "*__lalu__* *__b__*", "**_lalu_** **_b_**", "P:<b><i>lalu</i></b> <b><i>b</i></b>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) blocks = dlg_markdown_parse_full (cases[i][0],
                                                             DLG_MD_PARSE_LINE_BREAKS);
      g_autoptr(GString) written = g_string_new (NULL);
      g_autofree char *after = NULL;

      dlg_markdown_write (written, blocks, 0);
      g_test_message ("%s -> %s", cases[i][0], written->str);
      g_assert_cmpstr (written->str, ==, cases[i][1]);
      after = render_full (written->str, DLG_MD_PARSE_LINE_BREAKS);
      g_assert_cmpstr (after, ==, cases[i][2]);
    }
}

/* Huge lines and delimiter floods parse in linear time: a quadratic
 * parser takes minutes on these. */
/* Block quotes, as a best practice quotes its mayor and a delegate quotes
 * a speaker: the markers go, the blocks know they are quoted. */
static void
test_quotes (void)
{
  const char *cases[][2] = {
    { "> Bonds, not loans.", ">P:Bonds, not loans.\n" },
    { "Said the mayor:\n> First line\n>second line\nlazy line\n\nAfter, 3 > 2.",
      "P:Said the mayor:\n>P:First line second line lazy line\nP:After, 3 &gt; 2.\n" },
    { "> one\n>\n> two", ">P:one\n>P:two\n" },
    { "> ## Heading\n> - *item*\n> 2. item", ">H2:Heading\n>-:<i>item</i>\n>2.:item\n" },
    { "> > nested\n  > indented", ">P:nested indented\n" },
    { ">\n>\n>", "" },
    { "> quote\n- list after", ">P:quote\n-:list after\n" },
    { "a > b\n>c", "P:a &gt; b\n>P:c\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = render (cases[i][0]);

      g_assert_cmpstr (out, ==, cases[i][1]);
      assert_markup_is_safe (cases[i][0]);
    }
}

/* Nested lists, as a delegate outlines a point: an item indented at least to the text of
 * the one above is nested in it, as CommonMark reads it, down to DLG_MD_LIST_DEPTH_MAX. */
static void
test_nested_lists (void)
{
  const char *cases[][2] = {
    { "- Perlu SDM\n  - pelatihan ASN\n    - kontrak 1 tahun",
      "-:Perlu SDM\n  -:pelatihan ASN\n    -:kontrak 1 tahun\n" },
    /* Back out to any level. */
    { "- a\n  - b\n    - c\n  - d\n- e", "-:a\n  -:b\n    -:c\n  -:d\n-:e\n" },
    /* The text's column counts, whatever the marker. */
    { "1. a\n   - b\n2. c", "1.:a\n  -:b\n2.:c\n" },
    { "10. a\n   - b\n11. c\n    - d", "10.:a\n-:b\n11.:c\n  -:d\n" },
    { "-   a\n  - b\n    - c", "-:a\n-:b\n  -:c\n" },
    { "-      a\n  - b", "-:a\n  -:b\n" },
    /* Indented less than the text above: a sibling. */
    { "- a\n - b\n   - c", "-:a\n-:b\n  -:c\n" },
    { "- a\n    - b\n  - c", "-:a\n  -:b\n  -:c\n" },
    /* A tab moves to the next multiple of four columns. */
    { "- a\n\t- b\n\t\t- c\n  \t- d", "-:a\n  -:b\n    -:c\n  -:d\n" },
    /* No deeper than DLG_MD_LIST_DEPTH_MAX. */
    { "- 0\n  - 1\n    - 2\n      - 3\n        - 4\n          - 5\n      - 3\n  - 1",
      "-:0\n  -:1\n    -:2\n      -:3\n      -:4\n      -:5\n      -:3\n  -:1\n" },
    /* A first item is at the top however far it is indented. */
    { "Text\n    - a\n      - b", "P:Text\n-:a\n  -:b\n" },
    /* An indented line without a marker goes on with the item, as before. */
    { "- Perlu SDM\n  untuk kota\n  - pelatihan ASN\n    dan PPPK",
      "-:Perlu SDM untuk kota\n  -:pelatihan ASN dan PPPK\n" },
    /* A blank line, or a paragraph indented into an item (the item's own, see
     * test_list_paragraphs), keeps the nesting; a paragraph, heading or rule at the left
     * ends it. */
    { "- a\n\n  - b\n\n  more on a\n\n  - c", "-:a\n  -:b\n+:more on a\n  -:c\n" },
    { "- a\n\nText\n\n  - b", "-:a\nP:Text\n-:b\n" },
    { "- a\n# Head\n  - b", "-:a\nH1:Head\n-:b\n" },
    { "- a\n---\n  - b", "-:a\n-:b\n" },
    /* Inside a quote, the indent counts after its marker. */
    { "> - a\n>   - b\n> - c", ">-:a\n>  -:b\n>-:c\n" },
    { "- a\n>   - b\n  - c", "-:a\n>-:b\n-:c\n" },
    /* An item that is nothing is left out, and the ones in it move up. */
    { "- a\n  - []()\n    - c\n      - d\n  - e", "-:a\n  -:c\n    -:d\n  -:e\n" },
    { "- a\n  - []()\n    - c\n    - d", "-:a\n  -:c\n  -:d\n" },
    { "- a\n  - []()\n\n    - c", "-:a\n  -:c\n" },
    { "- []()\n  - b", "-:b\n" },
    /* Nor is one of white space alone, a line break in a link that goes nowhere. */
    { "- [\n]()\n  - b", "-:b\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  /* Every line break kept, as the trip report reads a note: the same nesting. */
  {
    g_autofree char *kept = render_full ("- Perlu SDM\n  untuk kota\n  - pelatihan ASN\n"
                                         "    - kontrak 1 tahun\n- Anggaran",
                                         DLG_MD_PARSE_LINE_BREAKS);

    g_assert_cmpstr (kept, ==, "-:Perlu SDM\nuntuk kota\n  -:pelatihan ASN\n"
                               "    -:kontrak 1 tahun\n-:Anggaran\n");
  }
}

/* A paragraph after a blank line, indented at least to a list item's text, is that item's
 * next paragraph, as CommonMark reads it: "+:" at the item's depth, the list going on
 * after it.  One at the left, or indented less than the item's text, ends the list. */
static void
test_list_paragraphs (void)
{
  const char *cases[][2] = {
    { "- Smart parking\n\n  It cut queues by half.\n- Next",
      "-:Smart parking\n+:It cut queues by half.\n-:Next\n" },
    { "1. Smart parking\n\n   It cut *queues* by half.\n\n   And fines.\n2. Bike lanes",
      "1.:Smart parking\n+:It cut <i>queues</i> by half.\n+:And fines.\n2.:Bike lanes\n" },
    /* Not indented as far as the item's text, or not at all: the list ends. */
    { "1. a\n\n  b\n2. c", "1.:a\nP:b\n2.:c\n" },
    { "- a\n\n b", "-:a\nP:b\n" },
    { "- Smart parking\n\nIt cut queues by half.\n- Next",
      "-:Smart parking\nP:It cut queues by half.\n-:Next\n" },
    /* Without a blank line, an indented or a lazy line goes on with the item, as before; a
     * lazy line goes on with the item's paragraph too. */
    { "- a\n  more\nlazy", "-:a more lazy\n" },
    { "- a\n\n  more\nlazy\n- b", "-:a\n+:more lazy\n-:b\n" },
    /* The item whose text the indent reaches: a nested one, or one further out. */
    { "- a\n  - b\n\n    on b\n\n  on a\n\n      also a\n- c",
      "-:a\n  -:b\n  +:on b\n+:on a\n+:also a\n-:c\n" },
    { "- a\n  - b\n\n  on a\n\n    - c", "-:a\n  -:b\n+:on a\n  -:c\n" },
    { "- a\n\n\tafter a tab", "-:a\n+:after a tab\n" },
    /* Beyond the deepest level, an item is read at it, and so is its paragraph. */
    { "- 0\n  - 1\n    - 2\n      - 3\n        - 4\n\n          on 4\n\n        on 3\n\n"
      "      on 2",
      "-:0\n  -:1\n    -:2\n      -:3\n      -:4\n      +:on 4\n      +:on 3\n    +:on 2\n" },
    /* In a quote, the indent counts after its marker; a quote's edge ends the list. */
    { "> 1. a\n>\n>    more\n> 2. b", ">1.:a\n>+:more\n>2.:b\n" },
    { "- a\n\n>   more", "-:a\n>P:more\n" },
    { "> - a\n\n  more", ">-:a\nP:more\n" },
    /* Only right after the item: not after a heading, nor once the item is left out. */
    { "- a\n  # Head\n\n  more", "-:a\nH1:Head\nP:more\n" },
    { "- []()\n\n  more", "P:more\n" },
    { "- a\n  - []()\n\n    more", "-:a\n+:more\n" },
    { "- a\n\n  []()\n\n  more\n- b", "-:a\n+:more\n-:b\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));

  /* Every line break kept, as the trip report reads a note: the same paragraphs. */
  {
    g_autofree char *kept = render_full ("1. Smart parking\n\n   It cut queues\n   by half.\n"
                                         "2. Bike lanes", DLG_MD_PARSE_LINE_BREAKS);

    g_assert_cmpstr (kept, ==, "1.:Smart parking\n+:It cut queues\nby half.\n2.:Bike lanes\n");
  }
}

/* Line breaks: Markdown joins a paragraph's lines and keeps hard breaks;
 * a note keeps every break its writer typed. */
static void
test_line_breaks (void)
{
  const char *text = "Agenda:\nbonds  \nloans\\\nparks\\\\\nend\n\n- item\n  more\n> quoted\n> on";
  g_autofree char *joined = render (text);
  g_autofree char *kept = render_full (text, DLG_MD_PARSE_LINE_BREAKS);

  g_assert_cmpstr (joined, ==,
                   "P:Agenda: bonds\nloans\nparks\\ end\n"
                   "-:item more\n"
                   ">P:quoted on\n");
  g_assert_cmpstr (kept, ==,
                   "P:Agenda:\nbonds\nloans\nparks\\\nend\n"
                   "-:item\nmore\n"
                   ">P:quoted\non\n");
}

/* @unit repeated to at least @size bytes. */
static GString *
repeated (const char *unit,
          gsize       size)
{
  GString *text = g_string_sized_new (size + 16);

  while (text->len < size)
    g_string_append (text, unit);
  return text;
}

/* Microseconds to parse @text as a note (@lines: as a note and as a note with its line breaks
 * kept), or as a case's body and to plain text; the blocks of the first parse in @blocks. */
static gint64
parse_time (const char  *text,
            gboolean     lines,
            GPtrArray  **blocks)
{
  gint64 start = g_get_monotonic_time ();

  *blocks = dlg_markdown_parse (text);
  if (lines)
    g_ptr_array_unref (dlg_markdown_parse_full (text, DLG_MD_PARSE_LINE_BREAKS));
  else
    g_free (dlg_markdown_to_plain (text));
  return g_get_monotonic_time () - start;
}

/* A mebibyte of @unit is parsed in time that grows with its length, not with its square: a
 * linear parse takes 16 times as long as for a sixteenth of it (measured here: 16 to 45 times,
 * as the mebibyte no longer fits the processor's caches), one whose time goes with the square
 * of the length 256 times.  Both are timed in one run, so that a slow machine, a loaded one or
 * a sanitizer's build slows both alike (an absolute limit of 5 s failed under AddressSanitizer
 * on a machine busy with builds); 100 times leaves room for noise, and half a second for
 * timings too short to measure well.  Returns the blocks of the mebibyte. */
static GPtrArray *
parse_scales (const char *unit,
              gboolean    lines)
{
  gsize size = 1 << 20;
  g_autoptr(GString) small = repeated (unit, size / 16);
  g_autoptr(GString) large = repeated (unit, size);
  g_autoptr(GPtrArray) small_blocks = NULL;
  GPtrArray *blocks = NULL;
  gint64 small_time = G_MAXINT64, large_time;

  /* The quickest of three: the sixteenth is the yardstick, and a pause would lengthen it. */
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&small_blocks, g_ptr_array_unref);
      small_time = MIN (small_time, parse_time (small->str, lines, &small_blocks));
    }
  large_time = parse_time (large->str, lines, &blocks);
  g_test_message ("%s x %zu: %" G_GINT64_FORMAT " ms (a sixteenth: %" G_GINT64_FORMAT " ms)",
                  unit, large->len / strlen (unit), large_time / 1000, small_time / 1000);
  g_assert_cmpint (large_time, <, 100 * MAX (small_time, 5000));
  return blocks;
}

static void
test_huge (void)
{
  const char *units[] = { "*", "**", "_", "[", "[a]", "<", "<http", "`", "](", "a*b ", "# ", "\\",
                          "[a](", "[a](((", "[a]()", "(", ")", "\\(",
                          /* Autolinks that emphasis skips, titles, mail addresses. */
                          "*<https://x.id/*>", "_<https://x.id/_> ",
                          "[a](x \"", "[a](x \"(\" ", "[a](x 't' ", "[[a](x \"t\"  ", "[a](x ",
                          "_<a_b@c.id> ", "<a@b", "<a@b.id",
                          /* Bold italics: runs of three, closed or not. */
                          "***", "***a", "***a ", "a*** ", "***a***", "___a ",
                          /* Runs of three that close nested emphasis, or would. */
                          "**a *b***", "***a** b*", "***a* b**", "***a** `*`", "***a** " };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GPtrArray) blocks = parse_scales (units[u], FALSE);

      /* One line is one block at most (a line of "*" is a rule: none). */
      g_assert_cmpuint (blocks->len, <=, 1);
    }

  /* Floods of lines: quote markers, hard breaks, backslashes. */
  {
    const char *lines[] = { ">\n", "> > > >", "a  \n", "\\\\\\\n", "> - x\ny\n", "- x\n\n  y\n",
                            "- x\n  - y\n    - z\n      - w\n        - v\n", "\t\t\t\t- x\n",
                            "          - x\n- y\n" };

    for (guint u = 0; u < G_N_ELEMENTS (lines); u++)
      {
        g_autoptr(GPtrArray) blocks = parse_scales (lines[u], TRUE);

        for (guint i = 0; i < blocks->len; i++)
          g_assert_cmpuint (((DlgMdBlock *) g_ptr_array_index (blocks, i))->depth, <=,
                            DLG_MD_LIST_DEPTH_MAX);
      }
  }

  /* Deep nesting is cut off, not recursed into. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GPtrArray) blocks = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "*_**__[");
    g_string_append (text, "x");
    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "](https://e.org)__**_*");
    blocks = dlg_markdown_parse (text->str);
    g_assert_cmpuint (blocks->len, ==, 1);
  }
}

static void
test_odd_input (void)
{
  g_autoptr(GPtrArray) empty = dlg_markdown_parse (NULL);
  g_autoptr(GPtrArray) blank = dlg_markdown_parse (" \n\t\n\r\n");
  g_autoptr(GPtrArray) invalid = dlg_markdown_parse ("caf\xc3 \xff*x*");
  g_autofree char *plain = dlg_markdown_to_plain ("- a\n- b\n\nText with [link](https://e.org).");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (invalid->len, ==, 1);
  for (guint i = 0; i < invalid->len; i++)
    {
      g_autofree char *text = dlg_md_block_to_plain (g_ptr_array_index (invalid, i));
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  g_assert_cmpstr (plain, ==, "• a\n• b\n\nText with link.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/blocks", test_blocks);
  g_test_add_func ("/markdown/links", test_links);
  g_test_add_func ("/markdown/autolinks", test_autolinks);
  g_test_add_func ("/markdown/autolink-emphasis", test_autolink_emphasis);
  g_test_add_func ("/markdown/escaped-delimiters", test_escaped_delimiters);
  g_test_add_func ("/markdown/code-in-emphasis", test_code_in_emphasis);
  g_test_add_func ("/markdown/bold-italics", test_bold_italics);
  g_test_add_func ("/markdown/nested-emphasis", test_nested_emphasis);
  g_test_add_func ("/markdown/write-round-trip", test_write_round_trip);
  g_test_add_func ("/markdown/write-spaces", test_write_spaces);
  g_test_add_func ("/markdown/mail-autolinks", test_mail_autolinks);
  g_test_add_func ("/markdown/unsafe-link-targets", test_unsafe_link_targets);
  g_test_add_func ("/markdown/link-parentheses", test_link_parentheses);
  g_test_add_func ("/markdown/link-titles", test_link_titles);
  g_test_add_func ("/markdown/markup-is-text", test_markup_is_text);
  g_test_add_func ("/markdown/unbalanced", test_unbalanced);
  g_test_add_func ("/markdown/quotes", test_quotes);
  g_test_add_func ("/markdown/nested-lists", test_nested_lists);
  g_test_add_func ("/markdown/list-paragraphs", test_list_paragraphs);
  g_test_add_func ("/markdown/line-breaks", test_line_breaks);
  g_test_add_func ("/markdown/huge", test_huge);
  g_test_add_func ("/markdown/odd-input", test_odd_input);

  return g_test_run ();
}
