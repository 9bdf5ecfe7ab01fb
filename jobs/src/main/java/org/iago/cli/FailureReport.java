package org.iago.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iago.batch.RootCause;
import org.iago.lake.DiskFullException;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * How a failed command says why: the most specific cause first, in one line that says what happened and what to do,
 * then any other distinct causes; Java stack traces only when asked for ({@code IAGO_LOG_LEVEL=debug}).
 * <p>
 * The most specific cause of a failure is found in its cause chain and its suppressed exceptions: a file-system
 * failure, which names the path (disk full, permission denied, read-only, no such file, a file where a folder is
 * expected), or the run history held open by another process, or else the end of the cause chain, the failure that
 * started it, rather than the wrappers around it.
 */
final class FailureReport {

    private static final String PREFIX = "iago: ";
    private static final Set<String> DISK_FULL = Set.of("No space left on device", "Disk quota exceeded");
    /** H2's error for a database file another process holds open ({@code ErrorCode.DATABASE_ALREADY_OPEN_1}). */
    private static final int H2_DATABASE_IN_USE = 90020;

    /** Spark's error for a path it was asked to read that is not there. */
    private static final Pattern SPARK_PATH_NOT_FOUND = Pattern.compile(
            "\\[PATH_NOT_FOUND\\] Path does not exist: (\\S+?)\\.?(?: SQLSTATE|$)");

    private final boolean traces;

    /** @param traces print the stack traces of the failures after the causes */
    FailureReport(boolean traces) {
        this.traces = traces;
    }

    /** Whether an {@code IAGO_LOG_LEVEL} asks for stack traces: debug or finer. */
    static boolean tracesAt(String logLevel) {
        return logLevel != null && Set.of("debug", "trace", "all").contains(logLevel.toLowerCase(Locale.ROOT));
    }

    /** Prints why a command failed to {@code err}, and returns the exit status of a failed command. */
    int print(PrintWriter err, Throwable failure) {
        List<Throwable> failures = failure instanceof RunFailedException run ? run.failures() : List.of(failure);
        String advice = failure instanceof RunFailedException run ? run.advice() : null;
        List<Path> folders = failure instanceof RunFailedException run ? run.folders() : List.of();
        List<Throwable> causes = causes(failures);
        if (causes.isEmpty()) {
            err.println(PREFIX + failure.getMessage() + (advice == null ? "" : ". " + advice));
        }
        for (int i = 0; i < causes.size(); i++) {
            Throwable cause = causes.get(i);
            String line = describe(cause, folders);
            // a full disk and a lack of memory say what to do themselves
            if (i == 0 && advice != null && !diskFull(cause) && !(cause instanceof OutOfMemoryError)) {
                line += ". " + advice;
            }
            err.println(PREFIX + (i == 0 ? "" : "also: ") + line);
        }
        if (traces) {
            failures.forEach(f -> f.printStackTrace(err));
        } else if (causes.stream().anyMatch(FailureReport::unexpected)) {
            err.println(PREFIX + "this looks like a defect of iago: run the same command with IAGO_LOG_LEVEL=debug"
                    + " for the stack trace and report it");
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    /** The distinct causes of some failures (by what they say), the most specific first. */
    static List<Throwable> causes(Collection<Throwable> failures) {
        Map<String, Throwable> direct = new LinkedHashMap<>();
        Map<String, Throwable> suppressed = new LinkedHashMap<>();
        for (Throwable failure : failures) {
            Throwable root = RootCause.of(failure);
            Throwable file = fileSystemCause(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
            if (file != null) {
                direct.putIfAbsent(describe(file, List.of()), file);
            } else if (aggregates(root)) {
                // reported after the direct causes: the failures collected on closing usually repeat them
                for (Throwable s : root.getSuppressed()) {
                    Throwable cause = RootCause.of(s);
                    suppressed.putIfAbsent(describe(cause, List.of()), cause);
                }
            } else {
                direct.putIfAbsent(describe(root, List.of()), root);
            }
        }
        List<Throwable> all = new ArrayList<>(direct.values());
        suppressed.forEach((line, cause) -> {
            if (!direct.containsKey(line)) {
                all.add(cause);
            }
        });
        // file-system failures first: they say where, and a full disk or a read-only folder explains the rest
        all.sort(Comparator.comparing((Throwable cause) -> !isFileSystem(cause)));
        return all;
    }

    /**
     * One line for one cause: what happened, and for file-system failures where and what to do.
     *
     * @param folders the folders the command writes to: a full disk that names no path is said to be the fullest of
     *                them
     */
    static String describe(Throwable cause, List<Path> folders) {
        if (cause instanceof OutOfMemoryError) {
            return "out of memory (" + cause.getMessage() + "): give iago more, e.g. IAGO_JAVA_OPTS=-Xmx4g (the"
                    + " default is -Xmx2g), and run the same command again";
        }
        if (databaseInUse(cause)) {
            return "the run history is in use by another process (" + RootCause.of(cause).getMessage()
                    + "): wait for the iago command running on this lake to end, and try again";
        }
        if (cause instanceof DiskFullException) {
            return cause.getMessage();
        }
        Matcher missing = cause.getMessage() == null ? null : SPARK_PATH_NOT_FOUND.matcher(cause.getMessage());
        if (missing != null && missing.find()) {
            return missingTable(missing.group(1));
        }
        if (diskFull(cause)) {
            String where = cause instanceof FileSystemException fs && fs.getFile() != null ? ": " + fs.getFile()
                    : fullest(folders).map(f -> " under " + f).orElse("");
            return "disk full" + where + " (" + reason(cause) + "): free space and run the same command again to"
                    + " resume";
        }
        if (cause instanceof FileSystemException fs && fs.getFile() != null) {
            Path file = Path.of(fs.getFile());
            Path blocker = fileInTheWay(file);
            if (cause instanceof NotDirectoryException || "Not a directory".equals(fs.getReason())
                    || cause instanceof FileAlreadyExistsException && blocker != null) {
                return (blocker == null ? file : blocker) + " is a file where a folder is expected"
                        + (file.equals(blocker) || blocker == null ? "" : " (for " + file + ")")
                        + ": give a folder, or move the file away";
            }
            if (cause instanceof FileAlreadyExistsException) {
                return file + " already exists";
            }
            if (cause instanceof NoSuchFileException) {
                return "no such file or folder: " + file;
            }
            if (cause instanceof AccessDeniedException) {
                return "permission denied: " + file + ": give a path this user may read and write";
            }
            if ("Read-only file system".equals(fs.getReason())) {
                return "read-only file system: " + file + ": give a folder on a writable file system";
            }
            return fs.getMessage();
        }
        if (cause.getMessage() == null || cause.getMessage().isBlank()) {
            StackTraceElement[] frames = cause.getStackTrace();
            return cause.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
        }
        return cause.getMessage();
    }

    /** The folder whose file system has the least usable space, among those whose space can be read. */
    private static Optional<Path> fullest(List<Path> folders) {
        Path fullest = null;
        long least = Long.MAX_VALUE;
        for (Path folder : folders) {
            for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    try {
                        long usable = Files.getFileStore(p).getUsableSpace();
                        if (usable < least) {
                            least = usable;
                            fullest = folder;
                        }
                    } catch (IOException e) {
                        // a file system that cannot say its space is not named
                    }
                    break;
                }
            }
        }
        return Optional.ofNullable(fullest);
    }

    /**
     * The deepest file-system failure (or H2's database in use) of the cause chain, else of the suppressed failures;
     * null when none.
     *
     * @param seen the failures looked at already: causes and suppressed failures can form cycles (H2's do)
     */
    private static Throwable fileSystemCause(Throwable t, Set<Throwable> seen) {
        Throwable found = null;
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            chain.add(c);
            if (isFileSystem(c) || databaseInUse(c)) {
                found = c;
            }
        }
        if (found != null) {
            return found;
        }
        for (Throwable c : chain) {
            for (Throwable s : c.getSuppressed()) {
                Throwable inSuppressed = fileSystemCause(s, seen);
                if (inSuppressed != null) {
                    return inSuppressed;
                }
            }
        }
        return null;
    }

