# Onset fixtures and Weibull shape parameter (WSP) test reference values for org.iago.stats.onset.
#
# Run from this folder:  Rscript weibull_reference.R > weibull_reference.Rout.txt
# Writes onset_fixtures.csv (the samples, generated once with the seed below) and weibull_reference.csv (survreg fits).
# R 4.2.2, survival 3.5.3; RNG: Mersenne-Twister, Inversion, Rejection (R >= 3.6 defaults).

library(survival)
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20120601)

# Onset days as recorded in a report or registry: whole days from start of therapy to event, so floor() of a
# continuous time; day 0 is an event on the day of start.
early    <- floor(rweibull(60, shape = 0.6, scale = 15))   # hazard falls: early failure
constant <- floor(rexp(80, rate = 1 / 30))                 # constant hazard: random failure
wearout  <- floor(rweibull(50, shape = 2.5, scale = 40))   # hazard rises: wear-out
# A cohort with right censoring as in electronic health records (Sauzet & Cornelius 2022): event day is
# ceiling() of a continuous time, follow-up ends at loss to follow-up or at the 180-day observation period.
cohort_n   <- 150
cohort_adr <- rweibull(cohort_n, shape = 1.6, scale = 220)
cohort_end <- pmin(180, runif(cohort_n, 20, 400))
cohort_day <- ceiling(pmin(cohort_adr, cohort_end))
cohort_evt <- as.integer(cohort_adr <= cohort_end)

fixtures <- rbind(
  data.frame(fixture = "early",    day = early,      event = 1L),
  data.frame(fixture = "constant", day = constant,   event = 1L),
  data.frame(fixture = "wearout",  day = wearout,    event = 1L),
  data.frame(fixture = "cohort",   day = cohort_day, event = cohort_evt))
write.csv(fixtures, "onset_fixtures.csv", row.names = FALSE, quote = FALSE)

z975 <- qnorm(0.975)
fmt <- function(x) sprintf("%.17g", x)

# One survreg fit. zero = "half_day" replaces day 0 by 0.5, "exclude" drops it; half_period, if given, censors
# every time above it at it (the second fit of the double WSP test).
fit_row <- function(name, d, zero, period = NA_real_, half_period = FALSE) {
  zeros <- sum(d$day == 0)
  if (zero == "half_day") d$day[d$day == 0] <- 0.5 else d <- d[d$day > 0, ]
  recorded <- d$day
  if (half_period) {
    half <- period / 2
    late <- d$day > half
    d$day[late] <- half
    d$event[late] <- 0L
  }
  f <- survreg(Surv(day, event) ~ 1, data = d, dist = "weibull",
               control = survreg.control(rel.tolerance = 1e-13, iter.max = 200))
  shape <- 1 / f$scale                                    # nu = 1 / sigma
  se <- sqrt(vcov(f)["Log(scale)", "Log(scale)"])         # SE(log sigma) = SE(log nu)
  # survreg's Wald (delta-method) interval for log(scale), mapped to nu = exp(-log sigma)
  lower <- exp(-(log(f$scale) + z975 * se))
  upper <- exp(-(log(f$scale) - z975 * se))
  p <- summary(f)$table["Log(scale)", "p"]
  # quartiles (R type 7) of the recorded onset days of the events entering the fit; day 0 stays 0
  onset <- recorded[d$event == 1]
  onset[onset == 0.5 & zero == "half_day"] <- 0
  q <- quantile(onset, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  # independent check: root of the profile score equation for nu, by uniroot
  lt <- log(d$day); ev <- d$event == 1
  score <- function(k) { w <- exp(k * (lt - max(lt))); sum(w * lt) / sum(w) - 1 / k - mean(lt[ev]) }
  root <- uniroot(score, c(1e-3, 100), tol = 1e-15, maxiter = 1000)$root
  cat(sprintf("%-9s %-8s half=%-5s n=%3d events=%3d iter=%2d shape=%.15g uniroot=%.15g rel.diff=%.2e\n",
              name, zero, half_period, nrow(d), sum(d$event), f$iter, shape, root, (root - shape) / shape))
  data.frame(fixture = name, zero_onset = zero, period = if (half_period) "half" else "full",
             observation_period = if (is.na(period)) "" else fmt(period),
             n = nrow(d), events = sum(d$event), zero_onsets = zeros,
             shape = fmt(shape), scale = fmt(exp(coef(f)[[1]])), loglik = fmt(f$loglik[2]),
             se_log_shape = fmt(se), shape_lower = fmt(lower), shape_upper = fmt(upper), p_value = fmt(p),
             q1 = fmt(q[1]), median = fmt(q[2]), q3 = fmt(q[3]))
}

byname <- function(name) fixtures[fixtures$fixture == name, c("day", "event")]
rows <- rbind(
  fit_row("early",    byname("early"),    "half_day"),
  fit_row("early",    byname("early"),    "exclude"),
  fit_row("constant", byname("constant"), "half_day"),
  fit_row("constant", byname("constant"), "exclude"),
  fit_row("wearout",  byname("wearout"),  "half_day"),
  fit_row("wearout",  byname("wearout"),  "half_day", 80, half_period = TRUE),
  fit_row("cohort",   byname("cohort"),   "half_day"),
  fit_row("cohort",   byname("cohort"),   "half_day", 180, half_period = TRUE))
write.csv(rows, "weibull_reference.csv", row.names = FALSE, quote = FALSE)

cat("\nzero-day onsets per fixture:\n"); print(tapply(fixtures$day == 0, fixtures$fixture, sum))
cat("\n"); print(rows[, c("fixture", "zero_onset", "period", "n", "events", "shape", "shape_lower", "shape_upper")])
cat("\n"); print(sessionInfo())
