#!/usr/bin/env bash
# Makes sure the tools of `./aigw bench overhead` exist, then prints where they are:
#
#   eval "$(scripts/ensure-bench-tools.sh)"
#
# wrk and nginx come from Debian packages (apt-get, when missing); the Portkey gateway (the peer the
# benchmark compares against) is installed from npm into .run/bench-tools/portkey (gitignored), at the
# version pinned below. stdout carries ONLY `export NAME=value` lines; every message goes to stderr.
# Idempotent: when everything is in place it returns in well under a second.
#
# Tunables (environment):
#   AIGW_BENCH_TOOLS_DIR   where npm packages go (default <repo>/.run/bench-tools)
#   AIGW_PORTKEY_VERSION   the @portkey-ai/gateway version (default 1.15.2)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${AIGW_BENCH_TOOLS_DIR:-$root/.run/bench-tools}"
portkey_version="${AIGW_PORTKEY_VERSION:-1.15.2}"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[ensure-bench-tools] %s\n' "$*" >&2; }
die() {
    printf '[ensure-bench-tools] ERROR: %s\n' "$*" >&2
    exit 1
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@" || die "needs root for: $* (run as root or allow passwordless sudo)"
    else
        die "needs root for: $* (run as root or install sudo)"
    fi
}

apt_updated=0
apt_install() {
    local opts=(-y -q -o DPkg::Lock::Timeout=120 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    command -v apt-get >/dev/null 2>&1 || die "no apt-get here: install $* yourself"
    if ! as_root apt-get install "${opts[@]}" "$@" >&2; then
        if ((apt_updated == 0)); then
            log "apt-get update"
            as_root apt-get update -q >&2
            apt_updated=1
        fi
        as_root apt-get install "${opts[@]}" "$@" >&2 || die "apt-get install $* failed"
    fi
}

find_nginx() {
    command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true
}

if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    apt_install wrk
fi
nginx_bin="$(find_nginx)"
if [[ -z "$nginx_bin" ]]; then
    log "installing nginx-light (Debian package); the benchmark starts its own nginx processes, not the system service"
    apt_install nginx-light
    nginx_bin="$(find_nginx)"
    [[ -n "$nginx_bin" ]] || die "nginx is still missing after apt-get install nginx-light"
fi

command -v node >/dev/null 2>&1 || { log "installing nodejs and npm (Debian packages)"; apt_install nodejs npm; }
command -v npm >/dev/null 2>&1 || { log "installing npm (Debian package)"; apt_install npm; }
portkey_dir="$tools_dir/portkey"
portkey_main="$portkey_dir/node_modules/@portkey-ai/gateway/build/start-server.js"
installed=""
if [[ -f "$portkey_dir/node_modules/@portkey-ai/gateway/package.json" ]]; then
    installed="$(node -p "require('$portkey_dir/node_modules/@portkey-ai/gateway/package.json').version" 2>/dev/null || true)"
fi
if [[ "$installed" != "$portkey_version" || ! -f "$portkey_main" ]]; then
    log "installing @portkey-ai/gateway@$portkey_version from npm into $portkey_dir"
    mkdir -p "$portkey_dir"
    [[ -f "$portkey_dir/package.json" ]] || printf '{"name":"aigw-bench-tools","private":true}\n' >"$portkey_dir/package.json"
    (cd "$portkey_dir" && npm install --no-audit --no-fund --loglevel=error "@portkey-ai/gateway@$portkey_version" >&2) ||
        die "npm install @portkey-ai/gateway@$portkey_version failed"
fi

printf 'export AIGW_BENCH_WRK=%q\n' "$(command -v wrk)"
printf 'export AIGW_BENCH_NGINX=%q\n' "$nginx_bin"
printf 'export AIGW_BENCH_NODE=%q\n' "$(command -v node)"
printf 'export AIGW_BENCH_PORTKEY=%q\n' "$portkey_main"
