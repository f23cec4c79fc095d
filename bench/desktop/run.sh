#!/usr/bin/env bash
# Issue 8's desktop figures: unlock to first painted list, search keystroke to updated list and
# resident memory with N items, headless on Monocle with the software renderer (no DISPLAY needed).
# Usage: bench/desktop/run.sh [items] [rounds]   (defaults: 10000 items, 5 unlock rounds)
# The JVM runs with the app's shipped options (desktop-client's jvm.options, as the launcher and the
# app-image do); extra ones (for example -XX:NativeMemoryTracking=summary): DESKTOP_BENCH_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  nice -n 19 mvn -B -q -pl bench -am package -DskipTests
fi
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
# The app's shipped JVM options, from the file the launcher and the installers read.
java_opts=()
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] || java_opts+=("$line")
done <desktop-client/src/main/resources/dev/strongroom/desktop/app/jvm.options
# ... and the process environment it ships with (launch.env: glibc's malloc arenas), unless set.
while IFS='=' read -r name value; do
  [[ -z "$name" || "$name" == \#* || -n "${!name:-}" ]] || export "$name=$value"
done <desktop-client/src/main/resources/dev/strongroom/desktop/app/launch.env
echo "environment: MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}"
exec java "${java_opts[@]}" ${DESKTOP_BENCH_JAVA_OPTS:-} -cp bench/target/benchmarks.jar \
  dev.strongroom.bench.desktop.DesktopBench "${1:-10000}" "${2:-5}"
