package org.iago.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Groups of MedDRA PTs, in file order: group name → PTs (a PT may be in several). The toxicity groups of
 * {@code conf/term-groups.yaml} and the indication groups of {@code conf/indication-groups.yaml} have this form.
 */
public final class TermGroups {

    /** No groups: a conf folder without the optional file. */
    public static final TermGroups NONE = new TermGroups(Map.of());

    private final Map<String, List<String>> groups;

    public TermGroups(Map<String, List<String>> groups) {
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    public static TermGroups load(Path yaml) throws IOException {
        Map<String, Map<String, List<String>>> file = new ObjectMapper(new YAMLFactory()).readValue(yaml.toFile(),
                new TypeReference<>() { });
        return new TermGroups(new LinkedHashMap<>(file.get("groups")));
    }

    public Map<String, List<String>> groups() {
        return groups;
    }
}
