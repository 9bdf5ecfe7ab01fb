package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A lake folder and a case source are names: nothing in them may reach Spark as a pattern or another folder. */
class LakeTest {

    @Test
    void aLakeFolderHoldingAGlobCharacterIsRefused() {
        for (String name : List.of("a*", "[a]bc", "a?", "${user.home}", "x{1,2}", "a\\b")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new Lake(Path.of("/srv", name)), name);
            assertTrue(refused.getMessage().startsWith("the lake folder /srv/" + name + " holds '"),
                    refused::getMessage);
            if (!name.contains("?")) {
                // in a URI, '?' starts the query, which is not part of the lake's path
                assertThrows(IllegalArgumentException.class, () -> Lake.at("hdfs://nn/srv/" + name), name);
            }
        }
    }

    @Test
    void otherFolderNamesAreLakes() {
        for (String name : List.of("lake", "a b", "é-lake", "c:lake", "x=1&y", "$HOME", "-lead")) {
            assertEquals(Path.of("/srv", name), new Lake(Path.of("/srv", name)).root());
        }
    }

    @Test
    void aCaseSourceIsAPlainName() {
        Lake lake = new Lake(Path.of("/srv/lake"));
        assertEquals(Path.of("/srv/lake/cases/source=caers_2.v1-x"), lake.casesPartition("caers_2.v1-x"));
        for (String source : List.of("caer?", "*", "../x", ".hidden", "a/b", "", "a b")) {
            assertThrows(IllegalArgumentException.class, () -> lake.casesPartition(source), source);
            assertThrows(IllegalArgumentException.class, () -> lake.casesLocation(source), source);
        }
    }
}
