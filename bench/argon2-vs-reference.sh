#!/usr/bin/env bash
# Argon2id, m = 64 MiB, t = 3, p = 4, 32-byte tag: Strongroom (JMH, native engine via argon2-jvm)
# next to the C reference CLI (Debian package `argon2`, phc-winner-argon2), same password and salt.
# The project requirement is that our Argon2id is within 10% of the C reference.
#
# Usage: bench/argon2-vs-reference.sh           (from the repository root)
#   RUNS=20        number of timed runs of the C CLI
#   WITH_JAVA=1    also benchmark the pure-Java Bouncy Castle engine
#   SKIP_BUILD=1   reuse bench/target/benchmarks.jar
#   PAIRED=30      rounds of the paired comparison (0 to skip)
# On a shared machine the load changes within seconds; the paired comparison (one CLI run, then
# one in-process derivation, repeated) is the fairer figure; min is the least disturbed run.
# Needs: argon2 (apt-get install -y argon2), java 17, mvn (for the build); hyperfine is used if present.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-20}
PASSWORD=password
SALT='somesalt16bytes!'    # 16 bytes, as Strongroom requires; must match Argon2Benchmark
JAR=bench/target/benchmarks.jar

command -v argon2 >/dev/null || { echo "argon2 CLI missing: apt-get install -y argon2" >&2; exit 2; }
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$JAR" ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi

reference() { printf '%s' "$PASSWORD" | argon2 "$SALT" -id -t 3 -k 65536 -p 4 -l 32 -r; }

echo "== Same output? =="
ref_hex=$(reference)
ours=$(java -cp "$JAR" dev.strongroom.bench.Argon2Benchmark)
echo "C reference : $ref_hex"
echo "Strongroom  : ${ours#* } (${ours%% *})"
[[ "${ours#* }" == "$ref_hex" ]] || { echo "MISMATCH: not comparing speed of different functions" >&2; exit 1; }

echo
echo "== C reference CLI, $RUNS runs =="
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json /tmp/argon2-ref.json \
    "bash -c \"printf %s $PASSWORD | argon2 '$SALT' -id -t 3 -k 65536 -p 4 -l 32 -r\""
  ref_ms=$(python3 -c 'import json;print(round(json.load(open("/tmp/argon2-ref.json"))["results"][0]["mean"]*1000,1))')
else
  for _ in 1 2 3; do reference >/dev/null; done   # warm-up (page cache, CPU frequency)
  start=$(date +%s%N)
  for ((i = 0; i < RUNS; i++)); do reference >/dev/null; done
  end=$(date +%s%N)
  ref_ms=$(awk -v s="$start" -v e="$end" -v n="$RUNS" 'BEGIN { printf "%.1f", (e - s) / 1e6 / n }')
  echo "mean wall time per run (bash loop incl. process start): ${ref_ms} ms"
fi

echo
echo "== Strongroom, JMH =="
pattern='Argon2Benchmark.nativeEngine'
[[ "${WITH_JAVA:-0}" == 1 ]] && pattern='Argon2Benchmark'
java -jar "$JAR" "$pattern" -f 1 -wi 3 -i 5 -w 2s -r 2s -rf csv -rff /tmp/argon2-jmh.csv >/tmp/argon2-jmh.log
grep -E '^(Benchmark|Argon2Benchmark)' /tmp/argon2-jmh.log
ours_ms=$(awk -F, '/nativeEngine/ { gsub(/"/, "", $5); printf "%.1f", $5 }' /tmp/argon2-jmh.csv)

if [[ "${PAIRED:-30}" != 0 ]]; then
  echo
  echo "== Paired: CLI run and in-process derivation alternated, ${PAIRED:-30} rounds =="
  java -cp "$JAR" dev.strongroom.bench.Argon2Benchmark paired "${PAIRED:-30}" | tee /tmp/argon2-paired.txt
fi

echo
echo "== Summary (Argon2id m=64MiB t=3 p=4, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
echo "C reference CLI       : ${ref_ms} ms/derivation"
echo "Strongroom native JMH : ${ours_ms} ms/derivation"
awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$(nproc)" 'BEGIN {
  if (l > c / 2) printf "WARNING: load average %s on %s cores: figures are noisy, compare with care\n", l, c
}'
awk -v o="$ours_ms" -v r="$ref_ms" 'BEGIN {
  d = (o / r - 1) * 100
  printf "difference (unpaired) : %+.1f%% (%s the 10%% budget)\n", d, (d <= 10 ? "within" : "OUTSIDE")
}'
[[ -s /tmp/argon2-paired.txt && "${PAIRED:-30}" != 0 ]] && grep difference /tmp/argon2-paired.txt | sed 's/^ */paired /' || true
