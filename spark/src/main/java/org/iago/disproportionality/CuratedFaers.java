package org.iago.disproportionality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.IagoSpark;
import org.iago.spark.ParquetTable;

/**
 * Curated FAERS read into the driver's memory with parquet-java ({@link DriverInput}), for an analysis without a Spark
 * job ({@link DisproportionalityJob#runOnDriver}): on a lake of a few hundred thousand reports Spark's jobs cost more
 * than the counting. The reports and names are those of {@link SignalInput#faers}, to the key: each report's drug keys
 * of the chosen roles and its event keys, its stratum (each stratum column's value, or {@code unknown}, joined by
 * {@code |}), and the drug and event names at the chosen levels, a key without a name (an event in no group) known but
 * not counted; with the CAR-T background, only the reports naming a CAR-T product in any role.
 */
public final class CuratedFaers {

    /** The report columns a stratum may be read from here: text and whole numbers, as {@code --strata} documents. */
    private static final Set<String> STRATA = Set.of("age_group", "sex", "year");

    private CuratedFaers() {
    }

    /**
     * Whether an analysis of this lake may run on the driver: the lake is on this machine's disk, the strata are
     * among {@code age_group, sex, year}, and it has no more curated reports than the driver takes pairs
     * ({@link DisproportionalityJob}: a quarter of the heap; a report gives well under one new pair on average).
     */
    public static boolean fits(Configuration conf, Lake lake, List<String> strata) throws IOException {
        String scheme = lake.location().toUri().getScheme();
        if (scheme != null && !scheme.equals("file")) {
            return false;
        }
        if (!STRATA.containsAll(strata.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())) {
            return false;
        }
        Path table = lake.curatedLocation(CuratedTable.REPORTS);
        if (!table.getFileSystem(conf).exists(table)) {
            return false;                       // not curated: Spark's reader says so
        }
        return ParquetTable.rowCount(files(conf, lake, CuratedTable.REPORTS), conf) <= SignalAnalysis.DRIVER_PAIRS;
    }

    /**
     * @param strata   report columns among {@code age_group, sex, year} ({@link #fits})
     * @param cartOnly only reports naming a CAR-T product in any role
     * @throws IllegalArgumentException if the lake was curated before the reports carried their keys, or has no
     *         MedDRA hierarchy for an HLT, HLGT or SOC level
     */
    public static DriverInput read(Configuration conf, Lake lake, SignalInput.DrugLevel drugLevel,
            SignalInput.EventLevel eventLevel, SignalInput.Roles roles, List<String> strata, boolean cartOnly)
            throws IOException {
        List<Row> drugRows = drugRows(conf, lake, drugLevel);
        Set<Integer> cartKeys = new HashSet<>();
        drugRows.stream().filter(r -> r.getBoolean(2)).forEach(r -> cartKeys.add(r.getInt(0)));
        KeyNames drugs = KeyNames.of(drugRows, DataTypes.StringType);
        KeyNames events = KeyNames.of(eventNames(conf, lake, eventLevel), DataTypes.StringType);

        List<String> columns = strata.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> roleColumns = roles.codes().stream().map(CuratedTable::drugKeys).toList();
        List<String> allRoles = CuratedTable.KEY_COLUMNS.subList(0, FaersTable.ROLE_CODS.size());
        List<String> read = new ArrayList<>(List.of("report_id", "quarter", CuratedTable.EVENT_KEYS));
        read.addAll(cartOnly ? allRoles : roleColumns);
        read.addAll(columns);
        // each report with its quarter and id; null when the CAR-T background leaves it out
        List<Kept> kept = rows(conf, lake, CuratedTable.REPORTS, read.stream().distinct().toList(), g -> {
            if (cartOnly && allRoles.stream().noneMatch(
                    column -> Arrays.stream(g.integers(column)).anyMatch(cartKeys::contains))) {
                return null;
            }
            int[] drugKeys = roleColumns.size() == 1 ? g.integers(roleColumns.get(0))
                    : roleColumns.stream().flatMapToInt(column -> Arrays.stream(g.integers(column))).toArray();
            return new Kept(new ReportKeys(columns.isEmpty() ? null : stratum(g, columns), drugKeys,
                    g.integers(CuratedTable.EVENT_KEYS)), g.string("quarter"), Long.parseLong(g.text("report_id")));
        });
        return new DriverInput(kept.stream().map(Kept::keys).toList(), kept.stream().map(Kept::quarter).toList(),
                kept.stream().mapToLong(Kept::reportId).toArray(), drugs, events, !columns.isEmpty());
    }

    /**
     * Every curated drug as (drug_key, its name at the level, whether it is a CAR-T product), as
     * {@link SignalInput#faers} names them: a target level names a drug without a target by its ingredient.
     */
    static List<Row> drugRows(Configuration conf, Lake lake, SignalInput.DrugLevel drugLevel) throws IOException {
        return rows(conf, lake, CuratedTable.DRUGS, List.of("drug_key", "product", "ingredient", "target"),
                g -> RowFactory.create(g.integer("drug_key"), switch (drugLevel) {
                    case PRODUCT -> g.string("product");
                    case INGREDIENT -> g.string("ingredient");
                    case TARGET -> g.string("target") != null ? g.string("target") : g.string("ingredient");
                }, g.string("target") != null));
    }

    private record Kept(ReportKeys keys, String quarter, long reportId) {
    }

