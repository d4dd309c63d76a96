#!/usr/bin/python3
"""delegate-feed export-vcf, vCard 3.0 read back with a real vCard parser (python3-vobject), field
by field.

usage: test-vcf.py DELEGATE_FEED SOURCE_ROOT
"""

import json
import os
import subprocess
import sys
import tempfile

import vobject

EXE, ROOT = sys.argv[1], sys.argv[2]
COMPLETE = os.path.join(ROOT, "tests", "members", "fixtures", "complete.json")
BUILT_IN = os.path.join(ROOT, "data", "feeds", "kupang-2019.json")

results = []


def check(name, fn):
    try:
        fn()
        results.append((True, name, ""))
    except AssertionError as e:
        results.append((False, name, str(e) or repr(e)))
    except Exception as e:  # noqa: BLE001 - a crash is a failure too
        results.append((False, name, f"{type(e).__name__}: {e}"))


def eq(a, b, what):
    assert a == b, f"{what}: {a!r} != {b!r}"


def run(*args, language="en"):
    env = dict(os.environ, LANGUAGE=language, LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run([EXE, *args], capture_output=True, env=env)


def export(source, language="en"):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "members.vcf")
        proc = run("export-vcf", source, "-o", out, language=language)
        assert proc.returncode == 0, proc.stderr.decode()
        with open(out, "rb") as f:
            return f.read()


def cards_of(raw):
    return list(vobject.readComponents(raw.decode("utf-8")))


def by_fn(cards):
    return {c.fn.value: c for c in cards}


def value(card, name):
    return card.contents[name][0].value if name in card.contents else None


def params(card, name):
    return {k.upper(): v for k, v in card.contents[name][0].params.items()}


def test_raw_lines():
    raw = export(COMPLETE)
    assert raw.endswith(b"\r\n"), "the file ends with CRLF"
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # no character split by folding
    eq(raw.count(b"BEGIN:VCARD\r\nVERSION:3.0\r\n"), 6, "cards, each VERSION:3.0 first")
    for card in cards_of(raw):
        card.validate()  # vobject's own check of a 3.0 card: N and FN among others
        assert "n" in card.contents, f"no N in {card.fn.value}"


def test_escaping_and_folding():
    # Every character a vCard 3.0 text escapes, and lines long enough to fold across a
    # character of two and three bytes, read back whole by the parser.
    feed = json.load(open(COMPLETE, encoding="utf-8"))
    member = feed["members"][0]
    long_role = " – ".join(["Kepala Bidang; Perencanaan, Penelitian\\Pengembangan"] * 4)
    member["description"] = "Baris satu; dua, tiga\\empat\nbaris dua\r\nbaris tiga " + "é–" * 60
    member["delegates"][0]["role"] = long_role
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "escapes.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(feed, f)
        raw = export(source)
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")
    assert b"NOTE:Baris satu\\; dua\\, tiga\\\\empat\\nbaris dua\\nbaris tiga" in raw, raw
    cards = by_fn(cards_of(raw))
    eq(value(cards["Contoh City"], "note").split("\n\n")[0],
       "Baris satu; dua, tiga\\empat\nbaris dua\nbaris tiga " + "é–" * 60, "NOTE read back")
    eq(value(cards["Siti Nurhaliza, S.T., M.T."], "title"), long_role, "TITLE read back")


def test_member_card():
    cards = by_fn(cards_of(export(COMPLETE)))
    org = cards["Contoh City"]
    eq(value(org, "x-abshowas"), "COMPANY", "X-ABShowAs")
    eq(value(org, "version"), "3.0", "VERSION")
    eq(str(value(org, "n")).strip(), "", "N (empty for an organisation)")
    eq(value(org, "org"), ["Contoh City"], "ORG")
    adr = value(org, "adr")
    eq(adr.street, "Jl. Merdeka No. 1; Gedung Sate, Bandung", "ADR street (with ; and ,)")
    eq(adr.region, "Jawa Barat", "ADR region")
    eq(value(org, "tel"), "+62-22-555-0100", "TEL")
    eq(params(org, "tel").get("TYPE"), ["WORK", "VOICE"], "TEL TYPE of an office line")
    eq(value(org, "email"), "humas@contoh.example.go.id", "EMAIL")
    eq(value(org, "url"), "https://contoh.example.go.id/", "URL")
    # GEO is two floats split by a semicolon in vCard 3.0 (RFC 2426 3.4.2).
    eq(value(org, "geo"), "-6.902500;107.618800", "GEO")
    eq(value(org, "note"),
       "An example city for tests.\n\nMayor: Dr. Ayu Pratiwi, M.Si\n\n"
       "Movement Towards 100 Smart Cities\n\nSmart City masterplan: ready\n\n"
       "Masterplan finished in 2018.", "NOTE")
    assert value(org, "uid").startswith("urn:uuid:"), value(org, "uid")

    # A local number stays text; a sparse member has only what it gives.
    ujung = cards["Kabupaten Ujung"]
    eq(value(ujung, "tel"), "(0380) 821-1234", "local TEL")
    assert "VALUE" not in params(ujung, "tel"), params(ujung, "tel")
    eq(value(ujung, "note"), "Smart City masterplan: not ready yet", "NOTE of masterplan false")
    for absent in ("email", "url", "geo"):
        assert absent not in ujung.contents, f"{absent} in a card that has none"
    eq(value(cards["Kota Pesisir"], "note"), "Plain text status.", "NOTE of text status")


