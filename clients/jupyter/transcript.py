#!/usr/bin/python3
"""Records what a Jupyter kernel gateway answers to a fixed conversation, normalised, and compares two recordings.

The conversation is the messages notebook front ends send over a kernel WebSocket: kernel_info, executions (a
stream and a result, an error, a silent one), completion, inspection, is_complete, comm_info, history, an unknown
request type, and interrupt and shutdown on the control channel. The normalised form keeps what a client depends on
(the order of messages per request, their channels and types, the parent each answers, execution states, statuses
and the content keys) and drops what varies (ids, dates, language versions, texts).

    transcript.py record URL TOKEN OUT.json      run the conversation against a gateway, write the transcript
    transcript.py compare REFERENCE.json URL TOKEN
                                                 run it against URL and check it against a reference recording

The reference recordings beside this script were made against jupyter_server 1.23 with ipykernel 6.17 (Debian
12's packages): `transcript.py record http://127.0.0.1:8888 TOKEN reference/ipykernel.json`.
"""

import json
import sys
import time
import urllib.request
import uuid

import websocket

# Content keys a reference kernel sends that this gateway deliberately leaves out, per message type.
OMITTED_KEYS = {
    # IPython's description of its own execution engine on an error reply.
    "execute_reply": {"engine_info"},
    # Sent with an "incomplete" answer only; Sandlot answers "unknown" (see DIFFERENT_VALUES).
    "is_complete_reply": {"indent"},
}

# Values that legitimately differ: Sandlot does not parse code for is_complete ("unknown" is a valid answer).
DIFFERENT_VALUES = {("is_complete_reply", "status")}

# Replies ipykernel also broadcasts on iopub for other clients (shutdown_reply); optional.
BROADCAST_REPLIES = {"shutdown_reply"}

# Requests the protocol lets a kernel answer in more than one way: ipykernel ignores an unknown request type
# (busy and idle only); Sandlot also answers it with an error reply naming the type, so that a client is not left
# waiting for a reply.
ANSWERED_DIFFERENTLY = {"no_such_request"}

