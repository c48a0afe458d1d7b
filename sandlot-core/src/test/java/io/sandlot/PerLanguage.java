package io.sandlot;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Test data with one value for every GraalVM {@link Language} ({@link Language#polyglot()}: SQL is no guest
 * language and has tests of its own), for tests parameterized over the languages: a table
 * instead of {@code language == JS ? a : b}, so that a new language fails every table that does not name it
 * instead of silently taking another language's value.
 */
public final class PerLanguage<T> {

    private final Map<Language, T> values;

    private PerLanguage(Map<Language, T> values) {
        Set<Language> missing = EnumSet.copyOf(Language.polyglot());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("test data has no value for " + missing);
        }
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** A table of one value per language; every language must be named, once. */
    public static <T> PerLanguage<T> of(Language first, T firstValue, Language second, T secondValue) {
        Map<Language, T> values = new EnumMap<>(Language.class);
        values.put(first, firstValue);
        if (values.put(second, secondValue) != null) {
            throw new IllegalArgumentException("test data names " + second + " twice");
        }
        return new PerLanguage<>(values);
    }

    /** The value for {@code language}. */
    public T get(Language language) {
        return values.get(language);
    }
}
