"""Driving Delegate like a person: shared helpers for the tests that use the accessibility tree.

A test finds what a person would see through AT-SPI (pyatspi), presses keys and types with
xdotool, and clicks where the tree says a widget is. Under Xvfb with no window manager the
window sits at 0,0 and its shadow adds a 5 px border (see GUI-TESTING.md for GTK 4.8's quirks).

    import atspi as ui
    shots = ui.Screenshots(directory)
    app = ui.App(exe, env, logfile)          # starts it, waits for its window
    ui.key("ctrl+f"); ui.type_text("tour")
    row = ui.wait_for("the row", lambda: ui.find_shown(app.frame, ui.named("City tour")))
    ui.click(row)

Use /usr/bin/python3: other Pythons on the machine do not see Debian's pyatspi.
"""

import os
import re
import signal
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 20.0
# Where the window's content begins on the screen: the shadow's width.
BORDER = 5

BUTTONS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_RADIO_BUTTON,
           pyatspi.ROLE_PAGE_TAB)
LISTS = (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE)
ENTRIES = (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT)

_started = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - _started:6.2f}s] {msg}", flush=True)


class Failure(Exception):
    """A step did not do what a person would expect."""


class DisplayTaken(Failure):
    """The app could not open the X display (another run took it): the runner tries again."""


def run_test(main):
    """Run a GUI test's main(), and end as run-gui-test.sh expects: 0 and PASS, 1 and FAIL on
    a failed step, 3 when the display was taken (it then runs the test again)."""
    try:
        main()
    except DisplayTaken as e:
        print(f"FAIL: {e}", flush=True)
        sys.exit(3)
    except Failure as e:
        print(f"FAIL: {e}", flush=True)
        sys.exit(1)
    print("PASS", flush=True)


def stop(proc):
    """End a process the test started, politely first."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def echo_log(path):
    """Print what the app wrote to its log, if anything, on stderr, with the log's name."""
    with open(path) as f:
        out = f.read()
    if out.strip():
        print(f"--- the app's output ({os.path.basename(path)}):\n" + out + "---",
              file=sys.stderr)


def wait_for(what, fn, timeout=TIMEOUT, interval=0.1):
    """Poll fn() until it returns something true, and return that. After timeout seconds fail,
    naming `what` (a string, or a callable that describes the state at the end)."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = fn()
            if value:
                return value
        except Failure:
            raise
        except Exception as e:  # objects vanish while the tree changes: try again
            last_error = e
        time.sleep(interval)
    if callable(what):
        try:
            what = what()
        except Exception as e:
            what = f"(cannot describe: {e})"
    raise Failure(f"timed out after {timeout:.0f}s waiting for {what}"
                  + (f" (last error: {last_error})" if last_error else ""))


# --- reading the tree ----------------------------------------------------------------------

def role(acc):
    return acc.getRole()


def states(acc):
    return acc.getState()


def text_of(acc):
    """What a person reads on an accessible: its name, or else its text."""
    name = acc.name or ""
    if name:
        return name
    try:
        return content_of(acc)
    except NotImplementedError:
        return ""


def content_of(acc):
    """The Text contents, even of an accessible that has a name (entries, text views).
    GTK 4.8 returns nothing for getText(0, -1): ask for characterCount characters."""
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def extents(acc):
    return acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def pixel(x, y):
    """The colour the screen shows at (x, y), as ImageMagick writes it ("srgb(250,250,250)")."""
    shot = subprocess.run(["/usr/bin/import", "-window", "root", "-crop", f"1x1+{x}+{y}",
                           "-format", "%[pixel:p{0,0}]", "info:-"],
                          capture_output=True, text=True, check=True)
    return shot.stdout.strip()


def text_lines(ext):
    """How many lines of text the screen shows in the box ext (window coordinates): the bands
    of pixel rows where light and dark meet."""
    shot = subprocess.run(["/usr/bin/import", "-window", "root", "-crop",
                           f"{ext.width}x{ext.height}+{BORDER + ext.x}+{BORDER + ext.y}",
                           "-colorspace", "gray", "-depth", "8", "gray:-"],
                          capture_output=True, check=True).stdout
    rows = [shot[y * ext.width:(y + 1) * ext.width] for y in range(ext.height)]
    inked = [len(row) > 0 and max(row) - min(row) > 100 for row in rows]
    return sum(1 for y, ink in enumerate(inked) if ink and (y == 0 or not inked[y - 1]))


def on_screen(acc):
    """Rows scrolled out of view and hidden pages have no size (GTK 4.8 leaves SHOWING off
    most accessibles, so the size is what tells)."""
    ext = extents(acc)
    return ext.width > 0 and ext.height > 0


def find(root, pred):
    return pyatspi.utils.findDescendant(root, pred)


def find_all(root, pred):
    return pyatspi.utils.findAllDescendants(root, pred)


def find_shown(root, pred):
    """The first accessible below root that matches pred and is on screen."""
    return next((a for a in find_all(root, pred) if on_screen(a)), None)


def named(name, roles=None):
    """A predicate: the accessible's name (or text) is name, and its role one of roles."""
    return lambda a: text_of(a) == name and (roles is None or role(a) in roles)


