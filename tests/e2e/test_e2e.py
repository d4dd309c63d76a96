#!/usr/bin/python3
"""Delegate from end to end, installed and used like a delegate would use it.

Run by run-e2e.sh, which installs the build into a private root and starts this inside a
network namespace (loopback only), Xvfb, a private session bus and private XDG directories:
    test_e2e.py INSTALLED_DELEGATE FEED_JSON SCREENSHOT_DIR

Only the accessibility tree, the keyboard and clicks where the tree shows a widget:
 1. the first launch, offline, shows the Kupang forum in all three panes (the agenda, the
    members and a member's delegates, the best practices): screenshots of each;
 2. Ctrl+O, the address of a feed that a web server on 127.0.0.1 publishes (FEED_JSON with
    another event id and title), Enter: the window shows that event;
 3. Ctrl+F and "tour" narrow the agenda to "City tour"; its star puts it in "My schedule";
 4. a member opens with its delegates;
 5. the session's Note button starts a note about it; the text is saved as it is typed;
 6. the app is killed (SIGKILL) and started again: the event, the star and the note are there;
 7. the web server stops and Ctrl+R: the window says it is offline and shows the saved copy,
    and the sessions, the star and the note are all still there.
Screenshots land in SCREENSHOT_DIR (the panes in a 1280x800 window, light style), with the
app's output in delegate.log. On a failure the window's tree is printed and a screenshot taken.
"""

import fcntl
import json
import os
import socket
import struct
import sys
import time

import pyatspi

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import Failure, log, wait_for  # noqa: E402
from feed_server import FeedServer  # noqa: E402

EXE, FEED, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]

BUILTIN = "Citynet 2019 Best Practice Seminar and Sharing"
# The event the organiser publishes on the web: the Kupang feed under another id and title.
LIVE_ID = "citynet-2019-kupang-live"
LIVE = {"en": "Citynet Forum 2019 in Kupang, live", "id": "Forum Citynet 2019 di Kupang, langsung"}
DAY1 = ["Press conference", "Opening", "Strategies for Smart City development"]
SESSIONS = DAY1 + [
    "Best practice sharing: Banyuwangi Regency",
    "Best practice from abroad",
    "Introducing the Citynet Indonesia programme",
    "City tour",
]
SESSION = "City tour"
SESSION_TEXT = "A tour of the host city, closing the programme."
MEMBER = "Kabupaten Sidoarjo"
DELEGATE = "H. Saiful Ilah, SH, M.Hum"
PRACTICE = "Integrated ICT to accelerate Smart City development"
NOTE_TITLE = "City tour questions"
NOTE_BODY = ("Ask how the command centre shares its data with the regencies.\n"
             "Visit the Smart City room after the tour.")
OFFLINE = "Offline: showing the saved copy from"
WIDTH, HEIGHT = 1280, 800

shots = ui.Screenshots(SHOTS)
LOG = os.path.join(SHOTS, "delegate.log")


# --- the world around the app ------------------------------------------------------------------

def loopback_up():
    """A new network namespace has its loopback device down: bring it up (SIOCSIFFLAGS), so
    the web server and the app can meet on 127.0.0.1 and nothing else."""
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        req = struct.pack("16sH14x", b"lo", 0)
        flags = struct.unpack("16sH14x", fcntl.ioctl(s, siocgifflags, req))[1]
        if not flags & iff_up:
            fcntl.ioctl(s, siocsifflags, struct.pack("16sH14x", b"lo", flags | iff_up))


def check_no_network():
    """The app can reach loopback and nothing else: the only network device is lo."""
    devices = [name for _, name in socket.if_nameindex()]
    if devices != ["lo"]:
        raise Failure(f"the test's network namespace has devices {devices}, not only lo")
    log("no network: the only device is lo")


def set_light_style():
    """The desktop asks for the default (light) style, in the private keyfile settings."""
    path = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[org/gnome/desktop/interface]\ncolor-scheme='default'\n")


def live_feed():
    """FEED_JSON as the organiser's web site publishes it: another event id and title."""
    with open(FEED, encoding="utf-8") as f:
        feed = json.load(f)
    feed["event"]["id"] = LIVE_ID
    feed["event"]["title"] = dict(LIVE)
    return json.dumps(feed, ensure_ascii=False).encode("utf-8")


# --- what a delegate sees --------------------------------------------------------------------------

def env_for_app():
    env = dict(os.environ)
    # Any warning or critical aborts the app, and the test with it.
    env["G_DEBUG"] = "fatal-warnings"
    return env


def start():
    return ui.App(EXE, env_for_app(), LOG)


def titles_shown(app, lst):
    """The session titles the list shows on screen, sorted."""
    return sorted(ui.text_of(a) for a in ui.find_all(lst, lambda a: ui.role(a) == pyatspi.ROLE_LABEL
                                                     and ui.text_of(a) in SESSIONS)
                  if ui.on_screen(a))


