"""What the Notes GUI tests that make the app's store refuse its saves share, besides the lock
that refuses them (store_lock.Lock, in tests/gui): the note's editor, and typing in it.
"""

from atspi import click, content_of, named, wait_for, xdo
import atspi as ui


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
