#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate feeds against the Delegate feed v1 JSON Schema (draft 2020-12).

Usage: validate-schema.py SCHEMA FEED...

Prints TAP. The schema itself is checked first; then every FEED must be
valid. Needs python3-jsonschema (Debian) 4.x.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("Bail out! python3-jsonschema is not installed: apt-get install python3-jsonschema")
    sys.exit(1)


def main(argv):
    schema_path, feeds = argv[1], argv[2:]
    print("1..%d" % (len(feeds) + 1))

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        print("ok 1 schema %s is a valid draft 2020-12 schema" % schema_path)
    except jsonschema.SchemaError as e:
        print("not ok 1 schema %s: %s" % (schema_path, e.message))
        return 1

    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for number, path in enumerate(feeds, start=2):
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            failed += 1
            print("not ok %d %s" % (number, path))
            for error in errors:
                where = "/".join(str(p) for p in error.path) or "(document)"
                print("# %s: %s" % (where, error.message))
        else:
            print("ok %d %s" % (number, path))

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
