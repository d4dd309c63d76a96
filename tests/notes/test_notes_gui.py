#!/usr/bin/python3
"""The Notes pane driven like a person through the accessibility tree (issue 6).

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_notes_gui.py DELEGATE SCREENSHOT_DIR

With the built-in feed, as a person would:
- presses Ctrl+F and searches the best practices for what none has, and clears that with
  Escape;
- opens a best practice, whose Markdown body shows as text, and presses its "Note" button;
- the Notes page opens on a new note about that best practice: types a title and a text;
- waits for "All changes saved" (the autosave), then the app is killed with SIGKILL;
- starts again: the note is in the Notes list, attached to the best practice, every word there;
- (at the end) starts notes from a session's and a member's page with their Note buttons, and
  one with Ctrl+N from the agenda;
- types more and quits at once with Ctrl+Q: the next start has that too; types more and ends
  it with SIGTERM (a logout, `kill`) right away: the next start has that too; types more
  and is killed with SIGKILL 0.3 s after the last key: the next start has every key;
- deletes the note, and Undo in the toast brings it back;
- Ctrl+F and a search find the note and the best practices that match, and Escape clears it;
- exports the trip report through the menu and the file chooser: the file holds the notes and
  a toast says it was saved; then exports it as a PDF the same way, and a PDF is written; then
  as a document for a word processor (.odt), which holds the notes.
The helpers that find, wait for and click things are in tests/gui/atspi.py.
"""

import os
import signal
import sys
import time
import zipfile

import pyatspi

# The helpers shared by the tests that drive the app through the accessibility tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import (BUTTONS, LISTS, Failure, click, content_of, find,  # noqa: E402
                   find_app, find_shown, on_screen, role, states, text_of, wait_for, xdo)

EXE, SHOTS = sys.argv[1], sys.argv[2]
PRACTICE = "Integrated ICT to accelerate Smart City development"
PRACTICE_BODY = "Using integrated information and communication technology"
TITLE = "Kupang visit"
BODY = "Ask about the ICT budget."
MORE = " Then the command centre."
LAST = " And the open data portal."
CRASH = " Budget: see the annex."

shots = ui.Screenshots(SHOTS)
LOG = os.path.join(SHOTS, "delegate.log")


def log(msg):
    print(f"# {msg}", flush=True)


def screenshot(name):
    shots.take(name)


def type_text(text):
    ui.type_text(text, delay=30)


class App(ui.App):
    """The app started (its output in LOG) and showing the built-in event, and the Notes
    pane's ways of finding things in it."""

    def __init__(self, env):
        super().__init__(EXE, env, LOG)
        wait_for("the built-in event's title", lambda: "Citynet" in (self.frame.name or ""))

    def tab(self, name):
        button = wait_for(f"the view switcher button {name!r}", lambda: find_shown(
            self.frame, lambda a: a.name == name and role(a) in BUTTONS))
        click(button)
        wait_for(f"page {name!r} to be shown", lambda: any(
            states(button).contains(s) for s in (pyatspi.STATE_CHECKED, pyatspi.STATE_SELECTED,
                                                 pyatspi.STATE_PRESSED)))

    def button(self, name):
        return wait_for(f"the button {name!r}", lambda: find_shown(
            self.frame, lambda a: a.name == name and role(a) in BUTTONS))

    def note_button(self, about):
        """The Note button of the page shown, about a "session", "member" or "best practice":
        each pane's page has one, and GTK 4.8 leaves hidden pages their place in the tree,
        where clicking a hidden one clicked whatever the page shown has there."""
        return wait_for(f"the Note button about this {about}", lambda: find_shown(
            self.frame, lambda a: a.name == "Note" and role(a) in BUTTONS
            and a.description == f"Write a note about this {about}"))

    def label(self, text, exact=True):
        return wait_for(f"the text {text!r}", lambda: find_shown(
            self.frame, lambda a: role(a) == pyatspi.ROLE_LABEL and (
                text_of(a) == text if exact else text in text_of(a))))

    def editor(self):
        title = wait_for("the note title entry", lambda: find_shown(
            self.frame, lambda a: a.name == "Note title"))
        body = wait_for("the note text", lambda: find_shown(
            self.frame, lambda a: a.name == "Note text"))
        return title, body

    def open_note(self, title):
        lst = wait_for("the Notes list", lambda: find_shown(
            self.frame, lambda a: a.name == "Notes" and role(a) in LISTS))
        row = wait_for(f"the note {title!r} in the list", lambda: find_shown(
            lst, lambda a: text_of(a) == title))
        # A screen reader on the row says what it shows: the note's heading, then its line below.
        item = row
        while item is not None and role(item) != pyatspi.ROLE_LIST_ITEM:
            item = item.parent
        wait_for(lambda: f"the note's row to be named after its title (it is {item.name!r})",
                 lambda: item.name.startswith(title + ", "))
        log(f"the note's row is named {item.name!r}")
        click(row)
        t, b = self.editor()
        wait_for(f"the editor to show {title!r}", lambda: content_of(t) == title)
        return t, b

    def toast_undo(self):
        """The toast's Undo button. Toasts are the toast overlay's last child (GTK 4.8 names
        the button '_Undo Undo'); searching the whole window outlasts the toast."""
        node = self.frame
        for _ in range(4):
            toast = next((c for c in node if c is not None and text_of(c) == "AdwToastWidget"),
                         None)
            if toast is not None:
                return find(toast, lambda a: role(a) in BUTTONS and "Undo" in text_of(a))
            if node.childCount == 0:
                return None
            node = node[0]
        return None

    def saved(self):
        self.label("All changes saved")


