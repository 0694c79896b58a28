#!/usr/bin/env python3
"""A cluster host's start over a long shared stream (issue 17): how long a host takes,
from its launch until it takes files, when the stream holds ~500,000 records of another
host, with and without its cache of the other hosts' records.

    scripts/cluster_start.py [--files 20000] [--runs 3] [--new-files 500] [--peer DIR]

It starts its own PostgreSQL (as scripts/cluster.py does), has host alpha take --files
invented files (15% copies) and publish them, then starts host beta on its own state
folder again and again, interleaved, on core 1 (`taskset -c 1`):

cold   beta's cache (`<state>/index/other-hosts.bin`) removed first: it reads every one of
       alpha's records from the stream, as every start did before the cache (main's
       behaviour; it also writes the cache as it goes)
warm   the cache the run before left: beta reads only what the stream holds past it
warm+  the same after alpha took --new-files more files while beta was stopped
main   with --peer DIR: DIR's claimwatchd (built from main, which keeps no cache) started on
       the same state folder in each round, first

Each start is timed from the launch to the startup scan's `watch.rescan` in beta's log (the
daemon waits for the other hosts' records before it takes files, up to 60 s), and to its
journal's `other hosts' records caught up` line, which also says what came from where. Checks: beta's
memory holds the same records each time (the journal's counts add up to alpha's followed
records), and a copy of an article of alpha dropped on beta after the last start is its copy.
"""

import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cwlib  # noqa: E402
from cluster import Postgres, drop, make_files, staged  # noqa: E402
from cwlib import say  # noqa: E402

FOLLOWED = ("article.ingested", "article.duplicate", "claim.extracted", "story.merged")


def followed_records(state):
    return sum(cwlib.count_type(state, t) for t in FOLLOWED)


def start_beta(state, address, timeout, binaries=None):
    """Starts beta on core 1; returns (seconds until it takes files, seconds until it has
    caught up with the stream, its journal, the process)."""
    rescans = cwlib.HandledCounter(state, types=("watch.rescan",))
    before = rescans()
    err = os.path.join(state, f"beta-{time.time_ns()}.err")
    command = ["taskset", "-c", "1", os.path.join(binaries or cwlib.BIN, "claimwatchd"), "--state", state,
               "--database", address, "--host-name", "beta"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(err, "wb"))
    while rescans() <= before:
        if proc.poll() is not None:
            raise RuntimeError(f"beta exited {proc.returncode}: {open(err).read()}")
        time.sleep(0.01)
    took = time.perf_counter() - started
    # Past its minute's wait a host takes files before it has caught up: that is timed too.
    deadline = time.time() + timeout
    # (main's build says only `other hosts' records learned`, once it has applied them.)
    while not any(line in open(err, errors="replace").read() for line in ("records caught up", "records learned")) \
            and time.time() < deadline:
        time.sleep(0.01)
    learned = time.perf_counter() - started
    return took, learned, open(err, errors="replace").read(), proc


def stop(proc):
    proc.send_signal(15)
    return proc.wait(timeout=300)


