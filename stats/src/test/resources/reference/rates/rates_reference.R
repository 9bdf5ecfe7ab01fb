# Reference values for org.iago.stats.rates: exact Poisson (Garwood) rate intervals, exact conditional rate ratio
# intervals and p-values (both stats::poisson.test), and a Mantel-Haenszel rate ratio with the Greenland & Robins
# (1985) variance computed by hand from its formula.
#
# Run from this folder:  Rscript rates_reference.R > rates_reference.Rout.txt
# R 4.2.2, base stats only.

fmt <- function(x) sprintf("%.17g", x)

# events, person-time (patient-days), confidence level; rates and bounds per 100 patient-days.
# 43 / 3613 and 40 / 5970 are denominators chosen to give Hill et al. (2018)'s published densities 1.19 and 0.67
# per 100 days at risk; the paper's own patient-days are not used.
rates <- data.frame(
  events = c(0, 0, 1, 2, 5, 43, 40, 100, 1000, 123456, 7),
  person_time = c(1000, 2.5, 250, 10, 123.4, 3613, 5970, 5000, 1e5, 4.5e6, 880),
  conf_level = c(0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.90))
out <- do.call(rbind, lapply(seq_len(nrow(rates)), function(i) {
  r <- rates[i, ]
  t <- poisson.test(r$events, r$person_time, conf.level = r$conf_level)
  data.frame(events = r$events, person_time = fmt(r$person_time), conf_level = fmt(r$conf_level),
             rate_per_100 = fmt(100 * t$estimate[[1]]),
             lower_per_100 = fmt(100 * t$conf.int[1]), upper_per_100 = fmt(100 * t$conf.int[2]))
}))
write.csv(out, "poisson_rate_reference.csv", row.names = FALSE, quote = FALSE)
print(out)

# index group (e.g. with antibacterial prophylaxis) vs reference group (without)
ratios <- data.frame(
  x1 = c(10, 0, 7, 0, 43, 5, 200, 3, 1000, 1, 12, 30, 9),
  t1 = c(1000, 500, 800, 100, 3613, 100, 1e4, 2.5, 5e4, 50, 1500, 2000, 700),
  x2 = c(5, 7, 0, 0, 40, 5, 150, 30, 1, 1, 4, 10, 20),
  t2 = c(2000, 800, 500, 200, 5970, 100, 1.2e4, 10, 3e3, 50, 2500, 4000, 900),
  conf_level = c(0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.90))
out <- do.call(rbind, lapply(seq_len(nrow(ratios)), function(i) {
  r <- ratios[i, ]
  t <- poisson.test(c(r$x1, r$x2), c(r$t1, r$t2), conf.level = r$conf_level)
  data.frame(x1 = r$x1, t1 = fmt(r$t1), x2 = r$x2, t2 = fmt(r$t2), conf_level = fmt(r$conf_level),
             rate_ratio = fmt(t$estimate[[1]]), lower = fmt(t$conf.int[1]), upper = fmt(t$conf.int[2]),
             p_value = fmt(t$p.value))
}))
write.csv(out, "rate_ratio_reference.csv", row.names = FALSE, quote = FALSE)
print(out)

# Mantel-Haenszel rate ratio over onset windows (days 0-30, 31-100, >100): index = prophylaxis, reference = none.
# Counts are illustrative. R_MH = sum(x1 t2 / T) / sum(x2 t1 / T), T = t1 + t2;
# Var(ln R_MH) = sum(t1 t2 (x1 + x2) / T^2) / [sum(x1 t2 / T) * sum(x2 t1 / T)]   (Greenland & Robins 1985)
strata <- data.frame(window = c("day 0-30", "day 31-100", "day >100"),
                     x1 = c(12, 6, 3), t1 = c(1650, 2900, 5200),
                     x2 = c(25, 11, 4), t2 = c(1580, 2650, 4100))
mh <- function(s, level) {
  T <- s$t1 + s$t2
  R <- sum(s$x1 * s$t2 / T)
  S <- sum(s$x2 * s$t1 / T)
  se <- sqrt(sum(s$t1 * s$t2 * (s$x1 + s$x2) / T^2) / (R * S))
  z <- qnorm(1 - (1 - level) / 2)
  data.frame(strata = nrow(s), conf_level = fmt(level), rate_ratio = fmt(R / S), se_log = fmt(se),
             lower = fmt(exp(log(R / S) - z * se)), upper = fmt(exp(log(R / S) + z * se)),
             p_value = fmt(2 * pnorm(-abs(log(R / S) / se))))
}
print(strata)
mh_out <- rbind(mh(strata, 0.95), mh(strata, 0.90))
write.csv(strata, "mantel_haenszel_strata.csv", row.names = FALSE, quote = FALSE)
write.csv(mh_out, "mantel_haenszel_reference.csv", row.names = FALSE, quote = FALSE)
print(mh_out)
cat("\n"); print(sessionInfo())
