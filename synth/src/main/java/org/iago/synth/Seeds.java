package org.iago.synth;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from the spec's seed. A case's content comes from a stream keyed
 * by its caseid, so a follow-up version can be regenerated later without keeping the case in memory.
 */
final class Seeds {

    static final long CASE_FLOW = 1;
    static final long DEFECTS = 2;
    static final long DUPLICATES = 5;
    private static final long CASE_CONTENT = 3;
    private static final long VERSION_CONTENT = 4;
    private static final long NAME_VARIANTS = 6;
    private static final long INTERACTION = 7;
    private static final long MASKING = 8;
    private static final long CONFOUNDING = 9;

    private Seeds() {
    }

    /** SplitMix64 finalizer over a and b: nearby inputs give unrelated outputs. */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom stream(long seed, long purpose) {
        return new SplittableRandom(mix(seed, purpose));
    }

    static SplittableRandom stream(long seed, long purpose, long key) {
        return new SplittableRandom(mix(mix(seed, purpose), key));
    }

    /** The stream of a case's first version: demographics, drugs, reactions, outcomes. */
    static SplittableRandom caseContent(long seed, int caseid) {
        return stream(seed, CASE_CONTENT, caseid);
    }

    /** The stream of what version {@code version} (2, 3, ...) of a case changes. */
    static SplittableRandom versionContent(long seed, int caseid, int version) {
        return new SplittableRandom(mix(mix(mix(seed, VERSION_CONTENT), caseid), version));
    }

    /**
     * The stream that decides whether a case carries the planted interaction's PT ({@link PlantedInteraction}): its
     * own stream, so that planting leaves every other draw of the case, and so every other planted count, as it was.
     */
    static SplittableRandom interaction(long seed, int caseid) {
        return stream(seed, INTERACTION, caseid);
    }

    /**
     * The stream that decides whether a case carries the planted masked PT ({@link PlantedMasking}): its own stream,
     * as {@link #interaction}'s, so that planting moves no other draw.
     */
    static SplittableRandom masking(long seed, int caseid) {
        return stream(seed, MASKING, caseid);
    }

    /**
     * The stream that decides whether a background case carries the PT of {@link PlantedConfounding}: its own stream,
     * as {@link #interaction}'s.
     */
    static SplittableRandom confounding(long seed, int caseid) {
        return stream(seed, CONFOUNDING, caseid);
    }

    /**
     * The stream that respells drug {@code drugSeq} of a case: keyed by caseid and drug_seq only, so that every version
     * of the case writes the drug the same way.
     */
    static SplittableRandom nameVariant(long seed, int caseid, int drugSeq) {
        return new SplittableRandom(mix(mix(mix(seed, NAME_VARIANTS), caseid), drugSeq));
    }
}
