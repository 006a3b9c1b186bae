-- Starts a tenant's month counter from the ledger's spend, unless another replica did already.
-- ARGV: spent (nano-USD), key TTL (ms). Returns 1 when this call initialised it.
local created = redis.call('HSETNX', budget, 'spent', ARGV[1])
redis.call('HSETNX', budget, 'held', 0)
keep(tonumber(ARGV[2]))
return created
