# Reference values for org.iago.stats.FalseDiscoveryRate: Benjamini-Hochberg adjusted p-values (R's p.adjust) and
# the Bayesian FDR of Ahmed et al. (Stat Med 2009) as PhViD 1.0.x computes it in GPS and BCPNN with RANKSTAT = 1:
#   FDR <- cumsum(post.H0[order(post.H0)]) / (1:length(post.H0))
# PhViD is not a Debian package, so its one line is evaluated here in base R; ties then share the FDR of the last of
# them (iago's rule; PhViD leaves them in input order).
#
# Run from this folder:  Rscript fdr_reference.R > fdr_reference.Rout.txt
# R 4.2.2 (Debian bookworm r-base-core), base R only.

fmt <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

set.seed(20261207)
# 'mixed': 180 null p-values (uniform) and 20 signals (small), with ties and an undefined value (NA)
null <- runif(180)
signal <- rbeta(20, 0.2, 20)
p_mixed <- c(null, signal)
p_mixed[c(7, 8, 9)] <- p_mixed[6]          # a tie of four
p_mixed[50] <- NA                          # a statistic undefined for the pair
p_mixed[60] <- 0                           # exact zero and one
p_mixed[61] <- 1
# 'small': the hand-checked example of the tests
p_small <- c(0.01, 0.04, 0.03, 0.005, 0.5, 0.04)

# posterior probabilities of H0: a mixture, with ties and an NA
post_mixed <- c(rbeta(150, 5, 1), rbeta(50, 0.3, 8))
post_mixed[c(11, 12)] <- post_mixed[10]
post_mixed[170:172] <- post_mixed[169]
post_mixed[99] <- NA
post_small <- c(0.9, 0.01, 0.2, 0.01, 0.5)

bayesian <- function(p0) {
  out <- rep(NA_real_, length(p0))
  defined <- which(!is.na(p0))
  o <- defined[order(p0[defined])]
  fdr <- cumsum(p0[o]) / seq_along(o)            # PhViD's line
  fdr <- ave(fdr, p0[o], FUN = max)               # ties: the FDR of the last of them (cumulative means only grow)
  out[o] <- fdr
  out
}

rows <- rbind(
  data.frame(set = "mixed", kind = "bh", index = seq_along(p_mixed), value = p_mixed,
             expected = p.adjust(p_mixed, method = "BH")),
  data.frame(set = "small", kind = "bh", index = seq_along(p_small), value = p_small,
             expected = p.adjust(p_small, method = "BH")),
  data.frame(set = "mixed", kind = "bayesian", index = seq_along(post_mixed), value = post_mixed,
             expected = bayesian(post_mixed)),
  data.frame(set = "small", kind = "bayesian", index = seq_along(post_small), value = post_small,
             expected = bayesian(post_small)))
rows$value <- fmt(rows$value)
rows$expected <- fmt(rows$expected)
write.csv(rows, "fdr_reference.csv", row.names = FALSE, quote = FALSE)

cat("small p-values:", p_small, "\nBH:", p.adjust(p_small, method = "BH"), "\n")
cat("small posterior H0:", post_small, "\nBayesian FDR:", bayesian(post_small), "\n")
cat("mixed: BH q <= 0.05:", sum(p.adjust(p_mixed, method = "BH") <= 0.05, na.rm = TRUE),
    "; Bayesian FDR <= 0.05:", sum(bayesian(post_mixed) <= 0.05, na.rm = TRUE), "\n")
sessionInfo()
