#!/usr/bin/env python3
"""Print `N passed, N failed` from meson's testlog.json files (one JSON object per line).

A test passes when meson says OK or EXPECTEDFAIL. Everything else fails, SKIP included:
a skipped check proves nothing. A missing log (the run never started) counts as one failure.
"""
import json
import sys

passed = failed = 0
args = sys.argv[1:]
# --plus "N passed, M failed": counts from a checker that is not meson (the Flatpak run).
while "--plus" in args:
    i = args.index("--plus")
    words = args[i + 1].replace(",", " ").split()
    passed += int(words[0])
    failed += int(words[2])
    del args[i:i + 2]
for path in args:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                else:
                    failed += 1
    except FileNotFoundError:
        failed += 1
print(f"{passed} passed, {failed} failed")
