/**
 * Signal management: the reviewers' decisions about each signal, kept with an audit trail (EMA, Guideline on good
 * pharmacovigilance practices, Module IX, Rev 1, 2017). A decision is keyed by analysis, drug and event as iago names
 * them, moves the signal between the {@link org.iago.review.ReviewState}s that {@link org.iago.review.Transitions}
 * allows, and records what the reviewer saw ({@link org.iago.review.Evidence}). {@link org.iago.review.SignalReviews}
 * keeps them, append-only, in the JobRepository's database, in tables of its own that Flyway creates and migrates
 * ({@code db/review/}); {@link org.iago.review.NeedsReview} says, without a database, whether a signal must be
 * reviewed again. Nothing here reads a run folder: the caller gives the counts and bounds.
 */
package org.iago.review;
