package org.iago.tte.registry;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.ColumnType;
import org.iago.lake.Lake;
import org.iago.lake.LakeColumn;
import org.iago.lake.PublishJournal;
import org.iago.lake.RegistryTable;
import org.iago.spark.ParquetTable;

/**
 * The registry tables {@link RegistryTteJob} needs, read once into the driver's memory: an extract is thousands of
 * patients and a few hundred thousand rows, and every table of the analysis is computed from it in plain Java
 * ({@link RegistryFollowUp}, {@link GradingTables}). The Parquet files are read with parquet-java through Hadoop's file
 * system (any one Hadoop reads), without a Spark job: a Spark query would cost more to plan and compile than the
 * analysis itself. Of {@code labs} only the ANC measurements are kept, the only ones grading uses.
 *
 * <p>As Spark read them: a table is every file under its folder whose path holds no name starting with {@code _} or
 * {@code .}; it is read with its lake schema, so a column missing from a file is null; a table a killed publish left
 * half replaced is refused ({@link PublishJournal}). Dates are {@link LocalDate}s.
 */
final class RegistryExtract {

    private final Map<RegistryTable, List<Row>> rows;

    private RegistryExtract(Map<RegistryTable, List<Row>> rows) {
        this.rows = rows;
    }

    /**
     * Reads the tables side by side, on the cores there are, once every table was found settled in the lake (in
     * order, so that a lake without a registry always names the same table).
     */
    static RegistryExtract read(Configuration conf, Lake lake) throws IOException {
        Map<RegistryTable, List<Path>> files = new EnumMap<>(RegistryTable.class);
        for (RegistryTable table : RegistryTable.values()) {
            PublishJournal.requireSettled(lake.location(), conf, "registry/" + table.lakeName());
            files.put(table, files(lake.registryTableLocation(table), conf));
        }
        Map<RegistryTable, List<Row>> rows = new ConcurrentHashMap<>();
        try {
            files.entrySet().parallelStream().forEach(table -> {
                try {
                    rows.put(table.getKey(), read(conf, table.getKey(), table.getValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RegistryExtract(new EnumMap<>(rows));
    }

    private static List<Row> read(Configuration conf, RegistryTable table, List<Path> files) throws IOException {
        List<Row> rows = new ArrayList<>();
        StructType schema = schema(table);
        for (Path file : files) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf)
                    .build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    Row r = row(table, schema, g);
                    if (table != RegistryTable.LABS || r.getAs("anc_per_ul") != null) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    /** The rows of a table, with their column names, in the order of its files (sorted by path) and lines. */
    List<Row> rows(RegistryTable table) {
        return rows.get(table);
    }

    /** A date column's value, null if unknown. */
    static LocalDate date(Row r, String column) {
        return r.getAs(column);
    }

    /** Days from {@code origin} to {@code date}, as Spark's {@code datediff(date, origin)}: null if either is. */
    static Integer daysBetween(LocalDate origin, LocalDate date) {
        return origin == null || date == null ? null : Math.toIntExact(date.toEpochDay() - origin.toEpochDay());
    }

    /** The smaller of two days, ignoring an unknown one, as Spark's {@code least}. */
    static Integer least(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    /** The data files of a table folder, sorted by path. */
    private static List<Path> files(Path folder, Configuration conf) throws IOException {
        if (!folder.getFileSystem(conf).exists(folder)) {
            throw new FileNotFoundException(folder + " does not exist: no registry extract was ingested (iago ingest"
                    + " registry)");
        }
        return ParquetTable.dataFiles(folder, conf);
    }

    /** A row of the table's lake columns, in order; null where the file has no value or no such column. */
    private static Row row(RegistryTable table, StructType schema, Group g) {
        GroupType type = g.getType();
        List<LakeColumn> columns = table.schema().columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            LakeColumn c = columns.get(i);
            if (!type.containsField(c.name())) {
                continue;
            }
            int field = type.getFieldIndex(c.name());
            if (g.getFieldRepetitionCount(field) == 0) {
                continue;
            }
            PrimitiveTypeName physical = type.getType(field).asPrimitiveType().getPrimitiveTypeName();
            values[i] = switch (c.type()) {
                case STRING -> g.getString(field, 0);
                case DATE -> LocalDate.ofEpochDay(g.getInteger(field, 0));
                case LONG -> physical == PrimitiveTypeName.INT32 ? (long) g.getInteger(field, 0)
                        : g.getLong(field, 0);
                case DOUBLE -> physical == PrimitiveTypeName.FLOAT ? (double) g.getFloat(field, 0)
                        : g.getDouble(field, 0);
            };
        }
        return new GenericRowWithSchema(values, schema);
    }

    private static StructType schema(RegistryTable table) {
        StructType schema = new StructType();
        for (LakeColumn c : table.schema().columns()) {
            schema = schema.add(c.name(), sparkType(c.type()), true);
        }
        return schema;
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }
}
