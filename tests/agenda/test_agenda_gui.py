#!/usr/bin/python3
"""The agenda pane, driven like a person through the accessibility tree.

Run by tests/gui/run-gui-test.sh inside Xvfb and a private session bus:
    test_agenda_gui.py DELEGATE SCREENSHOT_DIR

With the built-in feed (Kupang 2019: 3 sessions a day over 3 days), in English, a delegate:
- sees day 1's three sessions, grouped under one header (their time is to be announced),
  which a screen reader hears on each row;
  selecting the first marks the session, not the header above it; its page links to the
  members presenting it and to the case presented, each opening in its pane;
- presses Ctrl+F and types "tour": the list narrows, as they type, to "City tour" (day 3: a
  search looks at every day); clearing the search brings day 1 back;
- types a speaker's name, "saiful": the press conference is found;
- stars "Opening" (its button becomes "Unstar session") and turns on "My schedule": the list
  shows "Opening" alone;
- presses "Now": the event is long over, so its last day shows, and a toast says so;
- narrows the window to 360 px, opens "City tour" and, from the keyboard, stars it with the
  star on its page; back in the list its row is starred; unstarred from the row, the page's
  star says so;
- exports the agenda to a calendar file through the menu and the file chooser: the file is
  written and a toast says so;
- starts Delegate again: "My schedule" still shows "Opening"; unstarring it empties the list,
  which then says so.
Screenshots of each step land in SCREENSHOT_DIR, the app's output in delegate.log.
"""

import os
import sys

import pyatspi

# The helpers shared by the tests that drive the app through the accessibility tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gui"))
import atspi as ui  # noqa: E402
from atspi import (LISTS, Failure, click, find, find_all, find_app, log,  # noqa: E402
                   on_screen, role, rows_of, selected, states, tab, text_of, the_list, wait_for,
                   xdo)

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


DAY1 = ["Press conference", "Opening", "Strategies for Smart City development"]
ALL = DAY1 + [
    "Best practice sharing: Banyuwangi Regency",
    "Best practice from abroad",
    "Introducing the Citynet Indonesia programme",
    "City tour",
]


DAY3 = ["Introducing the Citynet Indonesia programme", "City tour"]


def entry_text(entry):
    t = entry.queryText()
    return t.getText(0, t.characterCount)


def row_item(lst, title):
    """The list item (row) that shows title."""
    label = find(lst, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == title)
    if label is None:
        return None
    item = label
    while item is not None and role(item) != pyatspi.ROLE_LIST_ITEM:
        item = item.parent
    return item


def shown_text(item):
    """What a row shows, its labels in order, as a screen reader should say it."""
    return ", ".join(text_of(a) for a in find_all(item, lambda a: role(a) == pyatspi.ROLE_LABEL
                                                  and on_screen(a)))


TBA = "Time to be announced"


def said_of(item):
    """What a screen reader should say on a row of a session whose time is to be announced:
    what the row shows, and, below the group's header that shows it, the time too."""
    shown = shown_text(item)
    return shown if shown.startswith(TBA) else f"{TBA}, {shown}"


def star_button(lst, title, name):
    item = row_item(lst, title)
    return item and find(item, lambda a: a.name == name and role(a) == pyatspi.ROLE_PUSH_BUTTON)


def in_list(acc):
    """Whether acc sits in a list's row (a row's star, not the session page's)."""
    while acc is not None:
        if role(acc) == pyatspi.ROLE_LIST_ITEM:
            return True
        acc = acc.parent
    return False


def page_star(frame, title, name):
    """The star on the page of the session title, on screen, if it is named name."""
    return ui.find_shown(frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == name
                         and a.description == title and not in_list(a))


def stars_of(frame, title):
    """What the stars described as title say of themselves, for a failure's message."""
    return [(a.name, in_list(a), ui.on_screen(a), str(states(a).getStates()))
            for a in find_all(frame, lambda a: a.description == title)]


def visible_rows(lst):
    return rows_of(lst, ALL)


