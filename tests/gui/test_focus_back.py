#!/usr/bin/python3
"""Back on a pane with Ctrl+1 to Ctrl+3, the keyboard is on the title it left, nothing selected.

Run by run-gui-test.sh inside Xvfb and a private session bus:
    test_focus_back.py DELEGATE SCREENSHOT_DIR

With the built-in feed, a delegate opens a session in the agenda, a member and a best practice:
each time the keyboard goes to the detail's title, a label that can be selected to copy it.
Then Ctrl+1, Ctrl+2 and Ctrl+3 go from pane to pane, and Ctrl+4 to the notes and Ctrl+3 back:
each pane gives the keyboard back to its title, which GTK selected whole (the title shown
highlighted, as if the delegate had selected it) until 3 December.
"""

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi as ui  # noqa: E402
from atspi import (Failure, key, log, open_row, role, states, text_of, the_list,  # noqa: E402
                   wait_for)

EXE, SHOTS = sys.argv[1], sys.argv[2]
SESSION = "Opening"
MEMBER = "Kota Semarang"
PRACTICE = "Integrated ICT to accelerate Smart City development"
shots = ui.Screenshots(SHOTS)


def focused_title(frame, text):
    return ui.find(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == text
                   and states(a).contains(pyatspi.STATE_FOCUSED))


def selections(label):
    """The parts of the label's text that are selected, as (start, end)."""
    text = label.queryText()
    return [text.getSelection(i) for i in range(text.getNSelections())]


def check_title(frame, text, how):
    title = wait_for(f"the keyboard on the title {text!r} {how}",
                     lambda: focused_title(frame, text))
    chosen = selections(title)
    if chosen:
        shots.take("selected", frame)
        raise Failure(f"the title {text!r} shows {chosen} selected {how}")
    log(f"the keyboard is on the title {text!r}, nothing selected, {how}")


def main():
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    with ui.Run(shots, report=True) as run:
        run.app = ui.App(EXE, env, os.path.join(SHOTS, "delegate.log"))
        frame = run.app.frame
        key("ctrl+1")
        open_row(frame, the_list(frame, "Sessions"), SESSION,
                 lambda: focused_title(frame, SESSION))
        check_title(frame, SESSION, "when the session is opened")

        key("ctrl+2")
        open_row(frame, the_list(frame, "Members"), MEMBER, lambda: focused_title(frame, MEMBER))
        check_title(frame, MEMBER, "when the member is opened")

        key("ctrl+3")
        open_row(frame, the_list(frame, "Best practices"), PRACTICE,
                 lambda: focused_title(frame, PRACTICE))
        check_title(frame, PRACTICE, "when the best practice is opened")

        for combo, title in (("ctrl+1", SESSION), ("ctrl+2", MEMBER), ("ctrl+3", PRACTICE),
                             ("ctrl+1", SESSION)):
            key(combo)
            check_title(frame, title, f"after {combo}")
        # From the notes, in the same pane as the cases.
        key("ctrl+3")
        key("ctrl+4")
        wait_for("the notes on Ctrl+4", lambda: ui.find_shown(
            frame, lambda a: a.name == "New note" and ui.on_screen(a)))
        key("ctrl+3")
        check_title(frame, PRACTICE, "after ctrl+4 and ctrl+3")
        shots.take("back", frame)


ui.run_test(main)
