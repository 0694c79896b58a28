#!/usr/bin/env bash
# Builds the libFuzzer targets under fuzz/ (its own package and .build, with
# -sanitize=fuzzer,address on every target, the text core included) and runs each for
# FUZZ_SECONDS (default 600), one after another, or FUZZ_JOBS at a time. Prints, per
# target, the executions, the coverage (edges and features) at the end, and the crashes.
#
#   FUZZ_SECONDS=60 FUZZ_JOBS=2 scripts/fuzz.sh [target ...]
#
# Work corpora and crash artifacts go to fuzz-out/ (not in git). The seed corpus is
# fuzz/corpus/<target>/. A crash found is an input to add under Tests/ with a fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-1}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decoder html json sentences claims stories overlap time config web database followed)

echo "building the fuzz targets (swift build -c release -Xswiftc -sanitize=fuzzer,address in fuzz/)"
(cd fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -Ev "Cannot export local symbol '__asan_extra_spill_area'|^\[[0-9]+/[0-9]+\]" || true)
bin=fuzz/.build/release
for t in "${targets[@]}"; do [ -x "$bin/fuzz-$t" ] || { echo "error: $bin/fuzz-$t was not built"; exit 1; }; done

run_one() {
    local t=$1 out=fuzz-out
    mkdir -p "$out/corpus/$t" "$out/crashes/$t"
    # -timeout: an input that takes over 10 s is reported as a hang; -rss_limit_mb: as a blow-up.
    "$bin/fuzz-$t" "$out/corpus/$t" "fuzz/corpus/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" > "$out/$t.txt" 2>&1 || true
    local execs cov ft crashes
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$out/$t.txt" | grep -Eo '[0-9]+$' || echo 0)
    cov=$(grep -Eo 'cov: [0-9]+' "$out/$t.txt" | tail -1 | grep -Eo '[0-9]+' || echo 0)
    ft=$(grep -Eo 'ft: [0-9]+' "$out/$t.txt" | tail -1 | grep -Eo '[0-9]+' || echo 0)
    crashes=$(find "$out/crashes/$t" -type f | wc -l)
    printf '%-10s %12s executions  cov %6s edges  ft %6s  corpus %5s files  crashes %s\n' \
        "$t" "$execs" "$cov" "$ft" "$(ls "$out/corpus/$t" | wc -l)" "$crashes"
    [ "$crashes" -eq 0 ] || { ls "$out/crashes/$t"; grep -m3 -E 'ERROR|Fatal|SUMMARY' "$out/$t.txt" || true; }
}

echo "running each target for ${seconds} s, ${jobs} at a time"
status=0
running=0
for t in "${targets[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait -n || status=1; running=$((running - 1)); fi
done
wait || status=1
total=$(find fuzz-out/crashes -type f 2>/dev/null | wc -l)
if [ "$total" -gt 0 ]; then echo "fuzz: $total crashing inputs under fuzz-out/crashes"; exit 1; fi
echo "fuzz: no crashes"
exit $status
