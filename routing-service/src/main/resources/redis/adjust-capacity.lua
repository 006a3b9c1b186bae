-- Settles (ARGV[2] = real tokens) or releases (ARGV[2] = 'release') reservation ARGV[1] in every scope.
-- A reservation that already left the window is left alone: it no longer counts either way.
-- KEYS, per scope: log, amounts, total (as in reserve-capacity.lua)
local id, tokens = ARGV[1], ARGV[2]
for s = 0, #KEYS / 3 - 1 do
  local log, amounts, total = KEYS[s * 3 + 1], KEYS[s * 3 + 2], KEYS[s * 3 + 3]
  local old = tonumber(redis.call('HGET', amounts, id) or 'nil')
  if old then
    if tokens == 'release' then
      redis.call('ZREM', log, id)
      redis.call('HDEL', amounts, id)
      redis.call('DECRBY', total, old)
    else
      redis.call('HSET', amounts, id, tonumber(tokens))
      redis.call('INCRBY', total, tonumber(tokens) - old)
    end
  end
end
return 1
