package org.iago.report;

import java.util.List;

/**
 * One section of the report (the summary, a focus signal, all signals …) made of titled parts, for a focus signal
 * the four IAGO steps.
 */
public record Section(String id, String title, String intro, List<Part> parts) {

    public record Part(String id, String title, String intro, List<Block> blocks) {
    }

    /** The page's class for the section: focus sections start a new page in print. */
    public String kind() {
        return id.startsWith("focus-") ? "focus" : "general";
    }

    /** Every table in the section, to be written as CSV. */
    List<Table> tables() {
        return parts.stream().flatMap(p -> p.blocks().stream())
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
    }
}
