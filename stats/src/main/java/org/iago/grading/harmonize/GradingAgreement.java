package org.iago.grading.harmonize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.iago.stats.agreement.CohensKappa;
import org.iago.vocabulary.OutputColumn;

/**
 * Tables of harmonized episodes: how recorded grades compare with re-derived ones, per category and recorded grading
 * system, and how the derived grades are distributed per category. Rows come with their column names and values
 * ({@code COLUMNS} with their types, {@code values()}: null for an empty cell) so that they can be written as they are.
 *
 * <p>Agreement, per (category, recorded grading system):
 * <ul>
 *   <li>the confusion table ({@link ConfusionCell}): every recorded grade of the scale 0 to
 *       {@link GradedToxicity#highestGrade()} (higher ones too if a non-comparable system recorded them, and "not
 *       recorded" if it occurs) by every derived grade of the scale and "ungradable", zero cells included;</li>
 *   <li>exact agreement: among the <em>paired</em> episodes, those with a recorded grade and a derived one, the
 *       share whose grades are equal. It is given for every system, as the plain concordance of the recorded grade
 *       with the consensus re-grading; only for a comparable system is it agreement on one scale;</li>
 *   <li>Cohen's, linear- and quadratic-weighted kappa ({@link CohensKappa}) of the paired episodes over the
 *       category's whole scale, for comparable systems only (ASTCT for CRS and ICANS, EHA2023 for ICAHT): a kappa
 *       between, say, Lee 2014 and ASTCT grades would mix two scales. Ungradable episodes and those without a
 *       recorded grade are counted but left out of the kappas, which therefore describe the gradable episodes
 *       only.</li>
 * </ul>
 * Distribution, per category ({@link DistributionRow}): episodes by derived grade 0 to the top of the scale and
 * ungradable, zero rows included, with their share of the category's episodes.
 *
 * <p>Rows are ordered by category ({@link GradedToxicity} order), recorded system (alphabetical, none last), then
 * grades ascending with "not recorded" and "ungradable" last. Immutable and thread-safe.
 */
public final class GradingAgreement {

    private static final GradingAgreement DEFAULT = new GradingAgreement(CohensKappa.withDefaults());

    private static final Comparator<Optional<String>> SYSTEM_ORDER =
            Comparator.comparing(system -> system.orElse(null), Comparator.nullsLast(Comparator.naturalOrder()));

    private final CohensKappa kappa;

    /**
     * The three tables.
     *
     * @param agreement    one row per category and recorded system
     * @param confusion    the confusion tables of all those rows, in long form
     * @param distribution derived grades per category
     */
    public record Report(List<AgreementRow> agreement, List<ConfusionCell> confusion,
                         List<DistributionRow> distribution) {

        /** Copies the lists. */
        public Report {
            agreement = List.copyOf(agreement);
            confusion = List.copyOf(confusion);
            distribution = List.copyOf(distribution);
        }
    }

    /**
     * Agreement of one category's episodes recorded in one system with their re-derived grades.
     *
     * @param toxicity              the category
     * @param recordedSystem        the recorded grading system; empty for episodes without one
     * @param comparable            whether the recorded system is the one of the derived grades
     * @param episodes              all episodes of the row
     * @param gradeNotRecorded      episodes without a recorded grade
     * @param ungradable            episodes without a derived grade
     * @param paired                episodes with both grades
     * @param exactAgreements       paired episodes whose grades are equal
     * @param percentExactAgreement 100 · exactAgreements / paired; empty when nothing is paired
     * @param kappa                 the kappas of the paired episodes; empty when not comparable
     * @param note                  why there is no kappa, or why it is undefined; empty otherwise
     */
    public record AgreementRow(GradedToxicity toxicity, Optional<String> recordedSystem, boolean comparable,
                               long episodes, long gradeNotRecorded, long ungradable, long paired,
                               long exactAgreements, OptionalDouble percentExactAgreement,
                               Optional<CohensKappa.Result> kappa, Optional<String> note) {

        /** Columns of {@link #values()}. */
        public static final List<OutputColumn> COLUMNS = List.of(OutputColumn.text("category"), OutputColumn.text("derived_system"),
                OutputColumn.text("recorded_system"), OutputColumn.bool("comparable"), OutputColumn.whole("episodes"),
                OutputColumn.whole("grade_not_recorded"), OutputColumn.whole("ungradable"), OutputColumn.whole("paired"),
                OutputColumn.whole("exact_agreements"), OutputColumn.number("percent_exact_agreement"),
                OutputColumn.number("kappa"), OutputColumn.number("kappa_se"), OutputColumn.number("kappa_lower"),
                OutputColumn.number("kappa_upper"),
                OutputColumn.number("linear_kappa"), OutputColumn.number("linear_kappa_se"), OutputColumn.number("linear_kappa_lower"),
                OutputColumn.number("linear_kappa_upper"),
                OutputColumn.number("quadratic_kappa"), OutputColumn.number("quadratic_kappa_se"),
                OutputColumn.number("quadratic_kappa_lower"), OutputColumn.number("quadratic_kappa_upper"),
                OutputColumn.text("note"));

        /** @return the cells in {@link #COLUMNS} order: String, Boolean, Long, Double; null when empty or NaN */
        public List<Object> values() {
            List<Object> values = new ArrayList<>(Arrays.asList(toxicity.name(), toxicity.gradingSystem(),
                    recordedSystem.orElse(null), comparable, episodes, gradeNotRecorded, ungradable, paired,
                    exactAgreements, percentExactAgreement.isPresent() ? percentExactAgreement.getAsDouble() : null));
            for (CohensKappa.Weighting weighting : CohensKappa.Weighting.values()) {
                Optional<CohensKappa.Estimate> e = kappa.map(k -> k.estimate(weighting));
                values.add(number(e.map(CohensKappa.Estimate::kappa)));
                values.add(number(e.map(CohensKappa.Estimate::standardError)));
                values.add(number(e.map(CohensKappa.Estimate::lower)));
                values.add(number(e.map(CohensKappa.Estimate::upper)));
            }
            values.add(note.orElse(null));
            return values;
        }

        private static Double number(Optional<Double> value) {
            return value.filter(v -> !v.isNaN()).orElse(null);
        }
    }

