# Reference values for org.iago.stats.onset.AndersonDarlingKSample: the k-sample Anderson–Darling test of Scholz and
# Stephens (1987) as R package kSamples computes it, ad.test(..., method = "asymptotic"), both versions for tied data
# (version 1: A2kN; version 2: A2akN, midranks), their standardised forms T and the asymptotic p-values of ad.pval.
#
# ad.test rounds what it returns (signif(, 5), version 2's statistic signif(, 3)); to keep every digit, its own code is run with signif and round made the
# identity (ad_unrounded below), and each row checks that rounding gives back ad.test's printed matrix.
#
# Run from this folder:  Rscript ad_reference.R > ad_reference.Rout.txt
# R 4.2.2 and r-cran-ksamples 1.2-9 (Debian bookworm).

suppressPackageStartupMessages(library(kSamples))
fmt <- function(x) sprintf("%.17g", x)
ad_unrounded <- kSamples::ad.test
environment(ad_unrounded) <- list2env(list(signif = function(x, digits) x, round = function(x, digits) x),
                                      parent = asNamespace("kSamples"))

RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(19870901)
cases <- list(
  # hand cases: ties within and across the samples
  onset_days = list(c(0, 1, 1, 2, 3, 5, 8, 8, 14), c(1, 2, 2, 4, 7, 9, 9, 15, 21, 30, 30, 45)),
  heavy_ties = list(c(1, 1, 1, 2, 2, 3), c(1, 2, 2, 2, 3, 3, 3, 3)),
  no_ties = list(c(1.5, 5, 9, 12, 20, 3.3), c(2, 3, 4, 6, 7, 8, 10.5)),
  # T below the table's first quantile: ad.pval extrapolates to the left
  identical = list(c(1, 2, 3, 4, 5), c(1, 2, 3, 4, 5)),
  # the smallest samples: one value against four, and N = 3 (k = 2: kSamples' sigma = 0.3535534)
  single = list(c(4), c(1, 2, 3, 5)),
  three = list(c(1, 2), c(3)),
  # two values only
  two_values = list(c(0, 0, 0, 1), c(0, 1, 1, 1, 1)),
  # random onset days (ties) and continuous values
  early_late = list(rpois(60, 4), rpois(150, 6)),
  similar = list(rpois(40, 10), rpois(400, 10)),
  # T far above the table: extrapolated to the right
  far_apart = list(rpois(80, 3), rpois(300, 30)),
  continuous = list(rexp(50, 1 / 7), rweibull(70, 1.5, 9)),
  # k = 3
  three_samples = list(rpois(20, 5), rpois(25, 6), rpois(30, 5))
)

rows <- do.call(rbind, lapply(names(cases), function(name) {
  s <- cases[[name]]
  u <- ad_unrounded(s, method = "asymptotic")
  r <- ad.test(s, method = "asymptotic")
  # ad.test keeps 5 significant digits, 3 of version 2's statistic
  digits <- matrix(c(5, 5, 5, 3, 5, 5), nrow = 2, byrow = TRUE)
  stopifnot(identical(unname(signif(u$ad, digits)), unname(r$ad)))
  data.frame(case = name, k = length(s), n = paste(lengths(s), collapse = " "), sigma = fmt(u$sig),
             akn2 = fmt(u$ad[1, 1]), t1 = ifelse(is.na(u$ad[1, 2]), "NaN", fmt(u$ad[1, 2])), p1 = fmt(u$ad[1, 3]),
             aakn2 = fmt(u$ad[2, 1]), t2 = ifelse(is.na(u$ad[2, 2]), "NaN", fmt(u$ad[2, 2])), p2 = fmt(u$ad[2, 3]),
             samples = paste(sapply(s, function(x) paste(fmt(x), collapse = " ")), collapse = " | "))
}))
write.csv(rows, "ad_reference.csv", row.names = FALSE, quote = FALSE)
print(rows[, 1:10])

# all values tied: version 2 is 0/0 and ad.test stops with this error
print(try(ad.test(c(3, 3, 3), c(3, 3, 3, 3), method = "asymptotic"), silent = TRUE))
packageVersion("kSamples")
sessionInfo()
