#!/usr/bin/env python3
"""Cluster: real claimwatchd hosts publishing to one real PostgreSQL (issue 17).

    scripts/cluster.py [single|two-local|two|latency|outage ...] [--files 20000] [--outage-seconds 60]

single  one host without a database: the burst's drain rate, the peer of `two`
two-local  the same burst split between two hosts without a database: the machine's own
        two-process rate, so `two` shows what publishing costs
two     the same burst split between two hosts publishing to one database (15% copies,
        most of them across hosts): drained and published, and every record of both logs
        exactly once in the database; and the shared verdicts: every story exactly one
        original across both logs, every other file of it (the planted copies, most of them
        across hosts) a copy of that original, and no file called a copy of another story
latency two hosts on one database at idle: an article dropped on alpha, then (once
        published) its copy on beta, one at a time: from the rename into beta's drop folder
        to the copy verdict against alpha's article in beta's log, p50/p99/max
outage  two hosts, the burst split between them (15% copies, most across hosts); PostgreSQL
        stopped 1 s into it for --outage-seconds, then started: how long until every record
        of both logs is published, and until the verdicts the hosts made alone meanwhile are
        reconciled (one original per story across both logs, as `two` checks), and when the
        last late verdict was recorded; --daemon-log-level debug times each reservation call,
        --sample-activity FILE samples the reservers' sessions, --keep leaves the database
        and the state folders for a look after (`two` too), --pg-setting sets the server's
        settings (`--daemon-log-level` and `--pg-setting` serve `two` as well)
stream  `claimwatch-bench stream` against this PostgreSQL: the query bench's synthetic log
        (--claims, 450,000 by default: about 500,000 records) published as one host, the
        stream's projection built beside the log's store, caught-up queries, and
        serve --database's topic page and overview; the bench on core 1 (taskset -c 1)

It starts its own PostgreSQL (initdb and pg_ctl into a temporary folder, listening on a
Unix socket there only; as root, as Debian's `postgres` user). Checks: each host's log in
the database record for record (seqs 1…n, each line byte for byte), positions gapless,
every file handled once per log (a late verdict names its file again, no second handling,
but must come after the record of the article it judges). Exits 1 on the first failed check.
"""

import argparse
import datetime
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

import cwlib
from cwlib import say


