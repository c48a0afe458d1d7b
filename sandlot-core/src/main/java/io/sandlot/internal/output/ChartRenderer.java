package io.sandlot.internal.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Renders Vega-Lite specs to SVG on the host, with vega and vega-lite in JS contexts of its own engine that no guest
 * can reach: a guest hands over JSON text and gets SVG text back, never an object of a renderer context.
 *
 * <p>A renderer context is expensive to make (vega and vega-lite are 750 KB of JavaScript: seconds for the first
 * context of the process, about a second for later ones), so up to {@code poolSize} contexts are kept warm and reused,
 * one chart at a time each, on threads of their own. A context is dropped when a render times out or its guest
 * stops waiting. Renderer contexts are CONSTRAINED with every door shut, and evaluate a spec's expressions with
 * vega-interpreter instead of compiling them to JavaScript, so that a spec cannot run code of its own in a context
 * that later renders other guests' charts. A spec cannot load data (its loader refuses every URL).
 */
public final class ChartRenderer implements AutoCloseable {

    private static final String RESOURCES = "js/";
    private static final List<Source> LIBRARIES = List.of(
            script("polyfills.js"), script("vega.min.js"), script("vega-lite.min.js"), script("vega-interpreter.js"));
    private static final Source RENDER = script("render.js");
    private static final long POLL_MS = 20;

    private final Duration setupTimeout;
    private final Duration renderTimeout;
    private final Semaphore slots;
    private final BlockingQueue<RendererContext> idle;
    private final ExecutorService threads;
    private final AtomicLong contextsMade = new AtomicLong();
    private volatile Engine engine;
    private volatile boolean closed;

