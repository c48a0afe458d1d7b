package io.sandlot.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stdio input as the SDK's transport reads it, with the frames it would die on taken out. The SDK's stdio
 * transport stops reading, and so ends the session, at the first line that is not a JSON-RPC message or is longer
 * than its maximum. This stream reads the lines first: a valid message goes through unchanged; any other line is
 * answered here with a JSON-RPC error ({@code -32700} parse error, {@code -32600} invalid request) written to the
 * output under the same lock the transport writes with, and the server reads on.
 */
final class StdioFrames extends InputStream {

    /** JSON-RPC's code for text that is not JSON. */
    static final int PARSE_ERROR = -32700;
    /** JSON-RPC's code for JSON that is not a valid request. */
    static final int INVALID_REQUEST = -32600;

    private static final ObjectMapper TREES = new ObjectMapper();

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper mapper;
    private final int maxFrameBytes;
    private byte[] frame = new byte[0];
    private int position;
    private boolean ended;

    /**
     * @param out the stream the transport writes to: errors are written to it while holding its monitor, as the
     *     SDK's {@code StdioServerTransportProvider} does for its own frames
     */
    StdioFrames(InputStream in, OutputStream out, McpJsonMapper mapper, int maxFrameBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return frame[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, frame.length - position);
        System.arraycopy(frame, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes a valid frame available; false at the end of the input. */
    private boolean fill() throws IOException {
        while (position >= frame.length) {
            if (ended) {
                return false;
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (line.size() < maxFrameBytes) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
            }
            if (b == -1) {
                ended = true;
                if (line.size() == 0 && !tooLong) {
                    return false;
                }
            }
            if (tooLong) {
                answer(null, INVALID_REQUEST, "message longer than " + maxFrameBytes + " bytes; it was discarded");
                continue;
            }
            byte[] bytes = line.toByteArray();
            if (accept(bytes)) {
                frame = Arrays.copyOf(bytes, bytes.length + 1);
                frame[bytes.length] = '\n';
                position = 0;
            }
        }
        return true;
    }

    /** True if {@code bytes} is a JSON-RPC message the transport can take; otherwise answers it with an error. */
    private boolean accept(byte[] bytes) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            answer(null, PARSE_ERROR, "Parse error: the message is not valid UTF-8");
            return false;
        }
        if (text.isBlank()) {
            return false;
        }
        JsonNode tree;
        try {
            tree = TREES.readTree(text);
        } catch (JsonProcessingException e) {
            answer(null, PARSE_ERROR, "Parse error: " + e.getOriginalMessage());
            return false;
        }
        JsonNode id = tree != null && tree.isObject() ? tree.get("id") : null;
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            id = null;
        }
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, text);
            return true;
        } catch (IOException | RuntimeException e) {
            answer(id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
            return false;
        }
    }

    private void answer(JsonNode id, int code, String message) throws IOException {
        ObjectNode response = TREES.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", id == null ? TREES.nullNode() : id);
        response.putObject("error").put("code", code).put("message", message);
        byte[] bytes = (TREES.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }
}
