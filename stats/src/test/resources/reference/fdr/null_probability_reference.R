# Reference values for org.iago.stats.NullProbability: each method's evidence against "no association" for one pair,
# the inputs of the false discovery rates (PhViD 1.0.x, read with the search tool: R/PRR.R, R/ROR.R, R/GPS.R).
#  - PRR, ROR: one-sided p-value of the log ratio, 1 - pnorm(log(ratio), 0, se) (PhViD's PRR and ROR, RR0 = 1)
#  - IC: posterior probability that mu <= 1 under Gamma(a + 1/2, rate E + 1/2) (Noren et al. 2013)
#  - EBGM: posterior probability that lambda <= 1 under the MGPS posterior mixture (PhViD's GPS post.H0)
#
# Run from this folder:  Rscript null_probability_reference.R > null_probability_reference.Rout.txt
# R 4.2.2 (Debian bookworm r-base-core), base R only.

fmt <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

# a, drug total, event total, N: 2x2 cells b = nd - a, c = ne - a, d = N - nd - ne + a
pairs <- data.frame(
  a  = c(1, 3, 12, 40, 0, 5, 2, 150, 7),
  nd = c(50, 20, 300, 500, 80, 5, 60, 2000, 900),
  ne = c(200, 40, 1000, 2500, 300, 400, 9, 6000, 7),
  n  = c(10000, 10000, 50000, 100000, 10000, 10000, 10000, 1e6, 20000))
pairs$b <- pairs$nd - pairs$a
pairs$c <- pairs$ne - pairs$a
pairs$d <- pairs$n - pairs$nd - pairs$ne + pairs$a
pairs$expected <- pairs$nd * pairs$ne / pairs$n

one_sided <- function(log_ratio, se) ifelse(is.finite(se), 1 - pnorm(log_ratio, 0, se), NaN)
with(pairs, {
  prr_log <- log((a / (a + b)) / (c / (c + d)))
  prr_se <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
  ror_log <- log((a * d) / (b * c))
  ror_se <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  pairs$prr_p <<- ifelse(a == 0, 1, one_sided(prr_log, prr_se))
  pairs$ror_p <<- ifelse(a == 0, 1, one_sided(ror_log, ror_se))
  pairs$ic_p0 <<- pgamma(1, shape = a + 0.5, rate = expected + 0.5)
})

# MGPS posterior under openEBGM's vignette prior for CAERS (theta as its vignette prints it)
theta <- c(alpha1 = 3.25379, beta1 = 0.39988, alpha2 = 2.02784, beta2 = 1.90858, p = 0.06536)
q_n <- function(n, e) {
  f1 <- dnbinom(n, size = theta[["alpha1"]], prob = theta[["beta1"]] / (theta[["beta1"]] + e))
  f2 <- dnbinom(n, size = theta[["alpha2"]], prob = theta[["beta2"]] / (theta[["beta2"]] + e))
  theta[["p"]] * f1 / (theta[["p"]] * f1 + (1 - theta[["p"]]) * f2)
}
q <- q_n(pairs$a, pairs$expected)
pairs$ebgm_p0 <- q * pgamma(1, theta[["alpha1"]] + pairs$a, theta[["beta1"]] + pairs$expected) +
  (1 - q) * pgamma(1, theta[["alpha2"]] + pairs$a, theta[["beta2"]] + pairs$expected)

out <- pairs[, c("a", "b", "c", "d", "expected", "prr_p", "ror_p", "ic_p0", "ebgm_p0")]
for (col in c("expected", "prr_p", "ror_p", "ic_p0", "ebgm_p0")) out[[col]] <- fmt(out[[col]])
write.csv(out, "null_probability_reference.csv", row.names = FALSE, quote = FALSE)
print(out)
cat("theta:", theta, "\n")
sessionInfo()
