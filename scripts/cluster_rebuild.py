#!/usr/bin/env python3
"""A late verdict landing on a cluster host with a large log and a large stream (issue 17):
how long the memory's rebuild takes, and the host's resident memory around it.

    scripts/cluster_rebuild.py [--files 20000] [--beta-files 5000]

It starts its own PostgreSQL (as scripts/cluster.py does); host alpha takes --files invented
files (15% copies) and publishes them, host beta takes --beta-files of its own and follows
alpha's records. Then PostgreSQL is stopped, alpha takes a new article and beta the same
text a moment later (both record it as an original, unreserved), and PostgreSQL is started:
beta's reconciliation finds alpha's earlier original and records a late `article.duplicate`.
The next file beta takes comes after the rebuild of its memory (its own log, then alpha's
records applied again, read back from beta's cache of them); the journal's `memory rebuilt
from the log` line with `after=late verdicts` says how long that took (`copy memory rebuilt
from the log` from a build before it). Beta's resident memory (VmRSS, VmHWM) is read from /proc before the late verdict
and after the rebuild.
"""

import argparse
import os
import re
import time

import cwlib
from cluster import Postgres, drop, make_files, staged
from cwlib import say

FOLLOWED = ("article.ingested", "article.duplicate", "claim.extracted", "story.merged")


def memory(proc):
    fields = {}
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields


def cpu_seconds(proc):
    """The CPU time the process used so far (user and system, all threads)."""
    with open(f"/proc/{proc.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pin(proc, core):
    """Puts every thread of the process on one core, as the timing figures are taken."""
    for task in os.listdir(f"/proc/{proc.pid}/task"):
        os.sched_setaffinity(int(task), {core})


def put(inbox, name, text):
    part = os.path.join(inbox, "." + name + ".part")
    with open(part, "w") as f:
        f.write(text)
    os.rename(part, os.path.join(inbox, name))


def followed_bytes(state):
    """The bytes of the log's lines of the types other hosts follow (what they keep of them)."""
    needles = [f'"type":"{t}"'.encode() for t in FOLLOWED]
    folder = os.path.join(state, "log")
    total = 0
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".log")):
        with open(os.path.join(folder, name), "rb") as f:
            total += sum(len(line) for line in f if any(n in line for n in needles))
    return total


def take(counter, inbox, name, text, timeout):
    """Drops one file and waits until the log says it was handled; the seconds it took."""
    before = counter()
    started = time.time()
    put(inbox, name, text)
    if not cwlib.wait_for(lambda: counter() > before, timeout=timeout, step=0.05):
        raise RuntimeError(f"{name} was not taken in {timeout} s")
    return time.time() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--beta-files", type=int, default=5000)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    say(f"cluster rebuild: binaries {cwlib.BIN}; load average {os.getloadavg()[0]:.2f}")
    pg = Postgres()
    problems = []
    states = {"alpha": cwlib.make_state("cluster-rebuild-alpha"), "beta": cwlib.make_state("cluster-rebuild-beta")}
    try:
        address = pg.database("bench_rebuild")
        database = pg.last_name
        daemons = {h: cwlib.Daemon(states[h], args=["--database", address, "--host-name", h, "--log-level", "info"]).start()
                   for h in states}
        # beta's stories are its own (another range of invented stories), so its log is large too.
        beta_mix = cwlib.Mix(seed=29, copy_share=0.15, base=5_000_000)
        shares = {"alpha": make_files(args.files, 17), "beta": [beta_mix.next(n) for n in range(args.beta_files)]}
        for h in states:
            files = shares[h]
            drop(staged(states[h], files), daemons[h].inbox, [n for n, _ in files])
            counter = cwlib.HandledCounter(states[h])
            if not cwlib.wait_for(lambda: counter() >= len(files), timeout=args.timeout, step=0.5):
                return cwlib.fail([f"{h} did not take its files in time"])
        lines = lambda: sum(len(cwlib.log_records(s)) for s in states.values())  # noqa: E731
        cwlib.wait_for(lambda: pg.count(database) >= lines(), timeout=args.timeout, step=1)
        alpha_records = cwlib.log_records(states["alpha"])
        followed = [r for r in alpha_records if r["type"] in FOLLOWED]
        say(f"alpha: {len(shares['alpha'])} files, {len(alpha_records)} records ({len(followed)} of the types beta follows); "
            f"beta: {len(shares['beta'])} files, {len(cwlib.log_records(states['beta']))} records; "
            f"{pg.count(database)} in the database")
        time.sleep(3)  # beta applies the last of alpha's records
        before = memory(daemons["beta"].proc)

        # The late verdict: the same new article on both hosts while PostgreSQL is away, alpha first.
        text = cwlib.render(10_000_000, "txt").decode()
        counters = {h: cwlib.HandledCounter(states[h]) for h in states}
        copies = cwlib.HandledCounter(states["beta"], types=("article.duplicate",))
        known_copies = copies()
        pg.stop()
        take(counters["alpha"], daemons["alpha"].inbox, "late-original.txt", text, 120)
        time.sleep(0.5)
        take(counters["beta"], daemons["beta"].inbox, "late-copy.txt", text, 120)
        pg.start()
        if not cwlib.wait_for(lambda: copies() > known_copies, timeout=300, step=0.5):
            problems.append("beta recorded no late verdict")
        journal = lambda: open(daemons["beta"].err_path, errors="replace").read()  # noqa: E731
        rebuilds = lambda: re.findall(r"memory rebuilt from the log(?!.*after=start).*", journal())  # noqa: E731
        known = len(rebuilds())
        # The rebuild's own cost, whatever else runs on the machine: beta on core 1 alone
        # (not alone on it), and the CPU time it used from the drop to the rebuild's end.
        pin(daemons["beta"].proc, 1)
        cpu_before = cpu_seconds(daemons["beta"].proc)
        taken = take(counters["beta"], daemons["beta"].inbox, "after-the-verdict.txt", cwlib.render(10_000_001, "txt").decode(), 600)
        cwlib.wait_for(lambda: len(rebuilds()) > known, timeout=60, step=0.1)
        cpu = cpu_seconds(daemons["beta"].proc) - cpu_before
        after = memory(daemons["beta"].proc)
        for line in rebuilds():
            say(f"  beta's journal: {line.strip()}")
        say(f"the next file taken {taken:.2f} s after it was dropped (the rebuild included), beta pinned to core 1; "
            f"beta's CPU time meanwhile {cpu:.2f} s; load average {os.getloadavg()[0]:.2f}")
        say(f"beta's resident memory: {before['VmRSS']:.0f} MB before the late verdict, {after['VmRSS']:.0f} MB after the "
            f"rebuild (peak {after['VmHWM']:.0f} MB); alpha's followed record lines: "
            f"{followed_bytes(states['alpha']) / 1e6:.0f} MB")
        for d in daemons.values():
            d.stop()
    finally:
        pg.remove()
        for s in states.values():
            cwlib.cleanup(s)
    say(f"load average at the end {os.getloadavg()[0]:.2f}")
    if problems:
        cwlib.fail(problems)
    say("cluster rebuild: all checks passed")


if __name__ == "__main__":
    main()
