package org.iago.ingest.faers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.iago.ingest.InvalidInputException;
import org.iago.ingest.ZipEntryResource;
import org.iago.lake.FaersTable;
import org.iago.vocabulary.Quarter;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The files of one FDA quarterly ASCII extract, found in a folder or a zip at any depth ({@code ascii/},
 * {@code ASCII/}, {@code Deleted/}). Names are matched without regard to case and may carry a suffix
 * ({@code DEMO18Q1_new.txt}); other files (PDFs, {@code STAT*.TXT}) are ignored. The seven table files are required;
 * the deleted-case list exists only since 2019Q1 and is optional. Every table file must be of the layout of its quarter
 * ({@link FaersLayout}), told from its header row.
 */
public final class FaersExtract {

    private static final Pattern FILE = Pattern.compile(
            "(?i)(DEMO|DRUG|REAC|OUTC|RPSR|THER|INDI|DELETE)(\\d{2})Q([1-4])[^/]*\\.txt");

    /** One table file of the extract. */
    public record Entry(FaersTable table, String name, Resource resource, Quarter quarter) {
    }

    private static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

    private final Path input;
    private final Map<FaersTable, Entry> entries;

    private FaersExtract(Path input, Map<FaersTable, Entry> entries) {
        this.input = input;
        this.entries = entries;
    }

    /** A header row longer than this is no FAERS header; reading stops there. */
    private static final int MAX_HEADER_BYTES = 1 << 16;

    /**
     * @throws InvalidExtractException when a table file is missing, appears twice, is of another layout than its
     *                                 quarter's, or cannot be read
     */
    public static FaersExtract open(Path input) {
        if (!Files.exists(input)) {
            throw new InvalidExtractException("input " + input + " does not exist");
        }
        Map<FaersTable, Entry> entries = new EnumMap<>(FaersTable.class);
        for (Entry e : Files.isDirectory(input) ? scanFolder(input) : scanZip(input)) {
            Entry previous = entries.put(e.table(), e);
            if (previous != null) {
                throw new InvalidExtractException(input + " holds two " + e.table().filePrefix() + " files: "
                        + previous.name() + " and " + e.name());
            }
        }
        List<String> missing = new ArrayList<>();
        for (FaersTable t : FaersTable.values()) {
            if (t != FaersTable.DELETED && !entries.containsKey(t)) {
                missing.add(t.filePrefix());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidExtractException(input + " is not a complete FAERS quarterly extract: no "
                    + String.join(", ", missing) + " file (looked for names like DEMO24Q4.txt, any case, any depth)");
        }
        for (Entry e : entries.values()) {
            checkLayout(input, e);
        }
        return new FaersExtract(input, entries);
    }

    private static void checkLayout(Path input, Entry e) {
        if (e.table() == FaersTable.DELETED) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (String name : FaersFields.split(headerLine(e))) {
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        FaersLayout expected = FaersLayout.of(e.quarter());
        Set<FaersLayout> fitting = FaersLayout.fitting(e.table(), names);
        if (!fitting.contains(expected)) {
            throw new InvalidExtractException(input + ": " + e.name() + " has " + FaersLayout.describe(fitting)
                    + ", but the files of " + e.quarter() + " have the " + expected + "; all files of a quarter"
                    + " must be of its layout (is a file of another quarter's extract among them?)");
        }
    }

    /** The first line of a file, read no further than {@link #MAX_HEADER_BYTES}, without a byte-order mark. */
    private static String headerLine(Entry e) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(e.resource().getInputStream())) {
            for (int b = in.read(); b >= 0 && b != '\n' && b != '\r' && line.size() < MAX_HEADER_BYTES;
                    b = in.read()) {
                line.write(b);
            }
        } catch (IOException x) {
            throw new InvalidExtractException(x.getMessage());
        }
        String header = line.toString(StandardCharsets.ISO_8859_1);
        return header.startsWith(UTF8_BOM) ? header.substring(UTF8_BOM.length()) : header;
    }

    public Path input() {
        return input;
    }

    public Optional<Entry> entry(FaersTable table) {
        return Optional.ofNullable(entries.get(table));
    }

    /**
     * The quarter the file names agree on, or {@code declared} when given.
     *
     * @throws InvalidExtractException when file names disagree with each other or with {@code declared}
     */
    public Quarter quarter(Quarter declared) {
        Quarter named = null;
        for (Entry e : entries.values()) {
            if (named != null && !named.equals(e.quarter())) {
                throw new InvalidExtractException(input + " mixes quarters: " + named + " and " + e.quarter()
                        + " (" + e.name() + ")");
            }
            named = e.quarter();
        }
        if (declared != null && named != null && !declared.equals(named)) {
            throw new InvalidExtractException("--quarter " + declared + " disagrees with the file names of " + input
                    + ", which say " + named);
        }
        return declared != null ? declared : named;
    }

    private static List<Entry> scanFolder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Entry> found = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                match(p.getFileName().toString(), new FileSystemResource(p)).ifPresent(found::add);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static List<Entry> scanZip(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<Entry> found = new ArrayList<>();
            for (ZipEntry e : file.stream().filter(e -> !e.isDirectory()).toList()) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                match(name, new ZipEntryResource(zip, e.getName())).ifPresent(found::add);
            }
            return found;
        } catch (IOException e) {
            throw new InvalidExtractException(zip + " is neither a folder nor a readable zip: " + e.getMessage());
        }
    }

    private static Optional<Entry> match(String name, Resource resource) {
        Matcher m = FILE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1).toUpperCase(Locale.ROOT);
        FaersTable table = prefix.equals("DELETE") ? FaersTable.DELETED : FaersTable.valueOf(prefix);
        Quarter quarter = Quarter.fromFileTag(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return Optional.of(new Entry(table, name, resource, quarter));
    }

    /** An input that is not a usable quarterly extract. */
    public static final class InvalidExtractException extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        public InvalidExtractException(String message) {
            super(message);
        }
    }
}
