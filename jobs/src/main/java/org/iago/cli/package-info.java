/**
 * The {@code iago} command line (picocli): one command per job. Option values are checked where picocli parses them
 * ({@link org.iago.cli.OptionValues}), so a bad one is a usage error (exit 2) before any work starts; a failed command
 * says why in one line, its most specific cause first ({@link org.iago.cli.FailureReport}), and exits 1.
 */
package org.iago.cli;
