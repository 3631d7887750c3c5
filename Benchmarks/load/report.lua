-- Shared by every load script: numbers wrk's threads (id) and, when
-- LOAD_PORTS names several ports of 127.0.0.1, sends thread i to the i-th
-- (modulo their number), so that one wrk run drives several servers with one
-- latency histogram for all, and nothing between wrk and the servers.
local threads, addresses = 0, nil
function setup(thread)
  local ports = os.getenv("LOAD_PORTS")
  if ports then
    if addresses == nil then
      addresses = {}
      for port in ports:gmatch("%d+") do addresses[#addresses + 1] = wrk.lookup(wrk.host, port)[1] end
    end
    thread.addr = addresses[threads % #addresses + 1]
  end
  thread:set("id", threads)
  threads = threads + 1
end

-- One machine-readable line for run.sh.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