def the_list(app, name):
    return app.shown(f"the list {name!r}", ui.named(name, ui.LISTS))


def open_row(app, lst, title, opened):
    """Open a row like a person: click it, and press Enter if the click only selected it. If
    neither did anything (a busy machine: the list was still settling), look again and click
    again, once, as a person would."""
    for attempt in (1, 2):
        row = app.shown(f"{title!r} in the list", ui.named(title), root=lst)
        ui.click(row)
        try:
            return wait_for(f"{title!r} to open on a click", opened, timeout=3)
        except Failure:
            ui.key("Return")
        try:
            return wait_for(f"{title!r} to open", opened, timeout=5 if attempt == 1 else 20)
        except Failure:
            if attempt == 2:
                raise
            log(f"{title!r} did not open on a click or Enter: clicking it again")


def shows(app, text, exact=True):
    """A label on screen with text (or starting with it)."""
    return lambda: ui.find_shown(app.frame, ui.label(text, exact))


def row_of(lst, title):
    """The list item (row) that shows title."""
    found = ui.find(lst, ui.label(title))
    return found and ui.ancestor(found, pyatspi.ROLE_LIST_ITEM)


def star_button(lst, title, name):
    item = row_of(lst, title)
    return item and ui.find(item, ui.named(name, (pyatspi.ROLE_PUSH_BUTTON,)))


def my_schedule(app, on):
    """Turn the "My schedule" toggle on or off."""
    toggle = app.shown("the 'My schedule' toggle", ui.named("My schedule", ui.BUTTONS))
    if ui.selected(toggle) != on:
        ui.click(toggle)
        wait_for(f"'My schedule' to be {'on' if on else 'off'}",
                 lambda: ui.selected(toggle) == on)


def wait_title(app, title):
    wait_for(lambda: f"the window title {title!r} (it is {app.frame.name!r})",
             lambda: app.frame.name == title)


# --- the steps -------------------------------------------------------------------------------------

