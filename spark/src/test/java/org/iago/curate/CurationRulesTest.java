package org.iago.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationRulesTest {

    @TempDir
    Path conf;

    @Test
    void withoutAFileTheDefaultRuleComparesEveryField() throws IOException {
        CurationRules rules = CurationRules.load(conf);
        assertEquals("demographic-clinical", rules.duplicates().name());
        assertEquals(List.of(CurationRules.DuplicateField.values()), rules.duplicates().fields());
        assertFalse(rules.duplicates().mergeWhenMissing());
        assertEquals(0.8, rules.drugNames().learnedPurity());
        assertEquals(2, rules.drugNames().learnedMinRows());
        assertTrue(rules.userDictionary(conf).byName().isEmpty());
    }

    @Test
    void theShippedFileIsTheDefault() throws IOException {
        CurationRules shipped = CurationRules.load(Path.of("..", "conf"));
        assertEquals(CurationRules.defaults(), shipped);
    }

    @Test
    void noneTurnsTheRuleOff() throws IOException {
        Files.writeString(conf.resolve(CurationRules.FILE_NAME), "duplicates:\n  name: none\n");
        CurationRules.DuplicateRule rule = CurationRules.load(conf).duplicates();
        assertFalse(rule.enabled());
        assertEquals(CurationRules.DuplicateRule.none(), rule);
    }

    @Test
    void mistakesNameTheFile() throws IOException {
        Files.writeString(conf.resolve(CurationRules.FILE_NAME), "duplicates:\n  fields: [sex, weight]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurationRules.load(conf));
        assertTrue(e.getMessage().contains(CurationRules.FILE_NAME) && e.getMessage().contains("weight"),
                e.getMessage());
        Files.writeString(conf.resolve(CurationRules.FILE_NAME), "drug_names:\n  learned_purity: 0.4\n");
        e = assertThrows(IllegalArgumentException.class, () -> CurationRules.load(conf));
        assertTrue(e.getMessage().contains("learned_purity"), e.getMessage());
        Files.writeString(conf.resolve(CurationRules.FILE_NAME), "duplicate:\n  name: none\n");
        assertThrows(IllegalArgumentException.class, () -> CurationRules.load(conf), "a misspelt section");
    }

    @Test
    void theUserDictionaryReadsCombinationsAndRefusesConflicts() throws IOException {
        Path csv = conf.resolve("names.csv");
        Files.writeString(csv, "drugname,ingredients\nEntresto,valsartan;sacubitril\n\" xarelto \",RIVAROXABAN\n"
                + "UNKNOWN PILL,\n");
        assertEquals(Map.of("ENTRESTO", "SACUBITRIL\\VALSARTAN", "XARELTO", "RIVAROXABAN"),
                UserDrugDictionary.load(csv).byName());
        Files.writeString(csv, "drugname,ingredients\nENTRESTO,VALSARTAN\nentresto,SACUBITRIL\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UserDrugDictionary.load(csv));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        Files.writeString(csv, "name,ingredient\nA,B\n");
        assertThrows(IllegalArgumentException.class, () -> UserDrugDictionary.load(csv));
    }
}
