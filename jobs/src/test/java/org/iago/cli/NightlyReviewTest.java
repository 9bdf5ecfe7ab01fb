package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.iago.csv.CsvTable;
import org.iago.csv.CsvWriter;
import org.iago.lake.Quarter;
import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's review cycle end to end (issue 22): nightly run 1 on two synthetic quarters queues every signal as never
 * reviewed; reviewers refute BCMA × cranial nerve palsy (validated, assessed, refuted), keep BCMA × ICANS
 * under monitoring until two more reports, and triage every other signal of the run (UNDER_VALIDATION, one import);
 * nightly run 2 on a third quarter, which adds reports of both, brings back exactly those two of the signals reviewed,
 * with their decisions, in {@code review/review_queue.csv} and in the report's queue; beside them only the signals
 * new in run 2, never reviewed.
 */
class NightlyReviewTest {

    private static final String PALSY = "Cranial nerve palsy";
    private static final String ICANS = "ICANS";

    @TempDir
    static Path work;
    static Path config;
    static Path inbox;
    static Path out;

    @BeforeAll
    static void synthesise() throws Exception {
        new FaersSynthesizer(new FaersSynthSpec(work.resolve("synth"), Quarter.parseRange("2024Q1..2024Q3"), 2_000,
                5, false, true)).write();
        inbox = Files.createDirectories(work.resolve("inbox"));
        out = work.resolve("out");
        config = NightlyConfigFile.write(work.resolve("nightly.yaml"), work.resolve("lake"), out, List.of(inbox),
                List.of());
        Files.writeString(config, "review: {newReports: 3}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void theSecondRunQueuesExactlyTheRefutedSignalThatStrengthenedAndTheMonitoredOneWhoseConditionIsMet()
            throws Exception {
        for (String q : List.of("2024q1", "2024q2")) {
            Files.copy(work.resolve("synth/faers_ascii_" + q + ".zip"), inbox.resolve("faers_ascii_" + q + ".zip"));
        }
        Path first = nightly();
        Map<String, CsvTable.Row> before = queue(first);
        assertTrue(before.values().stream().allMatch(r -> r.get("needs_review").equals("true")
                && r.get("reason").equals("NEVER_REVIEWED")), "run 1: nothing reviewed yet");
        String refuted = key("target", "BCMA", PALSY);
        String monitored = key("target", "BCMA", ICANS);
        assertTrue(before.keySet().containsAll(List.of(refuted, monitored)), before.keySet()::toString);

        for (String state : List.of("VALIDATED", "UNDER_ASSESSMENT", "REFUTED")) {
            review("set", "target", "BCMA", PALSY, "--state", state, "--reason", "case series: " + state,
                    "--reviewer", "ana");
        }
        review("set", "target", "BCMA", ICANS, "--state", "MONITOR", "--reason", "too few reports to assess",
                "--reviewer", "bo", "--monitor-reports", "2");
        Path triage = work.resolve("triage.csv");
        try (var w = Files.newBufferedWriter(triage, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.record(List.of("analysis", "drug", "event", "state", "reason", "reviewer"));
            for (CsvTable.Row r : before.values()) {
                String k = key(r.get("analysis"), r.get("drug"), r.get("event"));
                if (!k.equals(refuted) && !k.equals(monitored)) {
                    csv.record(List.of(r.get("analysis"), r.get("drug"), r.get("event"), "UNDER_VALIDATION",
                            "triaged", "cy"));
                }
            }
        }
        review("import", triage.toString());
        Cli waiting = review("list", "--needs-review");
        assertEquals(1, waiting.out().lines().count(), "after the decisions, nothing waits: " + waiting);

        Files.copy(work.resolve("synth/faers_ascii_2024q3.zip"), inbox.resolve("faers_ascii_2024q3.zip"));
        Path second = nightly();
        Map<String, CsvTable.Row> after = queue(second);
        Set<String> reviewed = after.keySet().stream().filter(before::containsKey).collect(Collectors.toSet());
        Map<String, String> queued = after.values().stream().filter(r -> r.get("needs_review").equals("true"))
                .collect(Collectors.toMap(r -> key(r.get("analysis"), r.get("drug"), r.get("event")),
                        r -> r.get("reason"), (a, b) -> a, TreeMap::new));
        Set<String> fresh = after.keySet().stream().filter(k -> !before.containsKey(k)).collect(Collectors.toSet());
        assertTrue(fresh.stream().allMatch(k -> queued.get(k).equals("NEVER_REVIEWED")), queued::toString);
        queued.keySet().removeAll(fresh);
        assertEquals(Set.of(refuted, monitored), queued.keySet(), "of the signals reviewed: " + queued);
        assertTrue(List.of("STRENGTHENED", "NEW_REPORTS").contains(queued.get(refuted)), queued::toString);
        assertEquals("MONITOR_REPORTS", queued.get(monitored));
        assertTrue(reviewed.size() > 2, reviewed::toString);

        CsvTable.Row palsy = after.get(refuted);
        assertEquals(List.of("REFUTED", "ana", "case series: REFUTED"), List.of(palsy.get("state"),
                palsy.get("reviewer"), palsy.get("decision_reason")));
        assertEquals(before.get(refuted).get("reports_now"), palsy.get("reports_at_decision"));
        assertEquals((long) palsy.number("reports_now") - (long) palsy.number("reports_at_decision"),
                (long) palsy.number("new_reports"));
        CsvTable.Row icans = after.get(monitored);
        assertEquals(List.of("MONITOR", "bo", "too few reports to assess"), List.of(icans.get("state"),
                icans.get("reviewer"), icans.get("decision_reason")));
        assertTrue(icans.number("new_reports") >= 2, icans.get("detail"));
        List<String> order = List.copyOf(after.keySet());
        assertTrue(after.values().stream().map(r -> r.get("needs_review")).toList().indexOf("false")
                >= queued.size() + fresh.size(), "needs-review first: " + order);

        // the history behind the queue: three decisions on the refuted signal, and what run 2 says now
        Cli history = review("show", "target", "BCMA", PALSY);
        List<String> lines = history.out().lines().toList();
        assertEquals(List.of("1", "2", "3"), lines.subList(2, 5).stream().map(l -> l.split("\t")[0]).toList(),
                history::toString);
        assertTrue(lines.get(5).startsWith("now\t") && lines.get(5).contains("\t" + second.getFileName() + "\t"),
                history::toString);

        String page = Files.readString(second.resolve("report/index.html"), StandardCharsets.UTF_8);
        String table = page.substring(page.indexOf("<table id=\"review-queue\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertTrue(table.contains(PALSY) && table.contains("REFUTED") && table.contains("case series: REFUTED")
                && table.contains(ICANS) && table.contains("MONITOR") && table.contains("too few reports to assess"),
                table);
        List<String> rows = List.of(table.split("<tr")).subList(2, table.split("<tr").length);
        assertEquals(2, rows.stream().filter(r -> !r.contains(">never reviewed<")).count(),
                "the report's queue: the two, and signals new in run 2 (of CAR-T drugs) never reviewed: " + table);
    }

    private static Path nightly() throws Exception {
        Cli run = Cli.run("nightly", "--config", config.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("reviewQueue"), run::toString);
        return out.resolve(Files.readSymbolicLink(out.resolve("latest")));
    }

    private static Cli review(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "review";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = config.toString();
        Cli c = Cli.run(all);
        assertEquals(ExitCodes.OK, c.exitCode(), c::toString);
        return c;
    }

    /** The run's queue by "analysis|drug|event", in its order. */
    private static Map<String, CsvTable.Row> queue(Path run) throws Exception {
        Map<String, CsvTable.Row> rows = new LinkedHashMap<>();
        for (CsvTable.Row r : CsvTable.read(run.resolve(RunLayout.REVIEW_QUEUE)).rows()) {
            rows.put(key(r.get("analysis"), r.get("drug"), r.get("event")), r);
        }
        return rows;
    }

    private static String key(String analysis, String drug, String event) {
        return analysis + "|" + drug + "|" + event;
    }
}
