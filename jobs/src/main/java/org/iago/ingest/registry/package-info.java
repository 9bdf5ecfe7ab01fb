/**
 * The {@code registryIngest} job: a cellular-therapy registry extract, one CSV per table, validated (codes, ranges,
 * grades, dates in order, references between tables) into {@code <lake>/registry/<table>/}.
 */
package org.iago.ingest.registry;
