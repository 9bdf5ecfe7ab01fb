#!/usr/bin/env bash
# Cluster check: the curate and signals jobs submitted as the application jar to a real Spark standalone cluster (one
# master and two workers on 127.0.0.1, one core each) must give the same outputs, row for row and byte for byte, as the
# same jar in local mode (spark-submit --master local[2]); once with the lake and outputs on the local disk, and once
# with them in HDFS (a NameNode and a DataNode in one JVM: Hadoop's MiniDFSClusterManager, from
# hadoop-client-minicluster, the Hadoop version Spark is built against), and once with them in S3 (s3a://, through
# S3Proxy over a local folder, with hadoop-aws 3.5.0 and the AWS SDK bundle it is built with, about 740 MB fetched into
# ~/.m2 on first use), where curate runs twice so that its second run replaces published versions, and the registry
# time-to-event job runs too, compared with the same job in local mode.
#
# Spark comes from the jars the build already has in ~/.m2 (spark/target/spark-classpath.txt): a throwaway SPARK_HOME
# whose jars/ are symlinks to them, from which the workers launch their executors. Nothing is installed, and beyond the
# S3 step's jars nothing is downloaded when the build is there; every process started and the work folder are removed
# on exit.
#
# Usage: bench/cluster-check.sh [reports per quarter, default 3000]
# Environment: CLUSTER_CHECK_DIR=<dir> work there and keep it (default: a fresh folder under /tmp, removed on exit);
#              CLUSTER_CHECK_NO_BUILD=1 fail instead of building when a jar is missing or stale;
#              CLUSTER_CHECK_SHUFFLE_PARTITIONS=<n> spark.sql.shuffle.partitions of every job (default 4).
# Exit status 0 with "cluster-check: PASS", 1 with "cluster-check: FAIL" (or any error).
set -euo pipefail

IAGO_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$IAGO_HOME"
reports="${1:-3000}"
# Spark's default of 200 shuffle partitions makes thousands of tiny tasks on this little lake; both modes use the same
partitions="${CLUSTER_CHECK_SHUFFLE_PARTITIONS:-4}"
version="0.1.0-SNAPSHOT"
app_jar="$IAGO_HOME/spark/target/iago-spark-$version-app.jar"
spark_cp="$IAGO_HOME/spark/target/spark-classpath.txt"
jobs_jar="$IAGO_HOME/jobs/target/iago-jobs-$version.jar"
jobs_cp="$IAGO_HOME/jobs/target/runtime-classpath.txt"

start_all=$SECONDS
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
timings=()
step_start=0
step() { step_start=$SECONDS; echo "== $1" >&2; }
took() { timings+=("$(printf '%-44s %4d s' "$1" $((SECONDS - step_start)))"); }

# --- build (package only: never install, so ~/.m2 gets no iago artifacts) --------------------------------------------
stale() {
  local f
  for f in "$app_jar" "$spark_cp" "$jobs_jar" "$jobs_cp"; do [[ -f "$f" ]] || return 0; done
  # the same test as bin/iago, against the oldest of the two jars
  local oldest="$app_jar"; [[ "$jobs_jar" -ot "$oldest" ]] && oldest="$jobs_jar"
  [[ -n "$(find "$IAGO_HOME/pom.xml" "$IAGO_HOME/stats" "$IAGO_HOME/spark" "$IAGO_HOME/synth" "$IAGO_HOME/report" "$IAGO_HOME/jobs" \
      \( -path '*/target' -prune \) -o \( -newer "$oldest" \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -print \) \
      2>/dev/null | head -n 1)" ]]
}
step "build"
if stale; then
  if [[ -n "${CLUSTER_CHECK_NO_BUILD:-}" ]]; then
    echo "cluster-check: FAIL (jars missing or older than the sources, and CLUSTER_CHECK_NO_BUILD is set)"; exit 1
  fi
  ./mvnw -q -B -o package -DskipTests >&2 || ./mvnw -q -B package -DskipTests >&2
  # maven-jar-plugin leaves an up-to-date jar untouched: mark all four as built now, so that neither this test nor
  # bin/iago (whose first-use build runs 'mvnw install') takes them for stale
  touch "$app_jar" "$spark_cp" "$jobs_jar" "$jobs_cp"
fi
took "build (if missing or stale)"

