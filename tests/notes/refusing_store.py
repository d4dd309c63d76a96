"""What the Notes GUI tests that make the app's store refuse its saves share.

A full disk is hard to make on demand, and it would fill the test machine's disk too: these
tests hold an exclusive lock on the app's SQLite file from a connection of their own, which
refuses the app's writes as a full disk would.
"""

import os
import sqlite3

from atspi import click, content_of, named, wait_for, xdo
import atspi as ui

DB = os.path.join(os.environ["XDG_DATA_HOME"], "io.github.delegateapp.Delegate", "delegate.db")


class Lock:
    """An exclusive lock on the app's store, from a connection of the test's own."""

    def __init__(self):
        self.db = sqlite3.connect(DB, isolation_level=None, timeout=10)
        self.db.execute("BEGIN EXCLUSIVE")

    def release(self):
        self.db.execute("ROLLBACK")
        self.db.close()


def editor(app):
    """The open note's title entry and text, as a screen reader names them."""
    title = app.shown("the note title entry", named("Note title"))
    body = app.shown("the note text", named("Note text"))
    return title, body


def type_more(app, body, text, expected):
    """Types text at the end of the note, and waits until the note holds expected."""
    click(body)
    xdo("key", "--clearmodifiers", "ctrl+End")
    ui.type_text(text, delay=30)
    wait_for(lambda: f"the text typed (the note holds {content_of(body)!r})",
             lambda: content_of(body) == expected)
