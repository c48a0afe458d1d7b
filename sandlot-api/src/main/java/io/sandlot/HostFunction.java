package io.sandlot;

import java.util.List;

/**
 * A host function a policy exposes to guests under a global name.
 *
 * <p>The guest never sees a host object: arguments arrive as copies converted to JSON-like Java values
 * ({@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link java.math.BigInteger}, {@link String},
 * {@link List}, {@link java.util.Map}), and the return value, which must be such a value too, is copied back into
 * a native guest value. The function runs on the guest's thread, inside the execution's limits, so it must be
 * thread-safe and should be quick. An exception it throws reaches the guest as an error with the exception's
 * message only; the host stack trace is never shown to the guest.
 */
@FunctionalInterface
public interface HostFunction {
    /** Called with the guest's arguments; returns a JSON-like value. */
    Object call(List<Object> arguments) throws Exception;
}
