package io.sandlot.internal.lang;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHA512tDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Hash states computed on the host by BouncyCastle (which GraalPy itself depends on), for the guests' hash
 * libraries: the parts of Python's {@code hashlib} that GraalPy 25.0.3 has only in part, and node's {@code crypto}
 * for JS ({@code node-crypto.js}). The guest side checks the arguments as CPython or node does and keeps their
 * interfaces; what crosses is strings, numbers and the functions below, so a guest that calls them directly gets
 * hashes and nothing else, and each call does a bounded amount of work: host code does not stop for the guest's
 * time limit, so data comes in pieces of at most {@link #MAX_PIECE} bytes and PBKDF2 runs a bounded number of
 * rounds a call.
 *
 * <p>A hash state is a function of {@code ("update", bytes)}, {@code ("digest", length)} (the digest so far, of
 * {@code length} bytes for SHAKE, whose output has no fixed length; the state goes on) and {@code ("copy")}; an HMAC
 * state answers only the first two. Bytes are a Latin-1 string (one char a byte; Python's side) or
 * {@code arrayBuffer, offset, length} (JS's side, read from the guest's buffer without a copy in the guest). Anything
 * else answers {@code null}.
 *
 * <p>Python's {@code hashlib} calls {@link #PYTHON_NEW}: {@code blake2b} and {@code blake2s} with any digest size,
 * a key (BLAKE2's MAC), a salt or a personalisation (GraalPy refuses all four), and {@code shake_128} and
 * {@code shake_256} with any output length (GraalPy gives only the default one). Node's {@code crypto} calls
 * {@link #NODE}: its hashes by OpenSSL's names, HMAC and PBKDF2.
 */
final class GuestDigests {

    /**
     * The longest SHAKE output made at once (16 MiB): the host allocates it, on the guest's thread but in one piece,
     * before the memory guard could see it. The guest sides refuse longer ones.
     */
    static final int MAX_SHAKE_LENGTH = 1 << 24;

    /** The most bytes one call hashes (1 MiB, milliseconds of work); the guest sides pass longer data in pieces. */
    static final int MAX_PIECE = 1 << 20;

    /** The most PBKDF2 rounds (one HMAC of a digest's size each) one call runs. */
    private static final int MAX_ROUNDS = 1 << 16;

    /**
     * Makes a Python hash state: {@code (kind, digestSize, key, salt, person)}, the bytes as Latin-1 strings; see the
     * class comment.
     */
    static final ProxyExecutable PYTHON_NEW = GuestDigests::newPythonState;

    /**
     * Node's hashes by the lower-case names OpenSSL 3 accepts (node's {@code crypto.getHashes()} and the aliases
     * {@code EVP_MD_fetch} knows, such as {@code SHA-256} and {@code SHA2-256}); OIDs and {@code md5-sha1} are not
     * among them.
     */
    private static final Map<String, NodeHash> NODE_HASHES = new HashMap<>();
    /** The names {@code crypto.getHashes()} lists, as node spells them, sorted as node sorts them. */
    private static final List<String> NODE_LISTED = new ArrayList<>();

    static {
        nodeHash(16, MD5Digest::new, "md5", "RSA-MD5", "md5WithRSAEncryption", "ssl3-md5");
        nodeHash(20, SHA1Digest::new, "sha1", "RSA-SHA1", "RSA-SHA1-2", "sha1WithRSAEncryption", "ssl3-sha1",
                "/SHA-1");
        nodeHash(28, SHA224Digest::new, "sha224", "RSA-SHA224", "sha224WithRSAEncryption", "/SHA-224", "/SHA2-224");
        nodeHash(32, SHA256Digest::new, "sha256", "RSA-SHA256", "sha256WithRSAEncryption", "/SHA-256", "/SHA2-256");
        nodeHash(48, SHA384Digest::new, "sha384", "RSA-SHA384", "sha384WithRSAEncryption", "/SHA-384", "/SHA2-384");
        nodeHash(64, SHA512Digest::new, "sha512", "RSA-SHA512", "sha512WithRSAEncryption", "/SHA-512", "/SHA2-512");
        nodeHash(28, () -> new SHA512tDigest(224), "sha512-224", "RSA-SHA512/224", "sha512-224WithRSAEncryption",
                "/SHA-512/224", "/SHA2-512/224");
        nodeHash(32, () -> new SHA512tDigest(256), "sha512-256", "RSA-SHA512/256", "sha512-256WithRSAEncryption",
                "/SHA-512/256", "/SHA2-512/256");
        for (int bits : new int[] {224, 256, 384, 512}) {
            nodeHash(bits / 8, () -> new SHA3Digest(bits), "sha3-" + bits, "RSA-SHA3-" + bits,
                    "id-rsassa-pkcs1-v1_5-with-sha3-" + bits);
        }
        // OpenSSL's default output length is the security strength, half of BouncyCastle's
        nodeHash(16, () -> new SHAKEDigest(128), "shake128", "/SHAKE-128");
        nodeHash(32, () -> new SHAKEDigest(256), "shake256", "/SHAKE-256");
        nodeHash(20, RIPEMD160Digest::new, "ripemd160", "RSA-RIPEMD160", "ripemd", "rmd160", "ripemd160WithRSA",
                "/RIPEMD-160");
        nodeHash(64, () -> new Blake2bDigest(512), "blake2b512", "/BLAKE2B-512");
        nodeHash(32, () -> new Blake2sDigest(256), "blake2s256", "/BLAKE2S-256");
        nodeHash(32, SM3Digest::new, "sm3", "RSA-SM3", "sm3WithRSAEncryption");
        NODE_LISTED.sort(null);
    }

    /**
     * Node's calls: {@code hash(name)} answers {@code [state, outputLength, extendable]} or {@code null} for a name
     * OpenSSL does not know; {@code hmac(name, keyBuffer, offset, length)} an HMAC state, or {@code null} for an
     * unknown or extendable hash; {@code pbkdf2(name, password..., salt..., iterations)} a PBKDF2 run (see
     * {@link #pbkdf2}); {@code names} what {@code getHashes()} lists, comma-separated.
     */
    static final ProxyObject NODE = ProxyObject.fromMap(Map.of(
            "hash", (ProxyExecutable) GuestDigests::newNodeHash,
            "hmac", (ProxyExecutable) GuestDigests::newNodeHmac,
            "pbkdf2", (ProxyExecutable) GuestDigests::newPbkdf2,
            "names", String.join(",", NODE_LISTED)));

    private GuestDigests() {
    }

    private record NodeHash(int outputLength, Supplier<ExtendedDigest> make) {
    }

    /** Registers a hash under its names; a name that starts with "/" is accepted but not listed. */
    private static void nodeHash(int outputLength, Supplier<ExtendedDigest> make, String... names) {
        for (String name : names) {
            boolean listed = !name.startsWith("/");
            String spelled = listed ? name : name.substring(1);
            NODE_HASHES.put(spelled.toLowerCase(Locale.ROOT), new NodeHash(outputLength, make));
            if (listed) {
                NODE_LISTED.add(spelled);
            }
        }
    }

    private static NodeHash nodeHash(Value name) {
        return name.isString() ? NODE_HASHES.get(name.asString().toLowerCase(Locale.ROOT)) : null;
    }

    private static Object newNodeHash(Value... arguments) {
        NodeHash hash = arguments.length == 1 ? nodeHash(arguments[0]) : null;
        if (hash == null) {
            return null;
        }
        ExtendedDigest digest = hash.make().get();
        return ProxyArray.fromArray(state(digest), hash.outputLength(), digest instanceof Xof);
    }

    private static Object newNodeHmac(Value... arguments) {
        NodeHash hash = arguments.length == 4 ? nodeHash(arguments[0]) : null;
        byte[] key = hash == null ? null : bytes(arguments, 1);
        if (key == null) {
            return null;
        }
        HMac hmac = hmac(hash, key);
        return hmac == null ? null : hmacState(hmac);
    }

    /** HMAC keyed with {@code key}, or null for a hash that HMAC does not take (SHAKE's output has no fixed size). */
    private static HMac hmac(NodeHash hash, byte[] key) {
        ExtendedDigest digest = hash.make().get();
        if (digest instanceof Xof) {
            return null;
        }
        HMac hmac = new HMac(digest);
        hmac.init(new KeyParameter(key));
        return hmac;
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC of the named hash, {@code (name, passwordBuffer, offset, length, saltBuffer, offset,
     * length, iterations)}: a function of {@code (rounds)} that runs at most that many more rounds (up to
     * {@link #MAX_ROUNDS}) and answers the next block of the derived key (the hash's size, Latin-1) once it is done,
     * else {@code null}. The guest calls it until it has as many bytes as it wants, so the work stops with the guest.
     */
    private static Object newPbkdf2(Value... arguments) {
        NodeHash hash = arguments.length == 8 ? nodeHash(arguments[0]) : null;
        byte[] password = hash == null ? null : bytes(arguments, 1);
        byte[] salt = password == null ? null : bytes(arguments, 4);
        if (salt == null || !arguments[7].fitsInInt() || arguments[7].asInt() < 1) {
            return null;
        }
        HMac hmac = hmac(hash, password);
        return hmac == null ? null : new Pbkdf2(hmac, salt, arguments[7].asInt());
    }

    /** One PBKDF2 derivation, a block at a time: T_i = U_1 xor ... xor U_c; U_1 = PRF(salt || i), U_j = PRF(U_j-1). */
    private static final class Pbkdf2 implements ProxyExecutable {
        private final HMac prf;
        private final byte[] salt;
        private final int iterations;
        private final byte[] u;
        private final byte[] block;
        private int index;
        private int round;

        Pbkdf2(HMac prf, byte[] salt, int iterations) {
            this.prf = prf;
            this.salt = salt;
            this.iterations = iterations;
            this.u = new byte[prf.getMacSize()];
            this.block = new byte[u.length];
        }

        @Override
        public Object execute(Value... arguments) {
            if (arguments.length != 1 || !arguments[0].fitsInInt() || arguments[0].asInt() < 1
                    || arguments[0].asInt() > MAX_ROUNDS || index == Integer.MAX_VALUE) {
                return null;
            }
            for (int rounds = arguments[0].asInt(); rounds > 0; rounds--) {
                if (round == 0) {
                    index++;
                    prf.update(salt, 0, salt.length);
                    prf.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8),
                            (byte) index}, 0, 4);
                    prf.doFinal(u, 0);
                    System.arraycopy(u, 0, block, 0, u.length);
                } else {
                    prf.update(u, 0, u.length);
                    prf.doFinal(u, 0);
                    for (int i = 0; i < u.length; i++) {
                        block[i] ^= u[i];
                    }
                }
                if (++round == iterations) {
                    round = 0;
                    return latin1(block);
                }
            }
            return null;
        }
    }

    private static Object newPythonState(Value... arguments) {
        if (arguments.length != 5 || !arguments[0].isString() || !arguments[1].fitsInInt()) {
            return null;
        }
        int digestSize = arguments[1].asInt();
        byte[] key = bytes(arguments, 2);
        byte[] salt = bytes(arguments, 3);
        byte[] person = bytes(arguments, 4);
        if (key == null || salt == null || person == null) {
            return null;
        }
        ExtendedDigest digest = switch (arguments[0].asString()) {
            case "blake2b" -> digestSize >= 1 && digestSize <= 64 && key.length <= 64 && salt.length == 16
                    && person.length == 16
                    ? new Blake2bDigest(key.length == 0 ? null : key, digestSize, salt, person) : null;
            case "blake2s" -> digestSize >= 1 && digestSize <= 32 && key.length <= 32 && salt.length == 8
                    && person.length == 8
                    ? new Blake2sDigest(key.length == 0 ? null : key, digestSize, salt, person) : null;
            case "shake_128" -> new SHAKEDigest(128);
            case "shake_256" -> new SHAKEDigest(256);
            default -> null;
        };
        return digest == null ? null : state(digest);
    }

    private static ProxyExecutable state(ExtendedDigest digest) {
        return arguments -> {
            if (arguments.length == 0 || !arguments[0].isString()) {
                return null;
            }
            switch (arguments[0].asString()) {
                case "update" -> {
                    byte[] data = bytes(arguments, 1);
                    if (data != null) {
                        digest.update(data, 0, data.length);
                    }
                    return null;
                }
                case "digest" -> {
                    ExtendedDigest copy = copy(digest);
                    if (copy instanceof Xof xof) {
                        if (arguments.length != 2 || !arguments[1].fitsInInt() || arguments[1].asInt() < 0
                                || arguments[1].asInt() > MAX_SHAKE_LENGTH) {
                            return null;
                        }
                        byte[] out = new byte[arguments[1].asInt()];
                        xof.doFinal(out, 0, out.length);
                        return latin1(out);
                    }
                    byte[] out = new byte[copy.getDigestSize()];
                    copy.doFinal(out, 0);
                    return latin1(out);
                }
                case "copy" -> {
                    return state(copy(digest));
                }
                default -> {
                    return null;
                }
            }
        };
    }

    /** An HMAC state: node's {@code Hmac} has no copy, and its digest ends it. */
    private static ProxyExecutable hmacState(HMac hmac) {
        return arguments -> {
            if (arguments.length == 0 || !arguments[0].isString()) {
                return null;
            }
            switch (arguments[0].asString()) {
                case "update" -> {
                    byte[] data = bytes(arguments, 1);
                    if (data != null) {
                        hmac.update(data, 0, data.length);
                    }
                    return null;
                }
                case "digest" -> {
                    byte[] out = new byte[hmac.getMacSize()];
                    hmac.doFinal(out, 0);
                    return latin1(out);
                }
                default -> {
                    return null;
                }
            }
        };
    }

    private static ExtendedDigest copy(ExtendedDigest digest) {
        return switch (digest) {
            case Memoable memoable -> (ExtendedDigest) memoable.copy();
            case SHAKEDigest shake -> new SHAKEDigest(shake);
            case SHA3Digest sha3 -> new SHA3Digest(sha3);
            case Blake2bDigest blake2b -> new Blake2bDigest(blake2b);
            case Blake2sDigest blake2s -> new Blake2sDigest(blake2s);
            default -> throw new IllegalStateException("no copy for " + digest.getAlgorithmName());
        };
    }

    /**
     * The bytes given at {@code arguments[at]}: a Latin-1 string (its chars are bytes), or a guest buffer followed
     * by the offset and length of the bytes in it; at most {@link #MAX_PIECE} of them. Null if anything else.
     */
    private static byte[] bytes(Value[] arguments, int at) {
        if (arguments.length <= at) {
            return null;
        }
        Value value = arguments[at];
        if (value.isString()) {
            String text = value.asString();
            if (text.length() > MAX_PIECE) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0xFF) {
                    return null;
                }
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!value.hasBufferElements() || arguments.length < at + 3 || !arguments[at + 1].fitsInLong()
                || !arguments[at + 2].fitsInInt()) {
            return null;
        }
        long offset = arguments[at + 1].asLong();
        int length = arguments[at + 2].asInt();
        if (offset < 0 || length < 0 || length > MAX_PIECE || offset + length > value.getBufferSize()) {
            return null;
        }
        byte[] bytes = new byte[length];
        value.readBuffer(offset, bytes, 0, length);
        return bytes;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
