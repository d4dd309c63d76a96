"""Another connection to the app's SQLite file, held by a GUI test, as another program or a full
disk would hold it: the store refuses the app's saves, or cannot even be opened at its start.

A full disk is hard to make on demand, and it would fill the test machine's disk too: these
locks refuse the app's writes as one would. The tests that take them put tests/gui on their
import path, as for atspi.py.
"""

import os
import sqlite3

DB = os.path.join(os.environ["XDG_DATA_HOME"], "io.github.delegateapp.Delegate", "delegate.db")


class Lock:
    """An exclusive lock on the app's store, from a connection of the test's own."""

    def __init__(self):
        self.db = sqlite3.connect(DB, isolation_level=None, timeout=10)
        self.db.execute("BEGIN EXCLUSIVE")

    def release(self):
        self.db.execute("ROLLBACK")
        self.db.close()


class ExclusiveMode:
    """Another program's connection to the app's file in exclusive locking mode (a database
    browser, a backup tool): no other connection may even read it while this one lives."""

    def __init__(self):
        self.db = sqlite3.connect(DB, isolation_level=None, timeout=10)
        self.db.execute("PRAGMA locking_mode = EXCLUSIVE")
        self.db.execute("BEGIN EXCLUSIVE")
        self.db.execute("COMMIT")

    def release(self):
        self.db.close()
