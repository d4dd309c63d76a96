#!/usr/bin/python3
"""The members pane, driven like a person through the accessibility tree.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_members_gui.py DELEGATE SCREENSHOT_DIR

With the built-in feed (6 members), in English, a delegate:
- opens the Members page (Ctrl+2) and sees "6 members", sorted by the place's name without
  "Kabupaten" or "Kota" (Banyuwangi, Citynet, Kementerian, Kupang, Semarang, Sidoarjo);
- types "sido" straight away, with no click: the list narrows to Kabupaten Sidoarjo, and
  Escape brings all 6 back;
- types "saiful" in the search: the list narrows to Kabupaten Sidoarjo and Citynet Indonesia,
  "2 of 6 members" (the head of region's and a delegate's name are searched);
- opens Kabupaten Sidoarjo: its delegate H. Saiful Ilah and the session it presents in;
- follows the session link to the Agenda page, which shows that session;
- back on Members, with the keyboard on Kota Kupang's row, types "kota kupang": the search
  holds it, space and all, and the list narrows to Kota Kupang;
- back on Members, from the list, presses Ctrl+F and types "banyu" (the old search replaced),
  and Down takes the keyboard to the list;
  opens Kabupaten Banyuwangi, where Enter takes the keyboard to its title and Ctrl+F from
  there back to the search, and follows its best practice
  to the Best practices page, which shows it;
- a search that matches nothing says so;
- with that search still on, finds "Export Shown Members…" greyed out in the export menu, and
  exports all members through the file chooser: the file holds a vCard for each member and
  delegate.
Then, started with tests/members/fixtures/complete.json (a feed with every contact detail):
- opens Contoh City: website, e-mail, phone and address, the delegates' e-mail and phone, each
  with its link and a copy button; copying the e-mail says "Copied", and pasting it into the
  search gives the address back;
- the organiser changes the feed and the delegate presses Update: the search and the member's
  page stay, showing the new text;
- on a 560 px window, Contoh City opened, scrolled down, left with Escape and opened again
  starts at its name.
Screenshots of each step land in SCREENSHOT_DIR, the app's output in delegate.log.
"""

import os
import shutil
import subprocess
import sys

import pyatspi
import vobject
from gi.repository import GLib

# The helpers shared by the tests that drive the app through the accessibility tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import (LISTS, Failure, click, content_of, extents, find, find_all, find_app,  # noqa: E402
                   log, on_screen, open_row, role, rows_of, selected, states, tab, text_of,
                   the_list, wait_for, xdo)

EXE, SHOTS = sys.argv[1], sys.argv[2]
shots = ui.Screenshots(SHOTS)


def screenshot(name):
    shots.take(name)


def label_with(frame, text, exact=True):
    return find(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and (
        text_of(a) == text if exact else text_of(a).startswith(text)) and on_screen(a))


def search(frame, entry, text):
    """Select what the search holds and type text over it, key by key."""
    click(entry)
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("type", "--delay", "60", text)


MEMBERS = ["Kabupaten Sidoarjo", "Kota Kupang", "Kabupaten Banyuwangi", "Kota Semarang",
           "Kementerian Komunikasi dan Informatika RI", "Citynet Indonesia"]
# Sorted by name as a delegate looks them up: Banyuwangi under B, Kupang under K, Semarang and
# Sidoarjo under S (until 2 December every "Kabupaten" and "Kota" sat together under K).
BY_NAME = ["Kabupaten Banyuwangi", "Citynet Indonesia", "Kementerian Komunikasi dan Informatika RI",
           "Kota Kupang", "Kota Semarang", "Kabupaten Sidoarjo"]


def order_shown(lst, names):
    """Which of names the list shows on screen, from top to bottom."""
    rows = []
    for n in names:
        a = find(lst, lambda a, n=n: text_of(a) == n)
        if a is not None and on_screen(a):
            rows.append((extents(a).y, n))
    return [n for _, n in sorted(rows)]


