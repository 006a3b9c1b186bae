-- Places a hold of the request's maximum cost on the tenant's remaining monthly budget, atomically.
-- ARGV: hold id, amount, hold TTL (ms), limit (-1 = unlimited; 'lookup' = the one billing published
-- under KEYS[4]), key TTL (ms).
-- Returns {1, remaining} granted, {0, remaining} refused, {-2, 0} month not initialised yet,
-- {-3, 0} limit to look up but none published (the caller asks billing, which publishes it).
local id, amount, ttl, limit, keyTtl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
if ARGV[4] == 'lookup' then
  local published = redis.call('GET', KEYS[4])
  if not published then
    return {-3, 0}
  end
  limit = tonumber(published)
end
if redis.call('EXISTS', budget) == 0 then
  return {-2, 0}
end
local spent = tonumber(redis.call('HGET', budget, 'spent') or '0')
local held = tonumber(redis.call('HGET', budget, 'held') or '0')
if redis.call('HEXISTS', holds, id) == 1 then
  -- the same hold placed again (a retried call): granted once, never twice
  return {1, limit < 0 and -1 or (limit - spent - held)}
end
if limit >= 0 and spent + held + amount > limit then
  return {0, limit - spent - held}
end
redis.call('HINCRBY', budget, 'held', amount)
redis.call('HSET', holds, id, amount)
redis.call('ZADD', expiry, now + ttl, id)
keep(keyTtl)
return {1, limit < 0 and -1 or (limit - spent - held - amount)}
