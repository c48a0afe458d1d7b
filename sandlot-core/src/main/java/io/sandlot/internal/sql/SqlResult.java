package io.sandlot.internal.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one query, cut at the row limit.
 *
 * @param columns name and DuckDB type of each column, in the query's order
 * @param rows the rows, each a list of JSON-like values in column order
 * @param truncated whether the query had more rows than {@code rows} holds
 */
public record SqlResult(List<Column> columns, List<List<Object>> rows, boolean truncated) {

    /** A column: its name and its DuckDB type, such as {@code BIGINT} or {@code DECIMAL(10,2)}. */
    public record Column(String name, String type) {
    }

    /** Copies the lists. */
    public SqlResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * The value of an execution in language {@code sql}:
     * {@code {"columns": [{"name", "type"}], "rows": [[...]], "rowCount", "truncated"}}.
     */
    public Map<String, Object> toValue() {
        List<Object> columnMaps = new ArrayList<>(columns.size());
        for (Column column : columns) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", column.name());
            map.put("type", column.type());
            columnMaps.add(map);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("columns", columnMaps);
        value.put("rows", rows);
        value.put("rowCount", (long) rows.size());
        value.put("truncated", truncated);
        return value;
    }

    /**
     * The rows as objects keyed by column name, in column order: what a guest's {@code sql()} returns. A name that
     * repeats (say, two {@code id} columns of a join) keeps its last value, as in the guest's own dicts.
     */
    public List<Object> toRecords() {
        List<Object> records = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                record.put(columns.get(i).name(), row.get(i));
            }
            records.add(record);
        }
        return records;
    }
}