def label(text, exact=True):
    """A predicate for a label showing text (or starting with it, exact=False)."""
    return lambda a: role(a) == pyatspi.ROLE_LABEL and (
        text_of(a) == text if exact else text_of(a).startswith(text))


def shown_texts(root):
    """Every text below root on screen, in tree order."""
    return [text_of(a) for a in find_all(root, lambda a: text_of(a) != "") if on_screen(a)]


def visible_texts(root):
    """Every text below root whose accessible and ancestors are VISIBLE (GTK 4.8 leaves SHOWING
    off many containers, and popovers have extents of their own)."""
    texts = []

    def walk(acc):
        for child in acc:
            if child is not None and states(child).contains(pyatspi.STATE_VISIBLE):
                texts.append(text_of(child))
                walk(child)
    walk(root)
    return texts


def dump(acc, depth=0, out=None, limit=3000):
    """The tree below acc, one line per accessible with its size and states, for failures."""
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    try:
        try:
            ext = extents(acc)
            box = f"{ext.x},{ext.y} {ext.width}x{ext.height}"
        except Exception:
            box = "?"
        st = [pyatspi.stateToString(s) for s in acc.getState().getStates()
              if s in (pyatspi.STATE_SELECTED, pyatspi.STATE_CHECKED, pyatspi.STATE_FOCUSED,
                       pyatspi.STATE_SENSITIVE)]
        out.append(f"{'  ' * depth}{acc.getRoleName()} {text_of(acc)!r} [{box}] {' '.join(st)}")
        for child in acc:
            if child is not None:
                dump(child, depth + 1, out, limit)
    except Exception as e:
        out.append(f"{'  ' * depth}<gone: {e}>")
    return out


def ancestor(acc, wanted_role):
    """The nearest ancestor of acc (or acc) with wanted_role."""
    while acc is not None and role(acc) != wanted_role:
        acc = acc.parent
    return acc


# --- acting like a person --------------------------------------------------------------------

def xdo(*args):
    subprocess.run(["xdotool", *args], check=True)


def key(*combos):
    """Press keys, e.g. key("ctrl+o") or key("ctrl+a", "BackSpace")."""
    xdo("key", "--clearmodifiers", *combos)


def type_text(text, delay=40):
    """Type text key by key, as a person would, into what has the keyboard focus; a new line
    is the Return key (xdotool types it as a keysym GTK does not take for one)."""
    for i, line in enumerate(text.split("\n")):
        if i > 0:
            key("Return")
        if line:
            xdo("type", "--delay", str(delay), line)


