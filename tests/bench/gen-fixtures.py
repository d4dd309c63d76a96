#!/usr/bin/python3
"""Generate the benchmarks' inputs (Python standard library only; the same bytes every run).

    gen-fixtures.py OUTDIR

writes:
- OUTDIR/forum-1000.json: a Delegate feed at the scale of a national forum: 1,000 sessions over
  3 days and 24 rooms (HTML abstracts, speakers, tracks, presenting members), 514 members (the
  kabupaten and kota of Indonesia) with 5 delegates each and every contact field, and 100
  best-practice cases with Markdown bodies, each tied to a member and a session;
- OUTDIR/fosdem-943.xml and OUTDIR/fosdem-943.json: one FOSDEM-size schedule (943 events,
  30 rooms, 2 days, Europe/Brussels), as the frab/Pentabarf schedule.xml that ConfClerk reads
  and as the frab/pretalx schedule.json; the same events in both.
"""

import json
import os
import random
import sys
from datetime import date, datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

WORDS = [
    "smart", "city", "data", "open", "budget", "water", "transport", "waste", "digital",
    "village", "health", "school", "energy", "housing", "market", "tourism", "disaster",
    "mapping", "citizen", "service", "security", "network", "privacy", "kernel", "radio",
    "river", "harbour", "forest", "coast", "rice", "fishery", "clinic", "library", "permit",
    "tax", "archive", "bus", "bridge", "flood", "drainage", "street", "lamp", "sensor",
]
SYLLABLES = ["ba", "da", "ja", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "wa",
             "bu", "du", "gu", "ku", "lu", "mu", "nu", "pu", "ru", "su", "tu", "wi",
             "bo", "ko", "lo", "mo", "no", "ro", "so", "to", "ng", "ri", "ni", "si"]
PROVINCES = [
    ("Aceh", "Sumatra"), ("Sumatera Utara", "Sumatra"), ("Sumatera Barat", "Sumatra"),
    ("Riau", "Sumatra"), ("Jambi", "Sumatra"), ("Sumatera Selatan", "Sumatra"),
    ("Bengkulu", "Sumatra"), ("Lampung", "Sumatra"), ("Kepulauan Bangka Belitung", "Sumatra"),
    ("Kepulauan Riau", "Sumatra"), ("DKI Jakarta", "Jawa"), ("Jawa Barat", "Jawa"),
    ("Jawa Tengah", "Jawa"), ("DI Yogyakarta", "Jawa"), ("Jawa Timur", "Jawa"),
    ("Banten", "Jawa"), ("Bali", "Nusa Tenggara"), ("Nusa Tenggara Barat", "Nusa Tenggara"),
    ("Nusa Tenggara Timur", "Nusa Tenggara"), ("Kalimantan Barat", "Kalimantan"),
    ("Kalimantan Tengah", "Kalimantan"), ("Kalimantan Selatan", "Kalimantan"),
    ("Kalimantan Timur", "Kalimantan"), ("Kalimantan Utara", "Kalimantan"),
    ("Sulawesi Utara", "Sulawesi"), ("Sulawesi Tengah", "Sulawesi"),
    ("Sulawesi Selatan", "Sulawesi"), ("Sulawesi Tenggara", "Sulawesi"),
    ("Gorontalo", "Sulawesi"), ("Sulawesi Barat", "Sulawesi"), ("Maluku", "Maluku"),
    ("Maluku Utara", "Maluku"), ("Papua", "Papua"), ("Papua Barat", "Papua"),
]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko",
         "Kartika", "Lestari", "Made", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Teguh",
         "Utami", "Wahyu", "Yusuf", "Zainal", "Ayu", "Bayu", "Dian", "Fitri", "Hendra"]
LAST = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Pratama",
        "Siregar", "Nasution", "Harahap", "Simanjuntak", "Lubis", "Wibowo", "Setiawan",
        "Gunawan", "Halim", "Tanjung", "Sitompul", "Manurung", "Pardede"]
ROLES = ["Kepala Dinas Kominfo", "Sekretaris Daerah", "Kepala Bappeda", "Staf Ahli",
         "Kepala Bidang Aplikasi Informatika"]
