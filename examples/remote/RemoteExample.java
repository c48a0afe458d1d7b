// Run from the repository root after a build (./sandbox builds it on first use):
//   examples/remote/run
// It starts a Sandlot HTTP server in-process on a free loopback port (as `./sandbox serve` would run it), then
// talks to it only through RemoteSandbox, the client that implements the same Sandbox interface as the embedded
// API: a stateless execution, then a session that reads an uploaded CSV and writes a report the client downloads.

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import io.sandlot.client.RemoteSandbox;
import io.sandlot.server.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

public class RemoteExample {
    public static void main(String[] args) {
        String token = "example-token-4f9c2a";
        try (SandboxServer server = SandboxServer.newBuilder().port(0).tokens(List.of(token))
                        .defaultLimits(Limits.newBuilder().timeoutMs(30_000).build()).build().start();
                RemoteSandbox remote = RemoteSandbox.newBuilder(server.uri()).token(token).build()) {
            System.out.println("server: " + server.uri());

            // The one line that differs from embedding: where the Sandbox comes from.
            Sandbox sandbox = remote;   // embedded: factory.newSandbox(policy)

            ExecutionResult squares = sandbox.execute(Language.JS, "xs.map(x => x * x)", Map.of("xs", List.of(1, 2, 3)));
            System.out.println("stateless: " + squares.status() + " value=" + squares.value());

            try (Session session = sandbox.openSession(Language.PYTHON)) {
                session.writeFile("data/sales.csv", """
                        region,product,units,price
                        north,widget,12,2.50
                        south,widget,7,2.50
                        north,gadget,3,10.00
                        south,gadget,9,10.00
                        """.getBytes(StandardCharsets.UTF_8));

                // The guest reads the upload with Python's ordinary csv module and writes a file of its own.
                ExecutionResult loaded = session.execute("""
                        import csv
                        from collections import defaultdict
                        revenue = defaultdict(float)
                        with open('data/sales.csv', newline='') as f:
                            for row in csv.DictReader(f):
                                revenue[row['region']] += int(row['units']) * float(row['price'])
                        with open('report.csv', 'w', newline='') as f:
                            out = csv.writer(f)
                            out.writerow(['region', 'revenue'])
                            for region in sorted(revenue):
                                out.writerow([region, f'{revenue[region]:.2f}'])
                        len(revenue)
                        """);
                System.out.println("session: " + loaded.status() + " regions=" + loaded.value());

                // State persists between executions, like a notebook kernel.
                ExecutionResult best = session.execute("max(revenue, key=revenue.get)");
                System.out.println("session: best region=" + best.value());

                String report = new String(session.readFile("report.csv").orElseThrow(), StandardCharsets.UTF_8);
                System.out.print("downloaded report.csv:\n" + report);
                session.listFiles().forEach(file -> System.out.println("file: " + file.path() + " " + file.size()));
            }
        }
    }
}
