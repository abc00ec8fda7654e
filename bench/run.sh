#!/usr/bin/env bash
# Load benchmark of the published portal on this machine, with the site's stylesheet (a static file served by the same
# app: the framework's limit on this hardware) as the baseline measured in the same run, and /health beside it.
#
#   bash bench/run.sh                      10 s per endpoint, 32 connections, 2 wrk threads
#   BENCH_DURATION=30 bash bench/run.sh    longer runs
#
# Publishes Release to a temp folder, starts it on a free loopback port with a fresh SQLite file, warms every
# endpoint up (10 s each: tiered JIT and PGO need that long to settle; 3 s left the first figures 30 % slow), then
# runs wrk once per endpoint and reads the app's own CPU time per request from /proc. Raw wrk output is kept in bench/results/ (ignored by git).
# Not part of CI: timings depend on the machine and on whatever else it is doing.
set -euo pipefail

duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-10}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
catalogue_path=${BENCH_CATALOGUE:-/projects?area=transportation&country=PH&year=2018}

root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

work=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing Release build..."
dotnet publish "$root/src/SeoulPolicyPortal.Web" -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }

port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "no free loopback port found" >&2; exit 1; }
base="http://127.0.0.1:$port"

# Production settings; the one change is the log level: Serilog's one-line-per-request log (Information) would
# measure console writes, so the run logs warnings and errors only.
(
  cd "$work/app"
  exec env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$base" \
    ConnectionStrings__Portal="Data Source=$work/portal.db" \
    Serilog__MinimumLevel__Default=Warning \
    dotnet SeoulPolicyPortal.Web.dll
) >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base/health" 2>/dev/null; then break; fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; echo "the app stopped during start-up" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$base/health" || { echo "the app did not become healthy" >&2; exit 1; }

# The stylesheet's fingerprinted address and a project page are read from the pages themselves.
stylesheet=$(curl -fsS "$base/" | grep -oE 'href="/[^"]*site[^"]*\.css"' | head -1 | sed -E 's/href="([^"]*)"/\1/')
project=$(curl -fsS "$base/projects" | grep -oE 'href="/projects/[0-9]+/[^"?]*"' | head -1 | sed -E 's/href="([^"]*)"/\1/')
[ -n "$stylesheet" ] && [ -n "$project" ] || { echo "could not find the stylesheet or a project page" >&2; exit 1; }

names=(static health overview cities catalogue project country api csv feed)
paths=("$stylesheet" "/health" "/" "/cities" "$catalogue_path" "$project" "/countries/VN" "/api/projects" "/projects.csv?area=transportation" "/feed.atom")
# The public HTML pages, held to the issue-14 target: at least 0.4 of the static file's throughput, p99 under 10 ms.
pages=(overview cities catalogue project country)

for path in "${paths[@]}"; do
  curl -fsS -o /dev/null "$base$path" || { echo "GET $path failed before the run" >&2; exit 1; }
done

echo "Warming up (${warmup}s per endpoint)..."
for path in "${paths[@]}"; do
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "$base$path" >/dev/null
done

# wrk prints latencies as 812.00us, 1.53ms or 1.02s; everything becomes milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n
  }'
}

mkdir -p "$root/bench/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
declare -A rps p50 p99 cpu
errors=0
ticks=$(getconf CLK_TCK)
app_cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
for i in "${!names[@]}"; do
  name=${names[$i]}
  path=${paths[$i]}
  echo "Measuring $path (${duration}s, $connections connections)..."
  out="$root/bench/results/$stamp-$name.txt"
  before=$(app_cpu)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$base$path" >"$out"
  after=$(app_cpu)
  requests=$(awk '/requests in/ { print $1 }' "$out")
  cpu[$name]=$(awk -v t=$((after - before)) -v n="$requests" -v h="$ticks" 'BEGIN { printf "%.3f", t * 1000 / h / n }')
  rps[$name]=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  if grep -qE 'Non-2xx|Socket errors' "$out"; then
    echo "  errors during the run:" >&2
    grep -E 'Non-2xx|Socket errors' "$out" >&2
    errors=1
  fi
done

echo
echo "$(nproc) cores, $(dotnet --version) SDK, wrk -t$threads -c$connections -d${duration}s, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-52s | %9s | %8s | %8s | %9s | %11s |\n' "Endpoint" "req/s" "p50 ms" "p99 ms" "vs static" "app CPU ms"
printf '| %-52s | %9s | %8s | %8s | %9s | %11s |\n' "---" "---:" "---:" "---:" "---:" "---:"
for i in "${!names[@]}"; do
  name=${names[$i]}
  ratio=$(awk -v a="${rps[$name]}" -v b="${rps[static]}" 'BEGIN { printf "%.2f", a / b }')
  printf '| %-52s | %9.0f | %8s | %8s | %9s | %11s |\n' "\`${paths[$i]}\`" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" "$ratio" "${cpu[$name]}"
done
echo

all_ok=1
for name in "${pages[@]}"; do
  ratio=$(awk -v a="${rps[$name]}" -v b="${rps[static]}" 'BEGIN { printf "%.2f", a / b }')
  ok=$(awk -v r="$ratio" -v p="${p99[$name]}" 'BEGIN { print (r >= 0.4 && p < 10) ? 1 : 0 }')
  [ "$ok" = 1 ] || all_ok=0
  echo "$name: $ratio of the static file's throughput (target >= 0.4), p99 ${p99[$name]} ms (target < 10 ms): $([ "$ok" = 1 ] && echo PASS || echo FAIL)"
done
echo "app CPU ms = the app's own user+system CPU time per request, which other load on the machine hardly changes."
echo "Raw wrk output: bench/results/$stamp-*.txt"

[ "$all_ok" = 1 ] && [ "$errors" = 0 ]
