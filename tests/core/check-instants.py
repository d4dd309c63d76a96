#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON Schema accepts the session dates the parser accepts, and refuses the others.

Usage: check-instants.py SCHEMA INSTANTS

INSTANTS is tests/fixtures/instants.json, which tests/core/test-feed-valid.c runs through the
parser: each date goes into the same small feed there and here. Prints TAP. Needs
python3-jsonschema (Debian) 4.x.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("Bail out! python3-jsonschema is not installed: apt-get install python3-jsonschema")
    sys.exit(1)


def feed(date):
    session = {"guid": "s", "title": "Session", "date": date}
    day = {"date": "2019-10-16", "rooms": {"Aula": [session]}}
    return {
        "delegate_feed": 1,
        "event": {"id": "instants", "title": "Instants", "time_zone": "Asia/Makassar",
                  "start": "2019-10-16"},
        "agenda": {"schedule": {"conference": {"days": [day]}}},
    }


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    with open(argv[2], encoding="utf-8") as f:
        instants = json.load(f)

    cases = [(date, True) for date, _ in instants["accepted"]]
    cases += [(date, False) for date in instants["refused"]]
    print("1..%d" % len(cases))
    failed = 0
    for number, (date, accepted) in enumerate(cases, start=1):
        errors = list(validator.iter_errors(feed(date)))
        if (not errors) == accepted:
            print("ok %d %s %r" % (number, "accepts" if accepted else "refuses", date))
        else:
            failed += 1
            print("not ok %d should %s %r" % (number, "accept" if accepted else "refuse", date))
            for error in errors:
                print("# %s" % error.message)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
