package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The extracts the nightly pipeline has ingested into a lake, by SHA-256: {@code <lake>/_meta/inbox.json}. An entry is
 * added only after its ingestion job completed, and the file is replaced atomically, so a run killed mid-ingest
 * ingests that extract again on restart.
 */
public final class InboxLedger {

    /**
     * @param sha256       the extract's content digest
     * @param kind         faers, registry or cases
     * @param extract      what it was ({@link InboxExtract#describe()})
     * @param path         where it was found
     * @param run          the nightly run that ingested it
     * @param jobExecution the ingestion job's execution id
     * @param ingestedAt   when its ingestion completed
     * @param size         a file's size in bytes; -1 for a folder
     * @param modified     a file's last-modified time; null for a folder
     */
    public record Entry(String sha256, String kind, String extract, String path, long run, long jobExecution,
            String ingestedAt, long size, String modified) {
    }

    private record File(List<Entry> extracts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final List<Entry> entries;

    private InboxLedger(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static InboxLedger of(Path lake) throws IOException {
        Path file = lake.resolve("_meta").resolve("inbox.json");
        List<Entry> entries = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            List<Entry> stored = JSON.readValue(file.toFile(), File.class).extracts();
            entries.addAll(stored == null ? List.of() : stored);
        }
        return new InboxLedger(file, entries);
    }

    /**
     * The digest recorded for a file still at the same path with the same size and last-modified time, so that a
     * nightly run does not read every zip of the inbox again; folders are always hashed.
     */
    public Optional<String> knownDigest(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        String modified = Files.getLastModifiedTime(file).toString();
        return entries.stream().filter(e -> e.path().equals(file.toString()) && e.size() == size
                && modified.equals(e.modified())).map(Entry::sha256).reduce((first, last) -> last);
    }

    public boolean holds(InboxExtract extract) {
        return entries.stream().anyMatch(e -> e.sha256().equals(extract.sha256()));
    }

    public void record(InboxExtract extract, long run, long jobExecution) throws IOException {
        boolean regularFile = Files.isRegularFile(extract.path());
        entries.add(new Entry(extract.sha256(), extract.kind().name().toLowerCase(Locale.ROOT),
                extract.describe(), extract.path().toString(), run, jobExecution, Instant.now().toString(),
                regularFile ? Files.size(extract.path()) : -1,
                regularFile ? Files.getLastModifiedTime(extract.path()).toString() : null));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), new File(entries));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
