/**
 * The words stages hand each other: the disproportionality methods ({@link org.iago.vocabulary.SignalMethod}), the
 * columns of the output tables ({@link org.iago.vocabulary.OutputColumn}, {@link org.iago.vocabulary.SignalColumn})
 * and the layout of a run folder ({@link org.iago.vocabulary.RunLayout}). Names and types only: it imports no other iago package and no Spark, so that every stage, writer or reader, may import
 * it without a dependency turning back.
 */
package org.iago.vocabulary;
