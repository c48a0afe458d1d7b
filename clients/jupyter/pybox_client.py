#!/usr/bin/python3
"""Talks to a kernel gateway exactly as tablegpt-agent's sandbox (pybox's RemotePyBoxManager and RemotePyBox) does:
no credentials at all; POST /api/kernels with only {"env": {"KERNEL_ID": ..., "KERNEL_WORKING_DIR": ...}}; on
start, a WebSocket that waits for status busy and then idle parented to the same kernel_info_request; a new
WebSocket for every run, with an execute_request whose header has only msg_id and msg_type (no session, date,
version or username) and no channel; reading until status idle; a second start with the same KERNEL_ID answered
"Kernel already exists:", then GET of that kernel; DELETE, and 404 after. Exits 1 on the first failed check.

    pybox_client.py http://127.0.0.1:PORT
"""

import json
import sys
import urllib.error
import urllib.request
import uuid

import websocket


def check(condition, what, detail=None):
    if not condition:
        print(f"FAIL: {what}" + ("" if detail is None else f": {detail!r}"), file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what}")


def http(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {} if body is None else {"Content-Type": "application/json"}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers),
                                    timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def handle_init_message(ws_url):
    """pybox's wait for a ready kernel: busy, then idle with the same parent (a kernel_info_request)."""
    socket = websocket.create_connection(ws_url, timeout=60)
    parent, session = None, None
    try:
        while True:
            message = json.loads(socket.recv())
            session = session or message["header"]["session"]
            check(message["msg_type"] == "status" and message["parent_header"]["msg_type"] == "kernel_info_request",
                  "a message on connect is a status parented to a kernel_info_request", message)
            if message["content"]["execution_state"] == "busy":
                parent = message["parent_header"]["msg_id"]
            elif parent and message["parent_header"]["msg_id"] == parent:
                return session
    finally:
        socket.close()


def run(ws_url, code):
    """pybox's RemotePyBox.run: a new WebSocket per run; collects data, streams and the error until idle."""
    msg_id = uuid.uuid4().hex
    request = {"header": {"msg_id": msg_id, "msg_type": "execute_request"}, "parent_header": {}, "metadata": {},
               "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
    out = {"data": [], "error": None}
    socket = websocket.create_connection(ws_url, timeout=60)
    try:
        socket.send(json.dumps(request))
        while True:
            message = json.loads(socket.recv())
            if message["parent_header"].get("msg_id") != msg_id:
                continue   # busy and idle of the connection's own kernel_info_request
            kind = message["msg_type"]
            if kind in ("execute_result", "display_data"):
                out["data"].append(message["content"]["data"])
            elif kind == "stream":
                out["data"].append({"text/plain": message["content"]["text"]})
            elif kind == "error":
                out["error"] = message["content"]
            elif kind == "status" and message["content"]["execution_state"] == "idle":
                return out
    finally:
        socket.close()


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    host = argv[1].rstrip("/")
    kernel_id = str(uuid.uuid4())
    status, body = http("POST", host + "/api/kernels", {"env": {"KERNEL_ID": kernel_id, "KERNEL_WORKING_DIR": "/work"}})
    check(status == 201 and json.loads(body)["id"] == kernel_id, "start with env.KERNEL_ID takes that id", body)
    ws_url = host.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
    session = handle_init_message(ws_url)
    check(bool(session), "the kernel is ready: busy then idle on connect, one kernel session", session)

    first = run(ws_url, "import json\nrows = [{'a': 1}, {'a': 2}]\nprint(json.dumps(rows))\nsum(r['a'] for r in rows)")
    check(first["error"] is None and first["data"] == [{"text/plain": '[{"a": 1}, {"a": 2}]\n'},
                                                       {"text/plain": "3", "application/json": 3}],
          "a run answers its stream and result", first)
    second = run(ws_url, "rows[-1]['a'] * 10")
    check(second["data"] == [{"text/plain": "20", "application/json": 20}], "state survives across WebSockets", second)
    failed = run(ws_url, "undefined_name")
    check(failed["error"] is not None and failed["error"]["ename"] == "NameError", "an error names the exception",
          failed)

    status, body = http("POST", host + "/api/kernels", {"env": {"KERNEL_ID": kernel_id}})
    check(status >= 400 and f"Kernel already exists: {kernel_id}" in body, "a duplicate KERNEL_ID is refused by name",
          (status, body))
    status, body = http("GET", host + f"/api/kernels/{kernel_id}")
    check(status == 200 and json.loads(body)["id"] == kernel_id, "the existing kernel is found", body)

    status, _ = http("DELETE", host + f"/api/kernels/{kernel_id}")
    check(status == 204, "shutdown answers 204", status)
    status, _ = http("DELETE", host + f"/api/kernels/{kernel_id}")
    check(status == 404, "a shut-down kernel is 404", status)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
