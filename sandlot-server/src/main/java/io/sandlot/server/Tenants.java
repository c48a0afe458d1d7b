package io.sandlot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer tokens the server accepts; each token is a tenant. Tokens are kept only as SHA-256 digests and a
 * presented token is compared with every one of them by {@link MessageDigest#isEqual} (constant time for equal
 * lengths, and digests all have the same length), so neither the position of the first differing byte nor the
 * token's length nor which tenant matched shows in the timing. Tenants are named {@code tenant-1},
 * {@code tenant-2}, ... in the order the tokens were given; the tokens themselves never appear in logs or metrics.
 */
final class Tenants {

    /** The one tenant of a server without tokens. */
    static final String ANONYMOUS = "anonymous";

    /** RFC 6750 {@code b64token}: what may follow {@code Bearer }. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final byte[][] digests;
    private final String[] names;
    private final boolean anonymous;

    Tenants(List<String> tokens) {
        this(tokens, false);
    }

    /**
     * @param anonymous whether a request that presents no credentials at all acts as the tenant {@link #ANONYMOUS}
     *     (one that presents a wrong token is still refused)
     */
    Tenants(List<String> tokens, boolean anonymous) {
        this.anonymous = anonymous;
        Set<String> seen = new HashSet<>();
        digests = new byte[tokens.size()][];
        names = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token == null || !TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("token " + (i + 1) + " is not a valid bearer token (letters, digits "
                        + "and -._~+/ only, optionally ending in =)");
            }
            if (!seen.add(token)) {
                throw new IllegalArgumentException("token " + (i + 1) + " is given twice; each token is one tenant");
            }
            digests[i] = sha256(token);
            names[i] = "tenant-" + (i + 1);
        }
    }

    /**
     * Reads a tokens file: one token per line; blank lines and lines starting with {@code #} are ignored, and so is
     * whitespace around a token.
     *
     * @throws IllegalArgumentException if the file cannot be read or holds no token
     */
    static List<String> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!TOKEN.matcher(line).matches()) {
                throw new IllegalArgumentException(file + ", line " + (i + 1)
                        + ": not a valid bearer token (letters, digits and -._~+/ only, optionally ending in =)");
            }
            tokens.add(line);
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the tokens file " + file + " holds no token");
        }
        return tokens;
    }

    /** True if requests must carry a token. */
    boolean required() {
        return digests.length > 0;
    }

    /** True if a request without credentials is served: there are no tokens, or anonymous requests are allowed. */
    boolean acceptsAnonymous() {
        return !required() || anonymous;
    }

    /** Number of tenants: the tokens, plus the anonymous tenant if there is one; 1 (anonymous) without tokens. */
    int count() {
        return Math.max(1, digests.length + (anonymous ? 1 : 0));
    }

    /**
     * The tenant named by an {@code Authorization} header value ({@code Bearer <token>}, or {@code token <token>} as
     * Jupyter clients send it; the scheme in any case), or null if it names none. A scheme with no token after it
     * presents no credentials: jupyter_server's gateway client, given no token, sends {@code Authorization: token }.
     */
    String authenticate(String authorization) {
        if (!required()) {
            return ANONYMOUS;
        }
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            String scheme = value.toLowerCase(Locale.ROOT);
            return scheme.equals("bearer") || scheme.equals("token") ? authenticateToken(null) : null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!scheme.equals("bearer") && !scheme.equals("token")) {
            return null;
        }
        return authenticateToken(value.substring(space + 1).strip());
    }

    /**
     * The tenant of a bare token (such as a {@code ?token=} query parameter), or null if it names none; no token at
     * all is the tenant {@link #ANONYMOUS} if anonymous requests are allowed.
     */
    String authenticateToken(String token) {
        if (!required()) {
            return ANONYMOUS;
        }
        if (token == null) {
            return anonymous ? ANONYMOUS : null;
        }
        byte[] presented = sha256(token);
        String tenant = null;
        for (int i = 0; i < digests.length; i++) {
            if (MessageDigest.isEqual(digests[i], presented)) {
                tenant = names[i];
            }
        }
        return tenant;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
