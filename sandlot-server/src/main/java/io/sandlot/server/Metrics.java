package io.sandlot.server;

import io.sandlot.Language;
import io.sandlot.Status;
import io.sandlot.service.SandboxService;
import io.sandlot.service.ServiceObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The server's metrics, written in the Prometheus text exposition format (version 0.0.4): what the service core
 * reports as its {@link ServiceObserver}, the HTTP requests, and gauges read when scraped. Counters and histograms
 * are lock-free adders.
 */
final class Metrics implements ServiceObserver {

    /** Histogram buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** A cumulative histogram over {@link #BUCKETS}. */
    static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    /** A metric read when scraped: a gauge, or a counter kept elsewhere. */
    private record Gauge(String name, String help, String type, Supplier<Map<String, Number>> values) {
    }

    /** Label sets (already rendered, such as {@code kind="stateless",language="js"}) to their series. */
    private final Map<String, LongAdder> executions = new ConcurrentSkipListMap<>();
    private final Map<String, Histogram> executionSeconds = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> httpRequests = new ConcurrentSkipListMap<>();
    private final Map<String, Histogram> httpSeconds = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> rejections = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> sessionsClosed = new ConcurrentSkipListMap<>();
    private final LongAdder sessionsCreated = new LongAdder();
    private final Histogram queueWait = new Histogram();
    private final List<Gauge> gauges = new ArrayList<>();

    Metrics() {
        for (String kind : List.of("stateless", "session")) {
            for (Language language : Language.values()) {
                String labels = "kind=\"" + kind + "\",language=\"" + language.id() + "\"";
                executionSeconds.put(labels, new Histogram());
                for (Status status : Status.values()) {
                    executions.put(labels + ",status=\"" + status.id() + "\"", new LongAdder());
                }
            }
        }
        for (String reason : List.of("tenant_queue_full", "queue_full", "queue_timeout", "stopping", "memory",
                "session_limit")) {
            rejections.put("reason=\"" + reason + "\"", new LongAdder());
        }
        for (String reason : List.of("deleted", "expired", "closed", "shutdown")) {
            sessionsClosed.put("reason=\"" + reason + "\"", new LongAdder());
        }
    }

    /**
     * Adds the gauges and counters read from {@code service} at every scrape, and {@code inFlight}, the HTTP
     * requests being handled.
     */
    Metrics watch(SandboxService service, IntSupplier inFlight) {
        gauge("sandlot_sessions_active", "Open sessions, by language.",
                () -> byLanguage(service.stats().sessions()))
                .gauge("sandlot_queue_depth", "Requests waiting for an execution slot.",
                        () -> one(service.stats().queued()))
                .gauge("sandlot_executions_running", "Executions holding a slot.",
                        () -> one(service.stats().running()))
                .gauge("sandlot_execution_slots", "Size of the execution slot pool (executions that may run at once).",
                        () -> one(service.stats().slots()))
                .gauge("sandlot_quarantined_threads",
                        "Guest threads that ignored cancellation and still run (each costs a core until it ends).",
                        () -> one(service.stats().engine().quarantinedThreads()))
                .gauge("sandlot_guest_executions_running",
                        "Executions running on the sandbox's guest threads (all users of its factory).",
                        () -> one(service.stats().engine().runningExecutions()))
                .gauge("sandlot_context_pool_ready", "Pre-warmed contexts ready now, by language.",
                        () -> byLanguage(service.stats().engine().pooledContexts()))
                .counter("sandlot_context_pool_hits_total",
                        "Stateless executions that found a pre-warmed context.",
                        () -> one(service.stats().engine().poolHits()))
                .counter("sandlot_context_pool_misses_total",
                        "Stateless executions that had to create their context.",
                        () -> one(service.stats().engine().poolMisses()))
                .gauge("sandlot_source_cache_entries", "Parsed sources kept for reuse.",
                        () -> one(service.stats().engine().cachedSources()))
                .gauge("sandlot_heap_used_after_gc_ratio",
                        "Heap in use after the last collection, as a fraction of the maximum heap.",
                        () -> one(service.stats().heapUsedAfterGc()))
                .gauge("sandlot_http_requests_in_flight", "HTTP requests being handled.",
                        () -> one(inFlight.getAsInt()))
                .gauge("sandlot_jit_enabled",
                        "1 if guest code is compiled by the Graal JIT, 0 if it runs interpreted (10-100x slower).",
                        () -> one(service.runtimeInfo().jit() ? 1 : 0));
        return this;
    }