FOSDEM_NAMES = ["Ada", "Ben", "Chloé", "Dieter", "Elif", "Femke", "Gert", "Hannah", "Ivo",
                "Jana", "Koen", "Lotte", "Maarten", "Nina", "Olivier", "Pieter", "Quentin",
                "Rosa", "Sven", "Tine", "Ulrike", "Vincent", "Wout", "Xavier", "Yasmine",
                "Zoë"]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def name(rng, syllables):
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def html_abstract(rng):
    paras = []
    for _ in range(rng.randint(2, 3)):
        paras.append(f"<p>{words(rng, 3).capitalize()} &amp; {words(rng, 12)}, "
                     f"<em>{words(rng, 2)}</em> {words(rng, 10)}.</p>")
    paras.append(f"<ul><li>{words(rng, 4)}</li><li>{words(rng, 5)}</li></ul>")
    return "\n".join(paras)


# --- the forum feed: 1,000 sessions, 514 members x 5 delegates, 100 cases ------------------

def forum_feed():
    rng = random.Random(1000)
    zone = timezone(timedelta(hours=7))
    first_day = date(2025, 10, 14)
    n_days, n_rooms, n_sessions = 3, 24, 1000
    rooms = [f"Ruang {name(rng, 2)} {i + 1}" for i in range(n_rooms)]
    tracks = [f"{words(rng, 2).title()}" for _ in range(12)]

    members = []
    for i in range(514):
        kind = "kabupaten" if i % 2 == 0 else "kota"
        base = name(rng, 3)
        province, region = PROVINCES[i % len(PROVINCES)]
        mid = f"{kind}-{base.lower()}-{i}"
        delegates = []
        for d in range(5):
            delegates.append({
                "name": person(rng),
                "role": ROLES[d],
                "email": f"delegasi{d + 1}@{base.lower()}{i}.go.id",
                "phone": f"+62 8{rng.randint(11, 59)} {rng.randint(1000, 9999)} "
                         f"{rng.randint(1000, 9999)}",
            })
        member = {
            "id": mid,
            "name": f"{'Kabupaten' if kind == 'kabupaten' else 'Kota'} {base}",
            "kind": kind,
            "province": province,
            "region": region,
            "head": {"title": "Bupati" if kind == "kabupaten" else "Wali Kota",
                     "name": person(rng)},
            "website": f"https://{base.lower()}{i}.go.id",
            "email": f"humas@{base.lower()}{i}.go.id",
            "phone": f"+62 {rng.randint(21, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "address": f"Jalan {name(rng, 2)} No. {rng.randint(1, 200)}, {base}",
            "coordinates": {"lat": round(rng.uniform(-10.5, 5.5), 4),
                            "lon": round(rng.uniform(95.0, 141.0), 4)},
            "smart_city": {"programme": {"id": "Gerakan Menuju 100 Smart City",
                                         "en": "Movement Towards 100 Smart Cities"},
                           "masterplan": i % 3 == 0,
                           "status": words(rng, 6).capitalize() + "."},
            "description": {"id": words(rng, 25).capitalize() + ".",
                            "en": words(rng, 25).capitalize() + "."},
            "delegates": delegates,
        }
        if i % 7 != 0:
            member["joined"] = 2000 + i % 20
        members.append(member)

    days = []
    per_day = (n_sessions + n_days - 1) // n_days
    guids = []
    for d in range(n_days):
        day = first_day + timedelta(days=d)
        by_room = {r: [] for r in rooms}
        count = min(per_day, n_sessions - d * per_day)
        for k in range(count):
            i = d * per_day + k
            room = rooms[k % n_rooms]
            slot = k // n_rooms
            start = datetime(day.year, day.month, day.day, 8, 0, tzinfo=zone) + \
                timedelta(minutes=20 * slot)
            guid = f"forum-2025-{i:04d}"
            guids.append(guid)
            session = {
                "guid": guid,
                "id": i + 1,
                "date": start.isoformat(),
                "start": start.strftime("%H:%M"),
                "duration": "0:20",
                "room": room,
                "title": {"id": words(rng, 5).capitalize(), "en": words(rng, 5).capitalize()},
                "subtitle": words(rng, 4),
                "track": rng.choice(tracks),
                "type": "Talk",
                "language": "id",
                "abstract": html_abstract(rng),
                "persons": [{"public_name": person(rng)} for _ in range(rng.randint(1, 3))],
                "members": [members[(i * 7 + j) % 514]["id"] for j in range(i % 3)],
                "links": [{"url": f"https://forum.example.org/slides/{i}.pdf",
                           "title": "Slides"}],
                "url": f"https://forum.example.org/session/{i}",
            }
            by_room[room].append(session)
        days.append({
            "index": d + 1,
            "date": day.isoformat(),
            "day_start": f"{day.isoformat()}T08:00:00+07:00",
            "day_end": f"{day.isoformat()}T23:00:00+07:00",
            "rooms": by_room,
        })

    practices = []
    for p in range(100):
        member = members[(p * 5) % 514]
        practices.append({
            "id": f"case-{p:03d}",
            "title": {"id": words(rng, 6).capitalize(), "en": words(rng, 6).capitalize()},
            "member": member["id"],
            "session": guids[(p * 10) % len(guids)],
            "summary": {"id": words(rng, 18).capitalize() + ".",
                        "en": words(rng, 18).capitalize() + "."},
            "body": "\n\n".join([
                f"## {words(rng, 3).capitalize()}",
                f"{words(rng, 30).capitalize()} **{words(rng, 3)}** {words(rng, 20)}.",
                "\n".join(f"- {words(rng, 6)}" for _ in range(4)),
                f"[{words(rng, 2)}](https://forum.example.org/case/{p}) {words(rng, 15)}.",
            ]),
            "tags": sorted({rng.choice(WORDS) for _ in range(3)}),
            "links": [{"url": f"https://forum.example.org/case/{p}.pdf", "title": "Paper"}],
        })

    return {
        "delegate_feed": 1,
        "event": {
            "id": "forum-2025-bench",
            "title": {"id": "Forum Nasional Kota Cerdas 2025",
                      "en": "National Smart City Forum 2025"},
            "subtitle": {"id": "Seribu sesi, 514 anggota", "en": "A thousand sessions, 514 members"},
            "venue": "Jakarta Convention Center",
            "city": "Jakarta",
            "organiser": "Citynet Indonesia",
            "url": "https://forum.example.org/",
            "time_zone": "Asia/Jakarta",
            "start": first_day.isoformat(),
            "end": (first_day + timedelta(days=n_days - 1)).isoformat(),
            "languages": ["id", "en"],
            "host": members[1]["id"],
        },
        "agenda": {"schedule": {"version": "1.0", "conference": {
            "acronym": "forum2025",
            "title": "Forum Nasional Kota Cerdas 2025",
            "start": first_day.isoformat(),
            "end": (first_day + timedelta(days=n_days - 1)).isoformat(),
            "daysCount": n_days,
            "time_zone_name": "Asia/Jakarta",
            "rooms": [{"name": r} for r in rooms],
            "days": days,
        }}},
        "members": members,
        "best_practices": practices,
    }


