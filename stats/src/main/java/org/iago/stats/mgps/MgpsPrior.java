package org.iago.stats.mgps;

/**
 * Hyperparameters θ = (α<sub>1</sub>, β<sub>1</sub>, α<sub>2</sub>, β<sub>2</sub>, P) of the MGPS prior: the
 * true relative reporting ratio λ of a drug–event pair follows the two-component gamma mixture
 *
 * <pre>
 *   π(λ; θ) = P·g(λ; α1, β1) + (1 − P)·g(λ; α2, β2),   g(λ; α, β) = β^α λ^(α−1) e^(−βλ) / Γ(α)
 * </pre>
 *
 * <p>with shapes α<sub>k</sub>, rates β<sub>k</sub> and mixture fraction P, the weight of the first component.
 * Instances are immutable; the constructor enforces α<sub>k</sub> &gt; 0, β<sub>k</sub> &gt; 0 and 0 &lt; P &lt; 1
 * (the two end points would leave a one-component model that the estimator does not fit).
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W (1999). Bayesian data mining in large frequency tables, with an application to the FDA
 *       spontaneous reporting system. <i>The American Statistician</i> 53(3):177–190.
 *       doi:10.1080/00031305.1999.10474456</li>
 *   <li>Canida T, Ihrie J (2017). openEBGM: an R implementation of the Gamma-Poisson Shrinker data mining model.
 *       <i>The R Journal</i> 9(2):499–519. doi:10.32614/RJ-2017-063</li>
 * </ol>
 *
 * @param alpha1          shape α<sub>1</sub> of the first gamma component, &gt; 0
 * @param beta1           rate β<sub>1</sub> of the first gamma component, &gt; 0
 * @param alpha2          shape α<sub>2</sub> of the second gamma component, &gt; 0
 * @param beta2           rate β<sub>2</sub> of the second gamma component, &gt; 0
 * @param mixtureFraction P, the prior weight of the first component, in (0, 1)
 */
public record MgpsPrior(double alpha1, double beta1, double alpha2, double beta2, double mixtureFraction) {

    /**
     * Checks the parameter space.
     *
     * @param alpha1          shape α<sub>1</sub>
     * @param beta1           rate β<sub>1</sub>
     * @param alpha2          shape α<sub>2</sub>
     * @param beta2           rate β<sub>2</sub>
     * @param mixtureFraction P
     * @throws IllegalArgumentException if a shape or rate is not a finite positive number, or if the mixture
     *                                  fraction is not strictly between 0 and 1
     */
    public MgpsPrior {
        requirePositive("alpha1", alpha1);
        requirePositive("beta1", beta1);
        requirePositive("alpha2", alpha2);
        requirePositive("beta2", beta2);
        if (!(mixtureFraction > 0 && mixtureFraction < 1)) {
            throw new IllegalArgumentException("mixtureFraction P must be in (0, 1), got " + mixtureFraction);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a finite positive number, got " + value);
        }
    }
}
