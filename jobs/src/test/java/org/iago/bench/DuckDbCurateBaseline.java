package org.iago.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationRules;
import org.iago.curate.CurationSummary;
import org.iago.curate.DrugNames;
import org.iago.lake.CuratedTable;
import org.iago.vocabulary.Names;
import org.iago.dictionary.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.curate.UserDrugDictionary;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.lake.PublishJournal;

/**
 * Benchmark baseline: DuckDB SQL doing, on the lake's raw FAERS Parquet, the work of {@link CurateJob} without a
 * MedDRA distribution: the latest version of each caseid (fda_dt, then primaryid as a number, then quarter), the
 * deleted cases dropped (by caseid or primaryid, whichever matches more), every drug row named (CAR-T dictionary of
 * {@code products.yaml}, user dictionary, prod_ai, the dictionary learned from the lake, the drugname cleaned by
 * {@link DrugNames#CLEANING}), the duplicate rule of {@code curation.yaml} (kept: latest fda_dt, then highest caseid),
 * and the curated tables written to Parquet: reports (with their key arrays), drugs, report_drugs, events,
 * report_events, event_groups, duplicates and drug_names, and unmapped_drug_names.csv. Two threads, like the machine.
 * <p>
 * It writes {@code _summary.json} in {@link CurationSummary}'s form, for bench/curate-benchmark.sh to compare with
 * iago's, and prints the counts and how long each step took.
 * <p>
 * Java's regular expressions and DuckDB's (RE2) differ: RE2 has no lookaround. The two cleaning steps that use one
 * ({@code (?<![\p{L}])...(?![\p{L}])}: strengths, forms) run as {@link #re2Steps}: a marker pair is put before every
 * character where the step may begin (a digit, or a letter, not after a letter), the step matches from a marker and
 * consumes the character after the match instead of looking at it (and writes it back), then the markers go.
 * DuckDbCurateBaselineTest checks this against {@link DrugNames#clean}. {@code \s} is written out as Java's
 * {@code [ \t\n\x0B\f\r]} in the normalisation (RE2's has no {@code \x0B}); after it a name has no other white space.
 * Upper-casing differs on a few characters (Java writes ß as SS and ﬁ as FI, DuckDB as ẞ and ﬁ); the synthetic lakes
 * hold none, and bench/curate-benchmark.sh compares every table row by row ({@link CuratedComparison}).
 * <p>
 * Usage: {@code DuckDbCurateBaseline <lake> <conf dir> <output folder> [<memory limit, default 10GB>]}: DuckDB's own
 * default, 80% of the machine's memory, was killed by the kernel at 20M reports on a machine shared with other jobs;
 * above the limit it spills to {@code <output folder>/.tmp}.
 */
public final class DuckDbCurateBaseline {

    /** The markers of {@link #re2Steps}: control characters, which normalised FAERS names do not hold. */
    private static final String MARK_1 = "\\x01";
    private static final String MARK_2 = "\\x02";
    private static final Pattern LOOKAROUND = Pattern.compile(
            Pattern.quote("(?<![\\p{L}])") + "(.*)" + Pattern.quote("(?![\\p{L}])"));
    private static final String SEPARATOR = "chr(31)";

    private final Statement sql;

