package io.sandlot.internal.lang;

import io.sandlot.Language;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Source;

/** The one registry of dialects: every {@link Language} has exactly one. */
public final class Dialects {

    private static final Map<Language, Dialect> BY_LANGUAGE = register(new JsDialect(), new PythonDialect());

    private Dialects() {
    }

    private static Map<Language, Dialect> register(Dialect... dialects) {
        Map<Language, Dialect> map = new EnumMap<>(Language.class);
        for (Dialect dialect : dialects) {
            if (map.put(dialect.language(), dialect) != null) {
                throw new IllegalStateException("two dialects for " + dialect.language());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The dialect of {@code language}.
     *
     * @throws IllegalStateException if no dialect is registered for it
     */
    public static Dialect of(Language language) {
        Dialect dialect = BY_LANGUAGE.get(language);
        if (dialect == null) {
            throw new IllegalStateException("no dialect is registered for language " + language);
        }
        return dialect;
    }

    /** Every registered dialect. */
    public static Collection<Dialect> all() {
        return List.copyOf(BY_LANGUAGE.values());
    }

    /** Whether {@code source} is one of the sandbox's own helper sources, in any language. */
    public static boolean isInternal(Source source) {
        for (Dialect dialect : BY_LANGUAGE.values()) {
            if (dialect.isInternal(source)) {
                return true;
            }
        }
        return false;
    }
}
