package org.iago.review;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The signal review log: every decision, appended in a transaction of its own and never updated or deleted (this
 * class has no statement that would), in the table {@code iago_signal_decision} of the JobRepository's database.
 * Its schema is Flyway's migrations in {@code db/review/}, with their own history table
 * ({@value #SCHEMA_HISTORY}), beside Spring Batch's tables.
 * <p>
 * Two reviewers deciding about one signal at once: each decision is made on the state its reviewer saw (the
 * signal's {@link Decision#seq} then), and is appended as the next one, {@code seq + 1}. A unique key on the signal
 * and {@code seq} lets only the first of two decisions made on the same state in; the second is refused with a
 * {@link StaleDecisionException} naming the decision that came first, and its reviewer decides again on the new
 * state. So the log is a serial order of decisions, each made on the one before it.
 */
public final class SignalReviews {

    /** Flyway's history table of the review schema: not Flyway's default name, nothing of Spring Batch's. */
    public static final String SCHEMA_HISTORY = "iago_review_schema_history";

    static final String TABLE = "iago_signal_decision";

    private final DataSource dataSource;

    private SignalReviews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The log in a database, its tables created or migrated first. The JobRepository's database already holds
     * Spring Batch's tables, so Flyway starts a schema of its own from version 0 instead of refusing a non-empty one.
     */
    public static SignalReviews open(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/review").table(SCHEMA_HISTORY)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return new SignalReviews(dataSource);
    }

    /**
     * Appends a decision made on the signal's state of {@code basedOnSeq} (0: never reviewed).
     *
     * @return the decision as logged, with its id and seq
     * @throws StaleDecisionException   when another decision came after that state
     * @throws RefusedDecisionException when GVP Module IX has no such move ({@link Transitions})
     */
    public Decision append(Decision proposed, int basedOnSeq) {
        return inTransaction(c -> append(c, proposed, basedOnSeq));
    }

    /** The signal's latest decision; empty when never reviewed. */
    public Optional<Decision> latest(SignalKey signal) {
        List<Decision> history = history(signal);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** The latest decision of every signal decided about, by signal. */
    public Map<SignalKey, Decision> latest() {
        Map<SignalKey, Decision> latest = new TreeMap<>();
        log().forEach(d -> latest.put(d.signal(), d));
        return latest;
    }

    /** A signal's decisions, first to last. */
    public List<Decision> history(SignalKey signal) {
        return inTransaction(c -> select(c, " WHERE analysis = ? AND drug = ? AND event = ? ORDER BY seq",
                signal.analysis(), signal.drug(), signal.event()));
    }

    /** Every decision, in the order they were appended. */
    public List<Decision> log() {
        return inTransaction(c -> select(c, " ORDER BY id"));
    }

    /**
     * Appends the decisions of a CSV file ({@link ReviewLog#COLUMNS}, as {@link ReviewLog#writeCsv} writes them;
     * {@code id} and {@code seq} are given anew), in file order, each made on the one before it: all of them, in one
     * transaction, or none.
     *
     * @return the decisions appended
     * @throws IllegalArgumentException naming the file and line of the first row that is refused, and why
     */
    public int importCsv(Path file) throws IOException {
        List<ReviewLog.Row> rows = ReviewLog.readCsv(file);
        return inTransaction(c -> {
            for (ReviewLog.Row row : rows) {
                try {
                    Decision d = row.decision();
                    append(c, d, latestSeq(c, d.signal()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": line " + row.line() + ": " + e.getMessage()
                            + "; nothing was imported", e);
                }
            }
            return rows.size();
        });
    }

    /** The whole log as CSV ({@link ReviewLog#COLUMNS}), in the order it was appended. */
    public void exportCsv(Writer out) throws IOException {
        ReviewLog.writeCsv(log(), out);
    }

    /** The whole log as a JSON array, one object per decision, in the order it was appended. */
    public void exportJson(Writer out) throws IOException {
        ReviewLog.writeJson(log(), out);
    }

    private static Decision append(Connection c, Decision d, int basedOnSeq) throws SQLException {
        List<Decision> latest = select(c, " WHERE analysis = ? AND drug = ? AND event = ? ORDER BY seq DESC"
                + " FETCH FIRST 1 ROWS ONLY", d.signal().analysis(), d.signal().drug(), d.signal().event());
        Optional<Decision> before = latest.stream().findFirst();
        int seq = before.map(Decision::seq).orElse(0);
        if (seq != basedOnSeq) {
            throw stale(d, before.get());
        }
        Transitions.check(before.map(Decision::state).orElse(null), d.state());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (" + String.join(", ",
                ReviewLog.STORED) + ") VALUES (" + "?, ".repeat(ReviewLog.STORED.size() - 1) + "?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, d, seq + 1);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return d.appended(keys.getLong(1), seq + 1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // a decision on the same state committed between our read and our insert
                c.rollback();
                throw stale(d, select(c, " WHERE analysis = ? AND drug = ? AND event = ? AND seq = ?",
                        d.signal().analysis(), d.signal().drug(), d.signal().event(), seq + 1).get(0));
            }
            throw e;
        }
    }

    private static StaleDecisionException stale(Decision refused, Decision current) {
        return new StaleDecisionException("the decision " + refused.state() + " about " + refused.signal()
                + " was made on a state no longer current: " + current.reviewer() + " set it "
                + current.state() + " at " + current.decidedAt() + " (decision " + current.seq()
                + "); see 'review show' and decide again");
    }

    private static int latestSeq(Connection c, SignalKey signal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(seq) FROM " + TABLE
                + " WHERE analysis = ? AND drug = ? AND event = ?")) {
            s.setString(1, signal.analysis());
            s.setString(2, signal.drug());
            s.setString(3, signal.event());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement s, Decision d, int seq) throws SQLException {
        int i = 1;
        s.setString(i++, d.signal().analysis());
        s.setString(i++, d.signal().drug());
        s.setString(i++, d.signal().event());
        s.setInt(i++, seq);
        s.setString(i++, d.state().name());
        s.setString(i++, d.reason());
        s.setString(i++, d.reviewer());
        s.setObject(i++, OffsetDateTime.ofInstant(d.decidedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        Evidence e = d.evidence();
        setLong(s, i++, e.run());
        setLong(s, i++, e.reports());
        setDouble(s, i++, e.expected());
        for (String m : Evidence.METHODS) {
            Evidence.Bound b = e.methods().get(m);
            setDouble(s, i++, b == null ? Double.NaN : b.lower());
            if (b == null) {
                s.setNull(i++, Types.BOOLEAN);
            } else {
                s.setBoolean(i++, b.flagged());
            }
        }
        MonitorCondition m = d.monitor();
        if (m == null || m.newReports() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, m.newReports());
        }
        setDouble(s, i++, m == null || m.lower() == null ? Double.NaN : m.lower());
        s.setString(i++, m == null ? null : m.method());
        s.setDate(i, m == null || m.date() == null ? null : Date.valueOf(m.date()));
    }

    private static List<Decision> select(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, " + String.join(", ", ReviewLog.STORED)
                + " FROM " + TABLE + where)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<Decision> decisions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    decisions.add(decision(rs));
                }
            }
            return decisions;
        }
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        SignalKey key = new SignalKey(rs.getString("analysis"), rs.getString("drug"), rs.getString("event"));
        Map<String, Evidence.Bound> bounds = new LinkedHashMap<>();
        for (String m : Evidence.METHODS) {
            double lower = getDouble(rs, m + "_lower");
            boolean flagged = rs.getBoolean(m + "_signal");
            if (!rs.wasNull() || !Double.isNaN(lower)) {
                bounds.put(m, new Evidence.Bound(lower, flagged));
            }
        }
        Evidence evidence = new Evidence(getLong(rs, "run_id"), getLong(rs, "reports"), getDouble(rs, "expected"),
                bounds);
        String state = rs.getString("state");
        MonitorCondition monitor = null;
        if (ReviewState.MONITOR.name().equals(state)) {
            int reports = rs.getInt("monitor_reports");
            Integer newReports = rs.wasNull() ? null : reports;
            double lower = getDouble(rs, "monitor_lower");
            Date date = rs.getDate("monitor_date");
            monitor = new MonitorCondition(newReports, Double.isNaN(lower) ? null : lower,
                    rs.getString("monitor_method"), date == null ? null : date.toLocalDate());
        }
        Instant at = rs.getObject("decided_at", OffsetDateTime.class).toInstant();
        return new Decision(rs.getLong("id"), key, rs.getInt("seq"), ReviewState.valueOf(state),
                rs.getString("reason"), rs.getString("reviewer"), at, evidence, monitor);
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    /** NaN is stored as NULL (no bound); infinities as they are. */
    private static void setDouble(PreparedStatement s, int i, double value) throws SQLException {
        if (Double.isNaN(value)) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, value);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, IOException;
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the signal review log could not be read or written: " + e.getMessage(),
                    e);
        }
    }
}
