package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iago.pipeline.RunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iago review} on run folders as the nightly writes them, the log in the lake's embedded database. */
class ReviewCommandTest {

    private static final String HEADER = "drug,event,a,b,c,d,expected,prr,prr_lower,prr_upper,chi2,ror,ror_lower,"
            + "ror_upper,ic,ic025,ic975,ebgm,eb05,eb95,llr,llr_p,signal_prr,signal_ror,signal_ic,signal_ebgm,"
            + "signal_llr\n";

    @TempDir
    Path work;

    private Path out() {
        return work.resolve("out");
    }

    /** A run whose target analysis has three pairs, all flagged by EB05 at the given values and counts. */
    private void run(long id, int crsReports, double crsEb05, int icansReports, double icansEb05) throws Exception {
        Path folder = RunFolders.run(out(), id);
        Files.createDirectories(folder.resolve("signals/target"));
        Files.createDirectories(folder.resolve("status"));
        Files.writeString(folder.resolve("signals/target/disproportionality.csv"), HEADER
                + pair("CD19", "CRS", crsReports, crsEb05) + pair("BCMA", "ICANS", icansReports, icansEb05)
                + pair("BCMA", "Parkinsonism", 8, 2.2), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("status/signal_status.csv"), "analysis,drug,event,method,status,"
                + "previous_lower,current_lower\ntarget,BCMA,ICANS,ebgm,NEW,," + icansEb05 + "\ntarget,BCMA,"
                + "Parkinsonism,ebgm,NEW,,2.2\ntarget,CD19,CRS,ebgm,NEW,," + crsEb05 + "\n", StandardCharsets.UTF_8);
        RunFolders.switchLatest(out(), id);
    }

    private static String pair(String drug, String event, int a, double eb05) {
        return drug + "," + event + "," + a + ",100,200,10000," + a / 3.0 + ",3,1.5,6,9,3,1.4,6,1.5,0.4,2,3," + eb05
                + ",4,12,0.001,true,true,true,true,true\n";
    }

    private Cli review(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "review";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--lake", work.resolve("lake").toString(), "--nightly-out",
                out().toString()}, 0, all, args.length + 1, 4);
        return Cli.run(all);
    }

    private Cli ok(String... args) {
        Cli c = review(args);
        assertEquals(ExitCodes.OK, c.exitCode(), c::toString);
        return c;
    }

    @Test
    void decisionsBringBackOnlyTheSignalsTheirConditionsName() throws Exception {
        run(1, 10, 2.0, 6, 2.5);
        for (String state : List.of("VALIDATED", "UNDER_ASSESSMENT", "REFUTED")) {
            ok("set", "target", "CD19", "CRS", "--state", state, "--reason", "step " + state, "--reviewer", "ana");
        }
        ok("set", "target", "BCMA", "ICANS", "--state", "MONITOR", "--reason", "few reports",
                "--monitor-reports", "2");

        Cli first = ok("list", "--needs-review");
        assertEquals(List.of("target\tBCMA\tParkinsonism\t-\t-\t-\tnever reviewed"),
                first.out().lines().skip(1).toList(), first::toString);

        run(2, 11, 2.6, 8, 2.5);
        Cli second = ok("list", "--needs-review");
        List<String> queue = second.out().lines().skip(1).toList();
        assertEquals(3, queue.size(), second::toString);
        assertTrue(queue.get(0).startsWith("target\tBCMA\tICANS\tMONITOR\t") && queue.get(0).endsWith(
                "\t2 new reports (condition: 2)"), queue.get(0));
        assertTrue(queue.get(2).startsWith("target\tCD19\tCRS\tREFUTED\t") && queue.get(2).endsWith(
                "\tana\tstrengthened since REFUTED: ebgm"), queue.get(2));

        Cli show = ok("show", "target", "CD19", "CRS");
        List<String> lines = show.out().lines().toList();
        assertEquals(6, lines.size(), show::toString);
        assertTrue(lines.get(4).startsWith("3\t") && lines.get(4).contains("\tREFUTED\tana\tstep REFUTED\t-\t1\t10\t"),
                lines.get(4));
        assertTrue(lines.get(5).startsWith("now\t") && lines.get(5).contains("\t2\t11\t") && lines.get(5).contains(
                "2.6*"), lines.get(5));

        Cli refuted = ok("list", "--state", "REFUTED");
        assertEquals(2, refuted.out().lines().count(), refuted::toString);
    }

    @Test
    void unknownPairsStatesAndMovesAreRefusedClearly() throws Exception {
        run(1, 10, 2.0, 6, 2.5);

        Cli pair = review("set", "target", "CD19", "CRS2", "--state", "VALIDATED", "--reason", "x");
        assertEquals(ExitCodes.FAILED, pair.exitCode(), pair::toString);
        assertTrue(pair.err().contains("no drug 'CD19' with event 'CRS2' in analysis target of run 1: names are as"
                + " the run writes them, see 'iago review list --needs-review'"), pair::toString);

        Cli analysis = review("set", "product", "CD19", "CRS", "--state", "VALIDATED", "--reason", "x");
        assertTrue(analysis.err().contains("no analysis 'product' in run 1 (it has target)"), analysis::toString);

        Cli state = review("set", "target", "CD19", "CRS", "--state", "DONE", "--reason", "x");
        assertEquals(ExitCodes.USAGE, state.exitCode(), state::toString);
        assertTrue(state.err().contains("UNDER_VALIDATION"), state::toString);

        Cli move = review("set", "target", "CD19", "CRS", "--state", "CONFIRMED", "--reason", "x");
        assertEquals(ExitCodes.FAILED, move.exitCode(), move::toString);
        assertTrue(move.err().contains("a signal cannot go from never reviewed to CONFIRMED: a signal is confirmed"
                + " or refuted by an assessment: set UNDER_ASSESSMENT first"), move::toString);

        Cli monitor = review("set", "target", "CD19", "CRS", "--state", "MONITOR", "--reason", "x");
        assertTrue(monitor.err().contains("a MONITOR decision needs a condition"), monitor::toString);

        Cli nothing = ok("export");
        assertEquals(1, nothing.out().lines().count(), "no decision logged: " + nothing);
    }

    @Test
    void theLogIsExportedAndImportedIntoAnotherDatabase() throws Exception {
        run(1, 10, 2.0, 6, 2.5);
        ok("set", "target", "CD19", "CRS", "--state", "UNDER_VALIDATION", "--reason", "start", "--reviewer", "ana");
        ok("set", "target", "BCMA", "ICANS", "--state", "MONITOR", "--reason", "wait", "--monitor-date",
                "2027-01-31", "--monitor-lower", "3");
        Path csv = work.resolve("log.csv");
        ok("export", "--out", csv.toString());
        Cli json = ok("export", "--format", "json");
        assertTrue(json.out().startsWith("[\n{\"id\":1,\"analysis\":\"target\",\"drug\":\"CD19\""), json::toString);

        Cli imported = Cli.run("review", "import", csv.toString(), "--lake", work.resolve("lake2").toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported::toString);
        Cli again = Cli.run("review", "export", "--lake", work.resolve("lake2").toString());
        assertEquals(Files.readString(csv), again.out());
        assertFalse(Files.exists(work.resolve(".log.csv.part")));
    }
}