# --- work folder and cleanup -----------------------------------------------------------------------------------------
if [[ -n "${CLUSTER_CHECK_DIR:-}" ]]; then
  work="$CLUSTER_CHECK_DIR"; keep=1
  rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d /tmp/iago-cluster-check.XXXXXX)"; keep=0
fi
work="$(cd "$work" && pwd)"
pids=()     # master, workers, HDFS and S3Proxy
driver=""   # a spark-submit JVM while it runs
cleanup() {
  local status=$? pid
  [[ -n "$driver" ]] && pids=("$driver" "${pids[@]}")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done        # each worker stops its executors
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [[ $keep == 0 ]]; then rm -rf "$work"; else echo "work folder kept: $work" >&2; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- a throwaway SPARK_HOME: jars/ -> the Spark 4.2.0 runtime in ~/.m2 -------------------------------------------------
export SPARK_HOME="$work/spark-home"
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
IFS=: read -r -a spark_jars < "$spark_cp" || true  # no newline at the end of the file
ln -s "${spark_jars[@]}" "$SPARK_HOME/jars/"
# RELEASE marks a packaged distribution: the launcher then takes the classpath from $SPARK_HOME/jars
echo "Spark 4.2.0 (jars of the iago build, for bench/cluster-check.sh)" > "$SPARK_HOME/RELEASE"
cat > "$SPARK_HOME/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex
logger.deploy.name = org.apache.spark.deploy
logger.deploy.level = info
EOF
export SPARK_CONF_DIR="$SPARK_HOME/conf"
export SPARK_SCALA_VERSION=2.13  # what bin/load-spark-env.sh sets; the launcher otherwise looks for build folders
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS="$work/spark-local"
mkdir -p "$SPARK_LOCAL_DIRS"

# the flags Spark's own launcher passes on Java 17: bin/iago's list
source "$IAGO_HOME/bench/iago-opens.sh"
iago_opens "$IAGO_HOME/bin/iago"
# the iago command line as bin/iago runs it, without bin/iago's build-on-first-use (which installs into ~/.m2)
iago_cli() {
  IAGO_HOME="$IAGO_HOME" "${JAVA:-java}" -Xmx2g "${opens[@]}" -Djdk.incubator.vector.quiet=true \
    --add-modules=ALL-DEFAULT -cp "$jobs_jar:$(cat "$jobs_cp")" org.iago.cli.Iago "$@"
}
# what bin/spark-class runs: java -cp "$SPARK_CONF_DIR:$SPARK_HOME/jars/*" <class> ...
spark_java=("${JAVA:-java}" "${opens[@]}" -Djdk.incubator.vector.quiet=true -cp "$SPARK_CONF_DIR:$SPARK_HOME/jars/*")

wait_for() { # log file, pattern, seconds, what
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    if grep -q -- "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "cluster-check: FAIL ($4 not up after $3 s; log $1:)"; tail -n 30 "$1" >&2; exit 1
}

# --- master and two workers; port 0 = the OS picks free ports, read back from the logs ---------------------------------
step "standalone cluster"
mkdir -p "$work/logs"
# started as simple commands, so that $! is the JVM itself and the trap stops it
"${spark_java[@]}" -Xmx512m org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$work/logs/master.log" 2>&1 &
pids+=($!)
wait_for "$work/logs/master.log" "Starting Spark master at spark://" 60 "master"
master_url="$(grep -o 'spark://127.0.0.1:[0-9]*' "$work/logs/master.log" | head -n 1)"
for w in 1 2; do
  "${spark_java[@]}" -Xmx512m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores 1 --memory 1500m --work-dir "$work/worker-$w" "$master_url" > "$work/logs/worker-$w.log" 2>&1 &
  pids+=($!)
done
for w in 1 2; do wait_for "$work/logs/worker-$w.log" "Successfully registered with master" 60 "worker $w"; done
echo "master $master_url, 2 workers x 1 core, 1500 MiB" >&2
took "start master + 2 workers"

# --- HDFS on 127.0.0.1: NameNode and one DataNode (MiniDFSClusterManager), ports chosen by the OS -------------------------
step "hdfs"
minicluster="$HOME/.m2/repository/org/apache/hadoop/hadoop-client-minicluster/3.5.0/hadoop-client-minicluster-3.5.0.jar"
if [[ ! -f "$minicluster" ]]; then  # the jobs module's test dependency: there once ./mvnw verify has run
  ./mvnw -q -B dependency:get -Dartifact=org.apache.hadoop:hadoop-client-minicluster:3.5.0 >&2
fi
# Hadoop's command-line parser wants a core-site.xml on the classpath; every setting stays at its default
printf '<?xml version="1.0"?>\n<configuration/>\n' > "$SPARK_CONF_DIR/core-site.xml"
# the NameNode logs through commons-logging, which Spark's runtime does not bring; iago's jobs classpath has it
commons_logging="$(tr ':' '\n' < "$jobs_cp" | grep '/commons-logging-[0-9.]*\.jar$')"
hadoop_java=("${JAVA:-java}" "${opens[@]}" -cp "$SPARK_CONF_DIR:$SPARK_HOME/jars/*:$minicluster:$commons_logging")
"${hadoop_java[@]}" -Xmx512m org.apache.hadoop.test.MiniDFSClusterManager -format -datanodes 1 \
  -writeDetails "$work/hdfs.json" -D "hdfs.minidfs.basedir=$work/hdfs-data" > "$work/logs/hdfs.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do [[ -s "$work/hdfs.json" ]] && break; sleep 0.1; done
[[ -s "$work/hdfs.json" ]] || { echo "cluster-check: FAIL (HDFS not up after 60 s; log $work/logs/hdfs.log:)"; tail -n 30 "$work/logs/hdfs.log" >&2; exit 1; }
hdfs_url="hdfs://127.0.0.1:$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["namenode_port"])' "$work/hdfs.json")"
hdfs_shell() { "${hadoop_java[@]}" org.apache.hadoop.fs.FsShell -fs "$hdfs_url" "$@" 2>> "$work/logs/hdfs-shell.log"; }
echo "HDFS $hdfs_url" >&2
took "start HDFS (NameNode + DataNode)"

# --- a small synthetic lake -------------------------------------------------------------------------------------------
step "synthetic lake"
iago_cli synth faers --out "$work/synth" --quarters 2024Q1..2024Q2 --reports-per-quarter "$reports" --seed 7 --zip \
  > "$work/logs/synth.log"
for zip in "$work"/synth/*.zip; do
  iago_cli ingest faers --input "$zip" --lake "$work/lake" >> "$work/logs/ingest.log"
done
# the registry sample carries planted defects, which ingestion rejects: exit 3, completed with rejects (1 of the 34
# neoplasms.csv lines is 2.9%, above the default limit of 1%)
iago_cli ingest registry --input "$IAGO_HOME/data-samples/registry" --lake "$work/lake" --conf "$IAGO_HOME/conf" \
  --max-reject-fraction 0.05 \
  >> "$work/logs/ingest.log" || [[ $? == 3 ]]
rm -rf "$work/lake/_state"  # the embedded JobRepository of ingestion, not part of the data
cp -r "$work/lake" "$work/lake-cluster"
hdfs_shell -mkdir -p /iago
hdfs_shell -put "$work/lake" /iago/lake
mv "$work/lake" "$work/lake-local"
took "synth + ingest ($reports reports x 2 quarters), copy into HDFS"

# --- the same jobs, the same jar: cluster, then local ------------------------------------------------------------------
# the S3 step's additions: spark-submit options, and jars on the driver's class path (what --driver-class-path adds
# when Spark's launcher starts the JVM; here the script starts it)
submit_extra=()
submit_driver_cp=""
submit() { # master, log name, class, args...
  local master="$1" log="$2" cls="$3"; shift 3
  local cores=() java_cmd=("${spark_java[@]}")
  [[ "$master" == spark://* ]] && cores=(--total-executor-cores 2 --executor-memory 1g --executor-cores 1)
  [[ -n "$submit_driver_cp" ]] && java_cmd[-1]+=":$submit_driver_cp"  # the last element is -cp's value
  "${java_cmd[@]}" -Xmx2g org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client "${cores[@]}" \
    ${submit_extra[@]+"${submit_extra[@]}"} \
    --conf spark.ui.enabled=false --conf spark.sql.session.timeZone=UTC --conf spark.sql.shuffle.partitions="$partitions" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --class "$cls" "$app_jar" "$@" > "$work/logs/$log.log" 2>&1 &
  driver=$!  # in the background, so that a signal reaches the trap at once and the trap stops the driver too
  wait "$driver" \
    || { echo "cluster-check: FAIL ($cls on $master; log $work/logs/$log.log:)"; tail -n 40 "$work/logs/$log.log" >&2; exit 1; }
  driver=""
}
# cluster: the standalone cluster, lake on the local disk; hdfs: the same cluster, lake and outputs in HDFS
for mode in cluster hdfs local; do
  master="$master_url"; lake="$work/lake-$mode"; signals="$work/signals-$mode"
  [[ $mode == local ]] && master="local[2]"
  [[ $mode == hdfs ]] && lake="$hdfs_url/iago/lake" && signals="$hdfs_url/iago/signals"
  step "curate ($mode)"
  submit "$master" "curate-$mode" org.iago.curate.CurateJob "$lake" "$IAGO_HOME/conf"
  took "curate  on $master ($mode)"
  step "signals ($mode)"
  submit "$master" "signals-$mode" org.iago.disproportionality.SignalsJob "$lake" "$signals" \
    "$IAGO_HOME/conf/iago.yaml" --strata age_group,sex
  took "signals on $master ($mode)"
  grep -E '^signals|signalling' "$work/logs/signals-$mode.log" | sed "s/^/  $mode: /" >&2
done
# registry time-to-event, to compare with the same job on S3 below
step "tte (local)"
submit "local[2]" "tte-local" org.iago.tte.registry.RegistryTteJob "$work/lake-local" "$work/signals-local"
took "tte     on local[2] (local)"

# --- the lake on S3: S3Proxy on 127.0.0.1 (its filesystem backend: a folder per bucket), hadoop-aws on the class path
#     of the driver and of the executors (on a real cluster: installed on every node, or spark-submit --packages)
step "s3"
m2="$HOME/.m2/repository"
s3proxy="$m2/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar"
hadoop_aws="$m2/org/apache/hadoop/hadoop-aws/3.5.0/hadoop-aws-3.5.0.jar"
# hadoop-aws and its two compile dependencies, at the versions its pom names
aws_sdk="$m2/software/amazon/awssdk/bundle/2.35.4/bundle-2.35.4.jar"
analytics="$m2/software/amazon/s3/analyticsaccelerator/analyticsaccelerator-s3/1.3.1/analyticsaccelerator-s3-1.3.1.jar"
if [[ ! -f "$hadoop_aws" || ! -f "$aws_sdk" || ! -f "$analytics" ]]; then
  ./mvnw -q -B dependency:get -Dartifact=org.apache.hadoop:hadoop-aws:3.5.0 >&2
fi
if [[ ! -f "$s3proxy" ]]; then
  ./mvnw -q -B dependency:get -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -Dtransitive=false >&2
fi
s3_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$work/s3-data/iago"
cat > "$work/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=iago
s3proxy.credential=iago-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3-data
EOF
"${JAVA:-java}" -Xmx512m -jar "$s3proxy" --properties "$work/s3proxy.conf" > "$work/logs/s3proxy.log" 2>&1 &
pids+=($!)
wait_for "$work/logs/s3proxy.log" "Started .*ServerConnector" 60 "S3Proxy"
s3a=(fs.s3a.endpoint="http://127.0.0.1:$s3_port" fs.s3a.endpoint.region=us-east-1 fs.s3a.path.style.access=true
  fs.s3a.connection.ssl.enabled=false fs.s3a.access.key=iago fs.s3a.secret.key=iago-secret
  fs.s3a.aws.credentials.provider=org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider)
# S3A's metrics log through commons-logging, like the NameNode (a Spark distribution has jcl-over-slf4j for it)
s3_classpath="$hadoop_aws:$aws_sdk:$analytics:$commons_logging"
s3_shell() {
  "${JAVA:-java}" "${opens[@]}" -cp "$SPARK_CONF_DIR:$SPARK_HOME/jars/*:$s3_classpath" \
    org.apache.hadoop.fs.FsShell "${s3a[@]/#/-D}" "$@" 2>> "$work/logs/s3-shell.log"
}
s3_shell -mkdir -p s3a://iago/lake
s3_shell -put "$work/lake-local/faers" s3a://iago/lake/faers
s3_shell -put "$work/lake-local/registry" s3a://iago/lake/registry
took "start S3Proxy, put the ingested lake"
submit_driver_cp="$s3_classpath"
submit_extra=(--conf "spark.executor.extraClassPath=$s3_classpath")
for setting in "${s3a[@]}"; do submit_extra+=(--conf "spark.hadoop.$setting"); done
step "curate (s3)"
for run in 1 2; do
  submit "$master_url" "curate-s3-$run" org.iago.curate.CurateJob s3a://iago/lake "$IAGO_HOME/conf"
done
took "curate  on $master_url twice (s3)"
find "$work/s3-data/iago/lake" -type f -printf '%P %s %T@\n' | sort > "$work/s3-before.txt"
step "signals (s3)"
submit "$master_url" "signals-s3" org.iago.disproportionality.SignalsJob s3a://iago/lake s3a://iago/signals \
  "$IAGO_HOME/conf/iago.yaml" --strata age_group,sex
took "signals on $master_url (s3)"
grep -E '^signals|signalling' "$work/logs/signals-s3.log" | sed "s/^/  s3: /" >&2
step "tte (s3)"
submit "$master_url" "tte-s3" org.iago.tte.registry.RegistryTteJob s3a://iago/lake s3a://iago/signals
submit_extra=(); submit_driver_cp=""
took "tte     on $master_url (s3)"
find "$work/s3-data/iago/lake" -type f -printf '%P %s %T@\n' | sort > "$work/s3-after.txt"
if ! cmp -s "$work/s3-before.txt" "$work/s3-after.txt"; then
  echo "cluster-check: FAIL (signals or tte changed the lake in S3:)"
  diff "$work/s3-before.txt" "$work/s3-after.txt" >&2; exit 1
fi
# S3Proxy keeps each object as a file under $work/s3-data/<bucket>/<key>. Its backend can also keep a prefix whose
# objects were all deleted as an empty folder (seen: the committer's _temporary/0 in a version folder), which S3A then
# lists as a directory it cannot open, and FsShell -get fails on it; such folders hold no object, so they go first.
# Then no object half-written or renamed-from may be there.
find "$work/s3-data" -mindepth 2 -type d -empty -delete
leftovers="$(find "$work/s3-data" -type f | grep -E '\.replaced|\.tmp|\.staging|\.upload|/_temporary' || true)"
if [[ -n "$leftovers" ]]; then
  echo "cluster-check: FAIL (left behind in S3:)"; echo "$leftovers" >&2; exit 1
fi

# what the jobs wrote into HDFS, fetched for the comparison; nothing staged, set aside or half-written may be left
step "fetch from HDFS"
mkdir -p "$work/lake-hdfs"
hdfs_shell -get /iago/lake/curated "$work/lake-hdfs/curated"
hdfs_shell -get /iago/signals "$work/signals-hdfs"
leftovers="$(hdfs_shell -ls -R /iago | grep -E '\.replaced|\.tmp|\.staging|/_temporary' || true)"
if [[ -n "$leftovers" ]]; then
  echo "cluster-check: FAIL (left behind in HDFS:)"; echo "$leftovers" >&2; exit 1
fi
took "fetch outputs from HDFS"
tables=(reports drugs report_drugs events report_events event_groups duplicates drug_names report_indications)
step "fetch from S3"
mkdir -p "$work/lake-s3"
s3_shell -get s3a://iago/lake/curated "$work/lake-s3/curated"
s3_shell -get s3a://iago/signals "$work/signals-s3"
for t in "${tables[@]}"; do
  n="$(find "$work/s3-data/iago/lake/curated/$t/_versions" -mindepth 1 -maxdepth 1 -type d | wc -l)"
  if [[ $n != 2 ]]; then
    echo "cluster-check: FAIL (curated/$t in S3 holds $n versions, not 2: the published one and the one before)"; exit 1
  fi
done
took "fetch outputs from S3"
if [[ "$(grep -c 'Asked to launch executor' "$work/logs/worker-1.log" "$work/logs/worker-2.log" | awk -F: '{s += ($2 > 0)} END {print s}')" != 2 ]]; then
  echo "cluster-check: FAIL (the cluster jobs did not run executors on both workers)"; exit 1
fi

# --- compare -----------------------------------------------------------------------------------------------------------
step "compare"
args=()
for mode in cluster hdfs s3 local; do
  args+=(--out "$work/csv-$mode")
  for t in "${tables[@]}"; do args+=("$work/lake-$mode/curated/$t"); done
done
submit "local[2]" "export" org.iago.spark.SortedCsvExport "${args[@]}"
for mode in cluster hdfs s3 local; do
  cp "$work/lake-$mode/curated/_summary.json" "$work/lake-$mode/curated/unmapped_drug_names.csv" \
    "$work/signals-$mode/disproportionality.csv" \
    "$work/signals-$mode/mgps_prior.json" "$work/csv-$mode/"
done
# the registry time-to-event outputs (s3 and local): every CSV and summary.json, as tte-<name>
for mode in s3 local; do
  for f in "$work/signals-$mode/tte/"*.csv "$work/signals-$mode/tte/summary.json"; do
    cp "$f" "$work/csv-$mode/tte-$(basename "$f")"
  done
done
tte_files=()
for f in "$work/csv-local/"tte-*; do tte_files+=("$(basename "$f")"); done
differences=0
# rows of a CSV (less its header), lines of a JSON file
count() { local n; n=$(wc -l < "$1"); if [[ "$1" == *.csv ]]; then echo "$((n - 1)) rows"; else echo "$n lines"; fi; }
for mode in cluster hdfs s3; do
  files=("${tables[@]/%/.csv}" _summary.json disproportionality.csv mgps_prior.json)
  [[ $mode == s3 ]] && files+=("${tte_files[@]}")
  for f in "${files[@]}"; do
    if cmp -s "$work/csv-$mode/$f" "$work/csv-local/$f"; then
      printf '  same    %-7s %-26s %12s\n' "$mode" "$f" "$(count "$work/csv-local/$f")"
      continue
    fi
    differences=$((differences + 1))
    printf '  DIFFER  %-7s %-26s %s %s, local %s\n' "$mode" "$f" "$mode" "$(count "$work/csv-$mode/$f")" \
      "$(count "$work/csv-local/$f")"
    if [[ "$f" == *.csv ]]; then
      # the rows are sorted, so the n-th rows should be the same; per column: rows that differ, largest absolute and
      # relative difference of numeric values (plain commas: the compared tables have no quoted commas in numbers)
      paste -d '\n' "$work/csv-$mode/$f" "$work/csv-local/$f" | awk -F, '
        NR == 1 { n = split($0, header, ","); next }
        NR == 2 { next }
        NR % 2 == 1 { split($0, x, ","); next }
        {
          split($0, y, ",")
          for (i = 1; i <= n; i++) if (x[i] != y[i]) {
            diff[i]++
            if (x[i] ~ /^-?[0-9.eE+-]+$/ && y[i] ~ /^-?[0-9.eE+-]+$/) {
              d = x[i] - y[i]; if (d < 0) d = -d
              r = (y[i] != 0) ? d / (y[i] < 0 ? -y[i] : y[i]) : d
              numeric[i] = 1
              if (d > absd[i]) absd[i] = d
              if (r > reld[i]) reld[i] = r
            }
          }
        }
        END { for (i = 1; i <= n; i++) if (diff[i]) {
          if (numeric[i]) printf "          column %-12s %d rows differ, max |diff| %.3g, max rel %.3g\n", header[i], diff[i], absd[i], reld[i]
          else printf "          column %-12s %d rows differ (text)\n", header[i], diff[i]
        } }'
      diff "$work/csv-$mode/$f" "$work/csv-local/$f" | head -n 6 | sed 's/^/          /' || true
    else
      diff "$work/csv-$mode/$f" "$work/csv-local/$f" | head -n 10 | sed 's/^/          /' || true
    fi
  done
done
took "export + compare"

echo "timings ($(nproc) cores; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
printf '  %s\n' "${timings[@]}"
printf '  %-44s %4d s\n' "total" $((SECONDS - start_all))
if [[ $differences == 0 ]]; then
  echo "cluster-check: PASS (standalone $master_url with 2 workers, lake on disk, in HDFS and in S3, = local[2]:" \
    "${#tables[@]} curated tables, _summary.json, unmapped_drug_names.csv, disproportionality.csv, mgps_prior.json identical; in S3 the" \
    "${#tte_files[@]} registry time-to-event outputs too)"
else
  echo "cluster-check: FAIL ($differences outputs differ between a cluster mode and local mode)"
  exit 1
fi
