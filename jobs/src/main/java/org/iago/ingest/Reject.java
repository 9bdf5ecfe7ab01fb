package org.iago.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A rejected input line, kept whole with the reason it was refused (as Beam's {@code BadRecord} keeps the raw record
 * and the failure). {@code rawBase64} holds the exact bytes when the line is not valid in the extract's encoding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "line", "reason", "raw", "rawBase64"})
public record Reject(String file, long line, String reason, String raw, String rawBase64) {
}
