// An agent's script written as an ES module: node's builtins imported by default, by name and as a namespace,
// with and without node:, a top-level await, and a dynamic import.
import fs, { writeFileSync, readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
import * as path from 'path';
import { join } from 'node:path';
import EventEmitter, { once } from 'events';
import os from 'os';
import { setTimeout as sleep } from 'timers/promises';
import util, { format } from 'util';
import assert from 'node:assert';
import { createHash } from 'crypto';

const file = join('/tmp', 'esm-report.json');
writeFileSync(file, JSON.stringify({ rows: [1, 2, 3] }));
const data = JSON.parse(readFileSync(file, 'utf8'));
console.log(data.rows.length, typeof fs.existsSync, fs.existsSync(file), path.basename(file), path.default === path.default);
console.log(JSON.parse(await readFile(file, 'utf8')).rows);

const bus = new EventEmitter();
setTimeout(() => bus.emit('ready', 'yes'), 5);
const [answer] = await once(bus, 'ready');
console.log(answer, await sleep(5, 'slept'), os.EOL === '\n', format('%s=%d', 'n', 42), util.inspect({ a: [1] }));
assert.deepStrictEqual(data, { rows: [1, 2, 3] });
console.log(createHash('sha256').update('abc').digest('hex').slice(0, 16));

const dynamic = await import('node:path');
console.log(dynamic.default === path.default, typeof dynamic.join, dynamic.sep);
const events = await import('events');
console.log(events.default === EventEmitter, events.EventEmitter === EventEmitter);
