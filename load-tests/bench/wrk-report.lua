-- wrk script for load-tests/bench/compare-nginx.sh: requests rotate over the "host path" lines of the file
-- named by BENCH_TARGETS (one line: a single page), with Accept-Encoding: gzip when BENCH_GZIP=1, and the
-- run ends with one machine-readable line:
--   RESULT <requests> <seconds> <p50 µs> <p99 µs> <errors (connect+read+write+timeout+status ≥ 400)>
local targets = {}
local gzip = os.getenv("BENCH_GZIP") == "1"
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local host, path = line:match("^(%S+)%s+(%S+)$")
  if host then targets[#targets + 1] = { host, path } end
end
local i = 0

function setup(thread)
  -- threads start at different places in the rotation
  thread:set("offset", math.random(#targets))
end

function request()
  i = i + 1
  local t = targets[((i + (offset or 0)) % #targets) + 1]
  local headers = { Host = t[1] }
  if gzip then headers["Accept-Encoding"] = "gzip" end
  return wrk.format("GET", t[2], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.1f %.1f %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
end
