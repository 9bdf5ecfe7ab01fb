# Reference values for org.iago.stats.MaskingRatio: the masking ratio of
# Maignen F, Hauben M, Hung E, Van Holle L, Dogne JM. Pharmacoepidemiol Drug Saf 2014;23(2):208-17 (doi:10.1002/pds.3530)
# and 195-207 (doi:10.1002/pds.3529), and the event-competition removal of Salvo et al. Drug Saf 2013;36:565-72.
# Base R only; equation numbers as in the Javadoc of MaskingRatio.
# Run in this folder: Rscript masking_reference.R > masking_reference.Rout.txt
options(digits = 17)
z <- qnorm(0.975)

ratio <- function(x, y) if (is.finite(y) && y > 0) x / y else NaN
prr <- function(a, b, c, d) (a / (a + b)) / (c / (c + d))                      # (2)
ror <- function(a, b, c, d) (a * d) / (b * c)                                   # (2)
ror_ci <- function(a, b, c, d) {
  r <- ror(a, b, c, d)
  if (is.nan(r)) return(c(NaN, NaN))
  if (min(a, b, c, d) == 0) return(c(0, Inf))                                  # infinite standard error
  se <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  exp(log(r) + c(-1, 1) * z * se)
}
approx_mr <- function(c, d, mE, m) {                                            # (5)
  if (c == 0 || c + d - m == 0) return(NaN)
  after <- (c - mE) / (c + d - m)
  if (after == 0) Inf else (c / (c + d)) / after
}

masking <- function(a, b, c, d, ar, br, cr, dr) {
  a2 <- a - ar; b2 <- b - br; c2 <- c - cr; d2 <- d - dr                       # (1)
  p <- prr(a, b, c, d); r <- ror(a, b, c, d)
  p2 <- prr(a2, b2, c2, d2); r2 <- ror(a2, b2, c2, d2)
  ci <- ror_ci(a2, b2, c2, d2)
  c(prr = p, ror = r, prr_after = p2, ror_after = r2, ror_lower_after = ci[1], ror_upper_after = ci[2],
    masking_ratio = ratio(p2, p),                                               # (3)
    ror_ratio = ratio(r2, r),                                                   # (4)
    masking_ratio_approx = approx_mr(c, d, cr, cr + dr))
}

# case, a, b, c, d, then the removed reports ar, br, cr, dr
cases <- rbind(
  # by hand: a masker with 40 of E's 50 background reports and 60 others
  c("hand", 10, 90, 50, 850, 0, 0, 40, 60),
  # the same masker naming D on 4 reports (2 with E): the exact removal differs from (5)
  c("hand_overlap", 10, 90, 50, 850, 2, 2, 40, 60),
  # event competition: 30 of D's other-event reports and 100 of the background's carry a competing event
  c("competition", 10, 90, 50, 850, 0, 30, 0, 100),
  c("nothing_removed", 10, 90, 50, 850, 0, 0, 0, 0),
  # the masker held every background report of E: PRR' = Inf
  c("c_emptied", 10, 90, 50, 850, 0, 0, 50, 100),
  # the masker is D itself: every report of D removed
  c("d_itself", 10, 90, 50, 850, 10, 90, 0, 0),
  # every report of E removed
  c("event_emptied", 10, 90, 50, 850, 10, 0, 50, 0),
  # zero cells on all reports
  c("a_zero", 0, 100, 50, 850, 0, 0, 20, 30),
  c("c_zero", 10, 90, 0, 900, 0, 0, 0, 100),
  # a masker that lowers the background share of E (MR < 1)
  c("unmasks_nothing", 10, 90, 50, 850, 0, 0, 1, 199)
)

set.seed(20140201)
random <- t(sapply(1:30, function(i) {
  a <- rpois(1, 8) + 1; b <- rpois(1, 300) + 1; c <- rpois(1, 200) + 1; d <- rpois(1, 20000) + 1
  ar <- rbinom(1, a, 0.2); br <- rbinom(1, b, 0.05); cr <- rbinom(1, c, 0.6); dr <- rbinom(1, d, 0.05)
  c(paste0("random_", i), a, b, c, d, ar, br, cr, dr)
}))
cases <- rbind(cases, random)
colnames(cases) <- c("case", "a", "b", "c", "d", "ar", "br", "cr", "dr")

out <- data.frame(cases, stringsAsFactors = FALSE)
values <- t(apply(cases, 1, function(r) {
  n <- as.numeric(r[-1]); masking(n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8])
}))
fmt <- function(x) ifelse(is.nan(x), "NaN", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"),
                                                   sprintf("%.17g", x)))
for (col in colnames(values)) out[[col]] <- fmt(values[, col])
write.csv(out, "masking_reference.csv", row.names = FALSE, quote = FALSE)

cat("hand: MR = (50/900)/(10/800) =", 50 / 900 / (10 / 800), "\n")
print(out[1:10, ])
sessionInfo()
