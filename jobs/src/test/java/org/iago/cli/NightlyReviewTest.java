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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iago.csv.CsvTable;
import org.iago.csv.CsvWriter;
import org.iago.synth.HandMadeQuarter;
import org.iago.vocabulary.Quarter;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's review cycle end to end (issue 22). Nightly run 1 on two synthetic quarters queues every signal as never
 * reviewed. Reviewers then refute BCMA × cranial nerve palsy (validated, assessed, refuted), keep BCMA × ICANS under
 * monitoring until two more reports, and triage every other signal of the run (UNDER_VALIDATION, one import), so
 * that nothing waits. Nightly run 2 adds a hand-made quarter ({@link HandMadeQuarter}) of six BCMA CAR-T reports:
 * three with a cranial nerve paralysis, three with an ICANS, and nothing else. That is three new reports of the
 * refuted signal (the configured {@code newReports}) and of the monitored one (its condition: two); as each report
 * names a BCMA product whose own pair with its PT run 1 already flagged, run 2 flags no pair that run 1 did not. So
 * run 2's queue holds exactly those two, highest review priority first, in {@code review/review_queue.csv} and in the
 * same order in the report's {@code review-queue} table, each with its priority, last decision, reason and reviewer,
 * and the history behind them.
 */
class NightlyReviewTest {

    private static final String PALSY = "Cranial nerve palsy";
    private static final String ICANS = "ICANS";
    /** The reports run 2 adds to each of the two signals. */
    private static final int NEW_REPORTS = 3;
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>");

    @TempDir
    static Path work;
    static NightlyWorkspace nightly;

