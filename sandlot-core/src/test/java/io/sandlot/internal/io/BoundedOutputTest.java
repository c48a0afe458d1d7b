package io.sandlot.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.OutputListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    private final List<String> told = new ArrayList<>();
    private final OutputListener recorder = new OutputListener() {
        @Override
        public void text(boolean stderr, String text) {
            told.add((stderr ? "err:" : "out:") + text);
        }
    };

    @Test
    void aCharacterSplitBetweenWrites_isToldWholeWithTheLaterPiece() throws IOException {
        BoundedOutput output = new BoundedOutput(0, () -> { }, GuardedListener.of(recorder));
        byte[] euro = "a€b".getBytes(StandardCharsets.UTF_8);   // a, three bytes, b

        output.stdout().write(euro, 0, 2);
        output.stdout().write(euro, 2, 1);
        output.stdout().write(euro, 3, 2);

        assertThat(told).containsExactly("out:a", "out:€b");
        assertThat(output.stdoutText()).isEqualTo("a€b");
    }

    @Test
    void aCharacterCutByTheBudget_isToldAtTheEndAsTheTextHasIt() throws IOException {
        Runnable noop = () -> { };
        BoundedOutput output = new BoundedOutput(3, noop, GuardedListener.of(recorder));

        output.stdout().write("a€".getBytes(StandardCharsets.UTF_8));
        assertThat(output.overflowed()).isTrue();
        assertThat(told).containsExactly("out:a");

        output.endOfOutput();
        assertThat(told).containsExactly("out:a", "out:\uFFFD");
        assertThat(output.stdoutText()).isEqualTo("a\uFFFD");
    }

    @Test
    void streamsAreToldApartInTheOrderWritten() throws IOException {
        BoundedOutput output = new BoundedOutput(0, () -> { }, GuardedListener.of(recorder));

        output.stdout().write("1\n".getBytes(StandardCharsets.UTF_8));
        output.stderr().write("2\n".getBytes(StandardCharsets.UTF_8));
        output.stdout().write('3');

        assertThat(told).containsExactly("out:1\n", "err:2\n", "out:3");
    }

    @Test
    void completeLength_holdsBackOnlyAnUnfinishedSequence() {
        byte[] text = "x😀".getBytes(StandardCharsets.UTF_8);   // 1 + 4 bytes

        for (int len = 1; len < text.length; len++) {
            assertThat(BoundedOutput.completeLength(text, 0, len)).as("length %d", len).isEqualTo(1);
        }
        assertThat(BoundedOutput.completeLength(text, 0, text.length)).isEqualTo(text.length);
        assertThat(BoundedOutput.completeLength(new byte[] {'a', 'b'}, 0, 2)).isEqualTo(2);
    }
}
