#!/usr/bin/env bash
# Ingest benchmark: iago's faersIngest of one synthetic quarter vs DuckDB read_csv -> Parquet of the same files,
# measured in the same run, each in its own JVM under /usr/bin/time (wall, CPU, peak RSS).
# Usage: bench/ingest-benchmark.sh [reports per quarter, default 400000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
reports="${1:-400000}"
out="bench/out/ingest-${reports}"
rm -rf "$out"; mkdir -p "$out"

bin/iago --version >/dev/null  # builds if needed
./mvnw -q -B -o test-compile -pl jobs >/dev/null 2>&1 || ./mvnw -q -B test-compile -pl jobs
test_cp="jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)"

bin/iago synth faers --out "$out/synth" --quarters 2024Q1 --reports-per-quarter "$reports" --seed 7 >/dev/null
extract="$out/synth/faers_ascii_2024Q1"
lines=$(find "$extract" -iname '*.txt' ! -iname 'DELETE*' -exec cat {} + | wc -l)
data_lines=$((lines - 7))
bytes=$(find "$extract" -iname '*.txt' -exec cat {} + | wc -c)

measure() { # name, command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" > "$out/$name.log" 2>&1
  awk -v n="$name" -v lines="$data_lines" '{printf "%-8s wall %7.1f s  cpu %7.1f s  peak RSS %6.0f MiB  %9.0f lines/s\n",
    n, $1, $2 + $3, $4 / 1024, lines / $1}' "$out/$name.time"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "input: $reports reports, $data_lines data lines in 7 files, $((bytes / 1024 / 1024)) MiB"
measure duckdb java -Xmx8g -cp "$test_cp" org.iago.bench.DuckDbIngestBaseline "$extract" "$out/duckdb"
measure iago bin/iago ingest faers --input "$extract" --lake "$out/lake"
grep -E "total|COMPLETED|FAILED" "$out/iago.log" | sed 's/^/  /'
paste "$out/iago.time" "$out/duckdb.time" | awk '{printf "ratio iago/duckdb: wall %.2f, peak RSS %.2f\n", $1 / $5, $4 / $8}'
