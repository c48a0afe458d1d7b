// why: browser and Node network APIs
// expect: ok
// value: ["undefined", "undefined", "undefined", "undefined", "undefined"]
[typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof navigator, typeof EventSource]