class Postgres:
    def __init__(self, settings=()):
        self.settings = list(settings)
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            sys.exit("PostgreSQL's server programs are not installed (Debian package: postgresql)")
        self.bin = os.path.dirname(bins[-1])
        self.folder = tempfile.mkdtemp(prefix="cwpg-bench-", dir="/tmp")
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self.run([f"{self.bin}/initdb", "-D", self.folder + "/data", "-U", "claimwatch", "--auth-local=trust",
                  "-N", "-E", "UTF8", "--locale=C"])
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.start()

    def run(self, command):
        subprocess.run(self.as_user + command, check=True, cwd="/tmp", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        # Durable settings as shipped (fsync on): the figures include PostgreSQL's own commits.
        options = f"-c listen_addresses='' -c port={self.port} -c unix_socket_directories={self.folder}"
        options += "".join(f" -c {setting}" for setting in getattr(self, "settings", []))
        self.run([f"{self.bin}/pg_ctl", "-D", self.folder + "/data", "-l", self.folder + "/server.log", "-w", "-o", options, "start"])

    def stop(self):
        self.run([f"{self.bin}/pg_ctl", "-D", self.folder + "/data", "-m", "immediate", "-w", "stop"])

    def remove(self):
        if getattr(self, "keep", False):
            say(f"PostgreSQL kept running: psql -h {self.folder} -p {self.port} -U claimwatch -d {getattr(self, 'last_name', 'postgres')}")
            return
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def database(self, name):
        self.made = getattr(self, "made", 0) + 1
        name = f"{name}_{self.made}"
        self.last_name = name
        self.psql(f"CREATE DATABASE {name}", "postgres")
        return f"postgresql://claimwatch@/{name}?host={self.folder}&port={self.port}"

    def psql(self, sql, database):
        result = subprocess.run(["psql", "-X", "-q", "-At", "-h", self.folder, "-p", str(self.port), "-U", "claimwatch",
                                 "-d", database, "-c", sql], capture_output=True, text=True, cwd="/tmp")
        if result.returncode != 0:
            raise RuntimeError(result.stderr)
        return result.stdout.rstrip("\n")

    def count(self, database):
        try:
            return int(self.psql("SELECT count(*) FROM claimwatch.events", database) or 0)
        except (RuntimeError, ValueError):
            return -1


class ActivitySampler:
    """Samples the reservers' sessions every 0.25 s into a file, for telling where a
    reconciliation pass spends its time: when, the backend, its state, what it waits on, how
    long its statement has run, the function, the backend's CPU seconds so far, the load."""

    def __init__(self, pg, database, path):
        self.pg, self.database, self.path = pg, database, path
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def run(self):
        sql = ("SELECT round(extract(epoch FROM clock_timestamp())::numeric, 2), pid, state, coalesce(wait_event_type, '-'), "
               "coalesce(wait_event, '-'), round(extract(epoch FROM clock_timestamp() - query_start)::numeric, 2), "
               "substring(query FROM 'claimwatch\\.([a-z_]+)\\(') FROM pg_stat_activity "
               "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' "
               "AND query LIKE '%claimwatch.reserve_original%'")
        with open(self.path, "w") as out:
            while not self.stopping.wait(0.25):
                try:
                    rows = self.pg.psql(sql, self.database)
                except RuntimeError:
                    continue
                if rows:
                    out.write("".join(f"{row}|{self.cpu_seconds(row.split('|')[1])}|{os.getloadavg()[0]:.2f}\n"
                                      for row in rows.split("\n")))
                    out.flush()

    @staticmethod
    def cpu_seconds(pid):
        """The backend's CPU time so far (user and system), to tell work from waiting to run."""
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return f"{(int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK'):.2f}"
        except (OSError, IndexError, ValueError):
            return "-"


def log_lines(state):
    folder = os.path.join(state, "log")
    lines = []
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".log")):
        with open(os.path.join(folder, name), "rb") as f:
            lines += [line.decode() for line in f.read().split(b"\n")[:-1] if line]
    return lines


def check_published(pg, database, hosts):
    """hosts: {name: state}. Returns problems."""
    problems, total = [], 0
    for name, state in hosts.items():
        lines = log_lines(state)
        total += len(lines)
        seqs = pg.psql(f"SELECT seq FROM claimwatch.events WHERE host = '{name}' ORDER BY seq", database).split("\n")
        if [int(s) for s in seqs if s] != list(range(1, len(lines) + 1)):
            problems.append(f"{name}: the database's seqs are not 1…{len(lines)}")
        published = pg.psql(f"SELECT line FROM claimwatch.events WHERE host = '{name}' ORDER BY seq", database).split("\n")
        if published != lines:
            problems.append(f"{name}: the database's lines differ from the log's")
    positions = pg.psql("SELECT count(*), count(DISTINCT position), min(position), max(position) FROM claimwatch.events", database)
    if positions != f"{total}|{total}|1|{total}":
        problems.append(f"positions {positions}, expected {total} gapless")
    return problems, total


def staged(state, files):
    staging = os.path.join(state, "staging")
    cwlib.write_staged(staging, files)
    return staging


def drop(staging, inbox, names):
    for name in names:
        os.rename(os.path.join(staging, name), os.path.join(inbox, name))


def make_files(n, seed):
    mix = cwlib.Mix(seed=seed, copy_share=0.15)
    return [mix.next(serial) for serial in range(n)]


def single(args, pg):
    files = make_files(args.files, 11)
    state = cwlib.make_state("cluster-single")
    staging = staged(state, files)
    daemon = cwlib.Daemon(state).start()
    started = time.time()
    drop(staging, daemon.inbox, [n for n, _ in files])
    counter = cwlib.HandledCounter(state)
    done = cwlib.wait_for(lambda: counter() >= len(files), timeout=args.timeout, step=0.25)
    took = time.time() - started
    status = daemon.stop()
    problems = cwlib.check_exactly_once(cwlib.log_records(state), {n for n, _ in files})
    if not done or status != 0:
        problems.append(f"not drained (status {status})")
    say(f"single: {len(files)} files, one host, no database: drained in {took:.1f} s ({len(files) / took:.0f} files/s)")
    cwlib.cleanup(state)
    return problems


