package io.sandlot.internal.output;

import io.sandlot.Artifact;
import io.sandlot.Limit;
import io.sandlot.Limits;
import io.sandlot.Output;
import io.sandlot.internal.io.GuardedListener;
import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The display outputs and artifacts of one execution, within its {@link Limit#MAX_OUTPUTS} and
 * {@link Limit#MAX_ARTIFACT_BYTES}: an output's size is the UTF-8 size of its data's text and JSON values, an
 * artifact's the size of its file. The first breach is kept, and nothing is added after it. Thread-safe: the guest
 * thread adds, the thread that answers a stopped execution reads.
 */
public final class OutputLog {

    private final long maxOutputs;
    private final long maxBytes;
    private final GuardedListener listener;
    private final List<Output> outputs = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private long bytes;
    private OutputLimitException breach;

    /** A log bounded by {@code limits} that tells {@code listener} each output it adds, as it adds it. */
    public OutputLog(Limits limits, GuardedListener listener) {
        this.maxOutputs = limits.maxOutputs();
        this.maxBytes = limits.maxArtifactBytes();
        this.listener = listener;
    }

    /**
     * Checks that one more item of {@code size} bytes fits, without adding it (say, before rendering a chart).
     *
     * @throws OutputLimitException if it does not, or a limit was reached before
     */
    public synchronized void checkRoom(long size) throws OutputLimitException {
        if (breach != null) {
            throw breach;
        }
        if (maxOutputs > 0 && outputs.size() + artifacts.size() + 1 > maxOutputs) {
            throw breached(new OutputLimitException(Limit.MAX_OUTPUTS, maxOutputs));
        }
        if (maxBytes > 0 && bytes + size > maxBytes) {
            throw breached(new OutputLimitException(Limit.MAX_ARTIFACT_BYTES, maxBytes));
        }
    }

    /**
     * Adds {@code output}.
     *
     * @throws OutputLimitException if it would exceed a limit
     */
    public synchronized void add(Output output) throws OutputLimitException {
        long size = sizeOf(output.data());
        checkRoom(size);
        outputs.add(output);
        bytes += size;
        listener.output(output);
    }

    /**
     * Adds {@code artifact}.
     *
     * @throws OutputLimitException if it would exceed a limit
     */
    public synchronized void add(Artifact artifact) throws OutputLimitException {
        checkRoom(artifact.size());
        artifacts.add(artifact);
        bytes += artifact.size();
    }

    /** The outputs so far, in order. */
    public synchronized List<Output> outputs() {
        return List.copyOf(outputs);
    }

    /** The artifacts so far, in order. */
    public synchronized List<Artifact> artifacts() {
        return List.copyOf(artifacts);
    }

    /** The first breach of a limit, or null. */
    public synchronized OutputLimitException breach() {
        return breach;
    }

    private OutputLimitException breached(OutputLimitException e) {
        breach = e;
        return e;
    }

    /** The UTF-8 size of a bundle: its text values as they are, its structured values as JSON. */
    static long sizeOf(Map<String, Object> data) {
        long size = 0;
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            Object value = entry.getValue();
            String text = value instanceof String s ? s : Json.write(value);
            size += text.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
