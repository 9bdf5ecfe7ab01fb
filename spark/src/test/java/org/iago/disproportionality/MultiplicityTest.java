package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.iago.stats.FalseDiscoveryRate;
import org.iago.stats.SignalThresholds;
import org.iago.vocabulary.SignalColumn;
import org.iago.vocabulary.SignalMethod;
import org.junit.jupiter.api.Test;

/** {@link Multiplicity}: each pair's FDR over the screen, and the flags of the methods that decide by it. */
class MultiplicityTest {

    private static final SignalThresholds.Fdr NONE = new SignalThresholds.Fdr(null, null, null, null, null);

    @Test
    void givesEachPairTheFdrOfItsMethodsEvidenceAndKeepsThresholdFlags() {
        List<Object[]> rows = rows();
        Multiplicity m = Multiplicity.of(evidence(rows), thresholds(NONE));
        double[] ebgm = rows.stream().mapToDouble(v -> (Double) v[SignalColumn.EBGM_P0.ordinal()]).toArray();
        double[] prr = rows.stream().mapToDouble(v -> (Double) v[SignalColumn.PRR_P.ordinal()]).toArray();
        FalseDiscoveryRate bayesian = FalseDiscoveryRate.bayesian(ebgm);
        FalseDiscoveryRate bh = FalseDiscoveryRate.benjaminiHochberg(prr);
        for (Object[] v : rows) {
            boolean before = (Boolean) v[SignalColumn.SIGNAL_EBGM.ordinal()];
            m.complete(v);
            assertEquals(bayesian.of((Double) v[SignalColumn.EBGM_P0.ordinal()]),
                    (Double) v[SignalColumn.EBGM_FDR.ordinal()]);
            assertEquals(bh.of((Double) v[SignalColumn.PRR_P.ordinal()]), (Double) v[SignalColumn.PRR_FDR.ordinal()]);
            assertEquals(before, v[SignalColumn.SIGNAL_EBGM.ordinal()], "no FDR rule: the threshold's flag stays");
        }
    }

    @Test
    void aMethodThatDecidesByFdrFlagsThePairsAtOrBelowIt() {
        List<Object[]> rows = rows();
        Multiplicity m = Multiplicity.of(evidence(rows), thresholds(new SignalThresholds.Fdr(0.05, null, null, 0.05,
                null)));
        int flagged = 0;
        for (Object[] v : rows) {
            m.complete(v);
            double fdr = (Double) v[SignalColumn.EBGM_FDR.ordinal()];
            assertEquals(fdr <= 0.05, v[SignalColumn.SIGNAL_EBGM.ordinal()]);
            boolean prr = (Double) v[SignalColumn.PRR_FDR.ordinal()] <= 0.05 && (Long) v[SignalColumn.A.ordinal()] >= 3;
            assertEquals(prr, v[SignalColumn.SIGNAL_PRR.ordinal()], "the PRR still needs minReports");
            flagged += fdr <= 0.05 ? 1 : 0;
        }
        assertTrue(flagged > 0 && flagged < rows.size(), "some pairs, not all: " + flagged);
    }

    @Test
    void aPairWithoutEvidenceHasNoFdrAndIsNeverFlaggedByIt() {
        List<Object[]> rows = rows();
        rows.get(0)[SignalColumn.EBGM_P0.ordinal()] = null;             // no MGPS prior
        Multiplicity m = Multiplicity.of(evidence(rows), thresholds(new SignalThresholds.Fdr(null, null, null, 0.5,
                null)));
        Object[] v = m.complete(rows.get(0));
        assertNull(v[SignalColumn.EBGM_FDR.ordinal()]);
        assertFalse((Boolean) v[SignalColumn.SIGNAL_EBGM.ordinal()]);
    }

    /** 40 pairs: a few with strong evidence, most without, every evidence column filled. */
    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Object[] v = new Object[SignalColumn.COLUMNS.size()];
            double strength = i < 6 ? 1e-6 * (i + 1) : 0.2 + 0.02 * i;
            v[SignalColumn.A.ordinal()] = (long) (i % 5 + 1);
            for (SignalMethod m : SignalMethod.values()) {
                v[m.evidence().ordinal()] = Math.min(1, strength);
                v[m.flagColumn().ordinal()] = i < 3;
            }
            rows.add(v);
        }
        return rows;
    }

    private static Map<SignalMethod, double[]> evidence(List<Object[]> rows) {
        Map<SignalMethod, double[]> evidence = new EnumMap<>(SignalMethod.class);
        for (SignalMethod m : SignalMethod.values()) {
            evidence.put(m, rows.stream().mapToDouble(v -> Multiplicity.evidence(v, m)).toArray());
        }
        return evidence;
    }

    private static SignalThresholds thresholds(SignalThresholds.Fdr fdr) {
        return new SignalThresholds(new SignalThresholds.Prr(2, 4, 3), new SignalThresholds.Ror(1, 3),
                new SignalThresholds.Ic(0), new SignalThresholds.Ebgm(2), new SignalThresholds.Llr(0.05, 999, 1), fdr);
    }
}