def two_local(args, pg):
    """The same split with no database: what two hosts drain on this machine by themselves."""
    return two(args, pg, publish=False)


def story_of(name):
    """The planted story of a burst file (`f0000012-copy-7.html` → 7)."""
    return int(name.split("-")[2].split(".")[0])


def check_verdicts(states):
    """Every story one original across the hosts' logs, every other file of it a copy of
    that original (or a version of an article of it), nothing a copy of another story. A
    late verdict counts for what it says: an article a late copy names is that copy (of
    another host's original, or of the same text another host recorded first), and one a
    late version names is a version, as a single host would have recorded it. Returns
    problems and counts."""
    originals, copies, problems = {}, [], []
    for host, state in states.items():
        records = cwlib.log_records(state)
        late = {r["article"] for r in records if r["type"] == "article.duplicate" and r.get("reconciled")}
        late_versions = {r["article"]: r["updates"] for r in records if r["type"] == "article.reconciled"}
        for record in records:
            if record["type"] == "article.ingested" and record["article"] not in late:
                updates = record.get("updates") or late_versions.get(record["article"])
                if updates:
                    copies.append((host, record["path"], updates))
                else:
                    originals.setdefault(story_of(record["path"]), []).append((host, record["article"]))
            elif record["type"] == "article.duplicate":
                copies.append((host, record["path"], record["of"]))
    for story, found in sorted(originals.items()):
        if len(found) != 1:
            problems.append(f"story {story}: {len(found)} originals ({found})")
    article_story = {article: story for story, found in originals.items() for _, article in found}
    cross = 0
    for host, path, of in copies:
        story = story_of(path)
        if article_story.get(of) != story:
            problems.append(f"{host} {path}: a copy of {of} (story {article_story.get(of)}), not of story {story}")
        elif not any(h == host for h, _ in originals.get(story, [])):
            cross += 1
    return problems[:20] + ([f"… {len(problems) - 20} more"] if len(problems) > 20 else []), len(originals), len(copies), cross


def check_handled(records, expected):
    """Every file handled exactly once, seqs 1… without gaps, and each late verdict for what
    it is: a reconciliation of an article this log recorded before it, which names its file
    again (no second handling of it), once. Returns problems."""
    taken = [r for r in records if not r.get("reconciled")]
    problems = [p for p in cwlib.check_exactly_once(taken, expected) if not p.startswith("seqs ")]
    if [r["seq"] for r in records] != list(range(1, len(records) + 1)):
        problems.append("seqs do not run 1… without gaps or repeats")
    recorded, judged, early, twice = set(), set(), [], []
    for record in records:
        if record["type"] == "article.ingested":
            recorded.add(record["article"])
        elif record["type"] == "article.reconciled" or (record["type"] == "article.duplicate" and record.get("reconciled")):
            if record["article"] not in recorded:
                early.append(record["article"])
            if record["article"] in judged:
                twice.append(record["article"])
            judged.add(record["article"])
    if early:
        problems.append(f"{len(early)} late verdicts before the record of the article they judge, e.g. {early[:3]}")
    if twice:
        problems.append(f"{len(twice)} articles judged late more than once, e.g. {twice[:3]}")
    return problems


