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
#   AIGW_ASYNC_PROFILER_VERSION  async-profiler from Maven Central, for --profiler async (default 4.6)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${AIGW_BENCH_TOOLS_DIR:-$root/.run/bench-tools}"
portkey_version="${AIGW_PORTKEY_VERSION:-1.15.2}"
async_profiler_version="${AIGW_ASYNC_PROFILER_VERSION:-4.6}"
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

# async-profiler for `./aigw bench overhead --profile 20s --profiler async`: its jar on Maven Central
# carries the native library for each platform; only the one for this machine is unpacked
async_profiler_lib=""
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) async_profiler_platform=linux-x64 ;;
    Linux-aarch64) async_profiler_platform=linux-arm64 ;;
    *) async_profiler_platform="" ;;
esac
if [[ -n "$async_profiler_platform" ]]; then
    async_profiler_dir="$tools_dir/async-profiler-$async_profiler_version"
    async_profiler_lib="$async_profiler_dir/$async_profiler_platform/libasyncProfiler.so"
    if [[ ! -f "$async_profiler_lib" ]]; then
        # only --profiler async needs it: a failure here is a warning, and that option says what is missing
        log "downloading async-profiler $async_profiler_version from Maven Central into $async_profiler_dir"
        mkdir -p "$async_profiler_dir"
        jar="$async_profiler_dir/async-profiler.jar"
        if curl -fsSL --retry 3 -o "$jar" \
            "https://repo.maven.apache.org/maven2/tools/profiler/async-profiler/$async_profiler_version/async-profiler-$async_profiler_version.jar" &&
            (cd "$async_profiler_dir" && unzip -q -o "$jar" "$async_profiler_platform/libasyncProfiler.so" 2>/dev/null ||
                jar xf "$jar" "$async_profiler_platform/libasyncProfiler.so"); then
            rm -f "$jar"
        else
            log "WARNING: no async-profiler (download or unpacking failed); --profiler async will not run"
            async_profiler_lib=""
        fi
    fi
fi

printf 'export AIGW_BENCH_WRK=%q\n' "$(command -v wrk)"
printf 'export AIGW_BENCH_NGINX=%q\n' "$nginx_bin"
printf 'export AIGW_BENCH_NODE=%q\n' "$(command -v node)"
printf 'export AIGW_BENCH_PORTKEY=%q\n' "$portkey_main"
printf 'export AIGW_BENCH_ASYNC_PROFILER=%q\n' "$async_profiler_lib"
