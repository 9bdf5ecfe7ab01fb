package org.iago.stats;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The signal rules of {@code conf/iago.yaml}, one per method, and the flags they give a pair. A rule on a bound that is
 * NaN (undefined by the method's conventions) does not signal. Serializable: Spark ships the rules with its tasks.
 *
 * @param prr  Evans et al. 2001: PRR ≥ minPrr, Yates χ² ≥ minChiSquared, a ≥ minReports
 * @param ror  lower 95% bound &gt; minLower and a ≥ minReports
 * @param ic   IC025 &gt; minIc025
 * @param ebgm EB05 ≥ minEb05
 * @param llr  Monte Carlo p &lt; maxP, with the number of simulations and the seed
 * @param fdr  optional: the methods that decide by false discovery rate instead ({@link FalseDiscoveryRate}), each
 *             with the largest FDR it declares; null or empty when every method uses its threshold rule
 */
public record SignalThresholds(Prr prr, Ror ror, Ic ic, Ebgm ebgm, Llr llr, Fdr fdr) implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Prr(double minPrr, double minChiSquared, long minReports) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Ror(double minLower, long minReports) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Ic(double minIc025) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Ebgm(double minEb05) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Llr(double maxP, int simulations, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The largest FDR at which each method declares a pair a signal, as PhViD's {@code DECISION = 1}; a null entry
     * keeps the method's threshold rule. The PRR and ROR still need their {@code minReports}.
     */
    public record Fdr(Double prr, Double ror, Double ic, Double ebgm, Double llr) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Fdr {
            for (Double q : new Double[] {prr, ror, ic, ebgm, llr}) {
                if (q != null && !(q > 0 && q < 1)) {
                    throw new IllegalArgumentException("an FDR rule must lie in (0, 1): " + q);
                }
            }
        }
    }

    /**
     * The settings beside the rules are read elsewhere: interactions by {@code disproportionality.InteractionPairs},
     * masking by {@code disproportionality.MaskingSettings}, comparators by {@code disproportionality.Comparators}.
     */
    @JsonIgnoreProperties({"interactions", "masking", "comparators"})
    private record File(SignalThresholds signals) {
    }

    /**
     * The largest FDR that declares a pair for the method, when it decides by FDR.
     *
     * @param method prr, ror, ic, ebgm or llr
     * @return the rule's FDR; empty when the method keeps its threshold rule
     */
    public Optional<Double> maxFdr(String method) {
        if (fdr == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (method) {
            case "prr" -> fdr.prr();
            case "ror" -> fdr.ror();
            case "ic" -> fdr.ic();
            case "ebgm" -> fdr.ebgm();
            case "llr" -> fdr.llr();
            default -> throw new IllegalArgumentException("no such method: " + method);
        });
    }

    /**
     * The flag of a method that decides by FDR: FDR ≤ its rule, and for the PRR and ROR at least their minimum
     * number of reports. A NaN FDR (no evidence for the pair) never flags.
     */
    public boolean signalAtFdr(String method, long a, double falseDiscoveryRate) {
        double q = maxFdr(method).orElseThrow(() -> new IllegalStateException(method + " decides by its threshold"));
        long minReports = switch (method) {
            case "prr" -> prr.minReports();
            case "ror" -> ror.minReports();
            default -> 0;
        };
        return a >= minReports && falseDiscoveryRate <= q;
    }

    public static SignalThresholds load(Path yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(yaml.toFile(), File.class).signals();
    }

    public boolean prrSignal(long a, ProportionalReportingRatio.Result r) {
        return a >= prr.minReports() && r.prr() >= prr.minPrr() && r.chiSquaredYates() >= prr.minChiSquared();
    }

    public boolean rorSignal(long a, ReportingOddsRatio.Result r) {
        return a >= ror.minReports() && r.lower() > ror.minLower();
    }

    public boolean icSignal(InformationComponent.Result r) {
        return r.ic025() > ic.minIc025();
    }

    public boolean ebgmSignal(double eb05) {
        return eb05 >= ebgm.minEb05();
    }

    public boolean llrSignal(double p) {
        return p < llr.maxP();
    }
}
