package org.iago.synth;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iago.vocabulary.Quarter;

/**
 * Generates a deterministic synthetic FDA FAERS extract: per quarter the DEMO, DRUG, REAC, OUTC, RPSR, THER and INDI
 * files (and DELETE from the second quarter on) in FDA's current ASCII layout, with Zipf-distributed background drugs
 * and PTs, about 2% CAR-T reports with their usual toxicities, planted CAR-T signals, follow-up versions, deleted
 * cases and, on request, malformed lines, cross-caseid duplicates with near-misses ({@link PlantedDuplicates}) and
 * respelled drug names ({@link NameVariants}); an option left off draws nothing, so the others' bytes stay as they
 * were. Reports are streamed to the files one by one; memory holds only about ten bytes per case. The same
 * {@link FaersSynthSpec} always produces byte-identical files and manifest.
 */
public final class FaersSynthesizer {

    private final FaersSynthSpec spec;

    public FaersSynthesizer(FaersSynthSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** Writes every quarter and {@code <out>/manifest.json}, and returns the manifest. */
    public SynthManifest write() throws IOException {
        Files.createDirectories(spec.out());
        List<Quarter> quarters = spec.quarters();
        CaseFlow flow = new CaseFlow(spec.seed(), quarters);
        DrugVocabulary drugs = new DrugVocabulary();
        EventVocabulary events = new EventVocabulary();
        NameVariants nameVariants = spec.nameVariants() ? new NameVariants(spec.seed(), drugs) : null;
        PlantedDuplicates duplicates = spec.duplicatesPerQuarter() > 0 ? new PlantedDuplicates(spec.seed(), quarters,
                spec.duplicatesPerQuarter(), drugs, events, spec.nameVariants()) : null;
        ReportGenerator generator = new ReportGenerator(spec.seed(), quarters, flow.cases(), drugs, events,
                nameVariants);
        List<SynthManifest.QuarterEntry> entries = new ArrayList<>();
        List<QuarterTally> tallies = new ArrayList<>();
        List<SynthManifest.DefectEntry> defects = new ArrayList<>();
        for (int k = 0; k < quarters.size(); k++) {
            QuarterTally tally = new QuarterTally();
            entries.add(writeQuarter(k, flow, generator, duplicates, nameVariants, tally, defects));
            tallies.add(tally);
        }
        SynthManifest manifest = new SynthManifest(SynthManifest.GENERATOR, SynthManifest.FORMAT_VERSION,
                new SynthManifest.Spec(quarters.stream().map(Quarter::toString).toList(), spec.reportsPerQuarter(),
                        spec.seed(), spec.defects(), spec.zip(), spec.duplicatesPerQuarter(), spec.nameVariants()),
                model(), entries, plantedSignals(tallies), defects,
                duplicates == null ? null : duplicates.manifest(),
                nameVariants == null ? null : nameVariants.entries(),
                new SynthManifest.PlantedInteractionEntry(PlantedInteraction.ID, PlantedInteraction.TARGET,
                        PlantedInteraction.CONCOMITANT, PlantedInteraction.PT,
                        BigDecimal.valueOf(PlantedInteraction.RATE)),
                new SynthManifest.PlantedMaskingEntry(PlantedMasking.ID, PlantedMasking.TARGET, PlantedMasking.PT,
                        PlantedMasking.MASKER_INGREDIENT, BigDecimal.valueOf(PlantedMasking.MASKER_RATE),
                        BigDecimal.valueOf(PlantedMasking.BACKGROUND_RATE),
                        BigDecimal.valueOf(PlantedMasking.CART_RATE)),
                new SynthManifest.PlantedConfoundingEntry(PlantedConfounding.ID,
                        PlantedConfounding.INDICATIONS.stream().sorted().toList(), PlantedConfounding.PT,
                        BigDecimal.valueOf(PlantedConfounding.RATE)));
        manifest.write(spec.out().resolve(SynthManifest.FILE_NAME));
        return manifest;
    }

    private SynthManifest.QuarterEntry writeQuarter(int k, CaseFlow flow, ReportGenerator generator,
                                                    PlantedDuplicates duplicates, NameVariants nameVariants,
                                                    QuarterTally tally, List<SynthManifest.DefectEntry> defectLog)
            throws IOException {
        Quarter quarter = spec.quarters().get(k);
        int reports = spec.reportsPerQuarter();
        // deletions first: they spare the cases whose follow-up this quarter publishes
        int[] deleted = flow.deletions(k);
        int[] followUps = flow.followUps(k, reports);
        List<CarTProduct> marketed = CarTProduct.marketedIn(quarter);
        Defects defects = spec.defects() ? new Defects(spec.seed(), quarter, k, reports) : null;
        QuarterArchive archive = QuarterArchive.open(spec.out(), quarter, spec.zip());
        CaseRegistry cases = flow.cases();
        if (duplicates != null) {
            duplicates.startQuarter(k, reports, followUps.length);
        }
        List<SynthManifest.FileEntry> lineCounts;
        try (ExtractFiles files = new ExtractFiles(archive.folder(), quarter)) {
            for (int ordinal = 0; ordinal < reports; ordinal++) {
                boolean followUp = ordinal < followUps.length;
                boolean copy = !followUp && duplicates != null && duplicates.copyDue(ordinal);
                int index = copy ? -1 : followUp ? followUps[ordinal] : flow.newCase(k, marketed);
                Report report = copy ? duplicates.copy(flow.newCopyCaseid()) : generator.generate(index, k);
                files.write(report);
                if (defects != null) {
                    defects.afterReport(ordinal, report, files);
                }
                if (nameVariants != null) {
                    nameVariants.count(report);
                }
                if (copy) {
                    // a copy of a background report without planted PTs, a new case never followed up
                    tally.count(null, 0, false);
                    continue;
                }
                tally.count(cases.product(index), cases.signalMask(index), followUp);
                flow.planNextVersion(index, k);
                if (duplicates != null) {
                    duplicates.offer(ordinal, index, report, cases);
                }
            }
            if (duplicates != null) {
                duplicates.endQuarter();
            }
            if (k > 0) {
                files.writeDeleted(deleted);
            }
            lineCounts = files.lineCounts();
        }
        archive.finish();
        if (defects != null) {
            defectLog.addAll(defects.inserted());
        }
        return new SynthManifest.QuarterEntry(quarter.toString(), archive.location(), tally.reports(),
                tally.newCases(), tally.followUpVersions(), deleted.length, tally.cartReports(), lineCounts);
    }

    private static SynthManifest.Model model() {
        return new SynthManifest.Model(DrugVocabulary.SIZE, SynthManifest.decimal(DrugVocabulary.ZIPF_EXPONENT),
                EventVocabulary.SIZE, SynthManifest.decimal(EventVocabulary.ZIPF_EXPONENT),
                SynthManifest.decimal(CaseFlow.CART_SHARE), SynthManifest.decimal(CaseFlow.FOLLOW_UP_SHARE),
                SynthManifest.decimal(CaseFlow.DELETE_SHARE));
    }

    private List<SynthManifest.PlantedSignalEntry> plantedSignals(List<QuarterTally> tallies) {
        List<Quarter> quarters = spec.quarters();
        List<SynthManifest.PlantedSignalEntry> entries = new ArrayList<>();
        for (PlantedSignal signal : PlantedSignal.values()) {
            List<SynthManifest.PlantedCount> counts = new ArrayList<>();
            for (int k = 0; k < quarters.size(); k++) {
                counts.add(new SynthManifest.PlantedCount(quarters.get(k).toString(), tallies.get(k).planted(signal),
                        tallies.get(k).background(signal)));
            }
            String firstQuarter = signal.firstQuarterIndex() < quarters.size()
                    ? quarters.get(signal.firstQuarterIndex()).toString() : null;
            entries.add(new SynthManifest.PlantedSignalEntry(signal.id(), signal.brands(), signal.target(),
                    signal.pt(), signal.kind(), signal.category(), firstQuarter, SynthManifest.decimal(signal.rate()),
                    SynthManifest.decimal(signal.backgroundRate()),
                    new SynthManifest.OnsetDays("uniform", signal.onsetMinDays(), signal.onsetMaxDays()), counts));
        }
        return entries;
    }
}
