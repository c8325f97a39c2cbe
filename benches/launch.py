#!/usr/bin/env python3
"""Launch time and idle memory of the real app against a bare Tauri window.

Time: from the WebDriver "new session" request (which starts the app) until the first frame that shows what
a CSS selector matches has been drawn — for the app, the overview with its audit results (or, for a build
without one, the first answer of an IPC call); for the bare window, the answer of its one command. Both go
through the same tauri-driver and WebKitWebDriver, so the driver's own overhead is the same on both sides.
The page is not polled: one asynchronous script watches it (`WAIT_SHOWN`) and answers after that frame, so
the measure neither lags behind the page by a polling round trip nor takes the page's time with its polls.

Memory: the app started directly (no driver), left idle, then the proportional set size (PSS) summed over
the app and every process it spawned (WebKitWebProcess, WebKitNetworkProcess, sandbox helpers), read from
/proc/<pid>/smaps_rollup.

A third window, when given (`--svelte`), is the bare one with the smallest Svelte 5 page instead of plain
HTML: the cost of the stack itself, to read the app's figures against. And when given (`--bare-alike`), the
bare window is measured a second time with the app's engine settings (on Linux, drawing in software): the
target compares the app with a bare Tauri window as Tauri makes it, and this tells, beside it, what the
app costs on top of the same engine set up the same way.

Runs alternate between the windows so that a busy machine slows them alike. Every wait is bounded. Prints
medians and ratios; asserts nothing about speed (it is a benchmark, not a test).
Needs a display (run it under xvfb-run, as benches/launch.sh does).
"""

