#!/usr/bin/python3
"""The app keeps an event when its feed server goes away, and says so.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_sync_gui.py DELEGATE FEED_JSON SCREENSHOT_DIR

- serves FEED_JSON from a web server on 127.0.0.1 and runs `delegate URL`: the window shows
  the event, and its row in the Events list says "Updated just now";
- presses Ctrl+R against a server that answers in 0.6 s: the Update button is never greyed
  out for so quick an update;
- runs `delegate PATH` and `delegate URL` while it runs: the window switches event each time;
- runs `delegate 127.0.0.1:PORT/feed.json`, without "http://", while it runs: a file of that
  name in its folder is opened, and with none, the web address;
- adds an event from a file with Ctrl+O and the Add Event dialog;
- removes the event shown from the Events list, and takes it back with the toast's Undo; later
  removes one and quits while Undo is still offered: after a restart it is gone;
- quits, stops the server, starts Delegate again: the event is there at once, from the saved
  copy, and a banner says the saved copy is shown;
- adds an event while offline: the panes say it is not downloaded yet, not that it published
  nothing; a note is written on it all the same, and once the server is back and the event
  downloads, the note is among the event's notes; a note deleted while an event waits and
  taken back with Undo once it has downloaded is among its notes too;
- damages the database: the app moves it aside, says so, and starts on the built-in forum;
  removing that last event shows "No Events" with a way to add one, and Undo brings it back.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

# The helpers shared by the tests that drive the app through the accessibility tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import TIMEOUT, Failure, log, wait_for  # noqa: E402
from feed_server import FeedServer  # noqa: E402

EXE, FEED, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
TITLE = "A minimal feed"
OFFLINE_NOTE = "Keynote before the download"
TYPED_ON = ", and after it"
OFFLINE_FEED = {"delegate_feed": 1,
                "event": {"id": "added-offline", "title": "An event added offline",
                          "time_zone": "Asia/Makassar", "start": "2019-10-16"}}
SLIP_NOTE = "Deleted by a slip"
SLIP_FEED = {"delegate_feed": 1,
             "event": {"id": "slip", "title": "A second event added offline",
                       "time_zone": "Asia/Makassar", "start": "2019-10-17"}}
BARE_FILE_FEED = {"delegate_feed": 1,
                  "event": {"id": "on-the-stick", "title": "A copy on a USB stick",
                            "time_zone": "Asia/Makassar", "start": "2019-10-18"}}
BUILTIN = "Citynet 2019 Best Practice Seminar and Sharing"
shots = ui.Screenshots(SHOTS)
LOG = os.path.join(SHOTS, "delegate.log")


def screenshot(name):
    shots.take(name)


def showing_texts(root):
    """Every text on screen below root (GTK 4.8 leaves SHOWING off many containers: take what
    is visible)."""
    return ui.visible_texts(root)


def start(run, args):
    """Starts the app with args as run.app, its output in LOG; its process and window."""
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    run.app = ui.App(EXE, env, LOG, args=args)
    return run.app.proc, run.app.frame


def run_again(args, **kwargs):
    """`delegate ARGS` while the app runs (the running app is handed them), its output in LOG."""
    with open(LOG, "a") as out:
        return subprocess.run([EXE, *args], timeout=TIMEOUT, stdout=out,
                              stderr=subprocess.STDOUT, **kwargs)


def quit_app(proc):
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], check=True)
    wait_for("the app to quit on Ctrl+Q", lambda: proc.poll() is not None, timeout=10)
    if proc.returncode != 0:
        raise Failure(f"the app exited with status {proc.returncode}")


def print_on_screen(run):
    """On a failure: the texts on screen."""
    try:
        print("on screen:", showing_texts(run.app.frame), file=sys.stderr)
    except Exception:
        pass


def main():
    with open(FEED, "rb") as f:
        server = FeedServer(f.read())
    # Ended as a logout ends it (SIGTERM), however the test ends, and its output printed.
    with ui.Run(shots, polite=True, echo=LOG) as run:
        run.on_failure(lambda: print_on_screen(run))
        # Subscribe from the command line, as an organiser's e-mail would say.
        proc, frame = start(run, [server.url])
        wait_for(f"the window title {TITLE!r}", lambda: frame.name == TITLE)
        # The events list says when each was last updated.
        def open_events():
            for acc in pyatspi.utils.findAllDescendants(frame, lambda a: a.name == "Events"):
                try:
                    action = acc.queryAction()
                except NotImplementedError:
                    continue
                if action.nActions > 0:
                    return action.doAction(0) or True
            return False

        wait_for("the Events button", open_events)
        app = ui.find_app(proc.pid)
        wait_for("“Updated just now” in the events list",
                 lambda: any("Updated just now" in showing_texts(w) for w in app if w is not None))
        # A screen reader on the row says all of it, and that it is the event shown.
        row_name = f"{TITLE}, {server.url}, Updated just now, current event"

        def event_rows():
            return [a.name for w in app if w is not None for a in pyatspi.utils.findAllDescendants(
                w, lambda a: a.getRole() == pyatspi.ROLE_LIST_ITEM)]
        wait_for(lambda: f"the event's row named {row_name!r} (rows: {event_rows()})",
                 lambda: row_name in event_rows())
        screenshot("synced")
        subprocess.run(["xdotool", "key", "Escape"], check=True)

        # A sync that ends within a moment changes nothing on screen: the Update button is not
        # greyed out for it, which would flicker at every start.
        update = wait_for("the button 'Update the event'", lambda: next(
            (a for a in ui.find_all(frame, lambda a: a.name == "Update the event")
             if ui.on_screen(a)), None))
        server.delay = 0.6
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+r"], check=True)
        greyed = []
        until = time.monotonic() + 0.75
        while time.monotonic() < until:
            if not update.getState().contains(pyatspi.STATE_SENSITIVE):
                greyed.append(round(until - time.monotonic(), 2))
            time.sleep(0.03)
        server.delay = 0.0
        if greyed:
            raise Failure(f"the Update button was greyed out during a quick sync ({len(greyed)} "
                          "looks)")
        wait_for("the header to say 'Updated just now' after the quick sync",
                 lambda: "Updated just now" in showing_texts(frame))
        log("a quick sync leaves the Update button as it is")

        # `delegate PATH` while Delegate runs: the running window switches to that event;
        # `delegate URL` again switches back.
        other = os.path.join(os.path.dirname(FEED), "full.json")
        for args, title in (([other], "Event"), ([server.url], TITLE)):
            log(f"running delegate {args[0]} while the app runs")
            second = run_again(args)
            if second.returncode != 0:
                raise Failure(f"the second delegate exited with status {second.returncode}")
            wait_for(f"the running window to show {title!r} (it shows {frame.name!r})",
                     lambda: frame.name == title)

        # `delegate 127.0.0.1:PORT/feed.json`, an address as a poster prints it, without its
        # "http://": a file of that name in the folder delegate runs from wins, as in the Add
        # Event dialog; with none, it is the web address (until 3 December it was always taken
        # for a file, and the window said there was none).
        bare = server.url.split("://", 1)[1]
        stick = os.path.join(SHOTS, "stick")
        os.makedirs(os.path.join(stick, os.path.dirname(bare)), exist_ok=True)
        with open(os.path.join(stick, bare), "w") as f:
            json.dump(BARE_FILE_FEED, f)
        for cwd, title in ((stick, BARE_FILE_FEED["event"]["title"]), (SHOTS, TITLE)):
            log(f"running delegate {bare} in {cwd} while the app runs")
            second = run_again([bare], cwd=cwd)
            if second.returncode != 0:
                raise Failure(f"delegate {bare} exited with status {second.returncode}")
            wait_for(f"the running window to show {title!r} (it shows {frame.name!r})",
                     lambda: frame.name == title)
        log("an address without its scheme is a web address, unless a file of that name is there")

        # Ctrl+O: the Add Event dialog takes a path (or an address) and switches to it.
        minimal_copy = os.path.join(SHOTS, "usb-stick-feed.json")
        with open(other, "rb") as src, open(minimal_copy, "wb") as dst:
            dst.write(src.read())
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+o"], check=True)
        app = ui.find_app(proc.pid)
        dialog = wait_for("the Add Event dialog",
                          lambda: next((w for w in app if w is not None and w.name == "Add Event"),
                                       None))

        def entry():
            for acc in pyatspi.utils.findAllDescendants(
                    dialog, lambda a: a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)):
                try:
                    return acc.queryEditableText()
                except NotImplementedError:
                    continue
            return None

        wait_for("the address entry", entry).setTextContents(minimal_copy)

        def press_add():
            button = pyatspi.utils.findDescendant(
                dialog, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                and a.name == "Add"
                and a.getState().contains(pyatspi.STATE_SENSITIVE))
            return button is not None and (button.queryAction().doAction(0) or True)

        try:
            wait_for("an Add button to press", press_add, timeout=5)
        except Failure:
            for a in pyatspi.utils.findAllDescendants(dialog, lambda a: True):
                print(a.getRoleName(), repr(ui.text_of(a)),
                      a.getState().contains(pyatspi.STATE_SENSITIVE), file=sys.stderr)
            raise
        wait_for("the added event in the window", lambda: frame.name == "Event")
        wait_for("the dialog to close",
                 lambda: not any(w is not None and w.name == "Add Event" for w in app))
        screenshot("added")
        run_again([server.url], check=True)
        wait_for(f"the window to show {TITLE!r} again", lambda: frame.name == TITLE)

        # Remove is one click on a red button: a slip, taken back with the toast's Undo.
        def app_button(word):
            # The toast's button is libadwaita's: GTK 4.8 names it "_Undo Undo".
            return next((a for w in ui.find_app(proc.pid) if w is not None
                         for a in pyatspi.utils.findAllDescendants(
                             w, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                             and (a.name == word or (word == "Undo"
                                                     and a.name == f"_{word} {word}")))),
                        None)

        wait_for("the Events button", open_events)
        remove = wait_for("the Remove button", lambda: app_button("Remove"))
        # A screen reader says which event Remove stops following.
        if remove.description != f"Stop following “{TITLE}”":
            raise Failure(f"the Remove button is described as {remove.description!r}")
        remove.queryAction().doAction(0)
        wait_for(lambda: f"another event in the window (it shows {frame.name!r})",
                 lambda: frame.name != TITLE)
        wait_for("the toast saying the event was removed",
                 lambda: f"“{TITLE}” removed" in showing_texts(frame))
        screenshot("removed")
        # A few words keep to one line, as libadwaita's own toasts (which cut a long one off:
        # ours wrap, src/ui/dlg-toast.h).
        said = ui.extents(ui.find(frame, lambda a: ui.text_of(a) == f"“{TITLE}” removed"))
        wait_for(lambda: f"the toast's few words on one line (they are on {ui.text_lines(said)})",
                 lambda: ui.text_lines(said) == 1, timeout=5)
        wait_for("the toast's Undo", lambda: app_button("Undo")).queryAction().doAction(0)
        wait_for(f"the removed event back after Undo (the window shows {frame.name!r})",
                 lambda: frame.name == TITLE)
        log("an event removed by a slip comes back with Undo")
        quit_app(proc)

        # The venue's network is gone: the saved copy opens, and says so.
        server.stop()
        proc, frame = start(run, [])
        wait_for(f"the saved event {TITLE!r}", lambda: frame.name == TITLE)
        banner = wait_for(
            "the offline banner",
            lambda: [t for t in showing_texts(frame)
                     if t.startswith("Offline: showing the saved copy from")])
        log(f"banner: {banner[0]!r}")
        screenshot("offline")

        # Asking again keeps the data and the banner.
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+r"], check=True)
        time.sleep(0.5)
        wait_for("the banner after Ctrl+R",
                 lambda: any(t.startswith("Offline: showing the saved copy from")
                             for t in showing_texts(frame)))
        if frame.name != TITLE:
            raise Failure(f"the event went away after Ctrl+R: title {frame.name!r}")
        # The network is up but nobody answers at the feed's address: the events list says,
        # under the copy's age, that the last update failed (not that the delegate is offline).
        wait_for("the Events button", open_events)
        app = ui.find_app(proc.pid)
        wait_for(lambda: f"“The last update failed” on the event's row (rows: {event_rows()})",
                 lambda: any(name.startswith(f"{TITLE}, {server.url}, Updated ")
                             and name.endswith(", The last update failed, current event")
                             for name in event_rows() if name))
        if any("Offline at the last try" in (name or "") for name in event_rows()):
            raise Failure(f"a refused connection is told as offline: {event_rows()}")
        screenshot("last-update-failed")
        subprocess.run(["xdotool", "key", "Escape"], check=True)

        # An event added while offline: nothing of it is saved, and no pane may say the event
        # published nothing, which nobody knows yet.
        never = server.url.replace("/feed.json", "/added-offline.json")
        run_again([never], check=True)
        wait_for("the banner for an event with nothing saved",
                 lambda: "Offline: nothing is saved for this event yet" in showing_texts(frame))
        for key, pane, none in (("ctrl+1", "agenda", "No Sessions"),
                                ("ctrl+2", "members", "No Members"),
                                ("ctrl+3", "best practices", "No Best Practices")):
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)
            wait_for(lambda: f"the {pane} pane to say it is not downloaded yet (it shows"
                     f" {showing_texts(frame)})",
                     lambda: "Not Downloaded Yet" in showing_texts(frame))
            if none in showing_texts(frame):
                raise Failure(f"the {pane} pane says {none!r} of an event never downloaded")
        screenshot("added-offline")
        log("an event added offline: each pane says it is not downloaded yet")

        def restart_to_note(title, note):
            """Starts the app again: the window shows the event @title, and its Notes pane
            lists @note."""
            proc, frame = start(run, [])
            wait_for(f"the event {title!r} after a restart (the window shows {frame.name!r})",
                     lambda: frame.name == title)
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+4"], check=True)
            wait_for(lambda: f"the note {note!r} among the event's notes (the pane shows"
                     f" {showing_texts(frame)})", lambda: note in showing_texts(frame))
            return proc, frame

        # The keynote starts all the same: a note written now waits for the event.
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+4"], check=True)
        wait_for(lambda: f"the notes pane to say the notes will join the event (it shows"
                 f" {showing_texts(frame)})",
                 lambda: any("your notes will join it" in t for t in showing_texts(frame)))
        new_note = wait_for("the header's New note button", lambda: ui.find_shown(
            frame, ui.named("New note", ui.BUTTONS)))
        ui.click(new_note)
        ui.type_text(OFFLINE_NOTE)
        wait_for("the note's title in the list", lambda: any(
            t == OFFLINE_NOTE for t in showing_texts(frame) if t is not None))
        screenshot("note-written-offline")
        log("a note is written on the event added offline")

        # The venue's network comes back: the event downloads, and the note is one of its.
        later = FeedServer(json.dumps(OFFLINE_FEED).encode(), path="/added-offline.json",
                           port=server.port)
        try:
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+r"], check=True)
            wait_for(f"the window title {OFFLINE_FEED['event']['title']!r} after the download",
                     lambda: frame.name == OFFLINE_FEED["event"]["title"])
            # The delegate may be typing: the note stays open, and the typing goes on in it.
            ui.type_text(TYPED_ON)
            wait_for(lambda: f"the title typed on through the download (the pane shows"
                     f" {showing_texts(frame)})",
                     lambda: OFFLINE_NOTE + TYPED_ON in showing_texts(frame))
            quit_app(proc)
        finally:
            later.stop()
        proc, frame = restart_to_note(OFFLINE_FEED["event"]["title"], OFFLINE_NOTE + TYPED_ON)
        screenshot("note-joined-event")
        log("once downloaded, the event has the note written offline, after a restart too")

        # A note deleted by a slip while its event waits, and taken back with Undo once the
        # event has come: it is among the event's notes, now and after a restart.
        slip_path = "/slip.json"
        run_again([server.url.replace("/feed.json", slip_path)], check=True)
        wait_for("the banner for the second event added offline",
                 lambda: "Offline: nothing is saved for this event yet" in showing_texts(frame))
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+4"], check=True)
        wait_for("the notes pane of the event not downloaded yet",
                 lambda: any("your notes will join it" in t for t in showing_texts(frame)))
        ui.click(wait_for("the header's New note button", lambda: ui.find_shown(
            frame, ui.named("New note", ui.BUTTONS))))
        ui.type_text(SLIP_NOTE)
        wait_for("the second note's title in the list", lambda: SLIP_NOTE in showing_texts(frame))
        ui.click(wait_for("the Delete note button", lambda: ui.find_shown(
            frame, ui.named("Delete note", ui.BUTTONS))))
        undo = wait_for("the Undo of the note's toast", lambda: app_button("Undo"))
        later = FeedServer(json.dumps(SLIP_FEED).encode(), path=slip_path, port=server.port)
        try:
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+r"], check=True)
            wait_for(f"the window title {SLIP_FEED['event']['title']!r} after the download",
                     lambda: frame.name == SLIP_FEED["event"]["title"])
            undo.queryAction().doAction(0)
            wait_for(lambda: f"the note taken back among the event's (the pane shows"
                     f" {showing_texts(frame)})", lambda: SLIP_NOTE in showing_texts(frame))
            quit_app(proc)
        finally:
            later.stop()
        proc, frame = restart_to_note(SLIP_FEED["event"]["title"], SLIP_NOTE)
        log("a note deleted while its event waited, taken back after the download, is the"
            " event's")

        # A removal not taken back is final, even when the app quits while Undo is offered.
        offline_title = SLIP_FEED["event"]["title"]
        wait_for("the Events button", open_events)
        wait_for("the Remove button", lambda: app_button("Remove")).queryAction().doAction(0)
        wait_for("the toast saying the event was removed",
                 lambda: f"“{offline_title}” removed" in showing_texts(frame))
        quit_app(proc)
        proc, frame = start(run, [])
        wait_for(lambda: f"another event after the restart (the window shows {frame.name!r})",
                 lambda: frame.name not in (None, "", "Delegate", offline_title))
        wait_for("the Events button", open_events)
        app = ui.find_app(proc.pid)
        wait_for("the events list", event_rows)
        rows = event_rows()
        if any(offline_title in (name or "") for name in rows):
            raise Failure(f"the removed event is still in the events list: {rows}")
        log("an event removed just before quitting stays removed")
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        quit_app(proc)

        # A damaged database (a crash, a bad disk): moved aside, said so, and the app starts
        # on the built-in forum.
        data_home = os.environ["XDG_DATA_HOME"]
        dbs = [os.path.join(root, "delegate.db") for root, _, files in os.walk(data_home)
               if "delegate.db" in files]
        if len(dbs) != 1:
            raise Failure(f"expected one delegate.db under {data_home}, found {dbs}")
        with open(dbs[0], "wb") as f:
            f.write(b"not a database at all " * 100)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(dbs[0] + suffix):
                os.remove(dbs[0] + suffix)
        proc, frame = start(run, [])
        wait_for(f"the built-in forum {BUILTIN!r} (the window shows {frame.name!r})",
                 lambda: frame.name == BUILTIN)
        notice = wait_for("the notice that the saved data was moved aside",
                          lambda: [t for t in showing_texts(frame)
                                   if t.startswith("Your saved events were damaged")])
        log(f"notice: {notice[0]!r}")
        if not any(name.startswith("delegate.db.corrupt-")
                   for name in os.listdir(os.path.dirname(dbs[0]))):
            raise Failure("the damaged file was not kept beside the new one")
        screenshot("damaged-store")

        # The only event removed: the window says there is none and offers to add one, where
        # the panes would speak of an event not downloaded yet; Undo brings it back.
        wait_for("the Events button", open_events)
        wait_for("the Remove button", lambda: app_button("Remove")).queryAction().doAction(0)
        wait_for(lambda: f"“No Events” (the window shows {showing_texts(frame)})",
                 lambda: "No Events" in showing_texts(frame))
        wait_for("the page's Add Event button", lambda: ui.find_shown(
            frame, ui.named("Add Event…", ui.BUTTONS)))
        if ui.find_shown(frame, ui.label("Not Downloaded Yet")) is not None:
            raise Failure("with no event at all, a pane says one is not downloaded yet")
        screenshot("no-events")
        wait_for("the toast's Undo", lambda: app_button("Undo")).queryAction().doAction(0)
        wait_for(f"the built-in forum back after Undo (the window shows {frame.name!r})",
                 lambda: frame.name == BUILTIN)
        log("with every event removed the window says so; Undo brings the forum back")
        quit_app(proc)


if __name__ == "__main__":
    ui.run_test(main)
