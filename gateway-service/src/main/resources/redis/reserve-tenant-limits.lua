-- Charges one request and ARGV[3] tokens to every scope of one tenant, or nothing: one atomic step for
-- all gateway replicas. Per-minute limits use an exact sliding window on Redis' own clock (the one
-- clock all replicas share); daily quotas are counters whose key names carry the UTC day.
-- The same arithmetic, for the local fallback and the tests, is io.aigw.gateway.domain.TenantWindow.
-- KEYS, per scope: log (zset id -> ms), amounts (hash id -> tokens), minute tokens, day requests, day tokens
-- ARGV: window ms, request id, tokens, ms until the UTC day ends,
--       then per scope: rpm, tpm, requests per day, tokens per day (0 = no limit),
--       then per earlier request of the same scopes and day whose settlement waited on this replica
--       for this call: id, estimate, actual tokens (settled first, as settle-tenant-tokens.lua does)
-- Returns {granted 1|0, refused limit (0 none, 1 rpm, 2 tpm, 3 requests/day, 4 tokens/day),
--          refused scope (1-based, 0 none), wait ms,
--          then per scope: minute requests, minute tokens, ms until its oldest request leaves, day requests, day tokens}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local id = ARGV[2]
local cost = tonumber(ARGV[3])
local dayLeft = tonumber(ARGV[4])
local scopes = #KEYS / 5
local wait, kind, refused = 0, 0, 0
-- per scope, what the reply reports, kept as read or written so that the reply reads nothing again
local counts, useds, dayCounts, dayUseds = {}, {}, {}, {}

settleAll(scopes, function(s)
  local k = (s - 1) * 5
  return KEYS[k + 2], KEYS[k + 3], KEYS[k + 5]
end, ARGV, 5 + scopes * 4)

local function num(key)
  return tonumber(redis.call('GET', key) or '0')
end

-- the longest wait answers; of equal waits, the first (scopes in order, then limits in order)
local function refuse(k, s, w)
  if w < 1 then w = 1 end
  if w > wait then wait, kind, refused = w, k, s end
end

local function expire(log, amounts, total)
  while true do
    local old = redis.call('ZRANGEBYSCORE', log, '-inf', now - window, 'LIMIT', 0, 500)
    if #old == 0 then return end
    local freed = 0
    local values = redis.call('HMGET', amounts, unpack(old))
    for i = 1, #values do freed = freed + (tonumber(values[i]) or 0) end
    redis.call('ZREM', log, unpack(old))
    redis.call('HDEL', amounts, unpack(old))
    if freed ~= 0 then redis.call('DECRBY', total, freed) end
    -- a short page was the last one: asking again would only return nothing
    if #old < 500 then return end
  end
end

for s = 1, scopes do
  local k = (s - 1) * 5
  local log, amounts, total, dayRequests, dayTokens = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5]
  local a = 4 + (s - 1) * 4
  local rpm, tpm, rpd, tpd = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
  expire(log, amounts, total)
  local count = redis.call('ZCARD', log)
  if rpm > 0 and count + 1 > rpm then
    local oldest = redis.call('ZRANGE', log, count - rpm, count - rpm, 'WITHSCORES')
    refuse(1, s, tonumber(oldest[2]) + window - now)
  end
  local used = num(total)
  if tpm > 0 and used + cost > tpm then
    if cost > tpm then
      refuse(2, s, window)
    else
      local needed, freed, at = used + cost - tpm, 0, nil
      local oldest = redis.call('ZRANGE', log, 0, -1, 'WITHSCORES')
      for i = 1, #oldest, 2 do
        freed = freed + (tonumber(redis.call('HGET', amounts, oldest[i])) or 0)
        if freed >= needed then at = tonumber(oldest[i + 1]) break end
      end
      refuse(2, s, at and (at + window - now) or window)
    end
  end
  local dayCount, dayUsed = num(dayRequests), num(dayTokens)
  if rpd > 0 and dayCount + 1 > rpd then refuse(3, s, dayLeft) end
  if tpd > 0 and dayUsed + cost > tpd then refuse(4, s, dayLeft) end
  counts[s], useds[s], dayCounts[s], dayUseds[s] = count, used, dayCount, dayUsed
end

local granted = 0
if wait == 0 then
  granted = 1
  for s = 1, scopes do
    local k = (s - 1) * 5
    local log, amounts, total, dayRequests, dayTokens = KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5]
    counts[s] = counts[s] + redis.call('ZADD', log, now, id)
    redis.call('HSET', amounts, id, cost)
    useds[s] = redis.call('INCRBY', total, cost)
    for _, key in ipairs({log, amounts, total}) do redis.call('PEXPIRE', key, window * 2) end
    dayCounts[s] = redis.call('INCR', dayRequests)
    dayUseds[s] = redis.call('INCRBY', dayTokens, cost)
    -- an hour past the day's end, so late settlements of the day's requests still find it
    for _, key in ipairs({dayRequests, dayTokens}) do redis.call('PEXPIRE', key, dayLeft + 3600000) end
  end
end

local reply = {granted, kind, refused, wait}
for s = 1, scopes do
  local k = (s - 1) * 5
  local log = KEYS[k + 1]
  local first = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
  local reset = 0
  if #first > 0 then reset = tonumber(first[2]) + window - now end
  table.insert(reply, counts[s])
  table.insert(reply, useds[s])
  table.insert(reply, reset)
  table.insert(reply, dayCounts[s])
  table.insert(reply, dayUseds[s])
end
return reply
