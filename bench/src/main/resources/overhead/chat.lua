-- wrk script of `./aigw bench overhead`: POSTs one chat completion per request and prints the
-- figures as one JSON line (prefix WRK_JSON) when the run is done.
-- Environment: BENCH_MODEL (the model field), BENCH_UNIQUE=1 (a different prompt on every request,
-- so a cache never answers), BENCH_TAG (makes prompts unique across runs), BENCH_HEADERS (extra
-- headers, one "Name: value" a line).
local path = "/v1/chat/completions"
local model = os.getenv("BENCH_MODEL") or "bench-fast"
local unique = os.getenv("BENCH_UNIQUE") == "1"
local tag = os.getenv("BENCH_TAG") or "run"
local headers = { ["Content-Type"] = "application/json" }
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.-)%s*$")
  if name then headers[name] = value end
end

local function body(subject)
  return '{"model":"' .. model .. '","messages":[{"role":"user","content":"Say one short sentence about '
      .. subject .. '."}],"max_tokens":16}'
end

local count = 0
local fixed = nil
local thread_index = 0

function setup(thread)
  thread_index = thread_index + 1
  thread:set("thread_id", thread_index)
end

function init(args)
  fixed = wrk.format("POST", path, headers, body("the sea"))
end

function request()
  if not unique then
    return fixed
  end
  count = count + 1
  return wrk.format("POST", path, headers, body(tag .. " " .. tostring(thread_id) .. " " .. count))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,'
      .. '"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
