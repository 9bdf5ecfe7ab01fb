# Recomputes every column of two_by_two_reference.csv that iago's tests read, from the 2x2 counts in that file, and
# stops unless each equals the committed value to 1e-12 relative (1e-9 for Fisher's p). Run from this folder:
#   Rscript two_by_two_reference.R      (R 4.2.2, Debian r-base-core; base R only)
# Formulas: ../../../../../../docs/signals.md and ../shared/reference/statistics.md; z = qnorm(0.975).
# The IC_gould_*, IC_noren2006_point and IC*_approx columns are not read by any test and are not recomputed here
# (the file was made by an earlier script that is not in this repository; these columns are kept as it wrote them).
x <- read.csv("two_by_two_reference.csv", check.names = FALSE)
a <- as.numeric(x$a); b <- as.numeric(x$b); c <- as.numeric(x$c); d <- as.numeric(x$d)
N <- a + b + c + d
z <- qnorm(0.975)
E <- (a + b) * (a + c) / N                                   # expected count under independence
prr <- (a / (a + b)) / (c / (c + d))                         # Evans 2001
se_prr <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
ror <- (a * d) / (b * c)                                     # Rothman 2004
se_ror <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
chisq <- function(correct) mapply(function(a, b, c, d)
  suppressWarnings(chisq.test(matrix(c(a, c, b, d), 2), correct = correct)$statistic), a, b, c, d)
ic <- log2((a + 0.5) / (E + 0.5))                            # Noren 2013 shrinkage
fisher <- mapply(function(a, b, c, d) fisher.test(matrix(c(a, c, b, d), 2), alternative = "greater")$p.value,
  a, b, c, d)
got <- list(N = N, E = E, PRR = prr, PRR_lo95 = prr * exp(-z * se_prr), PRR_hi95 = prr * exp(z * se_prr),
  chisq_yates = chisq(TRUE), chisq_uncorrected = chisq(FALSE), ROR = ror,
  ROR_lo95 = ror * exp(-z * se_ror), ROR_hi95 = ror * exp(z * se_ror), IC_shrink = ic,
  IC025_gamma = log2(qgamma(0.025, a + 0.5, E + 0.5)), IC975_gamma = log2(qgamma(0.975, a + 0.5, E + 0.5)),
  fisher_p_greater = fisher)
tolerance <- c(fisher_p_greater = 1e-9)
bad <- 0
for (col in names(got)) {
  want <- as.numeric(x[[col]]); have <- as.numeric(got[[col]])
  tol <- if (col %in% names(tolerance)) tolerance[[col]] else 1e-12
  ok <- (is.na(want) & is.na(have)) | (is.finite(want) & abs(have - want) <= tol * abs(want)) |
    (!is.finite(want) & !is.na(want) & want == have)
  if (!all(ok)) { bad <- bad + 1; cat("MISMATCH", col, "rows", which(!ok), "\n"); print(cbind(want, have)[!ok, ]) }
}
if (bad > 0) stop(bad, " columns differ") else cat("all", length(got), "columns equal the committed file\n")
