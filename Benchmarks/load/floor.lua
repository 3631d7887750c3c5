-- The floor rows (DurableRoute): a POST with a link request's body, written once.
dofile("report.lua")
wrk.method = "POST"
wrk.body = '{"email":"someone@example.com"}'
wrk.headers["Content-Type"] = "application/json"
