package io.sandlot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/analysis} as its README tells a user to run it: {@code ./sandbox serve --tokens-file} (default
 * flags otherwise), then {@code SANDLOT_TOKEN=... examples/analysis/run URL [folder]}, a client-only JVM that uploads
 * the CSV, queries it with {@code sql()} from Python and in a {@code sql} session, charts it and downloads the results.
 * The figures it prints are checked against sums of {@code sales.csv} made here, in plain Java.
 */
class AnalysisExampleIT {

    private static final Path BASEDIR = Path.of(System.getProperty("sandlot.basedir", "."));
    private static final String LAUNCHER = System.getProperty("sandlot.launcher", "./sandbox");
    private static final String TOKEN = "analysis-it-token-5d81c0";

    /** Sums of a group of rows of {@code sales.csv}: orders, units, and revenue as the exact sum of units * price. */
    record Sums(long orders, long units, BigDecimal revenue) {
        static Sums of(long units, BigDecimal price) {
            return new Sums(1, units, price.multiply(BigDecimal.valueOf(units)));
        }

        Sums plus(Sums other) {
            return new Sums(orders + other.orders, units + other.units, revenue.add(other.revenue));
        }
    }

    @Test
    void analysisExample_printsTheAggregatesAndDownloadsTheChartAndReport(@TempDir Path dir) throws Exception {
        Map<String, Sums> byRegion = new TreeMap<>();
        Map<String, Sums> byProduct = new TreeMap<>();
        List<String> lines = Files.readAllLines(BASEDIR.resolve("examples/analysis/sales.csv"));
        assertThat(lines.get(0)).isEqualTo("date,region,product,units,price");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long units = Long.parseLong(f[3]);
            BigDecimal price = new BigDecimal(f[4]);
            byRegion.merge(f[1], Sums.of(units, price), Sums::plus);
            byProduct.merge(f[2], Sums.of(units, price), Sums::plus);
        }
        List<Map.Entry<String, Sums>> ranked = new ArrayList<>(byRegion.entrySet());
        ranked.sort(Comparator.comparing((Map.Entry<String, Sums> e) -> e.getValue().revenue()).reversed());
        assertThat(ranked).hasSize(4);

        Path tokens = Files.writeString(dir.resolve("tokens"), TOKEN + "\n");
        Process server = new ProcessBuilder(LAUNCHER, "serve", "--port", "0", "--tokens-file", tokens.toString())
                .directory(BASEDIR.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(
                    new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
            URI uri = ServeOutput.awaitListening(err, Duration.ofSeconds(180));
            new Thread(() -> err.lines().forEach(line -> { })).start();

            Path downloads = dir.resolve("downloads");
            Path out = dir.resolve("out");
            Path errors = dir.resolve("err");
            ProcessBuilder example = new ProcessBuilder(BASEDIR.resolve("examples/analysis/run").toString(),
                    uri.toString(), downloads.toString())
                    .directory(BASEDIR.toFile()).redirectOutput(out.toFile()).redirectError(errors.toFile());
            example.environment().put("SANDLOT_TOKEN", TOKEN);
            Process client = example.start();
            client.getOutputStream().close();
            boolean ended = client.waitFor(180, TimeUnit.SECONDS);
            if (!ended) {
                client.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(errors, StandardCharsets.UTF_8);
            assertThat(ended).as("the example ended within 180 s%n%s%n%s", stdout, stderr).isTrue();
            assertThat(client.exitValue()).as("%s%n%s", stdout, stderr).isZero();

            // The summary the guest printed: regions by revenue, highest first, then the total.
            int at = -1;
            BigDecimal total = BigDecimal.ZERO;
            long totalUnits = 0;
            for (Map.Entry<String, Sums> region : ranked) {
                String row = String.format(Locale.ROOT, "  %-6s %5d %10.2f ", region.getKey(),
                        region.getValue().units(), region.getValue().revenue());
                int next = stdout.indexOf(row);
                assertThat(next).as("%s after the region before it in%n%s", row, stdout).isGreaterThan(at);
                at = next;
                total = total.add(region.getValue().revenue());
                totalUnits += region.getValue().units();
            }
            assertThat(stdout)
                    .contains(String.format(Locale.ROOT, "  %-6s %5d %10.2f%n", "total", totalUnits, total))
                    .contains("best region: " + ranked.get(0).getKey() + "\n")
                    .contains("artifact: out/revenue_by_region.csv (text/csv, ");

            // The chart, saved from the result's outputs.
            String svg = Files.readString(downloads.resolve("revenue_by_region.svg"), StandardCharsets.UTF_8);
            assertThat(svg).startsWith("<svg").contains("Revenue by region");
            ranked.forEach(region -> assertThat(svg).contains(">" + region.getKey() + "<"));

            // The report the guest wrote under /work/out/, downloaded from the session.
            StringBuilder report = new StringBuilder("region,units,revenue\n");
            ranked.forEach(region -> report.append(String.format(Locale.ROOT, "%s,%d,%.2f%n", region.getKey(),
                    region.getValue().units(), region.getValue().revenue())));
            assertThat(Files.readString(downloads.resolve("revenue_by_region.csv"), StandardCharsets.UTF_8))
                    .isEqualTo(report.toString());

            // The plain SQL query, in a session of language sql: products in name order.
            assertThat(stdout).containsPattern("sql session \\S+: " + byProduct.size() + " rows\n")
                    .contains("    product    orders     units avg_price\n");
            at = -1;
            for (Map.Entry<String, Sums> product : byProduct.entrySet()) {
                String row = String.format(Locale.ROOT, "  %9s %9d %9d ", product.getKey(),
                        product.getValue().orders(), product.getValue().units());
                int next = stdout.indexOf(row);
                assertThat(next).as("%s after the product before it in%n%s", row, stdout).isGreaterThan(at);
                at = next;
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
