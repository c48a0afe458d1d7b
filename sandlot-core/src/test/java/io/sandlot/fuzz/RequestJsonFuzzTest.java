package io.sandlot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sandlot.ExecutionRequest;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.wire.Json;
import io.sandlot.wire.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The request JSON of {@code batch} and the HTTP API, random and mutated: {@link Json#parse(String)} then
 * {@link Requests#fromMap(Map, Limits, Set)} either give a request or throw {@link IllegalArgumentException} with a
 * message, never anything else, never hang; and a well-formed request reads back as what was written.
 */
class RequestJsonFuzzTest {

    private static final int ITERATIONS = 20_000;
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Set<String> EXTRA_FIELDS = Set.of("id");
    private static final List<String> FIELDS = List.of("language", "code", "inputs", "limits", "id", "Language",
            "code ", "", "\u0000", "__proto__", "constructor");
    private static final List<String> LANGUAGES = List.of("js", "python", "py", "javascript", "JS", " python ",
            "ruby", "", "llvm", "java");
    private static final List<String> LIMIT_NAMES = List.copyOf(Limits.DEFAULT.toMap().keySet());
    private static final List<String> NUMBER_TEXTS = List.of("0", "1", "-1", "1000", "1.0", "1e3", "1E400", "-0",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "0.1", "2147483648",
            "86400001", "1" + "0".repeat(1200));

    @Test
    void fromMap_randomAndMutatedJson_returnRequestOrThrowIllegalArgument() {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                String text = switch (i % 4) {
                    case 0 -> Fuzz.nastyString(random, 60);
                    case 1, 2 -> Fuzz.mutate(random, requestText(random));
                    default -> requestText(random);
                };
                check(seed, i, text);
            }
        }, () -> "fuzzing request JSON took longer than " + BUDGET + " (seed " + seed + ")");
    }

    @Test
    void fromMap_deeplyNestedOrHugeJson_isRejectedOrReadWithoutCrashing() {
        long seed = Fuzz.seed();
        List<String> texts = List.of(
                "{\"language\":\"js\",\"code\":\"1\",\"inputs\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}",
                "{\"language\":\"js\",\"code\":\"1\",\"inputs\":{\"x\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}}",
                "[".repeat(1_000_000),
                "{\"language\":\"js\",\"code\":\"" + "x".repeat(5_000_000) + "\"}",
                "{\"language\":\"js\",\"code\":\"1\",\"limits\":{\"timeoutMs\":" + "9".repeat(100_000) + "}}",
                "{\"language\":\"js\",\"code\":\"1\",\"inputs\":{\"x\":1" + "e".repeat(1000) + "}}",
                "\"" + "\\u0000".repeat(100_000) + "\"");
        assertTimeoutPreemptively(BUDGET, () -> {
            for (int i = 0; i < texts.size(); i++) {
                check(seed, i, texts.get(i));
            }
        });
    }

    @Test
    void fromMap_wellFormedRequests_readBackAsWritten() {
        long seed = Fuzz.seed();
        Random random = new Random(seed);
        for (int i = 0; i < ITERATIONS / 4; i++) {
            Language language = Fuzz.pick(random, Language.polyglot());
            String code = "x" + Fuzz.nastyString(random, 20);
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                inputs.put("v" + random.nextInt(100), jsonValue(random, 3));
            }
            List<String> arguments = new ArrayList<>();
            for (int n = random.nextInt(3); n > 0; n--) {
                arguments.add(Fuzz.nastyString(random, 10).replace("\0", ""));
            }
            Map<String, Object> limits = new LinkedHashMap<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                limits.put(Fuzz.pick(random, LIMIT_NAMES), (long) random.nextInt(100_000));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", "r" + i);
            request.put("language", language.id());
            request.put("code", code);
            request.put("inputs", inputs);
            request.put("arguments", arguments);
            request.put("limits", limits);
            String text = Json.write(request);

            @SuppressWarnings("unchecked")
            ExecutionRequest read = Requests.fromMap((Map<String, Object>) Json.parse(text), Limits.DEFAULT,
                    EXTRA_FIELDS);

            String replay = Fuzz.replay(seed, i, text);
            assertThat(read.language()).as(replay).isEqualTo(language);
            assertThat(read.code()).as(replay).isEqualTo(code);
            assertThat(Json.write(read.inputs())).as(replay).isEqualTo(Json.write(inputs));
            assertThat(read.arguments()).as(replay).isEqualTo(arguments);
            assertThat(read.limits()).as(replay).contains(Limits.fromMap(limits, Limits.DEFAULT));
        }
    }

    private static void check(long seed, int iteration, String text) {
        String replay = Fuzz.replay(seed, iteration, text);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(replay).isNotBlank();
            return;
        } catch (RuntimeException | Error e) {
            fail(replay + ": Json.parse threw " + e, e);
            return;
        }
        if (!(parsed instanceof Map<?, ?>)) {
            return; // the front ends reject a request that is not an object before fromMap
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        ExecutionRequest request;
        try {
            request = Requests.fromMap(map, Limits.DEFAULT, EXTRA_FIELDS);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(replay).isNotBlank();
            return;
        } catch (RuntimeException | Error e) {
            fail(replay + ": Requests.fromMap threw " + e, e);
            return;
        }
        assertThat(request.code()).as(replay).isNotBlank();
        try {
            Json.requireJsonLike("inputs", request.inputs());
            assertThat(Json.write(request.inputs())).as(replay).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).as(replay).isNotBlank();
        } catch (RuntimeException | Error e) {
            fail(replay + ": checking the inputs threw " + e, e);
        }
    }

    /** A request object, sometimes well-formed, with fields and values drawn from lists of troublemakers. */
    private static String requestText(Random random) {
        Map<String, Object> request = new LinkedHashMap<>();
        int fields = random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            String field = Fuzz.pick(random, FIELDS);
            Object value = switch (field) {
                case "language" -> random.nextInt(6) == 0 ? jsonValue(random, 1) : Fuzz.pick(random, LANGUAGES);
                case "code" -> random.nextInt(6) == 0 ? jsonValue(random, 1) : Fuzz.nastyString(random, 20);
                case "inputs", "limits" -> random.nextInt(6) == 0 ? jsonValue(random, 2) : null;
                default -> jsonValue(random, 2);
            };
            request.put(field, value);
        }
        StringBuilder text = new StringBuilder(Json.write(request));
        if (fields > 0 && random.nextBoolean()) {
            // splice raw inputs and limits text in, with numbers Jackson would never write
            text.setLength(text.length() - 1);
            text.append(",\"inputs\":{").append(rawMembers(random, true)).append("}");
            text.append(",\"limits\":{").append(rawMembers(random, false)).append("}}");
        }
        return text.toString();
    }

    private static String rawMembers(Random random, boolean anyName) {
        List<String> members = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            String name = anyName ? (random.nextBoolean() ? "x" + random.nextInt(9) : Fuzz.nastyString(random, 6))
                    : Fuzz.pick(random, LIMIT_NAMES);
            String value = random.nextInt(3) == 0 ? Json.write(jsonValue(random, 2)) : Fuzz.pick(random, NUMBER_TEXTS);
            members.add(Json.write(name) + ":" + value);
        }
        return String.join(",", members);
    }

    private static Object jsonValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong() >> random.nextInt(64);
            case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 4, 5 -> Fuzz.nastyString(random, 12);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(jsonValue(random, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    map.put(Fuzz.nastyString(random, 6), jsonValue(random, depth - 1));
                }
                yield map;
            }
        };
    }
}
