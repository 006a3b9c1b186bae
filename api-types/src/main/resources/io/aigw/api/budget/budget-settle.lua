-- Settles a hold to the request's real cost, or just adds the cost when there is no hold.
-- ARGV: hold id ('' for none), cost, count-if-unknown ('1': add the cost also when the hold is gone,
-- because this request is new to the ledger; '0': a redelivery, add only if the hold is still there),
-- key TTL (ms). Returns {spent before, spent after} or {-2, 0} when the month is not initialised.
local id, cost, countUnknown, keyTtl = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1', tonumber(ARGV[4])
if redis.call('EXISTS', budget) == 0 then
  return {-2, 0}
end
local before = tonumber(redis.call('HGET', budget, 'spent') or '0')
local amount = id ~= '' and redis.call('HGET', holds, id) or false
if amount then
  redis.call('HINCRBY', budget, 'held', -tonumber(amount))
  redis.call('HDEL', holds, id)
  redis.call('ZREM', expiry, id)
elseif not countUnknown then
  return {before, before}
end
local after = redis.call('HINCRBY', budget, 'spent', cost)
keep(keyTtl)
return {before, after}
