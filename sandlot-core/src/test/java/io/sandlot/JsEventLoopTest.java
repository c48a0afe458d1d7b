package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What node programs expect of the event loop: timers fire in node's order with promise jobs between them, a
 * script's promise is its value once settled, and a rejection nobody handles is an error, not a silent success.
 * Expected outputs are node 20's.
 */
class JsEventLoopTest {

    private static ExecutionResult run(String code) {
        return SandboxExtension.run(Language.JS, code);
    }

    @Test
    void timers_fireInNodesOrder_withPromiseJobsBetweenThem() {
        ExecutionResult result = run("""
                const log = [];
                setTimeout(() => { log.push('t20'); }, 20);
                setTimeout(() => { log.push('t0'); Promise.resolve().then(() => log.push('job after t0')); }, 0);
                setTimeout(() => log.push('t10'), 10);
                setImmediate(() => log.push('immediate'));
                const cancelled = setTimeout(() => log.push('never'), 5);
                clearTimeout(cancelled);
                let n = 0;
                const every = setInterval(() => { log.push('i' + (++n)); if (n === 3) clearInterval(every); }, 7);
                queueMicrotask(() => log.push('microtask'));
                Promise.resolve().then(() => log.push('job'));
                log.push('sync');
                setTimeout(() => console.log(log.join(' ')), 100);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo(
                "sync microtask job t0 job after t0 immediate i1 t10 i2 t20 i3\n");
    }

    @Test
    void asyncMainWithSleep_runsToItsEnd_andItsValueIsTheResult() {
        ExecutionResult result = run("""
                const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                async function main() {
                  console.log('start');
                  await sleep(10);
                  console.log('done');
                  return {rows: 3};
                }
                main();
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("start\ndone\n");
        assertThat(result.value()).isEqualTo(Map.of("rows", 3L));
    }

    @Test
    void asyncWorkAfterTheLastStatement_runsToItsEnd() {
        ExecutionResult result = run("""
                const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                (async () => {
                  await sleep(10);
                  const later = await Promise.all([sleep(30).then(() => 'a'), sleep(5).then(() => 'b')]);
                  await sleep(1);
                  console.log('done', later.join(''));
                })();
                console.log('script end');
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("script end\ndone ab\n");
    }

    @Test
    void unhandledRejection_isAnError() {
        ExecutionResult result = run("""
                async function main() { await null; throw new Error('file not found: data.csv'); }
                main();
                console.log('started');
                """);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.error().message()).contains("file not found: data.csv");
    }

    @Test
    void rejectionInATimer_isAnError_butOneHandledLaterIsNot() {
        ExecutionResult failing = run("setTimeout(() => Promise.reject(new Error('late')), 5); 1");
        ExecutionResult handled = run("""
                const p = Promise.reject(new Error('handled'));
                p.catch((e) => console.log('caught', e.message));
                'fine'
                """);

        assertThat(failing.status()).isEqualTo(Status.ERROR);
        assertThat(failing.error().message()).contains("late");
        assertThat(handled.status()).as(handled.toJson()).isEqualTo(Status.OK);
        assertThat(handled.stdout()).isEqualTo("caught handled\n");
    }

    @Test
    void timers_areNodesTimeoutObjects_clearedByThemselvesOrTheirId() {
        ExecutionResult result = run("""
                const t = setTimeout(() => console.log('t'), 5);
                const i = setImmediate(() => console.log('immediate'));
                console.log(t.constructor.name, t.hasRef(), t.unref() === t, t.hasRef(), t.ref().hasRef(),
                    typeof +t, i.constructor.name, i.hasRef());
                clearTimeout(+setTimeout(() => console.log('cleared by id'), 1));
                setTimeout(() => console.log('closed'), 1).close();
                let n = 0;
                const again = setTimeout(() => { console.log('again', ++n); if (n < 2) again.refresh(); }, 10);
                const cleared = setTimeout(() => console.log('cleared, then refreshed'), 2);
                clearTimeout(cleared);
                cleared.refresh();
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo(
                "Timeout true true false true number Immediate true\nimmediate\nt\nagain 1\nagain 2\n");
    }

    @Test
    void unrefdTimer_doesNotKeepTheScriptAlive_butFiresWhileRefdOnesRun() {
        ExecutionResult result = run("""
                setTimeout(() => console.log('unref, late'), 50).unref();
                setInterval(() => console.log('unref interval'), 4).unref();
                setTimeout(() => console.log('ref'), 10);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("unref interval\nunref interval\nref\n");
    }

    @Test
    void uncaughtExceptionListener_takesACallbacksError_andTheLoopGoesOn() {
        ExecutionResult result = run("""
                process.on('uncaughtException', (error, origin) => console.log('caught', error.message, origin));
                setTimeout(() => { throw new Error('in a timer'); }, 1);
                setTimeout(() => console.log('next timer'), 2);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("caught in a timer uncaughtException\nnext timer\n");
    }

    @Test
    void unhandledRejectionListener_takesTheRejection() {
        ExecutionResult result = run("""
                process.on('unhandledRejection', (reason, promise) =>
                    console.log('unhandled', reason instanceof Error ? reason.message : reason, promise instanceof Promise));
                Promise.reject(new Error('first'));
                setTimeout(() => Promise.reject('second'), 1);
                setTimeout(() => console.log('still running'), 2);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("unhandled first true\nunhandled second true\nstill running\n");
    }

    @Test
    void unhandledRejectionOfAValueThatIsNotAnError_isAnErrorThatShowsIt() {
        ExecutionResult text = run("Promise.reject('no data')");
        ExecutionResult object = run("Promise.reject({ code: 7 })");

        assertThat(text.error().message()).as(text.toJson()).isEqualTo("Unhandled promise rejection: no data");
        assertThat(object.error().message()).as(object.toJson()).isEqualTo("Unhandled promise rejection: {code: 7}");
    }

    @Test
    void unhandledRejections_failWithTheFirst_andLeaveNothingToASessionsNextExecution() {
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.JS)) {
            ExecutionResult failed = session.execute(
                    "Promise.reject(new Error('one')); Promise.reject(new Error('two')); 'set'");
            ExecutionResult next = session.execute("1 + 1");

            assertThat(failed.error().message()).as(failed.toJson()).isEqualTo("one");
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
        }
    }

    @Test
    void intervalNeverCleared_runsUntilALimitStopsIt() {
        ExecutionResult result = SandboxExtension.FACTORY.newSandbox().execute(ExecutionRequest.newBuilder(
                Language.JS, "let n = 0; setInterval(() => n++, 1); 'set'")
                .limits(Limits.newBuilder().timeoutMs(500).build()).build());

        assertThat(result.status()).isIn(Status.TIMEOUT, Status.CPU_LIMIT, Status.STATEMENT_LIMIT);
    }

    @Test
    void timersOfASession_fireInTheExecutionThatSetThem() {
        try (Session session = SandboxExtension.FACTORY.newSandbox().openSession(Language.JS)) {
            ExecutionResult first = session.execute("var fired = []; setTimeout(() => fired.push(1), 50); 'set'");
            ExecutionResult second = session.execute("fired");

            assertThat(first.status()).isEqualTo(Status.OK);
            assertThat(second.value()).isEqualTo(List.of(1L));
        }
    }

    @Test
    void timersLeftByAnExecutionStoppedByALimit_doNotReachTheNext() {
        try (Session session = SandboxExtension.FACTORY.newSandbox()
                .openSession(Language.JS, Limits.newBuilder().timeoutMs(500).build())) {
            ExecutionResult stopped = session.execute("var ticks = 0; setInterval(() => ticks++, 1); 'set'");
            ExecutionResult next = session.execute("const before = ticks; setTimeout(() => {}, 5); ticks === before");

            assertThat(stopped.status()).isIn(Status.TIMEOUT, Status.CPU_LIMIT);
            assertThat(next.status()).as(next.toJson()).isEqualTo(Status.OK);
            assertThat(next.value()).isEqualTo(true);
        }
    }

    @Test
    void defaultLocale_isEnUs() {
        ExecutionResult result = run("[(1234567.891).toLocaleString(), new Intl.NumberFormat().resolvedOptions().locale]");

        assertThat(result.value()).isEqualTo(List.of("1,234,567.891", "en-US"));
    }

    @Test
    void topLevelAwait_runsTheCodeAsAModule_asNode() {
        ExecutionResult result = run("""
                const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                console.log('start', typeof this);
                await sleep(10);
                console.log('data', await Promise.all([1, 2].map(async (x) => x * 2)));
                setTimeout(() => console.log('timer'), 5);
                export const answer = 42;
                """);
        ExecutionResult failed = run("console.log('before'); await null; throw new Error('boom')");

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("start undefined\ndata [ 2, 4 ]\ntimer\n");
        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.stdout()).isEqualTo("before\n");
        assertThat(failed.error().message()).isEqualTo("boom");
    }

    @Test
    void syntaxErrorRaisedWhileRunning_doesNotRunTheCodeAgainAsAModule() {
        ExecutionResult parsed = run("console.log('once'); JSON.parse('{bad')");
        ExecutionResult evaluated = run("console.log('once'); eval('a b')");
        ExecutionResult neither = run("console.log('never'); const x = ;");

        assertThat(parsed.stdout()).as(parsed.toJson()).isEqualTo("once\n");
        assertThat(parsed.error().type()).isEqualTo("SyntaxError");
        assertThat(evaluated.stdout()).as(evaluated.toJson()).isEqualTo("once\n");
        assertThat(neither.stdout()).isEmpty();
        assertThat(neither.error().message()).contains("main.js:1:32 Expected an operand but found ;");
    }
}
