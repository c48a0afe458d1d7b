// Run from the repository root after a build (./sandbox builds it on first use):
//   examples/embedding/run
// It embeds Sandlot in a Java program: one factory, one policy, inputs in, results out as data.

import io.sandlot.ExecutionResult;
import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Policy;
import io.sandlot.Sandbox;
import io.sandlot.local.SandboxFactory;
import java.util.List;
import java.util.Map;

public class EmbedExample {
    public static void main(String[] args) {
        try (SandboxFactory factory = SandboxFactory.create()) {
            Sandbox sandbox = factory.newSandbox(Policy.newBuilder()
                    .limits(Limits.newBuilder().timeoutMs(2_000).maxMemoryMb(64).maxStatements(1_000_000).build())
                    .exposeFunction("taxRate", arguments -> "DE".equals(arguments.get(0)) ? 0.19 : 0.0)
                    .build());

            // Untrusted Python written by, say, an LLM agent: it sees only its inputs and the one host function.
            ExecutionResult python = sandbox.execute(Language.PYTHON, """
                    net = sum(item['price'] * item['qty'] for item in cart)
                    print(f'{len(cart)} items')
                    round(net * (1 + taxRate(country)), 2)
                    """, Map.of("cart", List.of(Map.of("price", 10, "qty", 2), Map.of("price", 5.5, "qty", 1)),
                    "country", "DE"));
            System.out.println("python: " + python.status() + " value=" + python.value() + " stdout=" + python.stdout().strip());

            // A user's JavaScript rule that never ends: the limit stops it, the host carries on.
            ExecutionResult runaway = sandbox.execute(Language.JS, "while (true) {}");
            System.out.println("runaway: " + runaway.status() + " (" + runaway.error().message() + ")");

            // Results are data: the same JSON the CLI and the HTTP API print.
            System.out.println(sandbox.execute(Language.JS, "[1, 2, 3].map(x => x * x)").toJson());
        }
    }
}
