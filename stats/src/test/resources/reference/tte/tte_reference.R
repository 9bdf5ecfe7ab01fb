# Expected values for the org.iago.stats.tte tests (KaplanMeier, CumulativeIncidence, GraysTest).
# Run in this directory: Rscript tte_reference.R   (R 4.2.2, survival 3.5.3, cmprsk 2.2.11; see PROVENANCE.md)
# Inputs: registry_cohort.csv (from make_fixture.R) and edge_cases.csv (written by hand).
# Outputs (numbers as %.17g, NA where R gives NA): km.csv, km_median.csv, km_cohort_conf90.csv, cuminc.csv,
# aalen_johansen.csv, grays_test.csv.
suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
})

num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_table <- function(d, file) {
  d[] <- lapply(d, function(column) if (is.numeric(column)) num(column) else column)
  write.csv(d, file, row.names = FALSE, quote = FALSE)
}

cohort <- read.csv("registry_cohort.csv")
edge <- read.csv("edge_cases.csv")
# one data set per subset: the whole cohort, each product, each hand-written edge case
subsets <- c(list(all = cohort), split(cohort, cohort$product), split(edge, edge$case))
z <- qnorm(0.975)

km_steps <- function(fit, subset) {
  data.frame(subset = subset, time = fit$time, n.risk = fit$n.risk, n.event = fit$n.event,
             n.censor = fit$n.censor, surv = fit$surv, std.err = fit$std.err,
             lower = fit$lower, upper = fit$upper)
}

km <- list(); km_median <- list(); cif <- list(); aj <- list()
for (name in names(subsets)) {
  d <- subsets[[name]]
  # Kaplan-Meier of all-cause event-free survival, default conf.type = "log", conf.int = 0.95
  fit <- survfit(Surv(time, status > 0) ~ 1, data = d)
  km[[name]] <- km_steps(fit, name)
  q <- quantile(fit, probs = 0.5)
  km_median[[name]] <- data.frame(subset = name, median = unname(q$quantile),
                                  lower = unname(q$lower), upper = unname(q$upper))
  # Aalen-Johansen estimates of the multi-state survfit (states: event-free, cause 1, cause 2)
  ms <- survfit(Surv(time, factor(status, levels = 0:2)) ~ 1, data = d)
  aj[[name]] <- data.frame(subset = name, time = ms$time, pstate0 = ms$pstate[, 1],
                           pstate1 = ms$pstate[, 2], pstate2 = ms$pstate[, 3])
  # cuminc fails when no subject has an event ("censored" case): nothing to compare there
  if (any(d$status > 0)) {
    ci <- cuminc(d$time, d$status, cencode = 0)
    for (curve in names(ci)) {
      cause <- sub("^1 ", "", curve)
      step <- as.data.frame(ci[[curve]][c("time", "est", "var")])
      # cuminc lists both corners of each jump; keep the value after the jump at each time
      step <- step[!duplicated(step$time, fromLast = TRUE), ]
      # log(-log) pointwise interval: est^exp(+-z sqrt(var) / (est log est)); 0 at est = 0, NA at est = 1
      w <- z * sqrt(step$var) / (step$est * log(step$est))
      lower <- ifelse(step$est == 0, 0, ifelse(step$est == 1, NA, step$est^exp(-w)))
      upper <- ifelse(step$est == 0, 0, ifelse(step$est == 1, NA, step$est^exp(w)))
      cif[[paste(name, cause)]] <- data.frame(subset = name, cause = cause, time = step$time,
                                              est = step$est, var = step$var, lower = lower, upper = upper)
    }
  }
}
write_table(do.call(rbind, km), "km.csv")
write_table(do.call(rbind, km_median), "km_median.csv")
write_table(do.call(rbind, cif), "cuminc.csv")
write_table(do.call(rbind, aj), "aalen_johansen.csv")

fit90 <- survfit(Surv(time, status > 0) ~ 1, data = cohort, conf.int = 0.90)
write_table(km_steps(fit90, "all")[, c("subset", "time", "lower", "upper")], "km_cohort_conf90.csv")

# Gray's test: per-group CIFs and Tests of cuminc with a group, for three and for two products, rho 0 and 1
gray <- function(d, comparison, rho) {
  g <- cuminc(d$time, d$status, group = d$product, rho = rho, cencode = 0)
  tests <- g$Tests
  list(tests = data.frame(comparison = comparison, rho = rho, cause = rownames(tests),
                          stat = tests[, "stat"], pv = tests[, "pv"], df = tests[, "df"],
                          pv.upper = pchisq(tests[, "stat"], tests[, "df"], lower.tail = FALSE)),
       fit = g)
}
abc <- gray(cohort, "A-B-C", 0)
ab <- cohort[cohort$product %in% c("A", "B"), ]
write_table(rbind(abc$tests, gray(cohort, "A-B-C", 1)$tests, gray(ab, "A-B", 0)$tests,
                  gray(ab, "A-B", 1)$tests), "grays_test.csv")

# the group curves of the grouped cuminc call must equal those of the per-product subsets above
for (curve in grep("^[ABC] ", names(abc$fit), value = TRUE)) {
  step <- as.data.frame(abc$fit[[curve]][c("time", "est", "var")])
  step <- step[!duplicated(step$time, fromLast = TRUE), ]
  mine <- cif[[curve]]
  stopifnot(identical(step$time, mine$time), identical(step$est, mine$est), identical(step$var, mine$var))
}
