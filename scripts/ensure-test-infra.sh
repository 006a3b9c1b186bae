#!/usr/bin/env bash
# Makes sure a real Redis and a real PostgreSQL with pgvector run on loopback for the
# integration tests, and that the prometheus binary is installed (deploy-tests run their own), then prints the variables the tests read:
#
#   eval "$(scripts/ensure-test-infra.sh)"
#
# stdout carries ONLY `export NAME=value` lines; every message goes to stderr.
# Idempotent: when everything is in place it only probes and returns in about a second.
# See docs/testing.md for what it installs and why.
#
# Tunables (environment):
#   AIGW_TEST_REDIS_URL, AIGW_TEST_POSTGRES_URL  kept untouched when set and reachable
#   AIGW_PGVECTOR_WORKDIR   where pgvector is fetched and built (default /var/cache/aigw-pgvector)
#   AIGW_PGVECTOR_SUITE     Debian suite that carries the pgvector source (default trixie)
#   AIGW_INFRA_WAIT_SECONDS bound for every wait (default 30)
set -euo pipefail

readonly REDIS_HOST=127.0.0.1
readonly REDIS_PORT=6379
readonly PG_HOST=127.0.0.1
readonly PG_PORT=5432
readonly PG_DB=aigw_test
# Used only when the postgres role cannot log in over TCP without a password (a stock
# Debian pg_hba.conf); this machine kind trusts loopback, so normally it stays unused.
readonly PG_FALLBACK_ROLE=aigw_test
readonly WAIT_SECONDS="${AIGW_INFRA_WAIT_SECONDS:-30}"
readonly PGVECTOR_WORKDIR="${AIGW_PGVECTOR_WORKDIR:-/var/cache/aigw-pgvector}"
readonly PGVECTOR_SUITE="${AIGW_PGVECTOR_SUITE:-trixie}"
readonly DEBIAN_MIRROR=http://deb.debian.org/debian

export DEBIAN_FRONTEND=noninteractive
# Keep psql from ever prompting, and from hanging on a half-open port.
export PGCONNECT_TIMEOUT=5
# IF NOT EXISTS notices are noise on every repeated run.
export PGOPTIONS='-c client_min_messages=warning'

