package io.sandlot.server.jupyter;

import io.sandlot.wire.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel WebSocket sub-protocol {@value #PROTOCOL}, which Jupyter Server 2 speaks and JupyterLab's client
 * library asks for: one binary frame per message. A frame is the number {@code n} of offsets, then {@code n}
 * offsets (each an unsigned 64-bit little-endian count of bytes from the frame's start), then the channel name and
 * the header, parent header, metadata and content as UTF-8 JSON, then the binary buffers; offset {@code i} is where
 * part {@code i} starts and the last offset is where the frame ends.
 *
 * <p>The kernel channels speak the JSON text form; this translates at the socket. Buffers a client sends are
 * dropped, as in the text form: no message this kernel handles uses them.
 */
final class V1Framing {

    /** The sub-protocol's name, as the WebSocket handshake negotiates it. */
    static final String PROTOCOL = "v1.kernel.websocket.jupyter.org";

    /** Channel, header, parent header, metadata, content, and the end: the offsets of a message without buffers. */
    private static final int PARTS = 5;
    /** Offsets a frame may declare: the five parts, the end, and up to this many buffers more. */
    private static final int MAX_BUFFERS = 1024;
    private static final String[] KEYS = {"header", "parent_header", "metadata", "content"};

    private V1Framing() {
    }

    /**
     * The JSON text form of a binary frame.
     *
     * @throws IllegalArgumentException saying what is wrong if the frame is not in this framing
     */
    static String toText(ByteBuffer frame) {
        ByteBuffer in = frame.slice().order(ByteOrder.LITTLE_ENDIAN);
        int size = in.remaining();
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("a " + PROTOCOL + " frame starts with its offset count; this one has "
                    + size + " bytes");
        }
        long count = in.getLong(0);
        if (count < PARTS + 1 || count > PARTS + 1 + MAX_BUFFERS) {
            throw new IllegalArgumentException("a " + PROTOCOL + " frame has " + (PARTS + 1) + " to "
                    + (PARTS + 1 + MAX_BUFFERS) + " offsets; this one declares " + Long.toUnsignedString(count));
        }
        long headerBytes = Long.BYTES * (count + 1);
        if (headerBytes > size) {
            throw new IllegalArgumentException("the frame declares " + count + " offsets but has only " + size
                    + " bytes");
        }
        long[] offsets = new long[(int) count];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.getLong(Long.BYTES * (i + 1));
            long floor = i == 0 ? headerBytes : offsets[i - 1];
            if (offsets[i] < floor || offsets[i] > size) {
                throw new IllegalArgumentException("offset " + i + " of the frame (" + Long.toUnsignedString(offsets[i])
                        + ") is outside " + floor + ".." + size);
            }
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("channel", utf8(in, offsets[0], offsets[1], "the channel"));
        for (int part = 0; part < KEYS.length; part++) {
            String json = utf8(in, offsets[part + 1], offsets[part + 2], KEYS[part]);
            try {
                message.put(KEYS[part], json.isEmpty() ? Map.of() : Json.parse(json));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEYS[part] + " is not JSON: " + e.getMessage());
            }
        }
        return Json.write(message);
    }

    /**
     * The binary frame of a message in the JSON text form.
     *
     * @throws IllegalArgumentException if {@code text} is not a JSON object
     */
    static ByteBuffer toBinary(String text) {
        if (!(Json.parse(text) instanceof Map<?, ?> message)) {
            throw new IllegalArgumentException("a Jupyter message must be a JSON object");
        }
        List<byte[]> parts = new java.util.ArrayList<>(PARTS);
        parts.add(String.valueOf(message.get("channel")).getBytes(StandardCharsets.UTF_8));
        for (String key : KEYS) {
            Object value = message.get(key);
            parts.add(Json.write(value == null ? Map.of() : value).getBytes(StandardCharsets.UTF_8));
        }
        int offsetCount = PARTS + 1;
        long position = (long) Long.BYTES * (offsetCount + 1);
        long total = position + parts.stream().mapToLong(part -> part.length).sum();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the message is too large for one frame: " + total + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(offsetCount);
        for (byte[] part : parts) {
            out.putLong(position);
            position += part.length;
        }
        out.putLong(position);
        parts.forEach(out::put);
        return out.flip();
    }

    private static String utf8(ByteBuffer frame, long from, long to, String what) {
        ByteBuffer part = frame.slice((int) from, (int) (to - from));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(part).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not UTF-8");
        }
    }
}
