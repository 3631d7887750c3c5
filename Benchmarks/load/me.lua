-- GET /users/me with valid session tokens of sessions.txt: one per wrk thread.
-- The request is written once per thread, like the bare route's and /health's
-- (a `request` function runs Lua for every request, on the cores the server
-- is measured on: wrk took 21-22 µs of CPU per request so, 17-19 without).
dofile("report.lua")
local tokens = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/sessions.txt") do tokens[#tokens + 1] = line end
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. tokens[id % #tokens + 1]
end
