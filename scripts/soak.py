#!/usr/bin/env python3
"""Soak: a steady stream of mixed files into a real claimwatchd for a long time.

Prints RSS at the start, at each window and at the end (VmRSS from /proc), and the
drop-to-log latency (from the rename into the drop folder to the moment the file's event
line reaches `claimwatch tail -f`) as p50/p99/max per window. At the end every file must
be in the log exactly once and `claimwatch verify` clean.

    scripts/soak.py [--minutes 30] [--rate 50] [--window 5]
"""

import argparse
import os
import subprocess
import threading
import time

import cwlib
from cwlib import say


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--rate", type=float, default=50, help="files per second")
    parser.add_argument("--window", type=float, default=5, help="minutes per latency window")
    parser.add_argument("--keep", action="store_true", help="keep the state folder")
    args = parser.parse_args()

    state = cwlib.make_state("soak")
    daemon = cwlib.Daemon(state)
    daemon.start()
    time.sleep(1)
    rss_start = daemon.rss_kib()
    say(f"soak: {args.minutes:g} min at {args.rate:g} files/s, windows of {args.window:g} min; state {state}")
    say(f"  RSS at start: {rss_start / 1024:.1f} MiB")

    arrivals = {}
    lock = threading.Lock()
    tail = subprocess.Popen([os.path.join(cwlib.BIN, "claimwatch"), "tail", "-f", "--json", "-n", "0", "--state", state],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def follow():
        import json
        for line in tail.stdout:
            now = time.time()
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("type") in cwlib.HANDLED:
                with lock:
                    arrivals.setdefault(record["path"], now)

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()
    time.sleep(2)  # let the follower open the log before the first drop

    mix = cwlib.Mix(seed=7, copy_share=0.2)
    dropped = {}
    window_seconds = args.window * 60
    total = int(args.minutes * 60 * args.rate)
    start = time.time()
    windows = []
    next_window = start + window_seconds
    window_paths = []
    late = 0
    for serial in range(total):
        due = start + serial / args.rate
        delay = due - time.time()
        if delay > 0:
            time.sleep(delay)
        elif delay < -1:
            late += 1
        name, data = mix.next(serial)
        part = os.path.join(daemon.inbox, "." + name + ".part")
        with open(part, "wb") as f:
            f.write(data)
        os.rename(part, os.path.join(daemon.inbox, name))
        dropped[name] = time.time()
        window_paths.append(name)
        if time.time() >= next_window or serial == total - 1:
            windows.append((len(windows) + 1, window_paths, daemon.rss_kib()))
            window_paths = []
            next_window += window_seconds
    drop_seconds = time.time() - start

    all_in = cwlib.wait_for(lambda: len(arrivals) >= len(dropped), timeout=600)
    rss_end = daemon.rss_kib()
    say(f"  dropped {len(dropped)} files in {drop_seconds:.0f} s ({len(dropped) / drop_seconds:.1f} files/s"
        f"{f', {late} drops over 1 s behind schedule' if late else ''})")
    say("  window  files  p50 ms  p99 ms  max ms  RSS MiB")
    for number, paths, rss in windows:
        with lock:
            latencies = [(arrivals[p] - dropped[p]) * 1000 for p in paths if p in arrivals]
        say(f"  {number:>6}  {len(paths):>5}  {cwlib.percentile(latencies, 50):>6.1f}  {cwlib.percentile(latencies, 99):>6.1f}"
            f"  {max(latencies) if latencies else float('nan'):>6.0f}  {rss / 1024:>7.1f}")
    with lock:
        everything = [(arrivals[p] - dropped[p]) * 1000 for p in dropped if p in arrivals]
    say(f"  all: p50 {cwlib.percentile(everything, 50):.1f} ms, p99 {cwlib.percentile(everything, 99):.1f} ms")
    say(f"  RSS at start {rss_start / 1024:.1f} MiB, at end {rss_end / 1024:.1f} MiB")

    status = daemon.stop()
    tail.terminate()
    tail.wait()
    records = cwlib.log_records(state)
    problems = cwlib.check_exactly_once(records, set(dropped))
    if not all_in:
        problems.append(f"only {len(arrivals)} of {len(dropped)} files reached the log")
    if status != 0:
        problems.append(f"claimwatchd exited {status} on SIGTERM")
    report = cwlib.verify(state)
    if not report.get("ok"):
        problems.append(f"claimwatch verify: {report}")
    kinds = {t: sum(1 for r in records if r["type"] == t) for t in cwlib.HANDLED}
    say(f"  log: {len(records)} records; {kinds}; verify ok={report.get('ok')}")
    if problems:
        cwlib.fail(problems)
    say("soak: ok")
    cwlib.cleanup(state, args.keep)


if __name__ == "__main__":
    main()
