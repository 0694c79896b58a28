#!/usr/bin/env python3
"""Counts the ledger's conflicting pairs whose two figures come from articles of different
origins: with several corpora ingested into one state, each under its own top folder, such
pairs compare different stories by construction, so there should be none.

    scripts/cross_origin_conflicts.py --state STATE [--claimwatch PATH] [--examples N]

The origin of a figure is the first component of its article's path (the folder it was
ingested from). The pairs come from `claimwatch figures --json`: a topic whose figures all
come from one origin holds no cross-origin pair at all; in a topic that spans origins, each
figure's listed conflicts are counted (a figure lists at most 20, so when some list is cut
short the count is a lower bound, and the script says so). Exits 1 when any pair is found.
"""
import argparse
import collections
import json
import os
import subprocess
import sys


def origin(path):
    return path.split("/", 1)[0] if path else "?"


def ref(item):
    """A figure's name, `claim#index`, from a figure or a reference to one ({claim, index});
    older versions named figures by a string."""
    if isinstance(item, str):
        return item
    return f"{item.get('claim')}#{item.get('index')}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--state", required=True)
    parser.add_argument("--claimwatch", default=os.path.join(here, "..", ".build", "release", "claimwatch"))
    parser.add_argument("--examples", type=int, default=10, help="print this many cross-origin pairs")
    args = parser.parse_args()

    output = subprocess.run([args.claimwatch, "figures", "--state", args.state, "-n", "100000000", "--json"],
                            check=True, capture_output=True, text=True).stdout
    topics = [json.loads(line) for line in output.splitlines() if line.strip()]
    spanning = 0
    pairs = set()
    truncated = False
    examples = []
    for topic in topics:
        figures = topic.get("figures", [])
        where = {ref(figure.get("figure", figure)): figure for figure in figures}
        if len({origin(figure.get("path")) for figure in figures}) < 2:
            continue
        spanning += 1
        for figure in figures:
            listed = figure.get("conflicts", [])
            if figure.get("conflicting", 0) > len(listed):
                truncated = True
            for other in map(ref, listed):
                if other not in where:
                    continue
                first, second = origin(figure.get("path")), origin(where[other].get("path"))
                if first != second:
                    pair = tuple(sorted((ref(figure.get("figure", figure)), other)))
                    if pair not in pairs and len(examples) < args.examples:
                        examples.append((topic.get("label", topic.get("topic")), figure, where[other]))
                    pairs.add(pair)
    by_origin = collections.Counter(origin(figure.get("path")) for topic in topics for figure in topic.get("figures", []))
    print(f"topics: {len(topics)}; figures in topics by origin: "
          + ", ".join(f"{name} {count}" for name, count in sorted(by_origin.items())))
    print(f"topics spanning two origins or more: {spanning}")
    print(f"conflicting pairs across origins: {len(pairs)}{' (at least: some conflict lists are cut at 20)' if truncated else ''}")
    for label, first, second in examples:
        print(f"  {label}: {first['text']!r} ({first.get('path')}) vs {second['text']!r} ({second.get('path')})")
    return 1 if pairs else 0


if __name__ == "__main__":
    sys.exit(main())
