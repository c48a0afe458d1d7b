package io.sandlot.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stdio input filter: valid frames pass unchanged, every other line is answered with a JSON-RPC error. */
class StdioFramesTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String pass(String input, int maxFrameBytes) throws IOException {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        try (StdioFrames frames = new StdioFrames(new ByteArrayInputStream(bytes), out, SandlotMcp.jsonMapper(),
                maxFrameBytes)) {
            return new String(frames.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String answers() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void read_validFrames_passUnchangedAndAnswerNothing() throws IOException {
        assertThat(pass(PING + "\n" + PING, 1 << 20)).isEqualTo(PING + "\n" + PING + "\n");
        assertThat(answers()).isEmpty();
    }

    @Test
    void read_notJson_isAnsweredWithParseErrorAndSkipped() throws IOException {
        assertThat(pass("not json\n" + PING + "\n", 1 << 20)).isEqualTo(PING + "\n");
        assertThat(answers()).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,")
                .contains("Parse error").endsWith("}\n");
    }

    @Test
    void read_jsonThatIsNoJsonRpcMessage_isInvalidRequestWithItsId() throws IOException {
        assertThat(pass("{\"id\":3,\"params\":{}}\n[1,2]\n" + PING + "\n", 1 << 20)).isEqualTo(PING + "\n");
        assertThat(answers().lines()).hasSize(2);
        assertThat(answers().lines().findFirst().orElseThrow())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32600,\"message\":"
                        + "\"Invalid Request: not a JSON-RPC 2.0 request, notification or response\"}}");
    }

    @Test
    void read_lineAboveTheMaximum_isDiscardedWholeAndAnswered() throws IOException {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"a\":\"" + "x".repeat(500) + "\"}}";

        assertThat(pass(huge + "\n" + PING + "\n", 100)).isEqualTo(PING + "\n");
        assertThat(answers()).contains("-32600").contains("longer than 100 bytes");
    }

    @Test
    void read_invalidUtf8AndBlankLines_areAnsweredOrSkipped() throws IOException {
        byte[] bad = {(byte) 0xff, (byte) 0xfe, '\n'};
        byte[] rest = ("\n   \n" + PING + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bad.length + rest.length];
        System.arraycopy(bad, 0, input, 0, bad.length);
        System.arraycopy(rest, 0, input, bad.length, rest.length);
        try (StdioFrames frames = new StdioFrames(new ByteArrayInputStream(input), out, SandlotMcp.jsonMapper(),
                1 << 20)) {
            assertThat(new String(frames.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PING + "\n");
        }
        assertThat(answers().lines()).hasSize(1).allMatch(line -> line.contains("not valid UTF-8"));
    }
}
