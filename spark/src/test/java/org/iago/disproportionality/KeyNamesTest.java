package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class KeyNamesTest {

    @Test
    void numbersNamesInSortOrderAndGivesEachKeyItsNames() {
        KeyNames names = KeyNames.of(List.of(RowFactory.create(3, "Pyrexia"), RowFactory.create(1, "ICANS"),
                RowFactory.create(1, "Neurotoxicity"), RowFactory.create(2, null), RowFactory.create(4, "ICANS")),
                DataTypes.StringType);

        assertEquals(List.of("ICANS", "Neurotoxicity", "Pyrexia"), namesOf(names));
        assertArrayEquals(new int[] {0, 1}, numbersOf(names, 1));
        assertArrayEquals(new int[0], numbersOf(names, 2), "a null name gives its key none");
        assertArrayEquals(new int[] {2}, numbersOf(names, 3));
        assertArrayEquals(new int[] {0}, numbersOf(names, 4));
        assertArrayEquals(new int[0], numbersOf(names, 0), "a key below the largest, never listed, has no name");
        assertTrue(names.knows(4));
        assertFalse(names.knows(5));
        assertFalse(names.knows(-1));
    }

    @Test
    void numberingMakesEachNameItsOwnKey() {
        KeyNames names = KeyNames.numbering(List.of("b", "c", "a"), DataTypes.StringType);

        assertEquals(List.of("a", "b", "c"), namesOf(names));
        for (int key = 0; key < 3; key++) {
            assertArrayEquals(new int[] {key}, numbersOf(names, key));
        }
    }

    @Test
    void refusesANegativeKey() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyNames.of(List.of(RowFactory.create(-1, "x")), DataTypes.StringType));
    }

    private static List<Object> namesOf(KeyNames names) {
        return IntStream.range(0, names.size()).mapToObj(names::name).toList();
    }

    private static int[] numbersOf(KeyNames names, int key) {
        int[] into = names.append(key, new int[1], 0);
        return Arrays.copyOf(into, names.count(key));
    }
}
