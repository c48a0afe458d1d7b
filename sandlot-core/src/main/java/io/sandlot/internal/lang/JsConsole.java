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
    private static final Source LIBRARY = JsLibraries.umd("js/node-inspect.min.js", "<sandlot-node-inspect>",
            "const URL = function URL() { throw new TypeError('URL is not available in this sandbox'); };\n");

    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (loadInspect) {
              const original = globalThis.console;
              const print = original.log, printError = original.error;
              // node indents every line of what is printed inside console.group, GraalJS only the first
              let indent = '';
              const indented = (text) => (indent === '' ? text : indent + text.split('\\n').join('\\n' + indent));
              const out = (text) => print(indented(text)), err = (text) => printError(indented(text));
              let util = null;
              const inspector = () => util === null ? (util = loadInspect()) : util;
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
              const table = (data, properties) => {
                if (data === null || typeof data !== 'object') {
                  return format([data]);
                }
                const { inspect, getStringWidth } = inspector();
                const cell = (v) => inspect(v, { depth: v !== null && typeof v === 'object' && !Array.isArray(v)
                    && Object.keys(v).length > 2 ? -1 : 0, maxArrayLength: 3, breakLength: Infinity });
                const entries = data instanceof Map ? [...data.entries()].map(([k, v], i) => [i, k, v])
                    : data instanceof Set ? [...data.values()].map((v, i) => [i, undefined, v])
                    : Object.keys(data).map((k) => [k, undefined, data[k]]);
                const keyed = data instanceof Map;
                const head = ['(index)'];
                if (keyed) head.push('Key');
                const columns = new Map();
                let values = false;
                for (const [, , row] of entries) {
                  if (row !== null && typeof row === 'object' || typeof row === 'function') {
                    for (const k of properties || Object.keys(row)) {
                      if (!columns.has(k)) columns.set(k, head.length + columns.size);
                    }
                  } else {
                    values = true;
                  }
                }
                head.push(...columns.keys());
                if (values) head.push('Values');
                const rows = entries.map(([index, key, row]) => {
                  const cells = new Array(head.length).fill('');
                  cells[0] = String(index);
                  if (keyed) cells[1] = cell(key);
                  if (row !== null && typeof row === 'object' || typeof row === 'function') {
                    for (const [k, at] of columns) {
                      if (Object.prototype.hasOwnProperty.call(row, k)) cells[at] = cell(row[k]);
                    }
                  } else {
                    cells[head.length - 1] = cell(row);
                  }
                  return cells;
                });
                const widths = head.map((h, i) => Math.max(getStringWidth(h),
                    ...rows.map((r) => getStringWidth(r[i]))) + 2);
                const line = (left, middle, right) => left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
                const render = (cells) => '│' + cells.map((c, i) => ' ' + c
                    + ' '.repeat(widths[i] - getStringWidth(c) - 1)).join('│') + '│';
                return [line('┌', '┬', '┐'), render(head), line('├', '┼', '┤'), ...rows.map(render),
                  line('└', '┴', '┘')].join('\\n');
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
                    err(args.length === 0 ? 'Assertion failed' : 'Assertion failed: ' + format(args));
                  }
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
              return inspector;
            })
            """, "<sandlot-console>").buildLiteral();

    private JsConsole() {
    }

    /**
     * Replaces the formatting methods of the context's {@code console}; before any guest code runs. Returns the
     * guest function that answers node's util (its {@code inspect}, {@code format}, ...), loading it on its first
     * call, for node's {@code util} module to share ({@link JsNodeModules}).
     */
    static Value install(Context context) {
        ProxyExecutable load = arguments -> context.eval(LIBRARY);
        return context.eval(INSTALLER).execute(load);
    }

    /** Whether {@code source} is the installer or the library, which the statement limit does not count. */
    static boolean isInternal(Source source) {
        return source.equals(INSTALLER) || source.equals(LIBRARY);
    }
}
