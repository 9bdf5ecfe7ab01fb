# Reference values for org.iago.stats.onset.TwoSampleKolmogorovSmirnov: R's two-sample ks.test (two-sided), and the
# asymptotic p-value with the Kolmogorov series summed to convergence (R's pkstwo keeps one term of the x < 1
# series, see the class documentation).
#
# Run from this folder:  Rscript ks_reference.R > ks_reference.Rout.txt
# R 4.2.2 (Debian bookworm r-base-core), base R only.

fmt <- function(x) sprintf("%.17g", x)
kolmogorov_full <- function(x) {
  if (x <= 0) return(0)
  if (x < 1) {
    k <- seq(1, 99, by = 2)
    return(sqrt(2 * pi) / x * sum(exp(-k^2 * pi^2 / (8 * x^2))))
  }
  k <- 1:100
  1 - 2 * sum((-1)^(k - 1) * exp(-2 * k^2 * x^2))
}

set.seed(20261207)
cases <- list(
  # exact, no ties
  no_ties = list(x = c(1.5, 5, 9, 12, 20, 3.3), y = c(2, 3, 4, 6, 7, 8, 10.5)),
  # exact, with ties (whole onset days), within and across the samples
  onset_days = list(x = c(0, 1, 1, 2, 3, 5, 8, 8, 14), y = c(1, 2, 2, 4, 7, 9, 9, 15, 21, 30, 30, 45)),
  # exact, one sample of one value
  single = list(x = c(4), y = c(1, 2, 3, 5, 6, 7)),
  # exact, identical samples: D = 0, p = 1
  identical = list(x = c(1, 2, 3), y = c(1, 2, 3)),
  # exact, larger, ties: CAR-T-like onsets (days) against a later-onset comparator
  early_late = list(x = rpois(60, 4), y = rpois(150, 6)),
  # asymptotic (m n >= 10,000), ties, D small: sqrt(n) D below 1
  large_similar = list(x = rpois(120, 10), y = rpois(400, 10)),
  # asymptotic, ties, clearly different
  large_different = list(x = rpois(150, 5), y = rpois(900, 9)),
  # asymptotic, continuous values
  large_continuous = list(x = rexp(200, 1 / 7), y = rweibull(300, 1.5, 9))
)

rows <- do.call(rbind, lapply(names(cases), function(name) {
  x <- cases[[name]]$x; y <- cases[[name]]$y
  r <- suppressWarnings(ks.test(x, y))
  n <- length(x) * length(y) / (length(x) + length(y))
  full <- if (r$exact) NA else 1 - kolmogorov_full(sqrt(n) * unname(r$statistic))
  data.frame(case = name, m = length(x), n = length(y), exact = r$exact, statistic = fmt(unname(r$statistic)),
             p_r = fmt(r$p.value), p_full_series = ifelse(is.na(full), "NaN", fmt(full)),
             x = paste(fmt(x), collapse = " "), y = paste(fmt(y), collapse = " "))
}))
write.csv(rows, "ks_reference.csv", row.names = FALSE, quote = FALSE)
print(rows[, 1:7])
sessionInfo()
