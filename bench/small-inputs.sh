#!/usr/bin/env bash
# Small inputs, where a user compares iago with R (issue 18): each command in a fresh process under /usr/bin/time,
# in one run, with the stage times iago logs.
#  - CAERS end to end: `iago signals --source cases:caers` (all five methods) on openEBGM's CAERS table, next to
#    openEBGM 0.9.1's recorded 2.8 s in R for EBGM alone (processRaw, squashData N = 1 and 2, autoHyper, ebgm,
#    quantBisect; openEBGM is not installable here: CRAN is not reachable);
#  - `iago tte` on a synthetic 3,000-patient registry (R survival/cmprsk: about a second for the curves);
#  - `iago demo` from a built checkout (its own output folder, so a second run compares with the first);
# and counts Spark's "task of very large size" warnings in each log. Run with bin/iago (BENCH_LAUNCHER=bin, the
# default): what a user runs, class archive included.
# Usage: bench/small-inputs.sh [runs per command, default 3]   (prints each run and the median)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs="${1:-3}"
out="bench/out/small"
rm -rf "$out"; mkdir -p "$out"

bench_prepare
bench_machine
"${iago[@]}" ingest cases --input data-samples/caers/caers.csv --lake "$out/caers-lake" --source caers --id id \
  --drug var1 --event var2 >/dev/null
"${iago[@]}" synth registry --out "$out/registry-3000" --patients 3000 --seed 1 >/dev/null
"${iago[@]}" ingest registry --input "$out/registry-3000" --lake "$out/registry-lake" >/dev/null

median() { sort -n | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# run_n <name> <target s> <command...>: the command once more than $runs times, each measured; then the median of all
# but the first against its target. The first run of a command after a build also makes bin/iago's class archive
# (jobs/target/cds), which makes it slower; it is shown, not counted.
run_n() {
  local name="$1" target="$2" i; shift 2
  for ((i = 0; i <= runs; i++)); do
    measure "$name-$i" "$@"
    grep -hE 'into the driver|counted|collected the pairs|sorted the pairs|prior fit|likelihood ratio|scored every|wrote the' \
      "$out/$name-$i.log" | sed 's/^.*INFO  [A-Za-z]* - /    /' || true  # tte and demo log no such stage
  done
  local med warnings
  med=$(for ((i = 1; i <= runs; i++)); do cut -d' ' -f1 "$out/$name-$i.time"; done | median)
  warnings=$(cat "$out/$name"-*.log | grep -c 'task of very large size' || true)
  printf '%-8s first run (not counted; it makes the class archive when there is none): %s s\n' "$name" \
    "$(cut -d' ' -f1 "$out/$name-0.time")"
  printf '%-8s median wall %6.1f s (target %s s): %s; "task of very large size" warnings: %s\n' "$name" "$med" \
    "$target" "$(awk -v m="$med" -v t="$target" 'BEGIN{print m <= t ? "met" : "NOT met"}')" "$warnings"
}

echo
run_n caers 3 "${iago[@]}" signals --lake "$out/caers-lake" --source cases:caers --out "$out/caers-out"
echo "caers    openEBGM 0.9.1 in R, EBGM alone (recorded, issue 18): 2.8 s"
echo
run_n tte 5 "${iago[@]}" tte --lake "$out/registry-lake" --out "$out/tte-out"
echo
# a fresh output folder each time: every run ingests, curates and analyses everything, as a first demo does
run_n demo 45 bash -c 'rm -rf "$1" && exec "${@:2}" demo --out "$1"' demo "$out/demo-out" "${iago[@]}"
