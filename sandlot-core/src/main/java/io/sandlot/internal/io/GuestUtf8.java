package io.sandlot.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JavaScript string as UTF-8 bytes, as V8 and node encode it: a lone surrogate (half of an emoji cut by
 * {@code slice}) becomes U+FFFD's three bytes, where Java's own encoders write {@code ?}. Strings without
 * surrogates, nearly all, take {@link String#getBytes}'s fast path.
 */
public final class GuestUtf8 {

    /** U+FFFD REPLACEMENT CHARACTER in UTF-8. */
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    /** Characters encoded at a time by {@link #write}: a long string costs the host no more than a short one. */
    private static final int CHUNK = 8192;

    private GuestUtf8() {
    }

    /** The bytes of {@code text}. */
    public static byte[] encode(String text) {
        return encode(text, 0, text.length());
    }

    /**
     * Writes {@code text} to {@code out} a few kilobytes at a time, so that a limit on what {@code out} takes stops
     * a long write early; a surrogate pair is never split between two writes.
     */
    public static void write(OutputStream out, String text) throws IOException {
        int length = text.length();
        for (int start = 0; start < length; ) {
            int end = Math.min(length, start + CHUNK);
            if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.write(encode(text, start, end));
            start = end;
        }
    }

    private static byte[] encode(String text, int start, int end) {
        String part = start == 0 && end == text.length() ? text : text.substring(start, end);
        if (!hasSurrogates(part)) {
            return part.getBytes(StandardCharsets.UTF_8);
        }
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(REPLACEMENT)
                    .encode(CharBuffer.wrap(part));
            return Arrays.copyOfRange(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("an encoder that replaces failed", e);
        }
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
