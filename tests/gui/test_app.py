#!/usr/bin/python3
"""Delegate, driven like a person through the accessibility tree.

Run by run-gui-test.sh inside Xvfb and a private session bus:
    test_app.py DELEGATE LANGUAGE(en|id) SCREENSHOT_DIR

It starts the app with no arguments and, as a person would:
- waits for the window titled with the built-in event's name, in the system's light or dark
  style (dark for the Indonesian run);
- opens each of the three pages from the view switcher, finds the built-in feed's content in
  each list, checks what a screen reader says of the row, opens it and checks its detail;
- opens a drop-down of each page and checks the names of its button and choices; in the room
  filter, the members' place filter and the cases' tags, types to narrow the choices, clears
  that with Escape, and closes the list, opened again, with one Escape;
- opens a best practice with Enter, and reaches and follows its member link, then its session
  link, with Tab and Enter: the keyboard must land in the member's and the session's detail;
- switches pages with Ctrl+1/2/3, opens the About window from the main menu (version 0.1.0)
  and the shortcuts window with Ctrl+?;
- is handed a file that is not there, whose name has an "&" and tags: a toast names it as it
  is spelt, and is dismissed;
- narrows the window to 360 px, where a switcher bar at the bottom reaches the pages, a row
  opens its detail alone, and Escape goes back to the list;
- quits with Ctrl+Q, starts again at the size it left, and closes the window with Ctrl+W.
Screenshots of each step land in SCREENSHOT_DIR, with the app's output in delegate.log. Set
DELEGATE_GUI_DUMP=1 to print the accessibility tree when a step fails. The helpers that find,
wait for and click things are in atspi.py, shared with the end-to-end test.
"""

import gettext
import os
import re
import subprocess
import sys
import time

import pyatspi

import atspi as ui
from atspi import Failure, click, find, find_all, log, role, states, text_of, \
    wait_for, xdo

EXE, LANG, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]

# The interface strings come from the app's translations: the Indonesian run looks them up in
# the .mo file the build made from po/id.po (DELEGATE_LOCALEDIR, as the app itself does), so a
# missing or untranslated po/id.po makes it fail rather than pass in English.
if LANG == "id":
    _catalog = gettext.translation("delegate", os.environ["DELEGATE_LOCALEDIR"], ["id"])
    _ = _catalog.gettext
    P_ = _catalog.pgettext
else:
    def _(s):
        return s

    def P_(context, s):
        return s

UI_STRINGS = ["Agenda", "Members", "Best practices", "Sessions"]
if LANG == "id" and all(_(s) == s for s in UI_STRINGS):
    print(f"FAIL: po/id.po translates none of {UI_STRINGS}: the interface would be English",
          flush=True)
    sys.exit(1)

# What a delegate sees with the built-in feed (data/feeds/kupang-2019.json). Each page: the
# switcher's label, the list's accessible name, a row to find and open, and the beginning of a
# text that only its detail shows.
CONTENT = {
    "en": {
        "title": "Citynet 2019 Best Practice Seminar and Sharing",
        "session": "Strategies for Smart City development",
        "session_detail": "The Minister of Communication and Informatics on strategies",
        # The day as the system locale names it: weekday and month come from LC_TIME.
        "session_when": "Day 1, Wednesday 16 October",
        "member_detail": "A member of Citynet Indonesia since 2009.",
        "practice": "Integrated ICT to accelerate Smart City development",
        "practice_detail": "Using integrated information and communication technology",
    },
    "id": {
        "title": "Seminar dan Sharing Best Practice Citynet 2019",
        "session": "Strategi pengembangan Smart City",
        "session_detail": "Paparan Menteri Komunikasi dan Informatika RI tentang strategi",
        "session_when": "Hari ke-1, Rabu, 16 Oktober",
        "member_detail": "Anggota Citynet Indonesia sejak 2009.",
        "practice": "Pemanfaatan TIK terintegrasi untuk akselerasi Smart City",
        "practice_detail": "Pemanfaatan teknologi informasi dan komunikasi yang terintegrasi",
    },
}[LANG]

