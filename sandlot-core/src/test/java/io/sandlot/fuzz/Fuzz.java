package io.sandlot.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Shared pieces of the fuzz tests: a seeded, reproducible {@link Random} and generators of hostile text.
 *
 * <p>Every fuzz test starts from {@link #seed()}, fixed so that a run is deterministic; set
 * {@code -Dsandlot.fuzz.seed=N} (for example in {@code -Dsandlot.test.jvmArgs}) to explore other inputs. Failure
 * messages name the seed, the iteration and the input, so that a failure can be replayed.
 */
final class Fuzz {

    /** The seed used unless {@code sandlot.fuzz.seed} is set. */
    static final long DEFAULT_SEED = 0x5A4D_B07L;

    /** Characters that break parsers: separators, quotes, escapes, controls, NUL, non-ASCII and surrogates. */
    private static final String NASTY = "=,; \t\r\n\"'\\/{}[]:-+.0123456789eExX_$%#\0\u0085\u00a0\u2028\u2029"
            + "\u00e9\u4e2d\u0660\u0665\uff15\ud83d\ude00\ud800\udfff\ufeff\u202e";

    private Fuzz() {
    }

    static long seed() {
        return Long.getLong("sandlot.fuzz.seed", DEFAULT_SEED);
    }

    /** A random string of up to {@code maxLength} characters, mostly from {@link #NASTY}, sometimes any char. */
    static String nastyString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(8) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
                    : NASTY.charAt(random.nextInt(NASTY.length())));
        }
        return s.toString();
    }

    /** One of {@code choices}. */
    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /**
     * {@code text} with one to four random edits: a character inserted, deleted, replaced or duplicated, a range
     * repeated or cut, or the text truncated.
     */
    static String mutate(Random random, String text) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(7)) {
                case 0 -> s.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
                case 1 -> {
                    if (!s.isEmpty()) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (!s.isEmpty()) {
                        s.setCharAt(at, NASTY.charAt(random.nextInt(NASTY.length())));
                    }
                }
                case 3 -> {
                    if (!s.isEmpty()) {
                        s.insert(at, s.charAt(at));
                    }
                }
                case 4 -> {
                    int end = Math.min(s.length(), at + random.nextInt(16));
                    String range = s.substring(at, end);
                    s.insert(at, range.repeat(1 + random.nextInt(4)));
                }
                case 5 -> s.delete(at, Math.min(s.length(), at + random.nextInt(16)));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    /** {@code text} with control and non-ASCII characters escaped, for failure messages. */
    static String show(String text) {
        StringBuilder s = new StringBuilder("\"");
        int limit = Math.min(text.length(), 2000);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                s.append(c);
            } else {
                s.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.append(text.length() > limit ? "\"... (" + text.length() + " chars)" : "\"").toString();
    }

    /** The prefix of every failure message: how to replay it. */
    static String replay(long seed, int iteration, String input) {
        return "seed " + seed + " (replay with -Dsandlot.fuzz.seed=" + seed + "), iteration " + iteration
                + ", input " + show(input);
    }
}
