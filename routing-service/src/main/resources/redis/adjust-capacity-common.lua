-- Shared head of adjust-capacity.lua and reserve-capacity.lua: settles reservations to their real
-- tokens, or releases them ('release'), in every scope. A reservation that already left the window is
-- left alone: it no longer counts either way.
-- adjusts: a flat list of reservation id, then real tokens or 'release', read from index first on;
-- scopeKeys(s): the log, the amounts and the total tokens of scope s (1-based)
local function adjustAll(scopeCount, scopeKeys, adjusts, first)
  for i = first, #adjusts - 1, 2 do
    local id, tokens = adjusts[i], adjusts[i + 1]
    for s = 1, scopeCount do
      local log, amounts, total = scopeKeys(s)
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
  end
end
