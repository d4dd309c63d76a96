#!/usr/bin/python3
"""A note from a case's Note button in a narrow window (560 px, half a small laptop's screen).

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_notes_narrow_gui.py DELEGATE SCREENSHOT_DIR

In a window this narrow the Notes pane shows either its list or one note.  The pane was hidden
until the Note button showed it, and only folded once shown: it showed the list, the new
note's text out of sight, and what the delegate typed next went nowhere (on 2 December it
was the agenda that ended up shown).  Now the note opens, with the keyboard in its text and a
Back button to the list; Escape goes back to the list, as in the other panes.
"""

import os
import sys

import pyatspi

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import (BUTTONS, content_of, find_shown, key, log, on_screen, open_row,  # noqa: E402
                   role, states, the_list, type_text, wait_for)

EXE, SHOTS = sys.argv[1], sys.argv[2]
PRACTICE = "Integrated ICT to accelerate Smart City development"
TEXT = "Ask about the ICT budget."
shots = ui.Screenshots(SHOTS)


def main():
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    with ui.Run(shots, report=True) as run:
        app = run.app = ui.App(EXE, env, os.path.join(SHOTS, "delegate.log"))
        app.resize(560, 700)
        key("ctrl+3")
        lst = the_list(app.frame, "Best practices")
        open_row(app.frame, lst, PRACTICE, lambda: find_shown(
            app.frame, lambda a: a.name == "Note" and role(a) in BUTTONS and on_screen(a)))
        note = find_shown(app.frame, lambda a: a.name == "Note" and role(a) in BUTTONS
                          and on_screen(a))
        shots.take("case")
        ui.click(note)

        body = wait_for("the new note's text, on screen", lambda: find_shown(
            app.frame, lambda a: a.name == "Note text" and on_screen(a)))
        wait_for("the keyboard in the note's text", lambda: states(body).contains(
            pyatspi.STATE_FOCUSED))
        app.shown("the Back button to the list", lambda a: a.name == "Back to notes"
                  and on_screen(a))
        app.shown("what the note is about", lambda a: ui.text_of(a) == f"Best practice: {PRACTICE}"
                  and on_screen(a))
        type_text(TEXT)
        wait_for(lambda: f"the typed text in the note (it holds {content_of(body)!r})",
                 lambda: content_of(body) == TEXT)
        shots.take("typed")
        log("the Note button of a case opens the note in a narrow window, ready to type in")

        # Escape goes back to the list, as in the other panes' details, with the keyboard
        # on the notes list, where the note is.
        key("Escape")
        lst = the_list(app.frame, "Notes")
        wait_for("Escape to take the keyboard to the notes list", lambda: any(
            states(a).contains(pyatspi.STATE_FOCUSED) for a in [lst, *ui.find_all(lst, bool)]))
        wait_for("the note in the list", lambda: find_shown(
            lst, lambda a: ui.text_of(a) == TEXT))
        shots.take("back")
        log("Escape in the note goes back to the list")


ui.run_test(main)
