package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of limits is {@link Limit}'s table: {@link #readmeTable()} writes it, and the test fails when
 * the README says anything else (paste the expected text from the failure into the README).
 */
class LimitDocsTest {

    private static final String HEADER = "| name | what it limits | unit | default | server maximum | fires as "
            + "| what it does not cover |";

    @Test
    void readme_limitsTable_isTheTable() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf(HEADER);
        assertThat(start).as("the README's line " + HEADER).isNotNegative();
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) {
            end++;
        }

        assertThat(String.join("\n", lines.subList(start, end))).isEqualTo(readmeTable());
    }

    @Test
    void readme_serverMaximums_areTheTables() throws IOException {
        String capped = Arrays.stream(Limit.values()).filter(limit -> limit.serverMaximum() > 0)
                .map(limit -> limit.key() + "=" + limit.serverMaximum()).collect(Collectors.joining(","));

        assertThat(Files.readString(readme()).replaceAll("\\s+", " "))
                .contains("`--max-limits` caps what they may ask for (default `" + capped + "`");
    }

    /** The README's table of limits, in Markdown. */
    static String readmeTable() {
        StringBuilder table = new StringBuilder(HEADER).append("\n|---|---|---|---|---|---|---|");
        for (Limit limit : Limit.values()) {
            table.append("\n| `").append(limit.key()).append("` | ")
                    .append(limit.description()).append(" | ")
                    .append(limit.unit()).append(" | ")
                    .append(limit.defaultValue() == 0 ? "0 (off)" : limit.defaultValue()).append(" | ")
                    .append(limit.serverMaximum() == 0 ? "none" : limit.serverMaximum()).append(" | ")
                    .append(limit.status().map(status -> "`" + status.id() + "`")
                            .orElse(limit.truncates() ? "truncates the result" : "refused before running"))
                    .append(" | ").append(limit.notCovered()).append(" |");
        }
        return table.toString();
    }

    /** The nearest README: in this directory, or above it when the tests run in a module's directory. */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md in or above " + Path.of("").toAbsolutePath());
    }
}
