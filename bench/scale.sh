#!/usr/bin/env bash
# The scale curve: the same endpoints measured on catalogues of growing size, on SQLite and PostgreSQL.
#
#   bash bench/scale.sh                                  1000 and 10000 projects, both providers
#   SCALE_SIZES="1000 10000 100000" SCALE_PROVIDERS=sqlite bash bench/scale.sh
#   SCALE_DATA=/tmp/scale bash bench/scale.sh            keep the grown databases there and reuse them next time
#   SCALE_GROW_ONLY=1 SCALE_DATA=/tmp/scale ...          only grow them (measure later, on a quiet machine)
#
# For each provider and size: a fresh database (a temp SQLite file, or a database on a throwaway PostgreSQL cluster,
# never the real one), migrated and seeded by the published app, grown by bench/generate.cs (seeded, repeatable),
# then the app restarted on it, warmed up (BENCH_APP_WARMUP seconds over all endpoints, default 60), and each
# endpoint measured with wrk (32 connections) through bench/uncached.lua, so every request renders (the page cache
# would otherwise answer). Prints p50, p99, requests/s, the app's CPU time per request and its peak resident memory.
# Not part of CI. Figures in docs/performance.md.
set -euo pipefail

sizes=${SCALE_SIZES:-1000 10000}
providers=${SCALE_PROVIDERS:-sqlite postgres}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-5}
app_warmup=${BENCH_APP_WARMUP:-60}
connections=${BENCH_CONNECTIONS:-32}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"
data=${SCALE_DATA:-$work}
mkdir -p "$data"
chmod 755 "$data"
app_pid=
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  app_pid=
}
cleanup() {
  stop_app
  [ -z "${cluster:-}" ] || bash "$root/deploy/pg-cluster.sh" stop "$data/pg"
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing Release build..."
dotnet publish "$root/src/SeoulPolicyPortal.Web" -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
dotnet build "$root/bench/generate.cs" -c Release -v quiet >"$work/generator.log" 2>&1 || true

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
start_app() {
  (
    cd "$work/app"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Database__Provider="$1" ConnectionStrings__Portal="$2" \
      Serilog__MinimumLevel__Default=Warning dotnet SeoulPolicyPortal.Web.dll
  ) >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not become ready" >&2
  exit 1
}

to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n = n / 1000; else if (v ~ /s$/ && v !~ /ms$/) n = n * 1000; printf "%.1f", n }'
}

names=(catalogue facets search api export country)
paths=("/projects?area=transportation&country=PH" "/projects" "/projects?q=water" "/api/projects?country=VN" "/projects.csv?area=transportation" "/countries/VN")
ticks=$(getconf CLK_TCK)
echo
echo "$(nproc) cores, wrk -c$connections -d${duration}s, $(date -u +%Y-%m-%d), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-8s | %7s | %-9s | %8s | %8s | %7s | %10s | %8s |\n' provider projects endpoint "p50 ms" "p99 ms" "req/s" "CPU ms/req" "peak MB"
printf '| %-8s | %7s | %-9s | %8s | %8s | %7s | %10s | %8s |\n' --- ---: --- ---: ---: ---: ---: ---:
for provider in $providers; do
  for size in $sizes; do
    if [ "$provider" = postgres ]; then
      [ -n "${cluster:-}" ] || cluster=$(bash "$root/deploy/pg-cluster.sh" start "$data/pg")
      name=PostgreSQL
      connection="$cluster;Database=scale_$size"
    else
      name=Sqlite
      connection="Data Source=$data/scale-$size.db"
    fi
    if [ ! -f "$data/$provider-$size.grown" ]; then
      start_app "$name" "$connection"
      stop_app
      dotnet run --file "$root/bench/generate.cs" -c Release -- "$name" "$connection" "$size" >>"$work/generator.log" 2>&1 \
        || { cat "$work/generator.log" >&2; exit 1; }
      touch "$data/$provider-$size.grown"
    fi
    [ -z "${SCALE_GROW_ONLY:-}" ] || continue
    start_app "$name" "$connection"
    # The first request of each kind loads the catalogue's rows (and its index) for the content version: done once here,
    # with time to finish, so that no timed run pays for it.
    for path in "${paths[@]}"; do curl -fsS -o /dev/null -m 300 "$base$path" || true; done
    # Tiered compilation with dynamic PGO takes about a minute of full load to settle on 2 cores: the first 10 s runs
    # after a start measured the catalogue at 2-4 times its settled CPU cost (docs/performance.md).
    for path in "${paths[@]}"; do
      wrk -t2 -c"$connections" -d"$((app_warmup / ${#paths[@]} + 1))s" --timeout 10s -s "$root/bench/uncached.lua" "$base$path" >/dev/null
    done
    for i in "${!names[@]}"; do
      url="$base${paths[$i]}"
      wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s -s "$root/bench/uncached.lua" "$url" >/dev/null
      before=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
      out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$root/bench/uncached.lua" "$url")
      after=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      cpu=$(awk -v t=$((after - before)) -v n="$requests" -v h="$ticks" 'BEGIN { printf "%.2f", t * 1000 / h / n }')
      peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
      if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "errors on ${paths[$i]}: $(grep -E 'Non-2xx|Socket errors' <<<"$out")" >&2; fi
      printf '| %-8s | %7s | %-9s | %8s | %8s | %7.0f | %10s | %8s |\n' "$provider" "$size" "${names[$i]}" \
        "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
        "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")" "$cpu" "$peak"
    done
    stop_app
  done
done
echo
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
