/**
 * The nightly pipeline as one restartable Spring Batch job ({@link org.iago.pipeline.NightlyJobConfiguration}):
 * ingest what is new in the inbox ({@link org.iago.pipeline.ExtractsIngestStep}, by SHA-256 in the
 * {@link org.iago.pipeline.InboxLedger}), curate, detect, onset, registry time-to-event, compare each signal with the
 * last successful run ({@link org.iago.pipeline.SignalStatus}), write the provenance and the report, each step
 * skipped when its inputs ({@link org.iago.pipeline.StepInputs}) did not change. Runs go to
 * {@code runs/<run-id>/} with {@code latest} pointing at the last good one ({@link org.iago.pipeline.RunFolders}). The
 * work of each step is the stages' own jobs ({@link org.iago.pipeline.NightlyTasks}); this package only orders them.
 */
package org.iago.pipeline;
