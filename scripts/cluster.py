#!/usr/bin/env python3
"""Cluster: real claimwatchd hosts publishing to one real PostgreSQL (issue 17).

    scripts/cluster.py [single|two-local|two|outage ...] [--files 20000] [--outage-seconds 60]

single  one host without a database: the burst's drain rate, the peer of `two`
two-local  the same burst split between two hosts without a database: the machine's own
        two-process rate, so `two` shows what publishing costs
two     the same burst split between two hosts publishing to one database (15% copies,
        most of them across hosts): drained and published, and every record of both logs
        exactly once in the database
outage  one host; PostgreSQL stopped during a burst for --outage-seconds, then started:
        how long until every record is published
stream  `claimwatch-bench stream` against this PostgreSQL: the query bench's synthetic log
        (--claims, 450,000 by default: about 500,000 records) published as one host, the
        stream's projection built beside the log's store, caught-up queries, and
        serve --database's topic page and overview; the bench on core 1 (taskset -c 1)

It starts its own PostgreSQL (initdb and pg_ctl into a temporary folder, listening on a
Unix socket there only; as root, as Debian's `postgres` user). Checks: each host's log in
the database record for record (seqs 1…n, each line byte for byte), positions gapless,
every file handled once per log. Exits 1 on the first failed check.
"""

import argparse
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import cwlib
from cwlib import say


class Postgres:
    def __init__(self):
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
        self.run([f"{self.bin}/pg_ctl", "-D", self.folder + "/data", "-l", self.folder + "/server.log", "-w", "-o", options, "start"])

    def stop(self):
        self.run([f"{self.bin}/pg_ctl", "-D", self.folder + "/data", "-m", "immediate", "-w", "stop"])

    def remove(self):
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


def two(args, pg, publish=True):
    files = make_files(args.files, 11)
    address = pg.database("bench_two") if publish else None
    database = pg.last_name if publish else None
    states = {"alpha": cwlib.make_state("cluster-alpha"), "beta": cwlib.make_state("cluster-beta")}
    shares = {"alpha": files[0::2], "beta": files[1::2]}
    copies = sum(1 for n, _ in files if "-copy-" in n)
    stagings = {h: staged(states[h], shares[h]) for h in states}
    daemons = {h: cwlib.Daemon(states[h], args=["--database", address, "--host-name", h] if publish else []).start()
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
        problems += [f"{h}: {p}" for p in cwlib.check_exactly_once(cwlib.log_records(states[h]), {n for n, _ in shares[h]})]
    more, total = check_published(pg, database, states)
    problems += more
    if not (drained and published):
        problems.append("not drained and published in time")
    say(f"two: {len(files)} files split between two hosts ({copies} copies, 15%), one database: drained in {drained_at:.1f} s "
        f"({len(files) / drained_at:.0f} files/s), every record published after {published_at:.1f} s "
        f"({len(files) / published_at:.0f} files/s); {total} records, each once")
    for s in states.values():
        cwlib.cleanup(s)
    return problems


def outage(args, pg):
    files = make_files(args.outage_files, 13)
    address = pg.database("bench_outage")
    database = pg.last_name
    state = cwlib.make_state("cluster-outage")
    staging = staged(state, files)
    daemon = cwlib.Daemon(state, args=["--database", address, "--host-name", "solo"]).start()
    drop(staging, daemon.inbox, [n for n, _ in files[: len(files) // 2]])
    time.sleep(1)
    pg.stop()
    down_at = time.time()
    drop(staging, daemon.inbox, [n for n, _ in files[len(files) // 2:]])
    counter = cwlib.HandledCounter(state)
    drained = cwlib.wait_for(lambda: counter() >= len(files), timeout=args.timeout, step=0.25)
    remaining = args.outage_seconds - (time.time() - down_at)
    if remaining > 0:
        time.sleep(remaining)
    pg.start()
    back_at = time.time()
    target = len(log_lines(state))
    published = cwlib.wait_for(lambda: pg.count(database) >= target, timeout=args.timeout, step=0.05)
    caught_up = time.time() - back_at
    problems = [] if drained and published else ["not drained or not caught up"]
    if daemon.stop() != 0:
        problems.append("the daemon did not stop cleanly")
    problems += cwlib.check_exactly_once(cwlib.log_records(state), {n for n, _ in files})
    more, total = check_published(pg, database, {"solo": state})
    problems += more
    warned = "cannot reach the database" in daemon.stderr()
    if not warned:
        problems.append("no journal warning about the database")
    say(f"outage: {len(files)} files, PostgreSQL stopped 1 s into the burst for {args.outage_seconds} s; all taken meanwhile: "
        f"{drained}; {target} records in the log when it returned; "
        f"caught up {caught_up:.2f} s after it returned; {total} records, each once; journal warning: {warned}")
    cwlib.cleanup(state)
    return problems


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
    parser.add_argument("--outage-seconds", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--claims", type=int, default=450000)
    args = parser.parse_args()
    say(f"cluster: binaries {cwlib.BIN}; load average {os.getloadavg()[0]:.2f}")
    pg = Postgres()
    problems = []
    try:
        for scenario in args.scenarios:
            found = {"single": single, "two-local": two_local, "two": two, "outage": outage, "stream": stream}[scenario](args, pg)
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
