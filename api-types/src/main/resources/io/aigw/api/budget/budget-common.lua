-- Shared head of the budget scripts (ADR 0022). KEYS[1] the tenant's month hash {spent, held} in
-- nano-USD, KEYS[2] hash hold id -> nano-USD held, KEYS[3] sorted set hold id -> deadline (ms).
-- Holds past their deadline (a routing replica died before the usage event) are released first, so
-- an abandoned hold never blocks a budget for longer than its TTL.
local budget, holds, expiry = KEYS[1], KEYS[2], KEYS[3]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', expiry, '-inf', now)
for _, id in ipairs(expired) do
  local amount = redis.call('HGET', holds, id)
  if amount then
    redis.call('HINCRBY', budget, 'held', -tonumber(amount))
    redis.call('HDEL', holds, id)
  end
  redis.call('ZREM', expiry, id)
end
local function keep(ttl)
  redis.call('PEXPIRE', budget, ttl)
  redis.call('PEXPIRE', holds, ttl)
  redis.call('PEXPIRE', expiry, ttl)
end