    @BeforeAll
    static void synthesise() throws Exception {
        nightly = NightlyWorkspace.synthesise(work, 2_000);
        Files.writeString(nightly.config(), "review: {newReports: " + NEW_REPORTS + "}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    @Test
    void theSecondRunQueuesExactlyTheRefutedSignalThatStrengthenedAndTheMonitoredOneWhoseConditionIsMet()
            throws Exception {
        for (String q : List.of("2024q1", "2024q2")) {
            Files.copy(work.resolve("synth/faers_ascii_" + q + ".zip"),
                    nightly.inbox().resolve("faers_ascii_" + q + ".zip"));
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

        // each signal's reports name a BCMA product whose own pair run 1 flagged too, and carry that one PT only, so
        // that the product analysis flags nothing new either
        HandMadeQuarter q3 = new HandMadeQuarter(Quarter.of(2024, 3));
        int caseid = 29_000_001;
        for (String[] signal : List.of(new String[] {PALSY, "Cranial nerve paralysis"},
                new String[] {ICANS, "Immune effector cell-associated neurotoxicity syndrome"})) {
            String brand = Stream.of("ABECMA", "CARVYKTI").filter(b -> before.containsKey(key("product", b,
                    signal[0]))).findFirst().orElseThrow(() -> new AssertionError("no BCMA product flagged with "
                    + signal[0] + " in run 1: " + before.keySet()));
            for (int i = 0; i < NEW_REPORTS; i++) {
                q3.cart(caseid, brand, 50 + caseid % 40, signal[1]);
                caseid++;
            }
        }
        q3.writeZip(nightly.inbox());
        Path second = nightly();
        Map<String, CsvTable.Row> after = queue(second);
        assertEquals(Set.of(), after.keySet().stream().filter(k -> !before.containsKey(k)).collect(Collectors.toSet()),
                "run 2 flags no pair that run 1 did not");
        Map<String, String> queued = after.values().stream().filter(r -> r.get("needs_review").equals("true"))
                .collect(Collectors.toMap(r -> key(r.get("analysis"), r.get("drug"), r.get("event")),
                        r -> r.get("reason"), (a, b) -> a, TreeMap::new));
        assertEquals(Set.of(refuted, monitored), queued.keySet(), "the queue: " + queued);
        assertTrue(List.of("STRENGTHENED", "NEW_REPORTS").contains(queued.get(refuted)), queued::toString);
        assertEquals("MONITOR_REPORTS", queued.get(monitored));
        List<String> queuedFirst = List.copyOf(after.keySet()).subList(0, 2);
        assertEquals(Set.of(refuted, monitored), Set.copyOf(queuedFirst), "needs-review first: " + after.keySet());
        double higher = after.get(queuedFirst.get(0)).number("priority");
        double lower = after.get(queuedFirst.get(1)).number("priority");
        assertTrue(higher >= lower, "needs-review by priority, highest first: " + queuedFirst + " " + higher + ", "
                + lower);
        assertTrue(lower > 0, "a flagged target pair has a priority: " + lower);
        assertTrue(after.size() > 2, "the other signals stay listed, by state: " + after.keySet());

        CsvTable.Row palsy = after.get(refuted);
        assertEquals(List.of("REFUTED", "ana", "case series: REFUTED"), List.of(palsy.get("state"),
                palsy.get("reviewer"), palsy.get("decision_reason")));
        assertEquals(before.get(refuted).get("reports_now"), palsy.get("reports_at_decision"));
        assertEquals(NEW_REPORTS, (long) palsy.number("new_reports"), palsy.get("detail"));
        assertEquals((long) palsy.number("reports_now") - (long) palsy.number("reports_at_decision"),
                (long) palsy.number("new_reports"));
        CsvTable.Row icans = after.get(monitored);
        assertEquals(List.of("MONITOR", "bo", "too few reports to assess"), List.of(icans.get("state"),
                icans.get("reviewer"), icans.get("decision_reason")));
        assertEquals(NEW_REPORTS, (long) icans.number("new_reports"), icans.get("detail"));

        // the history behind the queue: three decisions on the refuted signal, and what run 2 says now
        Cli history = review("show", "target", "BCMA", PALSY);
        List<String> lines = history.out().lines().toList();
        assertEquals(List.of("1", "2", "3"), lines.subList(2, 5).stream().map(l -> l.split("\t")[0]).toList(),
                history::toString);
        assertTrue(lines.get(5).startsWith("now\t") && lines.get(5).contains("\t" + second.getFileName() + "\t"),
                history::toString);

        // the report's queue: the same two, in the same order, each with why, its last decision and reviewer
        String page = Files.readString(second.resolve("report/index.html"), StandardCharsets.UTF_8);
        String table = page.substring(page.indexOf("<table id=\"review-queue\""));
        table = table.substring(table.indexOf("<tbody>"), table.indexOf("</table>"));
        List<List<String>> rows = List.of(table.split("<tr>")).stream().skip(1)
                .map(r -> CELL.matcher(r).results().map(m -> m.group(1)).toList()).toList();
        // analysis, drug, event, priority, why, new reports since the last review, reports, state, last decision,
        // reviewer, decision reason
        List<String> palsyRow = List.of("target", "BCMA", PALSY, palsy.get("detail"), "REFUTED", "ana",
                "case series: REFUTED");
        List<String> icansRow = List.of("target", "BCMA", ICANS, icans.get("detail"), "MONITOR", "bo",
                "too few reports to assess");
        assertEquals(queuedFirst.get(0).equals(refuted) ? List.of(palsyRow, icansRow) : List.of(icansRow, palsyRow),
                rows.stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(4), r.get(7), r.get(9), r.get(10)))
                        .toList(), table);
        assertTrue(rows.stream().noneMatch(r -> r.get(3).isEmpty()), "each with its priority: " + table);
    }

    private static Path nightly() throws Exception {
        Cli run = Cli.run("nightly", "--config", nightly.config().toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("reviewQueue"), run::toString);
        return nightly.out().resolve(Files.readSymbolicLink(nightly.out().resolve("latest")));
    }

    private static Cli review(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "review";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--config";
        all[args.length + 2] = nightly.config().toString();
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