def test_delegate_cards():
    cards = by_fn(cards_of(export(COMPLETE)))
    siti = cards["Siti Nurhaliza, S.T., M.T."]  # commas escaped and read back
    assert "x-abshowas" not in siti.contents, "a person shown as a company"
    n = value(siti, "n")
    eq((n.family, n.given, n.prefix, n.suffix), ("Nurhaliza", "Siti", "", ["S.T.", "M.T."]), "N")
    eq(value(siti, "org"), ["Contoh City"], "ORG")
    eq(value(siti, "title"), "Head of the ICT office; coordinator", "TITLE with ;")
    eq(value(siti, "email"), "siti@contoh.example.go.id", "EMAIL")
    eq(value(siti, "tel"), "+62-812-0000-0001", "TEL")
    eq(params(siti, "tel").get("TYPE"), ["CELL", "VOICE"], "TEL TYPE of a mobile")

    bambang = cards["Bambang Wiśniewski"]  # non-ASCII
    eq(value(bambang, "title"), "Staf ahli", "TITLE")
    assert "email" not in bambang.contents and "tel" not in bambang.contents

    eq(value(cards["Yohanes Ndun"], "org"), ["Kabupaten Ujung"], "ORG")
    eq(len(cards), 6, "cards")


def test_stable_uids():
    first = [value(c, "uid") for c in cards_of(export(COMPLETE))]
    again = [value(c, "uid") for c in cards_of(export(COMPLETE))]
    eq(first, again, "UIDs of two exports")
    eq(len(set(first)), len(first), "distinct UIDs")


def test_built_in_feed_indonesian():
    proc = run("export-vcf", BUILT_IN, language="id")  # to standard output
    assert proc.returncode == 0, proc.stderr.decode()
    cards = by_fn(cards_of(proc.stdout))
    feed = json.load(open(BUILT_IN, encoding="utf-8"))
    members = {m["name"] if isinstance(m["name"], str) else m["name"]["id"]: m
               for m in feed["members"]}
    for name, member in members.items():
        card = cards[name]
        eq(value(card, "x-abshowas"), "COMPANY", f"{name} X-ABShowAs")
        description = member.get("description")
        if description:
            text = description if isinstance(description, str) else description["id"]
            # Long, with en dashes: folded across lines and read back whole.
            assert value(card, "note").startswith(text), f"{name} NOTE: {value(card, 'note')!r}"
    saiful = cards["H. Saiful Ilah, SH, M.Hum"]
    eq(value(saiful, "org"), ["Kabupaten Sidoarjo"], "ORG")
    n = value(saiful, "n")
    eq((n.family, n.given, n.prefix, n.suffix), ("Ilah", "Saiful", "H.", ["SH", "M.Hum"]), "N")
    eq(value(saiful, "title"), "Bupati Sidoarjo, Presiden Citynet Indonesia 2017–2021", "TITLE")
    eq(len(cards), len(members) + 1, "a card per member and delegate")


def test_count_written():
    one = os.path.join(ROOT, "tests", "agenda", "fixtures", "one-of-each.json")
    for source, said in ((one, b": 1 member written to "), (COMPLETE, b": 3 members written to ")):
        with tempfile.TemporaryDirectory() as tmp:
            proc = run("export-vcf", source, "-o", os.path.join(tmp, "members.vcf"))
            eq(proc.returncode, 0, "exit status")
            assert said in proc.stderr, proc.stderr


def test_control_characters():
    # Names, roles and notes from a feed may hold control characters; RFC 2426 allows none in a
    # value but the tab (a line break is escaped as \n): each reads as a space.
    feed = json.load(open(COMPLETE, encoding="utf-8"))
    member = feed["members"][0]
    member["name"] = {"en": "Contoh\u000bCity\u001b[1m\u007f"}
    member["description"] = "Line\u0001one\nline\ttwo"
    member["delegates"][0]["name"] = "Siti\u0008Nurhaliza"
    member["delegates"][0]["role"] = "Head\u001fof ICT"
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "controls.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(feed, f)
        raw = export(source)
    for byte in set(range(0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}:
        assert bytes([byte]) not in raw, f"control character {byte:#04x} in the output"
    cards = by_fn(cards_of(raw))
    org = cards["Contoh City [1m "]
    eq(value(org, "org"), ["Contoh City [1m "], "ORG")
    assert value(org, "note").startswith("Line one\nline\ttwo"), value(org, "note")
    eq(value(cards["Siti Nurhaliza"], "title"), "Head of ICT", "TITLE")


def test_usage():
    eq(run("export-vcf").returncode, 2, "no SOURCE")
    proc = run("export-vcf", os.path.join(ROOT, "tests", "members", "fixtures", "invalid",
                                          "email-with-query.json"))
    eq(proc.returncode, 1, "an unusable feed")
    assert b"members[1].email" in proc.stderr, proc.stderr


for name, fn in [("raw lines: CRLF, 75 octets, whole characters", test_raw_lines),
                 ("escaping of , ; \\ and line breaks, folding", test_escaping_and_folding),
                 ("member card field by field", test_member_card),
                 ("delegate cards field by field", test_delegate_cards),
                 ("UIDs stable and distinct", test_stable_uids),
                 ("built-in feed in Indonesian", test_built_in_feed_indonesian),
                 ("how many members were written, singular and plural", test_count_written),
                 ("control characters read as spaces", test_control_characters),
                 ("usage and errors", test_usage)]:
    check(name, fn)

print(f"1..{len(results)}")
for i, (ok, name, why) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok:
        print("# " + why.replace("\n", "\n# "))
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