EXPECT = {
    "title": CONTENT["title"],
    "pages": [
        {"tab": _("Agenda"), "list": _("Sessions"),
         "row": CONTENT["session"], "detail": CONTENT["session_detail"],
         "also": CONTENT["session_when"],
         # Its time is to be announced: only the header of its group shows it, but a screen
         # reader, going row by row, hears it first on each row.
         "said": _("Time to be announced"),
         "dropdowns": [(_("Day"), CONTENT["session_when"]),
                       (_("Room filter"), "Sumba Suka Paradise")]},
        {"tab": _("Members"), "list": _("Members"), "back": _("Back to members"),
         "row": "Kabupaten Sidoarjo", "detail": CONTENT["member_detail"],
         # A region is named apart from the provinces in it (and from one of its name).
         "dropdowns": [(_("Filter by place"), "Jawa Timur"),
                       (_("Filter by place"), _("%s (region)") % "Jawa")]},
        {"tab": _("Best practices"), "list": _("Best practices"),
         "row": CONTENT["practice"], "detail": CONTENT["practice_detail"],
         "dropdowns": [(_("Tag"), "smart city")],
         # The case's member is a link, named after the member it opens.
         "link": "Kabupaten Banyuwangi"},
    ],
}

# The drop-downs whose choices a big event makes long (rooms, a nation's provinces, tags):
# each has a search above its choices.
SEARCHED = {_("Room filter"), _("Filter by place"), _("Tag")}

shots = ui.Screenshots(SHOTS)


def screenshot(name):
    shots.take(name)


# The system style: the English run has the default (light), the Indonesian one asks the desktop
# for dark, as GNOME's Appearance setting does, and the app must follow.
DARK = LANG == "id"


