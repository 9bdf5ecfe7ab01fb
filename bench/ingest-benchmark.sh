#!/usr/bin/env bash
# Ingest benchmark: iago's faersIngest of one synthetic quarter vs DuckDB read_csv -> Parquet of the same files,
# measured in the same run, each in its own JVM under /usr/bin/time (wall, CPU, peak RSS).
# Usage: bench/ingest-benchmark.sh [reports per quarter, default 400000]
# BENCH_LAUNCHER=jar runs the packaged jars instead of bin/iago (bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
reports="${1:-400000}"
out="bench/out/ingest-${reports}"
rm -rf "$out"; mkdir -p "$out"

bench_prepare

"${iago[@]}" synth faers --out "$out/synth" --quarters 2024Q1 --reports-per-quarter "$reports" --seed 7 >/dev/null
# the first ingestion after a build writes bin/iago's class archive once its work is done: not in the measured run
"${iago[@]}" ingest faers --input data-samples/faers/real/faers_ascii_2017q2_sample.zip --lake "$out/warm-up" >/dev/null
extract="$out/synth/faers_ascii_2024Q1"
lines=$(find "$extract" -iname '*.txt' ! -iname 'DELETE*' -exec cat {} + | wc -l)
data_lines=$((lines - 7))
bytes=$(find "$extract" -iname '*.txt' -exec cat {} + | wc -c)

rate() { # name: data lines per second of a measured run
  awk -v n="$1" -v lines="$data_lines" '{printf "%-10s %9.0f lines/s\n", n, lines / $1}' "$out/$1.time"
}

bench_machine
echo "input: $reports reports, $data_lines data lines in 7 files, $((bytes / 1024 / 1024)) MiB"
measure duckdb java -Xmx8g -cp "$test_cp" org.iago.bench.DuckDbIngestBaseline "$extract" "$out/duckdb"
rate duckdb
measure iago "${iago[@]}" ingest faers --input "$extract" --lake "$out/lake"
rate iago
grep -E "total|COMPLETED|FAILED" "$out/iago.log" | sed 's/^/  /'
paste "$out/iago.time" "$out/duckdb.time" | awk '{printf "ratio iago/duckdb: wall %.2f, peak RSS %.2f\n", $1 / $5, $4 / $8}'
