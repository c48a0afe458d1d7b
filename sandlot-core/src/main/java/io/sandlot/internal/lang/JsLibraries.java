package io.sandlot.internal.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The vetted libraries a JS guest may load with {@code require(name)}, and the node modules the sandbox provides
 * ({@link JsNodeModules}: {@code buffer}, also as the global {@code Buffer}; {@code path}, also as
 * {@code path/posix}; {@code fs}, also as {@code fs/promises}; {@code util}, also as {@code util/types};
 * {@code assert}, also as {@code assert/strict}; {@code crypto}; each also with node's {@code node:} prefix), the
 * guest's own {@code .js} and {@code .json} files by path, as node's CommonJS loader loads them, and nothing else:
 * the libraries' UMD builds ship with Sandlot and are evaluated in the guest's own context, so they run under the
 * guest's limits and doors, with no more access than the guest's own code. A module is evaluated once per context
 * and cached there, like Node's {@code require}; a library's source is parsed once per engine, a guest file's each
 * time it is loaded.
 */
final class JsLibraries {

    /** The libraries by the name {@code require} takes, with the resource that holds each. */
    static final Map<String, String> AVAILABLE = available();

    /**
     * Installs {@code require}, a guest function that loads a module through the proxy, a file of the guest's own
     * tree as node's CommonJS loader does, or says what exists; and the rest of what node's CommonJS wrapper passes a
     * script: {@code module}, {@code exports}, {@code __filename}, {@code __dirname} (non-enumerable globals here, so
     * they also outlive one cell of a session).
     */
    private static final Source INSTALLER = Source.newBuilder("js", """
            (function (load, names, builtins, files, compile) {
              const modules = new Map(), GuestError = Error, nodeModules = new Set(builtins.split(','));
              const parse = JSON.parse, apply = Reflect.apply;
              // node's modules that are a member of another: fs/promises is require('fs').promises, and so on
              const members = new Map([['fs/promises', ['fs', 'promises']], ['path/posix', ['path', 'posix']],
                                       ['assert/strict', ['assert', 'strict']], ['util/types', ['util', 'types']]]);
              for (const [name, [parent]] of members) {
                if (nodeModules.has(parent)) {
                  nodeModules.add(name);
                }
              }
              const notFound = (message, stack) => {
                const error = new GuestError(message);
                error.code = 'MODULE_NOT_FOUND';
                error.requireStack = stack;
                return error;
              };
              // The guest's files as modules, by absolute path, as node's Module._cache (require.cache): the guest
              // may delete one to load it again.
              const cache = Object.create(null);
              const normalize = (path) => {
                const parts = [];
                for (const part of path.split('/')) {
                  if (part === '..') {
                    parts.pop();
                  } else if (part !== '' && part !== '.') {
                    parts.push(part);
                  }
                }
                return '/' + parts.join('/');
              };
              const isFile = (path) => {
                const stat = files.stat(path);
                return stat[0] === null && !stat[1][0];
              };
              // node's LOAD_AS_FILE then LOAD_AS_DIRECTORY (without package.json's main): X, X.js, X.json, then
              // X/index.js, X/index.json
              const resolveFile = (name, parent) => {
                const base = normalize(name.startsWith('/') ? name : `${parent.path}/${name}`);
                const found = [base, `${base}.js`, `${base}.json`, `${base}/index.js`, `${base}/index.json`]
                    .find(isFile);
                if (found === undefined) {
                  const stack = [];
                  for (let at = parent; at; at = at.parent) {
                    stack.push(at.filename);
                  }
                  throw notFound(`Cannot find module '${name}'\\nRequire stack:\\n- ${stack.join('\\n- ')}`, stack);
                }
                return found;
              };
              const isPath = (name) => name === '.' || name === '..' || name.startsWith('./') || name.startsWith('../')
                  || name.startsWith('/');
              const loadFile = (filename, parent) => {
                if (filename in cache) {
                  return cache[filename].exports;
                }
                const read = files.read(filename, true);
                if (read[0] !== null) {
                  throw notFound(`Cannot find module '${filename}'`, [parent.filename]);
                }
                const dirname = filename.slice(0, filename.lastIndexOf('/')) || '/';
                const module = { id: filename, path: dirname, exports: {}, filename, loaded: false, children: [],
                                 paths: [], parent };
                parent.children.push(module);
                cache[filename] = module;   // before it runs: a cycle gets the exports so far, as in node
                try {
                  if (filename.endsWith('.json')) {
                    try {
                      module.exports = parse(read[1]);
                    } catch (error) {
                      error.message = `${filename}: ${error.message}`;
                      throw error;
                    }
                  } else {
                    const text = read[1].startsWith('#!') ? `//${read[1]}` : read[1];
                    apply(compile(filename, text), module.exports,
                        [module.exports, makeRequire(module), module, filename, dirname]);
                  }
                } catch (error) {
                  delete cache[filename];
                  throw error;
                }
                module.loaded = true;
                return module.exports;
              };
              const loadBuiltin = (name) => {
                if (name.startsWith('node:') && nodeModules.has(name.slice(5))) {
                  name = name.slice(5);
                }
                if (members.has(name) && nodeModules.has(name)) {
                  const [parent, member] = members.get(name);
                  return loadBuiltin(parent)[member];
                }
                if (!modules.has(name)) {
                  const loaded = load(name);
                  if (loaded === null || loaded === undefined) {
                    throw notFound(`no module '${name}' in this sandbox; require() loads only: ${names}`, []);
                  }
                  modules.set(name, loaded);
                }
                return modules.get(name);
              };
              const makeRequire = (parent) => {
                const require = function require(name) {
                  name = String(name);
                  return isPath(name) ? loadFile(resolveFile(name, parent), parent) : loadBuiltin(name);
                };
                require.resolve = function resolve(name) {
                  name = String(name);
                  if (isPath(name)) {
                    return resolveFile(name, parent);
                  }
                  loadBuiltin(name);   // throws for what is not there
                  return name;
                };
                require.main = main;
                require.cache = cache;
                return Object.freeze(require);
              };
              // What node's CommonJS wrapper passes a script, for `if (require.main === module) main();` and the
              // like: the script is /work/main.js (process.argv[1]). Node passes them as arguments; here they are
              // globals, not enumerable.
              const main = { id: '.', path: '/work', exports: {}, filename: '/work/main.js', loaded: false,
                             children: [], paths: ['/work/node_modules', '/node_modules'] };
              cache[main.filename] = main;
              const require = makeRequire(main);
              const wrapper = { require, module: main, exports: main.exports, __filename: main.filename,
                                __dirname: main.path };
              for (const [name, value] of Object.entries(wrapper)) {
                Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
              }
              // The ES module of a builtin (JsModuleFiles): its default export is what require returns, its named
              // exports that value's own enumerable properties with names that are identifiers, as node's; null if
              // there is no such builtin. The module takes it from the global require, so that the sandbox adds no
              // global of its own for modules (a script that replaces require before a dynamic import() of a
              // builtin gives that import its own function's answer, in its own context only).
              const stringify = JSON.stringify, identifier = /^[A-Za-z_$][\\w$]*$/;
              const moduleText = (specifier) => {
                let value;
                try {
                  value = loadBuiltin(specifier);
                } catch {
                  return null;
                }
                const names = (value !== null && (typeof value === 'object' || typeof value === 'function'))
                    ? Object.keys(value).filter((name) => name !== 'default' && identifier.test(name)) : [];
                const lines = [`const m = require(${stringify(specifier)});`,
                               'export default m;'];
                names.forEach((name, i) => lines.push(`const x${i} = m[${stringify(name)}];`));
                if (names.length > 0) {
                  lines.push(`export { ${names.map((name, i) => `x${i} as ${name}`).join(', ')} };`);
                }
                return lines.join('\\n');
              };
              // node's global Buffer, as node's an accessor that the script may set, made on its first use: a script
              // that never names it does not load the module
              if (nodeModules.has('buffer')) {
                let buffer, made = false;
                Object.defineProperty(globalThis, 'Buffer', {
                  get: { get() {
                    if (!made) {
                      buffer = require('buffer').Buffer;
                      made = true;
                    }
                    return buffer;
                  } }.get,
                  set: { set(value) {
                    buffer = value;
                    made = true;
                  } }.set,
                  enumerable: false,
                  configurable: true,
                });
              }
              return moduleText;
            })
            """, "<sandlot-require>").buildLiteral();

    /** Each library's source, made on first use and shared by every context, so that engines cache its parse. */
    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    private JsLibraries() {
    }

    private static Map<String, String> available() {
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("arquero", "arquero.min.js");
        libraries.put("simple-statistics", "simple-statistics.min.js");
        libraries.put("d3-dsv", "d3-dsv.min.js");
        return Map.copyOf(libraries);
    }

    /**
     * Defines the global {@code require} in a new context: it loads the vetted libraries, {@code builtins}, node's
     * modules by name (each made on the first {@code require} of it in the context), and the JavaScript and JSON
     * files of {@code files}, the guest's own tree ({@link JsFiles#hostCalls}), by path.
     */
    static void install(Context context, Map<String, Supplier<Value>> builtins, ProxyObject files) {
        ProxyExecutable load = arguments -> {
            String name = arguments[0].asString();
            Supplier<Value> builtin = builtins.get(name);
            return builtin != null ? builtin.get() : AVAILABLE.containsKey(name) ? context.eval(source(name)) : null;
        };
        // A file's code as node wraps it, named by its path in stacks. Not cached: it is the guest's, and may change.
        ProxyExecutable compile = arguments -> context.eval(Source.newBuilder("js",
                "(function (exports, require, module, __filename, __dirname) {" + arguments[1].asString() + "\n})",
                arguments[0].asString()).cached(false).buildLiteral());
        List<String> names = new ArrayList<>(AVAILABLE.keySet());
        names.addAll(builtins.keySet());
        names.sort(null);
        Value moduleText = context.eval(INSTALLER).execute(load, String.join(", ", names),
                String.join(",", builtins.keySet()), files, compile);
        // out of the guest's reach (its polyglot access is NONE), for JsModuleFiles
        context.getPolyglotBindings().putMember(JsModuleFiles.MODULE_TEXT, moduleText);
    }

    /** Whether {@code source} is the installer, which the statement limit does not count; libraries are counted. */
    static boolean isInstaller(Source source) {
        return source.equals(INSTALLER);
    }

    /** The script in {@code resource}, next to this class, named {@code sourceName} in stacks. */
    static Source script(String resource, String sourceName) {
        try (InputStream in = JsLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName)
                    .buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's UMD build wrapped so that it evaluates to its exports. */
    private static Source source(String name) {
        return SOURCES.computeIfAbsent(name, key -> umd("js/" + AVAILABLE.get(key), key + ".js", ""));
    }

    /**
     * The UMD build in {@code resource} (next to this class, fetched by {@code src/build/fetch-js}) wrapped so that
     * it evaluates to its exports, as a CommonJS {@code module}; {@code prelude} runs first, in the same scope.
     */
    static Source umd(String resource, String sourceName, String prelude) {
        return Source.newBuilder("js", "(function () { " + prelude + wrapped(resource) + "})()", sourceName)
                .buildLiteral();
    }

    /**
     * As {@link #umd}, but the source evaluates to a function of one argument, named {@code parameter} in the
     * build's scope, that evaluates the build and returns its exports.
     */
    static Source umdFunction(String resource, String sourceName, String parameter, String prelude) {
        return Source.newBuilder("js", "(function (" + parameter + ") { " + prelude + wrapped(resource) + "})",
                sourceName).buildLiteral();
    }

    private static String wrapped(String resource) {
        try (InputStream in = JsLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (built by src/build/fetch-js)");
            }
            String build = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return "const module = { exports: {} }; const exports = module.exports;\n" + build
                    + "\n;return module.exports; ";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
