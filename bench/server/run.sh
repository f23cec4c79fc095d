#!/usr/bin/env bash
# Sync-server load benchmark over loopback (run by hand; never part of the test suite).
# Builds bench/target/benchmarks.jar if missing, then runs ServerLoad on SQLite and on embedded
# PostgreSQL: a bare Javalin hello-world (the ceiling), authenticated item GETs and check-and-set
# item PUTs, N client threads, requests/s and p50/p90/p99/max latency.
#
#   bench/server/run.sh [threads=8] [seconds=10] [warmup=3] [items=1000] [backends="sqlite postgres"]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-8}; seconds=${2:-10}; warmup=${3:-3}; items=${4:-1000}; backends=${5:-"sqlite postgres"}
if [[ ! -f bench/target/benchmarks.jar ]]; then
  mvn -B -q -o -pl bench -am package -DskipTests
fi
if command -v wrk >/dev/null; then export WRK=1; fi  # also measure the GETs with wrk
echo "host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for b in $backends; do
  java -Xmx1g -cp bench/target/benchmarks.jar dev.strongroom.bench.server.ServerLoad \
    "$b" "$threads" "$seconds" "$warmup" "$items" 2>&1 | grep -v -E '^\S+T\S+ (INFO|WARN) '
done
