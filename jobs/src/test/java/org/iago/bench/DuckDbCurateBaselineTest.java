package org.iago.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.iago.curate.DrugNames;
import org.iago.vocabulary.Names;
import org.junit.jupiter.api.Test;

/** The DuckDB baseline's RE2 form of the drugname cleaning gives {@link DrugNames#clean}'s names. */
class DuckDbCurateBaselineTest {

    /** Names where a lookaround decides: adjacent matches, a step beginning inside a number, units glued on. */
    private static final List<String> NAMES = List.of("ELIQUIS 5 MG TABLETS", "Xarelto 20mg", "eliquis.", "Humira /",
            "HUMIRA (ADALIMUMAB) PEN", "APIXABAN (ELIQUIS)", "INSULIN GLARGINE 100 IU/ML SOLUTION FOR INJECTION",
            "BÉTAHISTINE 8 MG", "AMOXICILLIN 250 MG/5 ML ORAL SUSPENSION", "HYDROCORTISONE 2.5% CREAM",
            "RISANKIZUMAB-RZAA", "SACUBITRIL\\VALSARTAN 97 MG/103 MG", "METFORMIN ER 500MG", "TABLETS",
            "5-FLUOROURACIL", "VITAMIN B12", "[UNSPECIFIED] ASPIRIN", "DRUG (UNCLOSED", "X 5 MG 10 MG", "5MG5MG",
            "X100MG", "X12 MG", "1.2.3 MG", "5%10MG", "5 MG/MLX", "TABLETS CAPSULES", "FILM-COATED TABLET",
            "FILM COATED TABLETS ORAL", "PREFILLED SYRINGE PEN", "XTABLETS TABLETS", "FOR INJECTION", "FORTABLETS",
            "2 MG/H PATCH", "10 MG/HR", "10 MG/HOURS", "4 MG/DOSE SPRAY", "50 MCG/ACTUATION INHALER", "B12MG",
            "ACETAMINOPHEN 500MG/CODEINE 30MG", "X1.5 MG", "1,5 MG", "5 MG,10 MG", "100 UNITS/ML", "5MGTABLETS",
            "TABLETS5MG", "GEL 1%", "ORAL/TOPICAL", "5 MG 5 MG 5 MG", "PEN-PEN PEN", "ÉTABLETS", "1 G 2 G",
            "MG 5", "5 G/L", "0.5MG/ML/H");

    @Test
    void cleaningInDuckDbGivesTheJavaNames() throws Exception {
        List<String> names = new ArrayList<>(NAMES);
        // and random strings of the pieces the steps look for, glued together or spaced
        String[] pieces = {"5", "10", "0.5", "2,5", "MG", "ML", "G", "%", "/", " ", " ", "-", "(", ")", "TABLETS", "TAB",
            "FOR", "SOLUTION", "ORAL", "PEN", "X", "HUMIRA", "É", ".", "\\", "IU", "H", "DOSE", "UNITS", "FILM"};
        Random random = new Random(19);
        for (int i = 0; i < 20000; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = 1 + random.nextInt(8); j > 0; j--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            names.add(name.toString());
        }
        Map<String, String> duckdb = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE names (name VARCHAR)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO names VALUES (?)")) {
                for (String name : names) {
                    p.setString(1, Names.normalise(name));
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (ResultSet rs = s.executeQuery("SELECT name, " + DuckDbCurateBaseline.cleaning("name")
                    + " FROM names")) {
                while (rs.next()) {
                    duckdb.put(rs.getString(1), rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(2));
                }
            }
        }
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!Names.normalise(name).isEmpty() && !DrugNames.clean(name).equals(duckdb.get(Names.normalise(name)))) {
                differing.add(name + " -> java " + DrugNames.clean(name) + ", duckdb " + duckdb.get(Names.normalise(name)));
            }
        }
        assertEquals(List.of(), differing);
    }
}
