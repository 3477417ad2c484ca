-- POST /v1/rentals: each request its own Idempotency-Key, spread over services x countries.
-- Arguments after "--": the bench key, then a tag that makes this run's Idempotency-Keys unique.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local services = {"whatsapp", "telegram", "google", "facebook", "instagram",
                  "tiktok", "discord", "uber", "amazon", "microsoft"}
local countries = {"US", "GB", "DE", "FR", "NL", "PL", "BR", "IN", "ID", "RU", "CA", "MX"}

local threads = {}
local counter = 0
local tag = "run"
local authorization

function setup(thread)
   thread:set("thread_id", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   authorization = "Bearer " .. args[1]
   tag = args[2] .. "-t" .. thread_id
   counter = 0
end

function request()
   counter = counter + 1
   -- Walk services fastest, countries next, so neighbours in time use different numbers.
   local i = counter + thread_id * 7
   local service = services[(i % #services) + 1]
   local country = countries[(math.floor(i / #services) % #countries) + 1]
   -- wrk.format does not merge wrk.headers into a table it is given: every header goes here.
   local headers = {
      ["Authorization"] = authorization,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = tag .. "-" .. counter,
   }
   local body = '{"service":"' .. service .. '","country":"' .. country .. '"}'
   return wrk.format("POST", "/v1/rentals", headers, body)
end
