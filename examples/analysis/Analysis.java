// An end-to-end analysis through Sandlot's HTTP API, with nothing but the client (sandlot-client, sandlot-api and
// Jackson: no GraalVM) on the class path. Start a server, then run this (see README.md next to it):
//
//   SANDLOT_TOKEN=... examples/analysis/run http://127.0.0.1:8080 [output folder, default analysis-out]
//
// which runs, with the client jars on the class path (Java's single-file source mode):
//
//   java -cp <client jars> Analysis.java <server URL> <CSV file> [output folder]
//
// 1. opens a Python session and uploads sales.csv into it;
// 2. runs Python that aggregates it with sql(), prints a summary, draws a bar chart with chart() and writes a CSV
//    report under /work/out/;
// 3. saves the chart's SVG (an output of the result) and downloads the report (an artifact, also a session file);
// 4. asks the same data a question in plain SQL, in a session of language sql.

import io.sandlot.Artifact;
import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Output;
import io.sandlot.Session;
import io.sandlot.client.RemoteSandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

public class Analysis {

    /** The guest's code: the CSV is the table {@code sales} (its file name without the extension). */
    static final String PYTHON = """
            import csv, os

            rows = sql('''SELECT region, sum(units) AS units, round(sum(units * price), 2) AS revenue
                          FROM sales GROUP BY region ORDER BY revenue DESC''')
            total = sum(r['revenue'] for r in rows)
            print(f"{'region':<6} {'units':>5} {'revenue':>10} {'share':>6}")
            for r in rows:
                print(f"{r['region']:<6} {r['units']:>5} {r['revenue']:>10.2f} {r['revenue'] / total:>6.1%}")
            print(f"{'total':<6} {sum(r['units'] for r in rows):>5} {total:>10.2f}")

            chart({
                'title': 'Revenue by region',
                'data': {'values': rows},
                'mark': 'bar',
                'encoding': {
                    'x': {'field': 'region', 'type': 'nominal', 'sort': '-y'},
                    'y': {'field': 'revenue', 'type': 'quantitative'},
                },
            })

            os.makedirs('out', exist_ok=True)      # files under /work/out/ come back as artifacts
            with open('out/revenue_by_region.csv', 'w', newline='') as f:
                report = csv.writer(f, lineterminator='\\n')
                report.writerow(['region', 'units', 'revenue'])
                for r in rows:
                    report.writerow([r['region'], r['units'], f"{r['revenue']:.2f}"])

            rows[0]['region']                      # the value of the execution: the best region
            """;

    /** One read-only DuckDB query; the session's .csv files are its tables. */
    static final String SQL = """
            SELECT product, count(*) AS orders, sum(units) AS units, round(avg(price), 2) AS avg_price
            FROM sales GROUP BY product ORDER BY product
            """;

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: Analysis <server URL, e.g. http://127.0.0.1:8080> <CSV file> [output folder]"
                    + " (the token in SANDLOT_TOKEN)");
            System.exit(2);
        }
        URI server = URI.create(args[0]);
        byte[] csv = Files.readAllBytes(Path.of(args[1]));
        Path outDir = Path.of(args.length > 2 ? args[2] : "analysis-out");
        Files.createDirectories(outDir);

        RemoteSandbox.Builder builder = RemoteSandbox.newBuilder(server);
        String token = System.getenv("SANDLOT_TOKEN");
        if (token != null && !token.isEmpty()) {
            builder.token(token);
        }
        try (RemoteSandbox sandbox = builder.build()) {
            System.out.println("server: " + server + " (sandlot " + sandbox.info().get("sandlot") + ")");

            // Each execution of the session may take up to 60 s (the server's maximum; its default is 30 s): the
            // first chart a server draws waits for its renderer, which takes seconds to make on a busy machine.
            Limits limits = Limits.newBuilder().timeoutMs(60_000).build();
            try (Session session = sandbox.openSession(Language.PYTHON, limits)) {
                session.writeFile("sales.csv", csv);                                 // PUT .../files/sales.csv
                System.out.println("python session " + session.id() + ": uploaded sales.csv, " + csv.length + " bytes");

                ExecutionResult result = session.execute(PYTHON);                     // POST .../execute
                if (!result.isOk()) {
                    throw new IllegalStateException("the analysis failed: " + result.toJson());
                }
                System.out.print(result.stdout().indent(2));
                System.out.println("best region: " + result.value());

                // The chart is an output of the result: its SVG, the Vega-Lite spec and a text form.
                for (Output output : result.outputs()) {
                    if (output.data().get("image/svg+xml") instanceof String svg) {
                        Path file = Files.writeString(outDir.resolve("revenue_by_region.svg"), svg);
                        System.out.println("chart: " + output.mimeTypes() + ", saved " + file + " ("
                                + svg.length() + " characters)");
                    }
                }
                // The report is listed among the artifacts (with its content) and stays in the session's files.
                for (Artifact artifact : result.artifacts()) {
                    System.out.println("artifact: out/" + artifact.name() + " (" + artifact.mimeType() + ", "
                            + artifact.size() + " bytes)");
                }
                byte[] report = session.readFile("out/revenue_by_region.csv").orElseThrow();   // GET .../files/...
                Path file = Files.write(outDir.resolve("revenue_by_region.csv"), report);
                System.out.println("downloaded out/revenue_by_region.csv to " + file + ":");
                System.out.print(new String(report, StandardCharsets.UTF_8).indent(2));
            }

            // Plain SQL: a session of language sql sees its own uploaded files as tables, and answers with columns
            // and rows.
            try (Session session = sandbox.openSession(Language.SQL)) {
                session.writeFile("sales.csv", csv);
                ExecutionResult result = session.execute(SQL);
                if (!result.isOk()) {
                    throw new IllegalStateException("the query failed: " + result.toJson());
                }
                Map<?, ?> value = (Map<?, ?>) result.value();
                System.out.println("sql session " + session.id() + ": " + value.get("rowCount") + " rows");
                List<String> names = ((List<?>) value.get("columns")).stream()
                        .map(column -> String.valueOf(((Map<?, ?>) column).get("name"))).toList();
                System.out.println(format(names));
                for (Object row : (List<?>) value.get("rows")) {
                    System.out.println(format((List<?>) row));
                }
            }
        }
    }

    private static String format(List<?> cells) {
        StringBuilder line = new StringBuilder(" ");
        for (Object cell : cells) {
            line.append(String.format(" %9s", cell));
        }
        return line.toString();
    }
}
