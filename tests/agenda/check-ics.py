#!/usr/bin/python3
"""delegate-feed export-ics and validate, checked from the outside.

The .ics output is parsed back with python3-icalendar and checked field by
field against what the fixtures say; the raw bytes are checked for RFC 5545
line ends and folding.  Sources are read as paths and over HTTP.
Usage: check-ics.py DELEGATE_FEED FIXTURES_DIR DEFAULT_FEED  (TAP output)
"""
import datetime
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

import icalendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tap import check, report  # noqa: E402 (tests/tap.py)

tool, fixtures, default_feed = sys.argv[1:4]
UTC = datetime.timezone.utc


def run(*args):
    return subprocess.run([tool, *args], capture_output=True)


def export(source):
    result = run("export-ics", source)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def events(data):
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def fixture(name):
    return os.path.join(fixtures, name)


def validate_warnings(name):
    """The warnings "delegate-feed validate" gives of the fixture name, in English, each line
    stripped; the feed must be usable."""
    env = dict(os.environ, LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run([tool, "validate", fixture(name)], capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    return [line.strip() for line in result.stdout.decode().splitlines()
            if line.startswith("  warning: ")]


def check_raw(data):
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in data.replace(b"\r\n", b""), "a bare CR"
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, (len(line), line)
        line.decode("utf-8")  # a fold never splits a character


@check("same.xml: raw RFC 5545 form, one VEVENT per session")
def _():
    data = export(fixture("same.xml"))
    check_raw(data)
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert len(events(data)) == 4


@check("same.xml: fields of the opening session")
def _():
    e = events(export(fixture("same.xml")))["b0000000-0000-4000-8000-000000000001@kota24.delegate"]
    assert str(e["SUMMARY"]) == "Pembukaan — Opening 🌏"
    assert str(e["LOCATION"]) == "Aula Utama"
    assert e["DTSTART"].dt == datetime.datetime(2024, 10, 16, 1, 0, tzinfo=UTC), e["DTSTART"].dt
    assert e["DTEND"].dt == datetime.datetime(2024, 10, 16, 2, 30, tzinfo=UTC)
    assert str(e["URL"]) == "https://frab.example.org/kota24/events/11.html"
    assert str(e["DESCRIPTION"]) == ("Speakers: Wali Kota Kupang, Ketua Forum\n\n"
                                     "Welcome & opening.\n\n• Mayor\n• Forum\n\n"
                                     "See the forum (https://example.org/forum).")
    assert e["CATEGORIES"].to_ical() == b"Plenary"
    assert isinstance(e["DTSTAMP"].dt, datetime.datetime) and e["DTSTAMP"].dt.tzinfo is not None


@check("same.json and same.xml export the same events with the same UIDs")
def _():
    a = events(export(fixture("same.json")))
    b = events(export(fixture("same.xml")))
    assert sorted(a) == sorted(b)
    for uid in a:
        for field in ("SUMMARY", "LOCATION", "DESCRIPTION", "URL"):
            assert str(a[uid].get(field)) == str(b[uid].get(field)), (uid, field)
        assert a[uid]["DTSTART"].dt == b[uid]["DTSTART"].dt
        assert a[uid]["DTEND"].dt == b[uid]["DTEND"].dt


@check("UIDs are stable from export to export; a derived key too")
def _():
    first = sorted(events(export(fixture("quirks.json"))))
    second = sorted(events(export(fixture("quirks.json"))))
    assert first == second
    assert len(first) == 7
    assert any(uid.startswith("derived-") for uid in first)


@check("quirks.json: the instant of an after-midnight and an other-offset session")
def _():
    e = events(export(fixture("quirks.json")))
    late = e["aaaaaaaa-0000-4000-8000-000000000003@wild24.delegate"]
    assert late["DTSTART"].dt == datetime.datetime(2024, 10, 16, 16, 30, tzinfo=UTC)
    assert late["DTEND"].dt == datetime.datetime(2024, 10, 16, 18, 0, tzinfo=UTC)
    utc = [v for k, v in e.items() if str(v["SUMMARY"]) == "UTC offset, no guid"][0]
    assert utc["DTSTART"].dt == datetime.datetime(2024, 10, 16, 1, 0, tzinfo=UTC)
    assert str(e["aaaaaaaa-0000-4000-8000-000000000001@wild24.delegate"]["SUMMARY"]) == \
        "Opening 🎉 𝔘nicode"


@check("ics-text.json: escaping and folding survive a round trip")
def _():
    data = export(fixture("ics-text.json"))
    check_raw(data)
    assert b"SUMMARY:Semi\\; colon\\, comma \\\\ backslash: and a subtitle\r\n" in data
    e = events(data)["esc-1@ics;test.delegate"]
    assert str(e["SUMMARY"]) == "Semi; colon, comma \\ backslash: and a subtitle"
    assert str(e["LOCATION"]) == "Room; with, marks \\ here"
    description = str(e["DESCRIPTION"])
    assert description.startswith("Speakers: Dr. Ü, Jr.\n\nLine one\nLine two\n\n")
    assert description.count("世界") == 3 and description.count("🎉") == 3
    assert str(e["URL"]) == "https://example.org/a?b=1,2;c"
    folded = [l for l in data.split(b"\r\n") if l.startswith(b" ")]
    assert len(folded) > 3, "the long description is folded"


@check("ics-text.json: control characters, DEL too, read as spaces")
def _():
    # RFC 5545 allows no control character in TEXT but the tab (a line break is escaped).
    with open(fixture("ics-text.json"), encoding="utf-8") as f:
        feed = json.load(f)
    rooms = feed["schedule"]["conference"]["days"][0]["rooms"]
    session = rooms["Room; with, marks \\ here"][0]
    session["title"] = "Vertical\u000btab\u001bescape\u007fdel\ttab"
    session["abstract"] = "One\u0001two\u007f"
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "controls.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(feed, f)
        data = export(source)
    check_raw(data)
    for byte in set(range(0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}:
        assert bytes([byte]) not in data, "control character %#04x in the output" % byte
    e = events(data)["esc-1@ics;test.delegate"]
    assert str(e["SUMMARY"]).startswith("Vertical tab escape del\ttab"), str(e["SUMMARY"])
    assert "One two \n" in str(e["DESCRIPTION"]) + "\n", str(e["DESCRIPTION"])


@check("floating.json: no zone, no offset: floating local times")
def _():
    data = export(fixture("floating.json"))
    assert b"DTSTART:20241016T103000\r\n" in data
    e = events(data)["floating-1@floating.delegate"]
    assert e["DTSTART"].dt == datetime.datetime(2024, 10, 16, 10, 30)
    assert e["DTSTART"].dt.tzinfo is None
    assert b"X-WR-TIMEZONE" not in data


@check("the built-in feed: time-TBA sessions are all-day events on their day")
def _():
    data = export(default_feed)
    check_raw(data)
    e = events(data)
    dates = [v for v in e.values() if type(v["DTSTART"].dt) is datetime.date]
    assert dates, "no all-day event"
    for v in dates:
        assert v["DTEND"].dt - v["DTSTART"].dt == datetime.timedelta(days=1)
    assert b"X-WR-TIMEZONE:Asia/Makassar\r\n" in data


@check("an all-day session on 9999-12-31 has no DTEND of a five-digit year")
def _():
    data = export(fixture("last-day.json"))
    check_raw(data)
    assert b"DTSTART;VALUE=DATE:99991231\r\n" in data, data
    assert b"DTEND" not in data, data
    (event,) = events(data).values()
    assert event["DTSTART"].dt == datetime.date(9999, 12, 31)


@check("a session of no length has no DTEND; every DTEND is later than its DTSTART")
def _():
    # RFC 5545 3.8.2.2: DTEND must be later than DTSTART; without it, an event at a
    # DATE-TIME lasts no time (3.6.1), which is what such a session is.
    for name, event_id, prefix, floating in (
            ("no-duration.json", "moments", "moment", False),
            ("no-duration.xml", "moments-floating", "floating-moment", True)):
        data = export(fixture(name))
        check_raw(data)
        e = events(data)
        for n in (0, 1):
            event = e["%s-%d@%s.delegate" % (prefix, n, event_id)]
            assert "DTEND" not in event, (name, n, event.to_ical())
            assert "DURATION" not in event
        keynote = e["%s-2@%s.delegate" % (prefix, event_id)]
        assert keynote["DTEND"].dt - keynote["DTSTART"].dt == datetime.timedelta(minutes=45)
        assert (keynote["DTSTART"].dt.tzinfo is None) == floating
    for name in ("same.json", "same.xml", "quirks.json", "pentabarf.xml", "floating.json",
                 "ics-text.json", "day-change.xml", "day-change.json", "no-duration.json",
                 "no-duration.xml"):
        for event in events(export(fixture(name))).values():
            if "DTEND" in event:
                assert event["DTEND"].dt > event["DTSTART"].dt, (name, event.to_ical())
    for event in events(export(default_feed)).values():
        if "DTEND" in event:
            assert event["DTEND"].dt > event["DTSTART"].dt, event.to_ical()


@check("-o FILE writes the same calendar")
def _():
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "check-ics-%d.ics" % os.getpid())
    result = run("export-ics", fixture("same.json"), "-o", path)
    assert result.returncode == 0, result.stderr
    with open(path, "rb") as f:
        assert sorted(events(f.read())) == sorted(events(export(fixture("same.json"))))
    os.unlink(path)


@check("-o into a folder that is not there names the file asked for, for both exports")
def _():
    missing = os.path.join(os.environ.get("TMPDIR", "/tmp"), "check-ics-%d-gone" % os.getpid())
    for command, name in (("export-ics", "forum.ics"), ("export-vcf", "members.vcf")):
        path = os.path.join(missing, name)
        result = run(command, fixture("same.json"), "-o", path)
        message = result.stderr.decode()
        assert result.returncode == 1, (command, result.returncode, message)
        # Not a temporary file's name ("forum.ics.NI6YZ3"), which the organiser never typed.
        assert f"“{path}”" in message, (command, message)
        assert f"{path}." not in message, (command, message)
    assert not os.path.exists(missing)


@check("validate: exit 0 for every usable format, 1 naming the place, 2 for usage")
def _():
    for name in ("same.json", "same.xml", "quirks.json", "pentabarf.xml"):
        result = run("validate", fixture(name))
        assert result.returncode == 0, (name, result.stderr)
    result = run("validate", default_feed)
    assert result.returncode == 0
    result = run("validate", fixture("bad-date.xml"))
    assert result.returncode == 1
    assert b'schedule.day[0].room["A"].event[0].date' in result.stderr, result.stderr
    result = run("validate", fixture("broken.xml"))
    assert result.returncode == 1 and b"line 7" in result.stderr
    assert run("validate").returncode == 2
    assert run("export-ics").returncode == 2
    assert run("export-ics", fixture("bad-date.json")).returncode == 1


@check("validate counts in English: one session, member and best practice in the singular")
def _():
    env = dict(os.environ, LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run([tool, "validate", fixture("one-of-each.json")],
                            capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "usable: 1 session, 1 member, 1 best practice\n" in out, out
    result = subprocess.run([tool, "validate", fixture("same.json")],
                            capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "usable: 4 sessions, 0 members, 0 best practices\n" in out, out


@check("validate warns of misspelt fields and dropped addresses, in the file's order")
def _():
    env = dict(os.environ, LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run([tool, "validate", fixture("typos.json")], capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    warnings = [line.strip() for line in result.stdout.decode().splitlines()
                if line.startswith("  warning: ")]
    day = 'agenda.schedule.conference.days[0].rooms["Aula"][0]'
    expected = [
        "event.url: “www.kupangkota.go.id” is not an http or https address: it is not shown",
        "event.timezone: Delegate does not read this field: did you mean “time_zone”?",
        f"{day}.abstrct: Delegate does not read this field: did you mean “abstract”?",
        f"{day}.links[0].url: “/2025/” is not an http or https address: it is not shown",
        f"{day}.persons[0].public_nme: Delegate does not read this field: did you mean “public_name”?",
        "members[0].e-mail: Delegate does not read this field: did you mean “email”?",
        "members[0].website: “javascript:alert(1)” is not an http or https address: it is not shown",
        "members[1].smart_city.program: Delegate does not read this field: did you mean “programme”?",
        "best_practices[0].summery: Delegate does not read this field: did you mean “summary”?",
    ]
    assert warnings == ["warning: " + w for w in expected], warnings
    # A field of the organiser's own that is no near miss ("custom_colour") goes unmentioned,
    # and the built-in feed has nothing to warn of.
    assert b"custom_colour" not in result.stdout
    result = subprocess.run([tool, "validate", default_feed], capture_output=True, env=env)
    assert b"warning" not in result.stdout, result.stdout


@check("validate warns of texts in a language the event does not list (a draft, an old title)")
def _():
    warnings = validate_warnings("draft-languages.json")
    # "en-GB" is English of a region: no warning.
    assert warnings == [
        "warning: event.title.en-draft: “en-draft” is not one of event.languages (id, en): "
        "delegates reading a language close to it may be shown it (2 texts in this language)",
        "warning: event.subtitle.id_old: “id_old” is not one of event.languages (id, en): "
        "delegates reading a language close to it may be shown it (1 text in this language)",
        # The draft, a region and another draft stand where English is wanted.
        "warning: event.title: no “en” text, though event.languages lists it: delegates "
        "reading it are shown another language (in 3 texts)",
    ], warnings


@check("validate warns of texts given in languages that lack one event.languages lists")
def _():
    warnings = validate_warnings("missing-languages.json")
    # A subtitle and a case's title only in Indonesian; a description whose Indonesian is
    # blank. A plain string (the session's title) is in no language: nothing to say.
    assert warnings == [
        "warning: event.subtitle: no “en” text, though event.languages lists it: delegates "
        "reading it are shown another language (in 2 texts)",
        "warning: members[0].description: no “id” text, though event.languages lists it: "
        "delegates reading it are shown another language (in 1 text)",
    ], warnings


@check("validate warns about a section published apart too, as if it were inline")
def _():
    warnings = validate_warnings("apart/feed.json")
    assert warnings == [
        "warning: members[0].e-mail: Delegate does not read this field: did you mean “email”?",
        "warning: members[0].website: “www.kupangkota.go.id” is not an http or https address: "
        "it is not shown",
    ], warnings


@check("validate warns once of offsets not the zone's, and once of dates far from their day")
def _():
    # Europe/Berlin is at +01:00 in November: five sessions say otherwise (one at the after-
    # midnight +01:00 agrees, one without an offset is read in the zone, and the one to be
    # announced has no time to be off).  Two are dated two days or more from their day.
    day = "agenda.schedule.conference.days[0].rooms[\"Aula\"]"
    assert validate_warnings("times-off.json") == [
        f"warning: {day}[0].date: “2019-11-20T09:00:00+08:00” has the offset +08:00, "
        "but Europe/Berlin has +01:00 then: check the zone and the offsets of 5 sessions",
        f"warning: {day}[2].date: “2019-11-25T09:00:00+08:00” is more than a day from the day "
        "it is listed under, 2019-11-20: check the dates of 2 sessions",
    ], validate_warnings("times-off.json")
    # An agenda published apart is held to the event's zone, which wins over its own.
    assert validate_warnings("apart-times/feed.json") == [
        f"warning: {day}[0].date: “2019-11-20T09:00:00+08:00” has the offset +08:00, "
        "but Europe/Berlin has +01:00 then: check the zone and the offsets of 1 session",
    ], validate_warnings("apart-times/feed.json")


@check("validate warns of a day outside the event's dates, inline or published apart")
def _():
    # November for October: the city tour would be listed a month after the event. The gala
    # dinner running past midnight of the last day is no fault.
    assert validate_warnings("day-outside.json") == [
        "warning: agenda.schedule.conference.days[2].date: 2024-11-18 is outside the event’s "
        "dates, 2024-10-16 to 2024-10-17: check the day’s date, and event.start and event.end",
    ], validate_warnings("day-outside.json")
    assert validate_warnings("apart-day-outside/feed.json") == [
        "warning: agenda.schedule.conference.days[1].date: 2024-11-17 is outside the event’s "
        "dates, 2024-10-16 to 2024-10-17: check the day’s date, and event.start and event.end",
    ], validate_warnings("apart-day-outside/feed.json")


@check("a zone written \"UTC+8\" is +08:00, as meant, and validate says to name it")
def _():
    warnings = validate_warnings("zone-utc-plus.json")
    assert warnings == [
        "warning: event.time_zone: “UTC+8” is read as +08:00, but other programs read it the "
        "other side of UTC: give the zone’s name, such as “Asia/Makassar”, or “+08:00”",
    ], warnings
    # The opening at 09:00 in Kupang is at 01:00 UTC (read as a POSIX rule, "UTC+8" put it at
    # 17:00 UTC, sixteen hours off, in every calendar).
    opening = events(export(fixture("zone-utc-plus.json")))
    start = next(iter(opening.values()))["DTSTART"].dt
    assert start.astimezone(UTC) == datetime.datetime(2024, 10, 16, 1, 0, tzinfo=UTC), start


@check("a zone named \"Etc/GMT+8\" is -08:00, as the tz database says, and validate says so")
def _():
    # Written for Kupang, it puts the event sixteen hours off in every calendar; the name is
    # valid, so it is read as it stands, and the organiser is told which way it counts.
    warnings = validate_warnings("zone-etc-gmt.json")
    assert warnings == [
        "warning: event.time_zone: “Etc/GMT+8” is -08:00: these names count the other way "
        "round; if that is not meant, give the zone’s name, such as “Asia/Makassar”, or an "
        "offset, such as “+08:00”",
    ], warnings
    opening = events(export(fixture("zone-etc-gmt.json")))
    start = next(iter(opening.values()))["DTSTART"].dt
    assert start.astimezone(UTC) == datetime.datetime(2024, 10, 16, 17, 0, tzinfo=UTC), start


@check("validate warns of sessions without a guid whose title is given in languages")
def _():
    warnings = validate_warnings("guidless-translated.json")
    # Their keys are made from the title in the delegate's language: switched to the other,
    # the stars and notes on them are lost. A guid, or a title in no language, keeps them.
    assert warnings == [
        "warning: agenda.schedule.conference.days[0].rooms[\"Aula\"][0].guid: missing, though "
        "the title is given in languages: a delegate’s stars and notes on the session are lost "
        "when their language changes; give a guid to 2 sessions",
    ], warnings


@check("validate warns of each fault a bare schedule.json gets away with, and it still loads")
def _():
    # The app reads past these (docs/schedules.md, "What is tolerated"); the organiser is
    # told of each, once for its kind, with what Delegate does instead.
    day = 'schedule.conference.days[0].rooms["Aula"][0]'
    assert validate_warnings("tolerated.json") == [
        "warning: schedule.conference.day_change: “09:00:00” is later than 05:00: Delegate "
        "reads it as 05:00, so a session given a start clock of 05:00 or later but no date is "
        "on its day’s date, not the next",
        "warning: schedule.conference.time_zone_name: “WITA” is no time zone Delegate knows: "
        "the sessions are placed by their offsets, and times are shown at +08:00: give the "
        "zone’s name, such as “Asia/Makassar”",
        "warning: schedule.conference.days[0].index: not a day number: Delegate numbers the "
        "day by its place, 1",
        f"warning: {day}.subtitle: expected text, or an object of languages and texts: "
        "Delegate leaves it out, and shows the session without it (2 places in all)",
        f"warning: {day}.language: expected a string: Delegate leaves it out, and shows the "
        "session without it",
        f"warning: {day}.persons[1]: a person that is neither a name nor an object with one: "
        "Delegate leaves it out",
        f"warning: {day}.links[0]: expected an object: Delegate leaves it out, and shows the "
        "session without it",
        f"warning: {day}.attachments[0]: no http or https address Delegate can link to (a "
        "“url”, or a path on the site and a “base_url”): the file is not shown",
        "warning: schedule.conference.days[1].rooms: an empty list, not an object of rooms: "
        "Delegate reads a day without sessions",
        "warning: schedule.conference.days[2].rooms[\"Aula\"][0].guid: the guid "
        "“c0000000-0000-4000-8000-000000000001” is used twice: Delegate keys the later session "
        "“c0000000-0000-4000-8000-000000000001-2”, and a delegate’s star or note on it goes to "
        "another session if the order changes: give each session its own guid",
        "warning: schedule.conference.days[2].index: day 2 is numbered twice: Delegate numbers "
        "every day by its place (1, 2, …)",
    ], validate_warnings("tolerated.json")
    # What validate warns of is what the app shows: all three sessions, on three days.
    assert len(events(export(fixture("tolerated.json")))) == 3


@check("validate warns of each fault a bare schedule.xml gets away with, and it still loads")
def _():
    event = 'schedule.day[0].room["Aula"].event[0]'
    assert validate_warnings("tolerated.xml") == [
        "warning: (document): in “ISO-8859-1”, as it says: Delegate converts it, but other "
        "programs may not: save it as UTF-8",
        "warning: schedule.day[0].index: “one” is not a day number: Delegate numbers the day "
        "by its place, 1",
        "warning: schedule.day[1].index: day 1 is numbered twice: Delegate numbers every day "
        "by its place (1, 2, …)",
        "warning: schedule.conference.time_zone_name: “Asia/Makasar” is no time zone Delegate "
        "knows: the sessions are placed by their offsets, and times are shown at +08:00: give "
        "the zone’s name, such as “Asia/Makassar”",
        "warning: schedule.conference.day_change: “04:00:00.000” is not a time such as “04:00”: "
        "Delegate reads past it, so a session given a start clock after midnight but no date "
        "is on its day’s date, not the next",
        f"warning: {event}.attachments.attachment[0]: no http or https address Delegate can "
        "link to (an “href”, or a path on the site and a “base_url”): the file is not shown",
        "warning: schedule.day[1].room[\"Aula\"].event[0].guid: the guid "
        "“d0000000-0000-4000-8000-000000000001” is used twice: Delegate keys the later session "
        "“d0000000-0000-4000-8000-000000000001-2”, and a delegate’s star or note on it goes to "
        "another session if the order changes: give each session its own guid",
    ], validate_warnings("tolerated.xml")
    # A template that declares ISO-8859-1 over UTF-8 is told to declare what it is (Delegate
    # reads it as UTF-8); a clean export is told nothing.
    with open(fixture("same.xml"), "rb") as f:
        mislabelled = f.read().replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1)
    assert b"ISO-8859-1" in mislabelled and "—".encode() in mislabelled
    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        f.write(mislabelled)
        f.flush()
        assert validate_warnings(f.name) == [
            "warning: (document): it says it is in “ISO-8859-1”, but is written in UTF-8: "
            "Delegate reads it as UTF-8, but other programs may show its accented letters "
            "wrong: declare encoding=\"UTF-8\"",
        ], validate_warnings(f.name)
    assert validate_warnings("pretalx.json") == []
    assert validate_warnings("frab.xml") == []


def terminal_safe(data):
    """No control character but line breaks and tabs, raw (C0, DEL) or as UTF-8 (C1)."""
    text = data.decode("utf-8")
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
    assert not bad, (bad, text)
    return text


@check("validate shows control characters of a feed as \\u escapes, never raw on the terminal")
def _():
    env = dict(os.environ, LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run([tool, "validate", fixture("controls-warning.json")],
                            capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in terminal_safe(result.stdout).splitlines()
                if line.startswith("  warning: ")]
    assert warnings == [
        "  warning: event.url: “\\u001b[31mwww.example.org\\u001b[0m” is not an http or https "
        "address: it is not shown",
        "  warning: members[0].website: “javascript:\\u009b2J\\u007f\\u000dOK” is not an http "
        "or https address: it is not shown",
    ], warnings
    result = subprocess.run([tool, "validate", fixture("controls-error.json")],
                            capture_output=True, env=env)
    assert result.returncode == 1, result.stderr
    assert terminal_safe(result.stderr).endswith(
        ": not usable:\n  event.time_zone: unknown time zone "
        "“Asia/\\u001b]0;owned\\u0007\\u001b[2K\\u001b[1A\\u001b[32mOK”\n"), result.stderr
    result = subprocess.run([tool, "export-ics", fixture("controls-error.json")],
                            capture_output=True, env=env)
    assert result.returncode == 1 and b"Asia/\\u001b]0;owned" in result.stderr, result.stderr
    terminal_safe(result.stderr)
    result = subprocess.run([tool, "export-vcf", fixture("controls-error.json")],
                            capture_output=True, env=env)
    assert result.returncode == 1 and b"Asia/\\u001b]0;owned" in result.stderr, result.stderr
    terminal_safe(result.stderr)
    # A line break in a feed's text does not start a line of the tool's own.
    with open(fixture("controls-error.json"), encoding="utf-8") as f:
        feed = json.load(f)
    feed["event"]["time_zone"] = "Mars/Olympus\nfeed.json: usable: 27 sessions"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(feed, f)
    try:
        result = subprocess.run([tool, "validate", f.name], capture_output=True, env=env)
    finally:
        os.unlink(f.name)
    lines = terminal_safe(result.stderr).splitlines()
    assert result.returncode == 1 and len(lines) == 2, lines
    assert lines[1] == ("  event.time_zone: unknown time zone "
                        "“Mars/Olympus\\u000afeed.json: usable: 27 sessions”"), lines


@check("sources over HTTP: a schedule.xml is fetched, a 404 is an error")
def _():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=fixtures)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = "http://127.0.0.1:%d/" % server.server_address[1]
        result = run("validate", base + "same.xml")
        assert result.returncode == 0, result.stderr
        assert len(events(export(base + "same.json"))) == 4
        result = run("validate", base + "missing.json")
        assert result.returncode == 1 and b"404" in result.stderr, result.stderr
        # A section published apart is fetched beside the feed, and warned about too.
        result = run("validate", base + "apart/feed.json")
        assert result.returncode == 0, result.stderr
        assert b"members[0].e-mail" in result.stdout, result.stdout
    finally:
        server.shutdown()


report()
