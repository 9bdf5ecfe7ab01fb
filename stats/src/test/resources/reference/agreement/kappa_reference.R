# Reference values for org.iago.stats.agreement.CohensKappa: Cohen's kappa (1960) and linear- and quadratic-weighted
# kappa (Cohen 1968) with the large-sample standard error of Fleiss, Cohen & Everitt (1969) and the 95% Wald
# interval, from vcd::Kappa and its confint method; observed and expected agreement in base R. psych::cohen.kappa is
# run on the same tables for comparison only (its weighted-kappa variance is a different formula, see below).
#
# Run from this folder:  Rscript kappa_reference.R > kappa_reference.Rout.txt
# R 4.2.2 with vcd 1.4-11 and psych 2.2.9 (Debian bookworm packages r-cran-vcd, r-cran-psych).

suppressPackageStartupMessages({
  library(vcd)
  library(psych)
})

fmt <- function(x) sprintf("%.17g", x)

# Long format, every cell listed (zeros too) so that each table's categories are explicit: rows are the recorded
# grade, columns the derived grade. The counts are illustrative, not patient data.
cells <- read.csv("kappa_tables.csv")
tables <- lapply(split(cells, factor(cells$table, levels = unique(cells$table))), function(t) {
  levels <- sort(unique(t$recorded))
  xtabs(count ~ factor(recorded, levels) + factor(derived, levels), data = t)
})

# vcd's weights: "Equal-Spacing" w = 1 - |i - j| / (k - 1) (linear), "Fleiss-Cohen" w = 1 - (i - j)^2 / (k - 1)^2
# (quadratic); the unweighted estimate is the same in both calls.
weightings <- c(linear = "Equal-Spacing", quadratic = "Fleiss-Cohen")
weight_matrix <- function(k, power) 1 - (abs(outer(1:k, 1:k, "-")) / (k - 1))^power

# Fleiss, Cohen & Everitt (1969) variance evaluated from its formula, as a check on vcd:
# var = { sum p_ij [w_ij - (wbar_i. + wbar_.j)(1 - kw)]^2 - [kw - pe (1 - kw)]^2 } / (n (1 - pe)^2)
fce <- function(x, w) {
  n <- sum(x); p <- x / n; r <- rowSums(p); c <- colSums(p)
  po <- sum(w * p); pe <- sum(w * outer(r, c))
  kw <- (po - pe) / (1 - pe)
  f <- w - outer(as.vector(w %*% c), as.vector(t(w) %*% r), "+") * (1 - kw)
  c(observed = po, expected = pe, kappa = kw,
    se = sqrt((sum(p * f^2) - (kw - pe * (1 - kw))^2) / (n * (1 - pe)^2)))
}

rows <- list()
for (name in names(tables)) {
  x <- tables[[name]]
  k <- nrow(x)
  cat("\n==== table", name, "(rows recorded, columns derived) ====\n")
  print(x)
  for (weights in c("none", names(weightings))) {
    vk <- Kappa(x, weights = if (weights == "none") "Equal-Spacing" else weightings[[weights]])
    est <- if (weights == "none") vk$Unweighted else vk$Weighted
    ci <- confint(vk, level = 0.95)[if (weights == "none") "Unweighted" else "Weighted", ]
    w <- if (weights == "none") diag(k) else weight_matrix(k, if (weights == "linear") 1 else 2)
    check <- fce(unclass(x), w)
    cat(sprintf("%-9s vcd kappa %.15f ASE %.15f  |  FCE formula kappa %.15f SE %.15f\n",
                weights, est[["value"]], est[["ASE"]], check[["kappa"]], check[["se"]]))
    rows[[length(rows) + 1]] <- data.frame(
      table = name, weights = weights, subjects = sum(x), categories = k,
      observed = fmt(check[["observed"]]), expected = fmt(check[["expected"]]),
      kappa = fmt(est[["value"]]), se = fmt(est[["ASE"]]), lower = fmt(ci[["lwr"]]), upper = fmt(ci[["upr"]]))
  }
  # psych for comparison: same kappa and weighted kappa, same unweighted variance. Its weighted variance puts
  # p_j. * sum_m w_jm where FCE has wbar_.j = sum_m p_m. w_mj, so its weighted SE differs unless the weights are
  # the identity (k = 2 here); where its variance comes out negative psych reports 0 (SE 0 below). Warnings about
  # clipped intervals are suppressed.
  for (weights in names(weightings)) {
    pk <- suppressWarnings(cohen.kappa(unclass(x), w = weight_matrix(k, if (weights == "linear") 1 else 2)))
    cat(sprintf("psych %-9s kappa %.15f SE %.15f  weighted %.15f SE %.15f\n", weights,
                pk$kappa, sqrt(pk$var.kappa), pk$weighted.kappa, sqrt(pk$var.weighted)))
  }
}
out <- do.call(rbind, rows)
write.csv(out, "kappa_reference.csv", row.names = FALSE, quote = FALSE)
cat("\n"); print(out)
cat("\n"); print(sessionInfo())
