// JupyterLab's own client library (@jupyterlab/services, what JupyterLab and many agent frameworks use to reach a
// Jupyter server) against ./sandbox serve as a kernel gateway: kernel specs, start, kernel_info, execute (stream,
// result, error), interrupt, restart, shutdown, a JavaScript kernel, and a wrong token. Exits 1 on the first failed
// check, naming it.
// Usage: node services.mjs http://127.0.0.1:PORT TOKEN
import services from "@jupyterlab/services";
import WebSocket from "ws";

const { KernelAPI, KernelManager, KernelSpecAPI, ServerConnection } = services;

const [baseUrl, token] = process.argv.slice(2);
if (!baseUrl || !token) {
  console.error("usage: node services.mjs http://127.0.0.1:PORT TOKEN");
  process.exit(2);
}

function check(condition, what, detail) {
  if (!condition) {
    console.error(`FAIL: ${what}${detail === undefined ? "" : ": " + JSON.stringify(detail)}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

const connect = (withToken) => ServerConnection.makeSettings({
  baseUrl, wsUrl: baseUrl.replace(/^http/, "ws"), token: withToken, appendToken: true, WebSocket,
});
const settings = connect(token);

// Runs code and gathers what a notebook front end would show: the reply, the streams, the results and the errors.
async function run(kernel, code) {
  const seen = { stdout: "", stderr: "", results: [], displays: [], errors: [], states: [] };
  const future = kernel.requestExecute({ code });
  future.onIOPub = (msg) => {
    switch (msg.header.msg_type) {
      case "stream": seen[msg.content.name] += msg.content.text; break;
      case "execute_result": seen.results.push(msg.content.data); break;
      case "display_data": seen.displays.push(msg.content.data); break;
      case "error": seen.errors.push(msg.content); break;
      case "status": seen.states.push(msg.content.execution_state); break;
    }
  };
  seen.reply = (await future.done).content;
  return seen;
}

const specs = await KernelSpecAPI.getSpecs(settings);
check(specs.default === "python3" && specs.kernelspecs.python3?.language === "python"
  && specs.kernelspecs.javascript?.language === "javascript", "kernelspecs: python3 by default, and javascript", specs);

const kernels = new KernelManager({ serverSettings: settings });
await kernels.ready;
const kernel = await kernels.startNew({ name: "python3" });
check(typeof kernel.id === "string" && kernel.name === "python3", "startNew starts a python3 kernel", kernel.id);

const info = (await kernel.info).content ?? (await kernel.requestKernelInfo()).content;
check(info.status === "ok" && info.language_info.name === "python" && info.protocol_version.startsWith("5."),
  "kernel_info_reply names Python and protocol 5.x", info);

const hello = await run(kernel, "import statistics\nprint('mean', statistics.mean([1, 2, 3, 4]))\n6 * 7");
check(hello.reply.status === "ok" && hello.stdout === "mean 2.5\n" && hello.results[0]?.["text/plain"] === "42",
  "execute: stdout stream and execute_result", hello);
check(hello.states.at(-1) === "idle", "iopub ends the execution with status idle", hello.states);

const failed = await run(kernel, "1 / 0");
check(failed.reply.status === "error" && failed.reply.ename === "ZeroDivisionError"
  && failed.errors[0]?.ename === "ZeroDivisionError" && failed.errors[0].traceback.length > 0,
  "an exception is an error message and an error reply", failed);

await run(kernel, "kept = 'state'");
const kept = await run(kernel, "kept");
check(kept.results[0]?.["text/plain"] === "'state'", "state lives between executions", kept);

const spinning = run(kernel, "while True:\n    pass");
await new Promise((resolve) => setTimeout(resolve, 1500));
await kernel.interrupt();
const interrupted = await spinning;
check(interrupted.reply.status === "error", "interrupt stops a running execution", interrupted.reply);
const alive = await run(kernel, "kept");
check(alive.results[0]?.["text/plain"] === "'state'", "the kernel lives on after an interrupt, state kept", alive);

await kernel.restart();
const fresh = await run(kernel, "kept");
check(fresh.reply.status === "error" && fresh.reply.ename === "NameError", "restart gives fresh state", fresh.reply);

const js = await kernels.startNew({ name: "javascript" });
const jsRun = await run(js, "console.log('from js'); [1, 2, 3].map(x => x * 2)");
check(jsRun.reply.status === "ok" && jsRun.stdout === "from js\n"
  && JSON.stringify(jsRun.results[0]?.["application/json"]) === "[2,4,6]", "a javascript kernel runs JS", jsRun);

const shown = await run(js, "display('<b>total</b>', 'text/html'); display({ rows: 2 }); 1");
check(shown.reply.status === "ok" && shown.displays.length === 2 && shown.displays[0]["text/html"] === "<b>total</b>"
  && shown.displays[1]["application/json"]?.rows === 2, "display() arrives as display_data bundles", shown.displays);

await kernel.shutdown();
await js.shutdown();
const listed = await KernelAPI.listRunning(settings);
check(!listed.some((model) => model.id === kernel.id || model.id === js.id), "shutdown removes the kernels", listed);

let refused;
try {
  await KernelAPI.listRunning(connect("not-" + token));
} catch (error) {
  refused = error;
}
check(refused?.response?.status === 401 || refused?.response?.status === 403, "a wrong token is refused",
  refused?.response?.status);

kernels.dispose();
console.log("all checks passed");
process.exit(0);