    /** One series per language, labelled {@code language}, 0 for a language missing from {@code counts}. */
    private static Map<String, Number> byLanguage(Map<Language, Integer> counts) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        for (Language language : Language.values()) {
            values.put(language.id(), counts.getOrDefault(language, 0));
        }
        return by("language", values);
    }

    /** Adds a gauge read at every scrape; {@code values} maps a rendered label set ("" for none) to a value. */
    Metrics gauge(String name, String help, Supplier<Map<String, Number>> values) {
        gauges.add(new Gauge(name, help, "gauge", values));
        return this;
    }

    /** Adds a counter kept elsewhere (monotonic), read at every scrape. */
    Metrics counter(String name, String help, Supplier<Map<String, Number>> values) {
        gauges.add(new Gauge(name, help, "counter", values));
        return this;
    }

    @Override
    public void executed(String kind, Language language, Status status, long nanos) {
        String labels = "kind=\"" + kind + "\",language=\"" + language.id() + "\"";
        executions.computeIfAbsent(labels + ",status=\"" + status.id() + "\"", k -> new LongAdder()).increment();
        executionSeconds.computeIfAbsent(labels, k -> new Histogram()).observe(nanos / 1e9);
    }

    void request(String route, String method, int status, long nanos) {
        httpRequests.computeIfAbsent("route=\"" + escape(route) + "\",method=\"" + escape(method) + "\",code=\""
                + status + "\"", k -> new LongAdder()).increment();
        httpSeconds.computeIfAbsent("route=\"" + escape(route) + "\"", k -> new Histogram()).observe(nanos / 1e9);
    }

    @Override
    public void queueWaited(long nanos) {
        queueWait.observe(nanos / 1e9);
    }

    @Override
    public void rejected(String reason) {
        rejections.computeIfAbsent("reason=\"" + reason + "\"", k -> new LongAdder()).increment();
    }

    @Override
    public void sessionCreated() {
        sessionsCreated.increment();
    }

    @Override
    public void sessionClosed(String reason) {
        sessionsClosed.computeIfAbsent("reason=\"" + reason + "\"", k -> new LongAdder()).increment();
    }

    /** The text exposition of every metric. */
    String scrape() {
        StringBuilder out = new StringBuilder(16_384);
        counters(out, "sandlot_executions_total",
                "Executions finished, by kind (stateless or session), language and result status.", executions);
        histograms(out, "sandlot_execution_duration_seconds",
                "Time from admission to result of an execution, context creation included.", executionSeconds);
        histograms(out, "sandlot_queue_wait_seconds", "Time an execution waited for a slot.",
                Map.of("", queueWait));
        counters(out, "sandlot_http_requests_total", "HTTP requests answered, by route, method and status code.",
                httpRequests);
        histograms(out, "sandlot_http_request_duration_seconds", "Time to answer an HTTP request, by route.",
                httpSeconds);
        counters(out, "sandlot_rejected_requests_total",
                "Requests refused before running (429/503), by reason.", rejections);
        counters(out, "sandlot_sessions_created_total", "Sessions created.", Map.of("", sessionsCreated));
        counters(out, "sandlot_sessions_closed_total",
                "Sessions closed, by reason (deleted, expired after the idle TTL, closed by the engine, shutdown).",
                sessionsClosed);
        for (Gauge gauge : gauges) {
            header(out, gauge.name(), gauge.help(), gauge.type());
            new java.util.TreeMap<>(gauge.values().get()).forEach((labels, value) ->
                    sample(out, gauge.name(), labels, format(value.doubleValue())));
        }
        return out.toString();
    }

    private static void counters(StringBuilder out, String name, String help, Map<String, LongAdder> series) {
        header(out, name, help, "counter");
        new java.util.TreeMap<>(series).forEach((labels, value) -> sample(out, name, labels, Long.toString(value.sum())));
    }

    private static void histograms(StringBuilder out, String name, String help, Map<String, Histogram> series) {
        header(out, name, help, "histogram");
        new java.util.TreeMap<>(series).forEach((labels, histogram) -> {
            String prefix = labels.isEmpty() ? "" : labels + ",";
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += histogram.counts[i].sum();
                sample(out, name + "_bucket", prefix + "le=\"" + format(BUCKETS[i]) + "\"", Long.toString(cumulative));
            }
            long count = histogram.count.sum();
            sample(out, name + "_bucket", prefix + "le=\"+Inf\"", Long.toString(count));
            sample(out, name + "_sum", labels, format(histogram.sum.sum()));
            sample(out, name + "_count", labels, Long.toString(count));
        });
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, String value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A single unlabelled gauge value. */
    static Map<String, Number> one(Number value) {
        return Map.of("", value);
    }

    /** Convenience for gauges labelled by one label. */
    static Map<String, Number> by(String label, Map<String, ? extends Number> values) {
        Map<String, Number> out = new ConcurrentHashMap<>();
        values.forEach((key, value) -> out.put(label + "=\"" + escape(key) + "\"", value));
        return out;
    }
}
