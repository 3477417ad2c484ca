-- GET /healthz: the baseline (HTTP stack, routing, JSON, no database).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
