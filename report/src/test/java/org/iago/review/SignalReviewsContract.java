package org.iago.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the review log does on every database it supports: H2 and PostgreSQL run these same tests. */
abstract class SignalReviewsContract {

    static final SignalKey CRS = new SignalKey("target", "CD19", "Cytokine release syndrome");
    static final SignalKey ICANS = new SignalKey("target", "BCMA", "=ICANS, \"quoted\"");

    @TempDir
    Path work;

    /** A database of its own for each test, empty. */
    abstract DataSource database() throws Exception;

    static Evidence seen(long run, long reports, double eb05) {
        return new Evidence(run, reports, reports / 2.0, Map.of("prr", new Evidence.Bound(Double.POSITIVE_INFINITY,
                true), "ebgm", new Evidence.Bound(eb05, eb05 >= 2), "llr", new Evidence.Bound(Double.NaN, false)));
    }

    static Decision decision(SignalKey signal, ReviewState state, String reviewer, int second) {
        MonitorCondition monitor = state == ReviewState.MONITOR
                ? new MonitorCondition(5, 2.5, null, LocalDate.of(2027, 1, 31)) : null;
        return Decision.proposed(signal, state, "because " + state, reviewer,
                Instant.parse("2026-12-07T10:00:00Z").plusSeconds(second), seen(3, 12, 2.1), monitor);
    }

    @Test
    void decisionsAreAppendedAndReadBackAsTheyWere() throws Exception {
        SignalReviews log = SignalReviews.open(database());
        Decision first = log.append(decision(CRS, ReviewState.UNDER_VALIDATION, "ana", 0), 0);
        Decision second = log.append(decision(CRS, ReviewState.MONITOR, "ben", 1), 1);
        log.append(decision(ICANS, ReviewState.NOT_VALIDATED, "ana", 2), 0);

        assertEquals(List.of(first, second), log.history(CRS));
        assertEquals(2, second.seq());
        assertEquals(second, log.latest(CRS).orElseThrow());
        assertEquals(List.of(ICANS, CRS), new ArrayList<>(log.latest().keySet()), "by analysis, drug, event");
        Decision back = log.history(CRS).get(1);
        assertEquals(Double.POSITIVE_INFINITY, back.evidence().lower("prr"));
        assertTrue(Double.isNaN(back.evidence().lower("llr")));
        assertEquals(new MonitorCondition(5, 2.5, "ebgm", LocalDate.of(2027, 1, 31)), back.monitor());
        assertTrue(log.latest(new SignalKey("target", "CD19", "other")).isEmpty());
    }

    @Test
    void aSenselessMoveIsRefusedAndLeavesNoTrace() throws Exception {
        SignalReviews log = SignalReviews.open(database());
        log.append(decision(CRS, ReviewState.UNDER_VALIDATION, "ana", 0), 0);

        RefusedDecisionException e = assertThrows(RefusedDecisionException.class,
                () -> log.append(decision(CRS, ReviewState.CONFIRMED, "ana", 1), 1));

        assertTrue(e.getMessage().contains("set UNDER_ASSESSMENT first"), e.getMessage());
        assertEquals(1, log.log().size());
    }

