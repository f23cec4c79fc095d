#!/usr/bin/env bash
# `./strongroom item list` over N items (default 10,000) as a whole process, next to
# `keepassxc-cli ls` over the same N entries, and the CLI's cold start. See bench/cli/README.md.
#
#   bench/cli/item-list-vs-keepassxc.sh [N]   RUNS=10 KDF_MS=125 VAULTS=20 SKIP_BUILD=1 to tune
#
# Needs: keepassxc-cli and hyperfine (Debian packages keepassxc, hyperfine), curl, python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-10000}"
runs="${RUNS:-10}"
kdf_ms="${KDF_MS:-125}"
vaults="${VAULTS:-20}" # spread over 20 vaults: loading one big vault write by write is O(N^2) # Strongroom's Argon2id m=64 MiB t=3 p=4 takes ~120-130 ms here
work="$(mktemp -d /tmp/strongroom-cli-bench.XXXXXX)"
cd "$root"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -pl cli,sync-server -am package -DskipTests
fi
server_pid=""
cleanup() {
  STRONGROOM_CONFIG_DIR="$work/cfg" STRONGROOM_AGENT_SOCKET="$work/run/a.sock" \
    "$root/strongroom" lock >/dev/null 2>&1 || true
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
java -jar sync-server/target/strongroom-server.jar serve --insecure-http --port "$port" \
  --data-dir "$work/srv" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
url="http://127.0.0.1:$port"

export STRONGROOM_CONFIG_DIR="$work/cfg" STRONGROOM_AGENT_SOCKET="$work/run/a.sock"
pw="bench password $RANDOM$RANDOM"
printf '%s\n' "$pw" >"$work/pw"
chmod 600 "$work/pw"
email="bench@example.test"
./strongroom server add bench "$url" >/dev/null
# The default (production) KDF: Argon2id m = 64 MiB, t = 3, p = 4.
./strongroom register --email "$email" --password-stdin <"$work/pw" >/dev/null

echo "== loading $n items over $vaults vaults (client-core, one write + one signed head each)" >&2
java -cp cli/target/strongroom-cli.jar bench/cli/Load.java "$url" "$email" "$n" "$vaults" \
  "$work/entries.xml" <"$work/pw" >&2

echo "== strongroom login: KDF + SRP + cold sync of $n items into a new cache" >&2
/usr/bin/time -f "login (cold sync) %e s, max RSS %M KiB" \
  ./strongroom login --email "$email" --password-stdin <"$work/pw" >/dev/null
count="$(./strongroom item list | wc -l)"
echo "strongroom item list: $count lines" >&2
[[ "$count" -eq "$n" ]]

echo "== keepassxc: import the same entries into a db whose KDF takes $kdf_ms ms" >&2
# keepassxc-cli 2.7 cannot choose Argon2 parameters: with -t it calibrates AES-KDF rounds to the
# given time. Equal KDF cost here means equal KDF time, not equal memory-hardness.
printf '%s\n%s\n' "$pw" "$pw" | keepassxc-cli import -q -p -t "$kdf_ms" "$work/entries.xml" \
  "$work/bench.kdbx" >/dev/null
keepassxc-cli db-info -q "$work/bench.kdbx" <"$work/pw" | grep -iE 'KDF|cipher|memory|iter|parall|transform' >&2 || true
kcount="$(keepassxc-cli ls -q -R -f "$work/bench.kdbx" <"$work/pw" | grep -vc '/$' || true)"
[[ "$kcount" -eq "$n" ]]
echo "keepassxc-cli ls: $kcount entries" >&2

echo "== side by side" >&2
hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/list.md" \
  -n "strongroom item list (unlocked agent)" "./strongroom item list >/dev/null" \
  -n "keepassxc-cli ls (KDF each run)" "keepassxc-cli ls -q -R -f $work/bench.kdbx <$work/pw >/dev/null" >&2

echo "== unlock from scratch (lock, login with KDF + SRP, warm cache) then item list" >&2
hyperfine --warmup 1 --runs "$((runs / 2 > 2 ? runs / 2 : 3))" --export-markdown "$work/unlock.md" \
  -n "strongroom lock; login; item list" \
  "./strongroom lock >/dev/null; ./strongroom login --email $email --password-stdin <$work/pw >/dev/null; ./strongroom item list >/dev/null" >&2

echo "== cold start" >&2
hyperfine --warmup 3 --runs "$runs" --export-markdown "$work/start.md" \
  -n "strongroom generate" "./strongroom generate >/dev/null" \
  -n "strongroom status" "./strongroom status >/dev/null" \
  -n "keepassxc-cli generate" "keepassxc-cli generate >/dev/null" >&2

cat "$work/list.md" "$work/unlock.md" "$work/start.md"
echo "(work dir: $work; load: $(cut -d' ' -f1-3 /proc/loadavg))"
