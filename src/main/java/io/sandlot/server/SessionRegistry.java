package io.sandlot.server;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's sessions: who owns each, their idle TTL, and the per-tenant and total caps. A session is found only
 * by its owner; for any other tenant it does not exist (404, the same answer as for an unknown id). A session idle
 * for longer than its TTL is closed, by the periodic {@link #sweep()} or on its next access, whichever comes first;
 * a session that is running an execution or a file operation is never idle.
 */
final class SessionRegistry {

    /** One session and what the server knows about it. */
    static final class Entry {
        final Session session;
        final String tenant;
        final Limits limits;
        final long ttlMillis;
        final Instant createdAt = Instant.now();
        final AtomicInteger busy = new AtomicInteger();
        volatile long lastUsedNanos = System.nanoTime();

        Entry(Session session, String tenant, Limits limits, long ttlMillis) {
            this.session = session;
            this.tenant = tenant;
            this.limits = limits;
            this.ttlMillis = ttlMillis;
        }

        String id() {
            return session.id();
        }

        long idleMillis() {
            return busy.get() > 0 ? 0 : (System.nanoTime() - lastUsedNanos) / 1_000_000;
        }

        boolean expired() {
            return idleMillis() > ttlMillis;
        }

        /** Marks the session in use (never idle) until the matching {@link #end()}. */
        void begin() {
            busy.incrementAndGet();
            lastUsedNanos = System.nanoTime();
        }

        void end() {
            lastUsedNanos = System.nanoTime();
            busy.decrementAndGet();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id());
            map.put("language", session.language().id());
            map.put("limits", limits.toMap());
            map.put("ttlSeconds", ttlMillis / 1000);
            map.put("createdAt", createdAt.toString());
            map.put("idleMs", idleMillis());
            map.put("busy", busy.get() > 0);
            map.put("open", session.isOpen());
            return map;
        }
    }

    private final Sandbox sandbox;
    private final int maxSessions;
    private final int perTenant;
    private final Metrics metrics;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perTenantCount = new HashMap<>();
    private boolean closed;

    /**
     * @param sandbox opens the sessions, each with its own limits
     */
    SessionRegistry(Sandbox sandbox, int maxSessions, int perTenant, Metrics metrics) {
        this.sandbox = sandbox;
        this.maxSessions = maxSessions;
        this.perTenant = perTenant;
        this.metrics = metrics;
    }

    /**
     * Opens a session for {@code tenant}.
     *
     * @throws HttpError 429 if the tenant has its maximum of sessions, 503 if the server has
     * @throws IllegalArgumentException if the language is not allowed
     */
    Entry create(String tenant, Language language, Limits limits, long ttlMillis) {
        synchronized (this) {
            if (closed) {
                throw Admission.stopping();
            }
            int count = perTenantCount.getOrDefault(tenant, 0);
            if (count >= perTenant) {
                metrics.rejected("session_limit");
                throw new HttpError(429, "too_many_sessions", "this tenant already has " + count
                        + " sessions, the maximum; delete one (DELETE /v1/sessions/{id}) or let one expire");
            }
            if (sessions.size() >= maxSessions) {
                metrics.rejected("session_limit");
                throw HttpError.overloaded(503, "too_many_sessions", "the server holds its maximum of " + maxSessions
                        + " sessions; retry later", 30);
            }
            Session session = sandbox.openSession(language, limits);
            Entry entry = new Entry(session, tenant, limits, ttlMillis);
            sessions.put(entry.id(), entry);
            perTenantCount.merge(tenant, 1, Integer::sum);
            metrics.sessionCreated();
            return entry;
        }
    }

    /**
     * The session {@code id} of {@code tenant}.
     *
     * @throws HttpError 404 if there is none: unknown, deleted, expired, or another tenant's
     */
    Entry get(String tenant, String id) {
        Entry entry = sessions.get(id);
        if (entry == null || !entry.tenant.equals(tenant)) {
            throw notFound(id);
        }
        if (entry.expired()) {
            remove(entry, "expired");
            throw notFound(id);
        }
        return entry;
    }

    /** The sessions of {@code tenant}, oldest first. */
    List<Entry> list(String tenant) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : sessions.values()) {
            if (entry.tenant.equals(tenant)) {
                if (entry.expired()) {
                    remove(entry, "expired");
                } else {
                    out.add(entry);
                }
            }
        }
        out.sort(Comparator.comparing(e -> e.createdAt));
        return out;
    }

    /**
     * Closes and forgets the session {@code id} of {@code tenant}.
     *
     * @throws HttpError 404 as {@link #get(String, String)}
     */
    void delete(String tenant, String id) {
        remove(get(tenant, id), "deleted");
    }

    /** Closes sessions idle past their TTL and sessions the engine closed (a guest that ignored an interrupt). */
    void sweep() {
        for (Entry entry : sessions.values()) {
            if (entry.expired()) {
                remove(entry, "expired");
            } else if (!entry.session.isOpen() && entry.busy.get() == 0) {
                remove(entry, "closed");
            }
        }
    }

    /** Open sessions by language id. */
    Map<String, Integer> countByLanguage() {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            counts.put(language, 0);
        }
        sessions.values().forEach(e -> counts.merge(e.session.language(), 1, Integer::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((language, count) -> out.put(language.id(), count));
        return out;
    }

    int size() {
        return sessions.size();
    }

    /** Closes every session (which cancels their running executions) and refuses new ones. */
    void closeAll() {
        synchronized (this) {
            closed = true;
        }
        for (Entry entry : sessions.values()) {
            remove(entry, "shutdown");
        }
    }

    private void remove(Entry entry, String reason) {
        if (!sessions.remove(entry.id(), entry)) {
            return;
        }
        synchronized (this) {
            perTenantCount.merge(entry.tenant, -1, Integer::sum);
        }
        metrics.sessionClosed(reason);
        entry.session.close();
    }

    private static HttpError notFound(String id) {
        return HttpError.notFound("session_not_found", "no session '" + id
                + "' for this token (it never existed, was deleted, expired after its idle TTL, or belongs to another token)");
    }
}
