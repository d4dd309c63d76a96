#!/usr/bin/python3
"""An Indonesian delegate on a laptop, with the keyboard: what a review in Indonesian found.

Run by run-gui-test.sh (in Indonesian, with no network) inside Xvfb and a private session bus:
    test_laptop_id.py DELEGATE SCREENSHOT_DIR

With the built-in feed:
- first at the width of the screen, list and detail side by side: Tab all the way round the
  Agenda, Members and Best practices panes, nothing chosen in them, stops on nothing that has
  no name (it stopped on the empty detail's scrolled area, which a screen reader could not
  name and which shows no focus);
- at 683 px, half a 1366x768 laptop screen, two more events are added by their addresses
  (`delegate URL` while the app runs; with no network neither downloads): the Events list
  shows each event's row whole, its last line ("Belum diperbarui") inside the list, not cut
  off by the list's edge with a scroll bar for three events; and a row not downloaded yet,
  titled by its address, gives that address once, not a second time under it;
- an address typed with a space in its server's name ("contoh org") is refused in the Add Event
  dialog, in Indonesian, rather than followed as "contoh%20org".
"""

import gettext
import os
import subprocess
import sys

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi as ui  # noqa: E402
from atspi import Failure, key, log, role, states, text_of, wait_for  # noqa: E402

EXE, SHOTS = sys.argv[1], sys.argv[2]
_ = gettext.translation("delegate", os.environ["DELEGATE_LOCALEDIR"], ["id"]).gettext
EVENTS = ["https://contoh.org/feed", "https://contoh.org/acara-panjang-sekali/feed.json"]
shots = ui.Screenshots(SHOTS)


def focused(frame):
    return ui.find(frame, lambda a: states(a).contains(pyatspi.STATE_FOCUSED)
                   and role(a) not in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW))


def tab_to(frame, pred, what, limit=40, back=False):
    """Tab (or Shift+Tab) until the keyboard is on what pred accepts; returns it."""
    for _i in range(limit):
        acc = focused(frame)
        if acc is not None and pred(acc):
            return acc
        key("shift+Tab" if back else "Tab")
    raise Failure(f"Tab never reached {what}")


def check_events_list(app, frame):
    env = dict(os.environ)
    for url in EVENTS:
        subprocess.run([EXE, url], env=env, check=True, timeout=30)
        wait_for(f"the event {url} to be added", lambda: frame.name != _("Delegate")
                 or ui.find(frame, lambda a: text_of(a) == _("Not Downloaded Yet")))
    tab_to(frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == _("Events"),
           "the Events button", back=True)
    key("Return")
    lst = wait_for("the Events list", lambda: ui.find_shown(
        frame, lambda a: role(a) in ui.LISTS and a.name == _("Events")))
    rows = wait_for("three events in the list", lambda: (
        lambda r: r if len(r) == 3 else None)(ui.find_all(
            lst, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM)))
    shots.take("events", frame)
    pane = lst.parent
    box = ui.extents(pane)
    for row in rows:
        for label in ui.find_all(row, lambda a: role(a) == pyatspi.ROLE_LABEL):
            ext = ui.extents(label)
            if ext.y < box.y or ext.y + ext.height > box.y + box.height:
                raise Failure(f"the Events list ({box.y}..{box.y + box.height}) cuts off "
                              f"{text_of(label)!r} ({ext.y}..{ext.y + ext.height}) of the row "
                              f"{row.name!r}")
    log("every event's row is shown whole in the Events list")
    # Not downloaded, an event is titled by its address: the row says it once, not twice.
    for url in EVENTS:
        row = next((r for r in rows if r.name.startswith(url)), None)
        if row is None:
            raise Failure(f"no row for {url} in the Events list: {[r.name for r in rows]}")
        shown = [text_of(a) for a in ui.find_all(row, lambda a: role(a) == pyatspi.ROLE_LABEL)
                 if ui.on_screen(a) or ui.extents(a).height > 0]
        if row.name.count(url) != 1 or shown.count(url) != 1:
            raise Failure(f"the row of {url}, not downloaded, gives its address more than once: "
                          f"it is named {row.name!r} and shows {shown}")
    log("a row not downloaded yet gives its address once, as its title")
    key("Escape")


def check_space_in_address(app, frame):
    typed = "http://contoh org/feed.json"
    key("ctrl+o")
    dialog = wait_for("the Add Event dialog", lambda: next(
        (w for w in app.app if w is not None and w.name == _("Add Event")), None))
    ui.type_text(typed)
    key("Return")
    said = _("“%s” is not a valid web address: there is a space in the server’s name") % typed
    wait_for(lambda: f"the dialog to say {said!r} (it shows {ui.shown_texts(dialog)})",
             lambda: ui.find(dialog, lambda a: role(a) == pyatspi.ROLE_LABEL
                             and text_of(a) == said))
    shots.take("space-in-address")
    if "%20" in frame.name or ui.find(frame, lambda a: "contoh%20org" in text_of(a)):
        raise Failure("the address with a space was followed as contoh%20org")
    log(f"the dialog says {said!r}")
    key("Escape")
    wait_for("the Add Event dialog to close", lambda: not any(
        w is not None and w.name == _("Add Event") for w in app.app))


def check_tab_names(frame):
    """Tab all the way round each pane, nothing chosen in it: every stop has a name."""
    for combo, pane in (("ctrl+1", "Agenda"), ("ctrl+2", "Anggota"), ("ctrl+3", "Praktik")):
        key(combo)
        wait_for(f"the keyboard in the {pane} pane", lambda: focused(frame))
        seen = []
        for _i in range(60):
            key("Tab")
            acc = wait_for("the keyboard somewhere", lambda: focused(frame))
            stop = (role(acc), text_of(acc), tuple(ui.extents(acc)))
            if stop in seen:
                break
            seen.append(stop)
            if not text_of(acc).strip():
                shots.take(f"nameless-{pane.lower()}", frame)
                raise Failure(f"Tab in the {pane} pane stops on a {acc.getRoleName()} with no "
                              f"name, at {tuple(ui.extents(acc))}: nothing a screen reader can "
                              f"say, and nothing shown focused")
        log(f"Tab in the {pane} pane: {len(seen)} stops, each with a name")


def check_no_warnings(logpath):
    """Every warning in the app's log fails the test, but GTK 4.8's skipped snapshot when the
    window narrows across the fold, which the app lays out again for (src/ui/dlg-relayout.c)
    and a delegate never sees: not fatal here (G_DEBUG=fatal-warnings would kill the app at
    it in some runs, as tests/gui/test_widths.py says), so the log is read instead."""
    with open(logpath, errors="replace") as f:
        for line in f:
            if (("-WARNING **" in line or "-CRITICAL **" in line)
                    and "without a current allocation" not in line):
                raise Failure(f"the app warned: {line.strip()}")


def main():
    env = dict(os.environ)
    logpath = os.path.join(SHOTS, "delegate.log")
    if os.path.exists(logpath):
        os.unlink(logpath)
    with ui.Run(shots, report=True) as run:
        app = run.app = ui.App(EXE, env, logpath)
        frame = app.frame
        # Wide enough for list and detail side by side (the test's screen is 1280 wide).
        app.resize(1270, 758)
        check_tab_names(frame)
        app.resize(683, 758)
        check_events_list(app, frame)
        check_space_in_address(app, frame)
        check_no_warnings(logpath)


ui.run_test(main)
