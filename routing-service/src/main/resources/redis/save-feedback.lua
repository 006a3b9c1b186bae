-- Stores one feedback and keeps the tenant's feedback within its bounds, atomically.
-- KEYS[1] the tenant's feedback hash (field: request id, value: JSON)
-- KEYS[2] the tenant's feedback ages (sorted set: request id scored by epoch milliseconds)
-- ARGV[1] request id, ARGV[2] JSON, ARGV[3] now (epoch ms), ARGV[4] max age (ms), ARGV[5] max entries
-- Returns the number of entries evicted.
local now = tonumber(ARGV[3])
local maxAge = tonumber(ARGV[4])
local maxEntries = tonumber(ARGV[5])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[1])
local evicted = 0
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - maxAge))
for _, id in ipairs(old) do
  redis.call('HDEL', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  evicted = evicted + 1
end
local over = redis.call('ZCARD', KEYS[2]) - maxEntries
if over > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, over - 1)
  for _, id in ipairs(oldest) do
    redis.call('HDEL', KEYS[1], id)
    evicted = evicted + 1
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
-- a tenant that stops giving feedback leaves nothing behind once its newest entry is too old
redis.call('PEXPIRE', KEYS[1], maxAge)
redis.call('PEXPIRE', KEYS[2], maxAge)
return evicted
