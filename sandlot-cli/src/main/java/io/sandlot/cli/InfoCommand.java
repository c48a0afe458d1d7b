package io.sandlot.cli;

import io.sandlot.RuntimeInfo;
import io.sandlot.local.SandboxFactory;
import io.sandlot.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sandbox info}: versions, languages and whether the Graal JIT is on. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Prints the Java and GraalVM versions, the languages, and whether the Graal JIT is on.")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (SandboxFactory factory = SandboxFactory.newBuilder().maxConcurrency(1).build()) {
            RuntimeInfo info = factory.info();
            var out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("java", info.javaVersion());
                map.put("graalvm", info.graalvmVersion());
                map.put("implementation", info.implementationName());
                map.put("jit", info.jit());
                map.put("languages", info.languages());
                out.println(Json.write(map));
            } else {
                out.println("java            " + info.javaVersion());
                out.println("graalvm         " + info.graalvmVersion());
                out.println("implementation  " + info.implementationName());
                out.println("jit             " + info.jit());
                info.languages().forEach((id, version) -> out.println("language        " + id + " " + version));
            }
            out.flush();
            return Main.OK;
        }
    }
}
