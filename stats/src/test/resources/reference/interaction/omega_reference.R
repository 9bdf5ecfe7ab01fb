# Reference values for org.iago.stats.InteractionShrinkage: the Omega drug-drug interaction measure of
# Noren GN, Sundberg R, Bate A, Edwards IR. Stat Med 2008;27(16):3057-70, doi:10.1002/sim.3247.
# The formula is transcribed here in base R (pvOmega and DiAna are not packaged for Debian); equation numbers as in
# the Javadoc of InteractionShrinkage (eqs. 16 and 19-20 of the paper, as pvOmega's omega_from_counts.R numbers them).
# Run in this folder: Rscript omega_reference.R > omega_reference.Rout.txt
options(digits = 17)

omega <- function(n111, n11, n101, n10, n011, n01, n001, n00) {
  f <- function(x, n) if (n == 0) NaN else x / n                  # (1)
  f00 <- f(n001, n00); f10 <- f(n101, n10); f01 <- f(n011, n01); f11 <- f(n111, n11)
  if (any(is.nan(c(f00, f10, f01, f11)))) {
    g11 <- NaN
  } else if (f00 == 1 || f10 == 1 || f01 == 1) {
    g11 <- 1                                                      # limit of (3) as an odds -> Inf (iago's choice)
  } else {
    o <- function(p) p / (1 - p)                                  # (2)
    g11 <- 1 - 1 / (max(o(f00), o(f10)) + max(o(f00), o(f01)) - o(f00) + 1)   # (3), eq. 16
  }
  E111 <- g11 * n11                                               # (4)
  shape <- n111 + 0.5
  rate <- E111 + 0.5
  c(f00 = f00, f10 = f10, f01 = f01, f11 = f11, g11 = g11, E111 = E111,
    omega = log2(shape / rate),                                   # (5), eq. 19
    omega025 = if (is.nan(rate)) NaN else log2(qgamma(0.025, shape = shape, rate = rate)),   # (6), eq. 20
    omega975 = if (is.nan(rate)) NaN else log2(qgamma(0.975, shape = shape, rate = rate)))   # (7), eq. 20
}

# case, n111, n11., n101, n10., n011, n01., n001, n00.
cases <- rbind(
  # Noren et al. 2008 Table II (itraconazole + oral contraceptives, delayed withdrawal bleeding) as pvOmega's test
  # "against article example" enters it: n1.. = 33 (its Rd example has 39), giving n10. = 10, n101 = 0
  data.frame(case = "noren2008_table2", n111 = 10, n11 = 23, n101 = 0, n10 = 10, n011 = 9, n01 = 1466,
             n001 = 20, n00 = 4004),
  # DiAna 2.1.0 tests/testthat/test-omega.R: paracetamol + ibuprofen, overdose, on DiAna's sample data
  data.frame(case = "diana_sample", n111 = 0, n11 = 6, n101 = 5, n10 = 45, n011 = 0, n01 = 9, n001 = 10, n00 = 940),
  # the hand-checked table of InteractionShrinkageTest: f00 = 0.1, f10 = 0.2, f01 = 0.25, f11 = 0.5
  data.frame(case = "hand", n111 = 10, n11 = 20, n101 = 20, n10 = 100, n011 = 10, n01 = 40, n001 = 100, n00 = 1000),
  # special cases
  data.frame(case = "all_f_zero", n111 = 3, n11 = 10, n101 = 0, n10 = 50, n011 = 0, n01 = 50, n001 = 0, n00 = 900),
  data.frame(case = "f10_one", n111 = 4, n11 = 5, n101 = 7, n10 = 7, n011 = 1, n01 = 30, n001 = 10, n00 = 500),
  data.frame(case = "f00_one", n111 = 2, n11 = 2, n101 = 1, n10 = 3, n011 = 1, n01 = 3, n001 = 4, n00 = 4),
  data.frame(case = "f11_one", n111 = 6, n11 = 6, n101 = 2, n10 = 40, n011 = 3, n01 = 60, n001 = 20, n00 = 2000),
  data.frame(case = "d1_below_background", n111 = 5, n11 = 12, n101 = 1, n10 = 200, n011 = 9, n01 = 30,
             n001 = 80, n00 = 1000),
  data.frame(case = "n11_zero", n111 = 0, n11 = 0, n101 = 3, n10 = 20, n011 = 2, n01 = 30, n001 = 10, n00 = 500),
  data.frame(case = "n10_zero", n111 = 2, n11 = 5, n101 = 0, n10 = 0, n011 = 2, n01 = 30, n001 = 10, n00 = 500),
  data.frame(case = "n00_zero", n111 = 2, n11 = 5, n101 = 1, n10 = 9, n011 = 2, n01 = 30, n001 = 0, n00 = 0),
  data.frame(case = "large", n111 = 1500, n11 = 20000, n101 = 9000, n10 = 400000, n011 = 3000, n01 = 150000,
             n001 = 60000, n00 = 19000000)
)
# random tables (fixed seed): group sizes and event fractions over several orders of magnitude
set.seed(20081015)
for (i in 1:40) {
  n <- c(rpois(1, exp(runif(1, 0, 6))) + 1, rpois(3, exp(runif(3, 1, 11))) + 1)
  p <- exp(runif(4, log(1e-4), log(0.6)))
  x <- rbinom(4, n, p)
  cases <- rbind(cases, data.frame(case = sprintf("random_%02d", i), n111 = x[1], n11 = n[1], n101 = x[2],
                                   n10 = n[2], n011 = x[3], n01 = n[3], n001 = x[4], n00 = n[4]))
}

values <- t(sapply(seq_len(nrow(cases)), function(i) with(cases[i, ],
  omega(n111, n11, n101, n10, n011, n01, n001, n00))))
out <- cbind(cases, values)
num <- names(out)[-1]
for (col in num) out[[col]] <- ifelse(is.na(out[[col]]), "NaN", sprintf("%.17g", out[[col]]))
write.csv(out, "omega_reference.csv", row.names = FALSE, quote = FALSE)

cat("Noren 2008 Table II as pvOmega's test expects it: omega 4.03346986434757, lower 3.00332741843529,",
    "upper 4.79004083721906, E111 0.141200545702593\n")
print(out[out$case == "noren2008_table2", ])
cat("DiAna's test expects: E111 0.666666666666667, omega -1.22239242133645, lower -11.2142802371433,",
    "upper 1.10641135999973\n")
print(out[out$case == "diana_sample", ])
print(out[1:12, ])
sessionInfo()
