package org.iago.disproportionality;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.iago.lake.Lake;
import org.iago.lake.PublishJournal;
import org.iago.spark.ParquetTable;

/**
 * A case table of the lake ({@code iago ingest cases}) read into the driver's memory with parquet-java
 * ({@link DriverInput}), for an analysis without Spark ({@link DisproportionalityJob#runOnDriver}): a table of a few
 * hundred thousand rows is counted in well under a second, where Spark's session and jobs take several. The reports
 * are those of
 * {@link SignalInput#cases}, to the key: drugs and events numbered in name order, each report's distinct drug and event
 * numbers (null names left out), and its stratum the first in Spark's string order of its rows' strata (each
 * stratum column's value, or {@code unknown}, joined by {@code |}); the reports of a null id are one report, as Spark
 * groups them.
 */
public final class CaseTable {

    /**
     * Rows read on the driver at most: a row and its share of its report take well under 1 KiB there, so the table
     * stays within a quarter of the heap (the default 2 GiB heap: 500,000 rows).
     */
    public static final long DRIVER_ROWS = Math.min(5_000_000, Runtime.getRuntime().maxMemory() / 4096);

    private CaseTable() {
    }

    /** How many rows the table has, from its files' footers (nothing else is read). */
    public static long rows(Configuration conf, Lake lake, String source) throws IOException {
        return ParquetTable.rowCount(files(conf, lake, source), conf);
    }

    /**
     * @param strata stratum columns, as {@code ingest cases} named them (case is ignored, as Spark ignores it)
     * @throws IllegalArgumentException if a stratum column is not in the table
     * @throws FileNotFoundException if the lake has no such case table
     */
    public static DriverInput read(Configuration conf, Lake lake, String source, List<String> strata)
            throws IOException {
        List<String> columns = strata.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Map<String, Report> byId = new HashMap<>();
        TreeSet<String> drugNames = new TreeSet<>();
        TreeSet<String> eventNames = new TreeSet<>();
        for (Path file : files(conf, lake, source)) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf)
                    .build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    Report report = byId.computeIfAbsent(string(g, "id"), id -> new Report());
                    report.add(string(g, "drug"), string(g, "event"), columns.isEmpty() ? null : stratum(g, columns));
                    addNonNull(drugNames, string(g, "drug"));
                    addNonNull(eventNames, string(g, "event"));
                }
            }
        }
        KeyNames drugs = KeyNames.numbering(List.copyOf(drugNames), DataTypes.StringType);
        KeyNames events = KeyNames.numbering(List.copyOf(eventNames), DataTypes.StringType);
        Map<String, Integer> drugNumbers = numbers(drugNames);
        Map<String, Integer> eventNumbers = numbers(eventNames);
        List<ReportKeys> reports = new ArrayList<>(byId.size());
        for (Report r : byId.values()) {
            reports.add(new ReportKeys(r.stratum, r.drugs.stream().mapToInt(drugNumbers::get).toArray(),
                    r.events.stream().mapToInt(eventNumbers::get).toArray()));
        }
        return new DriverInput(reports, null, null, drugs, events, !columns.isEmpty());
    }

    /** One id's rows so far: its distinct names and the first of its strata. */
    private static final class Report {
        private final TreeSet<String> drugs = new TreeSet<>();
        private final TreeSet<String> events = new TreeSet<>();
        private String stratum;

        void add(String drug, String event, String rowStratum) {
            addNonNull(drugs, drug);
            addNonNull(events, event);
            if (rowStratum != null && (stratum == null || UTF8String.fromString(rowStratum)
                    .binaryCompare(UTF8String.fromString(stratum)) < 0)) {
                stratum = rowStratum;     // Spark's min: the order of the UTF-8 bytes
            }
        }
    }

    private static void addNonNull(TreeSet<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /** The numbers of {@link KeyNames#numbering}: the rank of each name in sorted order. */
    private static Map<String, Integer> numbers(TreeSet<String> names) {
        Map<String, Integer> numbers = new HashMap<>();
        for (String name : names) {
            numbers.put(name, numbers.size());
        }
        return numbers;
    }

    /** A row's stratum as {@link SignalInput#cases} builds it: each column's value or {@code unknown}, joined by |. */
    private static String stratum(Group g, List<String> columns) {
        StringBuilder stratum = new StringBuilder();
        for (String column : columns) {
            if (!g.getType().containsField(column)) {
                throw new IllegalArgumentException("the case table has no stratum column '" + column + "': its"
                        + " columns are " + g.getType().getFields().stream().map(f -> f.getName()).toList());
            }
            String value = string(g, column);
            stratum.append(stratum.isEmpty() ? "" : "|").append(value == null ? "unknown" : value);
        }
        return stratum.toString();
    }

    /** A text column's value, null where the row has none. */
    private static String string(Group g, String column) {
        GroupType type = g.getType();
        return type.containsField(column) && g.getFieldRepetitionCount(column) > 0 ? g.getString(column, 0) : null;
    }

    private static List<Path> files(Configuration conf, Lake lake, String source) throws IOException {
        PublishJournal.requireSettled(lake.location(), conf, "cases/source=" + source);
        Path folder = lake.casesLocation(source);
        if (!folder.getFileSystem(conf).exists(folder)) {
            throw new FileNotFoundException("no case table '" + source + "' in " + lake.location()
                    + ": ingest it first (iago ingest cases --source " + source + ")");
        }
        return ParquetTable.dataFiles(folder, conf);
    }
}
