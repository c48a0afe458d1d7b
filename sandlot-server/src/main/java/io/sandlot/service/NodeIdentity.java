package io.sandlot.service;

import io.sandlot.service.ServiceException.Kind;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of this server among its replicas, and the owner-named session ids it makes.
 *
 * <p>A session id made here is {@code NODE.BOOT.REST}: the node's name, a random tag of this run of the process, and
 * the session's own unguessable id. A load balancer routes a request for a session to its owner by the part before
 * the first dot. A request that reaches a node for an owner-named session it does not hold is answered by what the
 * id says: another node's id, or this node's id from an earlier run (the node restarted), means the session is
 * lost ({@code GONE}, reason {@code session_lost}); this node's id from this run means it never existed or was
 * closed ({@code NOT_FOUND}). Ids without a dot (a Jupyter client's chosen {@code KERNEL_ID}) name no owner.
 *
 * @param node this node's name: letters, digits, {@code -} and {@code _}, at most 63, starting and ending with a letter
 *     or digit
 * @param boot the tag of this run of the process: lowercase letters and digits
 */
public record NodeIdentity(String node, String boot) {

    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern BOOT = Pattern.compile("[a-z0-9]{1,16}");
    private static final String BOOT_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int BOOT_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @throws IllegalArgumentException if {@code node} or {@code boot} is not a valid name
     */
    public NodeIdentity {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(boot, "boot");
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("a node id must be 1 to 63 letters, digits, '-' or '_', starting and "
                    + "ending with a letter or digit (no dots: the id is the first part of a session id), was '"
                    + node + "'");
        }
        if (!BOOT.matcher(boot).matches()) {
            throw new IllegalArgumentException("a boot tag must be 1 to 16 lowercase letters or digits, was '"
                    + boot + "'");
        }
    }

    /**
     * The identity of node {@code node} for this run of the process, with a fresh random boot tag.
     *
     * @throws IllegalArgumentException if {@code node} is not a valid name
     */
    public static NodeIdentity forThisRun(String node) {
        StringBuilder boot = new StringBuilder(BOOT_LENGTH);
        for (int i = 0; i < BOOT_LENGTH; i++) {
            boot.append(BOOT_ALPHABET.charAt(RANDOM.nextInt(BOOT_ALPHABET.length())));
        }
        return new NodeIdentity(node, boot.toString());
    }

    /** The id of a session made here whose own id is {@code localId}: {@code NODE.BOOT.localId}. */
    String sessionId(String localId) {
        return node + "." + boot + "." + localId;
    }

    /** The owner an id names (the part before its first dot), if it names one. */
    public static Optional<String> ownerOf(String id) {
        int dot = id.indexOf('.');
        return dot > 0 ? Optional.of(id.substring(0, dot)) : Optional.empty();
    }

    /**
     * Why the session {@code id}, which this node does not hold, is lost: it belongs to another node, or to an
     * earlier run of this one. Empty if the id names no owner or names this run of this node (then it simply does
     * not exist).
     */
    Optional<ServiceException> lost(String id) {
        Optional<String> owner = ownerOf(id);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (!owner.get().equals(node)) {
            return Optional.of(ServiceException.of(Kind.GONE, "session_lost", "session '" + id + "' belongs to node '"
                    + owner.get() + "', not to this node ('" + node + "'): the load balancer routed it here, or "
                    + "that node is gone; its state is lost, create a new session"));
        }
        String rest = id.substring(node.length() + 1);
        int dot = rest.indexOf('.');
        String tag = dot < 0 ? rest : rest.substring(0, dot);
        if (!tag.equals(boot)) {
            return Optional.of(ServiceException.of(Kind.GONE, "session_lost", "session '" + id + "' was lost when "
                    + "node '" + node + "' restarted (it was made by an earlier run of the node); create a new "
                    + "session"));
        }
        return Optional.empty();
    }
}