def has_focus(entry):
    """The keyboard is in entry (in the text inside it, for a search entry)."""
    return any(states(a).contains(pyatspi.STATE_FOCUSED)
               for a in [entry, *ui.find_all(entry, lambda a: True)])


def menu_item(app, name, open_menu=None):
    """Opens the Trip Report button's menu, by a click or by open_menu() (a key), and returns
    its item @name.  Here (Xvfb, no window manager) the first click or key after a file
    chooser closed is lost as the window takes its focus back: then it tries again, and says
    so in the log."""
    for attempt in range(3):
        if open_menu is None:
            click(app.button("Trip report"))
        else:
            open_menu()
        try:
            return wait_for(f"the menu item {name!r}", lambda: find(
                find_app(app.proc.pid), lambda a: a.name == name
                and role(a) in (pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON)
                and on_screen(a)), timeout=5)
        except Failure:
            log(f"the menu did not open (attempt {attempt + 1}); again")
            xdo("key", "--clearmodifiers", "Escape")
    raise Failure(f"the menu with {name!r} never opened")


def save_as(app, title, path):
    """In the file chooser titled @title, types @path and saves."""
    wait_for(f"the file chooser {title!r}", lambda: next(
        (w for w in find_app(app.proc.pid) or []
         if w is not None and w != app.frame and w.name == title), None))
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("type", "--delay", "20", path)
    xdo("key", "--clearmodifiers", "Return")


