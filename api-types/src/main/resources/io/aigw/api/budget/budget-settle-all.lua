-- Settles requests of one tenant's month in one call (billing settles a committed ledger batch, ADR
-- 0021/0022): each hold to its request's real cost, or just adds the cost when there is no hold.
-- ARGV: key TTL (ms), then per request: hold id ('' for none), cost, count-if-unknown ('1': add the
-- cost also when the hold is gone, because this request is new to the ledger; '0': a redelivery, add
-- only if the hold is still there). Returns {spent before, spent after} per request, in order, or
-- {-2} when the month is not initialised (nothing changed).
local keyTtl = tonumber(ARGV[1])
if redis.call('EXISTS', budget) == 0 then
  return {-2}
end
local settled = {}
for i = 2, #ARGV, 3 do
  local id, cost, countUnknown = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2] == '1'
  local before = tonumber(redis.call('HGET', budget, 'spent') or '0')
  local after = before
  local amount = id ~= '' and redis.call('HGET', holds, id) or false
  if amount then
    redis.call('HINCRBY', budget, 'held', -tonumber(amount))
    redis.call('HDEL', holds, id)
    redis.call('ZREM', expiry, id)
  end
  if amount or countUnknown then
    after = redis.call('HINCRBY', budget, 'spent', cost)
  end
  settled[#settled + 1] = before
  settled[#settled + 1] = after
end
keep(keyTtl)
return settled
