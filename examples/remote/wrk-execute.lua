-- Load for the HTTP service (Debian's wrk): POSTs one fixed stateless request to /v1/execute and counts every
-- answer that is not 200 with "status":"ok" and the expected value (110). With a server on port 18080:
--   wrk -t2 -c8 -d30s --timeout 10s --latency -s examples/remote/wrk-execute.lua \
--       http://127.0.0.1:18080/v1/execute -- js            (or: -- python, -- js_inputs)
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  lang = args[1] or "js"
  bad = 0
  local bodies = {
    js = '{"language":"js","code":"[1,2,3,4,5,6,7,8,9,10].map(x => x * 2).reduce((a, b) => a + b, 0)"}',
    python = '{"language":"python","code":"sum(x * 2 for x in [1,2,3,4,5,6,7,8,9,10])"}',
    js_inputs = '{"language":"js","code":"xs.map(x => x * 2).reduce((a, b) => a + b, 0)","inputs":{"xs":[1,2,3,4,5,6,7,8,9,10]}}',
  }
  req = wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[lang])
end

function request()
  return req
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"status":"ok"', 1, true) or not string.find(body, '"value":110', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
  end
  io.write(string.format("requests: %d, non-ok answers: %d, socket errors: connect %d read %d write %d timeout %d\n",
    summary.requests, total, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("req/s: %.1f  p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
