-- Shared by every scenario: one machine-readable line at the end of a wrk run, read by rentals.sh.
-- Latencies in microseconds; "non2xx" counts every status outside 200-399, "socket" every
-- connect/read/write error and timeout.
function done(summary, latency, requests)
   local seconds = summary.duration / 1000000
   local e = summary.errors
   io.write(string.format("BENCH requests=%d seconds=%.3f rps=%.1f p50=%d p90=%d p99=%d max=%d non2xx=%d socket=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout))
end
