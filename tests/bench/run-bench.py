#!/usr/bin/python3
"""Delegate's window benchmarks, timed from outside by an X11 client (watch-window).

    run-bench.py --delegate EXE --bare EXE --bare-style CSS --watch EXE --build-root DIR
                 [--out DIR]
                 [--repeats N] [--quiet MS] CASE...

CASE is one or more of:
  startup    start-up and memory: plain `delegate` with a stored 1,000-session event
             (514 members, 100 cases) against the bare libadwaita window (bare-window.c),
             styled by Delegate's style sheet (CSS), and the stock one;
  subscribe  first sight: a FOSDEM-size schedule added to a running Delegate (on the
             built-in forum) until its 943 sessions are on screen, from schedule.json and
             from schedule.xml, both handed over by `delegate schedule` and typed into the
             Add Event dialog (Ctrl+O, the path, Return: timed from Return); and ConfClerk's
             import of the same schedule.xml, then its day view (when confclerk is
             installed);
  peer       the same FOSDEM-size schedule, already stored, opened in ConfClerk and in
             Delegate: time to visually complete and peak memory (needs confclerk).

Everything runs under one private Xvfb (1280x800x24, no window manager) and one private
session bus, with private XDG directories and no network use, except one Mesa shader cache
shared by every run, as a desktop user's ~/.cache/mesa_shader_cache is shared by every GL
program: on llvmpipe, a program that draws with shaders its cache has never seen spends some
300 ms compiling them (LLVM), which a delegate pays once on a machine, not at every start or
subscription; the warm-up fills it. Each case runs a warm-up of
each program, then N repeats interleaved (A, B, A, B ...); the table gives medians, and
ratios of medians side by side. Tables are printed as Markdown, with the date, the machine
and the library versions, and kept in OUT/bench-CASE.md and OUT/bench-CASE.json.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FORUM_TITLE = "National Smart City Forum 2025"
FOSDEM_TITLE = "FOSDEM 2025"
KUPANG_TITLE = "Citynet 2019 Best Practice Seminar and Sharing"
GOAL_STARTUP_RATIO = 1.15
GOAL_MEMORY_MIB = 30
GOAL_FIRST_SIGHT_MS = 150
CONFCLERK_FIRST_SIGHT_MS = 466


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# --- the X server and the session bus -------------------------------------------------------

def start_xvfb():
    """A private Xvfb; returns (process, display)."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-noreset",
         "-nolisten", "tcp"],
        pass_fds=[write_fd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise SystemExit("Xvfb did not start")
        number += chunk
    os.close(read_fd)
    return proc, ":" + number.decode().strip()


# --- measuring ------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.fixtures = os.path.join(tmp, "fixtures")
        subprocess.run([sys.executable, os.path.join(HERE, "gen-fixtures.py"), self.fixtures],
                       check=True)

    def env(self, home):
        """A private home: XDG data, config and cache inside it, keyfile GSettings."""
        for sub in ("data", "config", "cache", "runtime"):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
        os.chmod(os.path.join(home, "runtime"), 0o700)
        env = dict(os.environ)
        for var in ("GTK_A11Y", "NO_AT_BRIDGE", "G_DEBUG", "GSETTINGS_BACKEND", "LC_ALL",
                    "LANGUAGE", "WAYLAND_DISPLAY"):
            env.pop(var, None)
        env.update({
            "HOME": home,
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_RUNTIME_DIR": os.path.join(home, "runtime"),
            "GSETTINGS_BACKEND": "keyfile",
            # One for all runs (see the top of this file).
            "MESA_SHADER_CACHE_DIR": os.path.join(self.tmp, "mesa-shader-cache"),
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.args.build_root, "data"),
            "DELEGATE_LOCALEDIR": os.path.join(self.args.build_root, "po"),
            "LANG": "C.UTF-8",
            "GDK_BACKEND": "x11",
            "QT_QPA_PLATFORM": "xcb",
        })
        return env

    def watch(self, command, env, title=None, existing=False, leave_running=False,
              timeout=60000):
        argv = [self.args.watch, "--quiet", str(self.args.quiet), "--timeout", str(timeout)]
        if title:
            argv += ["--title", title]
        if existing:
            argv.append("--existing")
        if leave_running:
            argv.append("--leave-running")
        argv += ["--"] + command
        out = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if out.returncode != 0 or result["timed_out"]:
            raise RuntimeError(f"no complete window for {command}: {result}")
        result["rss_kib"] = max(result["vm_hwm_kib"], result["maxrss_kib"])
        return result

    def delegate_with(self, home, source, title):
        """Stores @source as the current event of a fresh Delegate home."""
        env = self.env(home)
        self.watch([self.args.delegate, source], env, title=title)
        return env

    # --- confclerk ---

    def confclerk_with(self, home, schedule_xml):
        """Imports @schedule_xml into a fresh ConfClerk home through its own dialogs, as a
        person would (Conferences, +, the URL, Open, Close); returns (env, import_ms) where
        import_ms is the time from Open to the end of the import plus the time from Close to
        the day view drawn."""
        env = self.env(home)
        proc = subprocess.Popen(["confclerk"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            xdo = ["xdotool"]
            wait_window(env, proc.pid, "ConfClerk")
            # The window may exist before it takes clicks: click until the dialog comes. With
            # no window manager, everything is at fixed places: the Conferences menu at the
            # top left, the dialog's "+" at its top left.
            click_until(env, proc.pid, (50, 10), "Edit Conferences")
            click_until(env, proc.pid, (176, 107), "URL Input")
            time.sleep(0.3)
            subprocess.run(xdo + ["type", "file://" + schedule_xml], env=env, check=True)
            imported = self.watch(xdo + ["key", "Return"], env, existing=True)
            closed = self.watch(xdo + ["key", "Escape"], env, existing=True)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        db = os.path.join(home, "data", "Toastfreeware", "ConfClerk", "ConfClerk.sqlite")
        with sqlite3.connect(db) as conn:
            n = conn.execute("select count(*) from event").fetchone()[0]
        if n != 943:
            raise RuntimeError(f"ConfClerk imported {n} events, not 943")
        return env, imported["complete_ms"] + closed["complete_ms"]


def wait_window(env, pid, name, timeout=10.0, fail=True):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid),
                              "--name", name],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
        if out.stdout.strip():
            return True
        time.sleep(0.1)
    if fail:
        raise RuntimeError(f"no window named {name!r}")
    return False


