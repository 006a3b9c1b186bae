-- Settles or releases reservations of one provider's scopes (see adjust-capacity-common.lua): what
-- waited on this replica for a reservation of the same scopes that did not come in time.
-- KEYS, per scope: log, amounts, total (as in reserve-capacity.lua)
-- ARGV, per reservation: id, then real tokens or 'release'
adjustAll(#KEYS / 3, function(s)
  local k = (s - 1) * 3
  return KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]
end, ARGV, 1)
return 1
