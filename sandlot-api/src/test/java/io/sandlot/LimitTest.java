package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The table of limits: every row complete and consistent, and the messages the engine gives from it. */
class LimitTest {

    private static final Set<String> UNITS = Set.of("ms", "MiB", "bytes", "statements", "outputs", "rows");

    @ParameterizedTest
    @EnumSource(Limit.class)
    void row_isComplete(Limit limit) {
        assertThat(limit.key()).matches("[a-z][A-Za-z]*");
        assertThat(limit.flag()).matches("--[a-z]+(-[a-z]+)*");
        assertThat(limit.unit()).isIn(UNITS);
        assertThat(limit.description()).isNotBlank().doesNotEndWith(".");
        assertThat(limit.notCovered()).isNotBlank().doesNotEndWith(".");
        assertThat(limit.offValue()).isZero();
        assertThat(limit.maxValue()).isPositive();
        assertThat(limit.defaultValue()).isBetween(0L, limit.maxValue());
        assertThat(limit.serverMaximum()).isBetween(0L, limit.maxValue());
        limit.status().ifPresent(status -> assertThat(status.isLimit()).as(status.id()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void breachOrRefusal_namesTheKeyAndTheValue(Limit limit) {
        String message = limit.status().isPresent() ? limit.breach(1234)
                : limit.truncates() ? limit.truncation(1234) : limit.refusal(1234, 5678);

        assertThat(message).contains(limit.key()).contains("1234");
        if (limit.status().isEmpty() && !limit.truncates()) {
            assertThat(message).contains("5678");
        }
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void breachOrRefusal_wrongKind_throws(Limit limit) {
        if (limit.status().isPresent()) {
            assertThatThrownBy(() -> limit.refusal(1, 2)).isInstanceOf(IllegalStateException.class);
        } else {
            assertThatThrownBy(() -> limit.breach(1)).isInstanceOf(IllegalStateException.class);
        }
        if (!limit.truncates()) {
            assertThatThrownBy(() -> limit.truncation(1)).isInstanceOf(IllegalStateException.class);
        } else {
            assertThatThrownBy(() -> limit.refusal(1, 2)).isInstanceOf(IllegalStateException.class);
            assertThat(limit.status()).isEmpty();
        }
    }

    @Test
    void breach_givesTheEnginesMessages() {
        assertThat(Limit.TIMEOUT_MS.breach(1000)).isEqualTo("wall-time limit of 1000 ms (timeoutMs) reached");
        assertThat(Limit.CPU_TIME_MS.breach(200)).isEqualTo("CPU-time limit of 200 ms (cpuTimeMs) reached");
        assertThat(Limit.MAX_STATEMENTS.breach(5)).isEqualTo("statement limit of 5 (maxStatements) reached");
        assertThat(Limit.MAX_MEMORY_MB.breach(64)).isEqualTo("memory limit of 64 MiB (maxMemoryMb) reached: the "
                + "guest retained more than that after garbage collection");
        assertThat(Limit.MAX_OUTPUT_BYTES.breach(10)).isEqualTo("output limit of 10 bytes (maxOutputBytes) reached");
        assertThat(Limit.MAX_CODE_BYTES.refusal(10, 11)).isEqualTo("code is 11 bytes, above maxCodeBytes=10");
        assertThat(Limit.MAX_INPUT_BYTES.refusal(10, 11))
                .isEqualTo("inputs and arguments are 11 bytes of JSON, above maxInputBytes=10");
        assertThat(Limit.MAX_RESULT_ROWS.truncation(10)).isEqualTo("the query returned more than 10 rows "
                + "(maxResultRows); aggregate, filter or add a LIMIT");
    }

    @Test
    void statuses_everyLimitStatusComesFromExactlyOneLimit() {
        Map<Status, Long> counts = Arrays.stream(Limit.values()).flatMap(limit -> limit.status().stream())
                .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        Set<Status> limitStatuses = EnumSet.noneOf(Status.class);
        Arrays.stream(Status.values()).filter(Status::isLimit).forEach(limitStatuses::add);

        assertThat(counts.keySet()).isEqualTo(limitStatuses);
        assertThat(counts.values()).containsOnly(1L);
    }

    @Test
    void keysAndFlags_areDistinct() {
        assertThat(Arrays.stream(Limit.values()).map(Limit::key).distinct()).hasSize(Limit.values().length);
        assertThat(Arrays.stream(Limit.values()).map(Limit::flag).distinct()).hasSize(Limit.values().length);
    }

    @Test
    void flag_isTheKeyInKebabCase() {
        assertThat(Limit.TIMEOUT_MS.flag()).isEqualTo("--timeout-ms");
        assertThat(Limit.MAX_MEMORY_MB.flag()).isEqualTo("--max-memory-mb");
    }

    @Test
    void ofKey_unknown_namesTheKnownKeys() {
        assertThatThrownBy(() -> Limit.ofKey("timeout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown limit 'timeout'; known limits: timeoutMs, cpuTimeMs, maxStatements, maxMemoryMb, "
                        + "maxOutputBytes, maxOutputs, maxArtifactBytes, maxCodeBytes, maxInputBytes, maxResultRows");
    }

    /** The javadoc of each constant is what javadoc readers see; it must say what {@link Limit#description()} says. */
    @Test
    void constantJavadoc_isTheDescription() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/sandlot/Limit.java"));
        Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z_]+)\\(", Pattern.DOTALL).matcher(source);
        Map<String, String> javadoc = new LinkedHashMap<>();
        while (m.find()) {
            javadoc.put(m.group(2), m.group(1).replaceAll("(?m)^\\s*\\*", "").replaceAll("\\s+", " ").strip());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (Limit limit : Limit.values()) {
            expected.put(limit.name(), limit.description() + ".");
        }

        assertThat(javadoc).isEqualTo(expected);
    }
}