def main():
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"
    # The app killed at the end, however the test ends, and its output printed; the window's
    # tree printed on a failure only with DELEGATE_GUI_DUMP set.
    with ui.Run(shots, report=bool(os.environ.get("DELEGATE_GUI_DUMP")), echo=LOG) as run:
        # 1. A note from a best practice's page.
        app = run.app = App(env)
        app.tab("Best practices")
        lst = wait_for("the best practices list", lambda: find_shown(
            app.frame, lambda a: a.name == "Best practices" and role(a) in LISTS))
        # A search that matches nothing, and Escape, which clears it.
        search = wait_for("the best practices search", lambda: find_shown(
            app.frame, lambda a: a.name == "Search best practices"))
        # Ctrl+F, from the pane's tab just clicked, takes the keyboard to the search.
        xdo("key", "--clearmodifiers", "ctrl+f")
        wait_for("Ctrl+F to take the keyboard to the best practices search",
                 lambda: has_focus(search))
        type_text("zzz")
        wait_for(f"'zzz' to hide {PRACTICE!r}", lambda: not find_shown(
            app.frame, lambda a: text_of(a) == PRACTICE))
        xdo("key", "--clearmodifiers", "Escape")
        wait_for(lambda: f"Escape to clear the search (it holds {content_of(search)!r})"
                 f" and bring back {PRACTICE!r}", lambda: content_of(search) == ""
                 and find_shown(app.frame, lambda a: text_of(a) == PRACTICE))
        log("Escape clears the best practices search")
        lst = wait_for("the best practices list", lambda: find_shown(
            app.frame, lambda a: a.name == "Best practices" and role(a) in LISTS))
        row = wait_for(f"{PRACTICE!r} in the list", lambda: find_shown(
            lst, lambda a: text_of(a) == PRACTICE))
        click(row)
        try:
            app.label(PRACTICE_BODY, exact=False)
        except Failure:
            xdo("key", "--clearmodifiers", "Return")
            app.label(PRACTICE_BODY, exact=False)
        screenshot("practice")
        log("the best practice's body shows as text")
        click(app.note_button("best practice"))
        app.tab("Notes")
        app.label(f"Best practice: {PRACTICE}")
        title, body = app.editor()
        click(title)
        type_text(TITLE)
        click(body)
        type_text(BODY)
        wait_for("the typed text in the editor", lambda: content_of(body) == BODY)
        app.saved()
        screenshot("typed")
        log("a note about the best practice is typed and saved automatically")

        # 2. kill -9 after the autosave: nothing saved is lost.
        app.proc.send_signal(signal.SIGKILL)
        app.proc.wait()
        log("the app was killed with SIGKILL")
        app = run.app = App(env)
        xdo("key", "--clearmodifiers", "ctrl+4")
        # Ctrl+4 puts the keyboard in the notes, at their search, past the Cases | Notes switch.
        wait_for("Ctrl+4 to take the keyboard to the notes' search", lambda: find(
            app.frame, lambda a: a.name == "Search notes and best practices"
            and states(a).contains(pyatspi.STATE_FOCUSED)))
        title, body = app.open_note(TITLE)
        wait_for("the note's text after the restart", lambda: content_of(body) == BODY)
        app.label(f"Best practice: {PRACTICE}")
        screenshot("after-kill")
        log("after the restart the note is there, whole and attached to the best practice")

        # 3. Quit at once after typing: saved on quit.
        click(body)
        xdo("key", "--clearmodifiers", "ctrl+End")
        type_text(MORE)
        wait_for("the added text", lambda: content_of(body) == BODY + MORE)
        xdo("key", "--clearmodifiers", "ctrl+q")
        wait_for("the app to quit on Ctrl+Q", lambda: app.proc.poll() is not None, timeout=10)
        if app.proc.returncode != 0:
            raise Failure(f"the app exited with status {app.proc.returncode} after Ctrl+Q")
        app = run.app = App(env)
        xdo("key", "--clearmodifiers", "ctrl+4")
        title, body = app.open_note(TITLE)
        wait_for("the text typed just before quitting", lambda: content_of(body) == BODY + MORE)
        log("text typed right before Ctrl+Q is there after the restart")

        # 3b. Ended by SIGTERM (a logout, `kill`) right after typing, before the
        # autosave: saved as on Quit.
        click(body)
        xdo("key", "--clearmodifiers", "ctrl+End")
        type_text(LAST)
        wait_for("the text typed before SIGTERM", lambda: content_of(body) == BODY + MORE + LAST)
        app.proc.send_signal(signal.SIGTERM)
        wait_for("the app to end on SIGTERM", lambda: app.proc.poll() is not None, timeout=10)
        if app.proc.returncode != 0:
            raise Failure(f"the app exited with status {app.proc.returncode} on SIGTERM")
        app = run.app = App(env)
        xdo("key", "--clearmodifiers", "ctrl+4")
        title, body = app.open_note(TITLE)
        wait_for("the text typed just before SIGTERM",
                 lambda: content_of(body) == BODY + MORE + LAST)
        log("text typed right before SIGTERM is there after the restart")

        # 3c. Killed (a crash, kill -9) a moment after the last key, with no pause
        # for an autosave: every key is in the store as soon as it is typed.
        click(body)
        xdo("key", "--clearmodifiers", "ctrl+End")
        type_text(CRASH)
        wait_for("the text typed before kill -9",
                 lambda: content_of(body) == BODY + MORE + LAST + CRASH)
        time.sleep(0.3)
        app.proc.send_signal(signal.SIGKILL)
        app.proc.wait()
        app = run.app = App(env)
        xdo("key", "--clearmodifiers", "ctrl+4")
        title, body = app.open_note(TITLE)
        wait_for("the text typed 0.3 s before kill -9",
                 lambda: content_of(body) == BODY + MORE + LAST + CRASH)
        log("text typed 0.3 s before kill -9 is there after the restart")

        # 4. Delete, then Undo.
        click(app.button("Delete note"))
        undo = wait_for("the Undo button of the toast", app.toast_undo)
        wait_for("the note to leave the list", lambda: find_shown(
            app.frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == TITLE) is None)
        # The keyboard is not left on the gone editor: with no note left, it is on "New Note".
        new_note = app.button("New Note")
        wait_for("the keyboard on 'New Note' once the only note is deleted",
                 lambda: has_focus(new_note))
        screenshot("deleted")
        click(undo)
        title, body = app.open_note(TITLE)
        wait_for("the note's text after Undo",
                 lambda: content_of(body) == BODY + MORE + LAST + CRASH)
        log("a deleted note comes back with Undo")

        # 5. Search across notes and best practices.
        search = wait_for("the notes search", lambda: find_shown(
            app.frame, lambda a: a.name == "Search notes and best practices"))
        xdo("key", "--clearmodifiers", "ctrl+f")
        wait_for("Ctrl+F to take the keyboard to the notes search", lambda: has_focus(search))
        type_text("ict")
        cases = wait_for("the matching best practices", lambda: find_shown(
            app.frame, lambda a: a.name == "Matching best practices" and role(a) in LISTS))
        wait_for(f"{PRACTICE!r} among the matching best practices", lambda: find_shown(
            cases, lambda a: text_of(a) == PRACTICE))
        wait_for("the note among the matching notes", lambda: find_shown(
            app.frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == TITLE))
        screenshot("search")
        log("a search finds the note and the best practice")
        xdo("key", "--clearmodifiers", "Escape")
        wait_for(lambda: f"Escape to clear the notes search (it holds {content_of(search)!r})",
                 lambda: content_of(search) == "" and not find_shown(
                     app.frame, lambda a: a.name == "Matching best practices"
                     and role(a) in LISTS))
        log("Escape clears the notes search")

        # 6. A note right from a session's page.
        app.tab("Agenda")
        sessions = wait_for("the Sessions list", lambda: find_shown(
            app.frame, lambda a: a.name == "Sessions" and role(a) in LISTS))
        click(wait_for("'Opening' in the agenda", lambda: find_shown(
            sessions, lambda a: text_of(a) == "Opening")))
        click(app.note_button("session"))
        app.label("Session: Opening")
        title, body = app.editor()
        click(title)
        type_text("Opening remarks")
        app.saved()
        screenshot("session-note")
        log("the Note button of a session starts a note attached to it")

        # 6b. "Note" again on the same session opens that note, not a second, empty one.
        app.tab("Agenda")
        click(wait_for("'Opening' in the agenda", lambda: find_shown(
            sessions, lambda a: text_of(a) == "Opening")))
        click(app.note_button("session"))
        app.label("Session: Opening")
        title, body = app.editor()
        wait_for(lambda: f"the session's note to open again (the title is {content_of(title)!r})",
                 lambda: content_of(title) == "Opening remarks")
        notes = wait_for("the Notes list", lambda: find_shown(
            app.frame, lambda a: a.name == "Notes" and role(a) in LISTS))
        attached = ui.find_all(notes, lambda a: role(a) == pyatspi.ROLE_LABEL
                               and text_of(a).startswith("Session: Opening"))
        if len(attached) != 1:
            raise Failure(f"{len(attached)} notes on 'Opening' are listed, not one")
        log("'Note' on a session with a note opens that note")

        # 7. And from a member's page.
        app.tab("Members")
        members = wait_for("the Members list", lambda: find_shown(
            app.frame, lambda a: a.name == "Members" and role(a) in LISTS))
        click(wait_for("'Kota Kupang' in the directory", lambda: find_shown(
            members, lambda a: text_of(a) == "Kota Kupang")))
        click(app.note_button("member"))
        app.label("Member: Kota Kupang")
        title, body = app.editor()
        click(title)
        type_text("Host city")
        app.saved()
        screenshot("member-note")
        log("the Note button of a member starts a note attached to it")

        # 7b. Ctrl+N from another pane: a free note, its title typed at once.
        xdo("key", "--clearmodifiers", "ctrl+1")
        app.label("Day 1, Wednesday 16 October", exact=False)
        xdo("key", "--clearmodifiers", "ctrl+n")
        title, body = app.editor()
        type_text("Quick thought")
        wait_for("the title typed right after Ctrl+N", lambda: content_of(title) == "Quick thought")
        app.saved()
        log("Ctrl+N from the agenda starts a free note with its title focused")

        # 8. After a restart, the session's note is there, still attached to the session.
        xdo("key", "--clearmodifiers", "ctrl+q")
        wait_for("the app to quit", lambda: app.proc.poll() is not None, timeout=10)
        app = run.app = App(env)
        xdo("key", "--clearmodifiers", "ctrl+4")
        app.open_note("Opening remarks")
        app.label("Session: Opening")
        log("after a restart the session's note is there, attached to 'Opening'")

        # 9. The trip report, saved where the delegate types, with a toast that says so.
        target = os.path.join(os.environ["XDG_DATA_HOME"], "kupang-report.md")
        ui.activate(menu_item(app, "Export Report as Markdown…"))
        save_as(app, "Export Trip Report as Markdown", target)
        wait_for(f"{target} to be written with the notes", lambda: os.path.exists(target)
                 and "Opening remarks" in open(target, encoding="utf-8").read()
                 and LAST.strip() in open(target, encoding="utf-8").read())
        app.label("Trip report saved")
        screenshot("report-saved")
        log(f"'Export Report as Markdown…' wrote the notes to {target}, and a toast says so")

        # 10. The same report as a PDF, through the same kind of file chooser.
        pdf = os.path.join(os.environ["XDG_DATA_HOME"], "kupang-report.pdf")
        ui.activate(menu_item(app, "Export Report as PDF…"))
        save_as(app, "Export Trip Report as PDF", pdf)
        wait_for(f"{pdf} to be written as a PDF", lambda: os.path.exists(pdf)
                 and os.path.getsize(pdf) > 1000 and open(pdf, "rb").read(5) == b"%PDF-")
        screenshot("report-pdf-saved")
        log(f"'Export Report as PDF…' wrote a PDF to {pdf}")

        # 11. And as a document to finish in a word processor (check-report-odt.py reads its
        # parts; here, that the delegate's note reached the file the chooser was given).
        # From the keyboard this time: Alt+R opens the Trip Report button's menu.
        odt = os.path.join(os.environ["XDG_DATA_HOME"], "kupang-report.odt")
        ui.activate(menu_item(app, "Export Report as Document…",
                              lambda: xdo("key", "--clearmodifiers", "alt+r")))
        save_as(app, "Export Trip Report as Document", odt)

        def odt_has_note():
            try:
                with zipfile.ZipFile(odt) as archive:
                    return (archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
                            and "Opening remarks" in archive.read("content.xml").decode())
            except (OSError, KeyError, zipfile.BadZipFile):
                return False
        wait_for(f"{odt} to be written as a document with the notes", odt_has_note)
        log(f"'Export Report as Document…' wrote an OpenDocument text to {odt}")

        xdo("key", "--clearmodifiers", "ctrl+q")
        wait_for("the app to quit", lambda: app.proc.poll() is not None, timeout=10)
        print("PASS", flush=True)


if __name__ == "__main__":
    ui.run_test(main)
