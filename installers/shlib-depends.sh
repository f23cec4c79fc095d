#!/usr/bin/env bash
# Prints the Debian packages (comma separated) that provide the shared libraries a directory's ELF
# files link against: the Depends a package of that directory needs. Libraries inside the
# directory itself are skipped.
set -euo pipefail
dir="$1"
find "$dir" -type f \( -name '*.so' -o -perm -u+x \) -print0 |
  xargs -0 file -L 2>/dev/null | grep -F 'ELF' | cut -d: -f1 |
  xargs -r ldd 2>/dev/null | awk '/=> \// {print $3}' | sort -u |
  while read -r lib; do
    [[ "$lib" == "$dir"* ]] && continue
    dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
  done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g'
