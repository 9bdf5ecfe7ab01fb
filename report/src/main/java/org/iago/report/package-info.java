/**
 * The signal report of a pipeline run folder: {@link org.iago.report.ReportWriter} reads the run's outputs through
 * {@link org.iago.report.RunFolder} and {@link org.iago.csv.CsvTable}, builds a {@link org.iago.report.ReportModel}
 * of sections in the four IAGO steps (summary, focus signals, all signals, registry, methods, provenance), and renders
 * it as one self-contained HTML page (Pebble), its PDF (openhtmltopdf) and one CSV per table ({@code tables/}). Charts
 * are drawn by JFreeChart ({@link org.iago.report.Charts}); small counts are suppressed by
 * {@link org.iago.report.SmallCells}. It reads what the stages wrote and computes no statistic.
 */
package org.iago.report;