def two(args, pg, publish=True):
    files = make_files(args.files, 11)
    address = pg.database("bench_two") if publish else None
    database = pg.last_name if publish else None
    states = {"alpha": cwlib.make_state("cluster-alpha"), "beta": cwlib.make_state("cluster-beta")}
    shares = {"alpha": files[0::2], "beta": files[1::2]}
    copies = sum(1 for n, _ in files if "-copy-" in n)
    stagings = {h: staged(states[h], shares[h]) for h in states}
    extra = ["--log-level", args.daemon_log_level] if args.daemon_log_level else []
    daemons = {h: cwlib.Daemon(states[h], args=(["--database", address, "--host-name", h] if publish else []) + extra).start()
               for h in states}
    started = time.time()
    for h in states:  # the two bursts one after the other, as fast as renames go
        drop(stagings[h], daemons[h].inbox, [n for n, _ in shares[h]])
    counters = {h: cwlib.HandledCounter(states[h]) for h in states}
    drained = cwlib.wait_for(lambda: all(counters[h]() >= len(shares[h]) for h in states), timeout=args.timeout, step=0.25)
    drained_at = time.time() - started
    published = not publish or cwlib.wait_for(lambda: pg.count(database) >= sum(len(log_lines(s)) for s in states.values()),
                                              timeout=args.timeout, step=0.25)
    published_at = time.time() - started
    if not publish:
        problems = [f"{h}: {p}" for h in states for p in cwlib.check_exactly_once(cwlib.log_records(states[h]), {n for n, _ in shares[h]})]
        problems += [f"{h} did not stop cleanly" for h in states if daemons[h].stop() != 0]
        say(f"two-local: {len(files)} files split between two hosts, no database: drained in {drained_at:.1f} s "
            f"({len(files) / drained_at:.0f} files/s)")
        for s in states.values():
            cwlib.cleanup(s)
        return problems if drained else problems + ["not drained in time"]
    problems = []
    for h in states:
        if daemons[h].stop() != 0:
            problems.append(f"{h} did not stop cleanly")
        # Reservations past their wait (a loaded machine) leave originals to be reconciled,
        # whose late verdicts name their files again.
        problems += [f"{h}: {p}" for p in check_handled(cwlib.log_records(states[h]), {n for n, _ in shares[h]})]
    more, total = check_published(pg, database, states)
    problems += more
    if not (drained and published):
        problems.append("not drained and published in time")
    wrong, stories, found, cross = check_verdicts(states)
    problems += wrong
    first = {}
    for i, (n, _) in enumerate(files):
        first.setdefault(story_of(n), i)
    planted_cross = sum(1 for i, (n, _) in enumerate(files) if "-copy-" in n and first[story_of(n)] % 2 != i % 2)
    reserved = pg.psql("SELECT count(*) FROM claimwatch.originals", database)
    say(f"two: {len(files)} files split between two hosts ({copies} copies, 15%; {planted_cross} planted across hosts), "
        f"one database: drained in {drained_at:.1f} s "
        f"({len(files) / drained_at:.0f} files/s), every record published after {published_at:.1f} s "
        f"({len(files) / published_at:.0f} files/s); {total} records, each once; verdicts: {stories} stories with "
        f"{'one original each' if not wrong else 'problems'}, {found} copies ({cross} judged on the other host's article), "
        f"{reserved} originals reserved; {len(wrong)} wrong")
    if args.keep:
        say(f"state folders kept: {' '.join(states.values())}")
    else:
        for s in states.values():
            cwlib.cleanup(s)
    return problems


def latency(args, pg):
    address = pg.database("bench_latency")
    database = pg.last_name
    states = {"alpha": cwlib.make_state("cluster-lat-alpha"), "beta": cwlib.make_state("cluster-lat-beta")}
    daemons = {h: cwlib.Daemon(states[h], args=["--database", address, "--host-name", h, "--log-level", "warning"]).start()
               for h in states}
    problems, latencies = [], []
    tail = LogTail(os.path.join(states["beta"], "log"))
    for index in range(args.drops):
        story = 500_000 + index
        name = f"orig-{index}.txt"
        original = cwlib.render(story, "txt")
        with open(os.path.join(states["alpha"], name), "wb") as f:
            f.write(original)
        os.rename(os.path.join(states["alpha"], name), os.path.join(daemons["alpha"].inbox, name))
        if not cwlib.wait_for(lambda: pg.psql(f"SELECT count(*) FROM claimwatch.events WHERE host = 'alpha' "
                                              f"AND type = 'article.ingested' AND line LIKE '%\"path\":\"{name}\"%'",
                                              database) == "1", timeout=60, step=0.02):
            problems.append(f"{name} not published")
            break
        time.sleep(0.2)  # idle: the article reached beta's memory through the stream (or its reservation)
        copy = f"copy-{index}.html"
        staging = os.path.join(states["beta"], copy)
        with open(staging, "wb") as f:
            f.write(cwlib.render(story, "html"))
        started = time.perf_counter()
        os.rename(staging, os.path.join(daemons["beta"].inbox, copy))
        record = tail.wait_for(lambda r: r.get("path") == copy, timeout=30)
        took = (time.perf_counter() - started) * 1000
        if record is None or record["type"] != "article.duplicate":
            problems.append(f"{copy}: {record and record['type']}, not a copy")
            continue
        latencies.append(took)
    for h in states:
        if daemons[h].stop() != 0:
            problems.append(f"{h} did not stop cleanly")
    latencies.sort()
    if latencies:
        say(f"latency: {len(latencies)} copies dropped on beta of alpha's articles, one at a time at idle: drop → copy verdict "
            f"in beta's log p50 {cwlib.percentile(latencies, 50):.1f} ms, p99 {cwlib.percentile(latencies, 99):.1f} ms, "
            f"max {latencies[-1]:.1f} ms")
    for s in states.values():
        cwlib.cleanup(s)
    return problems