def check_agenda(app, frame, first_run):
    agenda_tab = tab(frame, "Agenda")
    wait_for("the Agenda page", lambda: selected(agenda_tab))
    lst = the_list(frame, "Sessions")
    mine = wait_for("the 'My schedule' toggle",
                    lambda: next((a for a in find_all(frame, lambda a: a.name == "My schedule")
                                  if on_screen(a)), None))

    if not first_run:
        click(mine)
        wait_for(lambda: f"'My schedule' to show 'Opening' alone after a restart "
                         f"(it shows {visible_rows(lst)})",
                 lambda: visible_rows(lst) == ["Opening"])
        screenshot("restart-my-schedule")
        log("after a restart, 'My schedule' still shows 'Opening'")
        before = ui.extents(mine)
        click(wait_for("the 'Unstar session' button of 'Opening'",
                       lambda: star_button(lst, "Opening", "Unstar session")))
        wait_for("the empty 'My schedule' to say so",
                 lambda: label_with(frame, "No Starred Sessions")
                 and label_with(frame, "Star the sessions you will attend."))
        screenshot("unstarred")
        # The words that say so wrap: the list beside the session pane keeps its width.
        after = ui.extents(mine)
        if (after.x, after.width) != (before.x, before.width):
            raise Failure(f"the list's side moved when 'My schedule' emptied: the toggle went "
                          f"from x={before.x} to x={after.x}")
        log("unstarring 'Opening' empties 'My schedule', which says so, and nothing moves")
        return

    wait_for(lambda: f"day 1's sessions (the list shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == sorted(DAY1))
    headers = find_all(lst, lambda a: role(a) == pyatspi.ROLE_LABEL
                       and text_of(a) == "Time to be announced" and on_screen(a))
    screenshot("day-1")
    log(f"day 1 shows its three sessions ({len(headers)} 'Time to be announced' labels)")

    # A screen reader landing on a row says what the row shows, in the order it shows it, and
    # when the session is: the rows below the group's header too, which the header alone shows.
    for title in DAY1:
        wait_for(lambda title=title: f"the row {title!r} to be named after what it shows and "
                 f"when, {said_of(row_item(lst, title))!r} (its name is "
                 f"{row_item(lst, title).name!r})",
                 lambda title=title: row_item(lst, title).name == said_of(row_item(lst, title)))
    log(f"the row 'Opening' is named {row_item(lst, 'Opening').name!r}")

    # From the search, Down and Enter open the first session, with the keyboard on its title.
    # Down lands on the row itself: until 2 December, with no row of the list focused yet, it
    # landed on the row's star, where Enter starred the session instead.
    xdo("key", "--clearmodifiers", "ctrl+f")
    wait_for("Ctrl+F to put the keyboard in 'Search sessions'", lambda: any(
        a.name == "Search sessions" and states(a).contains(pyatspi.STATE_FOCUSED)
        for a in find_all(frame, lambda a: a.name == "Search sessions")))
    xdo("key", "--clearmodifiers", "Down")
    wait_for("Down from the search to put the keyboard on the row 'Press conference'",
             lambda: states(row_item(lst, "Press conference")).contains(pyatspi.STATE_FOCUSED))
    xdo("key", "--clearmodifiers", "Return")
    wait_for("Enter on it to open 'Press conference', the keyboard on its title", lambda: find(
        frame, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == "Press conference"
        and states(a).contains(pyatspi.STATE_FOCUSED)))
    if star_button(lst, "Press conference", "Star session") is None:
        raise Failure("Down and Enter from the search starred 'Press conference'")
    log("from the search, Down and Enter open the first session, and star nothing")

    # The selection marks the session, not the group's heading its row opens with: the heading
    # stays on the list's own background.
    click(find(lst, lambda a: text_of(a) == "Press conference"))
    xdo("mousemove", "1000", "700")
    heading, title = headers[0], find(lst, lambda a: text_of(a) == "Press conference")
    x = heading_x = ui.extents(heading).x + ui.extents(heading).width * 3 // 4

    def shade(acc, y=None):
        ext = ui.extents(acc)
        return ui.pixel(ui.BORDER + x, ui.BORDER + (ext.y + ext.height // 2 if y is None else y))

    list_ext = ui.extents(lst)
    wait_for(lambda: f"the selection to mark 'Press conference' (at x {heading_x}: the title's"
                     f" line {shade(title)}, the list's empty end"
                     f" {shade(lst, list_ext.y + list_ext.height - 10)})",
             lambda: shade(title) != shade(lst, list_ext.y + list_ext.height - 10))
    if shade(heading) != shade(lst, list_ext.y + list_ext.height - 10):
        screenshot("selected-under-heading")
        raise Failure(f"the heading above the selected session is shaded {shade(heading)}, "
                      f"not the list's {shade(lst, list_ext.y + list_ext.height - 10)}")
    log("a session selected under a heading is marked alone, the heading is not")

    # The session's page names who presents it as a link to the member's page, and the case
    # presented in it as a link to the case.
    for name, pane, shown in (("Kota Kupang", "Members", "Nusa Tenggara Timur"),
                              ("The Citynet network for a Smart City masterplan",
                               "Best practices", "smart city, networking, masterplan")):
        link = wait_for(f"the link {name!r} on the session's page", lambda name=name: next(
            (a for a in find_all(frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON
                                 and a.name == name) if on_screen(a)), None))
        click(link)
        wait_for(f"the {pane} pane after the link {name!r}",
                 lambda pane=pane: selected(tab(frame, pane)))
        wait_for(f"{shown!r} on the {pane} pane", lambda shown=shown: next(
            (a for a in find_all(frame, lambda a: text_of(a) == shown) if on_screen(a)), None))
        xdo("key", "--clearmodifiers", "ctrl+1")
        wait_for("the agenda again", lambda: selected(agenda_tab))
    log("the session's page links to its presenting member and to the case presented")

    # Ctrl+F from the list goes to the search; typing narrows the list as the delegate types.
    entry = wait_for("the entry 'Search sessions'", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Search sessions"
                             and role(a) not in LISTS) if on_screen(a)), None))
    click(row_item(lst, "Opening"))
    xdo("key", "--clearmodifiers", "ctrl+f")
    xdo("type", "--delay", "80", "tour")
    wait_for(lambda: f"the search to hold 'tour' (it holds {entry_text(entry)!r})",
             lambda: entry_text(entry) == "tour")
    wait_for(lambda: f"the list to narrow to 'City tour' (it shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == ["City tour"])
    screenshot("search-tour")
    log("Ctrl+F and 'tour' narrow the list to 'City tour', on day 3")

    search(frame, entry, "")
    xdo("key", "--clearmodifiers", "BackSpace")
    wait_for(lambda: f"day 1 again after clearing the search (it shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == sorted(DAY1))
    log("clearing the search shows day 1 again")

    # A word of a speaker's name finds the session.
    search(frame, entry, "saiful")
    wait_for(lambda: f"'saiful' to find the press conference (it shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == ["Press conference"])
    search(frame, entry, "")
    xdo("key", "--clearmodifiers", "BackSpace")
    wait_for("day 1 again", lambda: visible_rows(lst) == sorted(DAY1))
    log("a speaker's name finds their session")

    # Star a session, then look at "My schedule".
    button = wait_for("the 'Star session' button of 'Opening'",
                      lambda: star_button(lst, "Opening", "Star session"))
    # Reached by the keyboard (Tab from its row), it says which session.
    if button.description != "Opening":
        raise Failure(f"the star of 'Opening' is described as {button.description!r}")
    click(button)
    wait_for("the button to become 'Unstar session'",
             lambda: star_button(lst, "Opening", "Unstar session"))
    wait_for(lambda: f"the row's name to say it is in My schedule "
                     f"({row_item(lst, 'Opening').name!r})",
             lambda: row_item(lst, "Opening").name
             == said_of(row_item(lst, "Opening")) + ", in My schedule")
    click(mine)
    wait_for(lambda: f"'My schedule' to show 'Opening' alone (it shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == ["Opening"])
    screenshot("my-schedule")
    log("starring 'Opening' puts it, alone, in 'My schedule'")
    click(mine)
    wait_for("day 1 again", lambda: visible_rows(lst) == sorted(DAY1))

    # "Now", long after the event: its last day.
    click(wait_for("the 'Now' button", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Now"
                             and role(a) == pyatspi.ROLE_PUSH_BUTTON) if on_screen(a)), None)))
    wait_for(lambda: f"the last day after 'Now' (the list shows {visible_rows(lst)})",
             lambda: visible_rows(lst) == sorted(DAY3))
    wait_for("a toast saying the event is over", lambda: find(
        frame, lambda a: text_of(a) == "This event is over: its last day is shown"))
    screenshot("now")
    log("'Now', after the event, shows its last day and says the event is over")

    check_page_star(frame, lst)
    check_export(app, frame)


def check_page_star(frame, lst):
    """On a narrow window a session's page is all there is in sight: the star on it stars the
    session, from the keyboard too, and it and the row's star agree both ways."""
    wide = ui.extents(frame).width
    ui.resize_width(frame, 360)

    def back_button():
        return ui.find_shown(frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON
                             and a.name == "Back to sessions")
    back = ui.open_row(frame, lst, "City tour", back_button)
    wait_for("the keyboard on the back button of the page of 'City tour'",
             lambda: states(back).contains(pyatspi.STATE_FOCUSED))
    # Tab goes on through the page, its title and Note button, to the star.
    star = wait_for("the star on the page of 'City tour'",
                    lambda: page_star(frame, "City tour", "Star session"))
    for _ in range(4):
        xdo("key", "--clearmodifiers", "Tab")
        try:
            wait_for("the keyboard to move", lambda: states(star).contains(
                pyatspi.STATE_FOCUSED), timeout=0.5)
            break
        except Failure:
            continue
    else:
        raise Failure("Tab from the back button never reached the star of 'City tour' "
                      "on its page")
    xdo("key", "--clearmodifiers", "space")
    wait_for(lambda: f"the page's star to become 'Unstar session' "
                     f"({stars_of(frame, 'City tour')})",
             lambda: page_star(frame, "City tour", "Unstar session"))
    screenshot("narrow-page-starred")
    click(back)
    row_star = wait_for("the row's star of 'City tour' to say it is starred",
                        lambda: star_button(lst, "City tour", "Unstar session"))
    if row_star.description != "City tour":
        raise Failure(f"the starred row's star is described as {row_star.description!r}")
    log("narrow, the star on the page of 'City tour', reached by Tab, stars it: its row shows it")

    click(star_button(lst, "City tour", "Unstar session"))
    wait_for("the row's star to become 'Star session'",
             lambda: star_button(lst, "City tour", "Star session"))
    back = ui.open_row(frame, lst, "City tour", back_button)
    wait_for("the page of 'City tour' again, the keyboard on its back button",
             lambda: states(back).contains(pyatspi.STATE_FOCUSED))
    wait_for("the page's star of 'City tour' to say it is not starred",
             lambda: page_star(frame, "City tour", "Star session"))
    click(back)
    ui.resize_width(frame, wide)
    log("unstarred from its row, the page's star of 'City tour' says so")


def check_export(app, frame):
    """The agenda menu's 'Export to Calendar…' writes the sessions where the delegate types,
    and a toast says so."""
    target = os.path.join(os.environ["XDG_DATA_HOME"], "kupang-agenda.ics")
    click(wait_for("the button 'Agenda menu'", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == "Agenda menu") if on_screen(a)), None)))
    ui.activate(wait_for("the menu item 'Export to Calendar…'", lambda: find(
        app, lambda a: a.name == "Export to Calendar…" and role(a) in (
            pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON))))
    wait_for("the file chooser 'Export to Calendar'", lambda: next(
        (w for w in find_app(app.get_process_id()) or []
         if w is not None and w != frame and w.name == "Export to Calendar"), None))
    screenshot("export-chooser")
    # The name field has the focus, with the event's file name suggested: type a whole path.
    xdo("key", "--clearmodifiers", "ctrl+a")
    xdo("type", "--delay", "20", target)
    xdo("key", "--clearmodifiers", "Return")
    wait_for(f"{target} to be written", lambda: os.path.exists(target)
             and open(target, "rb").read().endswith(b"END:VCALENDAR\r\n"))
    wait_for("the toast 'Calendar exported'",
             lambda: find(frame, lambda a: text_of(a) == "Calendar exported"))
    with open(target, "rb") as f:
        calendar = f.read()
    if b"SUMMARY:City tour\r\n" not in calendar:
        raise Failure(f"'City tour' is not in {target}")
    screenshot("exported")
    log(f"'Export to Calendar…' wrote {calendar.count(b'BEGIN:VEVENT')} sessions to {target}, "
        "and a toast says so")


def run_app(first_run):
    logpath = os.path.join(SHOTS, "delegate-%d.log" % (1 if first_run else 2))
    env = dict(os.environ)
    env["G_DEBUG"] = "fatal-warnings"  # a warning or critical in the app fails the test
    # Ended as a logout ends it (SIGTERM), its output printed, however the run ends.
    with ui.Run(shots, polite=True, echo=logpath) as run:
        run.app = ui.App(EXE, env, logpath)
        log(f"window appeared: {run.app.frame.name!r}")
        check_agenda(run.app.app, run.app.frame, first_run)
        if run.app.proc.poll() is not None:
            raise Failure(f"the app exited with status {run.app.proc.returncode}")


def main():
    run_app(True)
    run_app(False)


if __name__ == "__main__":
    ui.run_test(main)
