package org.iago.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart and embedded as PNG data URIs at twice their display size (sharp in print
 * and on high-density screens). PNG rather than SVG: the PDF renderer shows PNG natively, while SVG would need Batik.
 * Every chart is drawn from numbers the report also shows in a table.
 */
final class Charts {

    /** Colour-blind-safe palette (Okabe & Ito 2008). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Color FOCUS = PALETTE[0];
    private static final Color OTHER = new Color(0x8C8C8C);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final int WIDTH = 760;

    /** One product in a forest plot: ROR and IC with their 95% intervals. */
    record ForestRow(String label, boolean highlighted, double ror, double rorLower, double rorUpper, double ic,
            double ic025, double ic975) {
    }

    /** One step of a cumulative incidence curve. */
    record CurvePoint(double time, double estimate, double lower, double upper) {
    }

    /** EB05 of one pair at one quarter, and whether the EBGM rule flagged it then. */
    record QuarterPoint(String quarter, double eb05, boolean flagged) {
    }

    /** Median and quartiles of the onsets of one drug. */
    record Quartiles(String label, boolean highlighted, double median, double q1, double q3) {
    }

    private Charts() {
    }

    /**
     * Forest plot across products: ROR (log scale) and IC side by side, one row per product, the products of the focus
     * drug in colour. Intervals open at 0 or ∞ (a zero cell) are drawn to the edge of the axis.
     */
    static Block.Chart forest(String id, String title, String description, List<ForestRow> rows) {
        XYIntervalSeries rorFocus = new XYIntervalSeries("focus drug");
        XYIntervalSeries rorOther = new XYIntervalSeries("other products");
        XYIntervalSeries icFocus = new XYIntervalSeries("focus drug");
        XYIntervalSeries icOther = new XYIntervalSeries("other products");
        double[] range = positiveRange(rows);
        String[] labels = rorRows(rows, range, rorFocus, rorOther);
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            int y = rows.size() - 1 - i;
            if (Double.isFinite(r.ic())) {
                (r.highlighted() ? icFocus : icOther).add(r.ic(), r.ic025(), r.ic975(), y, y, y);
            }
        }
        LogAxis rorAxis = rorAxis(range);
        NumberAxis icAxis = new NumberAxis("IC with 95% credibility interval");
        icAxis.setAutoRangeIncludesZero(true);
        SymbolAxis products = new SymbolAxis(null, labels);
        products.setGridBandsVisible(false);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(products);
        plot.setGap(12);
        plot.add(intervalPlot(rorAxis, rorFocus, rorOther, 1.0, true), 3);
        plot.add(intervalPlot(icAxis, icFocus, icOther, 0.0, false), 2);
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, true),
                WIDTH, 90 + 26 * Math.max(rows.size(), 2));
    }

    /**
     * Each row's ROR with its interval clipped to the axis' range, at y = rows − 1 − index (the first row at the top), in
     * {@code highlighted} or {@code other}; a ROR of 0 or not finite has no point. Returns the rows' labels by y.
     */
    private static String[] rorRows(List<ForestRow> rows, double[] range, XYIntervalSeries highlighted,
            XYIntervalSeries other) {
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            int y = rows.size() - 1 - i;
            labels[y] = r.label();
            if (Double.isFinite(r.ror()) && r.ror() > 0) {
                (r.highlighted() ? highlighted : other).add(r.ror(), clip(r.rorLower(), range),
                        clip(r.rorUpper(), range), y, y, y);
            }
        }
        return labels;
    }

    /**
     * Forest plot of one drug–event pair's ROR (log scale) against each comparator and within each subgroup, one row
     * per subset in the order given, the highlighted rows (against all drugs in the whole database) in colour. The
     * rows' IC is not drawn. Intervals open at 0 or ∞ (a zero cell) are drawn to the edge of the axis; a ROR of 0 or
     * NaN has a label and no point.
     */
    static Block.Chart rorForest(String id, String title, String description, List<ForestRow> rows) {
        XYIntervalSeries reference = new XYIntervalSeries("all drugs, whole database");
        XYIntervalSeries subsets = new XYIntervalSeries("other comparators and subgroups");
        double[] range = positiveRange(rows);
        String[] labels = rorRows(rows, range, reference, subsets);
        SymbolAxis axis = new SymbolAxis(null, labels);
        axis.setGridBandsVisible(false);
        XYPlot plot = intervalPlot(rorAxis(range), reference, subsets, 1.0, true);
        plot.setRangeAxis(axis);
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, true),
                WIDTH, 90 + 26 * Math.max(rows.size(), 2));
    }

    /** The ROR's log axis over a range, one tick per power of ten. */
    private static LogAxis rorAxis(double[] range) {
        LogAxis axis = new LogAxis("ROR with 95% CI (log scale)");
        axis.setNumberFormatOverride(new DecimalFormat("0.###"));
        axis.setTickUnit(new NumberTickUnit(1), false, false);
        axis.setAutoTickUnitSelection(false);
        axis.setRange(range[0], range[1]);
        return axis;
    }

    /**
     * Aalen–Johansen cumulative incidence by group as step functions; the groups in {@code banded} (the focus drug's)
     * with their pointwise 95% CI as bands, the others as thin lines so that the comparison stays legible. No group
     * banded: every group gets its band.
     */
    static Block.Chart cumulativeIncidence(String id, String title, String description,
            Map<String, List<CurvePoint>> curves, Set<String> banded) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setAlpha(0.18f);
        int i = 0;
        for (Map.Entry<String, List<CurvePoint>> curve : curves.entrySet()) {
            boolean band = banded.isEmpty() || banded.contains(curve.getKey());
            YIntervalSeries s = new YIntervalSeries(curve.getKey());
            double est = 0;
            double lo = 0;
            double hi = 0;
            s.add(0, 0, 0, 0);
            for (CurvePoint p : curve.getValue()) {
                s.add(p.time(), est, lo, hi); // the step: the previous value up to this time
                est = p.estimate();
                lo = band && !Double.isNaN(p.lower()) ? p.lower() : est;
                hi = band && !Double.isNaN(p.upper()) ? p.upper() : est;
                s.add(p.time(), est, lo, hi);
            }
            data.addSeries(s);
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(band ? 2.5f : 1.2f));
            i++;
        }
        NumberAxis days = new NumberAxis("Days since infusion");
        days.setAutoRangeIncludesZero(true);
        NumberAxis incidence = new NumberAxis("Cumulative incidence");
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        percent.setMaximumFractionDigits(1);
        incidence.setNumberFormatOverride(percent);
        incidence.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, days, incidence, renderer);
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, true), WIDTH, 380);
    }

    /**
     * Histogram of onset days. Bins whose count is suppressed are drawn at k−1 in grey and labelled {@code <k}, so
     * the bar's height does not give the count away.
     */
    static Block.Chart onsetHistogram(String id, String title, String description, List<Double> days,
            SmallCells cells) {
        double max = days.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int width = max <= 182 ? 7 : 30;
        int bins = (int) Math.floor(max / width) + 1;
        long[] counts = new long[bins];
        days.forEach(d -> counts[(int) Math.floor(Math.max(d, 0) / width)]++);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String shown = "onsets";
        String hidden = cells.on() ? "1 to " + (cells.k() - 1) + " (suppressed, drawn at " + (cells.k() - 1) + ")"
                : "suppressed";
        for (int b = 0; b < bins; b++) {
            String bin = (b * width) + "–" + (b * width + width - 1);
            boolean suppressed = cells.suppressed(counts[b]);
            data.addValue(suppressed ? null : (Number) counts[b], shown, bin);
            data.addValue(suppressed ? (Number) (cells.k() - 1) : null, hidden, bin);
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setSeriesPaint(0, FOCUS);
        renderer.setSeriesPaint(1, new Color(0xBBBBBB));
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesItemLabelGenerator(1, new StandardCategoryItemLabelGenerator("<" + cells.k(),
                NumberFormat.getIntegerInstance(Locale.ROOT)));
        renderer.setSeriesItemLabelsVisible(1, true);
        renderer.setSeriesPositiveItemLabelPosition(1,
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryAxis binAxis = new CategoryAxis("Days from start of therapy to onset (bins of " + width + " days)");
        binAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis countAxis = new NumberAxis("Number of onsets");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, binAxis, countAxis, renderer);
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, cells.on()),
                WIDTH, 360);
    }

    /** Median onset with its interquartile range per drug, when only summaries of the onsets are available. */
    static Block.Chart onsetQuartiles(String id, String title, String description, List<Quartiles> rows) {
        String[] labels = new String[rows.size()];
        XYIntervalSeries focus = new XYIntervalSeries("focus drug");
        XYIntervalSeries other = new XYIntervalSeries("other drugs");
        for (int i = 0; i < rows.size(); i++) {
            Quartiles q = rows.get(i);
            int y = rows.size() - 1 - i;
            labels[y] = q.label();
            (q.highlighted() ? focus : other).add(q.median(), q.q1(), q.q3(), y, y, y);
        }
        NumberAxis days = new NumberAxis("Days to onset: median and interquartile range");
        days.setAutoRangeIncludesZero(true);
        XYPlot plot = intervalPlot(days, focus, other, Double.NaN, true);
        SymbolAxis drugs = new SymbolAxis(null, labels);
        drugs.setGridBandsVisible(false);
        plot.setRangeAxis(drugs);
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, true), WIDTH,
                110 + 26 * Math.max(rows.size(), 2));
    }

    /**
     * EB05 by quarter (cumulative analyses) per event, filled markers where the EBGM rule flagged the pair, a vertical
     * marker at the first flagged quarter of {@code emergence.csv} and a horizontal one at the EB05 threshold.
     */
    static Block.Chart emergence(String id, String title, String description,
            Map<String, List<QuarterPoint>> series, Map<String, String> firstSignal, OptionalDouble threshold) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> quarters = series.values().stream().flatMap(List::stream).map(QuarterPoint::quarter)
                .distinct().sorted().toList();
        List<String> names = new ArrayList<>(series.keySet());
        for (String name : names) {
            for (String q : quarters) {
                data.addValue(null, name, q);
                data.addValue(null, name + " — EBGM signal", q);
            }
            for (QuarterPoint p : series.get(name)) {
                data.setValue(p.eb05(), name, p.quarter());
                if (p.flagged()) {
                    data.setValue(p.eb05(), name + " — EBGM signal", p.quarter());
                }
            }
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        for (int i = 0; i < names.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            int line = data.getRowIndex(names.get(i));
            int flagged = data.getRowIndex(names.get(i) + " — EBGM signal");
            renderer.setSeriesPaint(line, c);
            renderer.setSeriesStroke(line, new BasicStroke(2f));
            renderer.setSeriesShapesFilled(line, false);
            renderer.setSeriesPaint(flagged, c);
            renderer.setSeriesLinesVisible(flagged, false);
            renderer.setSeriesShapesFilled(flagged, true);
            renderer.setSeriesShape(flagged, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        CategoryAxis quarterAxis = new CategoryAxis("Quarter (all reports up to its end)");
        if (quarters.size() > 8) {
            quarterAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis eb05 = new NumberAxis("EB05 (lower 5% bound of the EBGM)");
        eb05.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, quarterAxis, eb05, renderer);
        threshold.ifPresent(t -> plot.addRangeMarker(marker(t, "EB05 threshold " + Table.format(t))));
        firstSignal.forEach((name, quarter) -> {
            if (quarters.contains(quarter)) {
                CategoryMarker m = new CategoryMarker(quarter, OTHER, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
                m.setDrawAsLine(true);
                m.setLabel("first EBGM signal");
                m.setLabelFont(font(Font.PLAIN, 10));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        });
        return render(id, title, description, new JFreeChart(title, font(Font.BOLD, 14), plot, true), WIDTH, 380);
    }

    private static XYPlot intervalPlot(ValueAxis axis, XYIntervalSeries focus, XYIntervalSeries other,
            double reference, boolean legend) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(focus);
        data.addSeries(other);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.6f));
        renderer.setSeriesPaint(0, FOCUS);
        renderer.setSeriesPaint(1, OTHER);
        renderer.setSeriesShape(0, new Rectangle(-4, -4, 8, 8));
        renderer.setSeriesShape(1, new Rectangle(-4, -4, 8, 8));
        renderer.setSeriesVisibleInLegend(0, legend && focus.getItemCount() > 0);
        renderer.setSeriesVisibleInLegend(1, legend && other.getItemCount() > 0);
        XYPlot plot = new XYPlot(data, axis, null, renderer);
        if (!Double.isNaN(reference)) {
            plot.addDomainMarker(marker(reference, null));
        }
        return plot;
    }

    private static ValueMarker marker(double value, String label) {
        ValueMarker m = new ValueMarker(value, OTHER, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(font(Font.PLAIN, 10));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        }
        return m;
    }

    /** The log axis range: a little beyond the finite positive estimates and bounds. */
    private static double[] positiveRange(List<ForestRow> rows) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (ForestRow r : rows) {
            for (double v : new double[] {r.ror(), r.rorLower(), r.rorUpper()}) {
                if (Double.isFinite(v) && v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi == 0) {
            return new double[] {0.1, 10};
        }
        return new double[] {Math.min(lo, 1) / 2, Math.max(hi, 1) * 2};
    }

    private static double clip(double v, double[] range) {
        return Double.isNaN(v) ? v : Math.max(range[0], Math.min(range[1], v));
    }

    private static Font font(int style, float size) {
        return ReportFonts.awt(style, size);
    }

    /**
     * Draws the charts while the report's model is still being built, on every core: each chart is drawn alone on its
     * own image, so the images do not depend on which thread draws them or in which order. Daemon threads, so an
     * unfinished report never keeps the JVM alive.
     */
    private static final ExecutorService DRAWING = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), work -> {
                Thread t = new Thread(work, "report-chart");
                t.setDaemon(true);
                return t;
            });

    /** Themes and encodes a chart on {@link #DRAWING}; the renderers keep their series colours (no auto-populate). */
    private static Block.Chart render(String id, String title, String description, JFreeChart chart, int width,
            int height) {
        return new Block.Chart(id, title, description, DRAWING.submit(() -> dataUri(chart, width, height)), width,
                height);
    }

    private static String dataUri(JFreeChart chart, int width, int height) {
        theme().apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            style(xy);
            if (xy instanceof CombinedRangeXYPlot combined) {
                for (Object sub : combined.getSubplots()) {
                    style((XYPlot) sub);
                }
            }
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setBackgroundPaint(Color.WHITE);
            cat.setRangeGridlinePaint(GRID);
            cat.setOutlineVisible(false);
        }
        // drawn as ChartUtils.writeScaledChartAsPNG draws it, but on an opaque image (the background is white): a PNG
        // without alpha is what PDFBox embeds as it is, where one with alpha is decoded and compressed again, which
        // took half of the PDF's time
        BufferedImage image = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        g2.scale(2, 2);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), null, null);
        g2.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(png, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("iago");
        theme.setExtraLargeFont(font(Font.BOLD, 14));
        theme.setLargeFont(font(Font.BOLD, 12));
        theme.setRegularFont(font(Font.PLAIN, 11));
        theme.setSmallFont(font(Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.DARK_GRAY);
        theme.setTickLabelPaint(Color.DARK_GRAY);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }
}