    /**
     * @param poolSize the most charts rendered at once, and the most warm contexts kept
     * @param setupTimeout how long making a context may take, on top of the render
     * @param renderTimeout how long rendering one chart may take
     */
    public ChartRenderer(int poolSize, Duration setupTimeout, Duration renderTimeout) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        this.setupTimeout = setupTimeout;
        this.renderTimeout = renderTimeout;
        this.slots = new Semaphore(poolSize, true);
        this.idle = new ArrayBlockingQueue<>(poolSize);
        this.threads = Executors.newFixedThreadPool(poolSize, Thread.ofPlatform().daemon().name("sandlot-chart-", 0)
                .factory());
    }

    /**
     * Renders {@code specJson}, a Vega-Lite spec, to SVG, waiting on the calling thread.
     *
     * @param abandoned polled while waiting: once true, the render is given up (say, the guest that asked was stopped)
     * @throws ChartException if the spec is invalid (with vega's message), or rendering timed out or was given up
     * @throws InterruptedException if the calling thread was interrupted while waiting
     * @throws IllegalStateException if the renderer is closed
     */
    public String render(String specJson, BooleanSupplier abandoned) throws ChartException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("the chart renderer is closed");
        }
        slots.acquire();
        Job job = new Job(specJson, idle.poll());
        Future<String> rendering;
        try {
            rendering = threads.submit(() -> run(job));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        long budgetNanos = renderTimeout.toNanos() + (job.context.get() == null ? setupTimeout.toNanos() : 0);
        long deadline = System.nanoTime() + budgetNanos;
        try {
            while (true) {
                try {
                    return rendering.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (abandoned.getAsBoolean()) {
                        throw job.giveUp("rendering the chart was given up");
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw job.giveUp("rendering the chart took longer than "
                                + Duration.ofNanos(budgetNanos).toMillis() + " ms");
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChartException chart) {
                throw chart;
            }
            throw new IllegalStateException("the chart renderer failed", e.getCause());
        } catch (InterruptedException e) {
            job.giveUp("interrupted");
            throw e;
        }
    }

    /**
     * Runs on a renderer thread: renders in the job's warm context, or a new one, and gives it back if it is sound.
     * Always runs once submitted (a job is never cancelled before it starts), so that the slot is released.
     */
    private String run(Job job) throws ChartException {
        try {
            RendererContext context = job.context.get();
            if (context == null && !job.givenUp) {
                context = new RendererContext(engine());
                contextsMade.incrementAndGet();
                job.context.set(context);
            }
            if (job.givenUp) {
                if (context != null) {
                    context.cancel();
                }
                throw new ChartException("rendering the chart was given up");
            }
            try {
                String svg = context.render(job.specJson);
                keep(job, context);
                return svg;
            } catch (ChartException e) {
                keep(job, context);   // the spec's fault; the context is sound
                throw e;
            } catch (PolyglotException e) {
                context.cancel();
                throw new ChartException(e.isCancelled() ? "rendering the chart was given up"
                        : "the chart renderer failed: " + e.getMessage());
            }
        } finally {
            slots.release();
        }
    }

    /** Gives a context back to the pool, unless its render was given up (and the context closed) meanwhile. */
    private void keep(Job job, RendererContext context) {
        if (!closed && job.context.compareAndSet(context, null) && idle.offer(context)) {
            return;
        }
        context.cancel();
    }

    private Engine engine() {
        Engine found = engine;
        if (found == null) {
            synchronized (this) {
                found = engine;
                if (found == null) {
                    found = Engine.newBuilder("js")
                            .sandbox(SandboxPolicy.CONSTRAINED)
                            .out(OutputStream.nullOutputStream())
                            .err(OutputStream.nullOutputStream())
                            .option("engine.WarnInterpreterOnly", "false")
                            .build();
                    engine = found;
                }
            }
        }
        return found;
    }

    /** How many renderer contexts were made so far: one per pool slot while none is dropped. */
    public long contextsMade() {
        return contextsMade.get();
    }

    /** Closes the warm contexts and the engine; renders in progress fail. */
    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        for (RendererContext context; (context = idle.poll()) != null; ) {
            context.cancel();
        }
        Engine found = engine;
        if (found != null) {
            try {
                found.close(true);
            } catch (RuntimeException e) {
                // a context still closing; the engine goes with the JVM
            }
        }
    }

    private static Source script(String name) {
        try (InputStream in = ChartRenderer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), "<sandlot-chart>/"
                    + name).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One render: its spec, the context it runs in (once it has one), and whether its waiter gave up. */
    private static final class Job {
        final String specJson;
        final AtomicReference<RendererContext> context;
        volatile boolean givenUp;

        Job(String specJson, RendererContext warm) {
            this.specJson = specJson;
            this.context = new AtomicReference<>(warm);
        }

        /**
         * Gives up: the context is closed, so that a render in it ends, and dropped; a context made after this is
         * closed by the renderer thread, which checks {@link #givenUp} after publishing it.
         */
        ChartException giveUp(String message) {
            givenUp = true;
            RendererContext running = context.getAndSet(null);
            if (running != null) {
                running.cancel();
            }
            return new ChartException(message);
        }
    }

    /** One renderer context: the libraries loaded, and the render function. Used by one thread at a time. */
    private static final class RendererContext {
        private final Context context;
        private final Value render;
        private final Value runTimers;

        RendererContext(Engine engine) {
            context = Context.newBuilder("js")
                    .engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream())
                    .build();
            try {
                LIBRARIES.forEach(context::eval);
                render = context.eval(RENDER);
                runTimers = context.getBindings("js").getMember("runTimers");
            } catch (RuntimeException e) {
                context.close(true);
                throw e;
            }
        }

        /**
         * Renders, running the timers vega sets until its promise settles (GraalJS runs pending promise jobs when a
         * call from the host ends). A render that never settles runs until the waiter gives up and closes the context.
         */
        String render(String specJson) throws ChartException {
            AtomicReference<String> svg = new AtomicReference<>();
            AtomicReference<String> error = new AtomicReference<>();
            render.executeVoid(specJson, callback(svg), callback(error));
            while (svg.get() == null && error.get() == null && runTimers.execute().asInt() > 0) {
                Thread.onSpinWait();
            }
            if (error.get() != null) {
                throw new ChartException(error.get());
            }
            if (svg.get() == null) {
                throw new ChartException("the chart did not finish rendering");
            }
            return svg.get();
        }

        private static ProxyExecutable callback(AtomicReference<String> into) {
            return arguments -> {
                into.set(arguments[0].asString());
                return null;
            };
        }

        void cancel() {
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // closing a cancelled context reports the cancellation again
            }
        }
    }
}
