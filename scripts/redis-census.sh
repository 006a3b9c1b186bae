#!/usr/bin/env bash
# Which Redis commands one request costs: samples a Redis's MONITOR for a few seconds while load
# runs (e.g. during `./aigw bench overhead`), then prints, per request, the commands clients sent
# (each one a round trip) and the commands each script ran inside Redis. Requests are counted by
# the usage events routing appends (XADD), one per answered request.
#
#   bash scripts/redis-census.sh PORT [SECONDS]
#
# MONITOR slows Redis down while it runs: the counts are what to read here, not the speed.
set -euo pipefail

port=${1:?usage: redis-census.sh PORT [SECONDS]}
seconds=${2:-3}
command -v redis-cli > /dev/null || { echo "redis-census: redis-cli is needed (apt-get install redis-tools)" >&2; exit 1; }
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT

timeout "$seconds" redis-cli -h 127.0.0.1 -p "$port" MONITOR > "$sample" || true

awk '
  # a MONITOR line: <time> [<db> <client address>|lua] "COMMAND" "arg" ...
  $2 ~ /^\[/ {
    from_lua = ($3 ~ /lua/)
    name = toupper($4); gsub(/"/, "", name)
    if (!from_lua) {
      if (name == "EVALSHA" || name == "EVAL") {
        script = substr($5, 2, 8); name = name " " script
        if (!(script in key)) { key[script] = $7; gsub(/"/, "", key[script]) }
      } else {
        script = ""
      }
      client[name]++
      if (name == "XADD") requests++
    } else if (script != "") {
      inside[script]++
    }
  }
  END {
    if (requests == 0) { print "redis-census: no XADD seen: was load running?" > "/dev/stderr"; exit 1 }
    printf "%d requests (XADD) in the sample\n\nround trips per request, by command:\n", requests
    for (c in client) if (client[c] / requests >= 0.01) printf "  %-20s %6.2f\n", c, client[c] / requests
    printf "\ncommands inside Redis per call, by script (sha1 prefix, and the first key of one call):\n"
    for (s in inside) printf "  %-10s %6.1f  %s\n", s, inside[s] / client["EVALSHA " s], key[s]
  }
' "$sample"