def check_members(app, frame):
    xdo("key", "--clearmodifiers", "ctrl+2")
    members_tab = tab(frame, "Members")
    wait_for("the Members page", lambda: selected(members_tab))

    lst = the_list(frame, "Members")
    wait_for("all 6 members in the list", lambda: rows_of(lst, MEMBERS) == sorted(MEMBERS))
    wait_for("the count '6 members'", lambda: label_with(frame, "6 members"))
    wait_for(lambda: f"the members in the order {BY_NAME} (the list shows "
                     f"{order_shown(lst, MEMBERS)})", lambda: order_shown(lst, MEMBERS) == BY_NAME)
    entry = wait_for("the search entry 'Search members'", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Search members"
                             and role(a) not in LISTS) if on_screen(a)), None))
    for name in ("Filter by place", "Filter by kind", "Sort members", "Export contacts"):
        wait_for(f"the control {name!r}", lambda name=name: find(frame, lambda a: a.name == name))
    screenshot("members")
    log("the Members page lists 6 members, with search, filters, sort and export")

    # Straight after Ctrl+2, with no click, typing searches the pane; Escape clears it.
    xdo("type", "--delay", "60", "sido")
    wait_for(lambda: f"'sido', typed after Ctrl+2, to narrow the list to Kabupaten Sidoarjo"
             f" (the search holds {content_of(entry)!r}, the list shows {rows_of(lst, MEMBERS)})",
             lambda: rows_of(lst, MEMBERS) == ["Kabupaten Sidoarjo"])
    xdo("key", "--clearmodifiers", "Escape")
    wait_for("Escape to bring all 6 members back", lambda: rows_of(lst, MEMBERS) == sorted(MEMBERS))
    log("typing after Ctrl+2 searches the members; Escape clears that")

    # Then Down and Enter open what was found: Down goes to its row even when no row of the
    # list has had the keyboard yet (GTK 4.8 then gave it to the list itself, where Enter did
    # nothing and no row showed it).
    xdo("type", "--delay", "60", "semar")
    wait_for(lambda: f"'semar' to narrow the list to Kota Semarang (it shows {rows_of(lst, MEMBERS)})",
             lambda: rows_of(lst, MEMBERS) == ["Kota Semarang"])
    xdo("key", "--clearmodifiers", "Down")
    xdo("key", "--clearmodifiers", "Return")
    wait_for("Down, then Enter, to open Kota Semarang", lambda: find(
        frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == "Kota Semarang"
        and states(a).contains(pyatspi.STATE_FOCUSED)))
    log("after a search, Down and Enter open the member found")

    # Typing narrows the list, letter by letter; a head of region and a delegate are found.
    search(frame, entry, "saiful")
    want = sorted(["Kabupaten Sidoarjo", "Citynet Indonesia"])
    wait_for(lambda: f"the list to narrow to {want} (it shows {rows_of(lst, MEMBERS)})",
             lambda: rows_of(lst, MEMBERS) == want)
    wait_for("the count '2 of 6 members'", lambda: label_with(frame, "2 of 6 members"))
    screenshot("search-saiful")
    log("typing 'saiful' narrows the list to Kabupaten Sidoarjo and Citynet Indonesia")

    # Opening a member shows its delegates and the session it presents in.
    def sidoarjo_open():
        delegates = find(frame, lambda a: a.name == "Delegates" and role(a) in LISTS
                         and on_screen(a))
        return delegates and find(delegates,
                                  lambda a: text_of(a) == "H. Saiful Ilah, SH, M.Hum")
    open_row(frame, lst, "Kabupaten Sidoarjo", sidoarjo_open)
    # Under a heading that spells "Smart City" as the programme and the feed do.
    wait_for("Sidoarjo's Smart City programme under 'Smart City'",
             lambda: label_with(frame, "Smart City")
             and label_with(frame, "Movement Towards 100 Smart Cities"))
    sessions = the_list(frame, "Presents in")
    link = wait_for("the session 'Press conference' under 'Presents in'",
                    lambda: find(sessions, lambda a: text_of(a) == "Press conference"))
    screenshot("sidoarjo")
    log("Kabupaten Sidoarjo shows its delegate and the session it presents in")
    wait_for("Sidoarjo's regent under 'Head of region'",
             lambda: label_with(frame, "Head of region") and label_with(frame, "Bupati: H. Saiful Ilah, SH, M.Hum"))

    # A screen reader on those rows says what they show.
    def item_names(view):
        return [a.name for a in find_all(view, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM)]
    for view, name in ((the_list(frame, "Delegates"),
                        "H. Saiful Ilah, SH, M.Hum, Regent (Bupati) of Sidoarjo, "
                        "President of Citynet Indonesia 2017\u20132021"),
                       (sessions, "Press conference, Day 1, time to be announced")):
        wait_for(lambda: f"a row named {name!r} (the rows are named {item_names(view)})",
                 lambda: name in item_names(view))
    log("the delegate's and the session's rows are named after what they show")

    # The session link opens the Agenda page on that session.
    click(link)
    agenda_tab = tab(frame, "Agenda")
    wait_for("the Agenda page after the session link", lambda: selected(agenda_tab))
    wait_for("the press conference's detail",
             lambda: label_with(frame, "The President of Citynet Indonesia, the Regent of "
                                       "Sidoarjo", exact=False))
    screenshot("agenda-from-member")
    log("'Press conference' opens on the Agenda page")

    # A network's president is not a head of region: until 2 December every member's head
    # was shown under "Head of region", a ministry's minister and Citynet's president too.
    xdo("key", "--clearmodifiers", "ctrl+2")
    wait_for("the Members page again", lambda: selected(members_tab))
    open_row(frame, lst, "Citynet Indonesia",
             lambda: label_with(frame, "Presiden: H. Saiful Ilah, SH, M.Hum"))
    wait_for("Citynet's president under 'Led by'", lambda: label_with(frame, "Led by"))
    if label_with(frame, "Head of region"):
        raise Failure("Citynet Indonesia, an organisation, shows a 'Head of region'")
    log("an organisation's head is shown under 'Led by', not 'Head of region'")

    # With the keyboard on a member's row, typing searches, spaces and all: "kota kupang" typed
    # there searched for "kotakupang" until 4 December (the search left each space to the row).
    xdo("key", "--clearmodifiers", "ctrl+2")
    wait_for("the Members page again", lambda: selected(members_tab))
    click(entry)
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("key", "--clearmodifiers", "BackSpace")
    wait_for(lambda: f"an empty search to list all 6 members (it holds {content_of(entry)!r})",
             lambda: rows_of(lst, MEMBERS) == sorted(MEMBERS))
    click(wait_for("Kota Kupang in the list",
                   lambda: find(lst, lambda a: text_of(a) == "Kota Kupang")))
    wait_for("the keyboard on a row of the list", lambda: any(
        states(a).contains(pyatspi.STATE_FOCUSED) for a in find_all(lst, lambda a: True)))
    xdo("type", "--delay", "60", "kota kupang")
    wait_for(lambda: f"'kota kupang', typed on a row, in the search (it holds "
                     f"{content_of(entry)!r})", lambda: content_of(entry) == "kota kupang")
    wait_for(lambda: f"'kota kupang' to narrow the list to Kota Kupang (it shows "
                     f"{rows_of(lst, MEMBERS)})", lambda: rows_of(lst, MEMBERS) == ["Kota Kupang"])
    screenshot("typed-on-a-row")
    log("'kota kupang' typed with the keyboard on a row goes to the search, its space too")
    search(frame, entry, "saiful")
    wait_for(lambda: f"'saiful' again (the list shows {rows_of(lst, MEMBERS)})",
             lambda: rows_of(lst, MEMBERS) == sorted(["Kabupaten Sidoarjo", "Citynet Indonesia"]))

    # Back to the members, in the list: Ctrl+F takes the keyboard to the search, its old text
    # selected, and typing replaces it.
    xdo("key", "--clearmodifiers", "ctrl+2")
    wait_for("the Members page again", lambda: selected(members_tab))
    click(wait_for("Kabupaten Sidoarjo in the list",
                   lambda: find(lst, lambda a: text_of(a) == "Kabupaten Sidoarjo")))
    def search_focused():
        return any(states(a).contains(pyatspi.STATE_FOCUSED)
                   for a in [entry, *find_all(entry, lambda a: True)])
    wait_for("the keyboard in the list, not the search", lambda: not search_focused())
    xdo("key", "--clearmodifiers", "ctrl+f")
    wait_for("Ctrl+F to take the keyboard to the search", search_focused)
    xdo("type", "--delay", "60", "banyu")
    log("Ctrl+F from the list, then 'banyu'")
    wait_for(lambda: "the list to narrow to Kabupaten Banyuwangi (it shows "
                     f"{rows_of(lst, MEMBERS)})",
             lambda: rows_of(lst, MEMBERS) == ["Kabupaten Banyuwangi"])
    wait_for("the count '1 of 6 members'", lambda: label_with(frame, "1 of 6 members"))
    # Ctrl+F again, from the search itself, selects its text too: typing starts a new search.
    xdo("key", "--clearmodifiers", "ctrl+f")
    xdo("type", "--delay", "60", "banyu")
    wait_for(lambda: f"'banyu' typed after a second Ctrl+F to replace the search (it holds "
                     f"{content_of(entry)!r})", lambda: content_of(entry) == "banyu")
    # Down from the search goes to what it found, not to the filters below it: to its first
    # row, where Enter opens it (the row focused before, Sidoarjo, is no longer listed: GTK
    # 4.8 then gave the keyboard to the list itself, where Enter did nothing).
    xdo("key", "--clearmodifiers", "Down")
    wait_for("Down from the search to take the keyboard to the row found", lambda: any(
        states(a).contains(pyatspi.STATE_FOCUSED)
        and "Kabupaten Banyuwangi" in [text_of(a), *[text_of(b) for b in find_all(a, lambda b: True)]]
        for a in find_all(lst, lambda a: True)))
    xdo("key", "--clearmodifiers", "Return")
    wait_for("Enter on it to open Kabupaten Banyuwangi", lambda: find(
        frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == "Kabupaten Banyuwangi"
        and states(a).contains(pyatspi.STATE_FOCUSED)))
    log("Down from the search, then Enter, opens the member found")
    open_row(frame, lst, "Kabupaten Banyuwangi", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Best practices shared"
                             and role(a) in LISTS) if on_screen(a)), None))
    # Enter on the row takes the keyboard to the member's title (for a screen reader to read
    # on); Ctrl+F from there still reaches the search.
    click(wait_for("Kabupaten Banyuwangi in the list",
                   lambda: find(lst, lambda a: text_of(a) == "Kabupaten Banyuwangi")))
    xdo("key", "--clearmodifiers", "Return")
    wait_for("Enter to take the keyboard to the member's title", lambda: find(
        frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == "Kabupaten Banyuwangi"
        and states(a).contains(pyatspi.STATE_FOCUSED)))
    xdo("key", "--clearmodifiers", "ctrl+f")
    wait_for("Ctrl+F from the member's title to take the keyboard to the search",
             search_focused)
    log("Ctrl+F from a member's title reaches the search")
    practices = the_list(frame, "Best practices shared")
    link = wait_for("the best practice under 'Best practices shared'", lambda: find(
        practices, lambda a: text_of(a) == "Integrated ICT to accelerate Smart City development"))
    screenshot("banyuwangi")
    click(link)
    practices_tab = tab(frame, "Best practices")
    wait_for("the Best practices page after the link", lambda: selected(practices_tab))
    wait_for("the best practice's detail", lambda: label_with(
        frame, "Using integrated information and communication technology", exact=False))
    screenshot("practice-from-member")
    log("Banyuwangi's best practice opens on the Best practices page")

    # A search that matches nothing says so.
    xdo("key", "--clearmodifiers", "ctrl+2")
    wait_for("the Members page again", lambda: selected(members_tab))
    search(frame, entry, "zzzz")
    wait_for("'No Matching Members'", lambda: label_with(frame, "No Matching Members"))
    wait_for("the count '0 of 6 members'", lambda: label_with(frame, "0 of 6 members"))
    screenshot("no-match")
    log("a search matching nothing shows 'No Matching Members'")


