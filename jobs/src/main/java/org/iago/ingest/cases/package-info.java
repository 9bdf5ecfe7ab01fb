/**
 * The {@code casesIngest} job: a case-level CSV table (CAERS, a line listing) into
 * {@code <lake>/cases/source=<name>/}.
 */
package org.iago.ingest.cases;
