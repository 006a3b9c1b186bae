-- Remembers one answered request for its feedback, with its expiry, in one round trip.
-- KEYS[1] the request's hash
-- ARGV[1] how long to keep it (ms); ARGV[2..] field, value, field, value, ...
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