def click_until(env, pid, where, name, attempts=10):
    for _ in range(attempts):
        time.sleep(0.5)
        subprocess.run(["xdotool", "mousemove", str(where[0]), str(where[1]), "click", "1"],
                       env=env, check=True)
        if wait_window(env, pid, name, timeout=2.0, fail=False):
            return
    raise RuntimeError(f"no window named {name!r} after {attempts} clicks")


def kill(pid):
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# --- the cases ------------------------------------------------------------------------------

def interleave(bench, programs, repeats):
    """programs: list of (name, function returning a watch result). One warm-up each, then
    @repeats rounds of each in turn."""
    results = {name: [] for name, _ in programs}
    for name, run in programs:
        log(f"  warm-up: {name}")
        run()
    for i in range(repeats):
        for name, run in programs:
            r = run()
            results[name].append(r)
            log(f"  {i + 1}/{repeats} {name}: first frame {r.get('first_paint_ms', -1):.0f} ms, "
                f"complete {r['complete_ms']:.0f} ms, peak RSS {r.get('rss_kib', 0) / 1024:.1f} MiB")
    return results


def med(results, key):
    return statistics.median(r[key] for r in results)


def case_startup(bench):
    """Items 1 and 4: start-up and peak memory with the stored forum, against the bare window.

    The floor is the bare window styled by Delegate's style sheet, which draws the window's
    frame (on X11 without a compositor, as here) more cheaply than libadwaita does: what
    Delegate takes beyond it is Delegate's own cost. The stock bare window is shown beside."""
    home = os.path.join(bench.tmp, "startup-delegate")
    env = bench.delegate_with(home, os.path.join(bench.fixtures, "forum-1000.json"), FORUM_TITLE)
    bare_env = bench.env(os.path.join(bench.tmp, "startup-bare"))
    styled = [bench.args.bare, "--style-sheet=" + bench.args.bare_style]
    results = interleave(bench, [
        ("stock", lambda: bench.watch([bench.args.bare], bare_env)),
        ("bare", lambda: bench.watch(styled, bare_env)),
        ("delegate", lambda: bench.watch([bench.args.delegate], env, title=FORUM_TITLE)),
    ], bench.args.repeats)
    s, b, d = results["stock"], results["bare"], results["delegate"]
    first = med(d, "first_paint_ms") / med(b, "first_paint_ms")
    complete = med(d, "complete_ms") / med(b, "first_paint_ms")
    extra_mib = (med(d, "rss_kib") - med(b, "rss_kib")) / 1024
    rows = [
        ["Exec to first painted frame", f"{med(s, 'first_paint_ms'):.0f} ms",
         f"{med(b, 'first_paint_ms'):.0f} ms",
         f"{med(d, 'first_paint_ms'):.0f} ms", f"{first:.2f}x",
         goal(first <= GOAL_STARTUP_RATIO, f"at most {GOAL_STARTUP_RATIO}x")],
        ["Exec to visually complete (the event's sessions on screen)",
         f"{med(s, 'complete_ms'):.0f} ms", f"{med(b, 'complete_ms'):.0f} ms",
         f"{med(d, 'complete_ms'):.0f} ms",
         f"{complete:.2f}x (of the bare window's first frame)",
         goal(complete <= GOAL_STARTUP_RATIO, f"at most {GOAL_STARTUP_RATIO}x")],
        ["Peak resident memory (VmHWM)", f"{med(s, 'rss_kib') / 1024:.1f} MiB",
         f"{med(b, 'rss_kib') / 1024:.1f} MiB",
         f"{med(d, 'rss_kib') / 1024:.1f} MiB", f"+{extra_mib:.1f} MiB",
         goal(extra_mib <= GOAL_MEMORY_MIB, f"at most +{GOAL_MEMORY_MIB} MiB")],
    ]
    return {
        "title": "Start-up and memory: Delegate with a stored 1,000-session event, 514 members "
                 "and 100 cases, against a bare libadwaita window (styled by Delegate's style "
                 "sheet; the stock one beside it)",
        "header": ["What (median of %d)" % bench.args.repeats, "Stock bare window",
                   "Bare window", "Delegate", "Delegate vs bare", "Goal"],
        "rows": rows, "raw": results,
    }


