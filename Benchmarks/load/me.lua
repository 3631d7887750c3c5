-- GET /users/me with the valid session tokens of sessions.txt, in turn.
dofile("report.lua")
local tokens = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/sessions.txt") do tokens[#tokens + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", "/users/me", {["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1]})
end