def first_launch(app):
    """Offline, the built-in Kupang forum fills all three panes."""
    wait_title(app, BUILTIN)
    app.resize(WIDTH, HEIGHT)
    log(f"first launch shows {BUILTIN!r}, window {WIDTH}x{HEIGHT}")

    app.tab("Agenda")
    sessions = the_list(app, "Sessions")
    wait_for(lambda: f"day 1's sessions (the list shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == sorted(DAY1))
    open_row(app, sessions, "Strategies for Smart City development",
             shows(app, "The Minister of Communication and Informatics on strategies",
                   exact=False))
    shots.take("agenda", app.frame)
    log("Agenda: day 1's three sessions, one opened")

    app.tab("Members")
    members = the_list(app, "Members")
    app.shown("Kota Kupang among the members", ui.named("Kota Kupang"), root=members)
    app.shown("the count '6 members'", ui.label("6 members"))
    open_row(app, members, "Kota Kupang", shows(app, "Host of the Citynet 2019", exact=False))
    shots.take("members", app.frame)
    open_row(app, members, MEMBER, lambda: ui.find_shown(
        the_list(app, "Delegates"), ui.named(DELEGATE)))
    shots.take("member-delegates", app.frame)
    log(f"Members: 6 members; {MEMBER} shows its delegate {DELEGATE!r}")

    app.tab("Best practices")
    practices = the_list(app, "Best practices")
    open_row(app, practices, PRACTICE, shows(
        app, "Using integrated information and communication technology", exact=False))
    shots.take("best-practices", app.frame)
    log(f"Best practices: {PRACTICE!r} opens with its text")

    # Nothing went wrong that the window would tell: no offline or error message.
    for start_of in ("Offline", "Could not"):
        found = ui.find_shown(app.frame, ui.label(start_of, exact=False))
        if found is not None:
            raise Failure(f"the first launch says {ui.text_of(found)!r}")


def add_feed(app, url):
    """Ctrl+O, type the address, Enter: the window shows the new event."""
    ui.key("ctrl+o")
    dialog = wait_for("the Add Event dialog", lambda: next(
        (w for w in app.windows() if w.name == "Add Event"), None))
    entry = wait_for("the address entry", lambda: ui.find_shown(
        dialog, lambda a: ui.role(a) in ui.ENTRIES))
    # Every control of the dialog has a name a screen reader can say (GTK 4.8 falls back to
    # the widget's type, "GtkListBox").
    nameless = [(a.getRoleName(), a.name) for a in ui.find_all(dialog, lambda a: ui.role(a) in (
        pyatspi.ROLE_LIST, pyatspi.ROLE_PUSH_BUTTON, *ui.ENTRIES))
        if not a.name or a.name.startswith("Gtk")]
    if nameless:
        raise Failure(f"controls of the Add Event dialog without a name: {nameless}")
    # The dialog opens ready to take the address: typed at once, with no click and no Tab,
    # it lands in the entry. (GTK 4.8 tells AT-SPI nothing of the focus, so the text says it.)
    ui.type_text(url, delay=20)
    wait_for(lambda: f"the entry to hold {url!r} (it holds {ui.content_of(entry)!r})",
             lambda: ui.content_of(entry) == url)
    shots.take("add-event")
    ui.key("Return")
    wait_title(app, LIVE["en"])
    wait_for("the Add Event dialog to close",
             lambda: not any(w.name == "Add Event" for w in app.windows()))
    log(f"Ctrl+O and {url} add {LIVE['en']!r}, now shown")


def search_and_star(app):
    """Ctrl+F "tour" finds the city tour; its star puts it, alone, in My schedule."""
    ui.key("ctrl+1")
    sessions = the_list(app, "Sessions")
    my_schedule(app, False)
    wait_for(lambda: f"day 1's sessions of the new event (it shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == sorted(DAY1))
    entry = app.shown("the entry 'Search sessions'",
                      lambda a: a.name == "Search sessions" and ui.role(a) not in ui.LISTS)
    ui.key("ctrl+f")
    ui.type_text("tour", delay=60)
    wait_for(lambda: f"the search to hold 'tour' (it holds {ui.content_of(entry)!r})",
             lambda: ui.content_of(entry) == "tour")
    wait_for(lambda: f"the agenda to narrow to {SESSION!r} (it shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == [SESSION])
    shots.take("search", app.frame)
    log(f"Ctrl+F and 'tour' narrow the agenda to {SESSION!r}")

    ui.click(wait_for(f"the 'Star session' button of {SESSION!r}",
                      lambda: star_button(sessions, SESSION, "Star session")))
    wait_for("the button to become 'Unstar session'",
             lambda: star_button(sessions, SESSION, "Unstar session"))
    ui.click(entry)
    ui.key("ctrl+a", "BackSpace")
    wait_for(lambda: f"day 1 again after clearing the search (it shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == sorted(DAY1))
    my_schedule(app, True)
    wait_for(lambda: f"'My schedule' to show {SESSION!r} alone (it shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == [SESSION])
    shots.take("my-schedule", app.frame)
    log(f"starred {SESSION!r}: 'My schedule' shows it alone")
    return sessions


def member_and_delegates(app):
    ui.key("ctrl+2")
    members = the_list(app, "Members")
    open_row(app, members, MEMBER, lambda: ui.find_shown(
        the_list(app, "Delegates"), ui.named(DELEGATE)))
    log(f"{MEMBER} opens with its delegate {DELEGATE!r}")


def note_on_session(app):
    """From the session's page, its Note button: the note is about the session."""
    ui.key("ctrl+1")
    sessions = the_list(app, "Sessions")
    my_schedule(app, True)
    open_row(app, sessions, SESSION, shows(app, SESSION_TEXT, exact=False))
    ui.click(app.shown("the session's Note button", ui.named("Note", ui.BUTTONS)))
    app.shown(f"'Session: {SESSION}' above the note", ui.label(f"Session: {SESSION}"))
    title = app.shown("the note title entry", ui.named("Note title"))
    body = app.shown("the note text", ui.named("Note text"))
    ui.click(title)
    ui.type_text(NOTE_TITLE)
    ui.click(body)
    ui.type_text(NOTE_BODY)
    wait_for(lambda: f"the typed text in the note (it holds {ui.content_of(body)!r})",
             lambda: ui.content_of(body) == NOTE_BODY)
    app.shown("'All changes saved'", ui.label("All changes saved"))
    shots.take("notes", app.frame)
    log(f"a note on {SESSION!r} is typed and saved as it was typed")


def check_kept(app):
    """The event, the star and the note are all there."""
    wait_title(app, LIVE["en"])
    ui.key("ctrl+1")
    sessions = the_list(app, "Sessions")
    my_schedule(app, True)
    wait_for(lambda: f"'My schedule' to show {SESSION!r} (it shows {titles_shown(app, sessions)})",
             lambda: titles_shown(app, sessions) == [SESSION])
    ui.key("ctrl+4")
    notes = the_list(app, "Notes")
    open_row(app, notes, NOTE_TITLE, lambda: ui.find_shown(app.frame, ui.named("Note title")))
    title = app.shown("the note title entry", ui.named("Note title"))
    body = app.shown("the note text", ui.named("Note text"))
    wait_for(lambda: f"the note's title (it is {ui.content_of(title)!r})",
             lambda: ui.content_of(title) == NOTE_TITLE)
    wait_for(lambda: f"the note's text (it is {ui.content_of(body)!r})",
             lambda: ui.content_of(body) == NOTE_BODY)
    app.shown(f"the note still about 'Session: {SESSION}'", ui.label(f"Session: {SESSION}"))


def check_events_list(app):
    """The Events popover lists the built-in forum and the added event."""
    ui.activate(app.shown("the Events button", ui.named("Events", ui.BUTTONS)))

    # A popover's extents are those of its own surface: tell what it shows by VISIBLE.
    def listed():
        texts = ui.visible_texts(app.frame)
        return (BUILTIN in texts and LIVE["en"] in texts and "Updated just now" in texts
                and "Built into Delegate" in texts)
    # The built-in forum is never downloaded: it does not claim to have been updated.
    wait_for("both events in the Events list, the added one 'Updated just now', the built-in "
             "one 'Built into Delegate'", listed)

    # The buttons follow the last event: no empty band between them (the list once kept a
    # height of its own, 120 px, and two events left a blank third of the popover).
    def visible(pred):
        return next(a for a in ui.find_all(app.frame, pred)
                    if ui.states(a).contains(pyatspi.STATE_VISIBLE)
                    and ui.extents(a).height > 0)
    events = visible(lambda a: ui.role(a) == pyatspi.ROLE_LIST and a.name == "Events")
    add = visible(ui.named("Add Event…", ui.BUTTONS))
    rows = [ui.extents(r) for r in events if r is not None and ui.extents(r).height > 0]
    gap = ui.extents(add).y - max(r.y + r.height for r in rows)
    log(f"the Events list: {len(rows)} rows, {gap} px from the last to the buttons")
    if gap > 24:
        raise Failure(f"an empty band of {gap} px between the last event and the buttons")
    shots.take("events")
    ui.key("Escape")
    log("the Events list holds the built-in forum and the added event")


def cpu_ms(app):
    """CPU time the app has used so far (user and system), in ms."""
    with open(f"/proc/{app.proc.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def check_idle(app):
    """A window that nothing happens in costs no CPU: in a venue, laptops run on battery.
    (A hidden spinner left spinning once made GTK draw 60 frames a second, forever.)"""
    time.sleep(3)  # the start and the first sync
    before = cpu_ms(app)
    time.sleep(5)
    used = cpu_ms(app) - before
    log(f"left alone for 5 s, the app used {used:.0f} ms of CPU")
    if used > 100:
        raise Failure(f"the app used {used:.0f} ms of CPU in 5 s with nothing to do")


def main():
    if os.environ.get("DELEGATE_E2E_NONET"):
        loopback_up()
        check_no_network()
    set_light_style()
    server = FeedServer(live_feed(), path="/citynet-2019.json", etag='"live-1"')
    log(f"the organiser's feed is at {server.url}")
    # On a failure: a screenshot and the window's tree; however it ends, the app is killed and
    # its output printed.
    with ui.Run(shots, report=True, echo=LOG) as run:
        # 1. The first launch, with no network: the built-in forum.
        app = run.app = start()
        first_launch(app)

        # 2.-5. Add the published event, search, star, a member, a note.
        add_feed(app, server.url)
        search_and_star(app)
        member_and_delegates(app)
        note_on_session(app)

        # 6. A crash: everything typed, starred and added is there after a restart.
        app.kill()
        log("the app was killed with SIGKILL")
        app = run.app = start()
        check_idle(app)
        check_events_list(app)
        check_kept(app)
        log("after the restart: the event, the star and the note are there")

        # 7. The web server goes away; asking for an update says so and loses nothing.
        server.stop()
        ui.key("ctrl+1")
        sessions = the_list(app, "Sessions")
        my_schedule(app, True)
        open_row(app, sessions, SESSION, shows(app, SESSION_TEXT, exact=False))
        ui.key("ctrl+r")
        banner = wait_for("the offline message", lambda: ui.find_shown(
            app.frame, ui.label(OFFLINE, exact=False)))
        log(f"Ctrl+R with the server gone: {ui.text_of(banner)!r}")
        shots.take("offline", app.frame)
        check_kept(app)
        log("offline, the sessions, the star and the note are all still there")
        ui.key("ctrl+1")
        my_schedule(app, False)
        sessions = the_list(app, "Sessions")
        wait_for(lambda: f"day 1's sessions offline (it shows {titles_shown(app, sessions)})",
                 lambda: titles_shown(app, sessions) == sorted(DAY1))
        app.quit()
        log("PASS")


if __name__ == "__main__":
    try:
        main()
    except ui.DisplayTaken as e:
        log(f"note: {e}")
        sys.exit(3)
    except Failure as e:
        log(f"FAIL: {e}")
        sys.exit(1)