def case_subscribe(bench):
    """Item 5: from adding a schedule to its sessions on screen, in a running Delegate."""
    counter = [0]

    def first_sight(kind, add):
        """A running Delegate on the built-in forum, then the schedule added by @add(env,
        pid, path), which returns the measure of the last step."""
        counter[0] += 1
        home = os.path.join(bench.tmp, f"subscribe-{counter[0]}")
        env = bench.env(home)
        # A fresh copy of the file each time: a new subscription, never one already stored.
        source = os.path.join(home, f"schedule-{counter[0]}.{kind}")
        shutil.copy(os.path.join(bench.fixtures, f"fosdem-943.{kind}"), source)
        running = bench.watch([bench.args.delegate], env, title=KUPANG_TITLE,
                              leave_running=True)
        try:
            return add(env, running["pid"], source)
        finally:
            kill(running["pid"])

    def hand_over(env, pid, source):
        """`delegate FILE`, as a file manager or a terminal runs it: a second process hands
        the file to the running one."""
        return bench.watch([bench.args.delegate, source], env, title=FOSDEM_TITLE,
                           existing=True)

    def add_event_dialog(env, pid, source):
        """As a person adds it in the app, the way ConfClerk's import is timed: Ctrl+O, the
        file's path typed into Add Event, then Return (the clock runs from there)."""
        subprocess.run(["xdotool", "key", "ctrl+o"], env=env, check=True)
        wait_window(env, pid, "Add Event")
        time.sleep(0.3)
        subprocess.run(["xdotool", "type", source], env=env, check=True)
        time.sleep(0.3)
        return bench.watch(["xdotool", "key", "Return"], env, title=FOSDEM_TITLE, existing=True)

    programs = [("delegate-json", lambda: first_sight("json", hand_over)),
                ("delegate-xml", lambda: first_sight("xml", hand_over)),
                ("dialog-json", lambda: first_sight("json", add_event_dialog)),
                ("dialog-xml", lambda: first_sight("xml", add_event_dialog))]
    have_confclerk = shutil.which("confclerk") is not None
    if have_confclerk:
        def confclerk_import():
            counter[0] += 1
            _, ms = bench.confclerk_with(os.path.join(bench.tmp, f"subscribe-{counter[0]}"),
                                         os.path.join(bench.fixtures, "fosdem-943.xml"))
            return {"complete_ms": ms}
        programs.append(("confclerk", confclerk_import))
    results = interleave(bench, programs, bench.args.repeats)

    rows = []
    for name, label in (("delegate-json", "Delegate, `delegate schedule.json`"),
                        ("delegate-xml", "Delegate, `delegate schedule.xml`"),
                        ("dialog-json", "Delegate, schedule.json through Add Event"),
                        ("dialog-xml", "Delegate, schedule.xml through Add Event")):
        ms = med(results[name], "complete_ms")
        ratio = ""
        if have_confclerk:
            ratio = f"{ms / med(results['confclerk'], 'complete_ms'):.2f}x ConfClerk"
        rows.append([label, f"{ms:.0f} ms", f"{med(results[name], 'first_paint_ms'):.0f} ms",
                     ratio, goal(ms <= GOAL_FIRST_SIGHT_MS, f"at most {GOAL_FIRST_SIGHT_MS} ms")])
    if have_confclerk:
        rows.append(["ConfClerk 0.7.1, schedule.xml (import, then the day view)",
                     f"{med(results['confclerk'], 'complete_ms'):.0f} ms", "", "",
                     f"({CONFCLERK_FIRST_SIGHT_MS} ms measured before)"])
    return {
        "title": "Subscribe to first sight: a 943-event FOSDEM-size schedule added to a running "
                 "app, until its sessions are on screen: handed over by a second process "
                 "(`delegate FILE`, as from a file manager), or typed into Add Event and Return "
                 "(as ConfClerk's import: its URL, Open, then Close)",
        "header": ["Program (median of %d)" % bench.args.repeats, "To visually complete",
                   "To the first change", "Ratio", "Goal"],
        "rows": rows, "raw": results,
    }


