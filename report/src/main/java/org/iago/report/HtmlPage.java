package org.iago.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

/**
 * The report as one self-contained XHTML page (inline stylesheet, charts as data URIs, a few lines of script to sort
 * tables), rendered by Pebble with HTML auto-escaping: every drug name, term and file name is printed as text.
 */
final class HtmlPage {

    private static final String FOLDER = "org/iago/report/";

    private final PebbleEngine engine;

    HtmlPage() {
        ClasspathLoader loader = new ClasspathLoader(HtmlPage.class.getClassLoader());
        loader.setPrefix(FOLDER);
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
                .strictVariables(true).cacheActive(false).build();
    }

    String render(ReportModel model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate("report.peb").evaluate(out, Map.of("model", model, "css", resource("report.css"),
                    "js", resource("report.js")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
