#!/usr/bin/python3
"""Closing with stars the store refuses: held each time they are refused anew.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_stars_close_gui.py DELEGATE SCREENSHOT_DIR

The store refuses writes (the test holds an exclusive lock on the app's SQLite file, as a
full disk would refuse them). As a person would, through the accessibility tree and the
keyboard:
- "Opening" is starred with the store refused: Ctrl+Q does not quit, and a toast says the
  stars are not saved and names their copy in the runtime folder;
- the store takes writes again: the star is saved and its copy goes;
- the store is refused again and "Press conference" starred: Ctrl+Q is held again (until
  4 December a close held once was never held again in that run, though the stars refused
  were new), and Ctrl+Q again quits, the copy staying for the next start.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import Failure, label, log, text_of, wait_for  # noqa: E402
from stars_ui import RESCUE, dismiss, rescued, star_button  # noqa: E402
from store_lock import DB, Lock  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
NOT_SAVED = "Your stars could not be saved"  # the agenda's toast
HELD = "Your stars are not saved: a copy is kept in "

shots = ui.Screenshots(SHOTS)


def star_refused(app, lst, title):
    """Stars title while the store is locked; closes the toast saying it is not saved."""
    button = wait_for(f"the 'Star session' button of {title!r}",
                      lambda: star_button(lst, title, "Star session"))
    ui.click(button)
    wait_for(f"{title!r}'s button to become 'Unstar session'",
             lambda: star_button(lst, title, "Unstar session"))
    toast = app.shown("the toast saying the stars are not saved",
                      label(NOT_SAVED, exact=False), timeout=30)
    wait_for(f"a copy of the stars in {RESCUE}", rescued)
    # Toasts wait their turn: the held close's toast shows once this one is closed.
    dismiss(toast)


def held(app):
    """Ctrl+Q with stars refused: the app stays, and a toast names the copy of the stars."""
    toast = app.quit_held("a toast saying the stars are not saved", label(HELD, exact=False),
                          timeout=30)
    path = text_of(toast)[len(HELD):].split(",")[0]
    if not path.startswith(RESCUE + os.sep) or not os.path.isfile(path):
        raise Failure(f"the toast names {path!r}, which is no file in {RESCUE}")
    return toast


def main():
    env = dict(os.environ)
    # The refused saves are logged as warnings, as they should be: not fatal here.
    env["G_DEBUG"] = "fatal-criticals"
    logpath = os.path.join(SHOTS, "delegate.log")
    with ui.Run(shots) as run:
        run.app = ui.App(EXE, env, logpath)
        run.app.tab("Agenda")
        lst = ui.the_list(run.app.frame, "Sessions")
        wait_for("the store made", lambda: os.path.isfile(DB))

        run.lock = Lock()
        star_refused(run.app, lst, "Opening")
        dismiss(held(run.app))
        shots.take("held")
        log("with the store refused, a star takes and the first Ctrl+Q is held")

        run.lock.release()
        run.lock = None
        wait_for("the star saved and its copy gone", lambda: not rescued(), timeout=60)
        log("the store takes writes again: the star is saved and its copy goes")

        run.lock = Lock()
        star_refused(run.app, lst, "Press conference")
        held(run.app)
        shots.take("held-again")
        log("refused anew, a new star holds Ctrl+Q again")
        run.app.quit(timeout=30)
        run.app = None
        if not rescued():
            raise Failure(f"the stars' copy in {RESCUE} is gone after closing")
        log("and the second Ctrl+Q quits, the copy staying for the next start")


if __name__ == "__main__":
    ui.run_test(main)
