#!/usr/bin/env bash
# Side-by-side reference for "add a member to a vault": pass(1) adding a second GPG recipient to a
# password store re-encrypts every entry. Builds a throwaway GNUPGHOME and store of N entries
# (default 1000), then times `pass init KEY1 KEY2`. Needs the Debian packages pass and gnupg.
set -euo pipefail
N="${1:-1000}"
WORK="$(mktemp -d)"
trap 'gpgconf --homedir "$WORK/gnupg" --kill all >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
export GNUPGHOME="$WORK/gnupg" PASSWORD_STORE_DIR="$WORK/store"
mkdir -m 700 "$GNUPGHOME"
for who in alice bob; do
  gpg --batch --quiet --passphrase '' --quick-gen-key "$who@bench.test" future-default default never
done
K1="$(gpg --list-keys --with-colons alice@bench.test | awk -F: '/^fpr/{print $10; exit}')"
K2="$(gpg --list-keys --with-colons bob@bench.test | awk -F: '/^fpr/{print $10; exit}')"
pass init "$K1" >/dev/null
echo "filling $N entries..." >&2
for i in $(seq 1 "$N"); do
  printf 'secret-%s\n' "$i" | pass insert -m -f "team/key-$i" >/dev/null
done
start=$(date +%s.%N)
pass init "$K1" "$K2" >/dev/null
end=$(date +%s.%N)
count=$(find "$PASSWORD_STORE_DIR" -name '*.gpg' | wc -l)
printf 'pass init (second recipient, %s entries, %s files re-encrypted): %.2f s\n' \
  "$N" "$count" "$(echo "$end - $start" | bc -l)"
