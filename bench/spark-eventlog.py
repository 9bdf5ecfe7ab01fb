#!/usr/bin/env python3
"""Where a Spark application's time went, from its event log (spark.eventLog.enabled=true, uncompressed).

Usage: bench/spark-eventlog.py <event log file or eventlog_v2_* folder> [--top N]

Prints: the application's wall time, how much of it Spark jobs covered and how much was driver-only (planning,
driver-side code, result handling); per SQL execution (an action: count, collect, save, toLocalIterator) its wall
time, jobs, stages, tasks, task time, input, shuffle write and spill, grouped by the call site that started it; the
longest stages; the longest driver-only gaps with the actions around them. Task time is the sum of executor run time
over tasks (2 cores: at most twice the wall time).
"""
import collections
import glob
import json
import os
import sys


def events(path):
    files = sorted(glob.glob(os.path.join(path, "events_*"))) if os.path.isdir(path) else [path]
    for f in files:
        with open(f, encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)


def mib(b):
    return b / 1048576.0


def main():
    args = sys.argv[1:]
    top = 15
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    path = args[0]

    app = {}
    executions = {}          # id -> dict(description, start, end, root)
    jobs = {}                # id -> dict(start, end, execution, stages, callsite)
    stages = {}              # id -> dict(name, tasks, submitted, completed)
    stage_metrics = collections.defaultdict(collections.Counter)
    stage_job = {}
    for e in events(path):
        kind = e["Event"]
        if kind == "SparkListenerApplicationStart":
            app["start"] = e["Timestamp"]
            app["name"] = e["App Name"]
        elif kind == "SparkListenerApplicationEnd":
            app["end"] = e["Timestamp"]
        elif kind.endswith("SparkListenerSQLExecutionStart"):
            executions[e["executionId"]] = {"description": e["description"], "start": e["time"], "end": None,
                                            "root": e.get("rootExecutionId", e["executionId"])}
        elif kind.endswith("SparkListenerSQLExecutionEnd"):
            if e["executionId"] in executions:
                executions[e["executionId"]]["end"] = e["time"]
        elif kind == "SparkListenerJobStart":
            props = e.get("Properties") or {}
            ex = props.get("spark.sql.execution.id")
            jobs[e["Job ID"]] = {"start": e["Submission Time"], "end": None,
                                 "execution": int(ex) if ex is not None else None,
                                 "stages": e["Stage IDs"], "callsite": props.get("callSite.short")
                                 or (e["Stage Infos"][-1]["Stage Name"] if e["Stage Infos"] else "?")}
            for s in e["Stage IDs"]:
                stage_job.setdefault(s, e["Job ID"])
        elif kind == "SparkListenerJobEnd":
            jobs[e["Job ID"]]["end"] = e["Completion Time"]
        elif kind == "SparkListenerStageCompleted":
            info = e["Stage Info"]
            stages[info["Stage ID"]] = {"name": info["Stage Name"], "tasks": info["Number of Tasks"],
                                        "submitted": info.get("Submission Time"),
                                        "completed": info.get("Completion Time")}
        elif kind == "SparkListenerTaskEnd":
            m = e.get("Task Metrics")
            if not m:
                continue
            c = stage_metrics[e["Stage ID"]]
            c["tasks"] += 1
            c["run_ms"] += m.get("Executor Run Time", 0)
            c["cpu_ns"] += m.get("Executor CPU Time", 0)
            c["gc_ms"] += m.get("JVM GC Time", 0)
            c["spill_mem"] += m.get("Memory Bytes Spilled", 0)
            c["spill_disk"] += m.get("Disk Bytes Spilled", 0)
            r = m.get("Shuffle Read Metrics", {})
            c["shuffle_read"] += r.get("Remote Bytes Read", 0) + r.get("Local Bytes Read", 0)
            c["shuffle_read_records"] += r.get("Total Records Read", 0)
            w = m.get("Shuffle Write Metrics", {})
            c["shuffle_write"] += w.get("Shuffle Bytes Written", 0)
            c["shuffle_write_records"] += w.get("Shuffle Records Written", 0)
            i = m.get("Input Metrics", {})
            c["input"] += i.get("Bytes Read", 0)
            c["input_records"] += i.get("Records Read", 0)

    wall = (app["end"] - app["start"]) / 1000.0
    intervals = sorted((j["start"], j["end"]) for j in jobs.values() if j["end"])
    covered, cur_s, cur_e = 0, None, None
    for s, t in intervals:
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                covered += cur_e - cur_s
            cur_s, cur_e = s, t
        else:
            cur_e = max(cur_e, t)
    if cur_e is not None:
        covered += cur_e - cur_s
    total = collections.Counter()
    for c in stage_metrics.values():
        total.update(c)
    submitted = set(stages)
    listed = {s for j in jobs.values() for s in j["stages"]}
    print(f"application {app.get('name')}: wall {wall:.1f} s (SparkContext start to stop; JVM start and shutdown "
          f"not included)")
    print(f"  Spark jobs running: {covered / 1000:.1f} s; driver only (no job running): {wall - covered / 1000:.1f} s")
    print(f"  {len(executions)} SQL executions, {len(jobs)} jobs, {len(submitted)} stages run "
          f"({len(listed - submitted)} skipped, reused shuffle output), {total['tasks']} tasks")
    print(f"  task time {total['run_ms'] / 1000:.1f} s (cpu {total['cpu_ns'] / 1e9:.1f} s, gc {total['gc_ms'] / 1000:.1f} s);"
          f" input {mib(total['input']):.0f} MiB / {total['input_records']:,} rows; shuffle write "
          f"{mib(total['shuffle_write']):.0f} MiB / {total['shuffle_write_records']:,} rows; spill "
          f"{mib(total['spill_disk']):.0f} MiB disk")

    # per execution, with the stages of its jobs
    def exec_metrics(ex_id):
        c = collections.Counter()
        njobs, nstages = 0, 0
        for j in jobs.values():
            if j["execution"] == ex_id:
                njobs += 1
                for s in j["stages"]:
                    if s in stage_metrics and stage_job.get(s) is not None and jobs[stage_job[s]]["execution"] == ex_id:
                        nstages += 1
                        c.update(stage_metrics[s])
        return njobs, nstages, c

    rows = []
    for ex_id, ex in executions.items():
        if ex["end"] is None:
            continue
        njobs, nstages, c = exec_metrics(ex_id)
        rows.append((ex["start"], ex_id, ex["description"], (ex["end"] - ex["start"]) / 1000.0, njobs, nstages, c))
    print()
    print("SQL executions in order (wall s; jobs/stages/tasks; task s; input MiB; shuffle write MiB / rows; spill MiB)")
    for start, ex_id, desc, secs, njobs, nstages, c in sorted(rows):
        print(f"  {(start - app['start']) / 1000:7.1f}  #{ex_id:<3} {desc[:58]:58} {secs:7.1f}  {njobs:3}/{nstages:3}/"
              f"{c['tasks']:5}  {c['run_ms'] / 1000:7.1f}  {mib(c['input']):7.0f}  {mib(c['shuffle_write']):7.0f} / "
              f"{c['shuffle_write_records']:>11,}  {mib(c['spill_disk']):5.0f}")
    by_site = collections.defaultdict(lambda: [0, 0.0, 0, 0.0, 0])
    for start, ex_id, desc, secs, njobs, nstages, c in rows:
        agg = by_site[desc]
        agg[0] += 1
        agg[1] += secs
        agg[2] += njobs
        agg[3] += c["run_ms"] / 1000
        agg[4] += c["shuffle_write"]
    nonsql = [j for j in jobs.values() if j["execution"] is None and j["end"]]
    for j in nonsql:
        agg = by_site["(no SQL execution) " + j["callsite"]]
        agg[0] += 1
        agg[1] += (j["end"] - j["start"]) / 1000
        agg[2] += 1
        for s in j["stages"]:
            if s in stage_metrics:
                agg[3] += stage_metrics[s]["run_ms"] / 1000
                agg[4] += stage_metrics[s]["shuffle_write"]
    print()
    print("by call site, longest first (executions; wall s; jobs; task s; shuffle write MiB)")
    for site, (n, secs, nj, task, sw) in sorted(by_site.items(), key=lambda kv: -kv[1][1]):
        print(f"  {site[:70]:70} {n:3}  {secs:7.1f}  {nj:4}  {task:7.1f}  {mib(sw):7.0f}")

    print()
    print(f"longest {top} stages (wall s; tasks; task s; input rows; shuffle read rows; shuffle write MiB / rows; spill MiB)")
    srows = []
    for s, info in stages.items():
        if info["submitted"] and info["completed"]:
            srows.append(((info["completed"] - info["submitted"]) / 1000.0, s, info))
    for secs, s, info in sorted(srows, reverse=True)[:top]:
        c = stage_metrics[s]
        j = stage_job.get(s)
        ex = jobs[j]["execution"] if j is not None else None
        print(f"  stage {s:4} (exec #{ex}) {info['name'][:44]:44} {secs:7.1f}  {info['tasks']:4}  {c['run_ms'] / 1000:7.1f}"
              f"  {c['input_records']:>11,}  {c['shuffle_read_records']:>11,}  {mib(c['shuffle_write']):6.0f} / "
              f"{c['shuffle_write_records']:>11,}  {mib(c['spill_disk']):5.0f}")

    print()
    print(f"longest {top} driver-only gaps (no job running), with the actions before and after")
    ordered = sorted((j["start"], j["end"], jid) for jid, j in jobs.items() if j["end"])
    gaps = [(app["start"], ordered[0][0], None, ordered[0][2])] if ordered else []
    last_end, last_job = (ordered[0][1], ordered[0][2]) if ordered else (app["start"], None)
    for s, t, jid in ordered[1:]:
        if s > last_end:
            gaps.append((last_end, s, last_job, jid))
        if t > last_end:
            last_end, last_job = t, jid
    if ordered:
        gaps.append((last_end, app["end"], last_job, None))

    def name(jid):
        if jid is None:
            return "(application start/end)"
        j = jobs[jid]
        ex = j["execution"]
        return executions[ex]["description"] if ex in executions else j["callsite"]

    for s, t, before, after in sorted(gaps, key=lambda g: g[0] - g[1])[:top]:
        print(f"  {(t - s) / 1000:6.1f} s at {(s - app['start']) / 1000:6.1f} s: after {name(before)[:45]:45} "
              f"before {name(after)[:45]}")


if __name__ == "__main__":
    main()
