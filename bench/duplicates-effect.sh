#!/usr/bin/env bash
# What the duplicate rule changes (issue 19): a synthetic lake with planted cross-caseid duplicates and name variants
# (synth faers --duplicates --name-variants), curated without the rule and with it, all-pairs signals on each, and
# DuplicateRuleEffect on the two outputs (pairs only in one, a lowered, flags raised and dropped per method); curate's
# own counts of each run beside it.
# Usage: bench/duplicates-effect.sh [quarters, default 4] [reports per quarter, default 25000] [pairs per quarter, 250]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
quarters="${1:-4}"; reports="${2:-25000}"; pairs="${3:-250}"
out="bench/out/duplicates-effect-$quarters-$reports-$pairs"
rm -rf "$out"; mkdir -p "$out"
bench_prepare
bench_machine
"${iago[@]}" synth faers --out "$out/synth" --quarters "2022Q1..$(last_quarter "$quarters")" \
  --reports-per-quarter "$reports" --seed 11 --duplicates "$pairs" --name-variants >/dev/null
for q in "$out"/synth/faers_ascii_*; do
  "${iago[@]}" ingest faers --input "$q" --lake "$out/lake" >/dev/null
done
python3 -c "import json; m = json.load(open('$out/synth/manifest.json')); d = m['duplicates'];
print('planted: %d exact pairs, %d near-misses' % (len(d['exactPairs']), len(d['nearMisses'])))"
for rule in none conf; do
  measure "curate-$rule" "${iago[@]}" curate --lake "$out/lake" --duplicates "$rule"
  grep '^curate' "$out/curate-$rule.log" | sed 's/^/  /'
  measure "signals-$rule" "${iago[@]}" signals --lake "$out/lake" --out "$out/signals-$rule"
done
java -cp "$test_cp" org.iago.bench.DuplicateRuleEffect "$out/signals-none" "$out/signals-conf" | tee "$out/effect.txt"
