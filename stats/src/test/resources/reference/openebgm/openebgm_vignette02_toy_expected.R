# Rebuilds openebgm_vignette02_toy_expected.csv from openebgm_vignette02_toy_input.csv (openEBGM vignette 2's toy
# table): N, E, RR and PRR of every var1 x var2 pair, zero cells included, unstratified and stratified by
# strat1 x strat2, as openEBGM 0.9.1's processRaw(toy, stratify, zeroes = TRUE, digits = 10) computes them.
# openEBGM is not in Debian (and CRAN is not reachable here), so processRaw's formulas are written out in base R from
# its public source, R/f_transformInput.R of the CRAN package:
#   N = distinct ids with the pair; N_v1, N_v2 = distinct ids with var1, with var2; N_tot = distinct ids
#   E = N_v1 * N_v2 / N_tot, or stratified sum over strata of N_v1_str * N_v2_str / N_tot_str
#   RR = round(N / E, digits) (0 for 0/0); PRR = round((N / N_v1) / ((N_v2 - N) / (N_tot - N_v1)), digits), unstratified
# Run in this folder: Rscript openebgm_vignette02_toy_expected.R  (R 4.2.2, base R only)
toy <- read.csv("openebgm_vignette02_toy_input.csv", stringsAsFactors = FALSE)
digits <- 10
distinct <- function(rows) length(unique(toy$id[rows]))
toy$stratum <- paste(toy$strat1, toy$strat2, sep = "-")
strata <- unique(toy$stratum)

pairs <- expand.grid(var2 = sort(unique(toy$var2)), var1 = sort(unique(toy$var1)),
                     stringsAsFactors = FALSE)[, c("var1", "var2")]
rows <- function(stratified) {
  out <- pairs
  out$N <- mapply(function(v1, v2) distinct(toy$var1 == v1 & toy$var2 == v2), pairs$var1, pairs$var2)
  n_v1 <- sapply(pairs$var1, function(v1) distinct(toy$var1 == v1))
  n_v2 <- sapply(pairs$var2, function(v2) distinct(toy$var2 == v2))
  n_tot <- distinct(rep(TRUE, nrow(toy)))
  out$E <- if (!stratified) {
    n_v1 * n_v2 / n_tot
  } else {
    mapply(function(v1, v2) sum(sapply(strata, function(s) {
      in_s <- toy$stratum == s
      distinct(in_s & toy$var1 == v1) * distinct(in_s & toy$var2 == v2) / distinct(in_s)
    })), pairs$var1, pairs$var2)
  }
  rr <- round(out$N / out$E, digits)
  out$RR <- ifelse(is.nan(rr), 0, rr)
  prr <- round((out$N / n_v1) / ((n_v2 - out$N) / (n_tot - n_v1)), digits)
  out$PRR <- ifelse(is.nan(prr), Inf, prr)
  out$variant <- if (stratified) "stratified strat1 x strat2" else "unstratified"
  out
}
write.csv(rbind(rows(FALSE), rows(TRUE)), "openebgm_vignette02_toy_expected.csv", row.names = FALSE)
