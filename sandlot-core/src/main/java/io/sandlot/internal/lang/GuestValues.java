package io.sandlot.internal.lang;

import io.sandlot.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Converts guest values to JSON-like Java values: null, Boolean, Long, BigInteger, Double, String, List, Map.
 *
 * <p>Arrays, JS arrays, Python lists and tuples become lists; JS plain objects and maps and Python dicts become
 * maps (keys in their string form); dates become ISO-8601 strings; non-finite numbers, functions, class instances
 * and everything else become their string form. Conversion may run guest code (getters, {@code __repr__}), so it
 * must run on the guest thread, inside the execution's limits.
 */
public final class GuestValues {

    /** Nesting beyond this depth is cut off and shown as the value's string form. */
    static final int MAX_DEPTH = 64;
    private static final int MAX_STRING_FORM = 4096;

    private final Dialect dialect;
    /** Whether a float with an integral value stays a float: Python's do, JavaScript has one number type. */
    private final boolean floatsDiffer;
    private long nodesLeft;

    private GuestValues(Dialect dialect, long maxNodes) {
        this.dialect = dialect;
        this.floatsDiffer = dialect.language() == Language.PYTHON;
        this.nodesLeft = maxNodes;
    }

    /**
     * Converts {@code value}.
     *
     * @param maxNodes the most values (elements, entries, scalars) to convert; 0 = no bound
     * @throws TooLargeException when the value has more than {@code maxNodes} parts
     */
    public static Object toJava(Value value, Dialect dialect, long maxNodes) {
        return new GuestValues(dialect, maxNodes == 0 ? Long.MAX_VALUE : maxNodes).convert(value, 0);
    }

    private Object convert(Value v, int depth) {
        if (--nodesLeft < 0) {
            throw new TooLargeException();
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return number(v, floatsDiffer);
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isInstant()) {
            return v.asInstant().toString();
        }
        if (v.isDate()) {
            return v.isTime() ? v.asDate().atTime(v.asTime()).toString() : v.asDate().toString();
        }
        if (depth >= MAX_DEPTH) {
            return stringForm(v);
        }
        if (v.hasArrayElements()) {
            long size = v.getArraySize();
            List<Object> list = new ArrayList<>((int) Math.min(size, 1024));
            for (long i = 0; i < size; i++) {
                list.add(convert(v.getArrayElement(i), depth + 1));
            }
            return list;
        }
        if (v.hasHashEntries()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Value iterator = v.getHashEntriesIterator();
            while (iterator.hasIteratorNextElement()) {
                Value entry = iterator.getIteratorNextElement();
                Value key = entry.getArrayElement(0);
                map.put(key.isString() ? key.asString() : stringForm(key), convert(entry.getArrayElement(1), depth + 1));
            }
            return map;
        }
        if (dialect.isRecord(v)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : v.getMemberKeys()) {
                map.put(key, convert(v.getMember(key), depth + 1));
            }
            return map;
        }
        return stringForm(v);
    }

    /**
     * A number as Java's closest type. GraalVM reports an integral double such as 5.0 as fitting a long; in
     * JavaScript that is the number 5, but a Python float stays a float ({@code json.dumps(5.0)} is {@code 5.0}),
     * so where {@code floatsDiffer} only Python's {@code int} becomes a long.
     */
    private static Object number(Value v, boolean floatsDiffer) {
        if (v.fitsInLong() && !(floatsDiffer && isFloat(v))) {
            return v.asLong();
        }
        // An integral double such as 1.5e300 also "fits" a BigInteger: only the integer types convert to one.
        if (v.fitsInBigInteger() && isIntegerType(v)) {
            return v.asBigInteger();
        }
        double d = v.asDouble();
        return Double.isFinite(d) ? (Object) d : Double.toString(d);
    }

    private static boolean isFloat(Value v) {
        Value meta = v.getMetaObject();
        return meta != null && "float".equals(meta.getMetaSimpleName());
    }

    private static boolean isIntegerType(Value v) {
        Value meta = v.getMetaObject();
        String type = meta == null ? "" : meta.getMetaSimpleName();
        return "int".equals(type) || "bigint".equalsIgnoreCase(type);
    }

    private static String stringForm(Value v) {
        String s = v.toString();
        return s.length() <= MAX_STRING_FORM ? s : s.substring(0, MAX_STRING_FORM) + "...";
    }

    /** Thrown when a value has more parts than the conversion may produce. */
    public static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("the value is too large to return", null, false, false);
        }
    }

}
