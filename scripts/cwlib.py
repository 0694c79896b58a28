"""Shared helpers for the reliability scripts (soak, faults): invented articles, a real
claimwatchd under a temporary state folder, and readers for what it wrote.

Python 3 standard library only. Every script runs the release executables it is given
(default: .build/release) and prints its figures."""

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("CLAIMWATCH_BIN", os.path.join(ROOT, ".build", "release"))

# Invented vocabulary: every article the scripts write is made from these words.
NOUNS = ["council", "harbour", "bridge", "ferry", "budget", "school", "river", "market", "storm", "station",
         "tunnel", "museum", "library", "stadium", "factory", "orchard", "reservoir", "depot", "clinic", "canal"]
VERBS = ["approved", "delayed", "announced", "rejected", "opened", "closed", "repaired", "funded", "inspected",
         "moved", "expanded", "audited"]
PEOPLE = ["Mara Quillon", "Tobias Vennick", "Elsa Drummet", "Ravi Oskeld", "Ines Parrow", "Hugo Saltmarsh"]
ROLES = ["the mayor", "a council spokesperson", "the harbour master", "the union secretary", "the finance officer"]
TOWNS = ["Example Town", "Sampleford", "Testbury", "Mockington", "Draftwick"]


def article_text(index):
    """A distinct invented story: a title and four paragraphs with claims and figures."""
    rng = random.Random(index * 7919 + 13)
    town = rng.choice(TOWNS)
    title = f"Report {index}: {town} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
    paragraphs = []
    for p in range(4):
        sentences = []
        for s in range(rng.randint(5, 8)):
            kind = rng.random()
            if kind < 0.2:
                sentences.append(f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}, said the {rng.choice(NOUNS)} would cost "
                                 f"{rng.randint(2, 900)} million dollars by day {index + p + s}.")
            elif kind < 0.35:
                sentences.append(f"According to {rng.choice(ROLES)}, {rng.randint(10, 99)} percent of the "
                                 f"{rng.choice(NOUNS)} users in {town} {rng.choice(VERBS)} the plan on day {index * 3 + s}.")
            else:
                sentences.append(f"The {rng.choice(NOUNS)} {rng.choice(VERBS)} the {rng.choice(NOUNS)} near the "
                                 f"{rng.choice(NOUNS)} on day {index * 11 + p * 5 + s}.")
        paragraphs.append(" ".join(sentences))
    return title, paragraphs


def render(index, fmt):
    """The article `index` as a file's bytes in `fmt` (txt, html, json)."""
    title, paragraphs = article_text(index)
    if fmt == "txt":
        return ("\n\n".join([title] + paragraphs) + "\n").encode()
    if fmt == "html":
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                f"<article><h1>{title}</h1>\n{body}</article>"
                f"<footer>Copyright Example Media</footer></body></html>\n").encode()
    if fmt == "json":
        return json.dumps({"title": title, "text": "\n\n".join(paragraphs), "url": f"https://news.example/{index}",
                           "outlet": "Example Wire"}).encode() + b"\n"
    raise ValueError(fmt)


class Mix:
    """Names and bytes for a stream of files: mostly new stories in mixed formats, some
    exact copies (the same bytes again), some copies in another format."""

    def __init__(self, seed=1, copy_share=0.2, base=0):
        self.rng = random.Random(seed)
        self.copy_share = copy_share
        self.next_story = base
        self.stories = []

    def next(self, serial):
        fmt = self.rng.choice(["txt", "html", "json"])
        if self.stories and self.rng.random() < self.copy_share:
            story = self.rng.choice(self.stories)
            kind = "copy"
        else:
            story = self.next_story
            self.next_story += 1
            self.stories.append(story)
            kind = "new"
        return f"f{serial:07d}-{kind}-{story}.{fmt}", render(story, fmt)


def write_staged(folder, files):
    """Writes (name, bytes) pairs into `folder` (on the drop folder's file system)."""
    os.makedirs(folder, exist_ok=True)
    for name, data in files:
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


