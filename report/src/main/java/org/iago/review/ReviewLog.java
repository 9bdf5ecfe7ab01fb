package org.iago.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.csv.CsvReader;
import org.iago.csv.CsvWriter;

/**
 * The review log as a file: the CSV and JSON that {@code review export} writes and {@code review import} reads. One
 * record per decision, in the order they were appended, with the columns of the table ({@link #COLUMNS}): the same
 * log gives the same bytes. Numbers as Java prints them (an infinite bound {@code Infinity}), an unknown value
 * empty (CSV) or null (JSON), {@code decided_at} as an ISO-8601 instant in UTC, {@code monitor_date} as a day.
 */
final class ReviewLog {

    /** The table's columns but its id, in order. */
    static final List<String> STORED = Stream.concat(Stream.concat(
            Stream.of("analysis", "drug", "event", "seq", "state", "reason", "reviewer", "decided_at", "run_id",
                    "reports", "expected"),
            Evidence.METHODS.stream().flatMap(m -> Stream.of(m + "_lower", m + "_signal"))),
            Stream.of("monitor_reports", "monitor_lower", "monitor_method", "monitor_date")).toList();

    static final List<String> COLUMNS = Stream.concat(Stream.of("id"), STORED.stream()).toList();

    private static final List<String> REQUIRED = List.of("analysis", "drug", "event", "state", "reason",
            "reviewer");

    private ReviewLog() {
    }

    /** A decision of an imported file, with the line its record starts on. */
    record Row(long line, Map<String, String> fields) {

        Decision decision() {
            for (String column : REQUIRED) {
                if (get(column).isEmpty()) {
                    throw new IllegalArgumentException("no " + column);
                }
            }
            Map<String, Evidence.Bound> bounds = new LinkedHashMap<>();
            for (String m : Evidence.METHODS) {
                String flag = get(m + "_signal");
                double lower = number(m + "_lower");
                if (!flag.isEmpty() || !Double.isNaN(lower)) {
                    bounds.put(m, new Evidence.Bound(lower, bool(m + "_signal")));
                }
            }
            Evidence evidence = new Evidence(whole(get("run_id")), whole(get("reports")), number("expected"),
                    bounds);
            ReviewState state = state(get("state"));
            MonitorCondition monitor = null;
            if (state == ReviewState.MONITOR) {
                Long reports = whole(get("monitor_reports"));
                double lower = number("monitor_lower");
                String method = get("monitor_method");
                monitor = new MonitorCondition(reports == null ? null : Math.toIntExact(reports),
                        Double.isNaN(lower) ? null : lower, method.isEmpty() ? null : method, day("monitor_date"));
            }
            String at = get("decided_at");
            Instant decidedAt;
            try {
                decidedAt = at.isEmpty() ? Instant.now() : Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("decided_at '" + at + "' is not an ISO-8601 instant such as"
                        + " 2026-01-31T09:30:00Z");
            }
            return Decision.proposed(new SignalKey(get("analysis"), get("drug"), get("event")), state,
                    get("reason"), get("reviewer"), decidedAt, evidence, monitor);
        }

        private String get(String column) {
            return fields.getOrDefault(column, "").strip();
        }

        private double number(String column) {
            String s = get(column);
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " '" + s + "' is not a number");
            }
        }

        private boolean bool(String column) {
            String s = get(column).toLowerCase(Locale.ROOT);
            if (!s.equals("true") && !s.equals("false") && !s.isEmpty()) {
                throw new IllegalArgumentException(column + " '" + s + "' is not true or false");
            }
            return s.equals("true");
        }

        private LocalDate day(String column) {
            String s = get(column);
            try {
                return s.isEmpty() ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(column + " '" + s + "' is not a day such as 2026-06-30");
            }
        }

        private Long whole(String s) {
            try {
                return s.isEmpty() ? null : Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a whole number");
            }
        }
    }

    /** A review state by name, any case; an unknown one is refused with the list. */
    static ReviewState state(String name) {
        try {
            return ReviewState.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + name + "': one of "
                    + List.of(ReviewState.values()));
        }
    }

    static List<Row> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> records = CsvReader.records(text, file.toString());
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, no header row; nothing was imported");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + ": line 1: no column '" + column + "' (columns: "
                        + String.join(", ", COLUMNS) + "); nothing was imported");
            }
        }
        List<Row> rows = new ArrayList<>();
        long line = 1 + breaks(records.get(0));
        for (List<String> record : records.subList(1, records.size())) {
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException(file + ": line " + line + ": " + record.size()
                            + " fields, the header has " + header.size() + "; nothing was imported");
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), record.get(i));
                }
                rows.add(new Row(line, fields));
            }
            line += breaks(record);
        }
        return rows;
    }

    /** The lines a record takes: one, and one more per line break inside its quoted fields. */
    private static long breaks(List<String> record) {
        return 1 + record.stream().mapToLong(f -> f.replace("\r\n", "\n").chars()
                .filter(ch -> ch == '\n' || ch == '\r').count()).sum();
    }

    static void writeCsv(List<Decision> log, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.record(COLUMNS);
        for (Decision d : log) {
            csv.record(new ArrayList<>(values(d).values()));
        }
        out.flush();
    }

    static void writeJson(List<Decision> log, Writer out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        out.write("[");
        for (int i = 0; i < log.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            out.write(json.writeValueAsString(values(log.get(i))));
        }
        out.write("\n]\n");
        out.flush();
    }

    /** A decision's values by column: text as String, numbers and booleans as themselves, unknown as null. */
    private static Map<String, Object> values(Decision d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("analysis", d.signal().analysis());
        v.put("drug", d.signal().drug());
        v.put("event", d.signal().event());
        v.put("seq", d.seq());
        v.put("state", d.state().name());
        v.put("reason", d.reason());
        v.put("reviewer", d.reviewer());
        // a value, not a text: the instant's own characters, never marked
        v.put("decided_at", new Value(d.decidedAt().toString()));
        Evidence e = d.evidence();
        v.put("run_id", e.run());
        v.put("reports", e.reports());
        v.put("expected", known(e.expected()));
        for (String m : Evidence.METHODS) {
            Evidence.Bound b = e.methods().get(m);
            v.put(m + "_lower", b == null ? null : known(b.lower()));
            v.put(m + "_signal", b == null ? null : b.flagged());
        }
        MonitorCondition c = d.monitor();
        v.put("monitor_reports", c == null ? null : c.newReports());
        v.put("monitor_lower", c == null ? null : c.lower());
        v.put("monitor_method", c == null ? null : c.method());
        v.put("monitor_date", c == null || c.date() == null ? null : new Value(c.date().toString()));
        return v;
    }

    private static Double known(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** A typed value that prints as its text: CSV writes it unmarked, JSON as a string. */
    private record Value(String text) {
        @Override
        public String toString() {
            return text;
        }

        @JsonValue
        String json() {
            return text;
        }
    }
}
