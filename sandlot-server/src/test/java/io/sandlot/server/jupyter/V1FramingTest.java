package io.sandlot.server.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandlot.wire.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V1FramingTest {

    private static final String MESSAGE = Json.write(Map.of("channel", "iopub",
            "header", Map.of("msg_id", "m-1", "msg_type", "stream"), "parent_header", Map.of("msg_id", "p-1"),
            "metadata", Map.of(), "content", Map.of("name", "stdout", "text", "h\u00e9llo\n")));

    @Test
    void binary_layoutIsOffsetCountOffsetsThenTheParts() {
        ByteBuffer frame = V1Framing.toBinary(MESSAGE).order(ByteOrder.LITTLE_ENDIAN);

        long count = frame.getLong(0);
        long channelStart = frame.getLong(8);
        long headerStart = frame.getLong(16);
        long end = frame.getLong(8 * (int) count);
        assertThat(count).isEqualTo(6);
        assertThat(channelStart).isEqualTo(8 * 7);
        assertThat(new String(frame.array(), (int) channelStart, (int) (headerStart - channelStart),
                StandardCharsets.UTF_8)).isEqualTo("iopub");
        assertThat(end).isEqualTo(frame.remaining());
    }

    @Test
    void roundTrip_keepsEveryPart() {
        Object back = Json.parse(V1Framing.toText(V1Framing.toBinary(MESSAGE)));

        assertThat(back).isEqualTo(Json.parse(MESSAGE));
    }

    @Test
    void malformedFrames_areRefusedSayingWhy() {
        ByteBuffer good = V1Framing.toBinary(MESSAGE);

        assertThatThrownBy(() -> V1Framing.toText(ByteBuffer.allocate(3))).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> V1Framing.toText(withLong(good, 0, 2))).hasMessageContaining("declares 2");
        assertThatThrownBy(() -> V1Framing.toText(withLong(good, 0, -1))).hasMessageContaining("declares");
        assertThatThrownBy(() -> V1Framing.toText(withLong(good, 0, 1000))).hasMessageContaining("has only");
        assertThatThrownBy(() -> V1Framing.toText(withLong(good, 16, 10_000))).hasMessageContaining("offset 1");
        assertThatThrownBy(() -> V1Framing.toText(withLong(good, 24, 60))).hasMessageContaining("offset 2");
        ByteBuffer badJson = good.duplicate();
        ByteBuffer copy = ByteBuffer.allocate(badJson.remaining()).put(badJson).flip();
        copy.put((int) copy.order(ByteOrder.LITTLE_ENDIAN).getLong(16), (byte) '[');
        assertThatThrownBy(() -> V1Framing.toText(copy)).hasMessageContaining("header is not JSON");
    }

    private static ByteBuffer withLong(ByteBuffer frame, int index, long value) {
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining()).put(frame.duplicate()).flip();
        copy.order(ByteOrder.LITTLE_ENDIAN).putLong(index, value);
        return copy;
    }
}