# --- a FOSDEM-size schedule: 943 events, 30 rooms, 2 days ----------------------------------

def fosdem_events():
    rng = random.Random(943)
    zone = timezone(timedelta(hours=1))
    days = [date(2025, 2, 1), date(2025, 2, 2)]
    rooms = ["Janson", "K.1.105 (La Fontaine)", "H.2215 (Ferrer)", "UA2.118 (Henriot)",
             "UB2.252A (Lameere)", "UD2.218A", "AW1.120", "AW1.121", "AW1.126", "H.1301 (Cornil)",
             "H.1302 (Depage)", "H.1308 (Rolin)", "H.1309 (Van Rijn)", "H.2213", "H.2214",
             "K.3.201", "K.3.401", "K.4.201", "K.4.401", "K.4.601", "UA2.114 (Baudoux)",
             "UA2.220 (Guillissen)", "UB2.147", "UB4.132", "UB4.136", "UB5.132", "UB5.230",
             "UD2.120 (Chavanne)", "UD2.208 (Decroly)", "UD6.215"]
    tracks = [f"{w.title()} devroom" for w in WORDS[:30]]
    n_events = 943
    events = []
    for i in range(n_events):
        d = 0 if i < 472 else 1
        k = i if d == 0 else i - 472
        r = k % len(rooms)
        slot = k // len(rooms)
        minutes = rng.choice([15, 20, 25, 30])
        start = datetime(days[d].year, days[d].month, days[d].day, 9, 0, tzinfo=zone) + \
            timedelta(minutes=30 * slot)
        events.append({
            "id": 1000 + i,
            "guid": f"f0e5de00-0000-4000-8000-{i:012d}",
            "day": d,
            "date": start,
            "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
            "room": rooms[r],
            "slug": f"fosdem-2025-{i}",
            "title": words(rng, rng.randint(3, 7)).capitalize(),
            "subtitle": "",
            "track": tracks[r],
            "type": "devroom" if r > 1 else "maintrack",
            "language": "en",
            "abstract": html_abstract(rng),
            "persons": [(3000 + rng.randint(0, 2999), f"{rng.choice(FOSDEM_NAMES)} "
                         f"{name(rng, 3)}") for _ in range(rng.randint(1, 2))],
            "links": [(f"https://video.fosdem.org/2025/{i}.webm", "Video recording (WebM)")],
        })
    return days, rooms, tracks, events


