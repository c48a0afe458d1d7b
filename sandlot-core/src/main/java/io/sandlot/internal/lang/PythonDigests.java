package io.sandlot.internal.lang;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The hashes of Python's {@code hashlib} that GraalPy 25.0.3 has only in part: {@code blake2b} and {@code blake2s}
 * with any digest size, a key (BLAKE2's MAC), a salt or a personalisation (GraalPy refuses all four), and
 * {@code shake_128} and {@code shake_256} with any output length (GraalPy gives only the default one). Computed by
 * BouncyCastle, which GraalPy itself depends on; the Python side ({@link PythonDialect}'s import patches) checks
 * the arguments as CPython does and keeps {@code hashlib}'s interface.
 *
 * <p>{@link #NEW} is what the Python side calls: {@code (kind, digestSize, key, salt, person)} for a new hash state,
 * bytes passed as Latin-1 strings (one char per byte). A state is a function of {@code ("update", bytes)},
 * {@code ("digest", length)} (the digest so far; the state goes on) and {@code ("copy")}. Anything else answers
 * {@code null}: a guest that calls them directly gets hashes and nothing else.
 */
final class PythonDigests {

    /** Makes a hash state; see the class comment. */
    static final ProxyExecutable NEW = PythonDigests::newState;

    /**
     * The longest SHAKE output made at once (16 MiB): the host allocates it, on the guest's thread but in one piece,
     * before the memory guard could see it. The Python side refuses longer ones with a ValueError.
     */
    static final int MAX_SHAKE_LENGTH = 1 << 24;

    private PythonDigests() {
    }

    private static Object newState(Value... arguments) {
        if (arguments.length != 5 || !arguments[0].isString() || !arguments[1].fitsInInt()) {
            return null;
        }
        int digestSize = arguments[1].asInt();
        byte[] key = bytes(arguments[2]);
        byte[] salt = bytes(arguments[3]);
        byte[] person = bytes(arguments[4]);
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
                    byte[] data = arguments.length == 2 ? bytes(arguments[1]) : null;
                    if (data != null) {
                        digest.update(data, 0, data.length);
                    }
                    return null;
                }
                case "digest" -> {
                    ExtendedDigest copy = copy(digest);
                    if (copy instanceof SHAKEDigest shake) {
                        if (arguments.length != 2 || !arguments[1].fitsInInt() || arguments[1].asInt() < 0
                                || arguments[1].asInt() > MAX_SHAKE_LENGTH) {
                            return null;
                        }
                        byte[] out = new byte[arguments[1].asInt()];
                        shake.doFinal(out, 0, out.length);
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

    private static ExtendedDigest copy(ExtendedDigest digest) {
        return switch (digest) {
            case Blake2bDigest blake2b -> new Blake2bDigest(blake2b);
            case Blake2sDigest blake2s -> new Blake2sDigest(blake2s);
            case SHAKEDigest shake -> new SHAKEDigest(shake);
            default -> throw new IllegalStateException("no copy for " + digest.getAlgorithmName());
        };
    }

    /** The bytes a Latin-1 string stands for (its chars are bytes), or null if it is not one. */
    private static byte[] bytes(Value value) {
        if (!value.isString()) {
            return null;
        }
        String text = value.asString();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return null;
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