log() { printf '[ensure-test-infra] %s\n' "$*" >&2; }
die() {
    printf '[ensure-test-infra] ERROR: %s\n' "$*" >&2
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

# ---------------------------------------------------------------- apt helpers

APT_UPDATED=0
apt_opts=(-y -q -o DPkg::Lock::Timeout=120 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

apt_update_once() {
    if [[ $APT_UPDATED -eq 0 ]]; then
        log "apt-get update"
        as_root apt-get -q -o DPkg::Lock::Timeout=120 update >&2 || die "apt-get update failed"
        APT_UPDATED=1
    fi
}

# Installs packages that are not installed yet; updates the package lists once, first.
apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    apt_update_once
    log "apt-get install ${missing[*]}"
    as_root apt-get install "${apt_opts[@]}" --no-install-recommends "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
}

# wait_until <what> <command...>: bounded poll, dies with a clear message on timeout.
wait_until() {
    local what=$1 deadline=$((SECONDS + WAIT_SECONDS))
    shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || die "$what not ready after ${WAIT_SECONDS}s"
        sleep 0.5
    done
}

# ---------------------------------------------------------------------- Redis

# PING in RESP over bash's /dev/tcp, so the probe works before redis-cli is installed.
redis_ping() {
    local host=$1 port=$2
    timeout 3 bash -c '
        exec 3<>"/dev/tcp/$0/$1" || exit 1
        printf "PING\r\n" >&3
        IFS= read -r reply <&3
        [[ $reply == "+PONG"* ]]' "$host" "$port" 2>/dev/null
}

# Splits redis://[user[:password]@]host[:port][/db] into "host port".
redis_url_host_port() {
    local rest=${1#*://}
    rest=${rest##*@}
    rest=${rest%%/*}
    local host=${rest%:*} port=${rest##*:}
    [[ $rest == *:* ]] || port=6379
    host=${host#[}
    host=${host%]}
    printf '%s %s\n' "$host" "$port"
}

redis_url_reachable() {
    local url=$1
    if [[ $url == *@* ]] && command -v redis-cli >/dev/null 2>&1; then
        # credentials in the URL: a bare PING would get -NOAUTH
        [[ $(timeout 3 redis-cli -u "$url" ping 2>/dev/null) == PONG ]]
    else
        # shellcheck disable=SC2046
        redis_ping $(redis_url_host_port "$url")
    fi
}

start_redis() {
    as_root mkdir -p /var/lib/redis /var/log/redis
    # The machine's own start command: loopback only, nothing persisted.
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
        --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log >&2 \
        || die "redis-server failed to start (see /var/log/redis/ci.log)"
}

ensure_redis() {
    if [[ -n ${AIGW_TEST_REDIS_URL:-} ]]; then
        if redis_url_reachable "$AIGW_TEST_REDIS_URL"; then
            log "Redis: keeping AIGW_TEST_REDIS_URL=$AIGW_TEST_REDIS_URL"
            REDIS_URL=$AIGW_TEST_REDIS_URL
            return
        fi
        log "Redis: AIGW_TEST_REDIS_URL=$AIGW_TEST_REDIS_URL does not answer PING; using a local Redis instead"
    fi
    REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT"
    if redis_ping "$REDIS_HOST" "$REDIS_PORT"; then
        log "Redis: running on $REDIS_HOST:$REDIS_PORT"
        return
    fi
    if ! command -v redis-server >/dev/null 2>&1; then
        apt_install redis-server
    fi
    # The package's own init script may already have started it.
    if ! redis_ping "$REDIS_HOST" "$REDIS_PORT"; then
        log "Redis: starting redis-server on $REDIS_HOST:$REDIS_PORT"
        start_redis
    fi
    wait_until "Redis on $REDIS_HOST:$REDIS_PORT" redis_ping "$REDIS_HOST" "$REDIS_PORT"
    log "Redis: PONG"
}

# ----------------------------------------------------------------- PostgreSQL

pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2; }

# Superuser psql: over TCP when loopback trusts the postgres role (this machine kind),
# else over the Unix socket as the postgres OS user (peer auth on a stock install).
# detect_pg_auth runs once in the main shell: pg_admin is mostly called inside $(...),
# where a lazily set variable would be lost.
PG_TCP_TRUST=no
detect_pg_auth() {
    if psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -w -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then
        PG_TCP_TRUST=yes
    else
        PG_TCP_TRUST=no
        log "PostgreSQL: postgres cannot log in over TCP without a password; using the postgres OS user"
    fi
}
pg_admin() {
    if [[ $PG_TCP_TRUST == yes ]]; then
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -w -X -v ON_ERROR_STOP=1 -Atq "$@"
    else
        as_root runuser -u postgres -- psql -p "$PG_PORT" -X -v ON_ERROR_STOP=1 -Atq "$@"
    fi
}

# jdbc:postgresql://host:port/db?user=..&password=.. -> libpq URI, keeping only the
# parameters libpq understands (it rejects unknown ones such as currentSchema).
jdbc_to_libpq() {
    local url=${1#jdbc:} base query kept=() kv
    base=${url%%\?*}
    query=
    [[ $url == *\?* ]] && query=${url#*\?}
    local IFS='&'
    for kv in $query; do
        case ${kv%%=*} in user | password | sslmode) kept+=("$kv") ;; esac
    done
    if [[ ${#kept[@]} -gt 0 ]]; then
        printf '%s?%s\n' "$base" "${kept[*]}"
    else
        printf '%s\n' "$base"
    fi
}

pg_url_reachable() {
    psql "$(jdbc_to_libpq "$1")" -w -X -Atqc 'SELECT 1' >/dev/null 2>&1
}

start_postgres() {
    local ver
    ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)
    if [[ -z $ver ]]; then
        ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
        log "PostgreSQL: creating cluster $ver/main"
        as_root pg_createcluster --port "$PG_PORT" "$ver" main >&2 || die "pg_createcluster $ver main failed"
    fi
    log "PostgreSQL: starting cluster $ver/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start >&2 \
        || die "pg_ctlcluster $ver main start failed (see /var/log/postgresql/postgresql-$ver-main.log)"
}

ensure_postgres_server() {
    if pg_ready; then
        log "PostgreSQL: accepting connections on $PG_HOST:$PG_PORT"
        return
    fi
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z $(ls /usr/lib/postgresql 2>/dev/null) ]]; then
        apt_install postgresql
    fi
    # The package's postinst may already have created and started the cluster.
    pg_ready || start_postgres
    wait_until "PostgreSQL on $PG_HOST:$PG_PORT" pg_ready
    log "PostgreSQL: accepting connections"
}

server_major() { pg_admin -d postgres -c 'SHOW server_version_num' | awk '{ print int($1 / 10000) }'; }

vector_available() {
    [[ $(pg_admin -d postgres -c "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'") == 1 ]]
}

# Debian bookworm has no pgvector package; trixie carries its source. Fetch it with a
# private sources file and lists dir so the machine's own package lists stay untouched.
build_pgvector() {
    local major pg_config apt_private work src_tar src_dir
    major=$(server_major)
    [[ $major =~ ^[0-9]+$ ]] || die "cannot read the PostgreSQL server version"
    pg_config=/usr/lib/postgresql/$major/bin/pg_config
    log "pgvector: not available; building it from Debian $PGVECTOR_SUITE sources for PostgreSQL $major"

    # dpkg-dev for `apt-get source`; the server headers (and the clang/llvm they pull in
    # for JIT bitcode) must match the running server's major version.
    apt_install dpkg-dev make gcc "postgresql-server-dev-$major"
    [[ -x $pg_config ]] || die "$pg_config missing after installing postgresql-server-dev-$major"

    as_root mkdir -p "$PGVECTOR_WORKDIR/lists/partial" "$PGVECTOR_WORKDIR/cache/archives/partial" "$PGVECTOR_WORKDIR/src"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg signed_by=
    [[ -r $keyring ]] && signed_by="[signed-by=$keyring] "
    printf 'deb-src %s%s %s main\n' "$signed_by" "$DEBIAN_MIRROR" "$PGVECTOR_SUITE" \
        | as_root tee "$PGVECTOR_WORKDIR/sources.list" >/dev/null
    apt_private=(
        -o "Dir::Etc::sourcelist=$PGVECTOR_WORKDIR/sources.list"
        -o Dir::Etc::sourceparts=-
        -o "Dir::State::Lists=$PGVECTOR_WORKDIR/lists"
        -o "Dir::Cache=$PGVECTOR_WORKDIR/cache"
        # the work dir belongs to root; apt would otherwise warn that _apt cannot write it
        -o APT::Sandbox::User=root
    )
    log "pgvector: apt-get update (private lists for $PGVECTOR_SUITE deb-src)"
    as_root apt-get -q "${apt_private[@]}" update >&2 || die "apt-get update of the private $PGVECTOR_SUITE source list failed"

    work=$PGVECTOR_WORKDIR/src
    as_root rm -rf "${work:?}"/*
    log "pgvector: apt-get source --download-only pgvector"
    (cd "$work" && as_root apt-get -q "${apt_private[@]}" source --download-only pgvector >&2) \
        || die "apt-get source pgvector failed"
    src_tar=$(ls "$work"/pgvector_*.orig.tar.gz 2>/dev/null | head -n1)
    [[ -n $src_tar ]] || die "no pgvector_*.orig.tar.gz in $work"
    as_root tar -xzf "$src_tar" -C "$work"
    src_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector*' | head -n1)
    [[ -n $src_dir ]] || die "unpacking $src_tar produced no source directory"

    # OPTFLAGS= drops pgvector's default -march=native, so the library also loads on a
    # machine with an older CPU (a restored image, a different CI runner).
    log "pgvector: make && make install ($(basename "$src_tar"))"
    as_root make -C "$src_dir" PG_CONFIG="$pg_config" OPTFLAGS= -j"$(nproc)" >&2 || die "pgvector build failed"
    as_root make -C "$src_dir" PG_CONFIG="$pg_config" OPTFLAGS= install >&2 || die "pgvector install failed"
    vector_available || die "pgvector installed but the server does not list the 'vector' extension"
    log "pgvector: installed"
}

# Decides which role the tests connect as; echoes the JDBC query string.
test_credentials() {
    if [[ $PG_TCP_TRUST == yes ]]; then
        printf 'user=postgres\n'
        return
    fi
    # A stock pg_hba.conf wants a password over TCP: give the tests their own role.
    pg_admin -d postgres -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_FALLBACK_ROLE') THEN
            CREATE ROLE $PG_FALLBACK_ROLE LOGIN CREATEDB PASSWORD '$PG_FALLBACK_ROLE';
        END IF; END \$\$" >&2
    pg_admin -d postgres -c "ALTER DATABASE $PG_DB OWNER TO $PG_FALLBACK_ROLE" >&2
    pg_admin -d "$PG_DB" -c "ALTER SCHEMA public OWNER TO $PG_FALLBACK_ROLE" >&2
    printf 'user=%s&password=%s\n' "$PG_FALLBACK_ROLE" "$PG_FALLBACK_ROLE"
}

ensure_postgres() {
    if [[ -n ${AIGW_TEST_POSTGRES_URL:-} ]]; then
        if pg_url_reachable "$AIGW_TEST_POSTGRES_URL"; then
            log "PostgreSQL: keeping AIGW_TEST_POSTGRES_URL (reachable)"
            PG_URL=$AIGW_TEST_POSTGRES_URL
            return
        fi
        log "PostgreSQL: AIGW_TEST_POSTGRES_URL does not accept a connection; using a local PostgreSQL instead"
    fi
    ensure_postgres_server
    detect_pg_auth
    vector_available || build_pgvector
    if [[ -z $(pg_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") ]]; then
        log "PostgreSQL: creating database $PG_DB"
        pg_admin -d postgres -c "CREATE DATABASE $PG_DB" >&2
    fi
    pg_admin -d "$PG_DB" -c 'CREATE EXTENSION IF NOT EXISTS vector' >&2
    log "PostgreSQL: database $PG_DB has extension vector $(pg_admin -d "$PG_DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
    PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?$(test_credentials)"
}

# ----------------------------------------------------------------- Prometheus

# deploy-tests start their own Prometheus (loopback, a free port, a temp data dir) from this binary;
# the Debian package's own daemon is of no use to them and would hold port 9090, so it is stopped and
# kept from starting at boot if the package started one.
ensure_prometheus() {
    if command -v prometheus >/dev/null 2>&1; then
        log "Prometheus: $(command -v prometheus) present"
    else
        apt_install prometheus
        stop_packaged_prometheus
    fi
    PROMETHEUS_BIN=$(command -v prometheus) || die "prometheus not on PATH after installing the package"
}

stop_packaged_prometheus() {
    if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
        as_root systemctl disable --now prometheus >&2 || log "Prometheus: systemctl disable --now prometheus failed"
    elif [[ -x /etc/init.d/prometheus ]]; then
        as_root /etc/init.d/prometheus stop >&2 || log "Prometheus: /etc/init.d/prometheus stop failed"
        command -v update-rc.d >/dev/null 2>&1 && as_root update-rc.d prometheus disable >&2
    fi
    # the init script's pid file, if a daemon is left: stop exactly that process
    local pidfile=/run/prometheus/prometheus.pid pid
    if [[ -r $pidfile ]]; then
        pid=$(<"$pidfile")
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
            log "Prometheus: stopping the packaged daemon (pid $pid)"
            as_root kill "$pid" || true
        fi
    fi
    return 0
}

# ----------------------------------------------------------------------- main

main() {
    # One run at a time: two concurrent builds of pgvector or apt runs would trip each other.
    local lock=/tmp/aigw-ensure-test-infra.lock
    exec 9>"$lock"
    flock -w 600 9 || die "another ensure-test-infra.sh run holds $lock"

    local started=$SECONDS
    ensure_redis
    ensure_postgres
    ensure_prometheus
    # %q quotes '&' and '?' so that eval neither backgrounds nor globs.
    printf 'export AIGW_TEST_REDIS_URL=%q\n' "$REDIS_URL"
    printf 'export AIGW_TEST_POSTGRES_URL=%q\n' "$PG_URL"
    printf 'export AIGW_TEST_PROMETHEUS_BIN=%q\n' "$PROMETHEUS_BIN"
    log "ready in $((SECONDS - started))s"
}

main "$@"
