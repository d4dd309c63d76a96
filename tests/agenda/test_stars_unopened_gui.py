#!/usr/bin/python3
"""Stars taken while the saved data could not be opened at start: kept for the next start.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_stars_unopened_gui.py DELEGATE SCREENSHOT_DIR

Delegate starts with its data folder unusable (a plain file where the folder should be: no
one, root included, can open a file under it): it runs on a copy in memory. Until 4 December a
star taken then showed, and was gone at the next start. As a person would, through the
accessibility tree:
- reads the start's notice, which says the notes and stars are kept, and closes it;
- stars "Opening": the row's star says "Unstar session", and a toast says the stars are not
  saved yet;
- the first Ctrl+Q is held once, with a toast naming the copy of the stars; the second quits;
  the folder is usable again; the next start shows "Opening" in "My schedule",
  and the runtime folder keeps no copy of it any more;
- quits; another program holds the file at the next start: "Opening" shows unstarred; the
  program lets go, and a note's save opens the file: "Opening" shows starred at once (until
  4 December only after a restart).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import Failure, log, rows_of, text_of, wait_for  # noqa: E402
from stars_ui import RESCUE, dismiss, rescued, star_button  # noqa: E402
from store_lock import ExclusiveMode  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
DATA = os.path.join(os.environ["XDG_DATA_HOME"], "io.github.delegateapp.Delegate")
NOT_SAVED = ("Your stars are not saved yet: the file of your saved data could not be opened. "
             "They stay as shown, and are saved as soon as it opens, at the latest at the next "
             "start.")
HELD = "Your stars are not saved: a copy is kept in "
DAY1 = ["Press conference", "Opening", "Strategies for Smart City development"]

shots = ui.Screenshots(SHOTS)


def remove_data_file():
    """The test's plain file where the data folder should be, if it is still there."""
    if os.path.isfile(DATA):
        os.unlink(DATA)


def main():
    env = dict(os.environ)
    # The store that could not be opened and the star not saved are logged as warnings, as
    # they should be: not fatal here.
    env["G_DEBUG"] = "fatal-criticals"
    logpath = os.path.join(SHOTS, "delegate.log")
    with ui.Run(shots) as run:
        run.at_end(remove_data_file)
        os.makedirs(os.path.dirname(DATA), exist_ok=True)
        with open(DATA, "w") as f:
            f.write("not a folder")

        run.app = ui.App(EXE, env, logpath)
        # The start's notice (the saved data not opened, the notes and stars kept) stays until
        # dismissed, the toasts after it waiting their turn: read, and closed.
        notice = run.app.shown("the notice that the saved data could not be opened",
                               ui.label("Your saved events could not be opened", exact=False))
        if "except your notes and stars" not in text_of(notice):
            raise Failure(f"the notice does not say the stars are kept: {text_of(notice)!r}")
        dismiss(notice)
        run.app.tab("Agenda")
        lst = ui.the_list(run.app.frame, "Sessions")
        button = wait_for("the 'Star session' button of 'Opening'",
                          lambda: star_button(lst, "Opening", "Star session"))
        ui.click(button)
        wait_for("the button to become 'Unstar session'",
                 lambda: star_button(lst, "Opening", "Unstar session"))
        toast = run.app.shown("the toast saying the stars are not saved yet",
                              ui.label(NOT_SAVED))
        if not rescued():
            raise Failure(f"no copy of the star in the runtime folder {RESCUE}")
        shots.take("not-saved")
        log("with the saved data not opened, a star takes and a toast says it is not saved yet")
        # The first Ctrl+Q is held once, naming the copy (toasts wait their turn: this one
        # is closed first); the second quits.
        dismiss(toast)
        held = run.app.quit_held("the held close's toast naming the copy of the stars",
                                 ui.label(HELD, exact=False), timeout=30)
        if os.path.join(RESCUE, rescued()[0]) not in text_of(held):
            raise Failure(f"the held close does not name the copy: {text_of(held)!r}")
        run.app.quit()
        run.app = None

        os.unlink(DATA)
        run.app = ui.App(EXE, env, logpath)
        run.app.tab("Agenda")
        lst = ui.the_list(run.app.frame, "Sessions")
        mine = run.app.shown("the 'My schedule' toggle", lambda a: a.name == "My schedule")
        ui.click(mine)
        wait_for(lambda: f"'My schedule' to show 'Opening' alone after the restart "
                         f"(it shows {rows_of(lst, DAY1)})",
                 lambda: rows_of(lst, DAY1) == ["Opening"])
        if rescued():
            raise Failure(f"the star saved, its copy is still in {RESCUE}: {rescued()}")
        shots.take("saved")
        log("the next start that opens the file has the star in 'My schedule'")
        run.app.quit()
        run.app = None

        # Another program holds the file at start: the app waits 5 s, then runs in memory.
        run.lock = ExclusiveMode()
        run.app = ui.App(EXE, env, logpath)
        dismiss(run.app.shown("the notice that the saved data could not be opened",
                              ui.label("Your saved events could not be opened", exact=False)))
        run.app.tab("Agenda")
        lst = ui.the_list(run.app.frame, "Sessions")
        wait_for("'Opening' unstarred while the file is held",
                 lambda: star_button(lst, "Opening", "Star session"))
        # It lets go; a note's save opens the file: the star it holds shows at once.
        run.lock.release()
        run.lock = None
        ui.key("ctrl+n")
        run.app.shown("the note title entry", ui.named("Note title"))
        ui.type_text("Kupang", delay=30)
        run.app.shown("the note saved once the file opens", ui.label("All changes saved"),
                      timeout=30)
        run.app.tab("Agenda")
        lst = ui.the_list(run.app.frame, "Sessions")
        wait_for("'Opening' starred again without a restart, the file open",
                 lambda: star_button(lst, "Opening", "Unstar session"))
        shots.take("opened-mid-run")
        log("the file opened while the app runs, its star shows at once")
        run.app.quit()
        run.app = None


if __name__ == "__main__":
    ui.run_test(main)
