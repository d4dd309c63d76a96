#!/usr/bin/python3
"""Tab through a session's page and a member's: it stops on what a delegate acts on and on
the paragraphs to read, not on each fact under its heading; a fact is still copied by mouse.

Run by run-gui-test.sh inside Xvfb and a private session bus:
    test_tab_order.py DELEGATE SCREENSHOT_DIR

With the built-in feed, a delegate opens the press conference: Tab goes from its title to the
Note button, the star and the links to the members presenting it, then to its abstract. Until
4 December Tab stopped first on its day and time, its room, its speakers and its language, each
a label where the keyboard showed only a text cursor and a screen reader heard "Sumba Suka
Paradise" with no word of a room. The room is then selected with the mouse and Ctrl+C copies
it, as before. A member's page, Kota Kupang's, goes from the name and Note button to its
description, past "City" and "Nusa Tenggara Timur".
"""

import os
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi as ui  # noqa: E402
from atspi import (Failure, content_of, key, log, open_row, role, states, text_of,  # noqa: E402
                   the_list, wait_for, xdo)

EXE, SHOTS = sys.argv[1], sys.argv[2]
shots = ui.Screenshots(SHOTS)

SESSION = {
    "row": "Press conference",
    "list": "Sessions",
    "pane": "ctrl+1",
    # What Tab stops on after the title, in order, up to the abstract.
    "stops": ["Note", "Star session", "Kabupaten Sidoarjo", "Kota Kupang",
              "The Citynet network for a Smart City masterplan", "The President of Citynet"],
    "facts": ["Day 1, Wednesday 16 October · Time to be announced", "Sumba Suka Paradise",
              "H. Saiful Ilah, SH, M.Hum; Wali Kota Kupang", "Indonesian"],
}
MEMBER = {
    "row": "Kota Kupang",
    "list": "Members",
    "pane": "ctrl+2",
    "stops": ["Note", "Host of the Citynet 2019"],
    "facts": ["City", "Nusa Tenggara Timur"],
}


def focused(frame):
    return ui.find_shown(frame, lambda a: states(a).contains(pyatspi.STATE_FOCUSED))


def describe(acc):
    if acc is None:
        return "nothing on screen"
    return f"{acc.getRoleName()} {text_of(acc)[:60]!r}"


def focused_title(frame, text):
    return ui.find(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == text
                   and states(a).contains(pyatspi.STATE_FOCUSED))


def tab_through(frame, page):
    """Opens the page's row, then Tabs from its title: each stop is the next one expected."""
    key(page["pane"])
    open_row(frame, the_list(frame, page["list"]), page["row"],
             lambda: focused_title(frame, page["row"]))
    for stop in page["stops"]:
        key("Tab")
        try:
            got = wait_for(f"Tab to reach {stop!r}", lambda: (
                lambda f: f if f is not None and text_of(f).startswith(stop) else None)(
                    focused(frame)), timeout=3)
        except Failure:
            shots.take("tab-" + page["row"].replace(" ", "-"), frame)
            now = focused(frame)
            if now is not None and text_of(now) in page["facts"]:
                raise Failure(f"in the page of {page['row']!r}, Tab stopped on the fact"
                              f" {text_of(now)!r} instead of going on to {stop!r}")
            raise Failure(f"in the page of {page['row']!r}, Tab went to {describe(now)}"
                          f" instead of {stop!r}")
        log(f"Tab: {describe(got)}")


def copy_room(frame):
    """The room, selected with three clicks and copied with Ctrl+C, pasted into the search."""
    room = SESSION["facts"][1]
    label = wait_for(f"the room {room!r} on the session's page", lambda: ui.find_shown(
        frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == room))
    ext = ui.extents(label)
    xdo("mousemove", str(ui.BORDER + ext.x + 4), str(ui.BORDER + ext.y + ext.height // 2),
        "click", "--repeat", "3", "--delay", "80", "1")
    wait_for(f"three clicks to select {room!r}", lambda: label.queryText().getNSelections() > 0)
    key("ctrl+c")
    key("ctrl+f")
    search = wait_for("the agenda's search", lambda: ui.find_shown(
        frame, lambda a: role(a) in ui.ENTRIES and states(a).contains(pyatspi.STATE_FOCUSED)),
        timeout=5)
    key("ctrl+v")
    wait_for(lambda: f"Ctrl+V to paste the room copied, {room!r} (the search holds"
             f" {content_of(search)!r})", lambda: content_of(search) == room, timeout=5)
    log(f"the room {room!r} was copied with the mouse and Ctrl+C")
    key("Escape")


def main():
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    with ui.Run(shots, report=True) as run:
        run.app = ui.App(EXE, env, os.path.join(SHOTS, "delegate.log"))
        frame = run.app.frame
        tab_through(frame, SESSION)
        shots.take("session", frame)
        copy_room(frame)
        tab_through(frame, MEMBER)
        shots.take("member", frame)


ui.run_test(main)
