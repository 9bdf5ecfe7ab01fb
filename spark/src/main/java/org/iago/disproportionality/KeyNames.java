package org.iago.disproportionality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * The names that the keys of {@link SignalInput#reports} count under: the distinct names, sorted, a name's number
 * being its index; and per key the numbers of its names. A curated drug_key has one name at each drug level; an
 * event_key has one PT but may be in several toxicity groups, or none. Keys are small non-negative integers (curate
 * numbers them from 1), so the names of a key are found by index, without hashing, in the counting's inner loop.
 */
public final class KeyNames implements Serializable {

    private static final long serialVersionUID = 1L;

    private final DataType type;
    private final Object[] names;
    /** The numbers of key k are {@code numbers[offsets[k]]} up to {@code numbers[offsets[k + 1]]}, exclusive. */
    private final int[] offsets;
    private final int[] numbers;

    private KeyNames(DataType type, Object[] names, int[] offsets, int[] numbers) {
        this.type = type;
        this.names = names;
        this.offsets = offsets;
        this.numbers = numbers;
    }

    /**
     * @param keyAndName rows (key, name, …) with an int key ≥ 0: a key may have several names, a row with a null
     *                   name gives its key none; further columns are ignored
     * @param type       the names' Spark type, for the output column
     */
    public static KeyNames of(List<Row> keyAndName, DataType type) {
        TreeSet<Object> distinct = new TreeSet<>();
        int keys = 0;
        for (Row r : keyAndName) {
            int key = r.getInt(0);
            if (key < 0) {
                throw new IllegalArgumentException("negative key " + key + " for the name " + r.get(1));
            }
            keys = Math.max(keys, key + 1);
            if (!r.isNullAt(1)) {
                distinct.add(r.get(1));
            }
        }
        Object[] names = distinct.toArray();
        Map<Object, Integer> numberOf = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            numberOf.put(names[i], i);
        }
        List<TreeSet<Integer>> byKey = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            byKey.add(new TreeSet<>());
        }
        for (Row r : keyAndName) {
            if (!r.isNullAt(1)) {
                byKey.get(r.getInt(0)).add(numberOf.get(r.get(1)));
            }
        }
        int[] offsets = new int[keys + 1];
        for (int k = 0; k < keys; k++) {
            offsets[k + 1] = offsets[k] + byKey.get(k).size();
        }
        int[] numbers = new int[offsets[keys]];
        for (int k = 0; k < keys; k++) {
            int i = offsets[k];
            for (int number : byKey.get(k)) {
                numbers[i++] = number;
            }
        }
        return new KeyNames(type, names, offsets, numbers);
    }

    /** Names that are their own keys: key i is the i-th of {@code distinctNames} once sorted. */
    public static KeyNames numbering(List<?> distinctNames, DataType type) {
        Object[] names = new TreeSet<Object>(distinctNames).toArray();
        int[] offsets = new int[names.length + 1];
        int[] numbers = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            offsets[i + 1] = i + 1;
            numbers[i] = i;
        }
        return new KeyNames(type, names, offsets, numbers);
    }

    public DataType type() {
        return type;
    }

    /** How many distinct names there are. */
    public int size() {
        return names.length;
    }

    /** The name numbered {@code number}. */
    public Object name(int number) {
        return names[number];
    }

    /** Name → number, for matching names the analysis wrote against reports' keys. */
    Map<String, Integer> numbersByName() {
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            numbers.put(String.valueOf(names[i]), i);
        }
        return numbers;
    }

    /** The numbers of the names of a report's keys, each key's names once per key; a key unknown here has none. */
    int[] numbersOf(List<Integer> keys) {
        return numbersOf(keys.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).toArray());
    }

    /** {@link #numbersOf(List)} of keys held as an array ({@link ReportKeys}). */
    int[] numbersOf(int[] keys) {
        int[] numbers = new int[4];
        int n = 0;
        for (int key : keys) {
            if (knows(key)) {
                numbers = append(key, numbers, n);
                n += count(key);
            }
        }
        return Arrays.copyOf(numbers, n);
    }

    /** Whether {@code key} is one of the keys named here (with or without a name). */
    boolean knows(int key) {
        return key >= 0 && key < offsets.length - 1;
    }

    /**
     * Appends the numbers of {@code key}'s names to {@code into} from {@code at}, growing it as needed.
     *
     * @return the array written to, which is {@code into} unless it had to grow
     */
    int[] append(int key, int[] into, int at) {
        int from = offsets[key];
        int count = offsets[key + 1] - from;
        int[] target = at + count <= into.length ? into
                : Arrays.copyOf(into, Math.max(into.length * 2, at + count));
        System.arraycopy(numbers, from, target, at, count);
        return target;
    }

    /** How many names {@code key} has. */
    int count(int key) {
        return offsets[key + 1] - offsets[key];
    }
}
