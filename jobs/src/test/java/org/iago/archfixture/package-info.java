/**
 * Deliberately wrong classes for {@code ArchitectureTest}, which must see its rules fail on them: ingestion importing
 * curation, and the report and the pipeline importing each other. Test classes only, never main code.
 */
package org.iago.archfixture;
