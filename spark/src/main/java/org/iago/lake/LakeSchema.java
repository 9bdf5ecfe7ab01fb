package org.iago.lake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered columns of one lake table. Every table ends with {@code line_no}, the physical line of the source file
 * a row came from, so that any value in the lake can be traced back to its input.
 */
public final class LakeSchema {

    public static final String LINE_NO = "line_no";

    private final String tableName;
    private final List<LakeColumn> columns;
    private final Map<String, Integer> index = new HashMap<>();

    /** @param dataColumns the table's columns without {@code line_no}, which is appended */
    public LakeSchema(String tableName, List<LakeColumn> dataColumns) {
        this.tableName = tableName;
        List<LakeColumn> all = new ArrayList<>(dataColumns);
        all.add(new LakeColumn(LINE_NO, ColumnType.LONG, false));
        this.columns = Collections.unmodifiableList(all);
        for (int i = 0; i < all.size(); i++) {
            if (index.put(all.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate column " + all.get(i).name() + " in " + tableName);
            }
        }
    }

    public String tableName() {
        return tableName;
    }

    /** All columns, {@code line_no} last. */
    public List<LakeColumn> columns() {
        return columns;
    }

    /** Number of columns before {@code line_no}. */
    public int dataColumnCount() {
        return columns.size() - 1;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /** @throws IllegalArgumentException when the table has no such column */
    public int indexOf(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("table " + tableName + " has no column " + column);
        }
        return i;
    }
}
