-- Refuses every reservation in these scopes for ARGV[1] ms (a provider said it is full); never shortens
-- a longer block. KEYS: the blocked-until key of each scope.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deadline = now + tonumber(ARGV[1])
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') < deadline then
    redis.call('SET', key, deadline, 'PX', tonumber(ARGV[1]))
  end
end
return 1