    private DuckDbCurateBaseline(Statement sql) {
        this.sql = sql;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: DuckDbCurateBaseline <lake> <conf dir> <output folder> [<memory limit>]");
        }
        Lake lake = Lake.at(args[0]);
        Path conf = Path.of(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        CurationRules rules = CurationRules.load(conf);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute("SET preserve_insertion_order = false");
            s.execute("SET memory_limit = '" + (args.length == 4 ? args[3] : "10GB") + "'");
            s.execute("SET temp_directory = '" + out.resolve(".tmp") + "'");
            DuckDbCurateBaseline baseline = new DuckDbCurateBaseline(s);
            long start = System.nanoTime();
            baseline.dictionaries(c, ProductDictionary.load(conf.resolve("products.yaml")),
                    rules.userDictionary(conf), TermGroups.load(conf.resolve("term-groups.yaml")));
            CurationSummary summary = baseline.curate(lake, rules, out);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve(CuratedTable.SUMMARY).toFile(), summary);
            System.out.printf(Locale.ROOT, "duckdb total %.1f s%n", (System.nanoTime() - start) / 1e9);
            System.out.println("duckdb " + summary);
        }
    }

    /** The CAR-T names, the user's dictionary and the term groups as small tables. */
    private void dictionaries(Connection c, ProductDictionary products, UserDrugDictionary user, TermGroups groups)
            throws SQLException {
        sql.execute("CREATE TEMP TABLE products (name VARCHAR, brand VARCHAR, generic VARCHAR, target VARCHAR)");
        sql.execute("CREATE TEMP TABLE user_names (name VARCHAR, ingredients VARCHAR)");
        sql.execute("CREATE TEMP TABLE term_groups (term_group VARCHAR, pt_key VARCHAR)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO products VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, ProductDictionary.Product> e : products.byName().entrySet()) {
                insert(p, e.getKey(), e.getValue().brand(), Names.normalise(e.getValue().generic()),
                        e.getValue().target());
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO user_names VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : user.byName().entrySet()) {
                insert(p, e.getKey(), e.getValue());
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO term_groups VALUES (?, ?)")) {
            for (Map.Entry<String, List<String>> e : groups.groups().entrySet()) {
                for (String pt : e.getValue()) {
                    insert(p, e.getKey(), Names.normalise(pt));
                }
            }
        }
    }

    private static void insert(PreparedStatement p, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setString(i + 1, values[i]);
        }
        p.execute();
    }

    private CurationSummary curate(Lake lake, CurationRules rules, Path out) throws Exception {
        Configuration conf = new Configuration();
        String demo = faers(lake, FaersTable.DEMO, conf);
        step("macros", """
                CREATE MACRO normalised(s) AS upper(trim(regexp_replace(s, '[ \\t\\n\\x0B\\f\\r]+', ' ', 'g')));
                CREATE MACRO ingredients(s) AS nullif(array_to_string(list_sort(list_distinct(list_filter(
                    regexp_split_to_array(s, '[ \\t\\n\\x0B\\f\\r]*\\\\[ \\t\\n\\x0B\\f\\r]*'), x -> x <> ''))),
                    '\\'), '');
                """);

        // one row per caseid: its latest version
        step("latest versions", """
                CREATE TEMP TABLE latest AS
                SELECT primaryid, caseid, quarter, fda_dt_date, event_dt_date, event_dt_precision, sex, age, age_cod,
                       reporter_country
                FROM %s
                QUALIFY row_number() OVER (PARTITION BY caseid ORDER BY fda_dt_date DESC NULLS LAST,
                    TRY_CAST(primaryid AS DECIMAL(38, 0)) DESC NULLS LAST, quarter DESC NULLS LAST) = 1
                """.formatted(demo));
        long demoRows = count("SELECT count(*) FROM " + demo);
        long cases = count("SELECT count(*) FROM latest");

        // the deleted lists: caseids or primaryids, whichever matches more of the ingested reports
        step("deleted", "CREATE TEMP TABLE deleted AS SELECT DISTINCT id FROM "
                + faers(lake, FaersTable.DELETED, conf) + " WHERE id IS NOT NULL");
        long deletedIds = count("SELECT count(*) FROM deleted");
        long byCase = count("SELECT count(*) FROM (SELECT DISTINCT caseid FROM " + demo
                + ") WHERE caseid IN (SELECT id FROM deleted)");
        long byPrimary = count("SELECT count(*) FROM (SELECT DISTINCT primaryid FROM " + demo
                + ") WHERE primaryid IN (SELECT id FROM deleted)");
        String deletedKind = byPrimary > byCase ? "primaryid" : "caseid";
        step("report columns", """
                CREATE TEMP TABLE versions AS
                WITH kept AS (
                  SELECT *, TRY_CAST(age AS DOUBLE) AS a, upper(trim(reporter_country)) AS country
                  FROM latest l ANTI JOIN deleted d ON l.%s = d.id),
                years AS (
                  SELECT *, CASE age_cod WHEN 'YR' THEN a WHEN 'DEC' THEN a * 10 WHEN 'MON' THEN a / 12
                      WHEN 'WK' THEN a / 52.1775 WHEN 'DY' THEN a / 365.25 WHEN 'HR' THEN a / 8766 END AS age_years
                  FROM kept)
                SELECT TRY_CAST(caseid AS BIGINT) AS report_id, caseid, primaryid, quarter, fda_dt_date AS fda_dt,
                       event_dt_date AS event_dt, event_dt_precision, CAST(year(fda_dt_date) AS INTEGER) AS year,
                       CASE WHEN sex IN ('M', 'F') THEN sex ELSE 'UNK' END AS sex, age_years,
                       CASE WHEN country <> '' THEN country END AS reporter_country,
                       CASE WHEN age_years IS NULL THEN 'unknown' WHEN age_years < 18 THEN '<18'
                            WHEN age_years < 65 THEN '18-64' WHEN age_years < 75 THEN '65-74' ELSE '>=75' END AS age_group
                FROM years
                """.formatted(deletedKind));
        sql.execute("DROP TABLE latest");
        long notDeleted = count("SELECT count(*) FROM versions");

        // drug rows of the latest versions, named once per distinct (drugname, prod_ai)
        step("drug rows", """
                CREATE TEMP TABLE drug_rows_read AS
                SELECT v.report_id, d.role_cod, d.drug_seq, coalesce(normalised(d.drugname), '') AS drugname,
                       coalesce(normalised(d.prod_ai), '') AS prod_ai
                FROM %s d JOIN versions v USING (primaryid, quarter)
                """.formatted(faers(lake, FaersTable.DRUG, conf)));
        step("names", """
                CREATE TEMP TABLE names AS
                SELECT drugname, prod_ai, "rows",
                       CASE WHEN cleaning <> '' THEN cleaning WHEN drugname <> '' THEN drugname END AS cleaned,
                       ingredients(prod_ai) AS prod_ai_ingredients
                FROM (SELECT *, %s AS cleaning
                      FROM (SELECT drugname, prod_ai, count(*) AS "rows" FROM drug_rows_read GROUP BY drugname, prod_ai))
                """.formatted(cleaning("drugname")));
        CurationRules.DrugNameRules names = rules.drugNames();
        step("learned dictionary", """
                CREATE TEMP TABLE learned AS
                WITH by_ingredient AS (
                  SELECT cleaned, prod_ai_ingredients, sum("rows") AS "rows" FROM names
                  WHERE prod_ai_ingredients IS NOT NULL GROUP BY cleaned, prod_ai_ingredients)
                SELECT cleaned, prod_ai_ingredients AS learned FROM by_ingredient
                QUALIFY row_number() OVER (PARTITION BY cleaned ORDER BY "rows" DESC, prod_ai_ingredients) = 1
                    AND "rows" >= %d
                    AND CAST("rows" AS DOUBLE) >= CAST(sum("rows") OVER (PARTITION BY cleaned) AS DOUBLE) * %s::DOUBLE
                """.formatted(names.learnedMinRows(), Double.toString(names.learnedPurity())));
        step("resolved names", """
                CREATE TEMP TABLE resolved AS
                WITH asked AS (
                  SELECT n.drugname, n.prod_ai, p1.brand AS brand_1, p2.brand AS brand_2, p3.brand AS brand_3,
                         coalesce(p1.target, p2.target, p3.target) AS target,
                         coalesce(p1.generic, p2.generic, p3.generic, u1.ingredients, u2.ingredients,
                             n.prod_ai_ingredients, l.learned, n.cleaned) AS ingredient,
                         CASE WHEN coalesce(p1.brand, p2.brand, p3.brand) IS NOT NULL THEN 'products'
                              WHEN coalesce(u1.ingredients, u2.ingredients) IS NOT NULL THEN 'user_dictionary'
                              WHEN n.prod_ai_ingredients IS NOT NULL THEN 'prod_ai'
                              WHEN l.learned IS NOT NULL THEN 'learned' ELSE 'drugname' END AS source
                  FROM names n
                  LEFT JOIN products p1 ON p1.name = n.drugname
                  LEFT JOIN products p2 ON p2.name = n.prod_ai
                  LEFT JOIN products p3 ON p3.name = n.cleaned
                  LEFT JOIN user_names u1 ON u1.name = n.drugname
                  LEFT JOIN user_names u2 ON u2.name = n.cleaned
                  LEFT JOIN learned l ON l.cleaned = n.cleaned)
                SELECT drugname, prod_ai, coalesce(brand_1, brand_2, brand_3, ingredient) AS product, ingredient,
                       target, source
                FROM asked WHERE coalesce(brand_1, brand_2, brand_3, ingredient) <> ''
                """);
        step("named drug rows", """
                CREATE TEMP TABLE drug_rows_of_versions AS
                SELECT report_id, role_cod, drug_seq, drugname, prod_ai, product, ingredient, target, source
                FROM drug_rows_read JOIN resolved USING (drugname, prod_ai)
                """);
        sql.execute("DROP TABLE drug_rows_read");
        step("event rows", """
                CREATE TEMP TABLE event_rows_of_versions AS
                SELECT v.report_id, normalised(r.pt) AS pt_key, trim(r.pt) AS pt
                FROM %s r JOIN versions v USING (primaryid, quarter)
                """.formatted(faers(lake, FaersTable.REAC, conf)));

        duplicates(rules.duplicates());
        long duplicateReports = count("SELECT count(*) FROM duplicates");
        step("kept reports", """
                CREATE TEMP TABLE reports_kept AS
                SELECT * FROM versions v ANTI JOIN duplicates d ON v.report_id = d.dropped_report_id;
                CREATE TEMP TABLE drug_rows AS
                SELECT * FROM drug_rows_of_versions r ANTI JOIN duplicates d ON r.report_id = d.dropped_report_id;
                CREATE TEMP TABLE event_rows AS
                SELECT * FROM event_rows_of_versions r ANTI JOIN duplicates d ON r.report_id = d.dropped_report_id;
                """);
        long reportCount = count("SELECT count(*) FROM reports_kept");
        sql.execute("DROP TABLE drug_rows_of_versions");

        step("drugs and events", """
                CREATE TEMP TABLE drugs AS
                SELECT product, max(ingredient) AS ingredient, max(target) AS target,
                       CAST(row_number() OVER (ORDER BY product) AS INTEGER) AS drug_key
                FROM drug_rows GROUP BY product;
                CREATE TEMP TABLE report_drugs AS
                SELECT DISTINCT report_id, drug_key, role_cod, drug_seq FROM drug_rows JOIN drugs USING (product);
                CREATE TEMP TABLE drug_names AS
                SELECT drugname, prod_ai, product, ingredient, source, count(DISTINCT report_id) AS reports,
                       count(*) AS "rows"
                FROM drug_rows GROUP BY drugname, prod_ai, product, ingredient, source;
                CREATE TEMP TABLE events AS
                SELECT pt_key, max(pt) AS pt, CAST(row_number() OVER (ORDER BY pt_key NULLS FIRST) AS INTEGER) AS event_key
                FROM event_rows GROUP BY pt_key;
                CREATE TEMP TABLE report_events AS
                SELECT DISTINCT report_id, event_key FROM event_rows JOIN events USING (pt_key);
                """);
        List<String> keyArrays = new ArrayList<>();
        for (String role : FaersTable.ROLE_CODS) {
            keyArrays.add("list_sort(list_distinct(list(drug_key) FILTER (WHERE role_cod = '%s'))) AS %s"
                    .formatted(role, CuratedTable.drugKeys(role)));
        }
        List<String> coalesced = CuratedTable.KEY_COLUMNS.stream()
                .map(k -> "coalesce(%1$s, []::INTEGER[]) AS %1$s".formatted(k)).toList();
        step("write reports", """
                COPY (
                  WITH drug_keys AS (SELECT report_id, %s FROM report_drugs GROUP BY report_id),
                  event_keys AS (SELECT report_id, list_sort(list_distinct(list(event_key))) AS %s
                                 FROM report_events GROUP BY report_id)
                  SELECT r.*, %s
                  FROM reports_kept r LEFT JOIN drug_keys USING (report_id) LEFT JOIN event_keys USING (report_id)
                ) TO '%s' (FORMAT parquet)
                """.formatted(String.join(", ", keyArrays), CuratedTable.EVENT_KEYS, String.join(", ", coalesced),
                table(out, CuratedTable.REPORTS.lakeName())));
        step("write report_drugs", copy("SELECT * FROM report_drugs", table(out, CuratedTable.REPORT_DRUGS.lakeName())));
        step("write report_events", copy("SELECT * FROM report_events", table(out, CuratedTable.REPORT_EVENTS.lakeName())));
        step("write small tables",
                copy("SELECT product, ingredient, target, drug_key FROM drugs", table(out, CuratedTable.DRUGS.lakeName()))
                + copy("SELECT pt, event_key FROM events", table(out, CuratedTable.EVENTS.lakeName()))
                + copy("SELECT e.event_key, g.term_group FROM (SELECT DISTINCT term_group, pt_key FROM term_groups) g"
                        + " JOIN events e USING (pt_key)", table(out, CuratedTable.EVENT_GROUPS.lakeName()))
                + copy("SELECT * EXCLUDE (dropped_report_id) FROM duplicates", table(out, CuratedTable.DUPLICATES.lakeName()))
                + copy("SELECT * FROM drug_names", table(out, CuratedTable.DRUG_NAMES.lakeName()))
                + "COPY (SELECT drugname, NULL AS ingredients, sum(reports) AS reports FROM drug_names"
                + " WHERE source = 'drugname' GROUP BY drugname ORDER BY reports DESC, drugname) TO '"
                + out.resolve(CuratedTable.UNMAPPED_DRUG_NAMES) + "' (FORMAT csv, HEADER true);");

        long cartReports = count("SELECT count(DISTINCT report_id) FROM report_drugs JOIN drugs USING (drug_key)"
                + " WHERE target IS NOT NULL");
        Map<String, Long> rowsBySource = new LinkedHashMap<>();
        for (CurateJob.NameSource source : CurateJob.NameSource.values()) {
            rowsBySource.put(source.label(), count("SELECT coalesce(sum(\"rows\"), 0) FROM drug_names WHERE source = '"
                    + source.label() + "'"));
        }
        return new CurationSummary(demoRows, reportCount, demoRows - cases, deletedKind, deletedIds,
                cases - notDeleted, rules.duplicates().name(), duplicateReports, count("SELECT count(*) FROM drugs"),
                cartReports, rowsBySource, count("SELECT count(*) FROM events"), 0);
    }

    /**
     * The table {@code duplicates}: the reports the rule drops, with the report each duplicates, as
     * {@link CurateJob}'s; without {@code merge_when_missing}, which this baseline does not do.
     */
    private void duplicates(CurationRules.DuplicateRule rule) throws SQLException {
        String columns = "kept_caseid VARCHAR, dropped_caseid VARCHAR, kept_primaryid VARCHAR, "
                + "dropped_primaryid VARCHAR, rule VARCHAR, missing_fields VARCHAR, dropped_report_id BIGINT";
        if (!rule.enabled()) {
            sql.execute("CREATE TEMP TABLE duplicates (" + columns + ")");
            return;
        }
        if (rule.mergeWhenMissing()) {
            throw new IllegalArgumentException("the baseline does not do merge_when_missing: true");
        }
        List<String> single = rule.fields().stream().filter(f -> !f.isSet())
                .map(CurationRules.DuplicateField::yamlName).toList();
        List<String> all = rule.fields().stream().map(CurationRules.DuplicateField::yamlName).toList();
        String complete = single.isEmpty() ? "true"
                : String.join(" AND ", single.stream().map(f -> f + " IS NOT NULL").toList());
        String sharing = single.isEmpty() ? ""
                : "QUALIFY count(*) OVER (PARTITION BY " + String.join(", ", single) + ") > 1";
        // only reports sharing every single-valued field with another need their sets built
        step("duplicate candidates", """
                CREATE TEMP TABLE facts AS
                SELECT * FROM (
                  SELECT report_id, caseid, primaryid, fda_dt, CASE WHEN sex IN ('M', 'F') THEN sex END AS sex,
                         TRY_CAST(floor(age_years) AS INTEGER) AS age_years, reporter_country,
                         CASE WHEN event_dt_precision = 'day' THEN event_dt END AS event_dt
                  FROM versions)
                WHERE %s %s
                """.formatted(complete, sharing));
        StringBuilder members = new StringBuilder("SELECT f.* ");
        StringBuilder joins = new StringBuilder(" FROM facts f");
        if (rule.fields().contains(CurationRules.DuplicateField.PTS)) {
            members.append(", p.pts");
            joins.append(" JOIN (SELECT report_id, array_to_string(list_sort(list_distinct(list(pt_key))), ")
                    .append(SEPARATOR).append(") AS pts FROM event_rows_of_versions")
                    .append(" WHERE report_id IN (SELECT report_id FROM facts) GROUP BY report_id) p USING (report_id)");
        }
        if (rule.fields().contains(CurationRules.DuplicateField.SUSPECT_INGREDIENTS)) {
            members.append(", s.suspect_ingredients");
            joins.append(" JOIN (SELECT report_id, array_to_string(list_sort(list_distinct(list(ingredient))), ")
                    .append(SEPARATOR).append(") AS suspect_ingredients FROM drug_rows_of_versions")
                    .append(" WHERE role_cod IN ('PS', 'SS') AND report_id IN (SELECT report_id FROM facts)")
                    .append(" GROUP BY report_id) s USING (report_id)");
        }
        step("duplicate rule", """
                CREATE TEMP TABLE duplicates AS
                WITH members AS (
                  SELECT *, min(report_id) OVER (PARTITION BY %s) AS group_id FROM (%s%s)),
                ranked AS (
                  SELECT *, row_number() OVER byGroup AS rank, first_value(caseid) OVER byGroup AS kept_caseid,
                         first_value(primaryid) OVER byGroup AS kept_primaryid
                  FROM members WINDOW byGroup AS (PARTITION BY group_id ORDER BY fda_dt DESC NULLS LAST, report_id DESC))
                SELECT kept_caseid, caseid AS dropped_caseid, kept_primaryid, primaryid AS dropped_primaryid,
                       '%s' AS rule, '' AS missing_fields, report_id AS dropped_report_id
                FROM ranked WHERE rank > 1
                """.formatted(String.join(", ", all), members, joins, rule.name()));
    }

    /**
     * {@link DrugNames#CLEANING} as a DuckDB expression on the normalised name {@code name}: each step a
     * {@code regexp_replace(..., 'g')}, the steps with lookarounds as {@link #re2Steps}.
     */
    static String cleaning(String name) {
        String expression = name;
        for (DrugNames.Replacement r : DrugNames.CLEANING) {
            expression = re2Steps(expression, r);
        }
        return expression;
    }

    /**
     * One cleaning step in RE2. A step {@code (?<![\p{L}])BODY(?![\p{L}])} becomes three regexp_replace: (1) a
     * marker pair \x01\x02 before every character where Java may begin BODY: a letter not after a letter, or, when
     * BODY begins with {@code \d}, the first digit of a run not after a letter, and the second digit of a run after a
     * letter ({@code X12 MG}: Java matches from the 2; a later digit of a run begins no match the run's first
     * possible one does not); (2) BODY from a marker, then the character after it (not a letter) or the end, captured
     * and written back after the replacement; (3) the markers removed. Step 2 consumes the character after a match
     * where Java only looks at it; that may be the \x01 of the next match's pair, so a match begins at
     * {@code \x01?\x02}; inside BODY a pair may stand before a digit or after a space or character class, where
     * step 1 put one. No other lookaround is translated.
     */
    static String re2Steps(String expression, DrugNames.Replacement r) {
        String regex = r.regex();
        if (!regex.contains("(?<") && !regex.contains("(?=") && !regex.contains("(?!")) {
            return "regexp_replace(" + expression + ", " + literal(regex) + ", " + literal(r.replacement())
                    + ", 'g')";
        }
        Matcher m = LOOKAROUND.matcher(regex);
        if (!m.matches() || m.group(1).contains("(?<") || m.group(1).contains("(?!")
                || Pattern.compile("\\((?!\\?)").matcher(m.group(1)).find()) {
            throw new IllegalArgumentException("no RE2 form for the cleaning step " + regex);
        }
        String body = m.group(1);
        boolean digits = body.startsWith("\\d");
        String pair = "(?:" + MARK_1 + MARK_2 + ")?";
        StringBuilder tolerant = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                if (digits && !inClass && body.charAt(i + 1) == 'd') {
                    tolerant.append(pair);
                }
                tolerant.append(c).append(body.charAt(++i));
                continue;
            }
            tolerant.append(c);
            if (c == '[' && !inClass) {
                inClass = true;
            } else if (c == ']' && inClass) {
                inClass = false;
                if (!digits) {
                    tolerant.append(pair);
                }
            } else if (c == ' ' && !inClass && !digits) {
                tolerant.append(pair);
            }
        }
        // a digit after a digit begins no match that the run's first digit does not: marked only after a letter
        String marked = "regexp_replace(" + expression + ", " + literal(digits ? "(^|[^\\p{L}\\d]|\\p{L}\\d)(\\d)"
                : "(^|[^\\p{L}])(\\p{L})") + ", '\\1' || chr(1) || chr(2) || '\\2', 'g')";
        String replaced = "regexp_replace(" + marked + ", " + literal(MARK_1 + "?" + MARK_2 + tolerant
                + "(?:([^\\p{L}])|$)") + ", " + literal(r.replacement() + "\\1") + ", 'g')";
        return "regexp_replace(" + replaced + ", " + literal("[" + MARK_1 + MARK_2 + "]") + ", '', 'g')";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The Parquet files of a FAERS table's published quarters, with their {@code quarter}. */
    private static String faers(Lake lake, FaersTable table, Configuration conf) throws Exception {
        PublishJournal.requireSettled(lake.location(), conf, "faers/" + table.lakeName());
        org.apache.hadoop.fs.Path folder = Publisher.published(lake.faersTableLocation(table), conf);
        return "read_parquet('" + Path.of(folder.toUri()) + "/quarter=*/*.parquet', hive_partitioning = true,"
                + " hive_types = {'quarter': VARCHAR})";
    }

    private static String table(Path out, String name) {
        return out.resolve(name + ".parquet").toString();
    }

    private static String copy(String query, String target) {
        return "COPY (" + query + ") TO '" + target + "' (FORMAT parquet);";
    }

    private long count(String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void step(String name, String statements) throws SQLException {
        long start = System.nanoTime();
        sql.execute(statements);
        // as each step ends, so that a run killed half-way still says where it was
        System.out.printf(Locale.ROOT, "duckdb step %-28s %7.1f s%n", name, (System.nanoTime() - start) / 1e9);
        System.out.flush();
    }
}
