-- POST /users/login/ with a new address on every request; every 50th is an
-- existing account, one of the first LOAD_EXISTING of accounts.tsv (email,
-- password, TOTP secret): their sign-in emails must not be taken for the
-- links of the full-login rows, which use the accounts after them.
dofile("report.lua")
local existing = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/accounts.tsv") do
  if #existing == tonumber(os.getenv("LOAD_EXISTING")) then break end
  existing[#existing + 1] = line:match("^([^\t]+)")
end
-- The run's start time, in every address, keeps a run's addresses apart from
-- those of the runs before it (a row lasts seconds); LuaJIT's unseeded
-- math.random would repeat them in every run.
local counter, thread_id, run = 0, 0, nil
function init(args) thread_id = id; run = tostring(os.time()) end
function request()
  counter = counter + 1
  local email
  if counter % 50 == 0 then
    email = existing[math.floor(counter / 50) % #existing + 1]
  else
    email = string.format("load-%s-%d-%d@example.com", run, thread_id, counter)
  end
  return wrk.format("POST", "/users/login/", {["Content-Type"] = "application/json"}, '{"email":"' .. email .. '"}')
end
