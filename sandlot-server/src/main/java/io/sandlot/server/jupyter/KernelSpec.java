package io.sandlot.server.jupyter;

import io.sandlot.Language;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Jupyter kernel spec: the name clients start a kernel by, and what the kernel tells them about its language.
 * There is one per {@link Language}; {@link #of(Language)} throws for a language without one.
 *
 * @param name the kernel name, such as {@code python3}
 * @param language the guest language
 * @param displayName the name a notebook UI shows
 * @param languageName {@code language_info.name}
 * @param mimetype {@code language_info.mimetype}
 * @param fileExtension {@code language_info.file_extension}
 * @param moreLanguageInfo the rest of {@code language_info}, such as the syntax highlighting mode
 */
public record KernelSpec(String name, Language language, String displayName, String languageName, String mimetype,
        String fileExtension, Map<String, Object> moreLanguageInfo) {

    /** Copies. */
    public KernelSpec {
        moreLanguageInfo = Collections.unmodifiableMap(new LinkedHashMap<>(moreLanguageInfo));
    }

    /** The kernel a client gets when it names none. */
    public static final String DEFAULT = "python3";

    private static final Map<Language, KernelSpec> SPECS;

    static {
        Map<Language, KernelSpec> specs = new EnumMap<>(Language.class);
        specs.put(Language.PYTHON, new KernelSpec("python3", Language.PYTHON, "Python 3 (GraalPy, Sandlot)", "python",
                "text/x-python", ".py", Map.of("pygments_lexer", "ipython3", "nbconvert_exporter", "python",
                "codemirror_mode", Map.of("name", "ipython", "version", 3))));
        specs.put(Language.JS, new KernelSpec("javascript", Language.JS, "JavaScript (GraalJS, Sandlot)", "javascript",
                "application/javascript", ".js", Map.of("pygments_lexer", "javascript", "codemirror_mode",
                "javascript")));
        SPECS = Collections.unmodifiableMap(specs);
    }

    /**
     * The spec of {@code language}.
     *
     * @throws IllegalStateException if the language has no kernel spec (a language added without one)
     */
    public static KernelSpec of(Language language) {
        KernelSpec spec = SPECS.get(language);
        if (spec == null) {
            throw new IllegalStateException("no Jupyter kernel spec for language " + language);
        }
        return spec;
    }

    /** The spec named {@code name}, if there is one. */
    public static Optional<KernelSpec> named(String name) {
        return SPECS.values().stream().filter(spec -> spec.name.equals(name)).findFirst();
    }

    /** Every spec, in the order of {@link Language#polyglot()}: language {@code sql} has no kernel. */
    public static List<KernelSpec> all() {
        return Language.polyglot().stream().map(KernelSpec::of).toList();
    }

    /** The names of every spec, for error messages. */
    static String names() {
        return String.join(", ", all().stream().map(KernelSpec::name).toList());
    }

    /**
     * The REST form, as {@code GET /api/kernelspecs/{name}} answers: {@code name}, {@code spec} ({@code argv} empty:
     * there is no process to launch), {@code resources}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of());
        spec.put("display_name", displayName);
        spec.put("language", languageName);
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("spec", spec);
        map.put("resources", Map.of());
        return map;
    }

    /** {@code language_info} of a {@code kernel_info_reply}; {@code version} is the guest language's version. */
    Map<String, Object> languageInfo(String version) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", languageName);
        info.put("version", version);
        info.put("mimetype", mimetype);
        info.put("file_extension", fileExtension);
        info.putAll(new java.util.TreeMap<>(moreLanguageInfo));
        return info;
    }
}
