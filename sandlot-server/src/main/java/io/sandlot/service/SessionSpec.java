package io.sandlot.service;

import io.sandlot.Language;
import io.sandlot.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a caller asks for when it opens a session; what it leaves out comes from the {@link ServiceConfig}.
 *
 * @param language the session's language
 * @param limits the limits of each execution, if not the service's defaults
 * @param ttl the idle time after which the session is closed, if not the service's default
 * @param id the session's id, if the caller chooses it (a Jupyter client's {@code KERNEL_ID}); else the engine's
 *     unguessable id. 1 to 64 letters, digits, {@code -} and {@code _}
 */
public record SessionSpec(Language language, Optional<Limits> limits, Optional<Duration> ttl, Optional<String> id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Checks that no component is null and that a chosen id is well-formed.
     *
     * @throws IllegalArgumentException if the id is not 1 to 64 letters, digits, {@code -} and {@code _}
     */
    public SessionSpec {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(id, "id");
        id.ifPresent(value -> {
            if (!ID.matcher(value).matches()) {
                throw new IllegalArgumentException("a session id must be 1 to 64 letters, digits, '-' and '_', was '"
                        + value + "'");
            }
        });
    }

    /** A session whose id the engine makes. */
    public SessionSpec(Language language, Optional<Limits> limits, Optional<Duration> ttl) {
        this(language, limits, ttl, Optional.empty());
    }

    /** A session of {@code language} with the service's default limits and TTL. */
    public static SessionSpec of(Language language) {
        return new SessionSpec(language, Optional.empty(), Optional.empty());
    }

    /** This spec with the caller-chosen {@code id}; see {@link #id()}. */
    public SessionSpec withId(String id) {
        return new SessionSpec(language, limits, ttl, Optional.of(id));
    }
}
