/**
 * Curation of the FAERS lake ({@link org.iago.curate.CurateJob}): latest versions, deleted cases, duplicates across
 * caseids ({@link org.iago.curate.CurationRules}), drug names to ingredients ({@link org.iago.curate.DrugNames},
 * {@link org.iago.curate.UserDrugDictionary}, the CAR-T {@link org.iago.dictionary.ProductDictionary}), PTs with their
 * toxicity groups ({@link org.iago.curate.TermGroups}) and MedDRA hierarchy ({@link org.iago.curate.MeddraHierarchy}),
 * into the integer-keyed tables of {@code <lake>/curated/}. The dictionaries and rules are plain Java; the job is Spark.
 */
package org.iago.curate;
