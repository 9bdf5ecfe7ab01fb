package org.iago.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Sans (SIL Open Font License, from openpdf-fonts-extra), the one typeface of the charts and the PDF: the
 * same glyphs on every machine, including ≥, ×, χ², ν and the other symbols of the methods section, which the PDF's
 * built-in fonts lack.
 */
final class ReportFonts {

    /** The CSS family name under which the PDF renderer knows the font; browsers fall back to the next family. */
    static final String FAMILY = "Liberation Sans";

    static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    static final String BOLD = "/liberation/LiberationSans-Bold.ttf";
    static final String ITALIC = "/liberation/LiberationSans-Italic.ttf";
    /** For the signal rules' YAML, shown verbatim. */
    static final String MONO_FAMILY = "Liberation Mono";
    static final String MONO = "/liberation/LiberationMono-Regular.ttf";

    private static boolean registered;

    private ReportFonts() {
    }

    /** The regular face at the given size for AWT (charts), registered once with the JVM. */
    static synchronized Font awt(int style, float size) {
        if (!registered) {
            register(REGULAR);
            register(BOLD);
            registered = true;
        }
        return new Font(FAMILY, style, Math.round(size)).deriveFont(size);
    }

    static InputStream open(String resource) {
        InputStream in = ReportFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font " + resource + " is not on the classpath (openpdf-fonts-extra)");
        }
        return in;
    }

    private static void register(String resource) {
        try (InputStream in = open(resource)) {
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + resource + " is not a TrueType font", e);
        }
    }
}
