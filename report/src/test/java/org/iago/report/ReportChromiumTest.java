package org.iago.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: headless Chromium (Debian's {@code chromium}) loads {@code index.html} from disk,
 * runs its script and logs its console to stderr. Skipped when no Chromium is on the PATH. Leaves a screenshot in
 * {@code target/report-chromium/report-screenshot.png} ({@code bench/report-screenshot.sh} copies it to docs/).
 */
class ReportChromiumTest {

    /** As the machine notes advise for root in a sandbox with no network: no background connections, no sandbox. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr", "--v=0");
    private static final Path OUT = Path.of("target", "report-chromium");

    @TempDir
    static Path profiles;
    static Path browser;
    static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        Optional<Path> found = chromium();
        assumeTrue(found.isPresent(), "no chromium on the PATH");
        browser = found.get();
        deleteTree(OUT);
        Path run = ReportFixture.write(OUT.resolve("run"));
        page = new ReportWriter(ReportFixture.options()).write(run).html().toAbsolutePath();
    }

    @Test
    void pageRendersItsSectionsAndChartsWithoutConsoleErrors() throws Exception {
        Result r = run("--dump-dom", page.toUri().toString());
        assertEquals(0, r.exit(), r.stderr());
        String dom = r.stdout();
        assertTrue(dom.contains("data-sortable=\"ready\""), "the sorting script ran to its end");
        for (String id : List.of("summary", "focus-1-bcma-parkinsonism-and-movement-neurocogn",
                "focus-2-cd19-infection", "focus-3-script-alert-1-script-crs", "all-signals", "methods",
                "limitations", "provenance")) {
            assertTrue(dom.contains("<section id=\"" + id + "\""), "section " + id);
        }
        for (String step : List.of("identification", "attribution", "grading", "optimization")) {
            assertEquals(3, count(dom, "<div class=\"part\" id=\"focus-\\d-[a-z0-9-]+-" + step + "\""), step);
        }
        assertTrue(count(dom, "<img src=\"data:image/png;base64,") >= 8, "charts as images");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt; × CRS"), "script name shown as text");
        assertEquals(List.of(), consoleMessages(r.stderr()), "no console message, error or otherwise");
    }

    /** The check above can fail: a page that logs an error and throws is caught by the same scan. */
    @Test
    void consoleErrorsWouldBeCaught() throws Exception {
        Path probe = Files.writeString(OUT.resolve("probe.html"), "<!DOCTYPE html><html><body><script>"
                + "console.error('iago-probe'); undefinedFunction();</script></body></html>");
        List<String> messages = consoleMessages(run("--dump-dom", probe.toAbsolutePath().toUri().toString())
                .stderr());
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("iago-probe"));
        assertTrue(messages.get(1).contains("Uncaught ReferenceError"));
    }

    @Test
    void screenshot() throws Exception {
        Path png = OUT.resolve("report-screenshot.png").toAbsolutePath();
        Result r = run("--screenshot=" + png, "--window-size=1280,4000", page.toUri().toString());
        assertEquals(0, r.exit(), r.stderr());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(4000, image.getHeight());
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(String... args) throws Exception {
        Path profile = Files.createTempDirectory(profiles, "profile");
        List<String> command = new ArrayList<>(List.of(browser.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(List.of(args));
        Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
        Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Chromium logs every console message (and uncaught exception) as {@code INFO:CONSOLE…] "text", source: …}. */
    private static List<String> consoleMessages(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(root);
    }
}
