"""TAP for the Python checks (check-ics.py, check-fetch.py, check-report-odt.py): each check
runs on whatever the ones before it found, and the report ends with the exit status."""

import sys

results = []


def check(name):
    """Runs the decorated function now, as one numbered test called name."""
    def wrap(func):
        try:
            func()
            results.append((True, name, ""))
        except Exception as error:  # report and go on
            results.append((False, name, repr(error)))
        return func
    return wrap


def report():
    """Prints the TAP plan and results, and exits 0 only when every check passed."""
    print("1..%d" % len(results))
    for number, (ok, name, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", number, name))
        if detail:
            print("# " + detail)
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)
