package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limits;
import java.time.Duration;
import java.time.Instant;

/**
 * What the service knows about one session at one moment.
 *
 * @param id the session's id, which a restart keeps
 * @param language the session's language
 * @param limits the limits of each of its executions
 * @param ttl the idle time after which it is closed
 * @param createdAt when it was created
 * @param idleMillis milliseconds since it was last used; 0 while in use
 * @param busy whether an execution or file operation is running in it
 * @param open false once the engine closed it (a guest that could not be stopped)
 * @param restarts how many times it was restarted
 */
public record SessionInfo(String id, Language language, Limits limits, Duration ttl, Instant createdAt,
        long idleMillis, boolean busy, boolean open, int restarts) {
}
