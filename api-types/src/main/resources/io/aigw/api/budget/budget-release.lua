-- Releases a hold without spending (the request ended with nothing to bill). ARGV: hold id.
-- Returns 1 when a hold was released, 0 when there was none (already settled, released or expired).
local amount = redis.call('HGET', holds, ARGV[1])
if not amount then
  return 0
end
redis.call('HINCRBY', budget, 'held', -tonumber(amount))
redis.call('HDEL', holds, ARGV[1])
redis.call('ZREM', expiry, ARGV[1])
return 1