    /**
     * The rows of a Parquet table folder an analysis wrote (e.g. its pair table), each with the values of
     * {@code columns} in their order as {@link FlatRecord#value} reads them.
     */
    static List<Row> tableRows(Configuration conf, Path folder, List<String> columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : ParquetTable.dataFiles(Publisher.published(folder, conf), conf)) {
            rows.addAll(rows(conf, "the table " + folder, "", file, columns,
                    g -> RowFactory.create(columns.stream().map(g::value).toArray())));
        }
        return rows;
    }

    /**
     * What {@code row} makes of each row of a FAERS table of the lake (null results left out), reading only
     * {@code columns}, with the quarter its partition folder names ({@code quarter=2024Q1}).
     */
    static <T> List<T> faersRows(Configuration conf, Lake lake, FaersTable table, List<String> columns,
            BiFunction<String, FlatRecord, T> row) throws IOException {
        List<T> rows = new ArrayList<>();
        for (Path file : ParquetTable.dataFiles(lake.faersTableLocation(table), conf)) {
            String quarter = file.getParent().getName().substring("quarter=".length());
            rows.addAll(rows(conf, "the FAERS table " + table.lakeName() + " of " + lake, "", file, columns,
                    g -> row.apply(quarter, g)));
        }
        return rows;
    }

    /** The CAR-T products, ingredients or targets of the curated drugs, as {@link SignalInput#cartDrugs}. */
    public static Set<String> cartDrugs(Configuration conf, Lake lake, SignalInput.DrugLevel drugLevel)
            throws IOException {
        String column = switch (drugLevel) {
            case PRODUCT -> "product";
            case INGREDIENT -> "ingredient";
            case TARGET -> "target";
        };
        Set<String> names = new TreeSet<>();
        for (Row r : rows(conf, lake, CuratedTable.DRUGS, List.of(column, "target"),
                g -> RowFactory.create(g.string("target") == null ? null : g.string(column)))) {
            if (!r.isNullAt(0)) {
                names.add(r.getString(0));
            }
        }
        return names;
    }

    /** Every event key with its name at the level, or with a null name when it has none there. */
    static List<Row> eventNames(Configuration conf, Lake lake, SignalInput.EventLevel level)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        CuratedTable table = switch (level) {
            case PT -> CuratedTable.EVENTS;
            case GROUP -> CuratedTable.EVENT_GROUPS;
            case HLT, HLGT, SOC -> CuratedTable.EVENT_HIERARCHY;
        };
        String column = switch (level) {
            case PT -> "pt";
            case GROUP -> "term_group";
            default -> level.name().toLowerCase(Locale.ROOT);
        };
        if (level != SignalInput.EventLevel.PT) {
            Path hierarchy = lake.curatedLocation(table);
            if (level != SignalInput.EventLevel.GROUP && !hierarchy.getFileSystem(conf).exists(hierarchy)) {
                throw new IllegalArgumentException("no MedDRA hierarchy in " + lake + ": run 'iago curate --meddra"
                        + " <MedDRA ASCII folder>' to roll events up to HLT, HLGT or SOC");
            }
            // the left join of SignalInput#faers: every event key is known, named or not
            rows.addAll(rows(conf, lake, CuratedTable.EVENTS, List.of("event_key"),
                    g -> RowFactory.create(g.integer("event_key"), null)));
        }
        rows.addAll(rows(conf, lake, table, List.of("event_key", column),
                g -> RowFactory.create(g.integer("event_key"), g.string(column))));
        return rows;
    }

    /** A report's stratum as {@link SignalInput} builds it: each column's value or {@code unknown}, joined by |. */
    private static String stratum(FlatRecord g, List<String> columns) {
        StringBuilder stratum = new StringBuilder();
        for (String column : columns) {
            String value = g.text(column);
            stratum.append(stratum.isEmpty() ? "" : "|").append(value == null ? "unknown" : value);
        }
        return stratum.toString();
    }

    /**
     * What {@code row} makes of each row of a curated table, null results left out, reading only {@code columns} (each
     * must be there): the files side by side on the cores there are, their results in file and row order.
     */
    static <T> List<T> rows(Configuration conf, Lake lake, CuratedTable table, List<String> columns,
            Function<FlatRecord, T> row) throws IOException {
        List<Path> files = files(conf, lake, table);
        List<List<T>> byFile;
        try {
            byFile = files.parallelStream().map(file -> {
                try {
                    return rows(conf, "the curated table " + table + " of " + lake, table == CuratedTable.REPORTS
                            ? ": it was curated by an earlier iago; run 'iago curate' again" : "", file, columns, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<T> rows = new ArrayList<>();
        byFile.forEach(rows::addAll);
        return rows;
    }

    /** @param advice what to do when a column is missing, appended to the error */
    private static <T> List<T> rows(Configuration conf, String tableName, String advice, Path file,
            List<String> columns, Function<FlatRecord, T> row) throws IOException {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        }
        List<Type> fields = new ArrayList<>();
        for (String column : columns) {
            if (!schema.containsField(column)) {
                throw new IllegalArgumentException(tableName + " has no column '" + column + "'" + advice);
            }
            fields.add(schema.getType(column));
        }
        List<T> rows = new ArrayList<>();
        try (ParquetReader<FlatRecord> reader = ParquetReader.builder(
                FlatRecord.readSupport(new MessageType(schema.getName(), fields)), file).withConf(conf).build()) {
            for (FlatRecord g = reader.read(); g != null; g = reader.read()) {
                T made = row.apply(g);
                if (made != null) {
                    rows.add(made);
                }
            }
        }
        return rows;
    }

    private static List<Path> files(Configuration conf, Lake lake, CuratedTable table) throws IOException {
        return ParquetTable.dataFiles(Publisher.published(lake.curatedLocation(table), conf), conf);
    }
}
