package org.iago.ingest.faers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.iago.ingest.faers.FaersExtract.InvalidExtractException;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All files of a quarter are of the quarter's layout: LAERS, early FAERS or current FAERS. */
class FaersExtractTest {

    @TempDir
    Path work;

    @Test
    void theRealSamplesOfEachEraOpen() {
        assertEquals(Quarter.parse("2017Q2"), FaersExtract.open(Samples.faers2017q2()).quarter(null));
        assertEquals(Quarter.parse("2004Q1"), FaersExtract.open(Samples.laers2004q1()).quarter(null));
    }

    @Test
    void aLaersFileAmongCurrentFilesIsRefusedByName() throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("2017q2"));
        Path laers = Samples.unzip(Samples.laers2004q1(), work.resolve("2004q1"));
        Files.copy(laers.resolve("ascii/DEMO04Q1.TXT"), extract.resolve("ascii/DEMO17Q2.txt"),
                StandardCopyOption.REPLACE_EXISTING);
        InvalidExtractException refused = assertThrows(InvalidExtractException.class,
                () -> FaersExtract.open(extract));
        assertEquals(extract + ": DEMO17Q2.txt has the LAERS layout (2004Q1-2012Q3), but the files of 2017Q2 have"
                + " the current FAERS layout (2014Q3 on); all files of a quarter must be of its layout (is a file of"
                + " another quarter's extract among them?)", refused.getMessage());
    }

    @Test
    void anEarlyFaersFileAmongCurrentFilesIsRefused() throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("2017q2"));
        Path drug = extract.resolve("ascii/DRUG17Q2.txt");
        List<String> lines = Files.readAllLines(drug);
        Files.write(drug, List.of(lines.get(0).replace("$prod_ai", "")));
        InvalidExtractException refused = assertThrows(InvalidExtractException.class,
                () -> FaersExtract.open(extract));
        assertEquals(extract + ": DRUG17Q2.txt has the early FAERS layout (2012Q4-2014Q2), but the files of 2017Q2"
                + " have the current FAERS layout (2014Q3 on); all files of a quarter must be of its layout (is a file"
                + " of another quarter's extract among them?)", refused.getMessage());
    }

    @Test
    void aFaersFileAmongLaersFilesIsRefused() throws IOException {
        Path extract = Samples.unzip(Samples.laers2004q1(), work.resolve("2004q1"));
        Path current = Samples.unzip(Samples.faers2017q2(), work.resolve("2017q2"));
        Files.copy(current.resolve("ascii/THER17Q2.txt"), extract.resolve("ascii/THER04Q1.TXT"),
                StandardCopyOption.REPLACE_EXISTING);
        InvalidExtractException refused = assertThrows(InvalidExtractException.class,
                () -> FaersExtract.open(extract));
        assertEquals(extract + ": THER04Q1.TXT has a FAERS layout (2012Q4 on), but the files of 2004Q1 have the"
                + " LAERS layout (2004Q1-2012Q3); all files of a quarter must be of its layout (is a file of another"
                + " quarter's extract among them?)", refused.getMessage());
    }

    /** Current files named as a quarter of the early FAERS layout: the first file whose columns tell is named. */
    @Test
    void currentFilesUnderAnEarlyFaersQuarterAreRefused() throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("2017q2"));
        try (Stream<Path> files = Files.list(extract.resolve("ascii"))) {
            for (Path f : files.toList()) {
                Files.move(f, f.resolveSibling(f.getFileName().toString().replace("17Q2", "13Q1")));
            }
        }
        InvalidExtractException refused = assertThrows(InvalidExtractException.class,
                () -> FaersExtract.open(extract));
        assertEquals(extract + ": DEMO13Q1.txt has the current FAERS layout (2014Q3 on), but the files of 2013Q1"
                + " have the early FAERS layout (2012Q4-2014Q2); all files of a quarter must be of its layout (is a"
                + " file of another quarter's extract among them?)", refused.getMessage());
    }

    @Test
    void theQuartersOfEachLayout() {
        assertEquals(FaersLayout.LAERS, FaersLayout.of(Quarter.parse("2012Q3")));
        assertEquals(FaersLayout.FAERS_2012Q4, FaersLayout.of(Quarter.parse("2012Q4")));
        assertEquals(FaersLayout.FAERS_2012Q4, FaersLayout.of(Quarter.parse("2014Q2")));
        assertEquals(FaersLayout.FAERS_2014Q3, FaersLayout.of(Quarter.parse("2014Q3")));
    }
}
