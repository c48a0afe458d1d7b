package io.sandlot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sandlot.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Limits#parse(String)} on random and mutated limit strings (the {@code --limits} flag): it returns limits or
 * throws {@link IllegalArgumentException} with a message, never anything else, never hangs; and what it accepts is
 * exactly what the builder would build from the same pairs, each name given at most once.
 */
class LimitsParseFuzzTest {

    private static final int ITERATIONS = 20_000;
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final List<String> NAMES = List.copyOf(Limits.DEFAULT.toMap().keySet());
    private static final List<String> NUMBERS = List.of("0", "1", "-1", "+7", "007", "1000", "86400000", "86400001",
            "1048576", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "99999999999999999999999", "1e3", "1.5", "0x10", "", " ", "\u0665", "\uff15", "NaN", "Infinity");

    @Test
    void parse_randomAndMutatedSpecs_returnLimitsOrThrowIllegalArgument() {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String spec = switch (i % 3) {
                    case 0 -> Fuzz.nastyString(random, 40);
                    case 1 -> Fuzz.mutate(random, plausibleSpec(random));
                    default -> plausibleSpec(random);
                };
                check(seed, i, spec);
            }
        }, () -> "fuzzing Limits.parse took longer than " + BUDGET + " (seed " + seed + ")");
    }

    @Test
    void parse_wellFormedSpecs_equalWhatTheBuilderBuilds() {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS / 4; i++) {
            Limits.Builder expected = Limits.newBuilder();
            List<String> pairs = new ArrayList<>();
            List<String> names = new ArrayList<>(NAMES);
            Collections.shuffle(names, random);
            for (String name : names.subList(0, random.nextInt(NAMES.size() + 1))) {
                long value = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000);
                expected.set(name, value);
                String space = random.nextBoolean() ? " " : "";
                pairs.add(space + name + space + "=" + space + value + space);
            }
            String spec = String.join(",", pairs);

            Limits parsed = Limits.parse(spec);

            assertThat(parsed).as(Fuzz.replay(seed, i, spec)).isEqualTo(expected.build());
            assertThat(Limits.parse(parsed.toString())).as(Fuzz.replay(seed, i, spec)).isEqualTo(parsed);
        }
    }

    private static void check(long seed, int iteration, String spec) {
        Limits limits;
        try {
            limits = Limits.parse(spec);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(Fuzz.replay(seed, iteration, spec)).isNotBlank();
            return;
        } catch (RuntimeException | Error e) {
            fail(Fuzz.replay(seed, iteration, spec) + " threw " + e, e);
            return;
        }
        for (String name : NAMES) {
            assertThat(limits.get(name)).as(Fuzz.replay(seed, iteration, spec)).isNotNegative();
        }
        assertThat(Limits.parse(limits.toString())).as(Fuzz.replay(seed, iteration, spec)).isEqualTo(limits);
    }

    /** A spec built from real names and interesting numbers, with odd spacing and separators. */
    private static String plausibleSpec(Random random) {
        StringBuilder spec = new StringBuilder();
        int pairs = random.nextInt(5);
        for (int p = 0; p < pairs; p++) {
            if (p > 0) {
                spec.append(random.nextInt(10) == 0 ? ",," : ",");
            }
            String name = random.nextInt(8) == 0 ? Fuzz.nastyString(random, 8) : Fuzz.pick(random, NAMES);
            spec.append(random.nextBoolean() ? " " : "").append(name)
                    .append(random.nextInt(12) == 0 ? "" : "=")
                    .append(Fuzz.pick(random, NUMBERS));
        }
        return spec.toString();
    }
}
