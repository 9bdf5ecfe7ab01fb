/**
 * Deliberately wrong classes for {@code ArchitectureTest}, which must see its rules fail on them: a statistic
 * importing Spark, the lake importing curation and a cycle between the two. Test classes only, never main code.
 */
package org.iago.archfixture;