def click_menu_item(item):
    """Menu items live in a popover, whose extents are relative to the popover's own surface:
    activate them through their action instead of the pointer (as tests/gui does)."""
    try:
        action = item.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                try:
                    action.doAction(i)
                except GLib.GError as e:
                    # The app answers once the item's action has run; opening the file
                    # chooser can take longer than AT-SPI waits for that answer (800 ms).
                    # What the action did is checked next, by what appears on screen.
                    if "Did not receive a reply" not in str(e):
                        raise
                    log(f"the action of {item.name!r} answered late: {e}")
                return
    except NotImplementedError:
        pass
    click(item)


def check_export(app, frame):
    """Export all members through the menu and the file chooser, as a person would."""
    target = os.path.join(os.environ["XDG_DATA_HOME"], "citynet-members.vcf")
    button = wait_for("the button 'Export contacts'", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Export contacts") if on_screen(a)),
        None))
    click(button)
    # The search still shows no member: there is nothing shown to export, and the menu says so
    # (until 2 December "Export Shown Members…" could be chosen, and did nothing).
    shown_item = wait_for("the menu item 'Export Shown Members…'", lambda: find(
        app, lambda a: a.name == "Export Shown Members…" and role(a) in (
            pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON)))
    wait_for("'Export Shown Members…' greyed out with no member shown",
             lambda: not states(shown_item).contains(pyatspi.STATE_SENSITIVE))
    item = wait_for("the menu item 'Export All Members…'", lambda: find(
        app, lambda a: a.name == "Export All Members…" and role(a) in (
            pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON)))
    click_menu_item(item)
    def chooser_window():
        # The dialog is a new top level of the app, titled by the page.
        return next((w for w in find_app(app.get_process_id()) or []
                     if w is not None and w != frame and w.name == "Export Contacts"), None)
    chooser = wait_for(lambda: "the file chooser 'Export Contacts' (the app's windows: "
                       + repr([(w.getRoleName(), w.name) for w in app if w is not None]) + ")",
                       chooser_window)
    screenshot("export-chooser")
    # The name field has the focus, with "Members.vcf" suggested: type a whole path over it.
    def contents(acc):
        try:
            t = acc.queryText()
            return t.getText(0, t.characterCount)
        except NotImplementedError:
            return ""
    wait_for("the suggested name 'Members.vcf'",
             lambda: find(chooser, lambda a: contents(a) == "Members.vcf"))
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("type", "--delay", "20", target)
    xdo("key", "--clearmodifiers", "Return")
    wait_for(f"{target} to be written", lambda: os.path.exists(target)
             and open(target, "rb").read().endswith(b"END:VCARD\r\n"))
    wait_for("the toast '6 members exported'",
             lambda: find(frame, lambda a: text_of(a) == "6 members exported"))
    with open(target, "rb") as f:
        cards = f.read()
    # 6 members and Sidoarjo's one delegate
    if cards.count(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") != 7:
        raise Failure(f"expected 7 vCard 3.0 cards in {target}, found "
                      f"{cards.count(b'BEGIN:VCARD')}")
    # What an address book reads: the 6 members as companies, the delegate as a person.
    companies = [c.fn.value for c in vobject.readComponents(cards.decode("utf-8"))
                 if "x-abshowas" in c.contents and c.x_abshowas.value == "COMPANY"]
    if len(companies) != 6:
        raise Failure(f"expected the 6 members' cards shown as companies, found {companies}")
    if b"FN:H. Saiful Ilah\\, SH\\, M.Hum\r\n" not in cards:
        raise Failure("the delegate's card is missing or not escaped")
    screenshot("exported")
    log(f"'Export All Members…' wrote 7 vCards to {target}")


def run_app(args, scenario, logname):
    """Start the app with args, wait for its window and play scenario(app, frame) on it."""
    logpath = os.path.join(SHOTS, logname)
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"  # a warning or critical in the app fails the test
    # Killed at the end, however the run ends, and its output printed with logname.
    with ui.Run(shots, echo=logpath) as run:
        run.app = ui.App(EXE, env, logpath, args=args)
        log(f"window appeared: {run.app.frame.name!r}")
        scenario(run.app.app, run.app.frame)
        if run.app.proc.poll() is not None:
            raise Failure(f"the app exited with status {run.app.proc.returncode}")


def built_in(app, frame):
    check_members(app, frame)
    check_export(app, frame)


COMPLETE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "complete.json")


