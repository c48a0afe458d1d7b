package io.sandlot.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict check of the Prometheus text exposition format (0.0.4), as a scraper parses it. */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .+");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")"
            + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

    private PrometheusText() {
    }

    /** Every line is a HELP, a TYPE or a sample of a declared family; histograms have cumulative buckets. */
    static void assertWellFormed(String text) {
        assertThat(text).endsWith("\n");
        Map<String, String> types = new HashMap<>();
        Map<String, Double> lastBucket = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                continue;
            }
            if (type.matches()) {
                assertThat(types.put(type.group(1), type.group(2))).as("TYPE twice: " + line).isNull();
                continue;
            }
            assertThat(sample.matches()).as("not a valid sample line: '" + line + "'").isTrue();
            String name = sample.group(1);
            String family = name.replaceAll("_(bucket|sum|count)$", "");
            assertThat(types).as("sample before its TYPE: " + line).containsKey(types.containsKey(name) ? name : family);
            if (name.endsWith("_bucket")) {
                String series = line.substring(0, line.indexOf("le=")) + "|" + family;
                double value = Double.parseDouble(sample.group(5));
                Double previous = lastBucket.put(series, value);
                assertThat(previous == null || previous <= value).as("buckets not cumulative: " + line).isTrue();
            }
        }
    }
}
