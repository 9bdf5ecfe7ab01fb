#!/usr/bin/env bash
# Curation against DuckDB (issue 19), in one run per size: iago curate (duplicate rule on, conf/curation.yaml) and
# DuckDbCurateBaseline, DuckDB SQL doing the same work on the same lake's raw FAERS Parquet (latest version, deleted
# cases, drug names, the duplicate rule, every curated table written to Parquet), each in its own process under
# /usr/bin/time (wall, CPU, peak RSS, load average before and after); then the ratios, whether the summaries' counts
# agree, and whether the tables agree row for row (CuratedComparison, keys replaced by the names they stand for).
#
# Usage: bench/curate-benchmark.sh [sizes in reports, default 1000000]
# Environment:
#   CURATE_LAKE_FROM=<lake>     copy the raw part of an existing lake (faers/, _meta/, rejects/: hard links, cp -al; its
#                               curated/ and _state/ are left alone) instead of making one; "{size}" in it is replaced by
#                               the size, e.g. bench/out/scale/{size}/lake
#   CURATE_DUPLICATES=<n>       without CURATE_LAKE_FROM: synth faers --duplicates n per quarter (default 1% of the
#                               quarter's reports), with --name-variants; then ingested quarter by quarter (bench/lib.sh)
#   CURATE_HEAP=<-Xmx...>       heap of iago curate (default -Xmx10g, so that the process can stay within 12 GiB)
#   CURATE_EVENT_LOG=1          also write curate's Spark event log and summarise it per job and stage
#                               (bench/spark-eventlog.py); this adds some overhead to curate
#   CURATE_DUCKDB_MEMORY=<n>GB  DuckDB's memory limit (default 10GB; it spills above it). DuckDB's own default, 80% of
#                               the machine, was killed by the kernel at 20M on a machine shared with other jobs
#   CURATE_SKIP_COMPARE=1       skip the row-by-row comparison of the tables (the counts are always compared)
#   CURATE_SKIP_IAGO=1          keep the lake (no copy, no synth) and the curate run of an earlier run of this script
#                               (its curated tables and curate.time); time DuckDB again. The ratio is then not of one run
#   BENCH_LAUNCHER=bin|jar      default jar here: the packaged jars of this working copy (bench/lib.sh)
# Output under bench/out/curate/: <size>/ (lake, iago and duckdb logs, .time/.load files, duckdb/ tables, event log),
# results.tsv.
set -euo pipefail
BENCH_LAUNCHER="${BENCH_LAUNCHER:-jar}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -gt 0 ]]; then sizes=("$@"); else sizes=(1000000); fi
root="bench/out/curate"
mkdir -p "$root"
heap="${CURATE_HEAP:--Xmx10g}"

bench_prepare
bench_machine | tee "$root/machine.txt"
results="$root/results.tsv"
[[ -f "$results" ]] || printf 'date\tsize\trun\twall_s\tcpu_s\tpeak_rss_mib\tload_before\tload_after\tstatus\tevent_log\tlake\n' \
  > "$results"
event_log=0; [[ -n "${CURATE_EVENT_LOG:-}" ]] && event_log=1


