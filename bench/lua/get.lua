-- GET /v1/rentals/{id}: cycles through ids of rentals created before the run (one per line in a file).
-- Arguments after "--": the bench key, then the file of ids.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")

local threads = {}
local ids = {}
local position = 0

function setup(thread)
   thread:set("thread_id", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   wrk.headers["Authorization"] = "Bearer " .. args[1]
   for line in io.lines(args[2]) do
      if #line > 0 then
         table.insert(ids, line)
      end
   end
   if #ids == 0 then
      error("no rental ids in " .. args[2])
   end
   -- Threads start at different places so they do not read the same rows in step.
   position = math.floor((thread_id - 1) * #ids / 2)
end

function request()
   position = position + 1
   return wrk.format("GET", "/v1/rentals/" .. ids[(position % #ids) + 1])
end
