package org.iago.disproportionality;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The reference groups and subgroups a CAR-T drug's ROR is reported against, as Fusaroli et al. (Drug Saf
 * 2022;45:891–908, doi:10.1007/s40264-022-01194-z) report theirs: against all drugs, against drugs with a similar
 * onco-haematological indication, and in adults only. Every comparator is crossed with the whole database and each
 * subgroup level, so {@code indication} with {@code adults} is their third reference group. The subsets are defined
 * here, report by report ({@link #mask}); {@code docs/signals.md}, "Comparators and subgroups", gives the cells.
 * From {@code comparators:} of {@code conf/iago.yaml} ({@code against}, {@code subgroups}) or the options of
 * {@code iago signals}.
 *
 * @param against   the comparators, in output order; at least one
 * @param subgroups the subgroups, in output order; may be empty
 */
public record Comparators(List<Comparator> against, List<Subgroup> subgroups) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The whole database, as a subgroup: no restriction. */
    public static final String WHOLE = "all";
    /** The curated age groups of adults. */
    private static final List<String> ADULT_AGE_GROUPS = List.of("18-64", "65-74", ">=75");

    /** Who the drug's reports are compared with: the reports without the drug that are also in this group. */
    public enum Comparator {
        /** Every report: the comparator of {@code iago signals}' default {@code --background all}. */
        ALL,
        /** Reports naming a CAR-T product in any role: the comparator of {@code --background cart}. */
        CART,
        /**
         * Reports whose primary suspect drug has an INDI PT in a group of {@code conf/indication-groups.yaml}
         * (curated {@code report_indications}).
         */
        INDICATION;

        boolean contains(boolean cart, boolean indicated) {
            return switch (this) {
                case ALL -> true;
                case CART -> cart;
                case INDICATION -> indicated;
            };
        }

        /** As the output and the options spell it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A restriction of every cell to one kind of patient; a report of unknown age or sex is in no level. */
    public enum Subgroup {
        /** 18 years or older: the curated age groups 18-64, 65-74 and >=75. */
        ADULTS(List.of("adults")),
        /** Each curated age group. */
        AGE_GROUP(List.of("<18", "18-64", "65-74", ">=75")),
        /** Each sex, F and M. */
        SEX(List.of("F", "M"));

        private final List<String> levels;

        Subgroup(List<String> levels) {
            this.levels = levels;
        }

        /** The subgroup's rows as the output names them: {@code adults}, {@code age_group=18-64}, {@code sex=F}. */
        public List<String> labels() {
            return this == ADULTS ? levels : levels.stream().map(l -> label() + "=" + l).toList();
        }

        boolean contains(int level, String ageGroup, String sex) {
            return switch (this) {
                case ADULTS -> ageGroup != null && ADULT_AGE_GROUPS.contains(ageGroup);
                case AGE_GROUP -> levels.get(level).equals(ageGroup);
                case SEX -> levels.get(level).equals(sex);
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One subset of reports: a comparator within the whole database ({@link #WHOLE}) or within a subgroup level. */
    public record Subset(Comparator comparator, String subgroup) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** @throws IllegalArgumentException without a comparator */
    public Comparators {
        if (against == null || against.isEmpty()) {
            throw new IllegalArgumentException("comparators need at least one comparator (all, cart, indication)");
        }
        against = List.copyOf(against.stream().distinct().toList());
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups.stream().distinct().toList());
    }

    /**
     * The subsets counted, each a bit of {@link #mask}: {@link Comparator#ALL} first (the drug's own reports, cells a
     * and b, are always counted in it), then the other comparators, each within the whole database and every subgroup
     * level.
     */
    public List<Subset> counted() {
        List<Comparator> comparators = new ArrayList<>(List.of(Comparator.ALL));
        against.stream().filter(c -> c != Comparator.ALL).forEach(comparators::add);
        List<Subset> subsets = new ArrayList<>();
        for (Comparator c : comparators) {
            subsets.add(new Subset(c, WHOLE));
            for (Subgroup g : subgroups) {
                g.labels().forEach(label -> subsets.add(new Subset(c, label)));
            }
        }
        return subsets;
    }

    /** The subsets written, in output order: each comparator asked for, within the whole database, then each level. */
    public List<Subset> written() {
        return counted().stream().filter(s -> against.contains(s.comparator()))
                .sorted(java.util.Comparator.comparingInt(s -> against.indexOf(s.comparator()))).toList();
    }

    /**
     * The subsets of {@link #counted} a report is in, as bits.
     *
     * @param cart      whether it names a CAR-T product in any role
     * @param indicated whether its primary suspect drug has an indication in a configured group
     * @param ageGroup  its curated age group ({@code unknown} or null in no age subgroup)
     * @param sex       F, M, or anything else (in no sex subgroup)
     */
    public long mask(boolean cart, boolean indicated, String ageGroup, String sex) {
        long mask = 0;
        int bit = 0;
        for (Subset s : counted()) {
            if (s.comparator().contains(cart, indicated) && inSubgroup(s.subgroup(), ageGroup, sex)) {
                mask |= 1L << bit;
            }
            bit++;
        }
        return mask;
    }

    /** Whether the subsets need the curated indications. */
    public boolean needsIndications() {
        return against.contains(Comparator.INDICATION);
    }

    private boolean inSubgroup(String label, String ageGroup, String sex) {
        if (label.equals(WHOLE)) {
            return true;
        }
        for (Subgroup g : subgroups) {
            int level = g.labels().indexOf(label);
            if (level >= 0) {
                return g.contains(level, ageGroup, sex);
            }
        }
        throw new IllegalStateException("no subgroup " + label);
    }

    /**
     * The {@code comparators:} of a rules file: {@code against} (default {@code [all]}) and {@code subgroups}.
     *
     * @return the settings; empty when the file has none
     * @throws IllegalArgumentException for an unknown comparator or subgroup
     */
    public static Optional<Comparators> load(Path yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode node = mapper.readTree(yaml.toFile()).get("comparators");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Settings settings = mapper.treeToValue(node, Settings.class);
        return Optional.of(of(settings.against() == null ? List.of(WHOLE) : settings.against(),
                settings.subgroups() == null ? List.of() : settings.subgroups()));
    }

    /**
     * From names, as the options and the rules file spell them ({@code indication}, {@code age_group}).
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Comparators of(List<String> against, List<String> subgroups) {
        return new Comparators(against.stream().map(a -> SignalInput.option(Comparator.class, a)).toList(),
                subgroups.stream().map(s -> SignalInput.option(Subgroup.class, s)).toList());
    }

    /** The file's form. */
    record Settings(List<String> against, List<String> subgroups) {
    }
}
