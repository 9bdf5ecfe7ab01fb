package org.iago.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DrugNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ELIQUIS 5 MG TABLETS|ELIQUIS",
            "Xarelto 20mg|XARELTO",
            "eliquis.|ELIQUIS",
            "Humira /|HUMIRA",
            "HUMIRA (ADALIMUMAB) PEN|HUMIRA",
            "APIXABAN (ELIQUIS)|APIXABAN",
            "INSULIN GLARGINE 100 IU/ML SOLUTION FOR INJECTION|INSULIN GLARGINE",
            "BÉTAHISTINE 8 MG|BÉTAHISTINE",
            "AMOXICILLIN 250 MG/5 ML ORAL SUSPENSION|AMOXICILLIN",
            "HYDROCORTISONE 2.5% CREAM|HYDROCORTISONE",
            "RISANKIZUMAB-RZAA|RISANKIZUMAB-RZAA",
            "SACUBITRIL\\VALSARTAN 97 MG/103 MG|SACUBITRIL\\VALSARTAN",
            "METFORMIN ER 500MG|METFORMIN ER",
            "TABLETS|TABLETS",
            "5-FLUOROURACIL|5-FLUOROURACIL",
            "VITAMIN B12|VITAMIN B12",
            "[UNSPECIFIED] ASPIRIN|ASPIRIN",
            "DRUG (UNCLOSED|DRUG"})
    void cleaningKeepsTheName(String reported, String cleaned) {
        assertEquals(cleaned, DrugNames.clean(reported));
    }

    @Test
    void blankNamesHaveNoCleanedName() {
        assertNull(DrugNames.clean(null));
        assertNull(DrugNames.clean("   "));
    }

    @Test
    void combinationsAreSortedDistinctSets() {
        assertEquals("SACUBITRIL\\VALSARTAN", DrugNames.ingredients("valsartan \\ Sacubitril\\VALSARTAN\\"));
        assertEquals("ASPIRIN", DrugNames.ingredients(" aspirin "));
        assertNull(DrugNames.ingredients("\\"));
        assertNull(DrugNames.ingredients(null));
    }
}
