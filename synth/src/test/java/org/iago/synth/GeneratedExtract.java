package org.iago.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iago.vocabulary.Quarter;

/** A generated extract read back the way an ingestion job reads FDA files: physical lines split on {@code $}. */
final class GeneratedExtract {

    final Path out;
    final FaersSynthSpec spec;
    final SynthManifest manifest;

    private GeneratedExtract(Path out, FaersSynthSpec spec, SynthManifest manifest) {
        this.out = out;
        this.spec = spec;
        this.manifest = manifest;
    }

    static GeneratedExtract generate(Path out, String quarters, int reports, long seed, boolean defects, boolean zip)
            throws IOException {
        return generate(new FaersSynthSpec(out, Quarter.parseRange(quarters), reports, seed, defects, zip));
    }

    static GeneratedExtract generate(FaersSynthSpec spec) throws IOException {
        return new GeneratedExtract(spec.out(), spec, new FaersSynthesizer(spec).write());
    }

    int quarterCount() {
        return spec.quarters().size();
    }

    Quarter quarter(int k) {
        return spec.quarters().get(k);
    }

    /** Path of a file inside the quarter, e.g. {@code ASCII/DEMO23Q1.txt} for prefix DEMO. */
    String name(int k, String prefix) {
        String folder = prefix.equals("DELETE") ? "Deleted" : "ASCII";
        return folder + "/" + prefix + quarter(k).fileTag() + ".txt";
    }

    /** A file of a folder-mode extract. */
    Path file(int k, String prefix) {
        return out.resolve("faers_ascii_" + quarter(k)).resolve(name(k, prefix));
    }

    /** Physical lines without their {@code \n}, header included. */
    static List<byte[]> physicalLines(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(content, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            }
        }
        if (start != content.length) {
            throw new AssertionError("last line has no line end");
        }
        return lines;
    }

    List<byte[]> physicalLines(int k, String prefix) throws IOException {
        return physicalLines(Files.readAllBytes(file(k, prefix)));
    }

    /** 1-based line numbers of the defect lines the manifest records for the file. */
    Set<Long> defectLines(int k, String prefix) {
        Set<Long> lines = new HashSet<>();
        for (SynthManifest.DefectEntry defect : manifest.defects()) {
            if (defect.quarter().equals(quarter(k).toString()) && defect.file().equals(name(k, prefix))) {
                lines.add(defect.line());
            }
        }
        return lines;
    }

    /** The valid data lines split into fields: header and recorded defect lines left out. */
    List<String[]> records(int k, String prefix) throws IOException {
        List<byte[]> lines = physicalLines(k, prefix);
        Set<Long> defects = defectLines(k, prefix);
        int first = prefix.equals("DELETE") ? 0 : 1;
        List<String[]> records = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            long lineNumber = i + 1;
            if (!defects.contains(lineNumber)) {
                records.add(fields(lines.get(i)));
            }
        }
        return records;
    }

    static String[] fields(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1).split("\\$", -1);
    }
}
