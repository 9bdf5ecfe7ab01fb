# Generates registry_cohort.csv once (seeded); the committed CSV, not this script, is the test input.
# Synthetic CAR-T registry cohort: days from infusion (day 0) to the first grade >= 3 infection (status 1),
# to death without such an infection (status 2, the competing event), or to censoring (status 0) at last
# follow-up. Times are floored to whole days, which gives ties (also between events and censorings) and
# zero-length times (events on the infusion day).
set.seed(1988)
size <- c(A = 45, B = 45, C = 30)
product <- rep(names(size), size)
n <- length(product)
infection <- rweibull(n, shape = 0.7, scale = c(A = 150, B = 400, C = 250)[product])
death <- rexp(n, rate = 1 / c(A = 700, B = 500, C = 600)[product])
followup <- runif(n, 30, 365)
time <- pmin(infection, death, followup)
status <- ifelse(time == infection, 1L, ifelse(time == death, 2L, 0L))
cohort <- data.frame(patient = sprintf("P%03d", seq_len(n)), product = product,
                     time = floor(time), status = status)
write.csv(cohort, "registry_cohort.csv", row.names = FALSE, quote = FALSE)
