package io.sandlot.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB's JDBC values as JSON-like Java values: integers up to BIGINT as {@link Long}, HUGEINT and UBIGINT as
 * {@link BigInteger}, FLOAT and DOUBLE as {@link Double}, DECIMAL as {@link Double} when it has at most 15
 * significant digits (which a double keeps, so {@code 0.1} stays {@code 0.1}) and as its plain string otherwise,
 * dates, times and timestamps as ISO-8601 strings, BLOB as base64, LIST and ARRAY as {@link List}, STRUCT and MAP as
 * {@link Map}, NULL as null; anything else (UUID, INTERVAL, ENUM, BIT) as its string form.
 */
final class SqlValues {

    private SqlValues() {
    }

    static Object toJson(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big -> big.bitLength() < 64 ? (Object) big.longValue() : big;
            case Double d -> d;
            case Float f -> (double) f;
            case BigDecimal decimal -> decimal(decimal);
            case Timestamp ts -> ts.toLocalDateTime().toString();
            case java.sql.Date date -> date.toLocalDate().toString();
            case Time time -> time.toLocalTime().toString();
            case LocalDate date -> date.toString();
            case LocalDateTime dateTime -> dateTime.toString();
            case LocalTime time -> time.toString();
            case OffsetDateTime dateTime -> dateTime.toString();
            case OffsetTime time -> time.toString();
            case Array array -> list((Object[]) array.getArray());
            case Struct struct -> struct(struct);
            case Map<?, ?> map -> map(map);
            case List<?> list -> list(list.toArray());
            case Blob blob -> Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }

    /** Significant digits a double always gives back: the decimal's text survives the trip through it. */
    private static final int DOUBLE_DIGITS = 15;

    /** A decimal as a double when no digit is lost on the way, else its plain string. */
    private static Object decimal(BigDecimal decimal) {
        return decimal.stripTrailingZeros().precision() <= DOUBLE_DIGITS
                ? (Object) decimal.doubleValue() : decimal.toPlainString();
    }

    private static List<Object> list(Object[] elements) throws SQLException {
        List<Object> list = new ArrayList<>(elements.length);
        for (Object element : elements) {
            list.add(toJson(element));
        }
        return list;
    }

    private static Map<String, Object> struct(Struct struct) throws SQLException {
        if (struct instanceof org.duckdb.DuckDBStruct duck) {
            return map(duck.getMap());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Object[] attributes = struct.getAttributes();
        for (int i = 0; i < attributes.length; i++) {
            map.put("f" + (i + 1), toJson(attributes[i]));
        }
        return map;
    }

    private static Map<String, Object> map(Map<?, ?> source) throws SQLException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            map.put(String.valueOf(entry.getKey()), toJson(entry.getValue()));
        }
        return map;
    }
}
