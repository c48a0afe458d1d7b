package io.sandlot.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding for code and requests: malformed bytes are an error, never silently replaced. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param what names the bytes in the error message, such as the file name
     * @throws IllegalArgumentException giving the offset of the first malformed byte
     */
    public static String decode(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8 (malformed byte at offset "
                    + buffer.position() + ")", e);
        }
    }
}
