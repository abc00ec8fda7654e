#!/usr/bin/env bash
# The portal as several stateless instances behind nginx on one PostgreSQL database, all on this machine, with one
# command: for a demonstration, for the benchmarks, and (with --check) as a test of the two-instance facts.
#
#   bash deploy/up.sh              2 instances; runs until Ctrl-C, then stops everything and deletes the temp folder
#   INSTANCES=3 bash deploy/up.sh  more instances
#   bash deploy/up.sh --check      brings it all up, checks balancing and that killing an instance loses nothing, stops
#
# Needs Debian's postgresql and nginx packages and the .NET SDK. Everything lives in one temp folder: a throwaway
# PostgreSQL cluster (deploy/pg-cluster.sh), a Release build, N instances on free loopback ports, nginx in front.
set -euo pipefail

instances=${INSTANCES:-2}
check=0
[ "${1:-}" = "--check" ] && check=1
root=$(cd "$(dirname "$0")/.." && pwd)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash "$root/deploy/pg-cluster.sh" stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

wait_ready() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not become ready" >&2
  return 1
}

echo "PostgreSQL cluster in $work/pg..."
cluster=$(bash "$root/deploy/pg-cluster.sh" start "$work/pg")
connection="$cluster;Database=portal"

if [ -n "${DEPLOY_APP:-}" ]; then
  app=$DEPLOY_APP
else
  echo "Publishing Release build..."
  dotnet publish "$root/src/SeoulPolicyPortal.Web" -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
  app=$work/app
fi

start_instance() {
  local port=$1
  (
    cd "$app"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Database__Provider=PostgreSQL ConnectionStrings__Portal="$connection" \
      ForwardedHeaders__KnownProxies__0=127.0.0.1 \
      Serilog__MinimumLevel__Default=Warning \
      ${ADMIN_EMAIL:+Admin__Email="$ADMIN_EMAIL"} ${ADMIN_PASSWORD:+Admin__Password="$ADMIN_PASSWORD"} \
      dotnet SeoulPolicyPortal.Web.dll
  ) >"$work/instance-$port.log" 2>&1 &
  pids+=($!)
}

# The first instance migrates and seeds; the others start once it is ready, so they never race to migrate.
ports=()
for i in $(seq 1 "$instances"); do
  port=$(free_port)
  ports+=("$port")
  start_instance "$port"
  [ "$i" = 1 ] && wait_ready "http://127.0.0.1:$port"
done
for port in "${ports[@]}"; do wait_ready "http://127.0.0.1:$port"; done

nginx_port=$(free_port)
mkdir -p "$work/nginx-tmp"
chmod 777 "$work/nginx-tmp"
upstreams=$(for port in "${ports[@]}"; do echo "        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"; done)
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user nobody nogroup;"
UPSTREAMS=$upstreams awk -v port="$nginx_port" -v work="$work" -v user="$user_line" '
  /@UPSTREAMS@/ { print ENVIRON["UPSTREAMS"]; next }
  { gsub(/@PORT@/, port); gsub(/@WORK@/, work); gsub(/@USER@/, user); print }' \
  "$root/deploy/nginx.conf.template" >"$work/nginx.conf"
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
front="http://127.0.0.1:$nginx_port"

echo
echo "The portal: $front (nginx) in front of ${#ports[@]} instances on ports ${ports[*]}; PostgreSQL: $connection"

if [ "$check" = 0 ]; then
  echo "Ctrl-C stops everything."
  wait "${pids[0]}"
  exit 0
fi

fail() { echo "CHECK FAILED: $*" >&2; exit 1; }

# 1. nginx spreads requests over every instance.
answered=$(for _ in $(seq 1 $((4 * instances))); do
  curl -fsS -o /dev/null -D - "$front/" | awk -F': ' 'tolower($1) == "x-portal-instance" { print $2 }' | tr -d '\r'
done | sort -u | wc -l)
[ "$answered" -eq "$instances" ] || fail "only $answered of $instances instances answered through nginx"
echo "ok: all $instances instances answer through nginx"

# 2. The same data on every instance: each one's API answers the same.
first_api=$(curl -fsS "http://127.0.0.1:${ports[0]}/api/projects?pageSize=100" | sha256sum)
for port in "${ports[@]}"; do
  [ "$(curl -fsS "http://127.0.0.1:$port/api/projects?pageSize=100" | sha256sum)" = "$first_api" ] || fail "instance $port disagrees"
done
echo "ok: every instance gives the same answer"

# 3. An instance killed without warning loses nothing and the site goes on answering through nginx.
kill -9 "${pids[0]}"
for _ in $(seq 1 10); do
  status=$(curl -sS -o /dev/null -w '%{http_code}' "$front/projects?country=VN")
  [ "$status" = 200 ] || fail "nginx answered $status after an instance was killed"
done
echo "ok: with instance ${ports[0]} killed, nginx answered 10 of 10 requests"
echo "all checks passed"
