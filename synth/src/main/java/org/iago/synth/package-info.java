/**
 * A deterministic synthetic FDA FAERS extract ({@code bin/iago synth faers}): quarters of DEMO, DRUG, REAC, OUTC,
 * RPSR, THER and INDI files in FDA's layout, with follow-up versions, deleted cases, background drugs and PTs drawn
 * from Zipf laws, CAR-T reports with their usual toxicities, planted signals ({@link org.iago.synth.PlantedSignal}),
 * planted cross-caseid duplicates and near misses ({@link org.iago.synth.PlantedDuplicates}), drug-name variants
 * ({@link org.iago.synth.NameVariants}) and malformed lines ({@link org.iago.synth.Defects}), all recorded in
 * {@code manifest.json} ({@link org.iago.synth.SynthManifest}) so that tests and benchmarks know what to find. The same
 * seed gives the same bytes.
 */
package org.iago.synth;
