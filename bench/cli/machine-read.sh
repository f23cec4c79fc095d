#!/usr/bin/env bash
# `./strongroom read` with a machine token, whole process, cold, against a loopback server: how
# long a CI step waits for one secret (target < 1 s). See bench/cli/README.md.
#
#   bench/cli/machine-read.sh [N]   N environment-set items in the vault (default 50)
#   RUNS=20 TLS=1 (https with a pinned self-signed certificate) SKIP_BUILD=1 to reuse the jars
#
# Needs: hyperfine, curl, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-50}"
runs="${RUNS:-20}"
work="$(mktemp -d /tmp/strongroom-machine-bench.XXXXXX)"
cd "$root"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -pl cli,sync-server -am package -DskipTests
fi
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
server=(java -jar sync-server/target/strongroom-server.jar)
pin="-"
if [[ -n "${TLS:-}" ]]; then
  pin="$("${server[@]}" tls-selfsigned --out "$work/tls" --host 127.0.0.1 |
    sed -n 's/^SHA-256 fingerprint: //p')"
  "${server[@]}" serve --port "$port" --data-dir "$work/srv" \
    --tls-cert "$work/tls/"*cert*.pem --tls-key "$work/tls/"*key*.pem >"$work/server.log" 2>&1 &
  url="https://127.0.0.1:$port"
  export STRONGROOM_TLS_PIN="$pin"
else
  "${server[@]}" serve --insecure-http --port "$port" --data-dir "$work/srv" >"$work/server.log" 2>&1 &
  url="http://127.0.0.1:$port"
fi
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsk "$url/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done

echo "== admin: team, vault 'ci' with $n environment-set items, machine account" >&2
ref="$(java -cp cli/target/strongroom-cli.jar bench/cli/MachineSetup.java "$url" "$pin" "$work" "$n")"
export STRONGROOM_SERVER_URL="$url" STRONGROOM_CONFIG_DIR="$work/empty-config"
STRONGROOM_TOKEN="$(cat "$work/token")"
export STRONGROOM_TOKEN
damaged="${STRONGROOM_TOKEN:0:20}$([[ "${STRONGROOM_TOKEN:20:1}" == A ]] && echo B || echo A)${STRONGROOM_TOKEN:21}"

# The first run records the headless AppCDS archive the later runs map (see ./strongroom); the
# --version run records the other archive, used by `strongroom --version` below.
./strongroom --version >/dev/null
./strongroom read "$ref" >/dev/null
value="$(./strongroom read "$ref")"
[[ "$value" == "value-0-0" ]]

echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" >&2
hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/read.md" \
  -n "strongroom --version (JVM + whole CLI model)" "./strongroom --version >/dev/null" \
  -n "strongroom read --version (JVM + headless CLI model)" "./strongroom read --version >/dev/null" \
  -n "strongroom read, damaged token (start + token check, no network)" \
  "STRONGROOM_TOKEN=$damaged ./strongroom read $ref >/dev/null 2>&1 || true" \
  -n "strongroom read (whole: log + vault, verified, decrypted)" "./strongroom read $ref >/dev/null" >&2
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
cat "$work/read.md"

echo "== one cold read inside a fresh JVM, by phase (same JVM flags as ./strongroom, no CDS)" >&2
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp cli/target/strongroom-cli.jar bench/cli/ReadPhases.java \
  "$url" "$pin" "$ref"
