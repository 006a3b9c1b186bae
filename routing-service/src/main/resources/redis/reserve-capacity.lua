-- Takes one request and ARGV[3] tokens in every scope, or nothing (one atomic step for all replicas).
-- An exact sliding window, as providers count: a call fits when it and everything taken in the last
-- ARGV[1] ms stay within both limits. Redis' own clock is the one clock all replicas share.
-- KEYS, per scope: log (zset id -> time), amounts (hash id -> tokens), total tokens, blocked-until (ms)
-- ARGV: window ms, reservation id, tokens, then per scope: rpm, tpm (0 = no limit), then per earlier
--       reservation of the same scopes whose settlement waited on this replica for this call: id,
--       real tokens or 'release' (applied first, as adjust-capacity.lua does)
-- Returns {1, 0, ...} when granted, {0, retry-after ms, ...} when refused; then per scope the
-- requests and tokens in its window after the decision (for the headroom metric).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local id = ARGV[2]
local cost = tonumber(ARGV[3])
local scopes = #KEYS / 4
local wait = 0
-- per scope, the requests and tokens in its window, kept as read or written so that the reply
-- reads nothing again
local counts, useds = {}, {}

adjustAll(scopes, function(s)
  local k = (s - 1) * 4
  return KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]
end, ARGV, 4 + scopes * 2)

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

for s = 0, scopes - 1 do
  local log, amounts, total, blocked = KEYS[s * 4 + 1], KEYS[s * 4 + 2], KEYS[s * 4 + 3], KEYS[s * 4 + 4]
  local rpm, tpm = tonumber(ARGV[4 + s * 2]), tonumber(ARGV[5 + s * 2])
  expire(log, amounts, total)
  local deadline = tonumber(redis.call('GET', blocked) or '0')
  if deadline > now then wait = math.max(wait, deadline - now) end
  local count = redis.call('ZCARD', log)
  if rpm > 0 and count + 1 > rpm then
    local oldest = redis.call('ZRANGE', log, count - rpm, count - rpm, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
  local used = tonumber(redis.call('GET', total) or '0')
  if tpm > 0 and used + cost > tpm then
    if cost > tpm then
      wait = math.max(wait, window)
    else
      local needed, freed, at = used + cost - tpm, 0, nil
      local oldest = redis.call('ZRANGE', log, 0, 999, 'WITHSCORES')
      for i = 1, #oldest, 2 do
        freed = freed + (tonumber(redis.call('HGET', amounts, oldest[i])) or 0)
        if freed >= needed then at = tonumber(oldest[i + 1]) break end
      end
      wait = math.max(wait, at and (at + window - now) or window)
    end
  end
  counts[s], useds[s] = count, used
end

local function usage(reply)
  for s = 0, scopes - 1 do
    table.insert(reply, counts[s])
    table.insert(reply, useds[s])
  end
  return reply
end

if wait > 0 then return usage({0, wait}) end
for s = 0, scopes - 1 do
  local log, amounts, total = KEYS[s * 4 + 1], KEYS[s * 4 + 2], KEYS[s * 4 + 3]
  counts[s] = counts[s] + redis.call('ZADD', log, now, id)
  redis.call('HSET', amounts, id, cost)
  useds[s] = redis.call('INCRBY', total, cost)
  for _, key in ipairs({log, amounts, total}) do redis.call('PEXPIRE', key, window * 2) end
end
return usage({1, 0})
