package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * node's builtin modules as ES modules ({@code JsModuleFiles}), the guest's own module files, and
 * {@code timers}/{@code timers/promises}.
 */
class JsModulesTest {

    @Test
    void builtins_importAsNodes_defaultIsTheModule_namedAreItsProperties() {
        ExecutionResult result = SandboxExtension.run(JS, """
                import fs, { readFileSync } from 'fs';
                import * as ns from 'node:fs';
                import { EventEmitter } from 'events';
                import promises from 'fs/promises';
                import tp from 'node:timers/promises';
                console.log(readFileSync === fs.readFileSync, ns.default === fs, ns.readFileSync === readFileSync,
                  EventEmitter === require('events'), promises === fs.promises, tp === require('timers/promises'));
                const again = await import('fs');
                console.log(again.default === fs, Object.keys(ns).includes('default'));
                for (const name of ['lodash', 'node:nope', 'node:arquero', './missing.mjs']) {
                  try { await import(name); } catch (e) { console.log(e.message); }
                }
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                true true true true true true
                true true
                Cannot find module 'lodash' imported from main.js
                Cannot find module 'node:nope' imported from main.js
                Cannot find module 'node:arquero' imported from main.js
                Cannot find module '/work/missing.mjs' imported from main.js
                """);
    }

    /** The guest's files import each other and the builtins; the builtins' reserved folder is not the guest's. */
    @Test
    void guestModules_importEachOther_andCannotStandForABuiltin() {
        ExecutionResult result = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder().virtualFileSystem(1 << 20)
                .build()).execute(JS, """
                const fs = require('fs');
                fs.mkdirSync('/work/lib', { recursive: true });
                fs.writeFileSync('/work/lib/b.mjs', "import { sep } from 'path'; export const b = 'b' + sep;");
                fs.writeFileSync('/work/lib/a.mjs', "export { b } from './b.mjs'; export default 42;");
                let planted = 'not written';
                try {
                  fs.mkdirSync('/.sandlot-node-builtins', { recursive: true });
                  fs.writeFileSync('/.sandlot-node-builtins/fs', 'export default 1;');
                  planted = 'written';
                } catch (e) { planted = e.code; }
                import('./lib/a.mjs').then(async (m) => {
                  const fsModule = await import('fs');
                  console.log(m.default, m.b, typeof fsModule.default.readFileSync, planted);
                });
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).startsWith("42 b/ function ");
    }

    @Test
    void timers_areTheSandboxesOwn_evenWhenTheGlobalsAreReplaced() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const realSetTimeout = setTimeout;
                globalThis.setTimeout = () => { throw new Error('replaced'); };
                const timers = require('timers');
                const { setTimeout: sleep, setImmediate: soon } = require('timers/promises');
                console.log(timers.setTimeout === realSetTimeout);
                (async () => {
                  const order = [];
                  await Promise.all([sleep(20).then(() => order.push('20')), soon('now').then((v) => order.push(v)),
                    sleep(5, 'five').then((v) => order.push(v))]);
                  console.log(order);
                  // an unref'd wait does not hold the script open
                  sleep(1000, null, { ref: false }).then(() => console.log('never printed'));
                })();
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                true
                [ 'now', 'five', '20' ]
                """);
    }
}
