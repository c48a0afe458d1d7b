// The official TypeScript SDK's MCP client against Sandlot: lists the tools, runs code in both languages, refuses
// bad arguments, and uses a session with files. Over stdio it starts `./sandbox mcp` itself; over streamable HTTP it
// speaks to /mcp of a running `./sandbox serve` with a bearer token. Exits 1 on the first failed check.
// Usage: node client.mjs stdio /absolute/path/to/sandbox
//        node client.mjs http http://127.0.0.1:PORT/mcp TOKEN
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, target, token] = process.argv.slice(2);
if (!(mode === "stdio" && target) && !(mode === "http" && target && token)) {
  console.error("usage: node client.mjs stdio /absolute/path/to/sandbox | node client.mjs http URL TOKEN");
  process.exit(2);
}
const slow = { timeout: 180_000 };

function check(condition, what, detail) {
  if (!condition) {
    console.error(`FAIL: ${what}${detail === undefined ? "" : ": " + JSON.stringify(detail)}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

const call = (name, args) => client.callTool({ name, arguments: args }, undefined, slow);
const body = (result) => JSON.parse(result.content[0].text);

const transport = mode === "stdio"
  ? new StdioClientTransport({ command: target, args: ["mcp", "--no-warm-up"], stderr: "inherit" })
  : new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
const client = new Client({ name: "sandlot-npm-check", version: "1.0.0" });
await client.connect(transport, slow);

const { tools } = await client.listTools(undefined, slow);
const names = tools.map((tool) => tool.name);
check(["execute_code", "get_supported_languages", "get_language_details", "create_session", "close_session",
  "list_sessions", "upload_file", "download_file"].every((name) => names.includes(name)), "tools/list names the tools", names);

const python = await call("execute_code", { code: "print('hi')\n6 * 7" });
check(!python.isError && body(python).value === 42 && body(python).stdout === "hi\n" && body(python).exit_code === 0,
  "execute_code runs Python by default", python);

const js = await call("execute_code", { code: "[1, 2].map(x => x * 2)", language: "js" });
check(!js.isError && JSON.stringify(body(js).value) === "[2,4]", "execute_code runs JavaScript", js);

const timeout = await call("execute_code", { code: "while (true) {}", language: "js", timeout: 0.5 });
check(timeout.isError && body(timeout).status === "timeout" && body(timeout).exit_code === 3,
  "a timeout in seconds stops the guest", timeout);

const unknown = await call("execute_code", { code: "1", language: "rust" });
check(unknown.isError && unknown.content[0].text.includes("unknown language 'rust'"), "an unknown language is a tool error", unknown);

const libraries = await call("execute_code", { code: "1", libraries: ["numpy"] });
check(libraries.isError && libraries.content[0].text.includes("'libraries' is not supported"), "libraries are refused", libraries);

const session = body(await call("create_session", { language: "python" })).session_id;
check(typeof session === "string", "create_session answers an id", session);
const upload = await call("upload_file", { session_id: session, path: "in.txt", content: Buffer.from("abc").toString("base64") });
check(!upload.isError && body(upload).size === 3, "upload_file writes base64 content", upload);
await call("execute_code", { session_id: session, code: "data = open('in.txt').read()\nopen('out.txt', 'w').write(data.upper())" });
const state = await call("execute_code", { session_id: session, code: "len(data)" });
check(!state.isError && body(state).value === 3, "a session keeps its variables", state);
const download = await call("download_file", { session_id: session, path: "out.txt" });
check(!download.isError && Buffer.from(body(download).content, "base64").toString() === "ABC", "download_file reads what the guest wrote", download);
const badBase64 = await call("upload_file", { session_id: session, path: "x", content: "@@@" });
check(badBase64.isError, "bad base64 is a tool error", badBase64);
const closed = await call("close_session", { session_id: session });
check(!closed.isError, "close_session closes it", closed);
const gone = await call("execute_code", { session_id: session, code: "1" });
check(gone.isError && gone.content[0].text.includes("session_not_found"), "a closed session is not found", gone);

if (mode === "http") {
  let refused;
  try {
    const stranger = new Client({ name: "sandlot-npm-check", version: "1.0.0" });
    await stranger.connect(new StreamableHTTPClientTransport(new URL(target),
      { requestInit: { headers: { Authorization: "Bearer not-the-token" } } }), slow);
  } catch (error) {
    refused = error;
  }
  check(refused !== undefined && /401|unauthorized/.test(String(refused)), "a wrong bearer token is refused", String(refused));
}

await client.close();
console.log(`all checks passed (${mode})`);
