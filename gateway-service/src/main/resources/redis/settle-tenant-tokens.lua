-- Settles requests of one tenant, each from its estimate to the tokens it really used (see
-- settle-tenant-common.lua): what waited on this replica for a reservation of the same scopes that did
-- not come in time.
-- KEYS, per scope: amounts, minute tokens, day tokens (as in reserve-tenant-limits.lua)
-- ARGV, per request: id, estimate, actual tokens
settleAll(#KEYS / 3, function(s)
  local k = (s - 1) * 3
  return KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]
end, ARGV, 1)
return 1
