package io.sandlot;

import static io.sandlot.Language.JS;
import static io.sandlot.Language.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session, and a stateless execution in this process, tell an {@link OutputListener} what the guest writes and
 * shows, as it does, in the guest's order.
 */
class OutputListenerTest {

    private static final PerLanguage<String> MIXED = PerLanguage.of(
            JS, "console.log('a'); console.error('e1'); display({n: 1}); console.log('b'); display('x'); 7",
            PYTHON, "import sys\nprint('a')\nprint('e1', file=sys.stderr)\ndisplay({'n': 1})\nprint('b')\n"
                    + "display('x')\n7");

    /** Records each call as "out:text", "err:text" or "display:text/plain". */
    static final class Recorder implements OutputListener {
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void text(boolean stderr, String text) {
            events.add((stderr ? "err:" : "out:") + text);
        }

        @Override
        public synchronized void output(Output output) {
            events.add("display:" + output.data().get(Output.TEXT_PLAIN));
        }

        synchronized String joined(String prefix) {
            StringBuilder text = new StringBuilder();
            events.stream().filter(e -> e.startsWith(prefix)).forEach(e -> text.append(e.substring(prefix.length())));
            return text.toString();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void execute_tellsTextAndOutputsInTheGuestsOrder(Language language) {
        Recorder recorder = new Recorder();
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(language)) {
            ExecutionResult result = session.execute(MIXED.get(language), Map.of(), recorder);

            assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
            assertThat(result.value()).isEqualTo(7L);
            assertThat(recorder.events).containsExactly("out:a\n", "err:e1\n", "display:{\"n\":1}", "out:b\n",
                    "display:x");
            assertThat(recorder.joined("out:")).isEqualTo(result.stdout());
            assertThat(recorder.joined("err:")).isEqualTo(result.stderr());
        }
    }

    /** A stateless execution tells its listener as a session's does, before the result is in. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void statelessExecute_tellsTextAndOutputsInTheGuestsOrder_whileItRuns(Language language) {
        Recorder recorder = new Recorder();
        // the guest waits for the listener to have heard its first line: only a listener
        // told while the guest runs lets it go on
        String waitThenB = language == PYTHON ? "while not heard(): pass\nprint('b')"
                : "while (!heard()) {} console.log('b')";
        String code = MIXED.get(language).replaceFirst(language == PYTHON ? "print\\('b'\\)" : "console.log\\('b'\\)",
                waitThenB);
        Policy policy = Policy.newBuilder().exposeFunction("heard", arguments -> !recorder.joined("out:").isEmpty())
                .build();
        ExecutionResult result = SandboxExtension.FACTORY.newSandbox(policy)
                .execute(ExecutionRequest.newBuilder(language, code).limits(Limits.parse("timeoutMs=20000")).build(),
                        recorder);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(recorder.events).containsExactly("out:a\n", "err:e1\n", "display:{\"n\":1}", "out:b\n",
                "display:x");
        assertThat(recorder.joined("out:")).isEqualTo(result.stdout());
        assertThat(recorder.joined("err:")).isEqualTo(result.stderr());
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void execute_partialLineBeforeADisplay_comesFirst(Language language) {
        Recorder recorder = new Recorder();
        String code = language == PYTHON ? "print('no end', end='')\ndisplay(1)\nprint('!')"
                : "console.log('no end'); display(1); console.log('!')";
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(language)) {
            session.execute(code, Map.of(), recorder);
        }

        assertThat(recorder.events.get(0)).startsWith("out:no end");
        assertThat(recorder.events.get(1)).isEqualTo("display:1");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void execute_outputLimit_listenerGetsWhatTheResultKeeps(Language language) {
        Recorder recorder = new Recorder();
        String code = language == PYTHON ? "while True:\n    print('é' * 7)" : "while (true) console.log('é'.repeat(7))";
        try (Session session = SandboxExtension.FACTORY.newSandbox()
                .openSession(language, Limits.newBuilder().maxOutputBytes(1001).build())) {
            ExecutionResult result = session.execute(code, Map.of(), recorder);

            assertThat(result.status()).isEqualTo(Status.OUTPUT_LIMIT);
            assertThat(recorder.joined("out:")).isEqualTo(result.stdout());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void execute_listenerThatThrows_isDroppedAndTheExecutionGoesOn(Language language) {
        List<String> calls = new ArrayList<>();
        OutputListener failing = new OutputListener() {
            @Override
            public void text(boolean stderr, String text) {
                calls.add(text);
                throw new IllegalStateException("listener broke");
            }
        };
        String code = language == PYTHON ? "print('one')\nprint('two')\n'done'"
                : "console.log('one'); console.log('two'); 'done'";
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(language)) {
            ExecutionResult result = session.execute(code, Map.of(), failing);

            assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
            assertThat(result.stdout()).isEqualTo("one\ntwo\n");
            assertThat(calls).containsExactly("one\n");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"JS", "PYTHON"})
    void execute_withoutListener_isUnchanged(Language language) {
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(language)) {
            ExecutionResult result = session.execute(MIXED.get(language));

            assertThat(result.stdout()).isEqualTo("a\nb\n");
            assertThat(result.outputs()).hasSize(2);
        }
    }
}