def click(acc):
    """Click the middle of acc with the pointer. GTK 4.8 cannot grab focus through AT-SPI, so
    this is also how a widget gets the keyboard."""
    ext = extents(acc)
    if ext.width <= 0 or ext.height <= 0:
        raise Failure(f"cannot click {acc.getRoleName()} {text_of(acc)!r}: it is not on screen")
    xdo("mousemove", str(BORDER + ext.x + ext.width // 2), str(BORDER + ext.y + ext.height // 2),
        "click", "1")


def click_for(acc, what, done, timeout=3):
    """Click acc, and return done() once it holds. If nothing came of the click, click once
    more, as a person would, and say so in the log. Here (Xvfb, no window manager) GTK 4.8 now
    and then takes no notice of a click soon after one of its popups closed: opening and
    closing two drop-downs 20 times, some runs lost the first click after every close and
    others none, and the second click always worked."""
    click(acc)
    try:
        return wait_for(what, done, timeout=timeout)
    except Failure:
        log(f"nothing came of a click, waiting for {what if isinstance(what, str) else what()}:"
            " clicked again")
    click(acc)
    return wait_for(what, done)


def activate(acc):
    """Press a button through its accessible action (menu items in popovers have extents
    relative to the popover, where a pointer click would miss). Falls back to a click."""
    try:
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                action.doAction(i)
                return
    except NotImplementedError:
        pass
    click(acc)


def selected(acc):
    s = states(acc)
    return (s.contains(pyatspi.STATE_CHECKED) or s.contains(pyatspi.STATE_SELECTED)
            or s.contains(pyatspi.STATE_PRESSED))


# --- lists and the view switcher ---------------------------------------------------------------

TABS = (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_PUSH_BUTTON,
        pyatspi.ROLE_PAGE_TAB)


def the_list(frame, name):
    """The list named name that is on screen (a pane's hidden twin has no size)."""
    return wait_for(f"the list {name!r}", lambda: next(
        (a for a in find_all(frame, lambda a: a.name == name and role(a) in LISTS)
         if on_screen(a)), None))


def rows_of(lst, names):
    """Which of names the list shows now."""
    return sorted(n for n in names if find(lst, lambda a, n=n: text_of(a) == n) is not None)


def tab(frame, name):
    """The view switcher's button for the pane name."""
    return wait_for(f"the view switcher button {name!r}", lambda: next(
        (b for b in find_all(frame, lambda a: a.name == name and role(a) in TABS)
         if on_screen(b)), None))


def open_row(frame, lst, name, shown):
    """Open a row like a person: click it, and press Enter if the click only selected it."""
    row = wait_for(f"{name!r} in the list", lambda: find(lst, lambda a: text_of(a) == name))
    click(row)
    try:
        return wait_for("the row to open on a click", shown, timeout=2)
    except Failure:
        xdo("key", "--clearmodifiers", "Return")
        return wait_for(f"{name!r} to open", shown)


def resize_width(frame, width):
    """Makes the window width px wide, its height as it is (its X window has a BORDER px
    shadow on each side), as dragging its edge would."""
    wid = subprocess.run(["xdotool", "search", "--name", f"^{re.escape(frame.name)}$"],
                         capture_output=True, text=True).stdout.split()
    if not wid:
        raise Failure(f"cannot find the X window {frame.name!r} to resize it")
    height = extents(frame).height
    xdo("windowsize", wid[0], str(width + 2 * BORDER), str(height + 2 * BORDER))
    wait_for(lambda: f"the window to be {width} px wide (it is {extents(frame).width} px)",
             lambda: extents(frame).width == width)


# --- screenshots -------------------------------------------------------------------------------

class Screenshots:
    """Numbered PNGs of the screen, or of one window's content, in a directory."""

    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        os.makedirs(directory, exist_ok=True)

    def take(self, name, frame=None):
        """Save NN-name.png; with frame, only that window, without its shadow."""
        self.count += 1
        path = os.path.join(self.directory, f"{self.count:02d}-{name}.png")
        args = ["/usr/bin/import", "-window", "root"]
        if frame is not None:
            try:
                ext = extents(frame)
                args += ["-crop", f"{ext.width}x{ext.height}+{BORDER + ext.x}+{BORDER + ext.y}",
                         "+repage"]
            except Exception:
                pass  # the window is gone: the whole screen says more
        subprocess.run([*args, path], check=False, stderr=subprocess.DEVNULL)
        log(f"screenshot {path}")
        return path


# --- the app -------------------------------------------------------------------------------------

def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def app_frame(proc, logpath):
    """The window of the app started as proc once it is in the accessibility tree, else
    None; fails if the app exited first (DisplayTaken when it could not open the X display,
    which the runner retries), its log at logpath saying why."""
    if proc.poll() is not None:
        with open(logpath) as f:
            if "cannot open display" in f.read():
                raise DisplayTaken("the app could not open the X display")
        raise Failure(f"the app exited with status {proc.returncode} before its window appeared")
    app = find_app(proc.pid)
    if app is None:
        return None
    return next((w for w in app if w is not None and role(w) == pyatspi.ROLE_FRAME), None)


def wait_for_window(proc, logpath):
    """Waits for the window of the app started as proc (see app_frame) and returns it."""
    return wait_for("the app's window", lambda: app_frame(proc, logpath))


class App:
    """The app as a process and its main window (frame) in the accessibility tree."""

    def __init__(self, exe, env, logpath, args=()):
        self.logpath = logpath
        self.logfile = open(logpath, "a")
        log(f"starting {exe} {' '.join(args)}".rstrip())
        self.proc = subprocess.Popen([exe, *args], env=env, stdout=self.logfile,
                                     stderr=subprocess.STDOUT)
        self.app = None
        self.frame = None
        try:
            self.app, self.frame = wait_for("the app's window", self._window)
        except BaseException:
            # No window: nothing will end the app but this.
            self.kill()
            raise

    def _window(self):
        if self.proc.poll() is not None:
            with open(self.logpath) as f:
                if "cannot open display" in f.read():
                    raise DisplayTaken("the app could not open the X display")
            raise Failure(f"the app exited with status {self.proc.returncode} before its window"
                          " appeared")
        a = find_app(self.proc.pid)
        if a is None:
            return None
        w = next((w for w in a if w is not None and role(w) == pyatspi.ROLE_FRAME), None)
        return (a, w) if w is not None else None

    def windows(self):
        """The app's other visible windows and dialogs."""
        return [w for w in self.app if w is not None and w != self.frame
                and role(w) in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG)
                and states(w).contains(pyatspi.STATE_VISIBLE)]

    def window_id(self):
        """The X window id of the main window (for xdotool)."""
        ids = subprocess.run(["xdotool", "search", "--pid", str(self.proc.pid)],
                             capture_output=True, text=True).stdout.split()
        for wid in ids:
            name = subprocess.run(["xdotool", "getwindowname", wid],
                                  capture_output=True, text=True).stdout.strip()
            if name == self.frame.name:
                return wid
        raise Failure(f"no X window named {self.frame.name!r}")

    def resize(self, width, height):
        """Make the window's content width x height, as dragging its corner would."""
        xdo("windowsize", self.window_id(), str(width + 2 * BORDER), str(height + 2 * BORDER))

        def size():
            ext = extents(self.frame)
            return ext.width, ext.height
        wait_for(lambda: f"the window to be {width}x{height} (it is {size()})",
                 lambda: size() == (width, height))

    def tab(self, name):
        """Show a page from the view switcher, as a person clicks its button."""
        button = wait_for(f"the view switcher button {name!r}", lambda: find_shown(
            self.frame, named(name, BUTTONS)))
        click(button)
        wait_for(f"page {name!r} to be shown", lambda: selected(button))
        return button

    def shown(self, what, pred, root=None, timeout=TIMEOUT):
        """Wait for an accessible matching pred to be on screen, and return it."""
        return wait_for(what, lambda: find_shown(root or self.frame, pred), timeout=timeout)

    def kill(self, sig=None):
        """End the app at once (SIGKILL by default, as a crash or a flat battery would)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig or signal.SIGKILL)
            self.proc.wait()
        self.logfile.close()

    def stop(self):
        """End the app as a logout would (SIGTERM: it saves and quits), killed if it has not
        ended in 5 s (see stop)."""
        stop(self.proc)
        self.logfile.close()

    def quit(self, timeout=10):
        """Ctrl+Q, and the app ends with status 0 within timeout seconds."""
        key("ctrl+q")
        wait_for("the app to quit on Ctrl+Q", lambda: self.proc.poll() is not None,
                 timeout=timeout)
        self.logfile.close()
        if self.proc.returncode != 0:
            raise Failure(f"the app exited with status {self.proc.returncode} after Ctrl+Q")

    def quit_held(self, what, pred, timeout=30, linger=0):
        """Ctrl+Q with something not saved: the close is held. Waits for what (pred: the
        toast or the status that says so) to be on screen, then linger seconds more, and fails
        if the app has quit all the same; returns what was shown. Ctrl+Q again (quit) ends it."""
        key("ctrl+q")
        shown = self.shown(what, pred, timeout=timeout)
        if linger:
            time.sleep(linger)
        if self.proc.poll() is not None:
            raise Failure(f"the app quit (status {self.proc.returncode}) on a Ctrl+Q that "
                          f"should have been held, {what} showing")
        return shown

    def report(self):
        """On a failure: what the window holds, on stderr."""
        if self.frame is None:
            return
        try:
            print("--- the window's accessibility tree:", file=sys.stderr)
            print("\n".join(dump(self.frame)), file=sys.stderr)
            for w in self.windows():
                print(f"--- window {w.name!r}:", file=sys.stderr)
                print("\n".join(dump(w)), file=sys.stderr)
        except Exception as e:
            print(f"(the tree could not be read: {e})", file=sys.stderr)


# --- a test's run --------------------------------------------------------------------------------

class Run:
    """What a GUI test holds, ended however the test ends:

        with ui.Run(shots) as run:
            run.app = ui.App(exe, env, logpath)
            run.lock = Lock()        # anything with release()
            ...
            run.lock.release()
            run.lock = None          # released: not again at the end

    On an exception it takes the screenshot "failure", prints the window's tree with report
    (App.report) and calls what on_failure() was given (and lets the exception go on). At the
    end it releases run.lock, calls what at_end() was given, and ends run.app, each unless the
    test has set it back to None: killed, or with polite, stopped as a logout stops it (SIGTERM,
    on which the app saves and quits; killed if it has not ended in 5 s). Last, with echo (a
    log's path), it prints what the app wrote there, as echo_log does."""

    def __init__(self, shots, polite=False, report=False, echo=None):
        self.shots = shots
        self.polite = polite
        self.report = report
        self.echo = echo
        self.app = None
        self.lock = None
        self._at_end = []
        self._on_failure = []

    def at_end(self, fn):
        """Also call fn() at the end, after the lock is released and before the app is ended."""
        self._at_end.append(fn)

    def on_failure(self, fn):
        """Also call fn() on an exception, after the screenshot and the report."""
        self._on_failure.append(fn)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is not None and issubclass(exc_type, Exception):
                self.shots.take("failure")
                if self.report and self.app is not None:
                    self.app.report()
                for fn in self._on_failure:
                    fn()
        finally:
            try:
                if self.lock is not None:
                    self.lock.release()
                for fn in self._at_end:
                    fn()
                if self.app is not None:
                    if self.polite:
                        self.app.stop()
                    else:
                        self.app.kill()
            finally:
                if self.echo is not None and os.path.exists(self.echo):
                    echo_log(self.echo)
        return False
