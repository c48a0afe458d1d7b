package io.sandlot.internal.lang;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A guest's {@code console} prints as node's does. GraalJS's own console prints an object as
 * {@code [object Object]}, an array without brackets or quotes, ignores {@code %s}-style specifiers, and throws on
 * a null-prototype object or a symbol; a program written for node (what agents write) prints something else or
 * fails. The methods that format ({@code log}, {@code info}, {@code debug}, {@code dirxml}, {@code error},
 * {@code warn}, {@code dir}, {@code assert}, {@code trace}, {@code table}) format with node's own
 * {@code util.format} and {@code util.inspect}, from node-inspect-extracted (shipped, see
 * {@code src/build/fetch-js}), and print through GraalJS's console, which keeps the streams; {@code group},
 * {@code groupCollapsed} and {@code groupEnd} indent every line printed inside a group, as node's do.
 *
 * <p>The library is patched to print as node 20 does ({@code src/build/patch-node-inspect.js}), and what it asks
 * of V8 is answered here: an object's non-index keys by a binary search over its own keys, so that printing a huge
 * array or typed array costs what is printed; and a Map or Set iterator's remaining entries, which GraalJS keeps
 * where no script (and no embedder, through the polyglot API) can read them without consuming the iterator. The
 * methods that make such iterators ({@code entries}, {@code keys}, {@code values} and {@code [Symbol.iterator]} of
 * {@code Map.prototype} and {@code Set.prototype}) are wrapped before any guest code runs: each iterator gets an own
 * non-enumerable {@code next} that counts what it gave, and the preview reads the collection from that position
 * with a fresh iterator. Visible to a guest only as that own property (which inspect leaves out) and as the
 * wrappers' source text; iterating a Map or Set costs about a fifth more.
 *
 * <p>The library is evaluated in the guest's context, the first time a call needs it (a value that is not a
 * primitive, or a format specifier): printing strings and numbers costs no more than before. Its sources and the
 * installer are internal (not counted by the statement limit, see {@link #isInternal}); the formatting itself runs
 * under the guest's time, CPU, memory and output limits.
 */
final class JsConsole {

    /**
     * The library's build, wrapped to evaluate to its exports. It names a global {@code URL} (to show file URLs in
     * stacks), which GraalJS does not have: a local one that fails stands in.
     */
    private static final Source LIBRARY = JsLibraries.umdFunction("js/node-inspect.min.js",
            "<sandlot-node-inspect>", "sandlotInspect",
            "const URL = function URL() { throw new TypeError('URL is not available in this sandbox'); };\n");

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (loadInspect) {
              const original = globalThis.console;
              const print = original.log, printError = original.error;
              const { apply, defineProperty, getOwnPropertyDescriptor, ownKeys } = Reflect;
              const getOwnPropertyNames = Object.getOwnPropertyNames, toStringOf = Object.prototype.toString;
              const arrayFrom = Array.from;
              // node indents every line of what is printed inside console.group, GraalJS only the first
              let indent = '';
              const indented = (text) => (indent === '' ? text : indent + text.split('\\n').join('\\n' + indent));
              // node's console writes to process.stdout and process.stderr, so a script that replaces their write
              // (to capture what is logged) sees console.log too; it swallows what the write throws, unless the
              // stack overflowed. Until printThrough gives it the streams, GraalJS's console prints.
              let streams = null, warn = null;
              const write = (stream, text) => {
                try {
                  stream.write(text + '\\n');
                } catch (e) {
                  if (e instanceof RangeError && e.message === 'Maximum call stack size exceeded') {
                    throw e;
                  }
                }
              };
              const out = (text) => (streams === null ? print(indented(text)) : write(streams[0], indented(text)));
              const err = (text) => (streams === null ? printError(indented(text))
                  : write(streams[1], indented(text)));
              const counts = new Map();

              // What node's util.inspect asks of V8 and GraalJS does not answer (src/build/patch-node-inspect.js).
              // A Map or Set iterator keeps its collection and position in internal slots no script can read, so
              // the methods that make one are wrapped: each iterator made gets an own (non-enumerable) next that
              // counts what it gave, and is recorded with its collection and kind; previewEntries reads the
              // collection with a fresh iterator from the position on, and never calls the guest's iterator.
              const iterators = new WeakMap();
              const weakGet = WeakMap.prototype.get, weakSet = WeakMap.prototype.set;
              const trackedOf = (value) => apply(weakGet, iterators, [value]);
              const MapPrototype = Map.prototype, SetPrototype = Set.prototype;
              const mapEntries = MapPrototype.entries, setValues = SetPrototype.values;
              const mapSize = getOwnPropertyDescriptor(MapPrototype, 'size').get;
              const setSize = getOwnPropertyDescriptor(SetPrototype, 'size').get;
              const mapNext = Object.getPrototypeOf(new Map().entries()).next;
              const setNext = Object.getPrototypeOf(new Set().values()).next;
              const count = (state, result) => {
                if (result.done) {
                  state.done = true;
                } else {
                  state.taken++;
                }
              };
              // The prototypes' next counts too, for a guest that calls it on an iterator (or deletes the own one).
              for (const nativeNext of [mapNext, setNext]) {
                defineProperty(Object.getPrototypeOf(nativeNext === mapNext ? new Map().keys() : new Set().keys()),
                  'next', { value: { next() {
                    const result = apply(nativeNext, this, []);
                    const state = trackedOf(this);
                    if (state !== undefined) {
                      count(state, result);
                    }
                    return result;
                  } }.next, writable: true, configurable: true });
              }
              const tracking = (prototype, name, isMap, kind) => {
                const make = prototype[name], nativeNext = isMap ? mapNext : setNext;
                const method = { [name]() {
                  const iterator = apply(make, this, []);
                  const state = { source: this, isMap, kind, taken: 0, done: false, next: undefined };
                  state.next = { next() {
                    const result = apply(nativeNext, this, []);
                    const counted = this === iterator ? state : trackedOf(this);
                    if (counted !== undefined) {
                      count(counted, result);
                    }
                    return result;
                  } }.next;
                  defineProperty(iterator, 'next', { value: state.next, writable: true, configurable: true });
                  apply(weakSet, iterators, [iterator, state]);
                  return iterator;
                } }[name];
                defineProperty(prototype, name, { value: method, writable: true, configurable: true });
                return method;
              };
              tracking(MapPrototype, 'keys', true, 'keys');
              tracking(MapPrototype, 'values', true, 'values');
              defineProperty(MapPrototype, Symbol.iterator, { value: tracking(MapPrototype, 'entries', true,
                'entries'), writable: true, configurable: true });
              tracking(SetPrototype, 'entries', false, 'entries');
              const setValuesTracked = tracking(SetPrototype, 'values', false, 'values');
              defineProperty(SetPrototype, 'keys', { value: setValuesTracked, writable: true, configurable: true });
              defineProperty(SetPrototype, Symbol.iterator, { value: setValuesTracked, writable: true,
                configurable: true });
              // Whether key is the own next the sandbox gave value (which inspect does not show).
              const addedNext = (value, key) => {
                if (key !== 'next') {
                  return false;
                }
                const state = trackedOf(value);
                return state !== undefined && getOwnPropertyDescriptor(value, 'next')?.value === state.next;
              };
              // An iterator's remaining entries, at most limit of them (flat [key, value, ...] when keyValue), in
              // an array-like whose length counts them all: what is printed, not the collection, bounds the cost.
              const remaining = (state, limit) => {
                const keyValue = state.kind === 'entries';
                const preview = { __proto__: null, length: 0 };  // no setter a guest put on Object.prototype
                if (state.done) {
                  return { preview, keyValue };
                }
                const source = state.source;
                const size = apply(state.isMap ? mapSize : setSize, source, []);
                const fresh = apply(state.isMap ? mapEntries : setValues, source, []);
                const next = state.isMap ? mapNext : setNext;
                for (let skip = state.taken; skip > 0 && !apply(next, fresh, []).done; skip--) {
                  // the entries the guest's iterator already gave
                }
                const max = typeof limit === 'number' && limit >= 0 ? limit : Infinity;
                let count = 0, at = 0;
                for (let result; count < max && !(result = apply(next, fresh, [])).done; count++) {
                  const item = result.value;
                  if (!state.isMap) {
                    preview[at++] = item;
                    if (keyValue) {
                      preview[at++] = item;
                    }
                  } else if (keyValue) {
                    preview[at++] = item[0];
                    preview[at++] = item[1];
                  } else {
                    preview[at++] = state.kind === 'keys' ? item[0] : item[1];
                  }
                }
                const total = Math.max(count, size - state.taken);
                preview.length = keyValue ? 2 * total : total;
                return { preview, keyValue };
              };
              const isArrayIndex = (key) => typeof key === 'string' && key.length > 0 && key.length <= 10
                  && /^(?:0|[1-9][0-9]*)$/.test(key) && +key < 4294967295;
              const internals = {
                // node's, from V8: the own keys that are not array indices; ownKeys lists the indices first, in
                // order, so a huge array's (or typed array's) are passed over by a binary search, not one by one
                getOwnNonIndexProperties(value, filter) {
                  const keys = ownKeys(value);
                  let start = 0;
                  if (keys.length > 16) {
                    let high = keys.length;
                    while (start < high) {
                      const middle = (start + high) >>> 1;
                      if (isArrayIndex(keys[middle])) {
                        start = middle + 1;
                      } else {
                        high = middle;
                      }
                    }
                  }
                  const result = [];
                  for (let i = start; i < keys.length; i++) {
                    const key = keys[i];
                    if (isArrayIndex(key) || addedNext(value, key)) {
                      continue;
                    }
                    if (filter === 2) {
                      const descriptor = getOwnPropertyDescriptor(value, key);
                      if (descriptor === undefined || !descriptor.enumerable) {
                        continue;
                      }
                    }
                    result.push(key);
                  }
                  return result;
                },
                getOwnPropertyNames(value) {
                  const names = getOwnPropertyNames(value);
                  return trackedOf(value) === undefined ? names : names.filter((key) => !addedNext(value, key));
                },
                // node's, from V8: [entries, isKeyValue] of a Map or Set iterator (isIterator), else the entries
                // of a WeakMap or WeakSet, which no script can list (node shows them only with showHidden)
                previewEntries(value, isIterator, limit) {
                  const state = trackedOf(value);
                  if (state === undefined) {
                    return isIterator ? [[], false] : [];
                  }
                  const { preview, keyValue } = remaining(state, limit);
                  return isIterator ? [preview, keyValue] : preview;
                },
              };
              let util = null;
              const inspector = () => util === null ? (util = loadInspect(internals)) : util;
              // node prints primitives without specifiers as String() does, but -0 and bigints
              const plain = (value) => {
                switch (typeof value) {
                  case 'string': return value;
                  case 'number': return Object.is(value, -0) ? '-0' : String(value);
                  case 'bigint': return String(value) + 'n';
                  case 'boolean': case 'undefined': return String(value);
                  default: return value === null ? 'null' : undefined;
                }
              };
              const format = (args) => {
                const parts = [];
                for (let i = 0; i < args.length; i++) {
                  const text = plain(args[i]);
                  if (text === undefined || (i === 0 && args.length > 1 && text.includes('%'))) {
                    return inspector().format(...args);
                  }
                  parts.push(text);
                }
                return parts.join(' ');
              };
              // node 20's console.table (lib/internal/console/constructor.js) and its cli_table
              // a Map or a Set, as its size getter tells (it throws on anything else, a proxy or subclass too)
              const branded = (sizeGetter) => (value) => {
                try {
                  apply(sizeGetter, value, []);
                  return true;
                } catch {
                  return false;
                }
              };
              const isMap = branded(mapSize);
              const isSet = branded(setSize);
              const hasOwn = Object.prototype.hasOwnProperty;
              const renderTable = (head, columns, getStringWidth) => {
                const rows = [];
                const widths = head.map((h) => getStringWidth(h));
                const longest = Math.max(...columns.map((column) => column.length));
                for (let i = 0; i < head.length; i++) {
                  const column = columns[i];
                  for (let j = 0; j < longest; j++) {
                    if (rows[j] === undefined) {
                      rows[j] = [];
                    }
                    const value = rows[j][i] = apply(hasOwn, column, [j]) ? column[j] : '';
                    widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
                  }
                }
                const divider = widths.map((w) => '─'.repeat(w + 2));
                const render = (row) => '│ ' + row.map((cell, i) => cell
                    + ' '.repeat(widths[i] - getStringWidth(cell))).join(' │ ') + ' │';
                return ['┌' + divider.join('┬') + '┐', render(head), '├' + divider.join('┼') + '┤',
                  ...rows.map(render), '└' + divider.join('┴') + '┘'].join('\\n');
              };
              const table = (data, properties) => {
                if (properties !== undefined && !Array.isArray(properties)) {
                  const error = new TypeError('The "properties" argument must be an instance of Array. Received '
                      + (properties === null ? 'null' : typeof properties === 'function' ? 'function '
                      + properties.name : typeof properties === 'object' ? 'an instance of '
                      + (properties.constructor?.name ?? 'Object') : `type ${typeof properties} (${
                      inspector().inspect(properties)})`));
                  error.code = 'ERR_INVALID_ARG_TYPE';
                  throw error;
                }
                if (data === null || typeof data !== 'object') {
                  return format([data]);
                }
                const { inspect, getStringWidth } = inspector();
                const cell = (v) => inspect(v, { depth: v !== null && typeof v === 'object' && !Array.isArray(v)
                    && Object.keys(v).length > 2 ? -1 : 0, maxArrayLength: 3, breakLength: Infinity,
                    colors: false });
                const indexes = (length) => arrayFrom({ length }, (_, i) => cell(i));
                const tag = apply(toStringOf, data, []);
                const mapIterator = tag === '[object Map Iterator]', setIterator = tag === '[object Set Iterator]';
                let keyValue = false;
                if (mapIterator || setIterator) {
                  const [preview, isKeyValue] = internals.previewEntries(data, true);
                  data = arrayFrom(preview);
                  keyValue = mapIterator && isKeyValue;
                }
                if (keyValue || isMap(data)) {
                  const keys = [], values = [];
                  if (keyValue) {
                    for (let i = 0; i < data.length / 2; i++) {
                      keys.push(cell(data[i * 2]));
                      values.push(cell(data[i * 2 + 1]));
                    }
                  } else {
                    for (const { 0: k, 1: v } of data) {
                      keys.push(cell(k));
                      values.push(cell(v));
                    }
                  }
                  return renderTable(['(iteration index)', 'Key', 'Values'], [indexes(keys.length), keys, values],
                      getStringWidth);
                }
                if (mapIterator || setIterator || isSet(data)) {
                  const values = [];
                  for (const v of data) {
                    values.push(cell(v));
                  }
                  return renderTable(['(iteration index)', 'Values'], [indexes(values.length), values],
                      getStringWidth);
                }
                const map = Object.create(null);
                let hasPrimitives = false;
                const valuesColumn = [];
                const indexColumn = Object.keys(data);
                for (let i = 0; i < indexColumn.length; i++) {
                  const item = data[indexColumn[i]];
                  const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
                  if (properties === undefined && primitive) {
                    hasPrimitives = true;
                    valuesColumn[i] = cell(item);
                  } else {
                    for (const key of properties || Object.keys(item)) {
                      map[key] ??= [];
                      map[key][i] = (primitive && properties) || !apply(hasOwn, item, [key]) ? '' : cell(item[key]);
                    }
                  }
                }
                const head = Object.keys(map), columns = Object.values(map);
                if (hasPrimitives) {
                  head.push('Values');
                  columns.push(valuesColumn);
                }
                head.unshift('(index)');
                columns.unshift(indexColumn);
                return renderTable(head, columns, getStringWidth);
              };
              const methods = {
                log(...args) { out(format(args)); },
                info(...args) { out(format(args)); },
                debug(...args) { out(format(args)); },
                dirxml(...args) { out(format(args)); },
                error(...args) { err(format(args)); },
                warn(...args) { err(format(args)); },
                dir(value, options) { out(inspector().inspect(value, { customInspect: false, ...options })); },
                assert(condition, ...args) {
                  if (!condition) {
                    if (args.length > 0) {
                      args[0] = `Assertion failed: ${args[0]}`;   // node's: String() of the first, then format
                    }
                    err(args.length === 0 ? 'Assertion failed' : format(args));
                  }
                },
                count(label = 'default') {
                  label = `${label}`;
                  const count = (counts.get(label) ?? 0) + 1;
                  counts.set(label, count);
                  out(`${label}: ${count}`);
                },
                countReset(label = 'default') {
                  label = `${label}`;
                  if (!counts.has(label)) {
                    warn?.(`Count for '${label}' does not exist`);
                    return;
                  }
                  counts.delete(label);
                },
                trace(...args) {
                  const stack = String(new Error().stack).split('\\n').slice(2).join('\\n');
                  err('Trace' + (args.length ? ': ' + format(args) : '') + (stack ? '\\n' + stack : ''));
                },
                table(data, properties) { out(table(data, properties)); },
                group(...labels) {
                  if (labels.length > 0) {
                    out(format(labels));
                  }
                  indent += '  ';
                },
                groupCollapsed(...labels) { methods.group(...labels); },
                groupEnd() { indent = indent.slice(2); },
              };
              for (const [name, method] of Object.entries(methods)) {
                Object.defineProperty(method, 'name', { value: name });
                Object.defineProperty(original, name, { value: method, writable: true, enumerable: true,
                  configurable: true });
              }
              const printThrough = (stdout, stderr, emitWarning) => {
                streams = [stdout, stderr];
                warn = emitWarning;
              };
              return { inspector, printThrough };
            })
            """, "<sandlot-console>").buildLiteral();

    /** The polyglot binding that holds the installer's {@code printThrough} until {@link #printThrough} calls it. */
    private static final String PRINT_THROUGH = "sandlot.console.printThrough";

    private JsConsole() {
    }

    /**
     * Replaces the formatting methods of the context's {@code console}; before any guest code runs. Returns the
     * guest function that answers node's util (its {@code inspect}, {@code format}, ...), loading it on its first
     * call, for node's {@code util} module to share ({@link JsNodeModules}).
     */
    static Value install(Context context) {
        ProxyExecutable load = arguments -> context.eval(LIBRARY).execute(arguments[0]);
        Value console = context.eval(INSTALLER).execute(load);
        // out of the guest's reach: its polyglot access is NONE
        context.getPolyglotBindings().putMember(PRINT_THROUGH, console.getMember("printThrough"));
        return console.getMember("inspector");
    }

    /**
     * From now on the console prints as node's does, by calling the {@code write} of {@code process.stdout} and
     * {@code process.stderr} ({@link JsProcess#hooks}), and warns through {@code process.emitWarning}.
     */
    static void printThrough(Context context, Value processHooks) {
        context.getPolyglotBindings().getMember(PRINT_THROUGH).executeVoid(processHooks.getMember("stdout"),
                processHooks.getMember("stderr"), processHooks.getMember("emitWarning"));
        context.getPolyglotBindings().removeMember(PRINT_THROUGH);
    }

    /** Whether {@code source} is the installer or the library, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER) || source.equals(LIBRARY);
    }
}
