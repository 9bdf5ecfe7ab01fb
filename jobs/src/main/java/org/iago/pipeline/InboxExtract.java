package org.iago.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iago.ingest.faers.FaersExtract;
import org.iago.vocabulary.Quarter;

/**
 * One extract found in an inbox folder, identified by the SHA-256 of its content: of the zip file, or, for a folder,
 * of every file's relative name and bytes in name order. The same content moved or renamed is the same extract.
 *
 * @param kind    faers, registry or cases
 * @param path    the zip, folder or file
 * @param sha256  the content digest
 * @param stamp   a file's size and modification time when it was hashed; null for a folder
 * @param quarter the FAERS quarter; null for other kinds
 * @param cases   the column mapping of a case table; null for other kinds
 */
public record InboxExtract(Kind kind, Path path, String sha256, InboxLedger.Stamp stamp, Quarter quarter,
        NightlyConfig.CaseTable cases) {

    public enum Kind { FAERS, REGISTRY, CASES }

    private static final Pattern FAERS_NAME = Pattern.compile("(faers|aers)_ascii_\\d{4}q[1-4].*");

    /** A short name for logs and the ledger: {@code faers 2024Q1 (faers_ascii_2024q1.zip)}. */
    public String describe() {
        String what = switch (kind) {
            case FAERS -> "faers " + quarter;
            case REGISTRY -> "registry";
            case CASES -> "cases " + cases.source();
        };
        return what + " (" + path.getFileName() + ")";
    }

    /**
     * Every extract under the configured inbox folders, FAERS quarters oldest first. A FAERS quarter found twice (the
     * same quarter in two folders) is refused: which copy to believe is the operator's decision.
     *
     * @param ledger what was ingested before: a file unchanged since (path, size, modification time) is not read again
     * @throws IllegalArgumentException when an inbox folder is missing, an extract is unreadable or a quarter is
     *                                  found twice
     */
    public static List<InboxExtract> scan(NightlyConfig.Inbox inbox, InboxLedger ledger) throws IOException {
        List<InboxExtract> found = new ArrayList<>();
        for (Path folder : inbox.faers()) {
            for (Path quarterPath : faersQuarters(folder)) {
                Quarter q = FaersExtract.open(quarterPath).quarter(null);
                for (InboxExtract other : found) {
                    if (q.equals(other.quarter())) {
                        throw new IllegalArgumentException("FAERS " + q + " is in the inbox twice: " + other.path()
                                + " and " + quarterPath + "; remove one");
                    }
                }
                found.add(found(Kind.FAERS, quarterPath, ledger, q, null));
            }
        }
        found.sort((x, y) -> x.quarter().compareTo(y.quarter()));
        for (Path folder : inbox.registry()) {
            requireFolder(folder, "registry inbox");
            found.add(found(Kind.REGISTRY, folder, ledger, null, null));
        }
        for (NightlyConfig.CaseTable table : inbox.cases()) {
            if (!Files.isRegularFile(table.file())) {
                throw new IllegalArgumentException("case table " + table.file() + " of the inbox is not a file");
            }
            found.add(found(Kind.CASES, table.file(), ledger, null, table));
        }
        return found;
    }

    private static List<Path> faersQuarters(Path folder) throws IOException {
        requireFolder(folder, "FAERS inbox");
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            return walk.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return FAERS_NAME.matcher(name).matches() && (Files.isDirectory(p) || name.endsWith(".zip"));
            }).sorted().toList();
        }
    }

    private static void requireFolder(Path folder, String what) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(what + " " + folder + " is not a folder");
        }
    }

    /** The extract at {@code path}, stamped before it is hashed; a file the ledger knows unchanged is not read. */
    private static InboxExtract found(Kind kind, Path path, InboxLedger ledger, Quarter quarter,
            NightlyConfig.CaseTable cases) throws IOException {
        InboxLedger.Stamp stamp = InboxLedger.Stamp.of(path);
        Optional<String> known = ledger.knownDigest(path, stamp);
        return new InboxExtract(kind, path, known.isPresent() ? known.get() : sha256(path), stamp, quarter, cases);
    }

    static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                // the name, then a NUL, keeps "a"+"bc" apart from "ab"+"c"
                digest.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, f);
            }
        } else {
            update(digest, path);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
