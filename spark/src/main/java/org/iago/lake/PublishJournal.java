package org.iago.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The records of publishes under way, {@code <lake>/_publishing/<job>-<instance>.json}. An ingest job publishes a
 * dataset (a FAERS quarter, a case source, the registry extract) as several table folders, each by a rename, and a set
 * of renames cannot appear at once. So before the first rename the job writes a record naming the dataset, its tables
 * and the command that finishes the publish, and deletes it after the last. Readers of ingested tables call
 * {@link #requireSettled} and refuse while a record names a table they read: one is only seen after a publish was
 * killed, as the run lock keeps iago runs from overlapping on a lake. Any other reader (DuckDB, pandas) checks that
 * {@code _publishing/} holds no {@code .json} file.
 */
public final class PublishJournal {

    /** The folder of the records, in the lake. */
    public static final String FOLDER = "_publishing";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A publish under way.
     *
     * @param dataset what is published, in words ("FAERS quarter 2024Q4")
     * @param tables  the table folders it replaces, relative to the lake ({@code faers/demo/quarter=2024Q4})
     * @param finish  the command that finishes it
     */
    public record Entry(String dataset, List<String> tables, String finish) {
        public Entry {
            tables = List.copyOf(tables);
        }
    }

    private PublishJournal() {
    }

    /** The record's folder in a local lake. */
    public static Path folder(Lake lake) {
        return lake.root().resolve(FOLDER);
    }

    /**
     * Writes the record of a publish, {@code <name>.json}, whole or not at all: to a temporary file, forced to the
     * disk, then renamed in, and the rename forced too, so that it is on the disk before the first table moves.
     */
    public static void begin(Lake lake, String name, Entry entry) throws IOException {
        Path folder = folder(lake);
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + name + ".json.tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(entry)));
            out.force(true);
        }
        Files.move(tmp, folder.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    /**
     * Deletes the records of a dataset once it is published whole: this job's, and any a killed run of another
     * command left for the same dataset, whose tables this publish has just replaced.
     */
    public static void end(Lake lake, Entry entry) throws IOException {
        Path folder = folder(lake);
        for (Path record : records(folder)) {
            if (read(record).dataset().equals(entry.dataset())) {
                Files.deleteIfExists(record);
            }
        }
        try {
            Files.delete(folder);
        } catch (IOException e) {
            // not empty or already gone: another dataset's record stays
        }
        if (Files.isDirectory(folder)) {
            forceFolder(folder);
        }
    }

    /**
     * Refuses to read tables that a killed publish left half replaced.
     *
     * @param tables table folders relative to the lake ({@code faers/drug}, {@code cases/source=caers}); a record
     *               blocks a table folder it names, one inside it or one that holds it
     * @param conf   the Hadoop configuration, for a lake not on the local disk (unused, may be null, for a local one)
     * @throws IllegalStateException naming the dataset and the command that finishes its publish
     */
    public static void requireSettled(org.apache.hadoop.fs.Path lake, Configuration conf, String... tables)
            throws IOException {
        for (Entry entry : pending(lake, conf)) {
            for (String table : tables) {
                for (String published : entry.tables()) {
                    if (overlaps(table, published)) {
                        throw new IllegalStateException(entry.dataset() + " is half published in " + lake
                                + ": a publish was interrupted (see " + new org.apache.hadoop.fs.Path(lake, FOLDER)
                                + "); finish it with: " + entry.finish());
                    }
                }
            }
        }
    }

    /** The publishes under way in a lake, on any file system. */
    public static List<Entry> pending(org.apache.hadoop.fs.Path lake, Configuration conf) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (LakePaths.isLocal(lake)) {
            for (Path record : records(Path.of(lake.toUri().getPath()).resolve(FOLDER))) {
                entries.add(read(record));
            }
            return entries;
        }
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(lake, FOLDER);
        FileSystem fs = folder.getFileSystem(conf);
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(folder);
        } catch (FileNotFoundException e) {
            return entries;
        }
        for (FileStatus status : statuses) {
            if (isRecord(status.getPath().getName())) {
                try (InputStream in = fs.open(status.getPath())) {
                    entries.add(JSON.readValue(in, Entry.class));
                }
            }
        }
        return entries;
    }

    private static boolean overlaps(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    private static List<Path> records(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isRecord(f.getFileName().toString())).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static boolean isRecord(String name) {
        return name.endsWith(".json") && !name.startsWith(".");
    }

    private static Entry read(Path record) throws IOException {
        try {
            return JSON.readValue(record.toFile(), Entry.class);
        } catch (IOException e) {
            throw new IOException("cannot read the publish record " + record + ": " + e.getMessage(), e);
        }
    }

    /** Makes a rename or delete in a folder durable (Linux: fsync of the folder). */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