for size in "${sizes[@]}"; do
  out="$root/$size"
  mkdir -p "$out"
  lake="$out/lake"
  echo
  start=$SECONDS
  if [[ -n "${CURATE_SKIP_IAGO:-}" ]]; then
    echo "== $size reports: the lake and the curate run of an earlier run ($(date -r "$out/curate.time" -u +%FT%TZ))"
    lake_origin="earlier run"
  elif [[ -n "${CURATE_LAKE_FROM:-}" ]]; then
    from="${CURATE_LAKE_FROM//\{size\}/$size}"
    echo "== $size reports: the raw FAERS part of $from (hard links)"
    rm -rf "$lake" "$out/synth-options.txt"
    mkdir -p "$lake"
    for part in faers _meta rejects; do
      [[ ! -e "$from/$part" ]] || cp -al "$from/$part" "$lake/$part"
    done
    lake_origin="$from"
  else
    read -r quarters reports < <(faers_layout "$size")
    duplicates="${CURATE_DUPLICATES:-$((reports / 100))}"
    echo "== $size reports: $quarters quarters x $reports (2022Q1..$(last_quarter "$quarters")), synth faers" \
      "--duplicates $duplicates --name-variants"
    synth_lake "$out" "$quarters" "$reports" --duplicates "$duplicates" --name-variants
    rm -rf "$lake/curated"
    lake_origin="synth --duplicates $duplicates --name-variants"
  fi
  echo "lake ready in $((SECONDS - start)) s (not measured)"

  spark_opts="$heap"
  if [[ -n "${CURATE_EVENT_LOG:-}" ]]; then
    rm -rf "$out/eventlog"; mkdir -p "$out/eventlog"
    spark_opts="$spark_opts -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false"
    spark_opts="$spark_opts -Dspark.eventLog.dir=file://$(pwd)/$out/eventlog"
  fi
  failed=""
  if [[ -z "${CURATE_SKIP_IAGO:-}" ]]; then
    status=0; IAGO_JAVA_OPTS="$spark_opts" measure curate "${iago[@]}" curate --lake "$lake" || status=$?
    bench_record "$size" curate $status "$lake_origin"
    [[ $status -eq 0 ]] || failed="$failed curate"
  fi
  grep -E '^curate|^  drug rows' "$out/curate.log" | sed 's/^/  /' || true
  rm -rf "$out/duckdb"
  status=0; measure duckdb java -Xmx2g -cp "$test_cp" org.iago.bench.DuckDbCurateBaseline "$lake" conf "$out/duckdb" \
    "${CURATE_DUCKDB_MEMORY:-10GB}" || status=$?
  bench_record "$size" duckdb $status "$lake_origin"
  [[ $status -eq 0 ]] || failed="$failed duckdb"

  echo
  echo "| $size reports | wall s | CPU s | peak RSS MiB | load before -> after |"
  echo "|---|---:|---:|---:|---|"
  for run in curate duckdb; do
    paste -d' ' "$out/$run.time" "$out/$run.load" | awk -v n="$run" \
      '{printf "| %s | %.1f | %.1f | %.0f | %s -> %s |\n", n, $1, $2 + $3, $4 / 1024, $5, $6}'
  done
  if [[ -z "$failed" ]]; then
    paste -d' ' "$out/curate.time" "$out/duckdb.time" | awk '{
      printf "| ratio curate / duckdb | %.1fx | %.1fx | %.1fx | |\n", $1 / $5, ($2 + $3) / ($6 + $7), $4 / $8
    }'
  else
    echo "FAILED:$failed (no ratio; see $out/<run>.log)"
  fi
  echo
  echo "DuckDB's steps:"
  grep -E '^duckdb (step|total)' "$out/duckdb.log" | sed 's/^duckdb /  /' || true

  echo
  python3 - "$lake/curated/_summary.json" "$out/duckdb/_summary.json" <<'EOF' || true
import json, sys
try:
    iago, duckdb = (json.load(open(f)) for f in sys.argv[1:3])
except OSError as e:
    print(f"counts: cannot compare ({e})")
    sys.exit(0)
keys = list(iago) + [k for k in duckdb if k not in iago]
differ = [k for k in keys if iago.get(k) != duckdb.get(k)]
for k in keys:
    print(f"  {k:18} iago {iago.get(k)!s:60} duckdb {duckdb.get(k)}{'  DIFFERENT' if k in differ else ''}")
print("counts: " + ("DIFFERENT in " + ", ".join(differ) if differ else "equal"))
EOF
  if [[ -z "${CURATE_SKIP_COMPARE:-}" && -d "$lake/curated" && -d "$out/duckdb" ]]; then
    java -Xmx2g -cp "$test_cp" org.iago.bench.CuratedComparison "$lake/curated" "$out/duckdb" | sed 's/^/  /' || true
  fi

  # issue 19's targets: curate within 3x DuckDB (wall) at every size, and within 12 GiB at 20M
  echo
  echo "targets of issue 19 at $size reports:"
  if [[ -z "$failed" ]]; then
    paste -d' ' "$out/curate.time" "$out/duckdb.time" | awk '{r = $1 / $5;
      printf "  %-28s %8.1f (target <= 3): %s\n", "curate / duckdb, wall", r, r <= 3 ? "met" : "NOT met"}'
  fi
  if (( size >= 20000000 )); then
    awk '{m = $4 / 1048576; printf "  %-28s %8.1f (target <= 12): %s\n", "curate peak RSS, GiB", m, m <= 12 ? "met" : "NOT met"}' \
      "$out/curate.time"
  fi

  if [[ -n "${CURATE_EVENT_LOG:-}" && -z "${CURATE_SKIP_IAGO:-}" ]]; then
    for log in "$out"/eventlog/*; do
      python3 bench/spark-eventlog.py "$log" > "$out/curate.eventlog.txt"
      echo
      echo "curate's event log: $out/curate.eventlog.txt"
      sed -n '1,4p' "$out/curate.eventlog.txt" | sed 's/^/  /'
    done
  fi
done