    /**
     * One cell of a confusion table.
     *
     * @param toxicity       the category
     * @param recordedSystem the recorded grading system; empty for episodes without one
     * @param recordedGrade  the recorded grade; empty for "not recorded"
     * @param derivedGrade   the derived grade; empty for "ungradable"
     * @param episodes       episodes in the cell, 0 included
     */
    public record ConfusionCell(GradedToxicity toxicity, Optional<String> recordedSystem, OptionalInt recordedGrade,
                                OptionalInt derivedGrade, long episodes) {

        /** Column names of {@link #values()}. */
        public static final List<OutputColumn> COLUMNS = List.of(OutputColumn.text("category"), OutputColumn.text("recorded_system"),
                OutputColumn.integer("recorded_grade"), OutputColumn.integer("derived_grade"), OutputColumn.whole("episodes"));

        /** @return the cells in {@link #COLUMNS} order: String, Integer, Long; null when empty */
        public List<Object> values() {
            return Arrays.asList(toxicity.name(), recordedSystem.orElse(null), boxed(recordedGrade),
                    boxed(derivedGrade), episodes);
        }
    }

    /**
     * Episodes of one category at one derived grade.
     *
     * @param toxicity     the category
     * @param derivedGrade the derived grade; empty for "ungradable"
     * @param episodes     episodes at that grade, 0 included
     * @param percent      100 · episodes / the category's episodes
     */
    public record DistributionRow(GradedToxicity toxicity, OptionalInt derivedGrade, long episodes, double percent) {

        /** Column names of {@link #values()}. */
        public static final List<OutputColumn> COLUMNS = List.of(OutputColumn.text("category"), OutputColumn.text("derived_system"),
                OutputColumn.integer("derived_grade"), OutputColumn.whole("episodes"), OutputColumn.number("percent"));

        /** @return the cells in {@link #COLUMNS} order: String, Integer, Long, Double; null when empty */
        public List<Object> values() {
            return Arrays.asList(toxicity.name(), toxicity.gradingSystem(), boxed(derivedGrade), episodes, percent);
        }
    }

    private GradingAgreement(CohensKappa kappa) {
        this.kappa = kappa;
    }

    /**
     * Kappas with 95% intervals.
     *
     * @return the tables
     */
    public static GradingAgreement withDefaults() {
        return DEFAULT;
    }

    /**
     * @param confidenceLevel 1 − α of the kappa intervals, in (0, 1)
     * @return a copy with this confidence level
     * @throws IllegalArgumentException if confidenceLevel is not in (0, 1)
     */
    public GradingAgreement withConfidenceLevel(double confidenceLevel) {
        return new GradingAgreement(kappa.withConfidenceLevel(confidenceLevel));
    }

    /**
     * Builds the three tables.
     *
     * @param episodes harmonized episodes of any categories, in any order
     * @return the tables; empty lists for no episodes
     * @throws IllegalArgumentException if a comparable recorded grade lies above its category's scale (ingestion
     *                                  rejects those)
     */
    public Report compare(List<HarmonizedEpisode> episodes) {
        Map<GradedToxicity, Map<Optional<String>, List<HarmonizedEpisode>>> groups =
                new EnumMap<>(GradedToxicity.class);
        for (HarmonizedEpisode episode : episodes) {
            Objects.requireNonNull(episode, "episode");
            groups.computeIfAbsent(episode.toxicity(), t -> new TreeMap<>(SYSTEM_ORDER))
                    .computeIfAbsent(episode.recordedSystem(), s -> new ArrayList<>())
                    .add(episode);
        }
        List<AgreementRow> agreement = new ArrayList<>();
        List<ConfusionCell> confusion = new ArrayList<>();
        List<DistributionRow> distribution = new ArrayList<>();
        groups.forEach((toxicity, bySystem) -> {
            bySystem.forEach((system, group) -> {
                agreement.add(agreementRow(toxicity, system, group));
                confusion.addAll(confusionTable(toxicity, system, group));
            });
            distribution.addAll(distribution(toxicity,
                    bySystem.values().stream().flatMap(List::stream).toList()));
        });
        return new Report(agreement, confusion, distribution);
    }

