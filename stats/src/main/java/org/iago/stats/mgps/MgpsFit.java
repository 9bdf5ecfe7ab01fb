package org.iago.stats.mgps;

import java.util.List;

/**
 * Result of {@link MgpsEstimator#fit}: the chosen hyperparameters θ̂, the negative log-likelihood there, and what
 * every start gave, so that the agreement behind the choice can be inspected.
 *
 * @param prior                  θ̂, the estimate with the smallest negative log-likelihood among converged starts
 * @param negativeLogLikelihood  −Σ w·ln L at θ̂ (truncated at N*, see {@link MgpsEstimator})
 * @param convergedStarts        number of starts whose optimisation converged
 * @param agreeingStarts         number of converged starts (θ̂'s own included) within the agreement tolerance
 *                               of θ̂; at least 2
 * @param onBoundary             whether θ̂ lies on the bounds of the search box: the likelihood was still rising
 *                               there (a prior component concentrating ever more sharply, as with data where
 *                               nearly every pair is at its expectation), so θ̂ is the maximum within the box
 * @param starts                 one result per start optimised, in the order of the starts (the later starts are
 *                               not optimised once two earlier ones agree, see {@link MgpsEstimator})
 */
public record MgpsFit(MgpsPrior prior, double negativeLogLikelihood, int convergedStarts, int agreeingStarts,
                      boolean onBoundary, List<StartResult> starts) {

    /**
     * Copies the list of starts.
     *
     * @param prior                 θ̂
     * @param negativeLogLikelihood −Σ w·ln L at θ̂
     * @param convergedStarts       number of converged starts
     * @param agreeingStarts        number of converged starts that agree with θ̂
     * @param onBoundary            whether θ̂ lies on the bounds of the search box
     * @param starts                one result per start optimised
     */
    public MgpsFit {
        starts = List.copyOf(starts);
    }

    /**
     * What the optimisation from one start gave.
     *
     * @param start                 the starting θ
     * @param estimate              the θ the optimiser ended at (its best point if it ran out of evaluations)
     * @param negativeLogLikelihood −Σ w·ln L at {@code estimate}
     * @param converged             whether the optimiser met its stopping criterion within the evaluation budget
     * @param onBoundary            whether the estimate lies on the bounds of the search box
     * @param evaluations           number of likelihood evaluations used
     */
    public record StartResult(MgpsPrior start, MgpsPrior estimate, double negativeLogLikelihood, boolean converged,
                              boolean onBoundary, int evaluations) {
    }
}
