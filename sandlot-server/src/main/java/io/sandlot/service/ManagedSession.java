package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limits;
import io.sandlot.Sandbox;
import io.sandlot.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session as the service holds it: its owner, limits and idle TTL, and the engine session behind it, which a
 * restart replaces while the id, owner, limits and TTL stay.
 */
final class ManagedSession {

    private final String id;
    private final String tenant;
    private final Language language;
    private final Limits limits;
    private final long ttlMillis;
    private final Instant createdAt = Instant.now();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile Session guest;
    private int restarts;

    /** A session known by {@code id}, which may be the engine session's own id or one the caller chose. */
    ManagedSession(String id, Session guest, String tenant, Limits limits, long ttlMillis) {
        this.guest = guest;
        this.id = id;
        this.tenant = tenant;
        this.language = guest.language();
        this.limits = limits;
        this.ttlMillis = ttlMillis;
    }

    String id() {
        return id;
    }

    String tenant() {
        return tenant;
    }

    Language language() {
        return language;
    }

    Limits limits() {
        return limits;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The engine session now behind this one. */
    Session guest() {
        return guest;
    }

    long idleMillis() {
        return busy.get() > 0 ? 0 : (System.nanoTime() - lastUsedNanos) / 1_000_000;
    }

    boolean expired() {
        return idleMillis() > ttlMillis;
    }

    /** True if the engine closed the session and nothing is using it. */
    boolean closedByEngine() {
        return !guest.isOpen() && busy.get() == 0;
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

    /**
     * Replaces the engine session with a fresh one of the same language and limits from {@code sandbox}, and closes
     * the old one, which cancels its running execution.
     */
    void restart(Sandbox sandbox) {
        Session fresh = sandbox.openSession(language, limits);
        Session old;
        synchronized (this) {
            old = guest;
            guest = fresh;
            restarts++;
        }
        lastUsedNanos = System.nanoTime();
        old.close();
    }

    void close() {
        guest.close();
    }

    synchronized SessionInfo info() {
        return new SessionInfo(id, language, limits, Duration.ofMillis(ttlMillis), createdAt, idleMillis(),
                busy.get() > 0, guest.isOpen(), restarts);
    }
}