def contacts(app, frame):
    """A feed with every contact detail: each opens as the right link and can be copied."""
    wait_for(lambda: f"the event 'Members, complete' (the window is {frame.name!r})",
             lambda: frame.name == "Members, complete")
    xdo("key", "--clearmodifiers", "ctrl+2")
    members_tab = tab(frame, "Members")
    wait_for("the Members page", lambda: selected(members_tab))
    lst = the_list(frame, "Members")
    open_row(frame, lst, "Contoh City",
             lambda: label_with(frame, "Smart City masterplan: ready"))
    for name in ("Website: https://contoh.example.go.id/", "E-mail: humas@contoh.example.go.id",
                 "Phone: +62 22 555 0100", "E-mail: siti@contoh.example.go.id",
                 "Phone: +62 812 0000 0001", "Copy website address", "Copy phone number",
                 "Copy address"):
        wait_for(f"the button {name!r}", lambda name=name: find(
            frame, lambda a: a.name == name and role(a) == pyatspi.ROLE_PUSH_BUTTON))
    wait_for("the address", lambda: label_with(frame, "Jl. Merdeka No. 1; Gedung Sate, Bandung"))
    wait_for("the head of region", lambda: label_with(frame, "Mayor: Dr. Ayu Pratiwi, M.Si"))
    copies = wait_for("two 'Copy e-mail address' buttons (the member's, Siti's)", lambda: (
        lambda found: found if len(found) == 2 else None)(
        [a for a in find_all(frame, lambda a: a.name == "Copy e-mail address") if on_screen(a)]))
    # Two buttons of one name: each is described by what it copies, so that a screen reader
    # tells the member's from Siti's (until 2 December both were described "Copy e-mail
    # address", as named).
    wanted = ["humas@contoh.example.go.id", "siti@contoh.example.go.id"]
    wait_for(lambda: f"the copy buttons described {wanted} (they are "
                     f"{sorted(a.description for a in copies)})",
             lambda: sorted(a.description for a in copies) == wanted)
    screenshot("contacts")
    log("Contoh City shows its website, e-mail, phone and address, each with a copy button")

    click(copies[0])
    wait_for("the toast 'Copied'", lambda: find(frame, lambda a: text_of(a) == "Copied"))
    # Paste it where a person can read it back: the search entry.
    entry = wait_for("the search entry", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Search members"
                             and role(a) not in LISTS) if on_screen(a)), None))
    click(entry)
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("key", "--clearmodifiers", "ctrl+v")

    def pasted():
        for a in [entry, *find_all(entry, lambda a: True)]:
            try:
                t = a.queryText()
                if t.getText(0, t.characterCount) == "humas@contoh.example.go.id":
                    return True
            except NotImplementedError:
                continue
        return False
    wait_for("the copied e-mail address pasted into the search", pasted)
    screenshot("copied")
    log("'Copy e-mail address' copies humas@contoh.example.go.id and says 'Copied'")

    # The organiser updates the feed; the delegate reading Contoh City, in a search for it,
    # asks for the update and stays where they were, now reading the new text.
    click(entry)
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("type", "--delay", "60", "contoh")
    wait_for("the count '1 of 3 members'", lambda: label_with(frame, "1 of 3 members"))
    with open(FEED_COPY, encoding="utf-8") as f:
        feed = f.read()
    with open(FEED_COPY, "w", encoding="utf-8") as f:
        f.write(feed.replace("An example city for tests.", "An example city for tests, updated."))
    update = wait_for("the button 'Update the event'", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Update the event") if on_screen(a)),
        None))
    click(update)
    wait_for("Contoh City's new description after the update",
             lambda: label_with(frame, "An example city for tests, updated."))
    wait_for("the search kept: '1 of 3 members'", lambda: label_with(frame, "1 of 3 members"))
    wait_for("Contoh City's delegates still shown", lambda: label_with(
        frame, "Siti Nurhaliza, S.T., M.T."))
    screenshot("updated")
    log("after an update of the event, the search and Contoh City's page stay, with the new text")

    # On a narrow window, a member opened again after Back starts at its name, as it did the
    # first time (until 2 December it opened where it had been left, scrolled down, its name out
    # of sight).
    wid = next(w for w in subprocess.run(["xdotool", "search", "--pid", str(app.get_process_id())],
                                         capture_output=True, text=True).stdout.split()
               if subprocess.run(["xdotool", "getwindowname", w], capture_output=True,
                                 text=True).stdout.strip() == frame.name)
    xdo("windowsize", wid, str(560 + 2 * ui.BORDER), str(600 + 2 * ui.BORDER))
    wait_for("the window 560 px wide", lambda: extents(frame).width <= 570)

    def title_top():
        titles = [a for a in find_all(frame, ui.label("Contoh City"))
                  if ui.ancestor(a, pyatspi.ROLE_LIST_ITEM) is None and on_screen(a)]
        return extents(titles[0]).y if titles else None

    def open_contoh():
        search(frame, entry, "contoh")
        wait_for("the count '1 of 3 members'", lambda: label_with(frame, "1 of 3 members"))
        xdo("key", "--clearmodifiers", "Down")
        xdo("key", "--clearmodifiers", "Return")
        back = wait_for("the button 'Back to members'", lambda: ui.find_shown(
            frame, lambda a: a.name == "Back to members" and role(a) == pyatspi.ROLE_PUSH_BUTTON))
        wait_for("Contoh City's name in its page", lambda: title_top() is not None)
        return back

    back = open_contoh()
    top = title_top()
    screenshot("narrow-contoh")
    # Scroll down the page with the mouse wheel, to its delegates.
    ext = extents(back)
    xdo("mousemove", str(ui.BORDER + ext.x + 200), str(ui.BORDER + ext.y + 300),
        "click", "--repeat", "15", "--delay", "30", "5")
    wait_for(lambda: f"the page scrolled down (its name at y={title_top()}, first at {top})",
             lambda: title_top() < top - 100)
    xdo("key", "--clearmodifiers", "Escape")
    wait_for("Escape to go back to the list", lambda: the_list(frame, "Members"))
    open_contoh()
    screenshot("narrow-contoh-again")
    wait_for(lambda: f"Contoh City opened again at its name (at y={title_top()}, the first time "
                     f"at {top})", lambda: title_top() == top)
    log("on a narrow window, a member opened again starts at its name")

    # A session it presents in, followed from its page, opens in the agenda's detail, not its
    # list: the agenda, last laid out wide, folds only once shown (until 2 December the link
    # showed the list, the session merely selected in it).
    sessions = wait_for("the list 'Presents in'", lambda: find(
        frame, lambda a: a.name == "Presents in" and role(a) in LISTS))
    link = wait_for("the session 'Sharing best practice' under 'Presents in'",
                    lambda: find(sessions, lambda a: text_of(a) == "Sharing best practice"))
    win = extents(frame)
    # Below the member's contacts: the page is scrolled down to it with the mouse wheel.
    xdo("mousemove", str(ui.BORDER + win.x + 200), str(ui.BORDER + win.y + 300),
        "click", "--repeat", "25", "--delay", "30", "5")
    wait_for(lambda: f"the session link in the window (at y={extents(link).y})",
             lambda: win.y < extents(link).y and
             extents(link).y + extents(link).height < win.y + win.height - 60)
    click(link)
    wait_for("the agenda's detail, with its button 'Back to sessions'", lambda: ui.find_shown(
        frame, lambda a: a.name == "Back to sessions" and role(a) == pyatspi.ROLE_PUSH_BUTTON))

    def detail_title_x():
        titles = [a for a in find_all(frame, ui.label("Sharing best practice"))
                  if ui.ancestor(a, pyatspi.ROLE_LIST_ITEM) is None and on_screen(a)]
        return extents(titles[0]).x - win.x if titles else None
    # The detail fills the window: its title at the left edge, where the list would be (a
    # hidden page keeps the place it had when last shown, beside the list on a wide window).
    wait_for(lambda: f"the session's title at the window's left edge (at x={detail_title_x()})",
             lambda: detail_title_x() is not None and detail_title_x() < 100)
    screenshot("narrow-session-from-member")
    log("on a narrow window, a session followed from a member opens in the agenda's detail")


# The organiser's copy of the feed, which the second scenario updates.
FEED_COPY = os.path.join(os.environ["XDG_CACHE_HOME"], "organiser", "complete.json")


def main():
    run_app([], built_in, "delegate.log")
    os.makedirs(os.path.dirname(FEED_COPY), exist_ok=True)
    shutil.copyfile(COMPLETE, FEED_COPY)
    run_app([FEED_COPY], contacts, "delegate-complete.log")


if __name__ == "__main__":
    ui.run_test(main)
