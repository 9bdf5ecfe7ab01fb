package org.iago.stats;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

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
 */
public record SignalThresholds(Prr prr, Ror ror, Ic ic, Ebgm ebgm, Llr llr) implements Serializable {

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

    private record File(SignalThresholds signals) {
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
