package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asks for when it opens a session; what it leaves out comes from the {@link ServiceConfig}.
 *
 * @param language the session's language
 * @param limits the limits of each execution, if not the service's defaults
 * @param ttl the idle time after which the session is closed, if not the service's default
 */
public record SessionSpec(Language language, Optional<Limits> limits, Optional<Duration> ttl) {

    /** Checks that no component is null. */
    public SessionSpec {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ttl, "ttl");
    }

    /** A session of {@code language} with the service's default limits and TTL. */
    public static SessionSpec of(Language language) {
        return new SessionSpec(language, Optional.empty(), Optional.empty());
    }
}
