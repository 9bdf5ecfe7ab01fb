package org.iago.synth.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --defects every row passes the format's validation, and the extract is consistent beyond it. */
class RegistrySynthFormatTest {

    @TempDir
    static Path tmp;

    static RegistrySynthExtract extract;

    @BeforeAll
    static void generate() throws IOException {
        extract = RegistrySynthExtract.generate(tmp, 3000, 21, false);
    }

    @Test
    void headersAreTheColumnsOfTheFormatDocument() throws IOException {
        Map<String, List<String>> documented = documentedColumns();
        assertEquals(RegistrySynthExtract.FILES, new ArrayList<>(documented.keySet()));
        for (String file : RegistrySynthExtract.FILES) {
            assertEquals(documented.get(file), Arrays.asList(extract.lines(file).get(0)), file);
        }
    }

    @Test
    void everyRowIsValid() throws IOException {
        assertEquals(List.of(), RegistrySynthChecker.check(extract));
    }

    @Test
    void manifestCountsTheRowsOfEveryFile() {
        extract.manifest.get("tables").forEach(t -> {
            int lines = extract.lines(t.get("file").asText()).size();
            assertEquals(lines - 1, t.get("rows").asInt(), t.toString());
            assertEquals(lines - 1, t.get("validRows").asInt(), t.toString());
        });
        assertEquals(3000, extract.rows("outcomes.csv").size());
    }

    /** Stricter than the format: sorted, nothing after follow-up end or the cut-off, death and cause together. */
    @Test
    void patientsAreSortedAndFollowUpHoldsEverything() {
        LocalDate cutOff = LocalDate.parse(extract.manifest.get("cutOff").asText());
        Map<String, LocalDate> end = new HashMap<>();
        for (Map<String, String> o : extract.rows("outcomes.csv")) {
            LocalDate lastSeen = LocalDate.parse(o.get("last_follow_up_date"));
            boolean dead = !o.get("death_date").isEmpty();
            assertEquals(dead, !o.get("death_cause").isEmpty(), o.toString());
            LocalDate death = dead ? LocalDate.parse(o.get("death_date")) : null;
            assertTrue(!dead || !lastSeen.isAfter(death) && !lastSeen.isBefore(death.minusDays(3)), o.toString());
            assertTrue(o.get("next_therapy_date").isEmpty() || !o.get("relapse_date").isEmpty(), o.toString());
            end.put(o.get("patient_id"), dead ? death : lastSeen);
        }
        for (String file : RegistrySynthExtract.FILES) {
            String previous = "";
            for (Map<String, String> row : extract.rows(file)) {
                String id = row.get("patient_id");
                assertTrue(id.compareTo(previous) >= 0, file + " sorted at " + id);
                previous = id;
                for (Map.Entry<String, String> e : row.entrySet()) {
                    if (e.getKey().endsWith("_date") && !e.getValue().isEmpty()) {
                        LocalDate date = LocalDate.parse(e.getValue());
                        assertTrue(!date.isAfter(end.get(id)) && !date.isAfter(cutOff), file + " " + row);
                    }
                }
            }
        }
    }

    @Test
    void infectionsOnProphylaxisMatchTheManagementPeriods() {
        Map<String, List<Map<String, String>>> periods = new HashMap<>();
        for (Map<String, String> m : extract.rows("management.csv")) {
            periods.computeIfAbsent(m.get("patient_id"), k -> new ArrayList<>()).add(m);
        }
        Map<String, String> against = Map.of("BACTERIAL", "ANTIBACTERIAL_PROPHYLAXIS", "VIRAL",
                "ANTIVIRAL_PROPHYLAXIS", "FUNGAL", "ANTIFUNGAL_PROPHYLAXIS");
        int onProphylaxis = 0;
        for (Map<String, String> i : extract.rows("infections.csv")) {
            String onset = i.get("onset_date");
            boolean covered = periods.getOrDefault(i.get("patient_id"), List.of()).stream().anyMatch(m ->
                    m.get("treatment").equals(against.get(i.get("pathogen_class")))
                            && m.get("start_date").compareTo(onset) <= 0 && m.get("end_date").compareTo(onset) >= 0);
            assertEquals(covered ? "Y" : "N", i.get("on_prophylaxis"), i.toString());
            assertEquals(covered, !i.get("prophylaxis").isEmpty(), i.toString());
            onProphylaxis += covered ? 1 : 0;
        }
        assertTrue(onProphylaxis > 100, "some infections occur on prophylaxis: " + onProphylaxis);
    }

    /** The columns of each file as the table of docs/registry-format.md names them (backquoted, outside brackets). */
    private static Map<String, List<String>> documentedColumns() throws IOException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `(\\w+\\.csv)` \\|[^|]*\\| (.*) \\|$", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(Path.of("../docs/registry-format.md")));
        while (m.find()) {
            String cell = m.group(2).replaceAll("\\([^()]*\\)", "");
            List<String> names = new ArrayList<>();
            Matcher name = Pattern.compile("`(\\w+)`").matcher(cell);
            while (name.find()) {
                names.add(name.group(1));
            }
            columns.put(m.group(1), names);
        }
        return columns;
    }
}
