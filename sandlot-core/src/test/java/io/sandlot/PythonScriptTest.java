package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an ordinary Python script expects of its interpreter and gets from CPython: found by running agents' kind
 * of programs side by side with CPython; each case printed something else, or failed, in the sandbox.
 */
class PythonScriptTest {

    private static final Sandbox FILES = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(1 << 20).build());

    private static ExecutionResult run(String code) {
        return SandboxExtension.run(Language.PYTHON, code);
    }

    @Test
    void strptime_parses() {
        ExecutionResult result = run("""
                from datetime import datetime
                import time
                [str(datetime.strptime('2024-03-01 14:05', '%Y-%m-%d %H:%M')), time.strptime('2024', '%Y').tm_year]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("2024-03-01 14:05:00", 2024L));
    }

    @Test
    void sysExitZero_isASuccess() {
        ExecutionResult exitZero = run("import sys\nprint('done')\nsys.exit(0)");
        ExecutionResult bareExit = run("raise SystemExit");
        ExecutionResult exitBuiltin = run("print('bye')\nexit()");

        assertThat(exitZero.status()).as(exitZero.toJson()).isEqualTo(Status.OK);
        assertThat(exitZero.stdout()).isEqualTo("done\n");
        assertThat(bareExit.status()).isEqualTo(Status.OK);
        assertThat(exitBuiltin.status()).isEqualTo(Status.OK);
        assertThat(exitBuiltin.stdout()).isEqualTo("bye\n");
    }

    @Test
    void sysExitWithACodeOrMessage_isASystemExitError_theMessageOnStderr() {
        ExecutionResult code = run("import sys\nsys.exit(3)");
        ExecutionResult message = run("import sys\nsys.exit('fatal: config missing')");
        ExecutionResult quit = run("quit(5)");

        assertThat(code.status()).isEqualTo(Status.ERROR);
        assertThat(code.error().type()).isEqualTo("SystemExit");
        assertThat(code.error().message()).isEqualTo("exit status 3");
        assertThat(message.error().message()).isEqualTo("exit status 1");
        assertThat(message.stderr()).isEqualTo("fatal: config missing\n");
        assertThat(quit.error().message()).isEqualTo("exit status 5");
    }

    @Test
    void systemExitWithAMessage_printsItOnlyWhenUncaught_asCPython() {
        ExecutionResult raised = run("print('a')\nraise SystemExit('fatal: input.csv not found')");
        ExecutionResult caught = run("""
                import sys
                try:
                    sys.exit('not printed')
                except SystemExit as e:
                    print('caught', e.code)
                """);
        ExecutionResult notAString = run("raise SystemExit(['a', 1])");

        assertThat(raised.error().message()).as(raised.toJson()).isEqualTo("exit status 1");
        assertThat(raised.stdout()).isEqualTo("a\n");
        assertThat(raised.stderr()).isEqualTo("fatal: input.csv not found\n");
        assertThat(caught.status()).isEqualTo(Status.OK);
        assertThat(caught.stdout()).isEqualTo("caught not printed\n");
        assertThat(caught.stderr()).isEmpty();
        assertThat(notAString.stderr()).isEqualTo("['a', 1]\n");
    }

    @Test
    void outputWithoutALineEnd_isFlushedAtTheEnd_asCPythonFlushesAtExit() {
        ExecutionResult ended = run("print('total: 42', end='')");
        ExecutionResult exited = run("import sys\nprint('partial', end='')\nsys.stderr.write('warn')\nsys.exit(0)");
        ExecutionResult failed = run("print('before', end='')\n1 / 0");

        assertThat(ended.stdout()).as(ended.toJson()).isEqualTo("total: 42");
        assertThat(exited.stdout()).as(exited.toJson()).isEqualTo("partial");
        assertThat(exited.stderr()).isEqualTo("warn");
        assertThat(failed.stdout()).as(failed.toJson()).isEqualTo("before");
    }

    @Test
    void argvAndFile_areAScriptsOwn() {
        ExecutionResult result = run("""
                import argparse, os, sys
                parser = argparse.ArgumentParser()
                parser.add_argument('--n', type=int, default=3)
                [sys.argv, parser.parse_args().n, os.path.basename(__file__), os.path.dirname(os.path.abspath(__file__))]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(List.of("main.py"), 3L, "main.py", "/work"));
    }

    @Test
    void arguments_areTheScriptsCommandLine_asPython3GivesIt() {
        ExecutionResult result = SandboxExtension.FACTORY.newSandbox().execute(ExecutionRequest.newBuilder(Language.PYTHON, """
                import argparse, sys
                parser = argparse.ArgumentParser()
                parser.add_argument('path')
                parser.add_argument('--top', type=int, default=3)
                parser.add_argument('--verbose', action='store_true')
                options = parser.parse_args()
                [sys.argv, options.path, options.top, options.verbose]
                """).arguments(List.of("sales.csv", "--top", "5", "--verbose")).build());
        ExecutionResult usage = SandboxExtension.FACTORY.newSandbox().execute(ExecutionRequest.newBuilder(Language.PYTHON, """
                import argparse
                argparse.ArgumentParser().parse_args()
                """).arguments(List.of("--bogus")).build());

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(
                List.of("main.py", "sales.csv", "--top", "5", "--verbose"), "sales.csv", 5L, true));
        assertThat(usage.error().message()).isEqualTo("exit status 2");
        assertThat(usage.stderr()).isEqualTo("usage: main.py [-h]\nmain.py: error: unrecognized arguments: --bogus\n");
    }

    @Test
    void fileWrittenWithoutClose_isThereWhenOpenedAgain() {
        ExecutionResult result = FILES.execute(Language.PYTHON, """
                open('log.txt', 'w').write('header\\n')
                with open('log.txt', 'a') as f:
                    f.write('row1\\n')
                open('out.csv', 'w').write('a,b\\n')
                [open('log.txt').read(), open('out.csv').read()]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of("header\nrow1\n", "a,b\n"));
    }

    @Test
    void tracebacks_showTheLinesOfTheCode() {
        String code = """
                import logging, traceback
                def parse(x):
                    return int(x)
                try:
                    parse('twenty')
                except ValueError:
                    tb = traceback.format_exc()
                tb
                """;

        ExecutionResult first = run(code);
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.PYTHON)) {
            session.execute("x = 1");
            ExecutionResult inSession = session.execute(code);

            assertThat(inSession.value()).as(inSession.toJson()).asString().contains("    parse('twenty')\n")
                    .contains("    return int(x)\n");
        }

        assertThat(first.value()).as(first.toJson()).asString()
                .contains("File \"main.py\", line 5, in <module>\n    parse('twenty')\n")
                .contains("File \"main.py\", line 3, in parse\n    return int(x)\n");
    }

    @Test
    void warnings_showTheLineThatWarned() {
        String code = """
                import warnings
                def old_api(x):
                    warnings.warn('old_api is deprecated', DeprecationWarning, stacklevel=2)
                    return x
                old_api(1)
                warnings.warn('plain')
                """;

        ExecutionResult first = run(code);
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.PYTHON)) {
            session.execute("import warnings\nwarnings.warn('earlier')");
            ExecutionResult inSession = session.execute(code);

            assertThat(inSession.stderr()).as(inSession.toJson()).contains("main.py:6: UserWarning: plain\n"
                    + "  warnings.warn('plain')\n");
        }

        assertThat(first.stderr()).as(first.toJson()).isEqualTo("""
                main.py:5: DeprecationWarning: old_api is deprecated
                  old_api(1)
                main.py:6: UserWarning: plain
                  warnings.warn('plain')
                """);
    }

    @Test
    void processUsage_isNotTheHosts() {
        ExecutionResult result = run("import resource\ntuple(resource.getrusage(resource.RUSAGE_SELF))[2:]");

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L,
                0L, 0L, 0L, 0L));
    }
    @Test
    void asyncioRun_runsTasksTimersAndQueues() {
        ExecutionResult result = run("""
                import asyncio
                async def square(i):
                    await asyncio.sleep(0.01 * (5 - i))
                    return i * i
                async def main():
                    queue, seen = asyncio.Queue(), []
                    async def consume():
                        while (item := await queue.get()) is not None:
                            seen.append(item)
                    consumer = asyncio.create_task(consume())
                    for item in 'abc':
                        await queue.put(item)
                    await queue.put(None)
                    await consumer
                    try:
                        await asyncio.wait_for(asyncio.sleep(10), 0.02)
                    except TimeoutError:
                        seen.append('timed out')
                    async with asyncio.TaskGroup() as group:
                        task = group.create_task(square(7))
                    return [await asyncio.gather(*map(square, range(5))), seen, task.result(),
                            await asyncio.to_thread(sum, [1, 2, 3])]
                asyncio.run(main())
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(List.of(0L, 1L, 4L, 9L, 16L),
                List.of("a", "b", "c", "timed out"), 49L, 6L));
    }

    @Test
    void asyncioLoopWithNothingToWaitFor_failsInsteadOfHanging() {
        ExecutionResult result = run("import asyncio\nasyncio.run(asyncio.Event().wait())");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.ERROR);
        assertThat(result.error().type()).isEqualTo("RuntimeError");
        assertThat(result.error().message()).contains("would wait forever");
    }

    @Test
    void threadPoolExecutor_givesCPythonsResults() {
        ExecutionResult result = run("""
                from concurrent.futures import ThreadPoolExecutor, as_completed, wait
                calls = []
                with ThreadPoolExecutor(max_workers=4, initializer=calls.append, initargs=('init',)) as pool:
                    mapped = list(pool.map(lambda n: n * 10, range(4)))
                    futures = [pool.submit(pow, 2, n) for n in range(4)]
                    done = sorted(f.result() for f in as_completed(futures))
                    failed = pool.submit(int, 'x')
                    wait([failed])
                try:
                    pool.submit(print)
                    after_shutdown = None
                except RuntimeError as e:
                    after_shutdown = str(e)
                [mapped, done, type(failed.exception()).__name__, after_shutdown, calls]
                """);

        assertThat(result.value()).as(result.toJson()).isEqualTo(List.of(List.of(0L, 10L, 20L, 30L),
                List.of(1L, 2L, 4L, 8L), "ValueError", "cannot schedule new futures after shutdown", List.of("init")));
    }
}
