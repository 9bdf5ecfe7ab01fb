#!/usr/bin/env bash
# Signals benchmark: curate + all-pairs signals (PRR, ROR, IC, EBGM with the MGPS fit, LRT with 999 simulations) on a
# synthetic lake, next to DuckDB SQL computing a, b, c, d, PRR and ROR from the same curated Parquet in the same run,
# each in its own JVM under /usr/bin/time; then CAERS end to end, to set beside openEBGM's ~15 s in R.
# Usage: bench/signals-benchmark.sh [quarters, default 10] [reports per quarter, default 400000]
# BENCH_LAUNCHER=jar runs the packaged jars instead of bin/iago (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
quarters="${1:-10}"
reports="${2:-400000}"
out="bench/out/signals-$((quarters * reports))"
mkdir -p "$out"

bench_prepare
synth_lake "$out" "$quarters" "$reports"

bench_machine
echo "lake: $quarters quarters x $reports reports"
export IAGO_JAVA_OPTS="${IAGO_JAVA_OPTS:--Xmx12g}"
measure curate "${iago[@]}" curate --lake "$out/lake"
grep '^curate' "$out/curate.log" | sed 's/^/  /'
measure signals "${iago[@]}" signals --lake "$out/lake" --out "$out/signals"
grep -E '^signals|signalling' "$out/signals.log" | sed 's/^/  /'
measure duckdb java -Xmx12g -cp "$test_cp" org.iago.bench.DuckDbSignalsBaseline "$out/lake" "$out/duckdb.parquet"
cat "$out/duckdb.log" | grep pairs | sed 's/^/  /'
paste "$out/signals.time" "$out/duckdb.time" | awk '{printf "ratio iago signals / duckdb counts: wall %.2f, peak RSS %.2f\n", $1 / $5, $4 / $8}'

caers_lake="$out/caers-lake"
rm -rf "$caers_lake"
"${iago[@]}" ingest cases --input data-samples/caers/caers.csv --lake "$caers_lake" --source caers --id id --drug var1 \
  --event var2 >/dev/null
measure caers "${iago[@]}" signals --lake "$caers_lake" --source cases:caers --out "$out/caers"