def caught_up(journal):
    line = next((l for l in reversed(journal.splitlines()) if "other hosts' records caught up" in l), "")
    return {k: int(v) for k, v in re.findall(r"(from-cache|from-stream|stream-position)=(\d+)", line)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--new-files", type=int, default=500)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--peer", help="a folder with a claimwatchd built from main, started too in each round (it keeps no cache)")
    args = parser.parse_args()
    say(f"cluster start: binaries {cwlib.BIN}; load average {os.getloadavg()[0]:.2f}")
    pg = Postgres()
    problems = []
    alpha_state = cwlib.make_state("cluster-start-alpha")
    beta_state = cwlib.make_state("cluster-start-beta")
    try:
        address = pg.database("bench_start")
        database = pg.last_name
        files = make_files(args.files + args.new_files, 17)
        first, later = files[:args.files], files[args.files:]
        alpha = cwlib.Daemon(alpha_state, args=["--database", address, "--host-name", "alpha", "--log-level", "warning"]).start()
        staging = staged(alpha_state, files)
        started = time.time()
        drop(staging, alpha.inbox, [n for n, _ in first])
        counter = cwlib.HandledCounter(alpha_state)
        if not cwlib.wait_for(lambda: counter() >= len(first), timeout=args.timeout, step=0.5):
            return cwlib.fail(["alpha did not take its files in time"])
        lines = lambda: sum(1 for _ in open_log_lines(alpha_state))  # noqa: E731
        cwlib.wait_for(lambda: pg.count(database) >= lines(), timeout=args.timeout, step=0.5)
        say(f"alpha took {len(first)} files and published {pg.count(database)} records in {time.time() - started:.1f} s; "
            f"{followed_records(alpha_state)} of them are of the types other hosts follow")
        fetched = pg.psql("SELECT sum(length(e.line)) + coalesce(sum(length(t.text)), 0) FROM claimwatch.events e "
                          "LEFT JOIN claimwatch.texts t ON e.type IN ('article.ingested', 'article.duplicate') "
                          "AND t.content = (e.line::json ->> 'content') "
                          f"WHERE e.host = 'alpha' AND e.type IN ({', '.join(repr(t) for t in FOLLOWED)})", database)
        say(f"a start that reads the whole stream fetches {int(fetched or 0) / 1e6:.0f} MB of lines and texts from the database")

        cache = os.path.join(beta_state, "index", "other-hosts.bin")
        results = {"main": [], "cold": [], "warm": []}
        for run in range(1, args.runs + 1):
            for kind in (("main",) if args.peer else ()) + ("cold", "warm"):
                if kind == "cold" and os.path.exists(cache):
                    os.unlink(cache)
                load = os.getloadavg()[0]
                took, learned, journal, proc = start_beta(beta_state, address, args.timeout,
                                                          args.peer if kind == "main" else None)
                counts = caught_up(journal)
                stop(proc)
                expected = followed_records(alpha_state)
                if kind != "main" and counts.get("from-cache", 0) + counts.get("from-stream", 0) != expected:
                    problems.append(f"run {run} {kind}: {counts}, expected {expected} records in all")
                results[kind].append((took, learned))
                size = os.path.getsize(cache) if os.path.exists(cache) else 0
                say(f"  run {run} {kind}: takes files after {took:.2f} s, caught up after {learned:.2f} s "
                    f"({counts.get('from-cache', 0)} records from the cache, "
                    f"{counts.get('from-stream', 0)} from the stream; cache {size / 1e6:.0f} MB), load average {load:.2f}")

        # A warm start after alpha took more while beta was away.
        drop(staging, alpha.inbox, [n for n, _ in later])
        cwlib.wait_for(lambda: counter() >= len(files), timeout=args.timeout, step=0.5)
        cwlib.wait_for(lambda: pg.count(database) >= lines(), timeout=args.timeout, step=0.5)
        load = os.getloadavg()[0]
        took, learned, journal, proc = start_beta(beta_state, address, args.timeout)
        counts = caught_up(journal)
        say(f"  warm+ ({len(later)} new files of alpha): takes files after {took:.2f} s, caught up after {learned:.2f} s "
            f"({counts.get('from-cache', 0)} from the "
            f"cache, {counts.get('from-stream', 0)} from the stream), load average {load:.2f}")
        # Judged against alpha's records: a copy of one of alpha's originals is its copy.
        ingested = next(r for r in cwlib.log_records(alpha_state) if r["type"] == "article.ingested")
        text = open(os.path.join(alpha_state, "articles", ingested["content"][:2], ingested["content"] + ".txt")).read()
        with open(os.path.join(beta_state, "inbox", ".copy.txt.part"), "w") as f:
            f.write(text)
        os.rename(os.path.join(beta_state, "inbox", ".copy.txt.part"), os.path.join(beta_state, "inbox", "copy.txt"))
        copy = None
        deadline = time.time() + 60
        while copy is None and time.time() < deadline:
            copy = next((r for r in cwlib.log_records(beta_state) if r.get("path") == "copy.txt"), None)
            time.sleep(0.1)
        if not copy or copy["type"] != "article.duplicate" or copy["of"] != ingested["article"]:
            problems.append(f"a copy of alpha's {ingested['article']} on beta: {copy}")
        stop(proc)
        alpha.stop()
        for kind, what in (("main", "main's build"), ("cold", "cold (the whole stream)"), ("warm", "warm (the cache)")):
            times = sorted(t[0] for t in results[kind])
            if times:
                say(f"start until it takes files, {what}: {', '.join(f'{t[0]:.2f}' for t in results[kind])} s; "
                    f"median {times[len(times) // 2]:.2f} s")
    finally:
        pg.remove()
        cwlib.cleanup(alpha_state)
        cwlib.cleanup(beta_state)
    say(f"load average at the end {os.getloadavg()[0]:.2f}")
    if problems:
        cwlib.fail(problems)
    say("cluster start: all checks passed")


def open_log_lines(state):
    folder = os.path.join(state, "log")
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".log")):
        with open(os.path.join(folder, name), "rb") as f:
            for line in f:
                if line.strip():
                    yield line


if __name__ == "__main__":
    main()