    /** Two reviewers decide about one signal on the state they both saw: one decision goes in, one is refused. */
    @Test
    void twoReviewersAtOnceAppendOneDecisionOnTheStateTheySaw() throws Exception {
        SignalReviews log = SignalReviews.open(database());
        log.append(decision(CRS, ReviewState.UNDER_VALIDATION, "ana", 0), 0);
        for (int round = 0; round < 5; round++) {
            SignalKey signal = new SignalKey("target", "drug" + round, "event");
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Decision>> decisions = new ArrayList<>();
                for (ReviewState state : new ReviewState[] {ReviewState.VALIDATED, ReviewState.NOT_VALIDATED}) {
                    decisions.add(two.submit(() -> {
                        int seen = log.latest(signal).map(Decision::seq).orElse(0);
                        together.await();
                        return log.append(decision(signal, state, state.name(), 0), seen);
                    }));
                }
                int appended = 0;
                int refused = 0;
                for (Future<Decision> f : decisions) {
                    try {
                        f.get();
                        appended++;
                    } catch (java.util.concurrent.ExecutionException x) {
                        assertTrue(x.getCause() instanceof StaleDecisionException, x.getCause().toString());
                        assertTrue(x.getCause().getMessage().contains("no longer current"), x.getCause().getMessage());
                        refused++;
                    }
                }
                assertEquals(1, appended, "round " + round);
                assertEquals(1, refused, "round " + round);
                assertEquals(1, log.history(signal).size());
            } finally {
                two.shutdownNow();
            }
        }
    }

    @Test
    void theLogIsExportedAndImportedToTheSameBytes() throws Exception {
        SignalReviews log = SignalReviews.open(database());
        log.append(decision(CRS, ReviewState.UNDER_VALIDATION, "ana", 0), 0);
        log.append(decision(ICANS, ReviewState.MONITOR, "-ben", 1), 0);
        log.append(decision(CRS, ReviewState.VALIDATED, "ana", 2), 1);
        String csv = csv(log);
        StringWriter json = new StringWriter();
        log.exportJson(json);

        Path file = Files.writeString(work.resolve("log.csv"), csv, StandardCharsets.UTF_8);
        SignalReviews copy = SignalReviews.open(database());
        assertEquals(3, copy.importCsv(file));

        assertEquals(csv, csv(copy));
        StringWriter jsonCopy = new StringWriter();
        copy.exportJson(jsonCopy);
        assertEquals(json.toString(), jsonCopy.toString());
        assertTrue(csv.startsWith("id,analysis,drug,event,seq,state,reason,reviewer,decided_at,run_id,reports,"
                + "expected,prr_lower,prr_signal,"), csv);
        assertTrue(csv.contains("\n2,target,BCMA,\"'=ICANS, \"\"quoted\"\"\",1,MONITOR,because MONITOR,\"'-ben\","
                + "2026-12-07T10:00:01Z,3,12,6.0,Infinity,true,,,,,2.1,true,,false,5,2.5,ebgm,2027-01-31\n"), csv);
        assertTrue(json.toString().contains("\"prr_lower\":\"Infinity\""), json.toString());
    }

    @Test
    void anImportIsAllOrNothingAndSaysWhichLine() throws Exception {
        SignalReviews log = SignalReviews.open(database());
        Path file = Files.writeString(work.resolve("in.csv"), "analysis,drug,event,state,reason,reviewer\n"
                + "target,CD19,CRS,UNDER_VALIDATION,start,ana\n"
                + "target,CD19,CRS,VALIDATED,\"two\nlines\",ana\n"
                + "target,CD19,CRS,CONFIRMED,too soon,ana\n", StandardCharsets.UTF_8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.importCsv(file));

        assertEquals(file + ": line 5: a signal cannot go from VALIDATED to CONFIRMED: a signal is confirmed or"
                + " refuted by an assessment: set UNDER_ASSESSMENT first; nothing was imported", e.getMessage());
        assertEquals(List.of(), log.log());
        Path bad = Files.writeString(work.resolve("bad.csv"), "analysis,drug,event,state,reason,reviewer\n"
                + "target,CD19,CRS,DONE,x,ana\n", StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> log.importCsv(bad));
        assertTrue(e.getMessage().startsWith(bad + ": line 2: unknown state 'DONE'"), e.getMessage());
    }

    /** The JobRepository's database is not empty: the review tables come beside its tables, with their history. */
    @Test
    void theTablesComeBesideTheJobRepositorysAndMigrateOnce() throws Exception {
        DataSource db = database();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE batch_job_instance (job_instance_id BIGINT PRIMARY KEY)");
        }
        SignalReviews.open(db).append(decision(CRS, ReviewState.VALIDATED, "ana", 0), 0);
        SignalReviews again = SignalReviews.open(db);

        assertEquals(1, again.log().size());
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \""
                     + SignalReviews.SCHEMA_HISTORY + "\" WHERE \"version\" = '1'")) {
            assertTrue(rs.next(), "V1 applied");
            assertTrue(rs.getBoolean(2));
        }
    }

    private static String csv(SignalReviews log) throws Exception {
        StringWriter out = new StringWriter();
        log.exportCsv(out);
        return out.toString();
    }
}
