package org.iago.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.iago.synth.Report.Demographics;
import org.iago.synth.Report.DrugRow;
import org.iago.synth.Report.Reaction;
import org.iago.synth.Report.Therapy;
import org.iago.vocabulary.Quarter;

/**
 * A FAERS quarter made by hand, for tests that must know every report in it: new cases (version 1), each with one
 * CAR-T product as its only drug (primary suspect) and the given PTs, written as {@link FaersSynthesizer} writes its
 * quarters ({@link ExtractFiles}, {@link QuarterArchive}), so in FDA's layout and zipped as FDA ships it. Reports
 * differ in caseid, event date and age, so that no duplicate rule takes one for another.
 */
public final class HandMadeQuarter {

    private final Quarter quarter;
    private final List<Report> reports = new ArrayList<>();

    public HandMadeQuarter(Quarter quarter) {
        this.quarter = quarter;
    }

    /**
     * Adds a new case: {@code brand} (a {@code CarTProduct}, e.g. {@code ABECMA}) infused 30 days before the event,
     * a hospitalisation, reported by a physician from the US.
     *
     * @param caseid a caseid no earlier quarter used
     * @param age    years; also spreads the event dates, so give each report its own
     * @param pts    the report's PTs, as REAC.pt spells them
     */
    public HandMadeQuarter cart(int caseid, String brand, int age, String... pts) {
        CarTProduct product = CarTProduct.valueOf(brand.toUpperCase(Locale.ROOT));
        LocalDate received = quarter.firstDay().plusDays(10 + reports.size());
        LocalDate event = received.minusDays(20 + age);
        int infusion = yyyymmdd(event.minusDays(30));
        int fda = yyyymmdd(received);
        Demographics demo = new Demographics(caseid, 1, yyyymmdd(event), fda, fda, fda, "EXP", "",
                "US-" + product.sender() + "-" + caseid, product.sender(), "", age, "YR", "", "F", "Y", "", "",
                fda, "", "MD", "US", "US");
        DrugRow drug = new DrugRow(1, "PS", product.brand(), "", 1, "Intravenous", "1 DF, SINGLE", "", "", "", "",
                "", 0, "", "", "", "SUSPENSION", "1X", new Therapy(infusion, infusion, 1, "DAY"),
                product.indication(new SplittableRandom(caseid)));
        reports.add(new Report(demo, List.of(drug), Arrays.stream(pts).map(pt -> new Reaction(pt, "")).toList(),
                List.of("HO"), List.of("HP")));
        return this;
    }

    /** Writes {@code faers_ascii_<quarter>.zip} into {@code folder} and returns it. */
    public Path writeZip(Path folder) throws IOException {
        QuarterArchive archive = QuarterArchive.open(folder, quarter, true);
        try (ExtractFiles files = new ExtractFiles(archive.folder(), quarter)) {
            for (Report report : reports) {
                files.write(report);
            }
        }
        archive.finish();
        return folder.resolve(archive.location());
    }

    private static int yyyymmdd(LocalDate day) {
        return Dates.yyyymmdd(day.toEpochDay());
    }
}
