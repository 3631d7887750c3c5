-- POST /users/login/mfa/: each request its own link and TOTP code (logins.tsv:
-- token, password, code, one account each); thread i takes lines i, i+n, ...
-- A thread that has used up its lines stops.
dofile("report.lua")
local lines = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/logins.tsv") do lines[#lines + 1] = line end
local mine, next_index = {}, 1
function init(args)
  local n = tonumber(os.getenv("LOAD_THREADS"))
  for i = id + 1, #lines, n do mine[#mine + 1] = lines[i] end
end
function request()
  local line = mine[next_index]
  if line == nil then wrk.thread:stop(); return wrk.format("GET", "/health") end
  next_index = next_index + 1
  local token, password, code = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
  return wrk.format("POST", "/users/login/mfa/?one_time_url=" .. token, {["Content-Type"] = "application/json"},
    '{"password":"' .. password .. '","totp_code":"' .. code .. '"}')
end