class LogTail:
    """Reads a log's new lines as they are written, polling every millisecond."""

    def __init__(self, folder):
        self.folder = folder
        self.segment, self.offset, self.partial = None, 0, b""

    def lines(self):
        names = sorted(n for n in os.listdir(self.folder) if n.endswith(".log"))
        out = []
        for name in names:
            if self.segment is not None and name < self.segment:
                continue
            if name != self.segment:
                self.segment, self.offset, self.partial = name, 0, b""
            with open(os.path.join(self.folder, name), "rb") as f:
                f.seek(self.offset)
                data = f.read()
            self.offset += len(data)
            data = self.partial + data
            *complete, self.partial = data.split(b"\n")
            out += [json.loads(line) for line in complete if line]
        return out

    def wait_for(self, predicate, timeout):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for record in self.lines():
                if predicate(record):
                    return record
            time.sleep(0.001)
        return None


def outage(args, pg):
    files = make_files(args.outage_files, 13)
    address = pg.database("bench_outage")
    database = pg.last_name
    states = {"alpha": cwlib.make_state("cluster-out-alpha"), "beta": cwlib.make_state("cluster-out-beta")}
    shares = {"alpha": files[0::2], "beta": files[1::2]}
    stagings = {h: staged(states[h], shares[h]) for h in states}
    extra = ["--log-level", args.daemon_log_level] if args.daemon_log_level else []
    daemons = {h: cwlib.Daemon(states[h], args=["--database", address, "--host-name", h] + extra).start() for h in states}
    for h in states:
        drop(stagings[h], daemons[h].inbox, [n for n, _ in shares[h][: len(shares[h]) // 2]])
    time.sleep(1)
    pg.stop()
    down_at = time.time()
    for h in states:
        drop(stagings[h], daemons[h].inbox, [n for n, _ in shares[h][len(shares[h]) // 2:]])
    counters = {h: cwlib.HandledCounter(states[h]) for h in states}
    drained = cwlib.wait_for(lambda: all(counters[h]() >= len(shares[h]) for h in states), timeout=args.timeout, step=0.25)
    remaining = args.outage_seconds - (time.time() - down_at)
    if remaining > 0:
        time.sleep(remaining)
    pg.start()
    back_at = time.time()
    sampler = ActivitySampler(pg, database, args.sample_activity).start() if args.sample_activity else None
    if sampler:
        say(f"PostgreSQL back at {back_at:.2f} (epoch s)")
    waiting = sum(len(log_lines(s)) for s in states.values())
    published = cwlib.wait_for(lambda: pg.count(database) >= sum(len(log_lines(s)) for s in states.values()),
                               timeout=args.timeout, step=0.05)
    caught_up = time.time() - back_at
    reconciled = cwlib.wait_for(lambda: not check_verdicts(states)[0], timeout=args.timeout, step=0.5)
    settled = time.time() - back_at
    if sampler:
        sampler.stop()
    # The late verdicts are records too: everything published again.
    cwlib.wait_for(lambda: pg.count(database) >= sum(len(log_lines(s)) for s in states.values()), timeout=args.timeout, step=0.05)
    problems = [] if drained and published and reconciled else [f"drained {drained}, published {published}, reconciled {reconciled}"]
    for h in states:
        if daemons[h].stop() != 0:
            problems.append(f"{h} did not stop cleanly")
        problems += [f"{h}: {p}" for p in check_handled(cwlib.log_records(states[h]), {n for n, _ in shares[h]})]
    more, total = check_published(pg, database, states)
    problems += more
    wrong, stories, found, cross = check_verdicts(states)
    problems += wrong
    late_records = [r for s in states.values() for r in cwlib.log_records(s) if r["type"] == "article.duplicate" and r.get("reconciled")]
    late = len(late_records)
    # The check above reads both logs whole, which takes seconds on a loaded machine: when
    # the last late verdict was recorded says how long the reconciliation itself took.
    last_late = max((recorded_at(r["time"]) for r in late_records), default=back_at) - back_at
    warned = all("cannot reach the database" in d.stderr() for d in daemons.values())
    if not warned:
        problems.append("no journal warning about the database")
    say(f"outage: {len(files)} files split between two hosts, PostgreSQL stopped 1 s into the burst for {args.outage_seconds} s; "
        f"all taken meanwhile: {drained}; {waiting} records in the logs when it returned; every record published "
        f"{caught_up:.2f} s after it returned, the verdicts reconciled after {settled:.2f} s, the last late verdict recorded "
        f"{last_late:.2f} s after it returned ({late} late article.duplicate, "
        f"{stories} stories with one original each, {found} copies, {cross} across hosts); {total} records, each once; "
        f"journal warnings: {warned}")
    if args.keep:
        say(f"state folders kept: {' '.join(states.values())}")
    else:
        for s in states.values():
            cwlib.cleanup(s)
    return problems


def recorded_at(time_text):
    """A record's time (RFC 3339, UTC) in seconds since the epoch."""
    return datetime.datetime.strptime(time_text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()


def stream(args, pg):
    address = pg.database("bench_stream")
    folder = tempfile.mkdtemp(prefix="cwq-stream-", dir=os.environ.get("CLAIMWATCH_SCRATCH") or "/tmp")
    try:
        # The bench on core 1, as every timing here; PostgreSQL where the system puts it.
        result = subprocess.run(["taskset", "-c", "1", os.path.join(cwlib.BIN, "claimwatch-bench"), "stream", "--database", address,
                                 "--claims", str(args.claims), "--runs", str(args.runs), "--folder", folder],
                                text=True, cwd="/tmp")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [] if result.returncode == 0 else [f"claimwatch-bench stream failed ({result.returncode})"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", default=["single", "two-local", "two", "outage"])
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--outage-files", type=int, default=5000)
    parser.add_argument("--drops", type=int, default=300, help="single drops for the latency figures")
    parser.add_argument("--outage-seconds", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--claims", type=int, default=450000)
    parser.add_argument("--keep", action="store_true", help="outage, two: keep the state folders and PostgreSQL (for a look after)")
    parser.add_argument("--sample-activity", metavar="FILE",
                        help="outage: the reservers' sessions in pg_stat_activity every 0.25 s after PostgreSQL returns, into FILE")
    parser.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a server setting for the PostgreSQL it starts (e.g. session_preload_libraries=auto_explain)")
    parser.add_argument("--daemon-log-level", help="outage, two: the daemons' --log-level (debug times every reservation call)")
    args = parser.parse_args()
    say(f"cluster: binaries {cwlib.BIN}; load average {os.getloadavg()[0]:.2f}")
    pg = Postgres(args.pg_setting)
    pg.keep = args.keep
    problems = []
    try:
        for scenario in args.scenarios:
            found = {"single": single, "two-local": two_local, "two": two, "latency": latency,
                     "outage": outage, "stream": stream}[scenario](args, pg)
            problems += [f"{scenario}: {p}" for p in found]
            if found:
                break
    finally:
        pg.remove()
    say(f"load average at the end {os.getloadavg()[0]:.2f}")
    if problems:
        cwlib.fail(problems)
    say("cluster: all checks passed")


if __name__ == "__main__":
    main()
