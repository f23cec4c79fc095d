#!/usr/bin/env bash
# Issue 8's desktop figures: unlock to first painted list, search keystroke to updated list and
# resident memory with N items, headless on Monocle with the software renderer (no DISPLAY needed).
# Usage: bench/desktop/run.sh [items] [rounds]   (defaults: 10000 items, 5 unlock rounds)
# Extra JVM options (for example the heap limit the app is shipped with): DESKTOP_BENCH_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  nice -n 19 mvn -B -q -pl bench -am package -DskipTests
fi
echo "host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java ${DESKTOP_BENCH_JAVA_OPTS:-} -cp bench/target/benchmarks.jar \
  dev.strongroom.bench.desktop.DesktopBench "${1:-10000}" "${2:-5}"
