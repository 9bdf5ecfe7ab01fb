package org.iago.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The PDF of the same XHTML page (openhtmltopdf on PDFBox), laid out by the stylesheet's print rules: A4, page
 * numbers, each focus signal on a new page. Liberation Sans is embedded so that symbols print.
 */
final class PdfDocument {

    static {
        XRLog.setLoggerImpl(new PdfLog());
    }

    void write(String xhtml, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.withHtmlContent(xhtml, target.getParent().toUri().toString());
            builder.useFont(() -> ReportFonts.open(ReportFonts.REGULAR), ReportFonts.FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> ReportFonts.open(ReportFonts.BOLD), ReportFonts.FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> ReportFonts.open(ReportFonts.ITALIC), ReportFonts.FAMILY, 400,
                    PdfRendererBuilder.FontStyle.ITALIC, true);
            builder.useFont(() -> ReportFonts.open(ReportFonts.MONO), ReportFonts.MONO_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.toStream(out);
            builder.run();
        }
    }
}
