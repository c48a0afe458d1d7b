package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * node's {@code process} as scripts use it: output without line breaks into the execution's output, and
 * {@code process.exit} with node's statuses, also when what it throws is caught, and only for the execution that
 * called it. Expected outputs are node 20's.
 */
class JsProcessTest {

    @Test
    void stdoutWrite_printsWithoutLineBreaks_inOrderWithTheConsole() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                process.stdout.write('a');
                process.stdout.write('b\\n');
                console.log('c');
                process.stdout.write(new TextEncoder().encode('d\\n'));
                process.stderr.write('e');
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("ab\nc\nd\n");
        assertThat(result.stderr()).isEqualTo("e");
    }

    @Test
    void stdoutWrite_ofBytes_writesThemAsTheyAre_aCharacterSplitBetweenWritesComesOutWhole() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const euro = Buffer.from('€ and more\\n');
                process.stdout.write(euro.subarray(0, 2));
                process.stdout.write(euro.subarray(2, 7));
                process.stdout.write(euro.subarray(7));
                process.stdout.write(new Uint16Array([0x6968, 0x0a21]));
                process.stdout.write(new DataView(new TextEncoder().encode('xxview\\n').buffer, 2));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("€ and more\nhi!\nview\n");
    }

    @Test
    void loneSurrogate_isWrittenAsUFFFD_asNodeEncodesIt() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const cut = '😀 smile'.slice(1);
                console.log(cut);
                process.stdout.write(cut.slice(0, 1) + '\\n');
                console.error('a\\ud83db');
                """);

        assertThat(result.stdout()).isEqualTo("\uFFFD smile\n\uFFFD\n");
        assertThat(result.stderr()).isEqualTo("a\uFFFDb\n");
    }

    @Test
    void replacedStdoutWrite_seesWhatConsoleLogs_asNodesConsoleWritesThroughIt() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const original = process.stdout.write;
                const captured = [];
                process.stdout.write = (chunk) => { captured.push(String(chunk)); return true; };
                console.log('logged %d', 1);
                console.info({ a: 1 });
                process.stdout.write = () => { throw new Error('swallowed, as node swallows it'); };
                console.log('lost');
                process.stdout.write = original;
                console.log(captured);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("[ 'logged 1\\n', '{ a: 1 }\\n' ]\n");
    }

    @Test
    void arguments_followNodeAndTheScriptInArgv() {
        ExecutionResult given = SandboxExtension.FACTORY.newSandbox().execute(ExecutionRequest.newBuilder(Language.JS,
                "process.argv").arguments(List.of("sales.csv", "--top", "5")).build());
        ExecutionResult none = SandboxExtension.run(Language.JS, "process.argv.slice(2)");

        assertThat(given.value()).as(given.toJson())
                .isEqualTo(List.of("node", "/work/main.js", "sales.csv", "--top", "5"));
        assertThat(none.value()).isEqualTo(List.of());
    }

    @Test
    void exitWithCode_isAnError_andNothingAfterItRuns() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                console.log('before');
                setTimeout(() => console.log('timer'), 5);
                process.exit(3);
                console.log('after');
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("ProcessExit");
        assertThat(result.error().message()).isEqualTo("exit status 3");
        assertThat(result.stdout()).isEqualTo("before\n");
    }

    @Test
    void exitCodes_areNodesModulo256_andANonIntegerIsRefused() {
        ExecutionResult minusOne = SandboxExtension.run(Language.JS, "process.exit(-1)");
        ExecutionResult wrapped = SandboxExtension.run(Language.JS, "process.exit(256)");
        ExecutionResult fraction = SandboxExtension.run(Language.JS, "process.exit(1.5)");

        assertThat(minusOne.error().message()).as(minusOne.toJson()).isEqualTo("exit status 255");
        assertThat(wrapped.status()).as(wrapped.toJson()).isEqualTo(Status.OK);
        assertThat(fraction.error().type()).as(fraction.toJson()).isEqualTo("RangeError");
    }

    @Test
    void exitZeroInAsyncMain_isASuccess_thoughTheCatchOfTheIdiomSeesIt() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                async function main() {
                  await null;
                  console.log('done');
                  process.exit(0);
                }
                main().catch((error) => {
                  console.log('failed', error);
                  process.exit(1);
                });
                setTimeout(() => console.log('never'), 10);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("done\n");
    }

    @Test
    void exitInASession_endsOnlyThatExecution() {
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.JS)) {
            ExecutionResult exited = session.execute("console.log('one'); process.exit(2); console.log('no')");
            ExecutionResult next = session.execute("console.log('two'); process.stdout.write('w\\n'); 7");

            assertThat(exited.status()).as(exited.toJson()).isEqualTo(Status.ERROR);
            assertThat(exited.stdout()).isEqualTo("one\n");
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
            assertThat(next.stdout()).isEqualTo("two\nw\n");
            assertThat(String.valueOf(next.value())).isEqualTo("7");
        }
    }

    @Test
    void exitCode_isTheStatusOfAScriptThatRunsToItsEnd_asNodes() {
        ExecutionResult set = SandboxExtension.run(Language.JS, """
                process.exitCode = 3;
                setTimeout(() => console.log('timer', process.exitCode), 10);
                """);
        ExecutionResult reset = SandboxExtension.run(Language.JS, "process.exitCode = 5; process.exitCode = 0");
        ExecutionResult exitWithout = SandboxExtension.run(Language.JS, "process.exitCode = '300'; process.exit()");
        ExecutionResult thrown = SandboxExtension.run(Language.JS, "process.exitCode = 3; throw new Error('boom')");

        assertThat(set.error().message()).as(set.toJson()).isEqualTo("exit status 3");
        assertThat(set.stdout()).isEqualTo("timer 3\n");
        assertThat(reset.status()).as(reset.toJson()).isEqualTo(Status.OK);
        assertThat(exitWithout.error().message()).as(exitWithout.toJson()).isEqualTo("exit status 44");
        assertThat(thrown.error().message()).as(thrown.toJson()).isEqualTo("boom");
    }

    @Test
    void exitCode_refusesWhatNodeRefuses_andASessionsNextExecutionStartsWithout() {
        ExecutionResult refused = SandboxExtension.run(Language.JS, """
                const codes = [];
                for (const code of ['abc', 1.5, {}]) {
                  try { process.exitCode = code; } catch (e) { codes.push(e.code); }
                }
                codes.push(String(process.exitCode));
                codes.join(',')
                """);
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.JS)) {
            ExecutionResult failed = session.execute("process.exitCode = 2");
            ExecutionResult next = session.execute("String(process.exitCode)");

            assertThat(refused.value()).as(refused.toJson())
                    .isEqualTo("ERR_INVALID_ARG_TYPE,ERR_OUT_OF_RANGE,ERR_INVALID_ARG_TYPE,undefined");
            assertThat(failed.error().message()).as(failed.toJson()).isEqualTo("exit status 2");
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
            assertThat(next.value()).isEqualTo("undefined");
        }
    }

    @Test
    void exitListeners_runWhenTheLoopIsDone_withTheExitCode_andTheirOutputAppears() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                process.on('exit', (code) => { console.log('exit', code); process.exitCode = 4; });
                process.once('exit', function () { console.log('once', this === process); });
                setTimeout(() => { console.log('timer'); process.exitCode = 3; }, 5);
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("timer\nexit 3\nonce true\n");
        assertThat(result.error().message()).isEqualTo("exit status 4");
    }

    @Test
    void exitListeners_runAtProcessExit_once() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                process.on('exit', (code) => { console.log('exit', code); process.exit(6); });
                setTimeout(() => console.log('never'), 5);
                process.exit(5);
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("exit 5\n");
        assertThat(result.error().message()).isEqualTo("exit status 6");
    }

    @Test
    void listeners_comeAndGoAsAnEventEmittersDo() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const log = (x) => console.log('log', x);
                console.log(process.on('custom', log) === process, process.listenerCount('custom'));
                process.prependListener('custom', () => console.log('first'));
                console.log(process.emit('custom', 1), process.emit('other'));
                process.off('custom', log);
                console.log(process.listeners('custom').length);
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("true 1\nfirst\nlog 1\ntrue false\n1\n");
    }

    @Test
    void emitWarning_printsNodesLinesOnStderr_afterTheCurrentCode() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                process.emitWarning('careful');
                process.emitWarning('old', 'DeprecationWarning', 'DEP0001');
                console.log('first');
                """);

        assertThat(result.stdout()).as(result.toJson()).isEqualTo("first\n");
        assertThat(result.stderr()).isEqualTo("""
                (node:1) Warning: careful
                (Use `node --trace-warnings ...` to show where the warning was created)
                (node:1) [DEP0001] DeprecationWarning: old
                """);
    }

    @Test
    void memoryUsage_hasNodesFields_andGrowsWithWhatTheScriptAllocates() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                const before = process.memoryUsage();
                const rows = Array.from({ length: 100000 }, (_, i) => ({ i, name: 'row ' + i }));
                const after = process.memoryUsage();
                [Object.keys(after).join(), after.heapUsed - before.heapUsed > 1e6, after.rss >= after.heapTotal,
                 after.heapTotal >= after.heapUsed, typeof process.memoryUsage.rss(), rows.length]
                """);

        assertThat(result.value()).as(result.toJson())
                .isEqualTo(List.of("rss,heapTotal,heapUsed,external,arrayBuffers", true, true, true, "number", 100000L));
    }

    @Test
    void processLooksLikeNodesWhenPiped_butDoesNotClaimNodesVersion() {
        ExecutionResult result = SandboxExtension.run(Language.JS,
                "[process.arch, String(process.stdout.isTTY), String(process.versions), typeof Graal]");

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("x64", "undefined", "undefined", "undefined"));
    }

    @Test
    void exitInACallback_isNotAnErrorForTheListeners() {
        ExecutionResult result = SandboxExtension.run(Language.JS, """
                process.on('uncaughtException', (error) => console.log('uncaught', error.message));
                process.on('unhandledRejection', (reason) => console.log('unhandled', reason.message));
                setTimeout(() => process.exit(3), 1);
                (async () => { await null; process.exit(4); })();
                """);

        assertThat(result.stdout()).as(result.toJson()).isEmpty();
        assertThat(result.error().message()).isEqualTo("exit status 4");
    }
}
