package io.sandlot.attacks;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Status;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One hostile program of the corpus under {@code src/test/resources/attacks/<category>/<name>.js|.py}, with the
 * expectations read from its header (see {@code attacks/README.md}).
 *
 * @param category the folder, such as {@code filesystem}
 * @param name the file name without its extension
 * @param language from the extension
 * @param code the whole file, header included (it is made of comments), so that line numbers match the file
 * @param expect the statuses the execution may end with
 * @param limits the runner's defaults overlaid with the header's {@code limits}
 * @param valueJson the JSON the value must equal, or null for no check
 * @param outputMax the most characters of stdout plus stderr, or -1 for no check
 * @param then code of a second, fresh execution that must end {@code ok} with {@code thenValueJson}, or null
 * @param thenValueJson the value of {@code then}
 * @param policies opt-ins the case runs with: {@code vfs}, {@code hostfn}, {@code worker}
 * @param unstoppable whether the guest may ignore cancellation and leave a quarantined thread behind
 * @param session whether the case (and its {@code then}) runs in a new session instead of a stateless execution
 * @param errorTypes when not empty and the status is {@code error}, the guest error types allowed
 */
record AttackCase(String category, String name, Language language, String code, Set<Status> expect, Limits limits,
        String valueJson, long outputMax, String then, String thenValueJson, Set<String> policies,
        boolean unstoppable, boolean session, Set<String> errorTypes) {

    /** The folder on the test class path that holds the corpus. */
    static final String ROOT = "attacks";

    /** Wall-time limit of a case that expects {@code timeout} and whose header does not set {@code timeoutMs}. */
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    /**
     * Wall-time limit of any other case whose header does not set {@code timeoutMs}. Such a case is not about time,
     * and a loaded machine can stretch an ordinary import-heavy guest (GraalPy's {@code import multiprocessing} takes
     * about 2 s of CPU in a fresh context) past 10 s of wall time; the default CPU-time limit (10 s) still stops a
     * runaway, whatever the load.
     */
    static final long DEFAULT_TIMEOUT_NOT_EXPECTED_MS = 60_000;

    private static final Set<String> KEYS = Set.of("why", "expect", "limits", "value", "output-max", "then",
            "then-value", "policy", "unstoppable", "mode", "error-type");
    private static final Set<String> POLICIES = Set.of("vfs", "hostfn", "worker");
    private static final Pattern HEADER_LINE = Pattern.compile("^(?://|#|--)\\s?([a-z-]+):\\s?(.*)$");
    /** Every language's corpus extension and line comment, SQL's included: an enum map, so none can be missing. */
    private static final Map<Language, String> EXTENSION = every(Map.of(Language.JS, ".js", Language.PYTHON, ".py",
            Language.SQL, ".sql"));
    private static final Map<Language, String> COMMENT = every(Map.of(Language.JS, "//", Language.PYTHON, "#",
            Language.SQL, "--"));

    private static Map<Language, String> every(Map<Language, String> values) {
        if (!values.keySet().equals(EnumSet.allOf(Language.class))) {
            throw new IllegalStateException("the corpus needs a value for every language, has " + values.keySet());
        }
        return values;
    }

    /** The display name: {@code category/name.ext}. */
    String id() {
        return category + "/" + name + EXTENSION.get(language);
    }

    @Override
    public String toString() {
        return id();
    }

    /** Every case of the corpus, sorted by category and file name. */
    static List<AttackCase> loadAll() {
        URL url = AttackCase.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("no '" + ROOT + "' folder on the test class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return loadAll(jar.getPath(ROOT));
                }
            }
            return loadAll(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AttackCase> loadAll(Path root) throws IOException {
        List<AttackCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (file.getNameCount() - root.getNameCount() == 2
                        && languageOf(fileName) != null) {
                    cases.add(parse(file.getParent().getFileName().toString(), fileName,
                            Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return cases;
    }

    /** The language whose corpus extension {@code fileName} has, or null. */
    private static Language languageOf(String fileName) {
        for (Language language : Language.values()) {
            if (fileName.endsWith(EXTENSION.get(language))) {
                return language;
            }
        }
        return null;
    }

    /**
     * Reads one case from its file's text.
     *
     * @throws IllegalArgumentException if the header is malformed: unknown key, missing {@code expect}, bad status
     *     or limit, {@code then} without {@code then-value}
     */
    static AttackCase parse(String category, String fileName, String text) {
        Language language = languageOf(fileName);
        if (language == null) {
            throw new IllegalArgumentException(fileName + ": no language has its extension");
        }
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        String marker = COMMENT.get(language);
        Map<String, String> header = new LinkedHashMap<>();
        List<String> then = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = HEADER_LINE.matcher(line);
            if (!line.startsWith(marker) || !m.matches()) {
                break;
            }
            String key = m.group(1);
            String value = m.group(2).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(fileName + ": unknown header key '" + key + "'; known: " + KEYS);
            }
            if (key.equals("then")) {
                then.add(m.group(2).stripTrailing());
            } else if (key.equals("why")) {
                header.merge(key, value, (a, b) -> a + " " + b);
            } else if (header.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(fileName + ": header key '" + key + "' given twice");
            }
        }
        String expectText = header.get("expect");
        if (expectText == null || expectText.isBlank()) {
            throw new IllegalArgumentException(fileName + ": the header has no 'expect' line");
        }
        Set<Status> expect = EnumSet.noneOf(Status.class);
        for (String id : expectText.split(",")) {
            expect.add(Status.of(id.strip()));
        }
        long timeoutMs = expect.contains(Status.TIMEOUT) ? DEFAULT_TIMEOUT_MS : DEFAULT_TIMEOUT_NOT_EXPECTED_MS;
        // The case's own limits win over the corpus's timeout default.
        Limits limits = Limits.parse(header.getOrDefault("limits", ""),
                Limits.newBuilder().timeoutMs(timeoutMs).build());
        String valueJson = header.containsKey("value") ? normalJson(fileName, header.get("value")) : null;
        String thenCode = then.isEmpty() ? null : String.join("\n", then);
        String thenValue = header.containsKey("then-value") ? normalJson(fileName, header.get("then-value")) : null;
        if ((thenCode == null) != (thenValue == null)) {
            throw new IllegalArgumentException(fileName + ": 'then' and 'then-value' go together");
        }
        Set<String> policies = header.containsKey("policy")
                ? Arrays.stream(header.get("policy").split(",")).map(String::strip).collect(Collectors.toSet())
                : Set.of();
        if (!POLICIES.containsAll(policies)) {
            throw new IllegalArgumentException(fileName + ": unknown policy in " + policies + "; known: " + POLICIES);
        }
        long outputMax = header.containsKey("output-max") ? Long.parseLong(header.get("output-max")) : -1;
        boolean unstoppable = Boolean.parseBoolean(header.getOrDefault("unstoppable", "false"));
        String mode = header.getOrDefault("mode", "execution");
        if (!mode.equals("execution") && !mode.equals("session")) {
            throw new IllegalArgumentException(fileName + ": mode must be execution or session, was " + mode);
        }
        Set<String> errorTypes = header.containsKey("error-type")
                ? Arrays.stream(header.get("error-type").split(",")).map(String::strip).collect(Collectors.toSet())
                : Set.of();
        return new AttackCase(category, name, language, text, Set.copyOf(expect), limits, valueJson, outputMax,
                thenCode, thenValue, policies, unstoppable, mode.equals("session"), errorTypes);
    }

    /** The canonical form of a JSON text, so that {@code [1, 2]} and {@code [1,2]} compare equal. */
    static String normalJson(String fileName, String json) {
        try {
            return Json.write(Json.parse(json));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ": not JSON: " + json, e);
        }
    }
}