CONVERSATION = [
    ("shell", "kernel_info_request", {}),
    ("shell", "execute_request", {"code": "print('hi')\n6 * 7", "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}),
    ("shell", "execute_request", {"code": "1 / 0", "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}),
    ("shell", "execute_request", {"code": "x = 1", "silent": True, "store_history": False,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}),
    ("shell", "complete_request", {"code": "imp", "cursor_pos": 3}),
    ("shell", "inspect_request", {"code": "zzz_not_defined", "cursor_pos": 3, "detail_level": 0}),
    ("shell", "is_complete_request", {"code": "for i in range(3):"}),
    ("shell", "comm_info_request", {}),
    ("shell", "history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 10}),
    ("shell", "no_such_request", {}),
    ("control", "interrupt_request", {}),
    ("control", "shutdown_request", {"restart": False}),
]

# Values kept verbatim in the transcript; every other content value is reduced to its key.
KEPT_VALUES = {"execution_state", "status", "name", "ename", "silent", "restart", "found"}


def request(url, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url.rstrip("/") + path, data=data, method=method,
                                 headers={"Authorization": "token " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def normalise(frame, requests):
    header, parent = frame["header"], frame.get("parent_header") or {}
    content = frame.get("content") or {}
    return {
        "keys": sorted(frame),
        "channel": frame.get("channel"),
        "msg_type": header["msg_type"],
        "parent": requests.get(parent.get("msg_id"), "connect" if parent else None),
        "content": {key: (content[key] if key in KEPT_VALUES else "...") for key in sorted(content)},
    }


def record(url, token):
    kernel = request(url, token, "POST", "/api/kernels", {"name": "python3"})
    ws_url = url.replace("http", "ws", 1).rstrip("/") + "/api/kernels/" + kernel["id"] + "/channels"
    socket = websocket.create_connection(ws_url, header=["Authorization: token " + token], timeout=120)
    session = str(uuid.uuid4())
    requests = {}
    transcript = []

    def receive(seconds, done=lambda frame: False):
        """Records frames until done(frame) or until none comes for `seconds`."""
        socket.settimeout(seconds)
        try:
            while True:
                text = socket.recv()
                if not text:
                    return False   # the gateway closed the socket (after a shutdown)
                frame = json.loads(text)
                transcript.append(normalise(frame, requests))
                if done(frame):
                    return True
        except (websocket.WebSocketTimeoutException, websocket.WebSocketConnectionClosedException):
            return False
        finally:
            if socket.connected:
                socket.settimeout(120)

    # On connect: iopub busy and idle, parented to the gateway's own kernel_info_request; then whatever follows.
    receive(120, lambda f: f["header"]["msg_type"] == "status" and f["content"]["execution_state"] == "idle")
    receive(0.5)
    for channel, msg_type, content in CONVERSATION:
        msg_id = str(uuid.uuid4())
        requests[msg_id] = msg_type
        socket.send(json.dumps({
            "channel": channel, "content": content, "metadata": {}, "parent_header": {}, "buffers": [],
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": session, "username": "transcript",
                       "date": time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()), "version": "5.3"}}))
        reply_type = msg_type[:-len("_request")] + "_reply"
        seen = set()

        def done(frame, msg_id=msg_id, reply_type=reply_type, channel=channel):
            if (frame.get("parent_header") or {}).get("msg_id") != msg_id:
                return False
            if frame.get("channel") == channel and frame["header"]["msg_type"] == reply_type:
                seen.add("reply")
            if frame["header"]["msg_type"] == "status" and frame["content"]["execution_state"] == "idle":
                seen.add("idle")
            return seen == {"reply", "idle"}

        # ipykernel answers an unknown type with busy and idle only, and a shutdown with no idle: wait less there
        receive(3 if msg_type in ("no_such_request", "shutdown_request") else 120, done)
        receive(0.3)   # stragglers of this request, which may come after its reply and idle
    socket.close()
    try:
        request(url, token, "DELETE", "/api/kernels/" + kernel["id"])
    except Exception:  # the shutdown_request may already have removed it
        pass
    return transcript


def by_request(transcript):
    grouped = {}
    for message in transcript:
        grouped.setdefault(message["parent"], []).append(message)
    return grouped


def compare(reference, actual):
    """Differences a client would notice, as sentences; empty when the gateway behaves as the reference.

    Per request: the iopub messages in the same order with the same states (a trailing idle after a shutdown is
    allowed: ipykernel dies before sending it), the same replies on the shell and control channels, and in every
    message the reference's content keys (less OMITTED_KEYS) and values of the keys clients branch on. The order of
    a reply against iopub messages is not compared: they travel on different channels, and the reference kernel
    itself sends them in either order.
    """
    problems = []
    expected, got = by_request(reference), by_request(actual)
    for parent, messages in expected.items():
        if parent in ANSWERED_DIFFERENTLY:
            continue
        messages = [m for m in messages if not broadcast_reply(m)]
        mine = [m for m in got.get(parent, []) if not broadcast_reply(m)]
        ref_iopub = [(m["msg_type"], m["content"].get("execution_state")) for m in messages
                     if m["channel"] == "iopub"]
        my_iopub = [(m["msg_type"], m["content"].get("execution_state")) for m in mine if m["channel"] == "iopub"]
        if parent == "shutdown_request" and my_iopub[-1:] == [("status", "idle")] and ref_iopub[-1:] != my_iopub[-1:]:
            my_iopub = my_iopub[:-1]
        if parent == "connect":
            # jupyter_server nudges the kernel with more than one kernel_info_request on connect; clients (pybox)
            # wait for the first busy and the idle that answers it
            ref_iopub = ref_iopub[:2]
            my_iopub = my_iopub[:2]
        if ref_iopub != my_iopub:
            problems.append(f"iopub answering {parent}: reference sends {ref_iopub}, got {my_iopub}")
        ref_replies = sorted((m["channel"], m["msg_type"]) for m in messages if m["channel"] != "iopub")
        my_replies = sorted((m["channel"], m["msg_type"]) for m in mine if m["channel"] != "iopub")
        if ref_replies != my_replies:
            problems.append(f"replies to {parent}: reference sends {ref_replies}, got {my_replies}")
            continue
        pairs = zip(sorted(messages, key=order_key), sorted(mine, key=order_key))
        for ref, act in pairs:
            if set(ref["keys"]) - set(act["keys"]):
                problems.append(f"{ref['msg_type']} answering {parent} lacks the message fields "
                                f"{sorted(set(ref['keys']) - set(act['keys']))}")
            missing = set(ref["content"]) - set(act["content"]) - OMITTED_KEYS.get(ref["msg_type"], set())
            if missing:
                problems.append(f"{ref['msg_type']} answering {parent} lacks {sorted(missing)}")
            for key in ("status", "ename", "execution_state", "name", "restart", "found"):
                if (key in ref["content"] and ref["content"][key] != act["content"].get(key)
                        and (ref["msg_type"], key) not in DIFFERENT_VALUES):
                    problems.append(f"{ref['msg_type']} answering {parent}: {key} is "
                                    f"{act['content'].get(key)!r}, reference {ref['content'][key]!r}")
    return problems


def broadcast_reply(message):
    return message["channel"] == "iopub" and message["msg_type"] in BROADCAST_REPLIES


def order_key(message):
    return (message["channel"] != "iopub", message["msg_type"], message["content"].get("execution_state") or "")


def main(argv):
    if len(argv) == 5 and argv[1] == "record":
        transcript = record(argv[2], argv[3])
        with open(argv[4], "w") as out:
            json.dump(transcript, out, indent=1)
            out.write("\n")
        print(f"recorded {len(transcript)} messages to {argv[4]}")
        return 0
    if len(argv) == 5 and argv[1] == "compare":
        with open(argv[2]) as f:
            reference = json.load(f)
        problems = compare(reference, record(argv[3], argv[4]))
        for problem in problems:
            print("FAIL: " + problem, file=sys.stderr)
        if not problems:
            print(f"ok: every answer matches the reference recording {argv[2]}")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