def set_system_style():
    """org.gnome.desktop.interface color-scheme in the private keyfile settings, where both the
    app (libadwaita) and a settings portal started on the private bus read it."""
    path = os.path.join(os.environ["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(path, exist_ok=True)
    scheme = "prefer-dark" if DARK else "default"
    with open(os.path.join(path, "keyfile"), "w", encoding="utf-8") as f:
        f.write(f"[org/gnome/desktop/interface]\ncolor-scheme='{scheme}'\n")


def check_style(frame):
    """The window's background is dark when the system asks for dark, light otherwise."""
    ext = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    # A point near the bottom right of the content, clear of text: the pane's background.
    x, y = 5 + ext.x + ext.width - 40, 5 + ext.y + ext.height - 40

    def brightness():
        out = subprocess.run(["/usr/bin/import", "-window", "root", "-crop", f"1x1+{x}+{y}",
                              "-depth", "8", "txt:-"], capture_output=True, text=True).stdout
        hexes = [w for w in out.split() if w.startswith("#") and len(w) >= 7]
        if not hexes:
            return None
        r, g, b = (int(hexes[0][i:i + 2], 16) for i in (1, 3, 5))
        return (r + g + b) / 3
    want = "dark" if DARK else "light"
    wait_for(lambda: f"a {want} window background (brightness {brightness()} at {x},{y})",
             lambda: (brightness() or 128) < 80 if DARK else (brightness() or 0) > 180,
             timeout=5)
    log(f"the window follows the system's {want} style")


def main():
    set_system_style()
    logpath = os.path.join(SHOTS, "delegate.log")
    env = dict(os.environ)
    # Any warning or critical in the app aborts it, and the test with it.
    env["G_DEBUG"] = "fatal-warnings"
    log(f"starting {EXE} (LANGUAGE={env.get('LANGUAGE')})")
    # The window's tree printed on a failure only with DELEGATE_GUI_DUMP set; the app's output
    # printed however the test ends.
    with ui.Run(shots, report=bool(os.environ.get("DELEGATE_GUI_DUMP")), echo=logpath) as run:
        run.app = ui.App(EXE, env, logpath)
        app, frame = run.app.app, run.app.frame
        log(f"window appeared: {frame.name!r}")
        wait_for(lambda: f"the window title {EXPECT['title']!r} (it is {frame.name!r})",
                 lambda: frame.name == EXPECT["title"])
        screenshot("start")
        check_style(frame)

        tabs = [check_page(frame, page) for page in EXPECT["pages"]]
        check_button_names(frame)
        check_keyboard(frame, tabs)
        check_open_by_keyboard(frame, tabs)
        check_about(app, frame)
        check_shortcuts(app, frame)
        check_open_missing(env, frame, narrow_to=400)

        check_narrow(run.app.proc, frame, EXPECT["pages"][1])
        # The same notice in the narrow window: all of it, and its close button, inside.
        check_open_missing(env, frame)

        # Quit like a person: Ctrl+Q.
        run.app.quit()
        log("quit on Ctrl+Q")
        check_reopens_narrow(run, env, logpath)


def check_button_names(frame):
    """A screen reader says each button as it reads: no mnemonic's underscore, no text twice
    (GTK 4.8 names a button made with "_Try Again" "_Try Again Try Again")."""
    buttons = find_all(frame, lambda a: role(a) in ui.BUTTONS)
    odd = sorted({a.name for a in buttons if re.search(r"(^|\s)_\w", a.name or "")})
    if odd:
        raise Failure(f"buttons named with a mnemonic's underscore: {odd}")
    log(f"none of the window's {len(buttons)} buttons is named with an underscore")


def check_page(frame, page):
    tab_name = page["tab"]

    def switcher_button():
        # The view switcher's buttons are named by the page titles. Narrow windows have a second
        # switcher (the bottom bar); take the one that is on screen.
        for b in find_all(frame, lambda a: a.name == tab_name and role(a) in (
                pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PUSH_BUTTON,
                pyatspi.ROLE_PAGE_TAB)):
            ext = b.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if ext.width > 0 and ext.height > 0:
                return b
        return None

    button = wait_for(f"the view switcher button {tab_name!r}", switcher_button)
    click(button)
    wait_for(f"page {tab_name!r} to be selected",
             lambda: states(button).contains(pyatspi.STATE_CHECKED)
             or states(button).contains(pyatspi.STATE_SELECTED)
             or states(button).contains(pyatspi.STATE_PRESSED))
    log(f"page {tab_name!r} is shown")

    lst = wait_for(f"the list {page['list']!r} on page {tab_name!r}",
                   lambda: find(frame, lambda a: a.name == page["list"] and role(a) in (
                       pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE,
                       pyatspi.ROLE_TREE_TABLE)))
    label = wait_for(f"{page['row']!r} in the list {page['list']!r}",
                     lambda: find(lst, lambda a: text_of(a) == page["row"]))
    screenshot(f"page-{tab_name.replace(' ', '-').lower()}")
    log(f"found {page['row']!r}")

    # A screen reader landing on the row says what the row shows, in the order it shows it.
    def item_of(a):
        while a is not None and role(a) != pyatspi.ROLE_LIST_ITEM:
            a = a.parent
        return a

    def shown(item):
        return ", ".join(text_of(a) for a in find_all(
            item, lambda a: role(a) == pyatspi.ROLE_LABEL and a.queryComponent().getExtents(
                pyatspi.WINDOW_COORDS).width > 0))

    def said(item):
        return f"{page['said']}, {shown(item)}" if "said" in page else shown(item)

    item = wait_for(f"the list item of {page['row']!r}", lambda: item_of(label))
    wait_for(lambda: f"the row {page['row']!r} to be named {said(item)!r} (it is {item.name!r})",
             lambda: item.name and item.name == said(item))
    log(f"the row is named {item.name!r}")
    for dropdown, choice in page["dropdowns"]:
        check_dropdown(frame, dropdown, choice, shown)

    # Open the row like a person: click it (a wide window shows the detail of the row chosen).
    def detail_shown():
        return find(frame, lambda a: text_of(a).startswith(page["detail"]))

    if detail_shown():
        raise Failure(f"the detail of {page['row']!r} shows before the row is opened, so this"
                      " test cannot tell whether opening it works: pick another row")
    ui.click_for(label, f"the detail of {page['row']!r} showing {page['detail']!r}",
                 detail_shown)
    if "also" in page:
        wait_for(f"the detail of {page['row']!r} showing {page['also']!r}",
                 lambda: find(frame, lambda a: text_of(a).startswith(page["also"])))
    if "link" in page:
        wait_for(f"a button named {page['link']!r}", lambda: ui.find_shown(
            frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == page["link"]))
    screenshot(f"detail-{tab_name.replace(' ', '-').lower()}")
    log(f"detail of {page['row']!r} shows {page['detail']!r}")
    return button


def check_dropdown(frame, dropdown, choice, shown):
    """A screen reader says what a drop-down shows, and each of its choices once it opens."""
    combo = wait_for(f"the drop-down {dropdown!r}", lambda: ui.find_shown(
        frame, lambda a: a.name == dropdown and role(a) == pyatspi.ROLE_COMBO_BOX))
    # Its button is what takes the keyboard: named after the choice it shows.
    button = find(combo, lambda a: role(a) in (pyatspi.ROLE_PUSH_BUTTON,
                                                pyatspi.ROLE_TOGGLE_BUTTON))
    if button is None or not shown(button) or button.name != shown(button):
        raise Failure(f"the button of {dropdown!r} shows {shown(button) if button else None!r}"
                      f" but is named {button.name if button else None!r}")
    popup = ui.click_for(button, f"the choices of {dropdown!r}", lambda: ui.find_shown(
        combo, lambda a: a.name == dropdown and role(a) == pyatspi.ROLE_LIST))

    def choices():
        return [a for a in find_all(popup, lambda a: role(a) == pyatspi.ROLE_LIST_ITEM)
                if ui.on_screen(a)]
    items = wait_for(f"{choice!r} among the choices", lambda: (lambda found: found if any(
        a.name == choice for a in found) else None)(choices()))
    unnamed = [(a.name, shown(a)) for a in items if not a.name or a.name != shown(a)]
    if unnamed:
        raise Failure(f"choices of {dropdown!r} not named as they show: {unnamed}")
    # A drop-down with many choices has a search above them, which narrows that list.
    searches = [a for a in find_all(combo, lambda a: role(a) in ui.ENTRIES) if ui.on_screen(a)]
    if dropdown in SEARCHED and not searches:
        raise Failure(f"{dropdown!r} has no search above its choices: a congress has dozens")
    if any(a.name != dropdown for a in searches):
        raise Failure(f"the search of {dropdown!r} is named {[a.name for a in searches]}")
    if searches:
        check_dropdown_search(dropdown, searches[0], choice, choices, len(items))
    xdo("key", "--clearmodifiers", "Escape")
    wait_for(f"the choices of {dropdown!r} to close",
             lambda: not states(button).contains(pyatspi.STATE_PRESSED))
    if searches:
        # Opened again, its search has the keyboard: one Escape still closes it.
        ui.click_for(button, f"the choices of {dropdown!r}, opened again",
                     lambda: states(button).contains(pyatspi.STATE_PRESSED))
        wait_for(f"the search of {dropdown!r} to have the keyboard", lambda: states(
            searches[0]).contains(pyatspi.STATE_FOCUSED))
        xdo("key", "--clearmodifiers", "Escape")
        wait_for(f"one Escape to close {dropdown!r}, opened again",
                 lambda: not states(button).contains(pyatspi.STATE_PRESSED), timeout=5)
    log(f"{dropdown!r} is named {button.name!r}; its {len(items)} choices are named as they "
        f"show{', and its search after it' if searches else ''}")


def check_dropdown_search(dropdown, search, choice, choices, count):
    """Typing in a drop-down's search narrows its choices to those that begin with the text;
    Escape then clears the search, and a second Escape closes the list (the caller presses it).
    GTK 4.8 kept Escape in the search, and the list stayed open."""
    click(search)
    # On a busy machine the click may land after typing begins: type once the search has it.
    wait_for(f"the search of {dropdown!r} to have the keyboard",
             lambda: states(search).contains(pyatspi.STATE_FOCUSED), timeout=5)
    typed = choice.split()[0]
    ui.type_text(typed)

    def narrowed():
        names = [a.name for a in choices()]
        return names if choice in names and len(names) < count and all(
            n.lower().startswith(typed.lower()) for n in names) else None
    wait_for(lambda: f"{typed!r} in the search to narrow {dropdown!r} to choices that begin"
             f" with it (it shows {[a.name for a in choices()]})", narrowed)
    xdo("key", "--clearmodifiers", "Escape")
    wait_for(lambda: f"Escape to clear the search of {dropdown!r} (it holds"
             f" {ui.content_of(search)!r} and shows {len(choices())} of {count} choices)",
             lambda: ui.content_of(search) == "" and len(choices()) == count)
    log(f"{typed!r} in the search of {dropdown!r} narrows it; Escape clears the search")


def selected(acc):
    return states(acc).contains(pyatspi.STATE_SELECTED)


def other_windows(app, frame):
    return [w for w in app if w is not None and w != frame
            and role(w) in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG)
            and states(w).contains(pyatspi.STATE_VISIBLE)]


def check_keyboard(frame, tabs):
    """Ctrl+1, Ctrl+2 and Ctrl+3 show the three pages."""
    for key, index in (("ctrl+1", 0), ("ctrl+3", 2), ("ctrl+2", 1)):
        xdo("key", "--clearmodifiers", key)
        wait_for(f"{key} to show page {tabs[index].name!r}", lambda: selected(tabs[index]))
        log(f"{key} shows {tabs[index].name!r}")


def check_open_by_keyboard(frame, tabs):
    """Enter on a best practice puts the keyboard in its detail: a Tab or two then reach the
    case's member link, and Enter follows it to the Members page. (GTK 4.8's lists take Tab
    row by row: left in the list, the keyboard went on through the other cases first.)"""
    page = EXPECT["pages"][2]
    xdo("key", "--clearmodifiers", "ctrl+3")
    wait_for(f"ctrl+3 to show {tabs[2].name!r}", lambda: selected(tabs[2]))
    label = wait_for(f"{page['row']!r} in the list", lambda: ui.find_shown(
        frame, lambda a: text_of(a) == page["row"] and ui.ancestor(a, pyatspi.ROLE_LIST_ITEM)))
    cases = wait_for("the list of cases", lambda: ui.find_shown(
        frame, lambda a: a.name == page["list"] and role(a) == pyatspi.ROLE_LIST))
    click(label)
    wait_for(f"the detail of {page['row']!r}",
             lambda: find(frame, lambda a: text_of(a).startswith(page["detail"])))
    link = wait_for(f"the link {page['link']!r}", lambda: ui.find_shown(
        frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == page["link"]))
    def tab_to_link():
        """The title, the Note button and the link come first in the detail: three Tabs at
        most. Returns how many it took."""
        for tabs_pressed in range(1, 4):
            xdo("key", "--clearmodifiers", "Tab")
            try:
                wait_for("the link to have the keyboard",
                         lambda: states(link).contains(pyatspi.STATE_FOCUSED), timeout=1)
                return tabs_pressed
            except Failure:
                pass
        raise Failure(f"after Enter on {page['row']!r}, three Tabs did not reach its link"
                      f" {page['link']!r}")

    xdo("key", "--clearmodifiers", "Return")
    # Enter puts the keyboard on the case's title; Tab goes on to its Note button, then its
    # links, in reading order (the title is on two lines, taller than the button).
    wait_for(lambda: f"Enter on {page['row']!r} to put the keyboard on its title (it is on"
             f" {describe(focused(frame))})",
             lambda: text_of(focused(frame)) == page["row"] and beside(focused(frame), cases),
             timeout=5)
    xdo("key", "--clearmodifiers", "Tab")
    note = _("_Note").replace("_", "")
    wait_for(lambda: f"Tab from the title of {page['row']!r} to reach its {note!r} button (it is"
             f" on {describe(focused(frame))})",
             lambda: role(focused(frame)) == pyatspi.ROLE_PUSH_BUTTON
             and focused(frame).name == note, timeout=5)
    tabs_pressed = 1 + tab_to_link()
    xdo("key", "--clearmodifiers", "Return")
    wait_for(f"Enter on the link {page['link']!r} to show {tabs[1].name!r}",
             lambda: selected(tabs[1]))
    log(f"Enter on {page['row']!r}, {tabs_pressed} Tab(s) and Enter follow its link to"
        f" {page['link']!r}")
    # The keyboard follows the link: it is in the member's detail, on its name.
    wait_for(lambda: f"the keyboard on the title of {page['link']!r}, after following its"
             f" link (it is on {describe(focused(frame))})",
             lambda: text_of(focused(frame)) == page["link"], timeout=5)
    log(f"the keyboard is on the title of {page['link']!r}")

    # The case's session link, next after the member link, into the agenda the same way.
    xdo("key", "--clearmodifiers", "ctrl+3")
    wait_for(f"ctrl+3 to show {tabs[2].name!r}", lambda: selected(tabs[2]))
    click(label)
    xdo("key", "--clearmodifiers", "Return")
    tab_to_link()
    xdo("key", "--clearmodifiers", "Tab")
    session_link = wait_for(
        lambda: f"the session link to have the keyboard after the member link (it is on"
        f" {describe(focused(frame))})",
        lambda: (lambda f: f if f is not None and role(f) == pyatspi.ROLE_PUSH_BUTTON
                 and f.name and f.name != page["link"] else None)(focused(frame)), timeout=5)
    title = session_link.name
    xdo("key", "--clearmodifiers", "Return")
    wait_for(f"Enter on the link {title!r} to show {tabs[0].name!r}", lambda: selected(tabs[0]))
    sessions = wait_for("the list of sessions", lambda: ui.find_shown(
        frame, lambda a: a.name == EXPECT["pages"][0]["list"] and role(a) == pyatspi.ROLE_LIST))
    wait_for(lambda: f"the keyboard on the title of {title!r} in its detail, after following"
             f" its link (it is on {describe(focused(frame))})",
             lambda: beside(focused(frame), sessions) and text_of(focused(frame)) == title,
             timeout=5)
    log(f"Enter on the session link {title!r} puts the keyboard on the session's title")


def focused(frame):
    """What has the keyboard, if it is on screen."""
    return ui.find_shown(frame, lambda a: states(a).contains(pyatspi.STATE_FOCUSED))


def describe(acc):
    if acc is None:
        return "nothing on screen"
    return f"{acc.getRoleName()} {acc.name!r} {text_of(acc)!r}"


def beside(acc, lst):
    """@acc is on screen to the right of the list @lst: in the detail it shows."""
    if acc is None or ui.ancestor(acc, pyatspi.ROLE_LIST_ITEM) or not ui.on_screen(acc):
        return False
    edge = ui.extents(lst)
    return ui.extents(acc).x >= edge.x + edge.width


def check_about(app, frame):
    """The main menu opens the About window, which shows the version from the metainfo."""
    menu_button = wait_for("the main menu button", lambda: find(
        frame, lambda a: role(a) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
        and a.name == _("Main menu")))
    click(menu_button)
    about_label = _("_About Delegate").replace("_", "")
    item = wait_for(f"the menu item {about_label!r}", lambda: find(
        app, lambda a: a.name == about_label and role(a) in (
            pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_MENU_ITEM)))
    # Menu items live in a popover, whose extents are relative to the popover's own surface:
    # activate them through their action instead of the pointer.
    ui.activate(item)
    about = wait_for("the About window", lambda: next(iter(other_windows(app, frame)), None))
    wait_for("the version 0.1.0 in the About window",
             lambda: find(about, lambda a: text_of(a) == "0.1.0"))
    screenshot("about")
    log(f"About window {about.name!r} shows version 0.1.0")
    xdo("key", "--clearmodifiers", "Escape")
    wait_for("the About window to close on Escape", lambda: not other_windows(app, frame),
             timeout=5)


def check_shortcuts(app, frame):
    """Ctrl+? opens the keyboard shortcuts window, which lists Quit."""
    xdo("key", "--clearmodifiers", "ctrl+question")
    window = wait_for("the shortcuts window on Ctrl+?",
                      lambda: next(iter(other_windows(app, frame)), None))
    quit_title = P_("shortcut window", "Quit")
    wait_for(f"{quit_title!r} in the shortcuts window",
             lambda: find(window, lambda a: text_of(a) == quit_title))
    # With its keys: Ctrl+Q (the window is built on demand, so each key is spelt out).
    wait_for("the Q key cap in the shortcuts window",
             lambda: find(window, lambda a: text_of(a) == "Q"))
    screenshot("shortcuts")
    log(f"Ctrl+? opens {window.name!r}, which lists {quit_title!r}")
    # Its search button, which has the keyboard first, and the search field are named: GTK 4.8
    # named them "GtkImage" and "GtkSearchEntry" (until 4 December).
    controls = find_all(window, lambda a: role(a) in ui.BUTTONS + ui.ENTRIES and ui.on_screen(a))
    nameless = [f"{a.getRoleName()} {a.name!r}" for a in controls
                if not a.name or a.name.startswith("Gtk")]
    if not controls or nameless:
        raise Failure(f"the shortcuts window has controls without a name: {nameless}")
    log(f"the shortcuts window's controls are named: {[a.name for a in controls]}")
    xdo("key", "--clearmodifiers", "Escape")
    wait_for("the shortcuts window to close on Escape", lambda: not other_windows(app, frame),
             timeout=5)


def check_open_missing(env, frame, narrow_to=None):
    """A file that is not there, handed over as from a file manager, is named in a toast as it
    is spelt: its name is text, not markup (an "&" in it used to stop the app).  With
    narrow_to, the window is then narrowed to that width while the notice is up, and back."""
    missing = os.path.join(SHOTS, "Agenda & <b>peserta</b>.json")
    subprocess.run([EXE, missing], env=env, timeout=30, check=True)

    def toast_label():
        return find(frame, lambda a: role(a) == pyatspi.ROLE_LABEL and missing in text_of(a))
    label = wait_for(f"a toast naming {missing!r}", toast_label)
    log(f"opening a missing file says {text_of(label)!r}")
    screenshot("missing-file")
    # All of it is shown, the file's name too, on as many lines as it takes, inside the
    # window: until 2 December a toast kept to one line and cut the name off.
    ext, win = ui.extents(label), ui.extents(frame)
    # (The toast fades in: its text is looked at until it is there.)
    wait_for(lambda: f"the toast's text on two lines or more (it is on {ui.text_lines(ext)}): one "
                     f"cannot hold the whole file name", lambda: ui.text_lines(ext) >= 2, timeout=5)
    log(f"the toast's text: {ui.text_lines(ext)} lines, {ext.width} px wide at x {ext.x}, in a "
        f"window {win.width} px wide")
    # The notice stays until dismissed: its close button is the toast's last button.
    toast = label.parent
    while toast is not None and text_of(toast) != "AdwToastWidget":
        toast = toast.parent
    buttons = find_all(toast, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON) if toast else []
    if not buttons:
        raise Failure("the toast has no button to dismiss it")
    check_toast_inside(frame, label, buttons[-1])
    if narrow_to is not None:
        # The notice stays up while the window is narrowed: it takes the new width (until
        # 2 December it kept the wide window's and was cut off on the right and below).
        wide = win.width
        ui.resize_width(frame, narrow_to)
        # Narrower than the toast was: its text must take a narrower width, on as many lines
        # as that takes (how many depends on the file's path, so the width is what is checked).
        if narrow_to >= ext.width:
            raise Failure(f"narrowing to {narrow_to} px would not make the toast's {ext.width} px "
                          "of text any narrower: narrow further")
        wait_for(lambda: f"the toast's text narrower than {ext.width} px at {narrow_to} px (it "
                         f"is {ui.extents(label).width} px wide)",
                 lambda: ui.extents(label).width < min(ext.width, narrow_to), timeout=5)
        if ui.text_lines(ui.extents(label)) < ui.text_lines(ext):
            raise Failure(f"the toast's text takes fewer lines when narrower: "
                          f"{ui.text_lines(ui.extents(label))} against {ui.text_lines(ext)}")
        check_toast_inside(frame, label, buttons[-1])
        screenshot("missing-file-narrowed")
        log(f"narrowed to {narrow_to} px, the toast's text is on "
            f"{ui.text_lines(ui.extents(label))} lines, inside the window")
        ui.resize_width(frame, wide)
    click(buttons[-1])
    wait_for("the toast to go", lambda: toast_label() is None, timeout=10)


def check_toast_inside(frame, label, close):
    """The toast's text, and its close button, are inside the window."""
    win = ui.extents(frame)
    for what, box in (("text", ui.extents(label)), ("close button", ui.extents(close))):
        if box.x < win.x or box.x + box.width > win.x + win.width:
            raise Failure(f"the toast's {what} runs out of the window (x {box.x} to "
                          f"{box.x + box.width}, the window {win.x} to {win.x + win.width})")


NARROW = 360


def check_narrow(proc, frame, page):
    """At 360 px the window still fits, and a switcher bar at the bottom reaches every page."""
    ids = subprocess.run(["xdotool", "search", "--pid", str(proc.pid)],
                         capture_output=True, text=True).stdout.split()
    wid = None
    for w in ids:
        name = subprocess.run(["xdotool", "getwindowname", w],
                              capture_output=True, text=True).stdout.strip()
        if name == EXPECT["title"]:
            wid = w
    if wid is None:
        raise Failure("cannot find the window's X id to resize it")
    # The cases and the notes both made while wide, the notes shown: narrowed out of sight,
    # the cases' list and detail fold only once they are shown again (below).
    for keys in ("ctrl+3", "ctrl+4"):
        xdo("key", "--clearmodifiers", keys)
        time.sleep(0.3)
    # The X window includes the 5 px shadow on each side.
    xdo("windowsize", wid, str(NARROW + 10), "700")

    def frame_width():
        return frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width
    wait_for(lambda: f"the window to be {NARROW} px wide (it is {frame_width()} px)",
             lambda: frame_width() <= NARROW)
    height = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height

    def bottom_tab():
        # The bar's buttons sit at the bottom; the header's squeezed-out switcher keeps its own.
        for b in find_all(frame, lambda a: a.name == page["tab"]
                          and role(a) == pyatspi.ROLE_PAGE_TAB):
            ext = b.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            if ext.width > 0 and ext.y > height / 2 and ext.x + ext.width <= NARROW:
                return b
        return None
    tab = wait_for(f"a switcher bar at the bottom with {page['tab']!r}", bottom_tab)
    click(tab)
    wait_for(f"page {page['tab']!r} to be selected from the bottom bar",
             lambda: states(tab).contains(pyatspi.STATE_SELECTED))
    lst = wait_for(f"the list {page['list']!r}",
                   lambda: find(frame, lambda a: a.name == page["list"]
                                and role(a) == pyatspi.ROLE_LIST))

    def row_on_screen():
        label = find(lst, lambda a: text_of(a) == page["row"])
        if label is None:
            return None
        ext = label.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.x + ext.width <= NARROW
    wait_for(f"{page['row']!r} within {NARROW} px", row_on_screen)
    screenshot("narrow")
    log(f"at {NARROW} px the bottom bar opens {page['tab']!r}")

    # Narrow, a row opens its detail alone, with a back button; Escape goes back to the list.
    back = ui.open_row(frame, lst, page["row"], lambda: ui.find_shown(
        frame, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON and a.name == page["back"]))
    # (GTK 4.8 keeps a hidden page's sizes in the accessibility tree: where the keyboard is
    # tells which of the two is shown.)
    def focused(acc):
        return any(states(a).contains(pyatspi.STATE_FOCUSED)
                   for a in [acc, *find_all(acc, lambda a: True)])
    wait_for("the keyboard on the back button of the detail", lambda: focused(back))
    xdo("key", "--clearmodifiers", "Escape")
    wait_for("Escape to take the keyboard back to the list", lambda: focused(lst))
    log(f"narrow, Escape in a detail goes back to the list of {page['tab']!r}")

    # The third pane, whose cases were last laid out wide: after another pane, each of its
    # pages shows, folded, and drawn.  (GTK 4.8 once skipped drawing the whole pane, blank
    # until the window was resized, with the warning "Trying to snapshot GtkBox without a
    # current allocation", which G_DEBUG=fatal-warnings makes fatal here.)
    practices = EXPECT["pages"][2]
    for keys, name in (("ctrl+3", practices["list"]),
                       ("ctrl+4", _("Search notes and best practices"))):
        xdo("key", "--clearmodifiers", keys)

        def shown(name=name):
            if proc.poll() is not None:
                raise Failure(f"the app exited with status {proc.returncode} (see its log)")
            return ui.find_shown(frame, lambda a: a.name == name)
        wait_for(f"{name!r} after {keys} at {NARROW} px", shown)
        time.sleep(0.5)
        if proc.poll() is not None:
            raise Failure(f"the app exited with status {proc.returncode} after {keys} (see its log)")
        colours = int(subprocess.run(
            ["/usr/bin/import", "-window", wid, "-crop",
             f"{NARROW - 40}x300+{ui.BORDER + 20}+{ui.BORDER + 100}", "-format", "%k", "info:-"],
            capture_output=True, text=True, check=True).stdout.strip())
        if colours < 3:
            raise Failure(f"after {keys} at {NARROW} px the pane is blank ({colours} colours)")
        screenshot(f"narrow-{keys}")
    log("narrow, the cases and the notes show after another pane, drawn")


def check_reopens_narrow(run, env, logpath):
    """Started again (as run.app), the window comes back at the size it was left at (kept in
    GSettings); Ctrl+W closes it."""
    log("starting again")
    run.app = ui.App(EXE, env, logpath)
    proc, frame = run.app.proc, run.app.frame

    def width():
        return frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width
    wait_for(lambda: f"the window to reopen {NARROW} px wide (it is {width()} px)",
             lambda: width() == NARROW, timeout=5)
    log(f"started again at {width()} px")
    # Ctrl+W closes the window, and with its only window closed the app ends.
    xdo("key", "--clearmodifiers", "ctrl+w")
    wait_for("the app to end on Ctrl+W", lambda: proc.poll() is not None, timeout=10)
    if proc.returncode != 0:
        raise Failure(f"the app exited with status {proc.returncode} after Ctrl+W")
    log("closed with Ctrl+W")


if __name__ == "__main__":
    ui.run_test(main)
