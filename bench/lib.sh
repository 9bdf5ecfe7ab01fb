# shellcheck shell=bash
# Helpers shared by the bench/ scripts. Source it from a script in bench/; it changes to the repository root.
#
# BENCH_LAUNCHER chooses how iago is run:
#   bin (default)  bin/iago, which builds (and installs into ~/.m2) on first use or when the sources changed;
#   jar            bench/iago-jar: the jars of './mvnw -o package -DskipTests' as they are, built here
#                  with 'package' only (nothing is installed).
#
# bench_prepare sets: iago (array, the iago command line), test_cp (the jobs test classpath, for the DuckDB
# baselines and probes in jobs/src/test/java/org/iago/bench) and opens (array, bin/iago's JVM flags, which a
# probe that runs Spark needs on Java 17), and exports SPARK_LOCAL_IP. measure writes into $out, which the script
# sets.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_LAUNCHER="${BENCH_LAUNCHER:-bin}"

bench_prepare() {
  case "$BENCH_LAUNCHER" in
    bin)
      iago=(bin/iago)
      bin/iago --version >/dev/null  # builds if needed
      # -am: this working copy's modules below jobs, not those another checkout installed into ~/.m2
      ./mvnw -q -B -o test-compile -pl jobs -am >/dev/null 2>&1 || ./mvnw -q -B test-compile -pl jobs -am
      ;;
    jar)
      iago=(bench/iago-jar)
      # package compiles the test classes too and writes jobs/target/{runtime,test}-classpath.txt
      ./mvnw -q -B -o package -DskipTests >&2 || ./mvnw -q -B package -DskipTests >&2
      ;;
    *) echo "BENCH_LAUNCHER must be bin or jar: $BENCH_LAUNCHER" >&2; return 2 ;;
  esac
  test_cp="jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/test-classpath.txt)"
  source bench/iago-opens.sh
  iago_opens bin/iago
  # as bin/iago: Spark in local mode binds to loopback, not to whatever the host name resolves to
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
}

# machine, Java and load average: one line for the top of a benchmark's output
bench_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; Java $(java -version 2>&1 | head -1 | cut -d'"' -f2);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# the quarter n-1 quarters after 2022Q1 (the last of a lake of n quarters from 2022Q1)
last_quarter() {
  python3 -c "y,q=2022,1
for _ in range($1 - 1): y,q=(y+1,1) if q==4 else (y,q+1)
print(f'{y}Q{q}')"
}

# faers_layout <size>: "quarters reports_per_quarter", the fewest quarters of at most 400,000 reports (the largest
# quarters FDA published) that divide the size evenly
faers_layout() {
  local size="$1" q per_quarter_max=400000
  q=$(( (size + per_quarter_max - 1) / per_quarter_max ))
  while (( size % q != 0 )); do q=$((q + 1)); done
  echo "$q $((size / q))"
}

# synth_lake <dir> <quarters> <reports per quarter> [synth faers options...]: <dir>/lake with quarters 2022Q1..
# ingested one by one, each quarter generated with seed 7 and the options (--duplicates, --name-variants); kept when it
# is already complete (the last quarter's _meta file is there) and was made with the same options
# (<dir>/synth-options.txt)
synth_lake() {
  local dir="$1" quarters="$2" reports="$3" last q
  shift 3
  last="$(last_quarter "$quarters")"
  if [[ -f "$dir/lake/_meta/faers/quarter=$last.json" && "$*" == "$(cat "$dir/synth-options.txt" 2>/dev/null)" ]]; then
    return 0
  fi
  rm -rf "$dir/synth" "$dir/lake" "$dir/synth-options.txt"
  "${iago[@]}" synth faers --out "$dir/synth" --quarters "2022Q1..$last" --reports-per-quarter "$reports" --seed 7 \
    "$@" >/dev/null
  for q in "$dir"/synth/faers_ascii_*; do
    "${iago[@]}" ingest faers --input "$q" --lake "$dir/lake" >/dev/null
  done
  rm -rf "$dir/synth"
  [[ $# -eq 0 ]] || echo "$*" > "$dir/synth-options.txt"
}

# measure <name> <command...>: the command in its own process under /usr/bin/time; output in $out/<name>.log,
# "wall user sys maxrss_kib" in $out/<name>.time, the 1-minute load average before and after in $out/<name>.load
measure() {
  local name="$1"; shift
  local before status=0
  before="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" > "$out/$name.log" 2>&1 || status=$?
  echo "$before $(cut -d' ' -f1 /proc/loadavg)" > "$out/$name.load"
  if [[ $status -ne 0 ]]; then  # time writes "Command exited with non-zero status N" first
    tail -n 1 "$out/$name.time" > "$out/$name.time.tmp" && mv "$out/$name.time.tmp" "$out/$name.time"
  fi
  paste -d' ' "$out/$name.time" "$out/$name.load" | awk -v n="$name" -v s="$status" '{printf \
    "%-10s wall %7.1f s  cpu %7.1f s  peak RSS %6.0f MiB  (load %s -> %s)%s\n", n, $1, $2 + $3, $4 / 1024, $5, $6,
    s == 0 ? "" : "  FAILED, exit status " s}'
  return $status
}

# bench_record <size> <run name> <exit status> [field...]: appends a measured run ($out/<name>.time and .load) to
# $results as one tab-separated row: date, size, run, wall_s, cpu_s, peak_rss_mib, load_before, load_after, status,
# event_log ($event_log), then the extra fields
bench_record() {
  local size="$1" name="$2" status="$3"; shift 3
  local extra=""; [[ $# -gt 0 ]] && extra="$(printf '\t%s' "$@")"
  paste -d' ' "$out/$name.time" "$out/$name.load" | awk -v d="$(date -u +%FT%TZ)" -v size="$size" -v n="$name" \
    -v s="$status" -v ev="$event_log" -v extra="$extra" \
    'BEGIN{OFS="\t"} {print d, size, n, $1, $2 + $3, sprintf("%.0f", $4 / 1024), $5, $6, s, ev extra}' >> "$results"
}
