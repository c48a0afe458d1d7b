package io.sandlot.internal.exec;

import io.sandlot.internal.fs.MemoryFileSystem;
import io.sandlot.internal.lang.Dialect;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * A polyglot context with its plumbing: its private file system, stdout and stderr that follow whichever
 * execution is attached, and that execution, so that a statement-limit callback or a file-system denial reaches
 * the right one. A context serves one execution at a time: stateless ones exactly one, sessions many in turn.
 */
final class GuestContext {

    final Dialect dialect;
    final Context context;
    /** The shared engine the context runs on. */
    final Engine engine;
    final MemoryFileSystem files;
    private final Value flushFiles;
    private final Redirect out;
    private final Redirect err;
    private final AtomicReference<Execution> attached;
    private Value jsonParser;

    GuestContext(Dialect dialect, Context context, Engine engine, MemoryFileSystem files, Value flushFiles,
            Redirect out, Redirect err, AtomicReference<Execution> attached) {
        this.dialect = dialect;
        this.context = context;
        this.engine = engine;
        this.files = files;
        this.flushFiles = flushFiles;
        this.out = out;
        this.err = err;
        this.attached = attached;
    }

    /** The execution running in this context, or null. */
    Execution attached() {
        return attached.get();
    }

    /** Routes output, denials and limit callbacks to {@code execution}. */
    void attach(Execution execution) {
        attached.set(execution);
        out.target = execution.output().stdout();
        err.target = execution.output().stderr();
    }

    void detach() {
        attached.set(null);
        out.target = OutputStream.nullOutputStream();
        err.target = OutputStream.nullOutputStream();
    }

    /**
     * Flushes what the guest wrote to files it left open into its file system. Runs guest-reachable code (a file
     * object's {@code flush}), so call it inside the guest phase, under the execution's limits.
     */
    void flushFiles() {
        if (flushFiles != null) {
            flushFiles.executeVoid();
        }
    }

    /** A guest function from JSON text to a native guest value, made before any guest code ran. */
    Value jsonParser() {
        if (jsonParser == null) {
            jsonParser = dialect.jsonParser(context);
        }
        return jsonParser;
    }

    /** Closes the context (cancelling a running guest if {@code cancel}) and frees its files. Never throws. */
    void close(boolean cancel) {
        try {
            context.close(cancel);
        } catch (RuntimeException ignored) {
            // Closing a cancelled or already closed context reports the cancellation again; nothing is lost.
        }
        try {
            files.close();
        } catch (IOException ignored) {
            // An in-memory tree has nothing to flush; closing only unregisters it.
        }
    }

    /** An output stream whose target can change between executions. */
    static final class Redirect extends OutputStream {
        volatile OutputStream target = OutputStream.nullOutputStream();

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
