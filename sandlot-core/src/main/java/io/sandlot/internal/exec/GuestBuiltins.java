package io.sandlot.internal.exec;

import io.sandlot.HostFunction;
import io.sandlot.Output;
import io.sandlot.Status;
import io.sandlot.internal.output.ChartException;
import io.sandlot.internal.output.ChartRenderer;
import io.sandlot.internal.output.MimeBundles;
import io.sandlot.internal.output.OutputLimitException;
import io.sandlot.internal.output.OutputLog;
import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The functions every guest has, in both languages: {@code display(value, mimeType?)} and {@code chart(spec)}. They
 * add outputs to the execution that calls them, within its limits; reaching one stops the execution with the
 * limit's status ({@link Status#OUTPUT_COUNT_LIMIT}, {@link Status#ARTIFACT_LIMIT}). They are exposed like the
 * policy's host functions, which win over them by name.
 */
final class GuestBuiltins {

    /** {@code display(value, mimeType?)}. */
    static final String DISPLAY = "display";
    /** {@code chart(spec)}. */
    static final String CHART = "chart";

    private final Supplier<Execution> attached;
    private final ChartRenderer renderer;

    /**
     * @param attached the execution running in the context, at the time of a call
     */
    GuestBuiltins(Supplier<Execution> attached, ChartRenderer renderer) {
        this.attached = attached;
        this.renderer = renderer;
    }

    /** The builtins by global name, in a new map the caller may change. */
    Map<String, HostFunction> functions() {
        Map<String, HostFunction> functions = new LinkedHashMap<>();
        functions.put(DISPLAY, this::display);
        functions.put(CHART, this::chart);
        return functions;
    }

    private Object display(List<Object> arguments) throws Exception {
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw new IllegalArgumentException("display(value, mimeType?) takes 1 or 2 arguments, got "
                    + arguments.size());
        }
        Output output;
        if (arguments.size() == 1 || arguments.get(1) == null) {
            output = MimeBundles.display(arguments.get(0));
        } else if (arguments.get(1) instanceof String mimeType) {
            output = MimeBundles.display(arguments.get(0), mimeType);
        } else {
            throw new IllegalArgumentException("display(value, mimeType?): the mime type must be a string such as "
                    + "'text/html'");
        }
        add(execution(), output);
        return null;
    }

    private Object chart(List<Object> arguments) throws Exception {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof Map<?, ?> given)) {
            throw new IllegalArgumentException("chart(spec) takes one Vega-Lite spec, an object such as {\"data\": "
                    + "{\"values\": rows}, \"mark\": \"bar\", \"encoding\": {...}}");
        }
        Execution execution = execution();
        Map<String, Object> spec = new LinkedHashMap<>();
        given.forEach((key, value) -> spec.put(String.valueOf(key), value));
        String specJson = Json.write(spec);
        try {
            execution.outputs.checkRoom(specJson.getBytes(StandardCharsets.UTF_8).length);
        } catch (OutputLimitException e) {
            throw stop(execution, e);
        }
        String svg;
        try {
            svg = renderer.render(specJson, () -> execution.stopReason() != null);
        } catch (ChartException e) {
            throw new IllegalArgumentException("chart: " + e.getMessage());
        }
        add(execution, MimeBundles.chart(spec, svg));
        return null;
    }

    private Execution execution() {
        Execution execution = attached.get();
        if (execution == null) {
            throw new IllegalStateException("no execution is running");
        }
        return execution;
    }

    private static void add(Execution execution, Output output) {
        try {
            execution.outputs.add(output);
        } catch (OutputLimitException e) {
            throw stop(execution, e);
        }
    }

    /** Stops the execution for the breach; the guest sees the message until it is stopped. */
    private static IllegalStateException stop(Execution execution, OutputLimitException e) {
        execution.stop(e.status());
        return new IllegalStateException(e.getMessage());
    }
}