def case_peer(bench):
    """Item 7: the stored FOSDEM-size schedule opened in ConfClerk and in Delegate."""
    if shutil.which("confclerk") is None:
        raise SystemExit("confclerk is not installed (apt-get install confclerk)")
    xml = os.path.join(bench.fixtures, "fosdem-943.xml")
    cc_env, _ = bench.confclerk_with(os.path.join(bench.tmp, "peer-confclerk"), xml)
    d_env = bench.delegate_with(os.path.join(bench.tmp, "peer-delegate"), xml, FOSDEM_TITLE)
    results = interleave(bench, [
        ("confclerk", lambda: bench.watch(["confclerk"], cc_env, title=FOSDEM_TITLE)),
        ("delegate", lambda: bench.watch([bench.args.delegate], d_env, title=FOSDEM_TITLE)),
    ], bench.args.repeats)
    c, d = results["confclerk"], results["delegate"]
    rows = [
        ["Exec to first painted frame", f"{med(c, 'first_paint_ms'):.0f} ms",
         f"{med(d, 'first_paint_ms'):.0f} ms",
         f"{med(d, 'first_paint_ms') / med(c, 'first_paint_ms'):.2f}x"],
        ["Exec to visually complete", f"{med(c, 'complete_ms'):.0f} ms",
         f"{med(d, 'complete_ms'):.0f} ms",
         f"{med(d, 'complete_ms') / med(c, 'complete_ms'):.2f}x"],
        ["Peak resident memory (VmHWM)", f"{med(c, 'rss_kib') / 1024:.1f} MiB",
         f"{med(d, 'rss_kib') / 1024:.1f} MiB",
         f"{(med(d, 'rss_kib') - med(c, 'rss_kib')) / 1024:+.1f} MiB"],
    ]
    return {
        "title": "Against the peer: the same stored 943-event schedule.xml opened in ConfClerk "
                 "0.7.1 (Qt 5) and in Delegate",
        "header": ["What (median of %d)" % bench.args.repeats, "ConfClerk", "Delegate",
                   "Delegate vs ConfClerk"],
        "rows": rows, "raw": results,
    }


