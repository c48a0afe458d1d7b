package io.sandlot;

import io.sandlot.local.SandboxFactory;
import java.util.Map;

/** One factory for the whole test run: engines are expensive to warm, and sharing them is what production does. */
final class SandboxExtension {

    static final SandboxFactory FACTORY = SandboxFactory.newBuilder().maxConcurrency(4).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(FACTORY::close));
    }

    private SandboxExtension() {
    }

    static Sandbox sandbox(Limits limits) {
        return FACTORY.newSandbox(Policy.newBuilder().limits(limits).build());
    }

    static ExecutionResult run(Language language, String code) {
        return FACTORY.newSandbox().execute(language, code);
    }

    static ExecutionResult run(Language language, String code, Limits limits) {
        return sandbox(limits).execute(language, code, Map.of());
    }
}