    /** What a Spark job read that is not in the lake, and which command puts it there. */
    private static String missingTable(String path) {
        String what = path.contains("/curated/") ? "run iago curate on this lake first"
                : path.contains("/cases/source=") ? "no case source of that name was ingested (iago ingest cases)"
                : path.contains("/registry/") ? "no registry extract was ingested (iago ingest registry)"
                : "nothing of it was ingested into this lake (iago ingest faers, or --lake names another folder)";
        return path + " does not exist: " + what;
    }

    private static boolean databaseInUse(Throwable t) {
        return t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE;
    }

    private static boolean isFileSystem(Throwable t) {
        return t instanceof FileSystemException || diskFull(t);
    }

    /**
     * Spring Batch's composite streams throw one exception for the failures of several delegates, attached as
     * suppressed ("Failed to close 3 delegate(s) due to exceptions"): those are the causes.
     */
    private static boolean aggregates(Throwable root) {
        return root instanceof ItemStreamException && root.getSuppressed().length > 0;
    }

    /** iago's own refusal before writing, or the operating system's error while writing. */
    private static boolean diskFull(Throwable t) {
        return t instanceof DiskFullException || t instanceof IOException && DISK_FULL.contains(reason(t));
    }

    private static String reason(Throwable t) {
        if (t instanceof FileSystemException fs) {
            return fs.getReason() == null ? "" : fs.getReason();
        }
        return t.getMessage() == null ? "" : t.getMessage();
    }

    /** The path itself or its nearest existing ancestor, when that is a file; null otherwise. */
    private static Path fileInTheWay(Path file) {
        for (Path p = file.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isRegularFile(p) ? p : null;
            }
        }
        return null;
    }

    /** A failure no input or environment explains: a defect, whose stack trace is worth reporting. */
    private static boolean unexpected(Throwable cause) {
        return cause.getMessage() == null || cause instanceof NullPointerException
                || cause instanceof ClassCastException || cause instanceof IndexOutOfBoundsException
                || cause instanceof ArithmeticException;
    }
}