def fosdem_xml(days, rooms, tracks, events):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>",
           "  <generator name=\"delegate-bench\"/>", "  <version>1.0</version>",
           "  <conference>", "    <acronym>fosdem2025</acronym>",
           "    <title>FOSDEM 2025</title>", "    <subtitle/>", "    <venue>ULB</venue>",
           "    <city>Brussels</city>", "    <start>2025-02-01</start>",
           "    <end>2025-02-02</end>", "    <days>2</days>",
           "    <day_change>09:00:00</day_change>",
           "    <timeslot_duration>00:05:00</timeslot_duration>",
           "    <base_url>https://fosdem.org/2025/schedule/</base_url>",
           "    <time_zone_name>Europe/Brussels</time_zone_name>", "  </conference>",
           "  <tracks>"]
    out += [f"    <track>{escape(t)}</track>" for t in tracks]
    out.append("  </tracks>")
    for d, day in enumerate(days):
        out.append(f'  <day index="{d + 1}" date="{day.isoformat()}" '
                   f'start="{day.isoformat()}T09:00:00+01:00" '
                   f'end="{day.isoformat()}T19:00:00+01:00">')
        for room in rooms:
            mine = [e for e in events if e["day"] == d and e["room"] == room]
            if not mine:
                continue
            out.append(f"    <room name={quoteattr(room)}>")
            for e in mine:
                out += [
                    f'      <event guid="{e["guid"]}" id="{e["id"]}">',
                    f'        <date>{e["date"].isoformat()}</date>',
                    f'        <start>{e["date"].strftime("%H:%M")}</start>',
                    f'        <duration>{e["duration"]}</duration>',
                    f'        <room>{escape(room)}</room>',
                    f'        <slug>{e["slug"]}</slug>',
                    f'        <title>{escape(e["title"])}</title>',
                    "        <subtitle/>",
                    f'        <track>{escape(e["track"])}</track>',
                    f'        <type>{e["type"]}</type>',
                    f'        <language>{e["language"]}</language>',
                    f'        <abstract>{escape(e["abstract"])}</abstract>',
                    "        <description/>",
                    "        <persons>",
                ]
                out += [f'          <person id="{pid}">{escape(pname)}</person>'
                        for pid, pname in e["persons"]]
                out += ["        </persons>", "        <attachments/>", "        <links>"]
                out += [f"          <link href={quoteattr(url)}>{escape(title)}</link>"
                        for url, title in e["links"]]
                out += ["        </links>", "      </event>"]
            out.append("    </room>")
        out.append("  </day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def fosdem_json(days, rooms, tracks, events):
    json_days = []
    for d, day in enumerate(days):
        by_room = {}
        for room in rooms:
            mine = [e for e in events if e["day"] == d and e["room"] == room]
            if not mine:
                continue
            by_room[room] = [{
                "guid": e["guid"], "id": e["id"], "date": e["date"].isoformat(),
                "start": e["date"].strftime("%H:%M"), "duration": e["duration"],
                "room": room, "slug": e["slug"], "title": e["title"], "subtitle": "",
                "track": e["track"], "type": e["type"], "language": e["language"],
                "abstract": e["abstract"], "description": "",
                "persons": [{"id": pid, "public_name": pname} for pid, pname in e["persons"]],
                "links": [{"url": url, "title": title} for url, title in e["links"]],
            } for e in mine]
        json_days.append({"index": d + 1, "date": day.isoformat(),
                          "day_start": f"{day.isoformat()}T09:00:00+01:00",
                          "day_end": f"{day.isoformat()}T19:00:00+01:00",
                          "rooms": by_room})
    return {"schedule": {"version": "1.0", "conference": {
        "acronym": "fosdem2025", "title": "FOSDEM 2025", "start": "2025-02-01",
        "end": "2025-02-02", "daysCount": 2, "timeslot_duration": "00:05",
        "time_zone_name": "Europe/Brussels", "url": "https://fosdem.org/2025/schedule/",
        "rooms": [{"name": r} for r in rooms],
        "tracks": [{"name": t} for t in tracks],
        "days": json_days}}}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "forum-1000.json"), "w", encoding="utf-8") as f:
        json.dump(forum_feed(), f, ensure_ascii=False, indent=1)
    parts = fosdem_events()
    with open(os.path.join(outdir, "fosdem-943.xml"), "w", encoding="utf-8") as f:
        f.write(fosdem_xml(*parts))
    with open(os.path.join(outdir, "fosdem-943.json"), "w", encoding="utf-8") as f:
        json.dump(fosdem_json(*parts), f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
