#!/usr/bin/python3
"""The trip report as an .odt document, read back by readers that are not ours.

report-odt-writer writes the report of the notes fixture; Python's zipfile checks the
archive (CRCs, the stored "mimetype" first, as OpenDocument requires), ElementTree that every
part is well-formed XML, and odfpy (python3-odf, the reader of Debian's ODF tools) reads the
document as a word processor would: its title, headings and their levels, lists, styles,
links, and the delegate's text exactly as typed.
Usage: check-report-odt.py REPORT_ODT_WRITER FIXTURES_DIR  (TAP output)
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from odf import teletype, text
from odf.namespaces import TEXTNS, XLINKNS
from odf.opendocument import load

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, report  # noqa: E402 (tests/tap.py)

writer, fixtures = sys.argv[1:3]
tmp = tempfile.mkdtemp(prefix="delegate-odt-")
path = os.path.join(tmp, "report.odt")
subprocess.run([writer, fixtures, path], check=True)
state = {}


def styled(element):
    return element.getAttrNS(TEXTNS, "style-name")


@check("the file is a ZIP archive whose first entry is the stored mimetype")
def _():
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None, "a damaged entry"
        first = archive.infolist()[0]
        assert first.filename == "mimetype", first.filename
        assert first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        names = set(archive.namelist())
        assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} <= names, names
        for name in names - {"mimetype"}:
            ET.fromstring(archive.read(name))  # raises on malformed XML
        manifest = ET.fromstring(archive.read("META-INF/manifest.xml"))
        listed = {entry.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path")
                  for entry in manifest}
        assert listed == {"/", "content.xml", "styles.xml", "meta.xml"}, listed


@check("a word processor's reader opens it, titled as the report")
def _():
    document = load(path)
    state["doc"] = document
    paragraphs = document.getElementsByType(text.P)
    assert paragraphs, "no paragraphs"
    title = paragraphs[0]
    assert styled(title) == "Title", styled(title)
    assert teletype.extractText(title) == "Trip report: Notes fixture"
    assert teletype.extractText(paragraphs[1]) == "16 October 2024"
    clock = [p for p in paragraphs
             if teletype.extractText(p).startswith("All times are local times")]
    assert [teletype.extractText(p) for p in clock] == [
        "All times are local times at the event: WITA (UTC+08:00)."], clock
    meta = ET.fromstring(zipfile.ZipFile(path).read("meta.xml"))
    titles = [e.text for e in meta.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == ["Trip report: Notes fixture"], titles


@check("sections, items and notes are headings of levels 1, 2 and 3")
def _():
    headings = [(int(h.getAttrNS(TEXTNS, "outline-level")), teletype.extractText(h), styled(h))
                for h in state["doc"].getElementsByType(text.H)]
    # The note's own "## Follow-up" stays under the note's title.
    expected = [
        (1, "Sessions"), (2, "Opening"), (2, "Waste banks"), (3, "Waste"), (4, "Follow-up"),
        (1, "Best practices"), (2, "Waste banks in every village"),
        (1, "Members and delegates"), (2, "Kota Kupang"), (3, "Parking"),
        (1, "Other notes"), (2, 'Typed <as is> & "quoted"'),
    ]
    assert [(level, words) for level, words, _ in headings] == expected, headings
    for level, _, style in headings:
        assert style == "Heading_20_%d" % level, style


@check("the headings' and lists' styles are defined, under LibreOffice's names")
def _():
    names = {s.getAttribute("name") for s in state["doc"].styles.childNodes
             if getattr(s, "qname", (None, None))[1] in ("style", "list-style")}
    for name in ("Title", "Text_20_body", "Heading_20_1", "Heading_20_2", "Heading_20_3",
                 "Heading_20_4", "Quotations", "List_20_Bullet", "Numbering_20_123",
                 "Strong_20_Emphasis", "Emphasis", "Source_20_Text", "Internet_20_link"):
        assert name in names, name


@check("the report says its language (spelling checks) and numbers its pages")
def _():
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("styles.xml").decode()
        meta = ET.fromstring(archive.read("meta.xml"))
    assert 'fo:language="en" fo:country="GB"' in styles, "no language in the default style"
    assert "@" not in styles, "a placeholder left in styles.xml"
    footers = [f for f in state["doc"].masterstyles.getElementsByType(text.PageNumber)]
    assert footers, "no page number in the master page"
    languages = [e.text for e in meta.iter("{http://purl.org/dc/elements/1.1/}language")]
    assert languages == ["en-GB"], languages


def paragraph_with(words):
    for p in state["doc"].getElementsByType(text.P):
        if words in teletype.extractText(p):
            return p
    raise AssertionError("no paragraph with %r" % words)


@check("bold, italics and a safe link are the word processor's own")
def _():
    p = paragraph_with("Banks pay")
    spans = {teletype.extractText(s): styled(s) for s in p.getElementsByType(text.Span)}
    assert spans.get("cash") == "Strong_20_Emphasis", spans
    assert spans.get("weekly") == "Emphasis", spans
    links = p.getElementsByType(text.A)
    assert len(links) == 1 and teletype.extractText(links[0]) == "the guide"
    assert links[0].getAttrNS(XLINKNS, "href") == "https://example.org/guide?a=1&b=2"
    # A printed report cannot follow a link: its address follows it, as in the PDF.
    assert "see the guide (https://example.org/guide?a=1&b=2)." in teletype.extractText(p)


@check("an address in angle brackets is a link shown as the address, a mail's without mailto:")
def _():
    p = paragraph_with("Write to")
    links = [(teletype.extractText(a), a.getAttrNS(XLINKNS, "href"))
             for a in p.getElementsByType(text.A)]
    assert links == [("bank@example.org", "mailto:bank@example.org"),
                     ("https://example.org/bank", "https://example.org/bank")], links
    # The text already says where each goes: no address after it, no brackets.
    shown = teletype.extractText(p)
    assert shown == "Write to bank@example.org or see https://example.org/bank.", repr(shown)


@check("a link with a title goes to its address, the title left out")
def _():
    p = paragraph_with("Ask the bank")
    links = [(teletype.extractText(a), a.getAttrNS(XLINKNS, "href"))
             for a in p.getElementsByType(text.A)]
    assert links == [("the bank", "https://example.org/bank/ask")], links
    shown = teletype.extractText(p)
    assert shown == "Ask the bank (https://example.org/bank/ask).", repr(shown)


@check("an address in emphasis, a title holding a parenthesis, a mail address alone: links")
def _():
    p = paragraph_with("Read ")
    links = [(teletype.extractText(a), a.getAttrNS(XLINKNS, "href"))
             for a in p.getElementsByType(text.A)]
    assert links == [("https://example.org/Bank_(sampah)", "https://example.org/Bank_(sampah)"),
                     ("the rules", "https://example.org/rules"),
                     ("bank.sampah@example.org", "mailto:bank.sampah@example.org")], links
    # The address in italics, whole: the "_" in it ends no emphasis.
    spans = [(teletype.extractText(s), styled(s)) for s in p.getElementsByType(text.Span)]
    assert spans == [("https://example.org/Bank_(sampah)", "Emphasis")], spans
    shown = teletype.extractText(p)
    assert shown == ("Read https://example.org/Bank_(sampah), the rules "
                     "(https://example.org/rules) and mail bank.sampah@example.org."), repr(shown)


@check("bullets and numbers are lists, numbered from the delegate's first number")
def _():
    lists = state["doc"].getElementsByType(text.List)[:3]  # the first note's
    items = [[teletype.extractText(i) for i in lst.getElementsByType(text.ListItem)]
             for lst in lists]
    assert items == [["ask Kupang", "visit the bank"], ["budget", "staff"],
                     ["call the bank", "visit again"]], items
    assert styled(lists[0]) == "List_20_Bullet" and styled(lists[1]) == "Numbering_20_123"
    starts = [[i.getAttrNS(TEXTNS, "start-value") for i in lst.getElementsByType(text.ListItem)]
              for lst in lists[1:]]
    # "3. 4." counts on from 3; "7. 9." keeps the 9 the delegate typed.
    assert starts == [["3", None], ["7", "9"]], starts


def nested(lst):
    """A list as [(item text, nested list or None)], as a word processor reads it."""
    out = []
    for item in lst.childNodes:
        if getattr(item, "qname", (None, None))[1] != "list-item":
            assert not teletype.extractText(item).strip(), "text between items"
            continue
        words = "".join(teletype.extractText(p) for p in item.childNodes
                        if getattr(p, "qname", (None, None))[1] == "p")
        inner = [c for c in item.childNodes if getattr(c, "qname", (None, None))[1] == "list"]
        out.append((words, [styled(inner[0]), nested(inner[0])] if inner else None))
    return out


@check("nested lists stay nested, numbers inside bullets too")
def _():
    top = [lst for lst in state["doc"].getElementsByType(text.List)
           if lst.parentNode.qname[1] == "text"]  # office:text, the body
    found = [nested(lst) for lst in top if "Perlu SDM" in teletype.extractText(lst)]
    assert found == [[
        ("Perlu SDM", ["List_20_Bullet", [
            ("pelatihan ASN", ["Numbering_20_123", [("kontrak 1 tahun", None),
                                                    ("evaluasi", None)]]),
            ("anggaran", None)]]),
        ("Perlu regulasi", None)]], found


def kind(node):
    return getattr(node, "qname", (None, None))[1]


@check("an item's later paragraphs stay in its list item, the list numbered on after them")
def _():
    top = [lst for lst in state["doc"].getElementsByType(text.List)
           if lst.parentNode.qname[1] == "text" and "Smart parking" in teletype.extractText(lst)]
    assert len(top) == 1, "the list is cut in %d" % len(top)
    items = [i for i in top[0].childNodes if kind(i) == "list-item"]
    assert len(items) == 2, "%d items, not 2: the list is cut short" % len(items)
    # In the item, in order: its text, its paragraph, the list nested in it, one more.
    shown = [(kind(c), teletype.extractText(c), styled(c)) for c in items[0].childNodes]
    assert shown == [("p", "Smart parking", "List_20_Contents"),
                     ("p", "It cut queues by half.", "List_20_Contents"),
                     ("list", "fines", "List_20_Bullet"),
                     ("p", "The city kept the fines.", "List_20_Contents")], shown
    # "2." follows "1." as typed: no number of its own, so the list counts on.
    assert teletype.extractText(items[1]) == "Bike lanes"
    assert items[1].getAttrNS(TEXTNS, "start-value") is None, \
        items[1].getAttrNS(TEXTNS, "start-value")
    # A paragraph at the left is the list's end.
    after = paragraph_with("After the list.")
    assert styled(after) == "Text_20_body" and after.parentNode.qname[1] == "text"


@check("a quote is a Quotations paragraph")
def _():
    assert styled(paragraph_with("Every village has one.")) == "Quotations"


@check("the delegate's text is shown as typed: markup as text, line breaks, runs of spaces")
def _():
    p = paragraph_with("not bold")
    shown = teletype.extractText(p)
    # The link that may not open is its text and its target, as text.
    assert shown.startswith("<b>not bold</b> &amp; run (javascript:alert(1)) code\nline two\n"), \
        repr(shown)
    # As the PDF shows it: the Markdown reader drops a line's indent and reads a tab as a
    # space; the two spaces, which OpenDocument would fold into one, stay two.
    assert "\nindented after a tab  two spaces\n" in shown, repr(shown)
    assert not p.getElementsByType(text.A), "the javascript: link is a link"
    code = [s for s in p.getElementsByType(text.Span) if styled(s) == "Source_20_Text"]
    assert [teletype.extractText(s) for s in code] == ["code"]


@check("control characters (C0, DEL, C1) are left out, and nothing else")
def _():
    shown = teletype.extractText(paragraph_with("bell"))
    assert shown.endswith("bell here and there, and no more"), repr(shown)


report()
