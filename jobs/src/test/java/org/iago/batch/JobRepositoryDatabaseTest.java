package org.iago.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRepositoryDatabaseTest {

    @TempDir
    Path work;

    /** What H2's URL syntax reserves in a file name is refused, with the folder and what to do. */
    @Test
    void aStateFolderWithACharacterH2ReservesIsRefused() {
        for (String name : List.of("a;INIT=RUNSCRIPT FROM 'x.sql'", "a;b", "a\\b")) {
            Path folder = work.resolve(name);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> JobRepositoryDatabase.embedded(folder), name);
            assertTrue(refused.getMessage().startsWith("the state folder " + folder + " cannot hold the embedded H2"
                    + " JobRepository: H2 reads '" + (name.contains(";") ? ";" : "\\") + "'"), refused::getMessage);
            assertTrue(refused.getMessage().endsWith("choose a state folder without it with --state <dir>, or keep"
                    + " the run history in PostgreSQL with --jdbc-url"), refused::getMessage);
        }
    }

    /** Any other character of a folder name is a name: the database file lands in that very folder. */
    @Test
    void otherUnusualFolderNamesHoldTheDatabaseWhereTheySay() throws Exception {
        // "${user.home}" would be substituted, were the URL a Spring property
        for (String name : List.of("~", "a:b", "nio:x", "file:y", "sp ace", "q'uote\"", "x=1&y=2?z#%20", "new\nline",
                "${user.home}")) {
            Path folder = Files.createDirectories(work.resolve(name).resolve("state"));
            try (BatchContext context = BatchContext.open(JobRepositoryDatabase.embedded(folder), Map.of())) {
                assertEquals(List.of(), context.jobRepository().getJobNames(), name);
            }
            assertTrue(Files.isRegularFile(folder.resolve("jobrepository.mv.db")), name);
        }
        try (Stream<Path> files = Files.walk(work)) {
            assertEquals(9, files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).count(),
                    "no database elsewhere");
        }
    }

    @Test
    void thePasswordIsNotInTheDescription() {
        assertEquals("JobRepositoryDatabase[jdbc:postgresql://db/iago, user iago]",
                new JobRepositoryDatabase("jdbc:postgresql://db/iago", "iago", "s3cret").toString());
    }
}
