package org.iago.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.iago.csv.CsvWriter;
import org.iago.pipeline.SignalStatus.Status;
import org.iago.csv.CsvTable;
import org.iago.vocabulary.SignalMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every status and every boundary of the strengthen factor, hand-worked. */
class SignalStatusTest {

    /** drug, event, each method's lower bound, each method's flag. */
    private static final String HEADER = "drug,event," + Arrays.stream(SignalMethod.values())
            .map(SignalMethod::lowerBound).collect(Collectors.joining(",")) + "," + Arrays.stream(SignalMethod.values())
            .map(SignalMethod::flag).collect(Collectors.joining(","));

    @TempDir
    Path work;

    private final SignalStatus status = new SignalStatus(1.25);

    @Test
    void ratioBoundsChangeByTheFactorAndIcByItsLog2() {
        // ROR lower 4 -> 5 is exactly x1.25: strengthened; 4 -> 4.99: ongoing; 5 -> 4: exactly /1.25: weakened
        assertEquals(Status.STRENGTHENED, status.classify(SignalMethod.ROR, true, true, 4, 5));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.ROR, true, true, 4, 4.99));
        assertEquals(Status.WEAKENED, status.classify(SignalMethod.ROR, true, true, 5, 4));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.ROR, true, true, 5, 4.01));
        double log2 = Math.log(1.25) / Math.log(2);
        assertEquals(Status.STRENGTHENED, status.classify(SignalMethod.IC, true, true, -0.1, -0.1 + log2 + 1e-12));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.IC, true, true, 0.5, 0.5 + log2 - 1e-6));
        assertEquals(Status.WEAKENED, status.classify(SignalMethod.IC, true, true, 0.5, 0.5 - log2 - 1e-12));
    }

    @Test
    void specialBoundsAreWrittenDown() {
        assertEquals(Status.STRENGTHENED, status.classify(SignalMethod.ROR, true, true, 3, Double.POSITIVE_INFINITY));
        assertEquals(Status.WEAKENED, status.classify(SignalMethod.ROR, true, true, Double.POSITIVE_INFINITY, 3));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.ROR, true, true, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.ROR, true, true, Double.NaN, 3));
        assertEquals(Status.ONGOING, status.classify(SignalMethod.ROR, true, true, 0, 3),
                "a ratio bound of 0 has no ratio");
        assertEquals(Status.NEW, status.classify(SignalMethod.ROR, false, true, Double.NaN, 3));
        assertEquals(Status.NO_LONGER, status.classify(SignalMethod.ROR, true, false, 3, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new SignalStatus(1.0));
    }

    @Test
    void pairsAndMethodsAreComparedAcrossRuns() throws IOException {
        CsvTable before = table("before.csv",
                "A,RASH,2,3,0.5,2.5,10,true,true,true,true,true",
                "A,\"NAUSEA, SEVERE\",2,3,0.5,2.5,10,true,false,false,false,false",
                "B,RASH,1,1,-1,1,1,false,false,false,false,false",
                "C,GONE,2,3,0.5,2.5,10,false,true,false,false,false");
        CsvTable now = table("now.csv",
                "A,RASH,2,4,0.5,2.0,10,true,true,true,true,true",
                "A,\"NAUSEA, SEVERE\",2,3,0.5,2.5,10,false,false,false,false,false",
                "B,RASH,3,3,0.5,2.5,10,true,false,false,false,false",
                "D,FRESH,2,3,0.5,2.5,10,false,false,true,false,false");

        List<SignalStatus.Change> changes = status.compare("target", before, now);

        assertEquals(List.of("A|NAUSEA, SEVERE|prr|NO_LONGER", "A|RASH|prr|ONGOING", "A|RASH|ror|STRENGTHENED",
                "A|RASH|ic|ONGOING", "A|RASH|ebgm|WEAKENED", "A|RASH|llr|ONGOING", "B|RASH|prr|NEW",
                "C|GONE|ror|NO_LONGER", "D|FRESH|ic|NEW"), changes.stream()
                .map(c -> c.drug() + "|" + c.event() + "|" + c.method() + "|" + c.status()).toList());
        SignalStatus.Change gone = changes.get(7);
        assertEquals(3.0, gone.previousLower());
        assertEquals(Double.NaN, gone.currentLower());
        List<SignalStatus.Change> first = status.compare("target", null, now);
        assertEquals(List.of(Status.NEW), first.stream().map(SignalStatus.Change::status).distinct().toList(),
                "the first run: everything flagged is new");
        assertEquals(7, first.size());
    }

    @Test
    void namesThatWouldRunAsFormulasAreComparedAndWrittenAsTheyWere() throws IOException {
        String drug = "=HYPERLINK(\"http://evil.example/\",\"A\")";
        String event = "-2+3+cmd|' /C calc'!A0";
        CsvTable before = written("before.csv", List.of(drug, event, 2.0, 3.0, -0.5, 2.5, 10.0, true, false, true,
                false, false));
        CsvTable now = written("now.csv", List.of(drug, event, 2.0, 3.0, -0.25, 2.5, 10.0, false, false, true,
                false, false), List.of("'@x", "RASH", 2.0, 3.0, 0.5, 2.5, 10.0, true, false, false, false, false));

        List<SignalStatus.Change> changes = status.compare("target", before, now);
        assertEquals(List.of("'@x|RASH|prr|NEW", drug + "|" + event + "|prr|NO_LONGER", drug + "|" + event
                + "|ic|ONGOING"), changes.stream().map(c -> c.drug() + "|" + c.event() + "|" + c.method() + "|"
                + c.status()).toList(), "the names as the signals job was given them");

        Path file = work.resolve("signal_status.csv");
        NightlyTasks.writeStatus(file, changes);
        assertEquals("""
                analysis,drug,event,method,status,previous_lower,current_lower
                target,"''@x",RASH,prr,NEW,,2.0
                target,"'=HYPERLINK(""http://evil.example/"",""A"")","'-2+3+cmd|' /C calc'!A0",prr,NO_LONGER,2.0,
                target,"'=HYPERLINK(""http://evil.example/"",""A"")","'-2+3+cmd|' /C calc'!A0",ic,ONGOING,-0.5,-0.25
                """, Files.readString(file), "names marked, negative bounds numbers");
        assertEquals(List.of("'@x|RASH", drug + "|" + event, drug + "|" + event), CsvTable.read(file).rows().stream()
                .map(r -> r.get("drug") + "|" + r.get("event")).toList());
    }

    /** A disproportionality.csv with {@link #HEADER}'s columns, written as the signals job writes it. */
    @SafeVarargs
    private CsvTable written(String name, List<Object>... rows) throws IOException {
        Path file = work.resolve(name);
        try (Writer w = Files.newBufferedWriter(file)) {
            CsvWriter csv = new CsvWriter(w);
            csv.record(List.of(HEADER.split(",")));
            for (List<Object> r : rows) {
                csv.record(r);
            }
        }
        return CsvTable.read(file);
    }

    private CsvTable table(String name, String... rows) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
        return CsvTable.read(file);
    }
}
