-- Settles request ARGV[1] from its estimate ARGV[2] to the ARGV[3] tokens it really used, in every scope:
-- in the minute window while the request is still in it, and in its day's total while that day's key lives
-- (a settlement after the key expired must not bring it back without an expiry).
-- KEYS, per scope: amounts, minute tokens, day tokens (as in reserve-tenant-limits.lua)
local id, estimate, actual = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
for s = 0, #KEYS / 3 - 1 do
  local amounts, total, day = KEYS[s * 3 + 1], KEYS[s * 3 + 2], KEYS[s * 3 + 3]
  local old = tonumber(redis.call('HGET', amounts, id) or 'nil')
  if old then
    redis.call('HSET', amounts, id, actual)
    redis.call('INCRBY', total, actual - old)
  end
  if redis.call('EXISTS', day) == 1 then
    redis.call('INCRBY', day, actual - estimate)
  end
end
return 1