class NotifyListener:
    """A NOTIFY_SOCKET that records every STATUS= the daemon sends, like systemd."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.2)
        self.messages = []
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                self.messages.append((time.time(), data.decode(errors="replace")))

    def statuses(self):
        with self.lock:
            return [(t, line[7:]) for t, m in self.messages for line in m.split("\n") if line.startswith("STATUS=")]

    def close(self):
        self.running = False
        self.sock.close()


class Daemon:
    """A real claimwatchd on `state`, its standard error kept in `state/daemon-N.err`."""

    def __init__(self, state, args=(), env=None, nice=False):
        self.state = state
        self.args = list(args)
        self.env = dict(os.environ, **(env or {}))
        self.nice = nice
        self.proc = None
        self.runs = 0
        self.notify = None

    @property
    def inbox(self):
        return os.path.join(self.state, "inbox")

    def start(self, wait=True, notify=False):
        os.makedirs(self.inbox, exist_ok=True)
        env = dict(self.env)
        if notify:
            if self.notify is None:
                self.notify = NotifyListener(self.state)
            env["NOTIFY_SOCKET"] = self.notify.path
        rescans = HandledCounter(self.state, types=("watch.rescan",))
        scans = rescans()
        self.runs += 1
        self.err_path = os.path.join(self.state, f"daemon-{self.runs}.err")
        command = [os.path.join(BIN, "claimwatchd"), "--state", self.state] + self.args
        if self.nice:
            command = ["nice", "-n", "19"] + command
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(self.err_path, "wb"), env=env)
        if wait:
            deadline = time.time() + 120
            while rescans() <= scans:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"claimwatchd exited {self.proc.returncode}: {open(self.err_path).read()}")
                if time.time() > deadline:
                    raise RuntimeError("claimwatchd did not finish its startup scan")
                time.sleep(0.05)
        return self

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            return self.proc.wait(timeout=300)
        return self.proc.returncode if self.proc else None

    def rss_kib(self):
        """Resident set size of claimwatchd (the child of nice, when niced)."""
        pid = self.pid()
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def pid(self):
        # `nice` execs the daemon, so the pid is the daemon's either way.
        return self.proc.pid

    def stderr(self):
        out = []
        for n in range(1, self.runs + 1):
            try:
                out.append(open(os.path.join(self.state, f"daemon-{n}.err"), errors="replace").read())
            except OSError:
                pass
        return "".join(out)


def log_records(state):
    """Every whole record of the log, in order (a last line without its newline is skipped)."""
    folder = os.path.join(state, "log")
    records = []
    if not os.path.isdir(folder):
        return records
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".log")):
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        for line in data.split(b"\n")[:-1]:
            if line:
                records.append(json.loads(line))
    return records


def count_type(state, type_name):
    folder = os.path.join(state, "log")
    if not os.path.isdir(folder):
        return 0
    needle = f'"type":"{type_name}"'.encode()
    total = 0
    for name in os.listdir(folder):
        if name.endswith(".log"):
            with open(os.path.join(folder, name), "rb") as f:
                total += f.read().count(needle)
    return total


HANDLED = ("article.ingested", "article.duplicate", "file.rejected")


class HandledCounter:
    """Counts handled files in a growing log, reading only the bytes added since the last
    call (polling a 250 MB log in full twice a second would slow the daemon it watches)."""

    def __init__(self, state, types=HANDLED):
        self.needles = [f'"type":"{t}"'.encode() for t in types]
        self.folder = os.path.join(state, "log")
        self.offsets = {}
        self.total = 0

    def __call__(self):
        if not os.path.isdir(self.folder):
            return 0
        for name in sorted(n for n in os.listdir(self.folder) if n.endswith(".log")):
            path = os.path.join(self.folder, name)
            start = self.offsets.get(name, 0)
            with open(path, "rb") as f:
                f.seek(start)
                data = f.read()
            end = data.rfind(b"\n") + 1  # whole lines only
            chunk = data[:end]
            self.total += sum(chunk.count(n) for n in self.needles)
            self.offsets[name] = start + end
        return self.total


def handled_paths(records):
    return [r["path"] for r in records if r["type"] in HANDLED]


def cli(state, *args, check=True):
    result = subprocess.run([os.path.join(BIN, "claimwatch")] + list(args) + ["--state", state],
                            capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"claimwatch {' '.join(args)} exited {result.returncode}: {result.stderr}{result.stdout}")
    return result


def verify(state):
    """`claimwatch verify --json` as a dict; `ok` is false when anything is damaged."""
    result = cli(state, "verify", "--json", check=False)
    return json.loads(result.stdout)


def check_exactly_once(records, expected):
    """Each expected path handled exactly once, nothing unexpected; seqs 1… without gaps.
    Returns a list of problems (empty when all is well)."""
    problems = []
    seqs = [r["seq"] for r in records]
    if seqs != list(range(1, len(seqs) + 1)):
        problems.append("seqs do not run 1… without gaps or repeats")
    seen = {}
    for path in handled_paths(records):
        seen[path] = seen.get(path, 0) + 1
    twice = [p for p, n in seen.items() if n > 1]
    missing = [p for p in expected if p not in seen]
    extra = [p for p in seen if p not in expected]
    if twice:
        problems.append(f"{len(twice)} paths handled more than once, e.g. {twice[:3]}")
    if missing:
        problems.append(f"{len(missing)} files never handled, e.g. {missing[:3]}")
    if extra:
        problems.append(f"{len(extra)} unexpected paths, e.g. {extra[:3]}")
    return problems


def wait_for(condition, timeout, step=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[k]


def make_state(label, base=None):
    base = base or os.environ.get("CLAIMWATCH_SCRATCH") or tempfile.gettempdir()
    return tempfile.mkdtemp(prefix=f"claimwatch-{label}-", dir=base)


def cleanup(state, keep=False):
    if keep:
        print(f"  (state kept in {state})")
        return
    shutil.rmtree(state, ignore_errors=True)


def say(text=""):
    print(text, flush=True)


def fail(problems):
    for p in problems:
        say(f"  FAIL: {p}")
    sys.exit(1)
