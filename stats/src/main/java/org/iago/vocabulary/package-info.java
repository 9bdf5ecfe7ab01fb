/**
 * The words stages hand each other: the disproportionality methods ({@link org.iago.vocabulary.SignalMethod}), the
 * columns of the output tables ({@link org.iago.vocabulary.OutputColumn}, {@link org.iago.vocabulary.SignalColumn},
 * {@link org.iago.vocabulary.MaskingColumn}), the layout of a run folder ({@link org.iago.vocabulary.RunLayout}), a
 * quarter of FDA extracts ({@link org.iago.vocabulary.Quarter}) and how drug and event names are compared
 * ({@link org.iago.vocabulary.Names}). Names and types only: it imports no other iago package and no Spark, so that
 * every stage, writer or reader, may import it without a dependency turning back.
 */
package org.iago.vocabulary;
