package org.iago.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.iago.synth.Report.Demographics;
import org.iago.synth.Report.DrugRow;
import org.iago.synth.Report.Reaction;
import org.iago.synth.Report.Therapy;
import org.iago.vocabulary.Quarter;

/**
 * The open files of one quarter's extract folder. A report is written as its rows across DEMO, DRUG, THER, INDI,
 * REAC, OUTC and RPSR, each file streamed through its own buffer, so no quarter is ever held in memory.
 */
final class ExtractFiles implements Closeable {

    private final Path folder;
    private final Quarter quarter;
    private final Map<FaersFile, RecordWriter> writers = new EnumMap<>(FaersFile.class);

    ExtractFiles(Path folder, Quarter quarter) throws IOException {
        this.folder = folder;
        this.quarter = quarter;
        for (FaersFile file : FaersFile.values()) {
            if (file != FaersFile.DELETE) {
                open(file);
            }
        }
    }

    RecordWriter writer(FaersFile file) {
        return writers.get(file);
    }

    void write(Report report) throws IOException {
        long primaryid = report.primaryid();
        int caseid = report.caseid();
        demo(writers.get(FaersFile.DEMO), report.demo());
        RecordWriter ther = writers.get(FaersFile.THER);
        RecordWriter indi = writers.get(FaersFile.INDI);
        for (DrugRow drug : report.drugs()) {
            drug(writers.get(FaersFile.DRUG), primaryid, caseid, drug);
            Therapy therapy = drug.therapy();
            if (therapy != null) {
                ther.number(primaryid).number(caseid).number(drug.drugSeq()).date(therapy.startDt())
                        .date(therapy.endDt()).number(therapy.dur()).text(therapy.durCod()).end();
            }
            if (drug.indication() != null) {
                indi.number(primaryid).number(caseid).number(drug.drugSeq()).text(drug.indication()).end();
            }
        }
        RecordWriter reac = writers.get(FaersFile.REAC);
        for (Reaction reaction : report.reactions()) {
            reac.number(primaryid).number(caseid).text(reaction.pt()).text(reaction.drugRecAct()).end();
        }
        RecordWriter outc = writers.get(FaersFile.OUTC);
        for (String outcome : report.outcomes()) {
            outc.number(primaryid).number(caseid).text(outcome).end();
        }
        RecordWriter rpsr = writers.get(FaersFile.RPSR);
        for (String source : report.sources()) {
            rpsr.number(primaryid).number(caseid).text(source).end();
        }
    }

    void writeDeleted(int[] caseids) throws IOException {
        RecordWriter delete = open(FaersFile.DELETE);
        for (int caseid : caseids) {
            delete.number(caseid).end();
        }
    }

    /** Line counts of the files written, in {@link FaersFile} order. */
    List<SynthManifest.FileEntry> lineCounts() {
        List<SynthManifest.FileEntry> counts = new ArrayList<>();
        writers.forEach((file, writer) ->
                counts.add(new SynthManifest.FileEntry(file.path(quarter), writer.tally().lines(),
                        writer.tally().validLines())));
        return counts;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RecordWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void demo(RecordWriter w, Demographics d) throws IOException {
        w.number(Report.primaryid(d.caseid(), d.caseversion())).number(d.caseid()).number(d.caseversion())
                .text(d.ifCode()).date(d.eventDt()).date(d.mfrDt()).date(d.initFdaDt()).date(d.fdaDt())
                .text(d.reptCod()).text(d.authNum()).text(d.mfrNum()).text(d.mfrSndr()).text(d.litRef())
                .number(d.age()).text(d.ageCod()).text(d.ageGrp()).text(d.sex()).text(d.eSub()).text(d.wt())
                .text(d.wtCod()).date(d.reptDt()).text(d.toMfr()).text(d.occpCod()).text(d.reporterCountry())
                .text(d.occrCountry()).end();
    }

    static void drug(RecordWriter w, long primaryid, int caseid, DrugRow d) throws IOException {
        w.number(primaryid).number(caseid).number(d.drugSeq()).text(d.roleCod()).text(d.drugname()).text(d.prodAi())
                .number(d.valVbm()).text(d.route()).text(d.doseVbm()).text(d.cumDoseChr()).text(d.cumDoseUnit())
                .text(d.dechal()).text(d.rechal()).text(d.lotNum()).date(d.expDt()).text(d.ndaNum())
                .text(d.doseAmt()).text(d.doseUnit()).text(d.doseForm()).text(d.doseFreq()).end();
    }

    private RecordWriter open(FaersFile file) throws IOException {
        Path path = folder.resolve(file.path(quarter));
        Files.createDirectories(path.getParent());
        RecordWriter writer = new RecordWriter(Files.newOutputStream(path));
        writers.put(file, writer);
        if (file.header() != null) {
            writer.header(file.header());
        }
        return writer;
    }
}
