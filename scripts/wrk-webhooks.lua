-- wrk script for scripts/bench: posts pre-signed WhatsApp webhook deliveries, each once.
-- Usage: wrk -t1 -cN -dS -s scripts/wrk-webhooks.lua http://127.0.0.1:18080 -- <file> <wrk threads>
-- <file> holds one delivery per line: "<X-Hub-Signature-256>\t<body>" (FluxBenchmark writes it; HMAC-SHA256 is
-- too slow in Lua to sign at the rate measured). Thread k of n posts lines k, k+n, k+2n, ...; a thread that runs
-- out of lines starts over, and the benchmark counts those redeliveries (they are acknowledged as duplicates).
-- done() prints one machine-readable RESULT line with the latency percentiles in milliseconds.

local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local file = args[1]
  local threads = tonumber(args[2] or "1")
  requests = {}
  local line_number = 0
  for line in io.lines(file) do
    if line_number % threads == id then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", "/webhooks/whatsapp", {
        ["Content-Type"] = "application/json",
        ["X-Hub-Signature-256"] = line:sub(1, tab - 1)
      }, line:sub(tab + 1))
    end
    line_number = line_number + 1
  end
  next_request = 0
end

function request()
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
  end
  return requests[next_request]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f max=%.3f\n",
    summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