import argparse
import http.client
import json
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REQUEST_TIMEOUT = 40  # seconds for any single WebDriver request (longer than a waiting script may take)
READY_TIMEOUT = 30  # seconds for a page to show what we wait for (and for the script that waits)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of():
    """Maps each pid to its child pids, from /proc."""
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields start after the last ')'.
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree(pid):
    kids = children_of()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def proc_name(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def processes_running(binary):
    """Pids whose executable is `binary` (to wait until a closed session's app has really gone)."""
    real = os.path.realpath(binary)
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/exe") == real:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def stop_group(proc, grace=5):
    """SIGTERM to the process group, SIGKILL after a grace period."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=grace)


def clean_env():
    env = dict(os.environ)
    # The default renderer, as people get it (and WebKitWebDriver screenshots need it too).
    env.pop("WEBKIT_DISABLE_DMABUF_RENDERER", None)
    return env


class Driver:
    """A tauri-driver in its own process group."""

    def __init__(self):
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(self.port), "--native-port", str(free_port())],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=clean_env(),
            process_group=0,
        )
        deadline = time.monotonic() + 20
        while True:
            if self.proc.poll() is not None:
                sys.exit("launch: tauri-driver exited early; is webkit2gtk-driver installed?")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("launch: tauri-driver did not listen within 20 s")
                time.sleep(0.05)

    def request(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=REQUEST_TIMEOUT) as resp:
                return json.load(resp)["value"]
        except urllib.error.HTTPError as err:
            raise RuntimeError(f"{method} {path}: {err.code} {err.read()[:300]!r}") from None
        except (OSError, http.client.HTTPException) as err:
            raise RuntimeError(f"{method} {path}: {err!r}") from None

    def stop(self):
        stop_group(self.proc)


# Answers, once `selector` matches, with the page's clock after the frame that shows it: its animation frame
# runs before that frame is drawn, the task it queues runs after. On an empty page (a window made on
# about:blank before it loads the app's page) it answers at once with null: "not there yet".
WAIT_SHOWN = """
const [selector, done] = arguments;
if (location.href === 'about:blank') return done(null);
const shown = () => requestAnimationFrame(() => setTimeout(() => done(performance.now())));
if (document.querySelector(selector) !== null) return shown();
const observer = new MutationObserver(() => {
  if (document.querySelector(selector) === null) return;
  observer.disconnect();
  shown();
});
observer.observe(document, { childList: true, subtree: true });
"""


def time_to_ready(driver, binary, args, selector):
    """Seconds from the new-session request to the first frame showing `selector` in the app's page, and how
    many of them the page itself took, from its navigation start (its `performance.now()`)."""
    caps = {
        "capabilities": {
            "alwaysMatch": {
                "browserName": "wry",
                "timeouts": {"script": READY_TIMEOUT * 1000},
                "tauri:options": {"application": binary, "args": args},
            }
        }
    }
    start = time.monotonic()
    session = driver.request("POST", "/session", caps)["sessionId"]
    try:
        while True:
            try:
                in_page = driver.request(
                    "POST", f"/session/{session}/execute/async", {"script": WAIT_SHOWN, "args": [selector]}
                )
                if in_page is not None:
                    return time.monotonic() - start, float(in_page) / 1000
            except (OSError, RuntimeError, http.client.HTTPException):
                # Before the page exists, or while WebKit swaps the page's process, a script finds no page to
                # run in, or loses it: that only means "not yet".
                pass
            if time.monotonic() - start > READY_TIMEOUT:
                raise RuntimeError(f"{os.path.basename(binary)}: `{selector}` never appeared")
            time.sleep(0.005)
    finally:
        try:
            driver.request("DELETE", f"/session/{session}")
        except (OSError, RuntimeError, http.client.HTTPException):
            # A measure already taken stands; the app goes with the driver's process group (`measure`).
            pass
        deadline = time.monotonic() + 10
        while processes_running(binary) and time.monotonic() < deadline:
            time.sleep(0.05)


RETRIES = []


def measure(binary, args, selector, attempts=3):
    """`time_to_ready` through a fresh tauri-driver (a reused one sometimes drops the next session), tried
    again if the driver still drops it (it happens on a loaded machine)."""
    for attempt in range(1, attempts + 1):
        driver = Driver()
        try:
            return time_to_ready(driver, binary, args, selector)
        except (OSError, RuntimeError, http.client.HTTPException) as err:
            if attempt == attempts:
                raise
            RETRIES.append(f"{os.path.basename(binary)}: {err}")
            print(f"launch: {os.path.basename(binary)}: {err!r}; trying again", file=sys.stderr)
        finally:
            driver.stop()
    raise AssertionError("unreachable")


def idle_memory(binary, args, settle):
    """PSS (KiB) of the app and all its processes after `settle` seconds, median of three samples."""
    proc = subprocess.Popen(
        [binary, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=clean_env(),
        process_group=0,
    )
    try:
        time.sleep(settle)
        if proc.poll() is not None:
            raise RuntimeError(f"{os.path.basename(binary)} exited with {proc.returncode} while idle")
        samples, names = [], set()
        for _ in range(3):
            pids = tree(proc.pid)
            names.update(proc_name(p) for p in pids)
            samples.append(sum(pss_kib(p) for p in pids))
            time.sleep(0.5)
        return statistics.median(samples), sorted(names)
    finally:
        stop_group(proc)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", required=True)
    ap.add_argument("--app-ready", required=True, help="CSS selector meaning 'the app is ready'")
    ap.add_argument("--app-label", default="first screen")
    ap.add_argument("--first-ready", help="CSS selector of the app's first answer from Rust, measured too")
    ap.add_argument("--first-args", default="", help="app arguments for that measure (one string)")
    ap.add_argument("--bare", required=True)
    ap.add_argument("--bare-ready", default="#answer")
    ap.add_argument("--svelte", help="the bare window with a minimal Svelte page (same ready selector)")
    ap.add_argument("--bare-alike", help="bare window arguments that set its engine up like the app's (one string)")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--memory-runs", type=int, default=5)
    ap.add_argument("--settle", type=float, default=4.0, help="seconds of idle before reading memory")
    ap.add_argument("app_args", nargs="*", help="arguments for the app ('{data}' = a fresh data folder)")
    opts = ap.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        sys.exit("launch: no display; run under xvfb-run (benches/launch.sh does)")
    for b in (opts.app, opts.bare, *([opts.svelte] if opts.svelte else [])):
        if not os.access(b, os.X_OK):
            sys.exit(f"launch: {b} is not an executable; build it first")

    scratch = tempfile.mkdtemp(prefix="premiers-pas-bench-")

    def app_args():
        # A fresh data folder each run: every launch is a first launch.
        data = tempfile.mkdtemp(dir=scratch)
        return [a.replace("{data}", data) for a in opts.app_args]

    times = {"app": [], "bare": [], "first": [], "svelte": [], "alike": []}
    in_page = {which: [] for which in times}
    first_args = shlex.split(opts.first_args)
    alike_args = shlex.split(opts.bare_alike or "")
    memory = {"app": [], "bare": [], "svelte": [], "alike": []}
    names = {}
    try:
        # One unmeasured launch each: page cache and font cache warm for both.
        measure(opts.app, app_args(), opts.app_ready)
        measure(opts.bare, [], opts.bare_ready)
        if opts.svelte:
            measure(opts.svelte, [], opts.bare_ready)
        for i in range(opts.runs):
            order = [("app", opts.app), ("bare", opts.bare)]
            if opts.first_ready:
                order.append(("first", opts.app))
            if opts.svelte:
                order.append(("svelte", opts.svelte))
            if opts.bare_alike:
                order.append(("alike", opts.bare))
            for which, binary in order if i % 2 == 0 else reversed(order):
                if which == "app":
                    t, page = measure(binary, app_args(), opts.app_ready)
                elif which == "first":
                    data = tempfile.mkdtemp(dir=scratch)
                    t, page = measure(binary, [a.replace("{data}", data) for a in first_args], opts.first_ready)
                elif which == "alike":
                    t, page = measure(binary, alike_args, opts.bare_ready)
                else:
                    t, page = measure(binary, [], opts.bare_ready)
                times[which].append(t)
                in_page[which].append(page)
        for i in range(opts.memory_runs):
            m, names["app"] = idle_memory(opts.app, app_args(), opts.settle)
            memory["app"].append(m)
            m, names["bare"] = idle_memory(opts.bare, [], opts.settle)
            memory["bare"].append(m)
            if opts.svelte:
                m, names["svelte"] = idle_memory(opts.svelte, [], opts.settle)
                memory["svelte"].append(m)
            if opts.bare_alike:
                m, names["alike"] = idle_memory(opts.bare, alike_args, opts.settle)
                memory["alike"].append(m)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    ta, tb = statistics.median(times["app"]), statistics.median(times["bare"])
    ma, mb = statistics.median(memory["app"]), statistics.median(memory["bare"])
    spread = lambda xs: f"{min(xs) * 1000:.0f}–{max(xs) * 1000:.0f}"
    mib_spread = lambda xs: f"{min(xs) / 1024:.0f}–{max(xs) / 1024:.0f}"

    def of_which(which):
        return f", of which {statistics.median(in_page[which]) * 1000:.0f} ms in the page"

    print(f"launch → {opts.app_label} (median of {opts.runs}, through tauri-driver):")
    print(f"  app  {ta * 1000:7.0f} ms   (range {spread(times['app'])} ms{of_which('app')})")
    print(f"  bare {tb * 1000:7.0f} ms   (range {spread(times['bare'])} ms{of_which('bare')})")
    print(f"  ratio {ta / tb:.2f}  (target ≤ 1.15: {'met' if ta / tb <= 1.15 else 'NOT met'})")
    if times["first"]:
        tf = statistics.median(times["first"])
        print(f"launch → the app's first answer from Rust (welcome screen), for comparison:")
        print(f"  app  {tf * 1000:7.0f} ms   (range {spread(times['first'])} ms{of_which('first')})")
        print(f"  ratio to bare {tf / tb:.2f}")
    if times["svelte"]:
        ts = statistics.median(times["svelte"])
        print(f"launch → the bare window with a minimal Svelte page, for comparison:")
        print(f"  svelte {ts * 1000:5.0f} ms   (range {spread(times['svelte'])} ms{of_which('svelte')})")
        print(f"  ratio to bare {ts / tb:.2f}")
    if times["alike"]:
        tl = statistics.median(times["alike"])
        print(f"launch → the bare window set up like the app ({opts.bare_alike}), for comparison:")
        print(f"  alike {tl * 1000:6.0f} ms   (range {spread(times['alike'])} ms{of_which('alike')})")
        print(f"  app's ratio to it {ta / tl:.2f}")
    if RETRIES:
        print(f"  ({len(RETRIES)} launch(es) tried again: the driver dropped the new session)")
    print(f"idle memory, PSS of all processes after {opts.settle:g} s (median of {opts.memory_runs}):")
    print(f"  app  {ma / 1024:7.1f} MiB  (range {mib_spread(memory['app'])}; {', '.join(names['app'])})")
    print(f"  bare {mb / 1024:7.1f} MiB  (range {mib_spread(memory['bare'])}; {', '.join(names['bare'])})")
    print(f"  ratio {ma / mb:.2f}  (target ≤ 1.10: {'met' if ma / mb <= 1.10 else 'NOT met'})")
    if memory["svelte"]:
        ms = statistics.median(memory["svelte"])
        print(f"  the bare window with a minimal Svelte page, for comparison:")
        print(f"  svelte {ms / 1024:5.1f} MiB  (range {mib_spread(memory['svelte'])}), ratio to bare {ms / mb:.2f}")
    if memory["alike"]:
        ml = statistics.median(memory["alike"])
        print(f"  the bare window set up like the app ({opts.bare_alike}), for comparison:")
        print(f"  alike {ml / 1024:6.1f} MiB  (range {mib_spread(memory['alike'])}), the app's ratio to it {ma / ml:.2f}")


if __name__ == "__main__":
    main()
