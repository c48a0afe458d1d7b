package io.sandlot.internal.lang;

import java.util.Map;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Node's {@code util} ({@code node-util.js}) and {@code assert} ({@code node-assert.js}, also {@code assert/strict})
 * for JavaScript guests: guest code, made in the guest's context on its first {@code require}, with no host call
 * at all. {@code util.inspect} and {@code util.format} are node's own, the ones the console prints with
 * ({@link JsConsole}), loaded once per context by whichever needs them first.
 */
final class JsNodeModules {

    private static final Source UTIL = JsLibraries.resource("node-util.js", "node:util");
    private static final Source ASSERT = JsLibraries.resource("node-assert.js", "node:assert");

    private final Context context;
    private final Value inspector;
    /** What node-util.js made: {@code {util, deepEqual}}, once per context. */
    private Value made;

    private JsNodeModules(Context context, Value inspector) {
        this.context = context;
        this.inspector = inspector;
    }

    /**
     * The modules, by the name {@code require} knows them, for a context whose console loads node's inspect
     * through {@code inspector}.
     */
    static Map<String, Supplier<Value>> of(Context context, Value inspector) {
        JsNodeModules modules = new JsNodeModules(context, inspector);
        return Map.of("util", () -> modules.made().getMember("util"), "assert", modules::assertModule);
    }

    private Value made() {
        if (made == null) {
            made = context.eval(UTIL).execute(inspector);
        }
        return made;
    }

    private Value assertModule() {
        Value util = made();
        return context.eval(ASSERT).execute(util.getMember("util"), util.getMember("deepEqual"));
    }
}
