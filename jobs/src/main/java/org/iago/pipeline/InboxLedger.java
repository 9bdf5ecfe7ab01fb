package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;

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
     * A file's size and last-modified time, taken before its content is hashed: a file changed while or after it is
     * hashed then no longer matches, and is hashed again by the next run.
     */
    public record Stamp(long size, String modified) {

        /** @return the stamp of a regular file; null for a folder */
        public static Stamp of(Path path) throws IOException {
            return Files.isRegularFile(path)
                    ? new Stamp(Files.size(path), Files.getLastModifiedTime(path).toString()) : null;
        }
    }

    /**
     * The digest recorded for a file still at the same path with the same stamp, so that a nightly run does not read
     * every zip of the inbox again; folders (a null stamp) are always hashed.
     */
    public Optional<String> knownDigest(Path file, Stamp stamp) {
        if (stamp == null) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.path().equals(file.toString()) && e.size() == stamp.size()
                && stamp.modified().equals(e.modified())).map(Entry::sha256).reduce((first, last) -> last);
    }

    public boolean holds(InboxExtract extract) {
        return entries.stream().anyMatch(e -> e.sha256().equals(extract.sha256()));
    }

    public void record(InboxExtract extract, long run, long jobExecution) throws IOException {
        Stamp stamp = extract.stamp();
        entries.add(new Entry(extract.sha256(), extract.kind().name().toLowerCase(Locale.ROOT),
                extract.describe(), extract.path().toString(), run, jobExecution, Instant.now().toString(),
                stamp == null ? -1 : stamp.size(), stamp == null ? null : stamp.modified()));
        Publisher.local().writeJson(LakePaths.location(file), new File(entries));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