def goal(met, text):
    return f"{text}: met" if met else f"{text}: **missed**"


# --- reporting ------------------------------------------------------------------------------

def package_version(name):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    return out.stdout.strip() or "?"


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg()[0]
    return (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {cpu}, {os.cpu_count()} "
            f"cores, load average {load:.1f} at the start; {platform.system()} "
            f"{platform.release()}; GTK {package_version('libgtk-4-1')}, libadwaita "
            f"{package_version('libadwaita-1-0')}, Qt {package_version('libqt5core5a')}, "
            f"Xvfb {package_version('xvfb')}")


def markdown(table, about):
    lines = [f"### {table['title']}", "", about, "",
             "| " + " | ".join(table["header"]) + " |",
             "|" + "---|" * len(table["header"])]
    lines += ["| " + " | ".join(row) + " |" for row in table["rows"]]
    return "\n".join(lines) + "\n"


CASES = {"startup": case_startup, "subscribe": case_subscribe, "peer": case_peer}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delegate", required=True)
    parser.add_argument("--bare", required=True)
    parser.add_argument("--bare-style", required=True,
                        help="Delegate's style sheet, for the bare window styled as Delegate's")
    parser.add_argument("--watch", required=True)
    parser.add_argument("--build-root", required=True)
    parser.add_argument("--out", default=".")
    parser.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 7)))
    parser.add_argument("--quiet", type=int, default=1500,
                        help="ms without damage that make a window visually complete")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("cases", nargs="+", choices=sorted(CASES))
    args = parser.parse_args()

    if not args.inside:
        # Run again inside a private X server and session bus.
        xvfb, display = start_xvfb()
        try:
            env = dict(os.environ, DISPLAY=display)
            env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            rc = subprocess.call(["dbus-run-session", "--", sys.executable,
                                  os.path.abspath(__file__), "--inside"] + sys.argv[1:], env=env)
        finally:
            xvfb.terminate()
            xvfb.wait()
        sys.exit(rc)

    about = f"Measured {machine()}. Build: {os.path.basename(args.build_root.rstrip('/'))}."
    with tempfile.TemporaryDirectory(prefix="delegate-bench-") as tmp:
        bench = Bench(args, tmp)
        for name in args.cases:
            log(f"== {name}")
            table = CASES[name](bench)
            text = markdown(table, about)
            print(text, flush=True)
            os.makedirs(args.out, exist_ok=True)
            with open(os.path.join(args.out, f"bench-{name}.md"), "w") as f:
                f.write(text)
            with open(os.path.join(args.out, f"bench-{name}.json"), "w") as f:
                json.dump({"about": about, **table}, f, indent=1)


if __name__ == "__main__":
    main()
