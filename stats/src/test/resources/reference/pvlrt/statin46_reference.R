# Recomputes the reference values LikelihoodRatioTestTest reads from statin46_matrix.csv, and stops unless each
# equals the recorded figure to its printed digits. Run from this folder:
#   Rscript statin46_reference.R      (R 4.2.2, Debian r-base-core; base R only)
# The table itself is pvLRT 0.5.1's dataset statin46, written out as CSV (PROVENANCE.md): pvLRT is not in Debian and
# its .rda cannot be read here, so the table is kept as copied and checked by its SHA-256.
m <- as.matrix(read.csv("statin46_matrix.csv", check.names = FALSE, row.names = 1))
N <- sum(m); events <- rowSums(m); drugs <- colSums(m)
expected <- function(i, j) events[[i]] * drugs[[j]] / N
# pvLRT's Poisson logLR (Chakraborty et al., Stat Med 2022): n ln(n/E) - (n - E) where n > E, else 0
poisson <- function(i, j) { n <- m[i, j]; E <- expected(i, j); if (n <= E) 0 else n * log(n / E) - (n - E) }
# Huang et al. 2011 (JASA 106:1230): n ln(n/E) + (n.j - n) ln((n.j - n)/(n.j - E)) where n > E, else 0
huang <- function(i, j) {
  n <- m[i, j]; E <- expected(i, j); nj <- drugs[[j]]
  if (n <= E) 0 else n * log(n / E) + (nj - n) * log((nj - n) / (nj - E))
}
mlr <- max(sapply(rownames(m), huang, j = "Atorvastatin"))
got <- c(poisson = round(poisson("Myalgia", "Atorvastatin"), 4), huang_mlr = round(mlr, 3))
want <- c(poisson = 8026.5382, huang_mlr = 8087.487)
print(rbind(got, want))
if (!isTRUE(all.equal(got, want, tolerance = 0))) stop("the statin46 reference values differ") else
  cat("both reference values recomputed\n")
