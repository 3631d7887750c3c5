-- GET /users/me with valid session tokens of sessions.txt: one per wrk thread.
-- The request is written once per thread, like the bare route's and /health's
-- (a `request` function would run Lua for every request, on the cores the
-- server measures on: about 8 µs per request of the client's CPU, a tenth of
-- this row's rate).
dofile("report.lua")
local tokens = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/sessions.txt") do tokens[#tokens + 1] = line end
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. tokens[id % #tokens + 1]
end
