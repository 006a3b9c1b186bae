-- Shared head of settle-tenant-tokens.lua and reserve-tenant-limits.lua: settles requests from their
-- estimates to the tokens they really used, in every scope: in the minute window while the request is
-- still in it, and in its day's total while that day's key lives (a settlement after the key expired
-- must not bring it back without an expiry).
-- settles: a flat list of request id, estimate, actual tokens, read from index first on;
-- scopeKeys(s): the amounts hash, the minute tokens and the day tokens of scope s (1-based)
local function settleAll(scopeCount, scopeKeys, settles, first)
  for i = first, #settles - 2, 3 do
    local id, estimate, actual = settles[i], tonumber(settles[i + 1]), tonumber(settles[i + 2])
    for s = 1, scopeCount do
      local amounts, total, day = scopeKeys(s)
      local old = tonumber(redis.call('HGET', amounts, id) or 'nil')
      if old then
        redis.call('HSET', amounts, id, actual)
        redis.call('INCRBY', total, actual - old)
      end
      if redis.call('EXISTS', day) == 1 then
        redis.call('INCRBY', day, actual - estimate)
      end
    end
  end
end
