package org.iago.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;

/**
 * What the results of a nightly step depend on, part by part: the lake folders it reads (a digest of every file's
 * path, size and modification time, so a table written again is a changed input even with the same rows), the
 * configuration files it reads (a digest of their bytes), the settings it uses, and iago's build (version, commit, a
 * digest of its code, the library jars, Java and Spark versions). Where Spark runs (master, shuffle partitions) is no
 * part: it does not change a result.
 * <p>
 * A step stores its inputs beside its results, {@value #FILE}, once the results are complete ({@link Stored}). A later
 * run that finds the same inputs, and the results as they were stored, takes those results instead of computing them
 * again; any part that differs, or results that are not as stored, and the step computes.
 */
final class StepInputs {

    /** The inputs of the results in a folder, written after them: a folder with this file holds complete results. */
    static final String FILE = "_inputs.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What {@value #FILE} holds.
     *
     * @param run        the nightly run that computed the results
     * @param computedAt when it stored them
     * @param inputs     their inputs, part by part
     * @param results    a digest of the results as stored ({@link #listing} of their folder without this file)
     */
    record Stored(String run, String computedAt, SortedMap<String, String> inputs, String results) {
    }

    private final SortedMap<String, String> parts = new TreeMap<>();

    private StepInputs() {
    }

    /** The inputs every step shares: iago's build. */
    static StepInputs build() {
        StepInputs inputs = new StepInputs();
        inputs.parts.put("build/iago", IagoBuild.version() + " " + IagoBuild.gitCommit());
        inputs.parts.put("build/code", IagoBuild.code());
        inputs.parts.put("build/classpath", digest(String.join("\n", IagoBuild.classpath())));
        inputs.parts.put("build/java", System.getProperty("java.version"));
        inputs.parts.put("build/spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        return inputs;
    }

    /** A folder of the lake, {@code lake/<folder>}: {@link #listing} of its files, or "absent". */
    StepInputs lake(Path lake, String folder) throws IOException {
        parts.put("lake/" + folder, listing(lake.resolve(folder)).orElse("absent"));
        return this;
    }

    /** A file by its bytes, or "absent". */
    StepInputs file(String name, Path file) throws IOException {
        parts.put(name, Files.isRegularFile(file) ? digest(file) : "absent");
        return this;
    }

    /**
     * Every file of a configuration folder by its bytes, {@code conf/<relative path>}, so that a file added for the
     * step to read is an input before the code reads it; hidden files and the files of {@code others} (the nightly
     * configuration, whose settings are parts of their own; another step's file) are left out.
     */
    StepInputs conf(Path conf, Path... others) throws IOException {
        List<Path> left = Stream.of(others).map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path f : files(conf)) {
            if (!left.contains(f.toAbsolutePath().normalize())) {
                file("conf/" + relative(conf, f), f);
            }
        }
        return this;
    }

    /** A setting by its value as JSON. */
    StepInputs setting(String name, Object value) {
        try {
            parts.put("setting/" + name, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("setting " + name + " cannot be written as JSON", e);
        }
        return this;
    }

    SortedMap<String, String> parts() {
        return new TreeMap<>(parts);
    }

    /** The parts whose value differs from {@code earlier}'s, added and removed ones included, in name order. */
    List<String> changedSince(Map<String, String> earlier) {
        TreeSet<String> names = new TreeSet<>(parts.keySet());
        names.addAll(earlier.keySet());
        return names.stream().filter(n -> !parts.getOrDefault(n, "").equals(earlier.getOrDefault(n, ""))).toList();
    }

    /**
     * Whether {@code folder} holds results stored with exactly these inputs and still as they were stored.
     *
     * @return the stored record when it does
     */
    Optional<Stored> matching(Path folder) throws IOException {
        Optional<Stored> stored = stored(folder);
        if (stored.isEmpty() || !changedSince(stored.get().inputs()).isEmpty()
                || !results(folder).equals(stored.get().results())) {
            return Optional.empty();
        }
        return stored;
    }

    /** Why the results in {@code folder} cannot be taken: for the step's summary; empty when there were none. */
    String whyNot(Path folder) throws IOException {
        Optional<Stored> stored = stored(folder);
        if (stored.isEmpty()) {
            return "";
        }
        List<String> changed = changedSince(stored.get().inputs());
        return changed.isEmpty() ? "the results of run " + stored.get().run() + " are not as it stored them"
                : String.join(", ", changed) + " changed since run " + stored.get().run();
    }

    /**
     * Records that {@code folder} holds complete results of these inputs, computed by {@code run}: written whole
     * (aside, then renamed in), after the results.
     */
    void store(Path folder, long run) throws IOException {
        Publisher.local().writeJson(LakePaths.location(folder.resolve(FILE)),
                new Stored(Long.toString(run), Instant.now().toString(), parts(), results(folder)));
    }

    /** What {@code folder} stores of its results; empty when it has no readable {@value #FILE}. */
    static Optional<Stored> stored(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            return s.inputs() == null || s.run() == null ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            // unreadable: as if there were none, so the step computes and replaces it
            return Optional.empty();
        }
    }

    /** The listing of a folder of results, without {@value #FILE}. */
    private static String results(Path folder) throws IOException {
        return listing(folder).orElse("absent");
    }

    /**
     * A digest of every file under {@code folder} (but {@value #FILE} at its top): relative path, size and
     * modification time, in path order; hidden files and folders (staging, a file being written) are left out.
     *
     * @return empty when there is no such folder
     */
    static Optional<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (Path f : files(folder)) {
            String name = relative(folder, f);
            if (name.equals(FILE)) {
                continue;
            }
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            // NUL and newline cannot be in the names iago writes, so the fields cannot run into each other
            text.append(name).append('\0').append(a.size()).append('\0').append(a.lastModifiedTime()).append('\n');
        }
        return Optional.of(digest(text.toString()));
    }

    /** The regular files under a folder, not hidden nor in a hidden folder, in path order. */
    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(f -> !hidden(folder.relativize(f))).forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** With {@code /} between names on every system. */
    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String digest(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String digest(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
