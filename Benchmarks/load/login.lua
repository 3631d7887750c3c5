-- POST /users/login/ with a new address on every request; every 50th is an
-- existing account (accounts.tsv: email, password, TOTP secret).
dofile("report.lua")
local existing = {}
for line in io.lines(os.getenv("LOAD_WORK") .. "/accounts.tsv") do
  existing[#existing + 1] = line:match("^([^\t]+)")
end
local counter, thread_id = 0, 0
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) thread_id = id; math.randomseed(os.time() + id) end
local run = tostring(math.random(1e9))
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
