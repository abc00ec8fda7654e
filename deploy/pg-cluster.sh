#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder of its own, for CI, the local deployment and the benchmarks; never the
# system service. Needs Debian's postgresql package (apt-get install postgresql).
#
#   deploy/pg-cluster.sh start DIR   initdb into DIR (if new), start it on a free loopback port, print its connection string
#   deploy/pg-cluster.sh stop DIR    stop it (DIR stays; delete it to throw the cluster away)
#
# The cluster listens on 127.0.0.1 only, with its socket in DIR, and trusts local connections: a test or demo cluster,
# not a production one (docs/operations.md).
set -euo pipefail

command=${1:?usage: pg-cluster.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: pg-cluster.sh start|stop DIR}")
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql, or set PG_BIN)" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2
  return 1
}

case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      # C collation: text sorts by code point, as on SQLite, so both providers list things in the same order.
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log"
    fi
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${PG_FSYNC:-on}" start >/dev/null
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