    private AgreementRow agreementRow(GradedToxicity toxicity, Optional<String> system,
                                      List<HarmonizedEpisode> group) {
        boolean comparable = system.filter(toxicity.gradingSystem()::equals).isPresent();
        long notRecorded = group.stream().filter(e -> e.recordedGrade().isEmpty()).count();
        long ungradable = group.stream().filter(e -> e.derived().optionalGrade().isEmpty()).count();
        List<HarmonizedEpisode> paired = group.stream()
                .filter(e -> e.recordedGrade().isPresent() && e.derived().optionalGrade().isPresent())
                .toList();
        long exact = paired.stream()
                .filter(e -> e.recordedGrade().getAsInt() == e.derived().optionalGrade().getAsInt())
                .count();
        OptionalDouble percent = paired.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * exact / paired.size());

        Optional<CohensKappa.Result> kappas = Optional.empty();
        Optional<String> note;
        if (comparable) {
            CohensKappa.Result result = kappa.compute(kappaTable(toxicity, paired));
            kappas = Optional.of(result);
            note = result.unweighted().undefinedReason();
        } else {
            note = Optional.of(system.map(s -> "recorded in " + s + ", re-graded in " + toxicity.gradingSystem()
                    + ": not on one scale, so no kappa").orElse("no grading system recorded, so no kappa"));
        }
        return new AgreementRow(toxicity, system, comparable, group.size(), notRecorded, ungradable, paired.size(),
                exact, percent, kappas, note);
    }

    /** Recorded grades in rows, derived in columns, over the category's whole scale. */
    private static long[][] kappaTable(GradedToxicity toxicity, List<HarmonizedEpisode> paired) {
        int k = toxicity.highestGrade() + 1;
        long[][] table = new long[k][k];
        for (HarmonizedEpisode e : paired) {
            int recorded = e.recordedGrade().getAsInt();
            if (recorded >= k) {
                throw new IllegalArgumentException(e.recordedSystem().orElseThrow() + " grade " + recorded
                        + " above the " + toxicity + " scale 0-" + toxicity.highestGrade());
            }
            table[recorded][e.derived().optionalGrade().getAsInt()]++;
        }
        return table;
    }

    private static List<ConfusionCell> confusionTable(GradedToxicity toxicity, Optional<String> system,
                                                      List<HarmonizedEpisode> group) {
        int highestRecorded = group.stream().map(HarmonizedEpisode::recordedGrade)
                .filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt)
                .max().orElse(0);
        List<OptionalInt> recordedLevels = scale(Math.max(toxicity.highestGrade(), highestRecorded),
                group.stream().anyMatch(e -> e.recordedGrade().isEmpty()));
        List<OptionalInt> derivedLevels = scale(toxicity.highestGrade(),
                group.stream().anyMatch(e -> e.derived().optionalGrade().isEmpty()));
        List<ConfusionCell> cells = new ArrayList<>();
        for (OptionalInt recorded : recordedLevels) {
            for (OptionalInt derived : derivedLevels) {
                long count = group.stream()
                        .filter(e -> e.recordedGrade().equals(recorded) && e.derived().optionalGrade().equals(derived))
                        .count();
                cells.add(new ConfusionCell(toxicity, system, recorded, derived, count));
            }
        }
        return cells;
    }

    private static List<DistributionRow> distribution(GradedToxicity toxicity, List<HarmonizedEpisode> episodes) {
        List<DistributionRow> rows = new ArrayList<>();
        for (OptionalInt grade : scale(toxicity.highestGrade(), true)) {
            long count = episodes.stream().filter(e -> e.derived().optionalGrade().equals(grade)).count();
            rows.add(new DistributionRow(toxicity, grade, count, 100.0 * count / episodes.size()));
        }
        return rows;
    }

    /** Grades 0 to highest, then empty (not recorded or ungradable) when asked for. */
    private static List<OptionalInt> scale(int highest, boolean withEmpty) {
        List<OptionalInt> levels = new ArrayList<>();
        for (int grade = 0; grade <= highest; grade++) {
            levels.add(OptionalInt.of(grade));
        }
        if (withEmpty) {
            levels.add(OptionalInt.empty());
        }
        return levels;
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
