package org.iago.ingest;

/**
 * One row bound for a lake table: its values in {@link org.iago.lake.LakeSchema} order without {@code line_no}
 * ({@code String}, {@code java.time.LocalDate} or {@code Long}, null for missing), and the source line it came from.
 */
public record LakeRow(long lineNo, Object[] values) {
}
