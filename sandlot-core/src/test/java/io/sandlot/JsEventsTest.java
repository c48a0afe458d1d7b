package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * node's {@code events} ({@code node-events.js}): edge cases and errors, compared with what node 20 prints for the
 * same program.
 */
class JsEventsTest {

    @Test
    void emitter_edgeCases_andErrors_areNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const EventEmitter = require('events');
                const e = new EventEmitter();
                const calls = [];
                // a listener added during an emit runs from the next emit; one removed during it still runs now
                const second = () => calls.push('second');
                e.on('x', () => { calls.push('first'); e.on('x', () => calls.push('added')); e.off('x', second); });
                e.on('x', second);
                e.emit('x'); e.emit('x');
                console.log(calls.join(' '));
                // once listeners fire once, also when prepended; rawListeners shows the wrapper
                const f = () => {};
                e.prependOnceListener('y', f);
                console.log(e.rawListeners('y')[0].listener === f, e.listeners('y')[0] === f, e.emit('y'), e.emit('y'));
                // symbols as event names, and eventNames in insertion order
                const s = Symbol('sym');
                e.on(s, () => {}); e.on('z', () => {});
                console.log(e.eventNames());
                // errorMonitor sees the error before it is thrown
                e.on(EventEmitter.errorMonitor, (err) => console.log('monitor', err.message));
                try { e.emit('error', new Error('boom')); } catch (err) { console.log('thrown', err.message); }
                const plain = new EventEmitter();
                try { plain.emit('error'); } catch (err) { console.log(err.message, err.code, err.context); }
                for (const bad of [() => e.once('a', null), () => e.prependListener('a', {}), () => e.removeListener('a', 1),
                  () => e.setMaxListeners(NaN), () => EventEmitter.setMaxListeners(1, {}), () => EventEmitter.once(e, 'q', 5)]) {
                  try { const r = bad(); if (r instanceof Promise) r.catch((err) => console.log('async', err.code)); }
                  catch (err) { console.log(err.code, err.message); }
                }
                // the max listeners warning goes to stderr once per event
                const w = new EventEmitter();
                w.setMaxListeners(1);
                w.on('warned', () => {}); w.on('warned', () => {}); w.on('warned', () => {});
                console.log(w.listenerCount('warned'), w.getMaxListeners());
                // a listener's this is the emitter; arrow functions keep their own
                w.on('this', function () { console.log(this === w); });
                w.emit('this');
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                first second first added
                true true true false
                [ 'x', 'z', Symbol(sym) ]
                monitor boom
                thrown boom
                Unhandled error. (undefined) ERR_UNHANDLED_ERROR undefined
                ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received null
                ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received an instance of Object
                ERR_INVALID_ARG_TYPE The "listener" argument must be of type function. Received type number (1)
                ERR_OUT_OF_RANGE The value of "setMaxListeners" is out of range. It must be >= 0. Received NaN
                ERR_INVALID_ARG_TYPE The "eventTargets" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object
                3 1
                true
                """);
        assertThat(result.stderr()).contains("MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
                + "2 warned listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to "
                + "increase limit");
    }

    /** A listener that emits its own event forever is stopped by the CPU limit, not by a stack overflow of the host. */
    @Test
    void listenersThatNeverEnd_areStoppedByALimit() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const EventEmitter = require('events');
                const e = new EventEmitter();
                e.on('tick', () => setImmediate(() => e.emit('tick')));
                e.emit('tick');
                """, Limits.newBuilder().cpuTimeMs(1500).timeoutMs(20000).build());

        assertThat(result.status()).as(result.toJson()).isIn(Status.CPU_LIMIT, Status.TIMEOUT);
    }
}
