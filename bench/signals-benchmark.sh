#!/usr/bin/env bash
# Signals benchmark: curate + all-pairs signals (PRR, ROR, IC, EBGM with the MGPS fit, LRT with 999 simulations) on a
# synthetic lake, next to DuckDB SQL computing a, b, c, d, PRR and ROR from the same curated Parquet in the same run,
# each in its own JVM under /usr/bin/time; then CAERS end to end, to set beside openEBGM's ~15 s in R.
# Usage: bench/signals-benchmark.sh [quarters, default 10] [reports per quarter, default 400000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
quarters="${1:-10}"
reports="${2:-400000}"
out="bench/out/signals-$((quarters * reports))"
mkdir -p "$out"

bin/iago --version >/dev/null
./mvnw -q -B -o test-compile -pl jobs >/dev/null 2>&1 || ./mvnw -q -B test-compile -pl jobs
test_cp="jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)"

last=$(python3 -c "y,q=2022,1
for _ in range($quarters - 1): y,q=(y+1,1) if q==4 else (y,q+1)
print(f'{y}Q{q}')")
if [[ ! -f "$out/lake/_meta/faers/quarter=$last.json" ]]; then
  rm -rf "$out/synth" "$out/lake"
  bin/iago synth faers --out "$out/synth" --quarters "2022Q1..$last" --reports-per-quarter "$reports" --seed 7 >/dev/null
  for q in "$out"/synth/faers_ascii_*; do
    bin/iago ingest faers --input "$q" --lake "$out/lake" >/dev/null
  done
  rm -rf "$out/synth"
fi

measure() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" > "$out/$name.log" 2>&1
  awk -v n="$name" '{printf "%-10s wall %7.1f s  cpu %7.1f s  peak RSS %6.0f MiB\n", n, $1, $2 + $3, $4 / 1024}' \
    "$out/$name.time"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "lake: $quarters quarters x $reports reports"
export IAGO_JAVA_OPTS="${IAGO_JAVA_OPTS:--Xmx12g}"
measure curate bin/iago curate --lake "$out/lake"
grep '^curate' "$out/curate.log" | sed 's/^/  /'
measure signals bin/iago signals --lake "$out/lake" --out "$out/signals"
grep -E '^signals|signalling' "$out/signals.log" | sed 's/^/  /'
measure duckdb java -Xmx12g -cp "$test_cp" org.iago.bench.DuckDbSignalsBaseline "$out/lake" "$out/duckdb.parquet"
cat "$out/duckdb.log" | grep pairs | sed 's/^/  /'
paste "$out/signals.time" "$out/duckdb.time" | awk '{printf "ratio iago signals / duckdb counts: wall %.2f, peak RSS %.2f\n", $1 / $5, $4 / $8}'

caers_lake="$out/caers-lake"
rm -rf "$caers_lake"
bin/iago ingest cases --input data-samples/caers/caers.csv --lake "$caers_lake" --source caers --id id --drug var1 \
  --event var2 >/dev/null
measure caers bin/iago signals --lake "$caers_lake" --source cases:caers --out "$out/caers"
